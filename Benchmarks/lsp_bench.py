#!/usr/bin/env python3
"""Benchmark of `aftermath lsp`: every figure of the language server's speed targets, printed
beside its target. A client process (this one) times what an editor would see, from the write
of a message to the read of the server's answer.

    lsp_bench.py [--documents 100000] [--corpus DIR] [--changes 200] [--soak 10000] [--bin PATH]

Without --corpus, a repository is generated with generate_corpus.py (in a temporary folder).
The figures: first diagnostics of an opened document after `initialize`, with and without a
summary under .git/aftermath/ (left by `aftermath validate`; the files are in the page cache
either way); diagnostics after a one-field
change (median, p95); completion and definition (median); peak resident memory after the soak
(changes spread over 200 documents).
"""
import argparse, json, os, pathlib, shutil, statistics, subprocess, sys, tempfile, time

HERE = pathlib.Path(__file__).resolve().parent


class Client:
    def __init__(self, binary, root):
        self.process = subprocess.Popen([binary, "lsp", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)
        self.next_id = 0
        self.root = root

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("the server ended")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for_diagnostics(self, uri, version):
        while True:
            message = self.read()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri \
                    and message["params"].get("version") == version:
                return message

    def peak_rss_mb(self):
        for line in open(f"/proc/{self.process.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=60)


def documents(root):
    return sorted(str(p) for p in pathlib.Path(root, "postmortems").rglob("*.md"))


def first_diagnostics(binary, root, path):
    started = time.perf_counter()
    client = Client(binary, root)
    client.request("initialize", {"processId": os.getpid(), "rootUri": pathlib.Path(root).as_uri(), "capabilities": {}})
    client.notify("initialized", {})
    uri = pathlib.Path(path).as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": open(path).read()}})
    client.wait_for_diagnostics(uri, 1)
    return client, time.perf_counter() - started


def one_field_changes(client, path, count, first_version=2):
    """Times `count` changes of one field (the title, on its line) from write to publish."""
    uri = pathlib.Path(path).as_uri()
    lines = open(path).read().split("\n")
    line = next(i for i, text in enumerate(lines) if text.startswith("title:"))
    times = []
    for i in range(count):
        version = first_version + i
        started = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": len(lines[line]) + 40}},
             "text": f"title: Benchmark edit {i}"}]})
        client.wait_for_diagnostics(uri, version)
        times.append(time.perf_counter() - started)
        lines[line] = f"title: Benchmark edit {i}"
    return times


def timed_request(client, method, params, count):
    times = []
    for _ in range(count):
        started = time.perf_counter()
        client.request(method, params)
        times.append(time.perf_counter() - started)
    return times


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def row(name, value, unit, target):
    print(f"{name:<52} {value:>10.3f} {unit:<3} target {target}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100000)
    parser.add_argument("--corpus")
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--soak", type=int, default=10000)
    parser.add_argument("--bin", default=str(HERE.parent / ".build" / "release" / "aftermath"))
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    scratch = tempfile.TemporaryDirectory()
    root = args.corpus
    if root is None:
        root = os.path.join(scratch.name, "corpus")
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), root, "--documents", str(args.documents)], check=True)
    paths = documents(root)
    target = next(p for p in paths if "/findings/" in p)
    load = os.getloadavg()[0]
    print(f"aftermath lsp on {len(paths)} documents ({root}), {os.cpu_count()} cores, load average {load:.1f} at the start")

    # No summary: the server makes one (the summary is derived data, and any there is removed).
    # The files are read once first, so that this row, like the others, measures the server
    # and not the disk (as `cold` means no summary in docs/performance.md, not an empty page cache).
    subprocess.run([args.bin, "validate"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(os.path.join(root, ".git", "aftermath"), ignore_errors=True)
    client, cold = first_diagnostics(args.bin, root, target)
    client.close()
    row("first diagnostics after initialize, no summary", cold, "s", "< 3 s")
    subprocess.run([args.bin, "validate"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client, warm = first_diagnostics(args.bin, root, target)
    row("first diagnostics after initialize, with summary", warm, "s", "< 1.5 s")

    changes = one_field_changes(client, target, args.changes)
    row("one-field change to diagnostics, median", statistics.median(changes) * 1000, "ms", "< 50 ms")
    row("one-field change to diagnostics, p95", p95(changes) * 1000, "ms", "< 100 ms")

    uri = pathlib.Path(target).as_uri()
    lines = open(target).read().split("\n")
    postmortem_line = next(i for i, text in enumerate(lines) if text.startswith("postmortem:"))
    position = {"textDocument": {"uri": uri}, "position": {"line": postmortem_line, "character": 14}}
    row("completion, median", statistics.median(timed_request(client, "textDocument/completion", position, 50)) * 1000, "ms", "< 20 ms")
    row("definition, median", statistics.median(timed_request(client, "textDocument/definition", position, 50)) * 1000, "ms", "< 20 ms")

    # The soak: changes spread over 200 open documents, then the peak resident memory.
    soaked = [p for p in paths if "/findings/" in p][:200]
    for path in soaked:
        if path != target:
            client.notify("textDocument/didOpen", {"textDocument": {"uri": pathlib.Path(path).as_uri(), "languageId": "markdown",
                                                                    "version": 1, "text": open(path).read()}})
    per_document = max(1, args.soak // len(soaked))
    for path in soaked:
        one_field_changes(client, path, per_document, first_version=10_000)
    row(f"peak RSS after {per_document * len(soaked)} changes over {len(soaked)} documents", client.peak_rss_mb(), "MB", "< 400 MB")
    client.close()


if __name__ == "__main__":
    main()
