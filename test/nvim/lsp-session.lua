-- Drives Neovim's built-in LSP client (0.7.2 and later) against the Shipshape server, the way
-- a user would: open a Dockerfile, wait for diagnostics, hover, ask for code actions on the
-- user-missing line, apply the fix, save. Everything observed goes to a JSON file that
-- test/nvim/nvim.test.ts asserts on; this script only records, it judges nothing.
--
-- Inputs (environment): SHIPSHAPE_SERVER (out/server.js), SHIPSHAPE_FILE (the Dockerfile),
-- SHIPSHAPE_RESULT (where to write the JSON).

local server = os.getenv('SHIPSHAPE_SERVER')
local file = os.getenv('SHIPSHAPE_FILE')
local result_path = os.getenv('SHIPSHAPE_RESULT')
local result = { steps = {} }

local function step(name) table.insert(result.steps, name) end

-- The fields the test needs from each diagnostic. 0.7 keeps the LSP code in user_data.lsp;
-- later versions also put it on the item itself.
local function summarize(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
      href = (lsp.codeDescription or {}).href,
    })
  end
  return out
end

local function codes(buf)
  local set = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    set[d.code or lsp.code] = true
  end
  return set
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'shipshape',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  assert(client_id, 'start_client returned nil')
  step('started')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'dockerfile' -- the languageId the server sees
  vim.lsp.buf_attach_client(buf, client_id)
  step('attached')

  result.got_diagnostics = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.diagnostics = summarize(vim.diagnostic.get(buf))
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_name = client and client.server_capabilities and client.name
  result.incremental_sync = client and client.server_capabilities
    and client.server_capabilities.textDocumentSync
    and client.server_capabilities.textDocumentSync.change == 2

  -- The user-missing finding sits on the final FROM; put the cursor there like a user would.
  local target
  for _, d in ipairs(result.diagnostics) do
    if d.code == 'dockerfile/user-missing' then target = d end
  end
  assert(target, 'no dockerfile/user-missing diagnostic')
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })

  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 5000)
  for _, response in pairs(hover or {}) do
    if response.result and response.result.contents then result.hover = response.result.contents.value end
  end
  step('hovered')

  -- 0.7's vim.diagnostic items have no `range`: the LSP-shaped ones come from
  -- vim.lsp.diagnostic.get_line_diagnostics (deprecated later, still present in 0.7–0.9).
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum) }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000)
  result.actions = {}
  local fix
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, { title = action.title, kind = action.kind, isPreferred = action.isPreferred or false })
      if not fix and action.edit and action.title:match('^Run as a non%-root user') then fix = action end
    end
  end
  step('asked for code actions')
  assert(fix, 'no user-missing fix among the code actions')

  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  step('applied the fix')
  result.fix_cleared = vim.wait(10000, function() return not codes(buf)['dockerfile/user-missing'] end, 20)
  result.diagnostics_after = summarize(vim.diagnostic.get(buf))
  vim.cmd('write')
  step('saved')
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
result.ok = ok
if not ok then result.error = tostring(err) end
local handle = assert(io.open(result_path, 'w'))
handle:write(vim.fn.json_encode(result))
handle:close()
vim.cmd('qall!')
