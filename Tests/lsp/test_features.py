"""Completion, navigation, hover, links, symbols, code actions and the closure lens, through pytest-lsp."""
from lsprotocol import types

from conftest import FINDING, POSTMORTEM, REMEDIATION, TODAY, add_copies, change, full_change, open_document, uri
from raw import Session, initialize, notification, request


def at(repo, path, line, character):
    return dict(text_document=types.TextDocumentIdentifier(uri=uri(repo, path)), position=types.Position(line=line, character=character))


async def complete(client, repo, path, line, character):
    result = await client.text_document_completion_async(types.CompletionParams(**at(repo, path, line, character)))
    return {item.label: item for item in result.items}


async def test_completion_offers_the_kinds_fields_with_descriptions(client, repo):
    text = (repo / FINDING).read_text().replace("tags: [monitoring]\n", "re\n")
    await open_document(client, repo, FINDING, text)
    items = await complete(client, repo, FINDING, 9, 2)
    assert "related" in items and "justification" in items
    assert "owner" not in items, "fields already written are not offered"
    assert items["related"].text_edit.new_text == "related: "
    assert items["related"].text_edit.range.start == types.Position(line=9, character=0)
    assert "F-" in items["related"].detail


async def test_completion_offers_enum_values(client, repo):
    await open_document(client, repo, FINDING)
    items = await complete(client, repo, FINDING, 5, 10)
    assert set(items) == {"technical-lapse", "procedural-failure", "manual-error", "process-flaw", "communication-glitch", "attack-vector"}


async def test_completion_offers_handles_and_teams_with_names_and_emails(client, repo):
    await open_document(client, repo, FINDING)
    items = await complete(client, repo, FINDING, 6, 9)
    assert items["dmitri"].detail == "Dmitri Petrov <dmitri.petrov@acme.example>"
    assert any(item.detail.startswith("team") for item in items.values())


async def test_completion_offers_ids_with_titles(client, repo):
    await open_document(client, repo, FINDING)
    items = await complete(client, repo, FINDING, 3, 14)
    assert items["PM-2026-003"].detail.startswith("Public read access")  or items["PM-2026-003"].detail
    assert all(label.startswith("PM-") for label in items)


async def test_completion_offers_tracker_prefixes(client, repo):
    await open_document(client, repo, FINDING)
    items = await complete(client, repo, FINDING, 7, 7)
    assert {"JIRA:", "github:"} <= set(items)


async def test_completion_offers_today_in_date_fields(client, repo):
    text = (repo / REMEDIATION).read_text()
    await open_document(client, repo, REMEDIATION, text)
    items = await complete(client, repo, REMEDIATION, 6, 5)
    [label] = items
    assert len(label) == 10 and label[4] == "-"


async def test_definition_jumps_to_the_linked_document(client, repo):
    await open_document(client, repo, FINDING)
    [location] = await client.text_document_definition_async(types.DefinitionParams(**at(repo, FINDING, 3, 14)))
    assert location.uri == uri(repo, POSTMORTEM)


async def test_references_list_every_document_linking_to_an_id(client, repo):
    await open_document(client, repo, POSTMORTEM)
    locations = await client.text_document_references_async(types.ReferenceParams(
        **at(repo, POSTMORTEM, 1, 6), context=types.ReferenceContext(include_declaration=False)))
    assert sorted(l.uri.rsplit("/", 1)[1][:13] for l in locations) == ["F-2026-001-01", "F-2026-001-02", "F-2026-001-03"]
    assert all(l.range.start.line == 3 for l in locations), "at the `postmortem:` field"


async def test_hover_on_an_id_a_handle_a_bug_and_a_field(client, repo):
    await open_document(client, repo, FINDING)
    async def hover(line, character):
        return (await client.text_document_hover_async(types.HoverParams(**at(repo, FINDING, line, character)))).contents.value
    assert "Checkout outage" in await hover(3, 14)
    assert "dmitri.petrov@acme.example" in await hover(6, 9)
    assert "https://jira.acme.example/browse/OPS-412" in await hover(7, 10)
    assert "technical-lapse" in await hover(5, 2)


async def test_document_links_make_bug_references_clickable(client, repo):
    await open_document(client, repo, FINDING)
    [link] = await client.text_document_document_link_async(types.DocumentLinkParams(text_document=types.TextDocumentIdentifier(uri=uri(repo, FINDING))))
    assert link.target == "https://jira.acme.example/browse/OPS-412"
    assert (link.range.start.line, link.range.start.character, link.range.end.character) == (7, 7, 19)


