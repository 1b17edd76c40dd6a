import subprocess
"""Live diagnostics from unsaved buffers, through a real client (pytest-lsp)."""
from lsprotocol import types

from conftest import FINDING, POSTMORTEM, REMEDIATION, change, full_change, open_document, uri


async def test_an_unknown_owner_is_reported_with_its_rule_range_and_documentation(client, repo):
    text = (repo / FINDING).read_text().replace("owner: dmitri", "owner: dmitr")
    published = await open_document(client, repo, FINDING, text)
    assert published.version == 1
    [diagnostic] = published.diagnostics
    assert diagnostic.code == "AM206"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.code_description.href == "https://github.com/your-org/aftermath/blob/main/docs/documents.md#rules"
    assert "did you mean `dmitri`" in diagnostic.message
    assert diagnostic.range == types.Range(start=types.Position(line=6, character=0), end=types.Position(line=6, character=12))
    assert (repo / FINDING).read_text() != text, "nothing is written to disk"
    assert not (repo / ".git" / "aftermath").exists(), "not even a summary: the one the server made is in memory"


async def test_full_and_incremental_changes_are_checked(client, repo):
    original = (repo / FINDING).read_text()
    assert (await open_document(client, repo, FINDING)).diagnostics == []
    broken = await change(client, full_change(client, repo, FINDING, original.replace("status: resolved", "status: fixed"), 2), uri(repo, FINDING))
    assert broken.version == 2 and "AM101" in [d.code for d in broken.diagnostics]
    # An incremental change: `fixed` (line 8, characters 8-13) back to `resolved`.
    fixed = await change(client, lambda: client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(repo, FINDING), version=3),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=8, character=8), end=types.Position(line=8, character=13)), text="resolved")])),
        uri(repo, FINDING))
    assert fixed.version == 3 and fixed.diagnostics == []


async def test_an_edit_republishes_the_other_open_documents_it_affects(client, repo):
    await open_document(client, repo, FINDING)
    await open_document(client, repo, REMEDIATION)
    renumbered = (repo / FINDING).read_text().replace("id: F-2026-001-01", "id: F-2026-001-09")
    published = await change(client, full_change(client, repo, FINDING, renumbered, 2), uri(repo, REMEDIATION))
    assert "AM202" in [d.code for d in published.diagnostics]
    restored = await change(client, full_change(client, repo, FINDING, (repo / FINDING).read_text(), 3), uri(repo, REMEDIATION))
    assert "AM202" not in [d.code for d in restored.diagnostics]


async def test_closing_a_buffer_falls_back_to_the_file_on_disk(client, repo):
    text = (repo / FINDING).read_text().replace("owner: dmitri", "owner: nobody")
    await open_document(client, repo, FINDING, text)
    await open_document(client, repo, REMEDIATION)
    cleared = await change(client, lambda: client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri(repo, FINDING)))), uri(repo, FINDING))
    assert cleared.diagnostics == []


ZOE = "people:\n  - handle: zoe\n    name: Zoe Lam\n    email: zoe.lam@acme.example\n"


async def test_an_owners_file_buffer_reloads_the_rules(client, repo):
    text = (repo / FINDING).read_text().replace("owner: dmitri", "owner: zoe")
    assert "AM206" in [d.code for d in (await open_document(client, repo, FINDING, text)).diagnostics]
    owners = (repo / "owners.yml").read_text().replace("people:\n", ZOE)
    published = await change(client, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri(repo, "owners.yml"), language_id="yaml", version=1, text=owners))), uri(repo, FINDING))
    assert published.diagnostics == []


async def test_a_watched_configuration_change_reloads_the_rules(client, repo):
    text = (repo / FINDING).read_text().replace("owner: dmitri", "owner: zoe")
    assert "AM206" in [d.code for d in (await open_document(client, repo, FINDING, text)).diagnostics]
    owners = repo / "owners.yml"
    owners.write_text(owners.read_text().replace("people:\n", ZOE))
    published = await change(client, lambda: client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=owners.as_uri(), type=types.FileChangeType.Changed)])), uri(repo, FINDING))
    assert published.diagnostics == []


async def test_a_file_that_is_not_a_document_gets_no_diagnostics(client, repo):
    (repo / "notes.md").write_text("no front matter here\n")
    assert (await open_document(client, repo, "notes.md")).diagnostics == []


