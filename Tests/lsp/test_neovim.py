"""Neovim's own LSP client (Debian's neovim, 0.7: `vim.lsp.start_client`, `buf_attach_client`)
against `aftermath lsp`, headless."""
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import BINARY, POSTMORTEM

SCRIPT = pathlib.Path(__file__).with_name("neovim_session.lua")


@pytest.mark.skipif(shutil.which("nvim") is None, reason="neovim is not installed (scripts/setup installs it)")
def test_neovim_sees_diagnostics_of_an_unsaved_edit_completes_and_jumps(repo, tmp_path):
    out = tmp_path / "seen.txt"
    env = dict(os.environ, AFTERMATH_BIN=BINARY, REPO=str(repo), OUT=str(out), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"))
    subprocess.run(["nvim", "--headless", "--clean", "-n", "-c", f"luafile {SCRIPT}"], env=env, timeout=90, check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = out.read_text().splitlines()
    assert "diagnostics_arrived=true" in seen
    [diagnostic] = [line for line in seen if line.startswith("diagnostic=")]
    assert diagnostic.startswith("diagnostic=6:0-6:12 AM206 ") and "did you mean `dmitri`" in diagnostic
    assert "completion=technical-lapse" in seen
    assert f"jumped_to={repo / POSTMORTEM}" in seen
    assert "owner: dmitri" in (repo / "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md").read_text()
