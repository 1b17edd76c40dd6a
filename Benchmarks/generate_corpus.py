#!/usr/bin/env python3
"""Generates a benchmark repository of postmortems for Aftermath.

Each postmortem has 5 findings and 2 remediation items per finding: 16 documents, with
realistic sizes (10-20 front-matter fields, 20-60 body lines), every status and category,
valid under the project's schemas and rules. `--errors K` sprinkles K documents with one
known error each (a bad status, an unknown owner or a broken link), which both Aftermath and
the baseline must count.

    generate_corpus.py OUT --documents 100000 [--errors 0] [--seed 1] [--no-git]
"""
import argparse, os, random, subprocess, shutil, sys

CATEGORIES = ["technical-lapse", "procedural-failure", "manual-error", "process-flaw", "communication-glitch", "attack-vector"]
SEVERITIES = ["sev1", "sev2", "sev3", "sev4"]
DUE_DAYS = {"sev1": 15, "sev2": 30, "sev3": 60, "sev4": 90}
WORDS = ("database replica failover alert runbook deploy rollback certificate expiry queue backlog latency "
         "timeout credential rotation bucket policy firewall rule cache stampede index migration vendor "
         "notice paging escalation dashboard capacity quota throttling retry storm checksum").split()

def sentence(rng, n=12):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

def date(day):  # day: days since 2020-01-01
    import datetime
    return (datetime.date(2020, 1, 1) + datetime.timedelta(days=day)).isoformat()

def stamp(day, minutes):
    h, m = divmod(minutes % 1440, 60)
    return f"{date(day)}T{h:02d}:{m:02d}:00Z"

def owners_file(people, teams):
    lines = ["people:"]
    for p in people:
        lines += [f"  - handle: {p}", f"    name: {p.capitalize()} Example", f"    email: {p}@example.org"]
    lines.append("teams:")
    for t, members in teams.items():
        lines += [f"  - handle: {t}", f"    name: {t.upper()} team", f"    members: [{', '.join(members)}]", f"    lead: {members[0]}"]
    return "\n".join(lines) + "\n"

def body_lines(rng, count):
    out = []
    for i in range(count):
        out.append(sentence(rng, rng.randint(6, 14)))
    return out

def postmortem(rng, pm, day, severity, status, people, findings_open):
    author, approver = rng.sample(people, 2)
    declared = rng.randint(60, 1200)
    fm = [
        f"id: {pm}", "kind: postmortem", f"title: {sentence(rng, 6)[:-1]}", f"status: {status}", f"severity: {severity}",
        f"authors: [{author}]",
    ]
    if status in ("published", "closed"):
        fm.append(f"approved_by: {approver}")
    fm += ["incident:", f"  detected_at: {stamp(day, declared - 20)}", f"  declared_at: {stamp(day, declared)}",
           f"  contained_at: {stamp(day, declared + 45)}", f"  recovered_at: {stamp(day, declared + 130)}",
           f"customer_impact: {rng.choice(['true', 'false'])}"]
    breach = rng.random() < 0.1
    fm.append(f"data_breach: {'true' if breach else 'false'}")
    if breach:
        fm.append(f"customers_notified_at: {stamp(day + 1, declared)}")
        fm.append("actors: [Unknown external scanner]")
        fm.append("attack_vectors: [Public object storage listing]")
    fm.append(f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}-2]")
    if status == "closed":
        fm += [f"closed_at: {date(day + 40)}", f"closed_by: {approver}"]
    body = ["## Summary"] + body_lines(rng, 3) + ["", "## Timeline"]
    for i in range(rng.randint(4, 10)):
        body.append(f"- {date(day)} {((declared - 20 + i * 9) % 1440) // 60:02d}:{((declared - 20 + i * 9) % 1440) % 60:02d} {sentence(rng, 5)}")
    body += ["", "## Root cause"] + body_lines(rng, rng.randint(3, 12)) + ["", "## Response"] + body_lines(rng, rng.randint(3, 10)) + ["", "## Lessons"] + body_lines(rng, rng.randint(2, 8))
    return fm, body, declared

