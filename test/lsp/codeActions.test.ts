/**
 * Code actions as a user meets them: a quick fix on a wrong total mends that total and nothing
 * else; fix-all (on save, from the menu, as a command) leaves no error; a pasted table becomes
 * a Markdown table with every figure as it was, or is refused when a figure would be lost.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { readFixture } from '../support/seeds';
import { codesOf, LspClient } from './client';

const WRONG = readFixture('lsp', 'wrong-totals.md');
const TSV = readFixture('lsp', 'pasted-tsv-2020.txt');
// A mangled PDF text (from the fuzzer): a row's label broken by a stray entity, its group's
// stacked label half gone. The row reads as missing; the row the engine would insert is not
// read back as that row either.
const MANGLED = readFixture('fuzz', 'row-after-broken-stacked-label.txt');

const key = (d: Diagnostic) => `${d.code}|${d.message}|${JSON.stringify(d.range)}`;

/** Value cells of the row whose label (a cell) is `label`, in a TSV or Markdown line. */
function rowValues(text: string, label: string, count: number): string[] | undefined {
  for (const line of text.split('\n')) {
    const cells = line.includes('\t') ? line.split('\t') : line.trim().replace(/^\||\|$/g, '').split('|');
    const trimmed = cells.map((c) => c.trim());
    if (!trimmed.includes(label)) continue;
    const values = trimmed.slice(trimmed.indexOf(label) + 1);
    while (values.length > count && values[values.length - 1] === '') values.pop();
    while (values.length > count && values[0] === '') values.shift();
    return values;
  }
  return undefined;
}

