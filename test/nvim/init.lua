-- Headless Neovim as a second LSP client: attach dist/server.js to the opened report, wait
-- (bounded) for its diagnostics, assert their codes, apply one quick fix, and exit 0 — or
-- print what went wrong and exit 1. Works with Neovim 0.7 (Debian's: vim.lsp.start_client
-- + buf_attach_client) and later (vim.lsp.start).
local server = assert(os.getenv('GOVREPORT_SERVER'), 'GOVREPORT_SERVER is not set')
local expected = vim.split(os.getenv('GOVREPORT_EXPECT') or '', ',', { trimempty = true })
local timeout = tonumber(os.getenv('GOVREPORT_TIMEOUT_MS') or '15000')

local function out(line)
  io.stdout:write(line .. '\n')
end

local function fail(message)
  out('test:nvim FAILED: ' .. message)
  vim.cmd('cquit 1')
end

local function code_of(d)
  if d.code then return tostring(d.code) end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code and tostring(lsp.code) or '?'
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(list, code_of(d)) end
  table.sort(list)
  return list
end

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = 'govreport',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    init_options = { debounceMs = 0 },
    settings = { govreport = { locale = 'zh-CN' } },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  end
  if not client_id then return fail('the server did not start') end

  local arrived = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) >= #expected and #expected > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out(string.format('%s:%d:%d %s %s', vim.fn.expand('%'), d.lnum + 1, d.col + 1, code_of(d), d.message))
  end
  if not arrived then return fail(string.format('no diagnostics within %d ms', timeout)) end
  local got = table.concat(codes(bufnr), ',')
  local want = table.concat(expected, ',')
  if got ~= want then return fail('codes ' .. got .. ', expected ' .. want) end

  -- A quick fix, applied the way Neovim applies edits, takes its diagnostic away.
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == 'sum-review-litigation' then target = d end
  end
  if target then
    -- Neovim keeps columns in bytes; LSP counts UTF-16 code units.
    local function position(lnum, col)
      local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
      local _, utf16 = vim.str_utfindex(line, math.min(col, #line))
      return { line = lnum, character = utf16 }
    end
    local lsp_diagnostic = vim.tbl_extend('force', target.user_data and target.user_data.lsp or {}, {
      range = { start = position(target.lnum, target.col), ['end'] = position(target.end_lnum, target.end_col) },
      code = code_of(target),
      message = target.message,
      severity = target.severity,
    })
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = lsp_diagnostic.range,
      context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
    }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout) or {}
    local action
    for _, response in pairs(responses) do
      for _, a in ipairs(response.result or {}) do
        if a.edit then action = action or a end
      end
    end
    if not action then return fail('no quick fix for sum-review-litigation') end
    out('applying: ' .. action.title)
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    local gone = vim.wait(timeout, function()
      for _, c in ipairs(codes(bufnr)) do
        if c == 'sum-review-litigation' then return false end
      end
      return true
    end, 50)
    if not gone then return fail('the fixed diagnostic is still there: ' .. table.concat(codes(bufnr), ',')) end
  end

  out('test:nvim OK: ' .. got .. ' (Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. ')')
  vim.lsp.stop_client(client_id, true)
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(main)
    if not ok then fail(tostring(err)) end
  end,
})
