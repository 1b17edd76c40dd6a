#!/usr/bin/env python3
"""A loopback forward proxy that records what passes through it: plain HTTP requests in
absolute form (`GET http://host:port/path`), forwarded and answered; `CONNECT host:port`
tunnels for HTTPS, whose bytes it relays without reading them.

usage: forward_proxy.py LOG.jsonl PORTFILE

Each request is logged as one JSON line: method, target (the absolute URL, or host:port for
CONNECT) and the Proxy-Authorization header if any.
"""
import http.client, json, os, select, socket, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

log_path, port_path = sys.argv[1:3]
LOCK = threading.Lock()
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"}


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, method):
        entry = {"method": method, "target": self.path, "proxy_authorization": self.headers.get("Proxy-Authorization")}
        with LOCK, open(log_path, "a") as log:
            log.write(json.dumps(entry) + "\n")

    def do_CONNECT(self):
        self.record("CONNECT")
        host, _, port = self.path.rpartition(":")
        try:
            upstream = socket.create_connection((host, int(port)), timeout=10)
        except OSError:
            self.send_error(502)
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        self.close_connection = True
        sockets = [self.connection, upstream]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 30)
                if not readable:
                    return
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    (upstream if source is self.connection else self.connection).sendall(data)
        finally:
            upstream.close()

    def forward(self, method):
        self.record(method)
        target = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        try:
            upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
            upstream.request(method, (target.path or "/") + ("?" + target.query if target.query else ""), body, headers)
            answer = upstream.getresponse()
            data = answer.read()
        except OSError:
            self.send_error(502)
            return
        self.send_response(answer.status, answer.reason)
        for k, v in answer.getheaders():
            if k.lower() not in HOP_BY_HOP and k.lower() != "content-length":
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.forward("GET")

    def do_POST(self):
        self.forward("POST")


server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
server.daemon_threads = True
with open(port_path + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_path + ".tmp", port_path)
server.serve_forever()
