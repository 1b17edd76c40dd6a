"""Random buffers, edits and positions (a fixed seed, so the run is the same every time): the
server answers every request, with a result, and exits cleanly."""
import random

from conftest import FINDING, POSTMORTEM
from raw import frame, initialize, notification, request, run

PIECES = ["---\n", "id: ", "F-2026-001-01", "owner: ", "dmitri", "bugs: [", "JIRA:OPS-412", ", ", "]", "\r\n", "\n", "## Timeline\n",
          "- 2026-02-10 07:02 ", "e\u0301", "\U0001F600", "\u00e9", "status: ", "resolved", "  ", "related: [F-2026-003-02]\n", ":", "#",
          "postmortem: PM-2026-001\n", "incident:\n  detected_at: ", "\t", "'", '"', "[", "{", "kind: finding\n"]
METHODS = ["textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/references",
           "textDocument/documentLink", "textDocument/documentSymbol", "textDocument/codeLens", "textDocument/codeAction"]


def test_random_documents_edits_and_positions_are_all_answered(repo):
    rng = random.Random(24)
    messages = [initialize(repo)]
    next_id = 2
    for path in (FINDING, POSTMORTEM):
        uri = (repo / path).as_uri()
        text = (repo / path).read_text()
        messages.append(notification("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}))
        for version in range(2, 40):
            def position():
                return {"line": rng.randrange(0, 40), "character": rng.randrange(0, 90)}
            start, end = sorted([position(), position()], key=lambda p: (p["line"], p["character"]))
            inserted = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 6)))
            messages.append(notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                                    "contentChanges": [{"range": {"start": start, "end": end}, "text": inserted}]}))
            method = rng.choice(METHODS)
            params = {"textDocument": {"uri": uri}}
            if method == "textDocument/codeAction":
                params.update({"range": {"start": start, "end": end}, "context": {"diagnostics": []}})
            elif method not in ("textDocument/documentLink", "textDocument/documentSymbol", "textDocument/codeLens"):
                params["position"] = position()
                if method == "textDocument/references":
                    params["context"] = {"includeDeclaration": True}
            messages.append(request(next_id, method, params))
            next_id += 1
    messages += [request(next_id, "shutdown"), notification("exit")]
    status, answers = run(b"".join(frame(m) for m in messages))
    responses = [m for m in answers if "method" not in m]
    assert [m.get("error") for m in responses] == [None] * len(responses)
    assert len(responses) == next_id
    assert status == 0