async def test_document_symbols_are_the_sections_and_the_timeline(client, repo):
    await open_document(client, repo, POSTMORTEM)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri(repo, POSTMORTEM))))
    assert [s.name for s in symbols] == ["Summary", "Timeline", "Root cause", "Response", "Lessons"]
    timeline = symbols[1].children
    assert len(timeline) == 7 and timeline[0].name.startswith("2026-02-07 03:12")


async def test_workspace_symbols_are_every_id_and_title(client, repo):
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="runbook"))
    assert {s.name.split()[0] for s in symbols} == {"F-2026-001-02", "R-2026-001-02"}


async def test_a_did_you_mean_fix_for_an_unknown_owner(client, repo):
    text = (repo / FINDING).read_text().replace("owner: dmitri", "owner: dmitr")
    [diagnostic] = (await open_document(client, repo, FINDING, text)).diagnostics
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(repo, FINDING)), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    [fix] = actions
    [edit] = fix.edit.document_changes[0].edits
    assert edit.new_text == "dmitri"
    assert (edit.range.start.character, edit.range.end.character) == (7, 12)


async def test_a_did_you_mean_fix_for_a_broken_link(client, repo):
    text = (repo / REMEDIATION).read_text().replace("finding: F-2026-001-01", "finding: F-2026-001-011")
    diagnostics = (await open_document(client, repo, REMEDIATION, text)).diagnostics
    [broken] = [d for d in diagnostics if d.code == "AM202"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(repo, REMEDIATION)), range=broken.range,
        context=types.CodeActionContext(diagnostics=[broken])))
    assert any(change.edits[0].new_text.startswith("F-2026-001-0") for a in actions for change in a.edit.document_changes)


async def test_a_finding_without_remediation_gets_a_create_file_action(client, repo):
    # F-2026-001-03 has no remediation item: it is an accepted risk, until it is reopened.
    path = "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-03-status-page-late.md"
    text = (repo / path).read_text().replace("status: accepted-risk", "status: open")
    diagnostics = (await open_document(client, repo, path, text)).diagnostics
    [missing] = [d for d in diagnostics if d.code == "AM205"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(repo, path)), range=missing.range,
        context=types.CodeActionContext(diagnostics=[missing])))
    [create] = [a for a in actions if a.title.startswith("Create remediation item")]
    created, written = create.edit.document_changes
    assert created.kind == "create" and "/remediations/R-2026-001-04-" in created.uri
    text = written.edits[0].new_text
    assert text.startswith("---\n") and "finding: F-2026-001-03\n" in text and "id: R-2026-001-04\n" in text
    assert not (repo / created.uri.split("/repo/", 1)[1]).exists(), "the server writes nothing"


async def test_a_postmortem_says_whether_it_can_be_closed(client, repo):
    await open_document(client, repo, POSTMORTEM)
    reopened = (repo / REMEDIATION).read_text().replace("status: done", "status: open")
    await open_document(client, repo, REMEDIATION, reopened)
    [lens] = await client.text_document_code_lens_async(types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri(repo, POSTMORTEM))))
    assert lens.command.title == "Closure blocked by 1 open: R-2026-001-01"
    hover = await client.text_document_hover_async(types.HoverParams(**at(repo, POSTMORTEM, 4, 2)))
    assert "R-2026-001-01" in hover.contents.value and "(owner: dmitri)" in hover.contents.value


def test_id_completion_offers_those_starting_with_what_is_typed_and_says_when_there_are_more(repo):
    add_copies(repo, 40)  # 369 findings
    text = (repo / REMEDIATION).read_text()
    document = {"uri": uri(repo, REMEDIATION)}
    session = Session(repo)
    session.write(initialize(repo), notification("initialized", {}),
                  notification("textDocument/didOpen", {"textDocument": dict(document, languageId="markdown", version=1, text=text)}))
    # `finding: F-2026-001-01` is line 4; its value starts at character 9.
    session.write(request(2, "textDocument/completion", {"textDocument": document, "position": {"line": 3, "character": 9}}))
    everything = session.read_until(lambda m: m.get("id") == 2)[-1]["result"]
    assert everything["isIncomplete"] and len(everything["items"]) == 200
    session.write(notification("textDocument/didChange", {"textDocument": dict(document, version=2),
                                                          "contentChanges": [{"text": text.replace("finding: F-2026-001-01", "finding: f-2105")}]}),
                  request(3, "textDocument/completion", {"textDocument": document, "position": {"line": 3, "character": 15}}))
    typed = session.read_until(lambda m: m.get("id") == 3)[-1]["result"]
    assert not typed["isIncomplete"]
    assert sorted(item["label"] for item in typed["items"]) == sorted(p.name[:13] for p in (repo / "postmortems").glob("PM-2105-*/findings/*.md"))
    session.close()
