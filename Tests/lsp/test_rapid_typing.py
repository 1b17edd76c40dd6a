"""Rapid typing queues no work: a newer version of a buffer supersedes the check of an older
one, and a request cancelled while it waits behind a check is answered `RequestCancelled`.

Each change here is to the owners file, which reloads the rules and has the repository read
whole: a check long enough that messages sent right after it started arrive while it runs."""
import time

from lsprotocol import types

from conftest import FINDING, add_copies, change, full_change, open_document, uri
from raw import Session, notification, request, initialize

OWNERS = "owners.yml"


async def test_a_burst_of_changes_is_published_for_its_last_version_only(client, repo):
    original = (repo / OWNERS).read_text()
    await open_document(client, repo, OWNERS)
    seen = len(client.published)
    burst = list(range(2, 31))
    for version in burst[:-1]:
        full_change(client, repo, OWNERS, original.replace("handle: carol", f"handle: carol{version}"), version)()
    last = await change(client, full_change(client, repo, OWNERS, original.replace("handle: carol", "handle: caroline"), burst[-1]), uri(repo, OWNERS))
    assert last.version == burst[-1]
    assert [p.version for p in client.published[seen:] if p.uri == uri(repo, OWNERS)] == [burst[-1]], "no diagnostics for a superseded version"


def test_a_request_cancelled_while_it_waits_behind_a_check_is_answered_request_cancelled(repo):
    add_copies(repo, 40)
    owners_uri = (repo / OWNERS).as_uri()
    text = (repo / OWNERS).read_text()
    session = Session(repo)
    session.write(initialize(repo), notification("initialized", {}),
                  notification("textDocument/didOpen", {"textDocument": {"uri": owners_uri, "languageId": "yaml", "version": 1, "text": text}}))
    session.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == owners_uri)
    # The change and a request that must wait for its check, seen together; then, while the
    # check runs, the client gives up on the request.
    session.write(notification("textDocument/didChange", {"textDocument": {"uri": owners_uri, "version": 2},
                                                          "contentChanges": [{"text": text.replace("handle: carol", "handle: caroline")}]}),
                  request(7, "textDocument/hover", {"textDocument": {"uri": (repo / FINDING).as_uri()}, "position": {"line": 3, "character": 14}}))
    # Not a timing assertion: the pause only makes it likely that the server has taken up the
    # request (and is checking) when the cancellation arrives; it is answered as cancelled either way.
    time.sleep(0.1)
    session.write(notification("$/cancelRequest", {"id": 7}))
    [answer] = [m for m in session.read_until(lambda m: m.get("id") == 7 and "method" not in m) if m.get("id") == 7]
    assert answer["error"]["code"] == types.LSPErrorCodes.RequestCancelled, answer
    session.close()