describe('code actions', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(() => client.stop());

  it('a fix that re-reading the fixed text disproves is not offered; the ones that hold are', async () => {
    const uri = 'file:///actions/mangled.txt';
    await client.open(uri, MANGLED, 'plaintext');
    const found = await client.diagnostics(uri);
    const missing = found.filter((d) => d.code === 'table-row-missing');
    const disproved = missing.find((d) => d.message.includes('逾期不补正'))!;
    const holds = missing.find((d) => d.message.includes('行政规范性文件'))!;
    assert.ok(disproved && holds, found.map((d) => d.message).join('\n'));
    const quickFixes = async (d: Diagnostic) => (await client.codeActions(uri, d.range, [d])).filter((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.message === d.message);
    assert.deepEqual((await quickFixes(disproved)).map((a) => a.title), []);
    assert.deepEqual((await quickFixes(holds)).map((a) => a.title), ['插入「行政规范性文件」行（数值为 0）']);
    const hover = await client.hover(uri, disproved.range.start);
    assert.ok(!JSON.stringify(hover ?? '').includes('插入「1.申请人'), 'the hover names no fix that is not offered');
  });

  it('a quick fix on a wrong total removes that diagnostic and changes nothing else', async () => {
    const uri = 'file:///actions/quickfix.govreport';
    await client.open(uri, WRONG);
    const before = await client.diagnostics(uri);
    const review = before.find((d) => d.code === 'sum-review-litigation')!;
    const actions = await client.codeActions(uri, review.range, [review]);
    const quickfix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'sum-review-litigation');
    assert.ok(quickfix, `no quick fix among ${actions.map((a) => a.title)}`);
    assert.equal(quickfix.title, '将总计改为 1');
    assert.equal(quickfix.isPreferred, true);
    assert.deepEqual(quickfix.diagnostics![0], review, 'the quick fix is attached to the diagnostic the client sent');
    const edits = (quickfix.edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.equal((quickfix.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 1);
    assert.equal(edits.length, 1);

    client.applyWorkspaceEdit(quickfix.edit!);
    const text = client.text(uri);
    assert.equal(text.length, WRONG.length);
    const changed = [...text].filter((c, i) => c !== WRONG[i]);
    assert.deepEqual(changed, ['1']);

    const after = await client.diagnostics(uri);
    assert.deepEqual(after.map(key), before.filter((d) => d !== review).map(key));
  });

  it('source.fixAll (as on save) leaves no error, in one minimal edit', async () => {
    for (const kind of ['source.fixAll', 'source.fixAll.govreport']) {
      const uri = `file:///actions/${kind}.govreport`;
      await client.open(uri, WRONG);
      await client.diagnostics(uri);
      const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], [kind]);
      assert.equal(actions.length, 1, `actions for ${kind}: ${actions.map((a) => a.title)}`);
      const fixAll = actions[0];
      assert.equal(fixAll.kind, kind);
      assert.match(fixAll.title, /修正全部.*4/);
      const edits = (fixAll.edit!.documentChanges![0] as TextDocumentEdit).edits;
      assert.equal(edits.length, 1);
      // Minimal: the edit starts at the first wrong cell, not at the top of the document.
      assert.ok(edits[0].range.start.line > 30, `edit starts at line ${edits[0].range.start.line}`);
      client.applyWorkspaceEdit(fixAll.edit!);
      // Section 五 came back as its template: flagged until the author writes it, nothing else.
      assert.deepEqual(codesOf(await client.diagnostics(uri)), ['placeholder-text']);
      assert.match(client.text(uri), /五、存在的主要问题及改进情况/);
    }
  });

  it('offers fix-all beside the quick fixes as a command, which applies every fix', async () => {
    const uri = 'file:///actions/command.govreport';
    await client.open(uri, WRONG);
    const diagnostics = await client.diagnostics(uri);
    const actions = await client.codeActions(uri, diagnostics[0].range, [diagnostics[0]]);
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.govreport');
    assert.ok(fixAll?.command, 'fix-all offered as a command');
    assert.equal(fixAll.command.command, 'govreport.fixAll');
    const applied = client.applied.length;
    const count = await client.executeCommand(fixAll.command.command, ...(fixAll.command.arguments ?? []));
    assert.equal(count, 4);
    assert.equal(client.applied.length, applied + 1);
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['placeholder-text']);
    // Nothing left to fix: no action, and the command applies nothing.
    assert.equal(await client.executeCommand('govreport.fixAll', uri), 0);
    const none = await client.codeActions(uri, diagnostics[0].range, [], ['source.fixAll']);
    assert.deepEqual(none, []);
  });

  it('converts a tab-separated table to a Markdown table with every figure as it was', async () => {
    const uri = 'file:///actions/pasted.txt';
    await client.open(uri, TSV, 'plaintext');
    assert.deepEqual(await client.diagnostics(uri), []);
    const line = TSV.split('\n').findIndex((l) => l.includes('（二）部分公开'));
    const at = { line, character: 3 };
    const actions = await client.codeActions(uri, { start: at, end: at }, [], ['refactor']);
    const convert = actions.find((a: CodeAction) => a.kind === 'refactor.rewrite');
    assert.ok(convert?.edit, `no conversion among ${actions.map((a) => a.title)}`);
    assert.equal(convert.title, '转换为 Markdown 表格');
    client.applyWorkspaceEdit(convert.edit);
    const text = client.text(uri);

    assert.match(text, /\| （本列数据的勾稽关系为/);
    assert.match(text, /\| 四、结转下年度继续办理 \|  \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \|/);
    for (const label of ['一、本年新收政府信息公开申请数量', '（一）予以公开', '1.本机关不掌握相关政府信息', '（七）总计']) {
      assert.deepEqual(rowValues(text, label, 7), rowValues(TSV, label, 7), label);
    }
    // The other tables are untouched, and the checker sees the same report.
    assert.ok(text.includes('行政许可\t84\t26\t3028'));
    assert.deepEqual(await client.diagnostics(uri), []);

    // The same through the command, for table 四.
    const reviewLine = text.split('\n').findIndex((l) => l.startsWith('1\t0\t0\t0\t1'));
    assert.equal(await client.executeCommand('govreport.convertTable', uri, { line: reviewLine, character: 0 }), true);
    assert.match(client.text(uri), /\| 1 \| 0 \| 0 \| 0 \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
    assert.deepEqual(await client.diagnostics(uri), []);
  });

  it('converts an HTML table, as published on a portal, replacing the whole <table> element', async () => {
    const report = readFixture('lsp', 'report-2023.md');
    const start = report.indexOf('| 行政复议 |');
    const end = report.indexOf('## 五、');
    const html = [
      '<table border="1">',
      '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>',
      '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
      '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>',
      '<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>1</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>',
      '</table>',
      '',
    ].join('\n');
    const text = report.slice(0, start) + html + '\n' + report.slice(end);
    const uri = 'file:///actions/portal.md';
    await client.open(uri, text, 'markdown');
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['cell-blank']);
    const at = client.position(uri, text.indexOf('<td>1</td>'));
    const [convert] = await client.codeActions(uri, { start: at, end: at }, [], ['refactor.rewrite']);
    assert.ok(convert?.edit);
    client.applyWorkspaceEdit(convert.edit);
    const converted = client.text(uri);
    assert.ok(!/<\/?t(able|r|d)/.test(converted), 'no HTML left');
    assert.ok(converted.includes('| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 |  | 0 | 0 | 0 | 0 |'), converted.slice(start, start + 600));
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['cell-blank']);
  });

  it('refuses to convert a table whose figures cannot all be placed', async () => {
    const uri = 'file:///actions/broken.txt';
    // Seed 004's fault: （一）予以公开 with six values where seven belong.
    const broken = TSV.replace('（一）予以公开\t4\t1\t0\t0\t0\t0\t5', '（一）予以公开\t4\t1\t0\t0\t0\t5');
    await client.open(uri, broken, 'plaintext');
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['table-cell-count']);
    const line = broken.split('\n').findIndex((l) => l.includes('（七）总计'));
    const at = { line, character: 1 };
    const actions = await client.codeActions(uri, { start: at, end: at }, [], ['refactor.rewrite']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].edit, undefined);
    assert.match(actions[0].disabled!.reason, /1 行的数值个数与格式不符/);

    const messages = client.messages.length;
    assert.equal(await client.executeCommand('govreport.convertTable', uri, at), false);
    await client.waitFor(() => client.messages.length > messages, 'the refusal message');
    assert.match(client.messages[client.messages.length - 1].message, /无法转换此表格/);
    assert.equal(client.text(uri), broken);
  });

  it('offers no conversion in a Markdown table, and nothing at all in an unrelated note', async () => {
    const uri = 'file:///actions/markdown.govreport';
    await client.open(uri, WRONG);
    await client.diagnostics(uri);
    const at = client.position(uri, WRONG.indexOf('（七）总计'));
    const actions = await client.codeActions(uri, { start: at, end: at }, [], ['refactor']);
    assert.deepEqual(actions, []);

    const note = 'file:///actions/note.md';
    await client.open(note, readFixture('lsp', 'note.md'), 'markdown');
    await client.diagnostics(note);
    assert.deepEqual(await client.codeActions(note, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }), []);
  });
});
