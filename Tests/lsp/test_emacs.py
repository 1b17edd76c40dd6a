"""Emacs's own LSP client, eglot (Debian's emacs-nox and elpa-eglot), against `aftermath lsp`,
in batch mode, set up with the snippet of docs/editors.md as written there."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import BINARY, POSTMORTEM, PACKAGE

SCRIPT = pathlib.Path(__file__).with_name("emacs_session.el")


def snippet(editor_heading):
    """The code block under a heading of docs/editors.md."""
    text = (PACKAGE / "docs" / "editors.md").read_text()
    section = text.split(f"## {editor_heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```\w*\n(.*?)```", section, re.S).group(1)


def has_eglot():
    if shutil.which("emacs") is None:
        return False
    probe = subprocess.run(["emacs", "--batch", "--eval", "(progn (package-activate-all) (require 'eglot) (require 'markdown-mode))"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not has_eglot(), reason="emacs with eglot and markdown-mode is not installed (scripts/setup installs them)")
def test_emacs_eglot_sees_diagnostics_of_an_unsaved_edit_completes_and_jumps(repo, tmp_path):
    out = tmp_path / "seen.txt"
    setup = tmp_path / "aftermath-eglot.el"
    setup.write_text(snippet("Emacs (eglot)"))
    # `aftermath` found on PATH, as the snippet runs it.
    env = dict(os.environ, PATH=f"{pathlib.Path(BINARY).parent}:{os.environ['PATH']}", REPO=str(repo), OUT=str(out), SNIPPET=str(setup),
               HOME=str(tmp_path))
    subprocess.run(["emacs", "--batch", "-l", str(SCRIPT)], env=env, timeout=120, check=True, cwd=repo,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = out.read_text().splitlines()
    assert "mode=markdown-mode" in seen
    assert "connected=t" in seen
    assert "diagnostics_arrived=t" in seen, seen
    [diagnostic] = [line for line in seen if line.startswith("diagnostic=") and "AM206" in line]
    assert diagnostic.startswith("diagnostic=7 ") and "did you mean `dmitri`" in diagnostic
    assert "completion=technical-lapse" in seen
    assert f"jumped_to={repo / POSTMORTEM}" in seen
    assert "owner: dmitri" in (repo / "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md").read_text()
