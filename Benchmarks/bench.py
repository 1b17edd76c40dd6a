#!/usr/bin/env python3
"""Benchmark harness: measures Aftermath beside the Python baseline and the I/O floors in the
same run, and prints each figure (median of several runs, peak memory) beside its target.

    bench.py --binary .build/release/aftermath [--documents 100000] [--runs 5] [--work DIR]

Corpora are generated under --work (default Benchmarks/corpus, git-ignored) and reused.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

def measure(cmd, cwd, runs, env=None, shell=False, before=None):
    """Median wall time of `runs` runs; `before` runs untimed ahead of each."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=env, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)

def peak_of(cmd, cwd, env=None, before=None):
    """Peak RSS of one command, read from /usr/bin/time (independent of earlier children)."""
    if before:
        before()
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr.strip().splitlines()
    try:
        return int(out[-1]) / 1024
    except (ValueError, IndexError):
        return float("nan")

def corpus(work, documents, errors):
    path = os.path.join(work, f"corpus-{documents}-{errors}")
    if not os.path.exists(os.path.join(path, ".git")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), path, "--documents", str(documents),
                        "--errors", str(errors)], check=True)
    return path

def error_count_aftermath(binary, repo):
    out = subprocess.run([binary, "validate", "--format", "json"], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    return json.loads(out)["summary"]["errors"]

def error_count_baseline(repo):
    out = subprocess.run([sys.executable, os.path.join(HERE, "baseline", "validate.py"), repo, os.path.join(ROOT, "schema")],
                         stdout=subprocess.PIPE, text=True).stdout
    return int(out.split()[0])

def changed_documents(repo, count):
    files = subprocess.run(["git", "ls-files", "postmortems"], cwd=repo, stdout=subprocess.PIPE, text=True).stdout.split()
    chosen = [f for f in files if "/remediations/" in f][:count]
    for f in chosen:
        p = os.path.join(repo, f)
        text = open(p).read().replace("\npriority: p", "\npriority: p", 1)
        open(p, "w").write(text + "Benchmark edit.\n")
    subprocess.run(["git", "add"] + chosen, cwd=repo, check=True)
    return chosen

def restore(repo):
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=repo, check=True)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--documents", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(HERE, "corpus"))
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    os.makedirs(args.work, exist_ok=True)

    # Agreement: both tools count the same errors on a sprinkled corpus.
    sprinkled = corpus(args.work, 10000, 60)
    ours, theirs = error_count_aftermath(binary, sprinkled), error_count_baseline(sprinkled)
    print(f"agreement on the sprinkled 10k corpus: aftermath {ours} errors, baseline {theirs} errors -> {'OK' if ours == theirs == 60 else 'MISMATCH'}")
    if ours != theirs:
        sys.exit(1)

    repo = corpus(args.work, args.documents, 0)
    n = args.documents
    rows = []
    def row(name, seconds, peak, target, note=""):
        rows.append((name, seconds, peak, target, note))

    base_t = measure([sys.executable, os.path.join(HERE, "baseline", "validate.py"), repo, os.path.join(ROOT, "schema")], repo, args.baseline_runs)
    base_peak = peak_of([sys.executable, os.path.join(HERE, "baseline", "validate.py"), repo, os.path.join(ROOT, "schema")], repo)
    row("baseline (Python: PyYAML C loader + jsonschema + links)", base_t, base_peak, "")

    # Cold: no summary under .git/aftermath (the first run, or the first of a day); the run
    # writes one. Warm: the summary of an earlier run applies and only changes are re-read.
    def forget():
        shutil.rmtree(os.path.join(repo, ".git", "aftermath"), ignore_errors=True)
    for name, args_, target in [("validate (working tree)", [], ">= 20x baseline"),
                                ("validate --rev HEAD (object database)", ["--rev", "HEAD"], ">= 12x baseline")]:
        cmd = [binary, "validate"] + args_
        t = measure(cmd, repo, args.runs, before=forget)
        row(f"aftermath {name}, cold", t, peak_of(cmd, repo, before=forget), target, f"{base_t / t:.1f}x baseline")
        t = measure(cmd, repo, args.runs)
        row(f"aftermath {name}, warm", t, peak_of(cmd, repo), "", f"{base_t / t:.1f}x baseline")
    cmd = [binary, "validate", "--threads", "1"]
    t1 = measure(cmd, repo, max(1, args.runs // 2), before=forget)
    row("aftermath validate --threads 1, cold", t1, peak_of(cmd, repo, before=forget), "", f"{base_t / t1:.1f}x baseline")

    # Incremental runs start from the summary a full run left; here, as after any commit
    # checked by the hook, that of HEAD. Runs that find it apply leave it as it is, so every
    # measured run re-reads the changed documents anew.
    forget()
    subprocess.run([binary, "validate", "--rev", "HEAD"], cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for count in (1, 20):
        changed_documents(repo, count)
        t = measure([binary, "validate", "--staged"], repo, args.runs)
        row(f"aftermath validate --staged, {count} changed", t, peak_of([binary, "validate", "--staged"], repo), "< 0.200 s")
        if count == 20:
            t = measure([binary, "hook", "pre-commit"], repo, args.runs)
            row("aftermath hook pre-commit, 20 changed", t, peak_of([binary, "hook", "pre-commit"], repo), "< 0.200 s")
            # The same change as a commit, checked as CI and the push hook check a range.
            subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", "bench"],
                           cwd=repo, check=True)
            cmd = [binary, "validate", "--range", "HEAD~1..HEAD"]
            t = measure(cmd, repo, args.runs)
            row("aftermath validate --range HEAD~1..HEAD, 20 changed", t, peak_of(cmd, repo), "")
            subprocess.run(["git", "reset", "-q", "--hard", "HEAD~1"], cwd=repo, check=True)
        restore(repo)

    # Cold page cache: each run after the kernel drops its caches (needs root; skipped otherwise).
    def drop_caches():
        subprocess.run(["sh", "-c", "sync && echo 3 > /proc/sys/vm/drop_caches"], check=True, stderr=subprocess.DEVNULL)
    cold = None
    try:
        drop_caches()
        cold = measure([binary, "list"], repo, args.runs, before=drop_caches)
    except subprocess.CalledProcessError:
        pass
    # Warm: the caches the cold runs dropped are filled again by one untimed run first.
    subprocess.run([binary, "list"], cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = measure([binary, "list"], repo, args.runs)
    if cold is not None:
        row("aftermath list (default view), cold page cache", cold, float("nan"), "< 1 s")
    row("aftermath list (default view), warm", t, peak_of([binary, "list"], repo), "< 0.300 s")
    # The first listing in a clone: no summary yet, so it validates in full and leaves one.
    t = measure([binary, "list"], repo, args.runs, before=forget)
    row("aftermath list (default view), no summary yet", t, peak_of([binary, "list"], repo, before=forget), "")

    t = measure("git cat-file --batch-all-objects --batch > /dev/null", repo, args.runs, shell=True)
    row("floor: git cat-file --batch-all-objects --batch", t, float("nan"), "")
    t = measure("find postmortems -name '*.md' -print0 | xargs -0 cat > /dev/null", repo, args.runs, shell=True)
    row("floor: cat of every document", t, float("nan"), "")
    t = measure(["git", "status", "--porcelain"], repo, args.runs)
    row("floor: git status (stat of every tracked file)", t, float("nan"), "")

    print(f"\n{n} documents, median of {args.runs} runs (baseline: {args.baseline_runs}), {os.cpu_count()} cores\n")
    print(f"| {'measurement':<58} | {'median':>9} | {'peak MB':>8} | {'target':<16} | ratio |")
    print(f"|{'-' * 60}|{'-' * 11}|{'-' * 10}|{'-' * 18}|-------|")
    for name, seconds, peak, target, note in rows:
        peak_text = "" if peak != peak else f"{peak:.0f}"
        print(f"| {name:<58} | {seconds:>8.3f}s | {peak_text:>8} | {target:<16} | {note} |")
    print("\npeak memory target: < 300 MB at 100k documents")

if __name__ == "__main__":
    main()