async def test_a_buffer_outside_the_root_gets_no_diagnostics(client, repo, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\nid: nonsense\n")
    published = await change(client, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=outside.as_uri(), language_id="markdown", version=1, text=outside.read_text()))), outside.as_uri())
    assert published.diagnostics == []


async def test_crlf_buffers_get_the_same_ranges(client, repo):
    text = (repo / FINDING).read_text().replace("owner: dmitri", "owner: dmitr").replace("\n", "\r\n")
    [diagnostic] = (await open_document(client, repo, FINDING, text)).diagnostics
    assert diagnostic.range == types.Range(start=types.Position(line=6, character=0), end=types.Position(line=6, character=12))


BUGS_LINE = "bugs: [e\u0301\U0001F600, nope]"


async def test_positions_count_utf16_code_units_by_default(client, repo):
    text = (repo / FINDING).read_text().replace("bugs: [JIRA:OPS-412]", BUGS_LINE)
    diagnostics = (await open_document(client, repo, FINDING, text)).diagnostics
    starts = sorted((d.range.start.character, d.range.end.character) for d in diagnostics if d.code == "AM208")
    # `e` + combining accent + an astral emoji: 1 + 1 + 2 UTF-16 code units.
    assert starts == [(7, 11), (13, 17)]


async def test_positions_count_utf8_bytes_when_negotiated(utf8_client, repo):
    client = utf8_client
    text = (repo / FINDING).read_text().replace("bugs: [JIRA:OPS-412]", BUGS_LINE)
    diagnostics = (await open_document(client, repo, FINDING, text)).diagnostics
    starts = sorted((d.range.start.character, d.range.end.character) for d in diagnostics if d.code == "AM208")
    assert starts == [(7, 14), (16, 20)]


async def test_a_50_megabyte_buffer_gets_the_size_limit_diagnostic(client, repo):
    text = (repo / FINDING).read_text() + ("x" * 99 + "\n") * 500_000
    codes = [d.code for d in (await open_document(client, repo, FINDING, text)).diagnostics]
    assert "AM007" in codes


async def test_a_watched_document_change_on_disk_is_read_again(client, repo):
    assert (await open_document(client, repo, REMEDIATION)).diagnostics == []
    finding = repo / FINDING
    finding.write_text(finding.read_text().replace("id: F-2026-001-01", "id: F-2026-001-09"))
    published = await change(client, lambda: client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=finding.as_uri(), type=types.FileChangeType.Changed)])), uri(repo, REMEDIATION))
    assert "AM202" in [d.code for d in published.diagnostics]


async def test_a_configuration_error_is_reported_in_the_configuration_buffer(client, repo):
    text = (repo / FINDING).read_text().replace("owner: dmitri", "owner: zoe")
    assert "AM206" in [d.code for d in (await open_document(client, repo, FINDING, text)).diagnostics]
    broken = (repo / ".aftermath.yml").read_text().replace("owners: owners.yml", "owners: missing.yml")
    # Without rules no document is judged: the finding's diagnostics are withdrawn, not left stale.
    withdrawn = await change(client, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri(repo, ".aftermath.yml"), language_id="yaml", version=1, text=broken))), uri(repo, FINDING))
    assert withdrawn.diagnostics == []
    [problem] = client.diagnostics[uri(repo, ".aftermath.yml")]
    assert problem.code == "config" and problem.code_description is None and "missing.yml" in problem.message


async def test_an_edit_to_a_closed_postmortem_is_a_warning_as_validate_gives_it(client, repo):
    # Close PM-2026-001 in a commit (the fixture commits it reopened), then edit one of its findings.
    pm = repo / POSTMORTEM
    pm.write_text(pm.read_text().replace("status: published\n", "status: closed\nclosed_at: 2026-03-11\nclosed_by: carol\n")
                  .replace("reopened_reason: Kept open for editing in tests.\n", ""))
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "close"], cwd=repo, check=True)
    text = (repo / FINDING).read_text().replace("owner: dmitri", "owner: bob")
    diagnostics = (await open_document(client, repo, FINDING, text)).diagnostics
    transition = [d for d in diagnostics if d.code == "AM501"]
    assert len(transition) == 1 and transition[0].severity == types.DiagnosticSeverity.Warning
