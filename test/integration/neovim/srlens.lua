-- Drives Neovim (0.7.2 and later) against `srlens lsp --stdio`, headless, the way a user's config
-- would: start the client, attach it to a template, then use Neovim's own diagnostics, hover and
-- code action features. What happened is written as JSON to $SRLENS_RESULT.
--
--   SRLENS_CLI=dist/cli.js SRLENS_FILE=/tmp/x/volume.yaml SRLENS_RESULT=/tmp/x/result.json \
--     nvim --headless --clean -n -i NONE -u test/integration/neovim/srlens.lua
local cli = os.getenv('SRLENS_CLI')
local file = os.getenv('SRLENS_FILE')
local result_file = os.getenv('SRLENS_RESULT')
local result = { steps = {} }

local function finish()
  local out = io.open(result_file, 'w')
  out:write(vim.fn.json_encode(result))
  out:close()
  vim.cmd('qall!')
end

local function step(name, ok)
  table.insert(result.steps, { name = name, ok = ok })
  if not ok then
    finish()
  end
  return ok
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'srlens',
  cmd = { 'node', cli, 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  settings = { srlens = { diagnostics = { debounce = 0 } } },
})
step('client started', client_id ~= nil)
vim.lsp.buf_attach_client(bufnr, client_id)

-- Diagnostics arrive (pushed).
step('diagnostics', vim.wait(30000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50))
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(result.diagnostics, {
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    lnum = d.lnum,
    col = d.col,
    severity = d.severity,
    source = d.source,
    message = d.message,
  })
end

-- Hover on the resource type: Neovim's own hover opens a floating window.
vim.api.nvim_win_set_cursor(0, { 4, 12 })
vim.lsp.buf.hover()
local float
step('hover', vim.wait(15000, function()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      float = win
      return true
    end
  end
  return false
end, 50))
result.hover = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false)
vim.api.nvim_win_close(float, true)

-- A code action on the diagnostic's line: Neovim's own menu, answered with its first entry.
local offered = {}
vim.ui.select = function(items, opts, on_choice)
  for _, item in ipairs(items) do
    table.insert(offered, opts.format_item and opts.format_item(item) or tostring(item))
  end
  on_choice(items[1], 1)
end
local d = vim.diagnostic.get(bufnr)[1]
vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
vim.lsp.buf.code_action()
local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
step('code action applied', vim.wait(15000, function()
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') ~= before
end, 50))
result.offered = offered
vim.cmd('write')
result.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')

-- The fixed file is analysed again: its diagnostic goes.
step('diagnostics after the fix', vim.wait(15000, function()
  return #vim.diagnostic.get(bufnr) == 0
end, 50))

vim.lsp.stop_client(client_id)
finish()
