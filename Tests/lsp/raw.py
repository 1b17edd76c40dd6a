"""The server driven byte for byte, for what no well-behaved client sends: every message is
written at once, standard input is closed, and the frames the server wrote are read back."""
import json
import subprocess

from conftest import SERVER


def frame(message) -> bytes:
    body = message if isinstance(message, bytes) else json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def request(id, method, params=None):
    message = {"jsonrpc": "2.0", "id": id, "method": method}
    if params is not None:
        message["params"] = params
    return message


def notification(method, params=None):
    message = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        message["params"] = params
    return message


def initialize(repo, id=1):
    return request(id, "initialize", {"processId": None, "rootUri": repo.as_uri(), "capabilities": {}})


def run(data: bytes):
    """The exit status and the messages the server wrote, for `data` on its standard input."""
    process = subprocess.run(SERVER, input=data, capture_output=True, timeout=120)
    return process.returncode, parse(process.stdout)


def parse(output: bytes):
    messages = []
    while output:
        header, _, rest = output.partition(b"\r\n\r\n")
        assert header.startswith(b"Content-Length: "), header
        length = int(header[len(b"Content-Length: "):])
        messages.append(json.loads(rest[:length]))
        output = rest[length:]
    return messages


def response(messages, id):
    [found] = [m for m in messages if "method" not in m and m.get("id") == id]
    return found


class Session:
    """The server driven frame by frame: each `write` is one write on its standard input, so a
    test decides which messages the server can see together."""

    def __init__(self, cwd):
        self.process = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)

    def write(self, *messages):
        self.process.stdin.write(b"".join(frame(m) for m in messages))
        self.process.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            assert line, "the server ended"
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def read_until(self, predicate):
        """Messages read up to and including the first for which `predicate` holds."""
        seen = []
        while True:
            message = self.read()
            seen.append(message)
            if predicate(message):
                return seen

    def close(self):
        self.write(request(999, "shutdown"), notification("exit"))
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0
