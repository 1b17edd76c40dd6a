-- A Neovim (0.7+) session against `aftermath lsp`: opens a finding of the repository in $REPO,
-- breaks its owner, waits for the diagnostic, asks for a completion, jumps to a definition,
-- and writes what it saw to $OUT, one `key=value` line each.
local bin, repo, out = os.getenv("AFTERMATH_BIN"), os.getenv("REPO"), os.getenv("OUT")
local finding = repo .. "/postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md"
local seen = {}
local function finish()
  local file = io.open(out, "w")
  for _, line in ipairs(seen) do file:write(line, "\n") end
  file:close()
  vim.cmd("qall!")
end
local function note(key, value) table.insert(seen, key .. "=" .. tostring(value)) end

vim.cmd("edit " .. vim.fn.fnameescape(finding))
local client_id = vim.lsp.start_client({
  name = "aftermath",
  cmd = { bin, "lsp", "--stdio", "--today", "2026-10-01" },
  root_dir = repo,
})
vim.lsp.buf_attach_client(0, client_id)
vim.wait(20000, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized
end, 20)

-- Line 7 is `owner: dmitri`: an edit that is not saved.
vim.api.nvim_buf_set_lines(0, 6, 7, false, { "owner: dmitr" })
local got = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
note("diagnostics_arrived", got)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  note("diagnostic", string.format("%d:%d-%d:%d %s %s", d.lnum, d.col, d.end_lnum, d.end_col, code, d.message))
end

-- Completion in the `category:` value (line 6, after `category: `).
local responses = vim.lsp.buf_request_sync(0, "textDocument/completion", {
  textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 5, character = 10 },
}, 10000)
for _, response in pairs(responses or {}) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do note("completion", item.label) end
end

-- Definition of `PM-2026-001` (line 4), and the jump to it.
local definitions = vim.lsp.buf_request_sync(0, "textDocument/definition", {
  textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 3, character = 14 },
}, 10000)
for _, response in pairs(definitions or {}) do
  local location = response.result and response.result[1]
  if location then
    vim.lsp.util.jump_to_location(location, "utf-16")
    note("jumped_to", vim.api.nvim_buf_get_name(0))
  end
end
finish()
