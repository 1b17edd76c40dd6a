#!/usr/bin/env python3
"""A loopback stand-in for the tracker APIs Aftermath talks to, answering with the JSON shapes
their documentation gives: Jira search (Data Center REST v2 /rest/api/2/search, paged by
startAt; Cloud REST v3 /rest/api/3/search/jql, paged by nextPageToken) and issue creation;
GitHub GraphQL (aliased repository/issueOrPullRequest) and REST issues (single issues with an
ETag, answering 304 to a matching If-None-Match; 410 for a deleted one); GitLab REST v4
project issues (iids[], X-Next-Page) and users.

usage: fake_tracker.py FIXTURE.json LOG.jsonl PORTFILE [CERT.pem KEY.pem]

With a certificate and its key it answers over TLS (HTTPS) only.

The fixture holds the issues, the credentials each kind accepts, a page size, and faults
(answers given instead of the real one, `times` times, to requests whose "METHOD path"
starts with `match`). Every request is logged as one JSON line (method, path, query,
headers, body, whether it came through as a proxy request). Issues created are kept in
memory, so a later request sees them.
"""
import base64, hashlib, json, re, ssl, sys, threading, time, socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl, unquote

fixture_path, log_path, port_path = sys.argv[1:4]
tls = sys.argv[4:6]
with open(fixture_path) as f:
    DATA = json.load(f)
LOCK = threading.Lock()
PAGE = DATA.get("page_size", 50)


