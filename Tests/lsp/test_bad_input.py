"""Bad input: every case answered as the specification says, and the server lives on."""
from conftest import FINDING
from raw import frame, initialize, notification, request, response, run


def exit_cleanly():
    return frame(request(99, "shutdown")) + frame(notification("exit"))


def test_malformed_json_is_a_parse_error_and_the_server_lives_on(repo):
    status, messages = run(frame(b'{"jsonrpc": "2.0", "id": 1, "method": ') + frame(initialize(repo, id=2)) + exit_cleanly())
    assert messages[0] == {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "the message is not valid JSON"}}
    assert "capabilities" in response(messages, 2)["result"]
    assert status == 0


def test_a_missing_content_length_is_a_parse_error(repo):
    status, messages = run(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + frame(initialize(repo)) + exit_cleanly())
    assert messages[0]["error"]["code"] == -32700 and "Content-Length" in messages[0]["error"]["message"]
    assert "capabilities" in response(messages, 1)["result"]
    assert status == 0


def test_a_content_length_that_is_not_a_number_is_a_parse_error(repo):
    status, messages = run(b"Content-Length: many\r\n\r\n" + frame(initialize(repo)) + exit_cleanly())
    assert messages[0]["error"]["code"] == -32700
    assert "capabilities" in response(messages, 1)["result"]


def test_a_content_length_too_short_loses_only_that_message(repo):
    body = b'{"jsonrpc": "2.0", "id": 5, "method": "shutdown"}'
    status, messages = run(b"Content-Length: 20\r\n\r\n" + body + frame(initialize(repo)) + exit_cleanly())
    assert messages[0]["error"]["code"] == -32700
    assert "capabilities" in response(messages, 1)["result"]
    assert status == 0


def test_an_unknown_method_is_method_not_found(repo):
    status, messages = run(frame(initialize(repo)) + frame(request(2, "textDocument/formatting", {}))
                           + frame(request(3, "$/somethingPrivate")) + frame(request(4, "workspace/symbol", {"query": "PM-2026-001"})) + exit_cleanly())
    assert response(messages, 2)["error"]["code"] == -32601
    assert response(messages, 3)["error"]["code"] == -32601
    assert response(messages, 4)["result"][0]["name"].startswith("PM-2026-001")
    assert status == 0


def test_requests_before_initialize_are_refused(repo):
    status, messages = run(frame(request(1, "workspace/symbol", {"query": ""})) + frame(initialize(repo, id=2)) + exit_cleanly())
    assert response(messages, 1)["error"]["code"] == -32002
    assert "result" in response(messages, 2)


def test_a_request_after_shutdown_is_refused(repo):
    status, messages = run(frame(initialize(repo)) + frame(request(2, "shutdown")) + frame(request(3, "workspace/symbol", {"query": ""}))
                           + frame(notification("exit")))
    assert response(messages, 2)["result"] is None
    assert response(messages, 3)["error"]["code"] == -32600
    assert status == 0


def test_exit_without_shutdown_is_status_1(repo):
    status, _ = run(frame(initialize(repo)) + frame(notification("exit")))
    assert status == 1


def test_the_end_of_input_ends_the_server(repo):
    status, messages = run(frame(initialize(repo)))
    assert "result" in response(messages, 1)
    assert status == 1


def test_invalid_params_are_reported(repo):
    status, messages = run(frame(initialize(repo)) + frame(request(2, "textDocument/hover", {"position": "here"})) + exit_cleanly())
    assert response(messages, 2)["error"]["code"] == -32602


def test_a_cancelled_request_is_answered_as_cancelled(repo):
    # Sent in one write with its request: the server reads both before starting on it.
    uri = (repo / FINDING).as_uri()
    status, messages = run(frame(initialize(repo))
                           + frame(request(2, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 14}}))
                           + frame(notification("$/cancelRequest", {"id": 2})) + exit_cleanly())
    assert response(messages, 2)["error"]["code"] == -32800


def did_open(uri, text, version=1):
    return notification("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}})


def test_positions_past_the_end_of_a_line_or_the_file_are_taken_as_the_end(repo):
    uri = (repo / FINDING).as_uri()
    text = (repo / FINDING).read_text()
    past_line = {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 500}}
    past_file = {"textDocument": {"uri": uri}, "position": {"line": 900, "character": 3}}
    change = notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 900, "character": 0}, "end": {"line": 901, "character": 0}}, "text": "appended\n"}]})
    status, messages = run(frame(initialize(repo)) + frame(did_open(uri, text))
                           + frame(request(2, "textDocument/hover", past_line)) + frame(request(3, "textDocument/completion", past_file))
                           + frame(request(4, "textDocument/definition", past_line)) + frame(change)
                           + frame(request(5, "textDocument/documentSymbol", {"textDocument": {"uri": uri}})) + exit_cleanly())
    # Line 3 is `postmortem: PM-2026-001`: past its end is its end, on the ID.
    assert "PM-2026-001" in response(messages, 2)["result"]["contents"]["value"]
    assert response(messages, 3)["result"]["items"] == []
    assert response(messages, 4)["result"][0]["uri"].endswith("/postmortem.md")
    assert "result" in response(messages, 5)
    assert status == 0


def test_a_burst_of_changes_is_checked_once_in_its_latest_state(repo):
    uri = (repo / FINDING).as_uri()
    text = (repo / FINDING).read_text()
    def owner_change(version, owner):
        # Line 6 is `owner: dmitri`; each change replaces the handle.
        return notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": 6, "character": 7}, "end": {"line": 6, "character": 40}}, "text": owner}]})
    status, messages = run(frame(initialize(repo)) + frame(did_open(uri, text)) + frame(owner_change(2, "x"))
                           + frame(owner_change(3, "y")) + frame(owner_change(4, "bob"))
                           + frame(request(2, "workspace/symbol", {"query": "zzz"})) + exit_cleanly())
    published = [m["params"] for m in messages if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]
    assert [(p["version"], p["diagnostics"]) for p in published] == [(4, [])]


def test_an_unknown_option_is_a_usage_error():
    import subprocess
    from conftest import BINARY
    process = subprocess.run([BINARY, "lsp", "--tcp"], input=b"", capture_output=True, timeout=60)
    assert process.returncode == 64 and process.stdout == b""