def write(path, fm, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("---\n" + "\n".join(fm) + "\n---\n" + "\n".join(body) + "\n")

def generate(out, documents, errors, seed):
    rng = random.Random(seed)
    people = [f"person{i:02d}" for i in range(60)]
    teams = {f"team{t}": people[t * 6:(t + 1) * 6] for t in range(8)}
    owners = people + list(teams)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, ".aftermath.yml"), "w") as f:
        f.write("roots: [postmortems]\nowners: owners.yml\n")
    with open(os.path.join(out, "owners.yml"), "w") as f:
        f.write(owners_file(people, teams))
    count = documents // 16
    paths = []
    for n in range(count):
        year = 2020 + n * 7 // count
        number = n + 1
        pm = f"PM-{year}-{number:04d}"
        day = (year - 2020) * 365 + rng.randint(0, 300)
        severity = SEVERITIES[n % 4]
        status = ["draft", "in-review", "published", "closed"][n % 4]
        folder = os.path.join(out, "postmortems", f"{pm}-{rng.choice(WORDS)}-{rng.choice(WORDS)}")
        fm, body, declared = postmortem(rng, pm, day, severity, status, people, status != "closed")
        write(os.path.join(folder, "postmortem.md"), fm, body)
        paths.append(os.path.join(folder, "postmortem.md"))
        for f_index in range(1, 6):
            fid = f"F-{year}-{number:04d}-{f_index:02d}"
            category = CATEGORIES[(n + f_index) % 6]
            owner = rng.choice(owners)
            if status == "closed":
                fstatus = "resolved" if f_index != 5 else "accepted-risk"
            else:
                fstatus = ["open", "open", "resolved", "accepted-risk", "open"][f_index - 1]
            approver = rng.choice([p for p in people if p != owner])
            ffm = [f"id: {fid}", "kind: finding", f"postmortem: {pm}", f"title: {sentence(rng, 7)[:-1]}", f"category: {category}",
                   f"owner: {owner}", f"bugs: [JIRA:OPS-{rng.randint(1, 99999)}, 'github:acme/infra#{rng.randint(1, 9999)}']", f"status: {fstatus}"]
            if fstatus == "accepted-risk":
                ffm += [f"justification: {sentence(rng, 10)}", f"approved_by: {approver}"]
            ffm += [f"tags: [{rng.choice(WORDS)}]"]
            if n > 10 and rng.random() < 0.2:
                other = rng.randint(1, n)
                ffm.append(f"related: [F-{2020 + (other - 1) * 7 // count}-{other:04d}-0{rng.randint(1, 5)}]")
            fbody = body_lines(rng, rng.randint(20, 40))
            fpath = os.path.join(folder, "findings", f"{fid}-{rng.choice(WORDS)}.md")
            write(fpath, ffm, fbody)
            paths.append(fpath)
            for r_index in range(2):
                rid = f"R-{year}-{number:04d}-{(f_index - 1) * 2 + r_index + 1:02d}"
                if fstatus in ("resolved",) or status == "closed":
                    rstatus = ["done", "wont-fix"][r_index]
                else:
                    rstatus = ["proposed", "open", "in-progress", "done", "wont-fix"][(n + f_index + r_index) % 5]
                rowner = rng.choice(owners)
                due = day + rng.randint(1, DUE_DAYS[severity] - 1)
                rfm = [f"id: {rid}", "kind: remediation", f"finding: {fid}", f"title: {sentence(rng, 6)[:-1]}", f"owner: {rowner}",
                       f"due: {date(due)}", f"status: {rstatus}", f"bug: JIRA:OPS-{rng.randint(1, 99999)}", f"priority: p{rng.randint(0, 3)}"]
                if rstatus == "done":
                    rfm += [f"resolved_at: {date(due - 1)}", f"resolution: {sentence(rng, 8)}"]
                if rstatus == "wont-fix":
                    rfm += [f"resolution: {sentence(rng, 8)}", f"approved_by: {rng.choice([p for p in people if p != rowner])}"]
                rpath = os.path.join(folder, "remediations", f"{rid}-{rng.choice(WORDS)}.md")
                write(rpath, rfm, body_lines(rng, rng.randint(20, 30)))
                paths.append(rpath)
    # Sprinkled errors: each chosen document gets exactly one error that both tools detect
    # (and that changes nothing else: no status, so no closure rule fires).
    chosen = rng.sample([p for p in paths if "/findings/" in p or "/remediations/" in p], errors)
    for i, path in enumerate(chosen):
        text = open(path).read()
        kind = i % 3
        finding = "/findings/" in path
        if kind == 0:  # a value outside the schema's enum
            text = text.replace("\ncategory: ", "\ncategory: bogus-", 1) if finding else text.replace("\npriority: p", "\npriority: p9", 1)
        elif kind == 1:  # an owner nobody registered
            text = text.replace("\nowner: ", "\nowner: nobody-", 1)
        else:  # a link to a document that does not exist (still a well-formed ID)
            if finding:
                head, _, rest = text.partition("\npostmortem: ")
                pm, _, tail = rest.partition("\n")
                text = head + "\npostmortem: " + pm[:8] + "9" + pm[8:] + "\n" + tail
            else:
                head, _, rest = text.partition("\nfinding: ")
                fid, _, tail = rest.partition("\n")
                text = head + "\nfinding: " + fid[:-2] + "99\n" + tail
        open(path, "w").write(text)
    return len(paths)

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--documents", type=int, default=10000)
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-git", action="store_true")
    args = parser.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    n = generate(args.out, args.documents, args.errors, args.seed)
    if not args.no_git:
        env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.org",
                   GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.org")
        subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True, env=env)
        subprocess.run(["git", "-C", args.out, "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", args.out, "commit", "-q", "-m", "corpus"], check=True, env=env)
    print(f"{args.out}: {n} documents, {args.errors} sprinkled errors", file=sys.stderr)

if __name__ == "__main__":
    main()