def kind_of(path):
    if path.startswith("/rest/api/"):
        return "jira"
    if path.startswith("/graphql") or path.startswith("/repos/"):
        return "github"
    return "gitlab"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self, method):
        proxied = self.path.startswith("http://")
        target = urlsplit(self.path)
        path, query = target.path, parse_qsl(target.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        entry = {"method": method, "path": path, "query": query, "headers": {k.lower(): v for k, v in self.headers.items()},
                 "body": body, "proxied": proxied, "host": target.netloc if proxied else self.headers.get("Host")}
        with LOCK, open(log_path, "a") as log:
            log.write(json.dumps(entry) + "\n")
        fault = self.take_fault(method + " " + path)
        if fault is not None:
            if fault.get("hang"):
                time.sleep(fault.get("seconds", 30))
                return
            if fault.get("drop_after"):
                # Do the work, then lose the answer: the connection closes with nothing sent.
                self.route(method, path, query, body, silent=True)
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            return self.send(fault.get("status", 200), fault.get("body", ""), fault.get("headers", {}))
        if not self.authorised(kind_of(path)):
            message = {"jira": {"errorMessages": ["You are not authenticated."]}, "github": {"message": "Bad credentials"},
                       "gitlab": {"message": "401 Unauthorized"}}[kind_of(path)]
            return self.send(401, message)
        self.route(method, path, query, body)

    def take_fault(self, request):
        with LOCK:
            for fault in DATA.get("faults", []):
                if request.startswith(fault["match"]) and fault.get("times", 1) != 0:
                    fault["times"] = fault.get("times", 1) - 1
                    return fault
        return None

    def authorised(self, kind):
        accepted = DATA.get("credentials", {}).get(kind)
        if accepted is None:
            return True
        if kind == "gitlab":
            return self.headers.get("PRIVATE-TOKEN") == accepted
        return self.headers.get("Authorization") == accepted

    def send(self, status, payload, headers=None):
        raw = payload if isinstance(payload, str) else json.dumps(payload)
        data = raw.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    # MARK: routing

    def route(self, method, path, query, body, silent=False):
        reply = (lambda *a, **k: None) if silent else self.send
        q = dict(query)
        if method == "GET" and path in ("/rest/api/2/search", "/rest/api/3/search/jql"):
            return self.jira_search(path, q, reply)
        if method == "POST" and path == "/rest/api/2/issue":
            return self.jira_create(json.loads(body), reply)
        if method == "POST" and path.endswith("/graphql"):
            return self.github_graphql(json.loads(body)["query"], reply)
        m = re.fullmatch(r"/repos/([^/]+/[^/]+)/issues/(\d+)", path)
        if m and method == "GET":
            return self.github_issue(m.group(1), m.group(2), reply, silent)
        m = re.fullmatch(r"/repos/([^/]+/[^/]+)/issues", path)
        if m and method == "GET":
            return self.github_list(m.group(1), q, reply)
        if m and method == "POST":
            return self.github_create(m.group(1), json.loads(body), reply)
        m = re.fullmatch(r"(?:/api/v4)?/projects/([^/]+)/issues", path)
        if m and method == "GET":
            return self.gitlab_list(unquote(m.group(1)), query, q, reply)
        if m and method == "POST":
            return self.gitlab_create(unquote(m.group(1)), json.loads(body), reply)
        if re.fullmatch(r"(?:/api/v4)?/users", path):
            users = DATA.get("gitlab", {}).get("users", {})
            return reply(200, [{"id": users[q["username"]], "username": q["username"]}] if q.get("username") in users else [])
        reply(404, {"message": "Not Found"})

    # Jira

    def jira_issue(self, key, issue):
        done = issue.get("category") == "done"
        return {"id": str(abs(hash(key)) % 100000), "key": key, "fields": {
            "status": {"name": issue["status"], "statusCategory": {"key": issue.get("category", "new")}},
            "resolution": {"name": issue["resolution"]} if issue.get("resolution") else None,
            "assignee": {"displayName": issue["assignee"], "accountId": "acc-" + issue["assignee"]} if issue.get("assignee") else None,
            "updated": issue.get("updated", "2026-03-02T09:00:00.000+0000"),
            "resolutiondate": issue.get("resolutiondate") if done else None}}

    def jira_search(self, path, q, reply):
        issues = DATA.setdefault("jira", {}).setdefault("issues", {})
        jql = q.get("jql", "")
        m = re.fullmatch(r'key in \((.*)\)', jql)
        if m:
            keys = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
            unknown = [k for k in keys if k not in issues]
            if unknown:
                return reply(400, {"errorMessages": ["An issue with key '%s' does not exist for field 'key'." % k for k in unknown],
                                   "warningMessages": []})
            matched = [k for k in keys]
        else:
            m = re.fullmatch(r'labels = "([^"]*)"(?: ORDER BY created ASC)?', jql)
            if not m:
                return reply(400, {"errorMessages": ["Error in the JQL Query."]})
            matched = sorted(k for k, v in issues.items() if m.group(1) in v.get("labels", []))
        size = min(int(q.get("maxResults", 50)), PAGE)
        if path == "/rest/api/2/search":
            start = int(q.get("startAt", 0))
            page = matched[start:start + size]
            return reply(200, {"startAt": start, "maxResults": size, "total": len(matched),
                               "issues": [self.jira_issue(k, issues[k]) for k in page]})
        start = int(q.get("nextPageToken", "0"))
        page = matched[start:start + size]
        answer = {"issues": [self.jira_issue(k, issues[k]) for k in page], "isLast": start + size >= len(matched)}
        if start + size < len(matched):
            answer["nextPageToken"] = str(start + size)
        reply(200, answer)

    def jira_create(self, request, reply):
        issues = DATA.setdefault("jira", {}).setdefault("issues", {})
        fields = request["fields"]
        project = fields["project"]["key"]
        with LOCK:
            number = 1 + max([int(k.split("-")[1]) for k in issues if k.startswith(project + "-")] or [0])
            key = "%s-%d" % (project, number)
            issues[key] = {"status": "To Do", "category": "new", "labels": fields.get("labels", []), "created": fields}
        reply(201, {"id": str(10000 + number), "key": key, "self": "http://jira.test/rest/api/2/issue/" + key})

    # GitHub

    def github_graphql(self, query, reply):
        repos = DATA.setdefault("github", {}).setdefault("repos", {})
        data, errors = {}, []
        for block in re.finditer(r'(r\d+): repository\(owner: "([^"]*)", name: "([^"]*)"\) \{(.*?)\n  \}', query, re.S):
            alias, name = block.group(1), block.group(2) + "/" + block.group(3)
            if name not in repos:
                data[alias] = None
                errors.append({"type": "NOT_FOUND", "path": [alias], "message": "Could not resolve to a Repository with the name '%s'." % name})
                continue
            data[alias] = {}
            for item in re.finditer(r'(i\d+): issueOrPullRequest\(number: (\d+)\)', block.group(4)):
                issue = repos[name].get(item.group(2))
                if issue is None:
                    data[alias][item.group(1)] = None
                    errors.append({"type": "NOT_FOUND", "path": [alias, item.group(1)],
                                   "message": "Could not resolve to an issue or pull request with the number of %s." % item.group(2)})
                else:
                    data[alias][item.group(1)] = {"__typename": issue.get("type", "Issue"), "state": issue["state"],
                        "stateReason": issue.get("stateReason"), "closedAt": issue.get("closedAt"),
                        "updatedAt": issue.get("updatedAt", "2026-03-02T09:00:00Z"),
                        "assignees": {"nodes": [{"login": issue["assignee"]}] if issue.get("assignee") else []}}
        answer = {"data": data}
        if errors:
            answer["errors"] = errors
        reply(200, answer)

    def github_issue(self, repo, number, reply, silent):
        issue = DATA.setdefault("github", {}).setdefault("repos", {}).get(repo, {}).get(number)
        if issue is None:
            return reply(404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest/issues/issues#get-an-issue"})
        if issue.get("deleted"):
            return reply(410, {"message": "This issue was deleted"})
        answer = {"number": int(number), "state": issue["state"].lower(),
                  "state_reason": issue["stateReason"].lower() if issue.get("stateReason") else None,
                  "closed_at": issue.get("closedAt"), "updated_at": issue.get("updatedAt", "2026-03-02T09:00:00Z"),
                  "assignees": [{"login": issue["assignee"]}] if issue.get("assignee") else [],
                  "html_url": "https://github.test/%s/issues/%s" % (repo, number)}
        if issue.get("type") == "PullRequest":
            answer["pull_request"] = {"merged_at": issue.get("mergedAt")}
        etag = 'W/"%s"' % hashlib.sha1(json.dumps(answer, sort_keys=True).encode()).hexdigest()
        if self.headers.get("If-None-Match") == etag:
            if not silent:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
            return
        reply(200, answer, {"ETag": etag})

    def github_list(self, repo, q, reply):
        issues = DATA.setdefault("github", {}).setdefault("repos", {}).get(repo)
        if issues is None:
            return reply(404, {"message": "Not Found"})
        label = q.get("labels")
        found = [{"number": int(n), "html_url": "https://github.test/%s/issues/%s" % (repo, n)}
                 for n, i in sorted(issues.items(), key=lambda x: int(x[0])) if label in i.get("labels", [])]
        reply(200, found)

    def github_create(self, repo, request, reply):
        issues = DATA.setdefault("github", {}).setdefault("repos", {}).setdefault(repo, {})
        with LOCK:
            number = 1 + max([int(n) for n in issues] or [0])
            issues[str(number)] = {"state": "OPEN", "labels": request.get("labels", []), "created": request}
        reply(201, {"number": number, "html_url": "https://github.test/%s/issues/%d" % (repo, number)})

    # GitLab

    def gitlab_list(self, project, query, q, reply):
        issues = DATA.setdefault("gitlab", {}).setdefault("projects", {}).get(project)
        if issues is None:
            return reply(404, {"message": "404 Project Not Found"})
        iids = [v for k, v in query if k == "iids[]"]
        chosen = sorted((int(n) for n in issues if (not iids or n in iids)
                         and (not q.get("labels") or q["labels"] in issues[n].get("labels", []))))
        size = min(int(q.get("per_page", 20)), PAGE)
        page = int(q.get("page", 1))
        part = chosen[(page - 1) * size: page * size]
        headers = {"X-Next-Page": str(page + 1) if page * size < len(chosen) else "", "X-Page": str(page)}
        reply(200, [{"iid": n, "project_id": 7, "state": issues[str(n)]["state"], "closed_at": issues[str(n)].get("closed_at"),
                     "updated_at": issues[str(n)].get("updated_at", "2026-03-02T09:00:00.000Z"),
                     "assignees": [{"username": issues[str(n)]["assignee"]}] if issues[str(n)].get("assignee") else [],
                     "web_url": "https://gitlab.test/%s/-/issues/%d" % (project, n)} for n in part], headers)

    def gitlab_create(self, project, request, reply):
        issues = DATA.setdefault("gitlab", {}).setdefault("projects", {}).setdefault(project, {})
        with LOCK:
            iid = 1 + max([int(n) for n in issues] or [0])
            issues[str(iid)] = {"state": "opened", "labels": request.get("labels", "").split(","), "created": request}
        reply(201, {"iid": iid, "web_url": "https://gitlab.test/%s/-/issues/%d" % (project, iid)})

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A client refusing the certificate, or hanging up, is what some tests are about.
        if not isinstance(sys.exc_info()[1], (ssl.SSLError, ConnectionError)):
            super().handle_error(request, client_address)


server = Server(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if tls:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*tls)
    # The handshake happens in each request's thread, so a client that refuses the
    # certificate does not stop the server.
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
with open(port_path + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(port_path + ".tmp", port_path)
server.serve_forever()
