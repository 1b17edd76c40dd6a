/// The set-up of `aftermath lsp` in each editor, as `aftermath init --editor NAME` prints it
/// and docs/editors.md shows it (a test keeps the two the same).
public enum EditorSetup {
    /// Editor name → configuration snippet, in the order the docs give them.
    public static let snippets: [(editor: String, text: String)] = [
        ("neovim", #"""
-- init.lua
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "yaml" },
  callback = function(args)
    local marker = vim.fs.find({ ".aftermath.yml", ".git" }, { upward = true, path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)) })[1]
    if marker then
      vim.lsp.start({ name = "aftermath", cmd = { "aftermath", "lsp", "--stdio" }, root_dir = vim.fs.dirname(marker) })
    end
  end,
})
"""#),
        ("helix", #"""
# ~/.config/helix/languages.toml
[language-server.aftermath]
command = "aftermath"
args = ["lsp", "--stdio"]

[[language]]
name = "markdown"
roots = [".aftermath.yml", ".git"]
language-servers = ["marksman", "aftermath"]
"""#),
        ("emacs", #"""
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode) . ("aftermath" "lsp" "--stdio"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
"""#),
        ("zed", #"""
# extension.toml
id = "aftermath"
name = "Aftermath"
version = "0.1.0"
schema_version = 1

[language_servers.aftermath]
name = "Aftermath"
languages = ["Markdown"]

// src/lib.rs (crate type cdylib, depending on zed_extension_api)
use zed_extension_api as zed;

struct Aftermath;

impl zed::Extension for Aftermath {
    fn new() -> Self { Aftermath }

    fn language_server_command(&mut self, _: &zed::LanguageServerId, worktree: &zed::Worktree) -> zed::Result<zed::Command> {
        let path = worktree.which("aftermath").ok_or("aftermath is not on PATH")?;
        Ok(zed::Command { command: path, args: vec!["lsp".into(), "--stdio".into()], env: Default::default() })
    }
}

zed::register_extension!(Aftermath);
"""#),
        ("sublime", #"""
// Preferences › Package Settings › LSP › Settings
{
  "clients": {
    "aftermath": {
      "enabled": true,
      "command": ["aftermath", "lsp", "--stdio"],
      "selector": "text.html.markdown | source.yaml"
    }
  }
}
"""#),
        ("vscode", #"""
// settings.json
{
  "glspc.server.command": "aftermath",
  "glspc.server.commandArguments": ["lsp", "--stdio"],
  "glspc.server.languageId": ["markdown", "yaml"]
}
"""#),
    ]

    public static func snippet(for editor: String) -> String? {
        snippets.first { $0.editor == editor.lowercased() }?.text
    }
}
