#!/usr/bin/env python3
"""The tool a team would write instead of Aftermath: PyYAML's C loader, `jsonschema` on the
project's schema/ files, and the cross-document link checks. Used by the benchmark as the
baseline; it must count the same errors as Aftermath on the sprinkled corpus.

    validate.py REPO SCHEMA_DIR      prints "<n> errors" and exits 1 when n > 0
"""
import json, os, re, sys
import yaml
from jsonschema import Draft202012Validator

class Loader(yaml.CSafeLoader):
    """YAML 1.1 would turn dates into datetime objects; the schemas expect strings."""

Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}

TRACKERS = [
    re.compile(r"^JIRA:(?P<key>[A-Z][A-Z0-9]+-[0-9]+)$"),
    re.compile(r"^github:(?P<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)#(?P<number>[0-9]+)$"),
    re.compile(r"^gitlab:(?P<project>[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+)#(?P<number>[0-9]+)$"),
]
OPEN = {"finding": {"open"}, "remediation": {"proposed", "open", "in-progress"}}

def main(repo, schema_dir):
    validators = {}
    for kind in ("postmortem", "finding", "remediation"):
        with open(os.path.join(schema_dir, f"{kind}.schema.json")) as f:
            validators[kind] = Draft202012Validator(json.load(f), format_checker=Draft202012Validator.FORMAT_CHECKER)
    with open(os.path.join(repo, "owners.yml")) as f:
        owners = yaml.load(f, Loader=Loader) or {}
    names = set()
    for p in owners.get("people") or []:
        names.add(p["handle"]); names.update(p.get("aliases") or [])
    for t in owners.get("teams") or []:
        names.add(t["handle"])

    errors = 0
    docs = {}
    duplicates = 0
    for folder, _, files in os.walk(os.path.join(repo, "postmortems")):
        for name in files:
            if not name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if not text.startswith("---\n"):
                errors += 1
                continue
            end = text.find("\n---\n", 3)
            if end < 0:
                errors += 1
                continue
            try:
                data = yaml.load(text[4:end + 1], Loader=Loader)
            except yaml.YAMLError:
                errors += 1
                continue
            kind = data.get("kind")
            if kind not in validators:
                errors += 1
                continue
            errors += sum(1 for _ in validators[kind].iter_errors(data))
            if data.get("id") in docs:
                duplicates += 2
            docs[data.get("id")] = data
    errors += duplicates

    children = {}
    for doc in docs.values():
        parent = doc.get("postmortem") if doc.get("kind") == "finding" else doc.get("finding")
        if parent:
            children.setdefault(parent, []).append(doc)
    for doc in docs.values():
        kind = doc.get("kind")
        if kind == "finding":
            target = docs.get(doc.get("postmortem"))
            if not target or target.get("kind") != "postmortem":
                errors += 1
            for rel in doc.get("related") or []:
                if docs.get(rel, {}).get("kind") != "finding":
                    errors += 1
        if kind == "remediation":
            target = docs.get(doc.get("finding"))
            if not target or target.get("kind") != "finding":
                errors += 1
        for field in ("owner", "authors", "approved_by", "closed_by"):
            value = doc.get(field)
            for name in value if isinstance(value, list) else ([value] if value is not None else []):
                if name not in names:
                    errors += 1
        for ref in doc.get("bugs") or ([doc["bug"]] if doc.get("bug") else []):
            if not any(t.match(str(ref)) for t in TRACKERS):
                errors += 1
        if kind == "postmortem" and doc.get("status") == "closed":
            for finding in (d for d in children.get(doc.get("id"), []) if d.get("kind") == "finding"):
                if finding.get("status") in OPEN["finding"] or finding.get("status") not in ("resolved", "accepted-risk"):
                    errors += 1
                for item in children.get(finding.get("id"), []):
                    if item.get("status") not in ("done", "wont-fix"):
                        errors += 1
        if kind == "finding" and doc.get("status") == "resolved":
            for item in children.get(doc.get("id"), []):
                if item.get("status") not in ("done", "wont-fix"):
                    errors += 1
    print(f"{errors} errors")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
