"""Fixtures for driving the real `aftermath lsp` binary: a git repository made from a copy of
examples/, and a pytest-lsp client started against it."""
import os
import re
import pathlib
import shutil
import subprocess
import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

PACKAGE = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("AFTERMATH_BIN", str(PACKAGE / ".build" / "debug" / "aftermath"))
# Overdue checks judge against this date, so the diagnostics do not change with the calendar.
TODAY = "2026-10-01"
SERVER = [BINARY, "lsp", "--stdio", "--today", TODAY]

FINDING = "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md"
POSTMORTEM = "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md"
REMEDIATION = "postmortems/PM-2026-001-checkout-db-disk-full/remediations/R-2026-001-01-alert-on-archive-lag.md"


def make_repository(folder: pathlib.Path, reopen: bool = True) -> pathlib.Path:
    """A git repository of the examples. With `reopen`, PM-2026-001 (closed in the examples) is
    committed reopened, so that editing its documents, as most tests do, is not also a change to
    a closed record (which the server reports, as `validate` does, as AM501)."""
    source = PACKAGE / "examples"
    for item in source.iterdir():
        if item.name == "broken":
            continue
        target = folder / item.name
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy(item, target)
    if reopen:
        pm = folder / POSTMORTEM
        pm.write_text(pm.read_text().replace("status: closed\n", "status: published\nreopened_reason: Kept open for editing in tests.\n")
                      .replace("closed_at: 2026-03-11\n", "").replace("closed_by: carol\n", ""))
    env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_NOSYSTEM="1")
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "examples"]):
        subprocess.run(command, cwd=folder, check=True, env=env)
    return folder


def add_copies(repo, copies):
    """Copies of the examples' postmortems under other years (PM-2026-001 → PM-2101-001, …), so
    that reading the repository whole takes a while."""
    root = repo / "postmortems"
    for copy in range(1, copies + 1):
        for path in list(root.glob("PM-2026-*/**/*.md")):
            def renumber(text):
                return re.sub(r"-2026-(\d\d\d)", lambda m: f"-{2100 + copy}-{m.group(1)}", text)
            target = root / renumber(str(path.relative_to(root)))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(renumber(path.read_text()))


@pytest.fixture
def repo(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    return make_repository(folder)



def uri(repo: pathlib.Path, path: str) -> str:
    return (repo / path).as_uri()


async def start(client: LanguageClient, repo: pathlib.Path, encodings=None):
    record_publishes(client)
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(value_set=["quickfix"]))),
        ),
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True, resource_operations=["create"])),
    )
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities, root_uri=repo.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=repo.as_uri(), name="repo")]))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, repo):
    await start(lsp_client, repo)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def utf8_client(lsp_client: LanguageClient, repo):
    result = await start(lsp_client, repo, encodings=["utf-8", "utf-16"])
    assert result.capabilities.position_encoding == "utf-8"
    yield
    await lsp_client.shutdown_session()


async def open_document(client: LanguageClient, repo: pathlib.Path, path: str, text: str | None = None, version: int = 1):
    """Opens `path` (its text on disk unless given) and returns the diagnostics published for it."""
    text = (repo / path).read_text() if text is None else text
    return await change(client, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri(repo, path), language_id="markdown", version=version, text=text))), uri(repo, path))


def record_publishes(client: LanguageClient):
    """Keeps every publishDiagnostics the client receives (pytest-lsp keeps only the last
    diagnostics per document, without their version), so a test can wait for one it has not
    seen yet whenever it arrived."""
    client.published = []
    client.arrived = asyncio.Event()
    features = client.protocol.fm.features
    original = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def recording(*args):
        params = args[-1]
        client.published.append(params)
        client.arrived.set()
        return original(*args)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = recording


async def change(client: LanguageClient, send, document_uri: str):
    """Sends a notification and waits until diagnostics for `document_uri` are published after it."""
    seen = len(client.published)
    send()

    async def published():
        while True:
            for params in client.published[seen:]:
                if params.uri == document_uri:
                    params.diagnostics = list(params.diagnostics)
                    return params
            seen_now = len(client.published)
            client.arrived.clear()
            if len(client.published) == seen_now:
                await client.arrived.wait()

    # A server that never publishes fails the test rather than hanging it.
    return await asyncio.wait_for(published(), 60)


def full_change(client, repo, path, text, version):
    return lambda: client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(repo, path), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
