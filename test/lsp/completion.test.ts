/**
 * Completion: typing 表三 (or gr-table3) where table 三 belongs inserts a table the checker
 * accepts; prefixes work mid-sentence; inside a table the format's row labels are offered; the
 * skeleton command writes a whole report in the format the year implies.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { readFixture } from '../support/seeds';
import { codesOf, LspClient } from './client';

const REPORT = readFixture('lsp', 'report-2023.md');
const TSV = readFixture('lsp', 'pasted-tsv-2020.txt');

/** The report with table 三 taken out: its heading stays, followed by one blank line. */
function withoutTable3(): string {
  const start = REPORT.indexOf('| （本列数据的勾稽关系为');
  const end = REPORT.indexOf('## 四、');
  return REPORT.slice(0, start) + REPORT.slice(end);
}

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

function edit(item: CompletionItem): TextEdit {
  assert.ok(item.textEdit && 'range' in item.textEdit, `${item.label} has a textEdit with a range`);
  return item.textEdit as TextEdit;
}

describe('completion', () => {
  let plain: LspClient;
  let snippets: LspClient;
  before(async () => {
    [plain, snippets] = await Promise.all([
      LspClient.start({ debounceMs: 0, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } } }),
      LspClient.start({ debounceMs: 0 }),
    ]);
  });
  after(() => Promise.all([plain.stop(), snippets.stop()]));

  it('表三 typed where the table belongs inserts a table with no findings', async () => {
    const uri = 'file:///completion/table3.govreport';
    const text = withoutTable3();
    await plain.open(uri, text);
    assert.deepEqual(codesOf(await plain.diagnostics(uri)), ['table-missing']);
    // On the blank line under the heading.
    const at = text.indexOf('\n## 四、');
    await plain.type(uri, at, '表三');
    const position = plain.position(uri, at + 2);
    const item = items(await plain.completion(uri, position)).find((i) => i.label === '表三');
    assert.ok(item, 'a 表三 item');
    assert.equal(item.insertTextFormat, 1);
    assert.match(item.detail!, /收到和处理政府信息公开申请情况.*2021/);
    const textEdit = edit(item);
    assert.deepEqual(textEdit.range, { start: plain.position(uri, at), end: position }, 'replaces exactly what was typed');
    assert.ok(textEdit.newText.startsWith('| （本列数据的勾稽关系为'));
    assert.ok(!textEdit.newText.includes('$'), 'plain text for a client without snippets');

    plain.applyWorkspaceEdit({ changes: { [uri]: [textEdit] } });
    assert.deepEqual(await plain.diagnostics(uri), []);
  });

  it('the ASCII prefix gr-table3 inserts the same table, as a snippet', async () => {
    const uri = 'file:///completion/ascii.govreport';
    const text = withoutTable3();
    await snippets.open(uri, text);
    const at = text.indexOf('\n## 四、');
    await snippets.type(uri, at, 'gr-ta');
    const list = items(await snippets.completion(uri, snippets.position(uri, at + 5)));
    assert.ok(list.every((i) => i.label.startsWith('gr-')), `only the ASCII family once gr- is typed: ${list.map((i) => i.label)}`);
    const item = list.find((i) => i.label === 'gr-table3')!;
    assert.equal(item.insertTextFormat, 2);
    const textEdit = edit(item);
    assert.equal(textEdit.range.start.character, 0);
    assert.ok(textEdit.newText.endsWith('\n$0'));
    snippets.applyWorkspaceEdit({ changes: { [uri]: [{ range: textEdit.range, newText: textEdit.newText.replace(/\$0$/, '') }] } });
    assert.deepEqual(await snippets.diagnostics(uri), []);
    const labels = list.map((i) => i.label);
    for (const l of ['gr-table2', 'gr-table4', 'gr-report', 'gr-section1', 'gr-section6', 'gr-table3-2019', 'gr-report-2019']) assert.ok(labels.includes(l), l);
  });

  it('a Chinese prefix works mid-sentence: only the prefix is replaced', async () => {
    const uri = 'file:///completion/sentence.govreport';
    await snippets.open(uri, REPORT);
    await snippets.diagnostics(uri);
    const at = REPORT.indexOf('依申请公开工作均在法定时限内答复');
    await snippets.type(uri, at, '见表');
    const list = items(await snippets.completion(uri, snippets.position(uri, at + 2)));
    const item = list.find((i) => i.label === '表三')!;
    assert.equal(edit(item).range.start.character, snippets.position(uri, at + 1).character);
    assert.ok(list.every((i) => i.label.startsWith('表')), `only what begins with 表: ${list.map((i) => i.label)}`);
  });

  it('in a 2019-format report, 表三 is the 2019 table and the 2021 one is labelled', async () => {
    const uri = 'file:///completion/2019.txt';
    await snippets.open(uri, TSV, 'plaintext');
    await snippets.diagnostics(uri);
    const at = TSV.indexOf('五、存在的主要问题');
    await snippets.type(uri, at, '表三');
    const list = items(await snippets.completion(uri, snippets.position(uri, at + 2)));
    const table2019 = list.find((i) => i.label === '表三')!;
    assert.match(table2019.detail!, /2019年试行格式/);
    assert.ok(!edit(table2019).newText.includes('逾期不补正'), 'the 2019 table has no （六） sub-rows');
    const table2021 = list.find((i) => i.label === '表三2021')!;
    assert.match(table2021.detail!, /2021年新版格式/);
    assert.ok(edit(table2021).newText.includes('逾期不补正'));
  });

  it('inside table 三, offers the row labels: a whole row on a blank line, the label inside a cell', async () => {
    const uri = 'file:///completion/rows.govreport';
    const text = REPORT.replace('|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |', '|  | （二）部 |');
    await snippets.open(uri, text);
    await snippets.diagnostics(uri);

    const inCell = text.indexOf('（二）部 |') + '（二）部'.length;
    const labels = items(await snippets.completion(uri, snippets.position(uri, inCell)));
    const partly = labels.find((i) => i.label.startsWith('（二）部分公开'))!;
    assert.ok(partly, `row labels offered: ${labels.map((i) => i.label).slice(0, 5)}`);
    assert.equal(edit(partly).range.start.character, snippets.position(uri, text.indexOf('（二）部 |')).character);
    assert.equal(edit(partly).newText, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.ok(!labels.some((i) => i.label === '表三'), 'no table templates inside a table');
    // The row the table lacks comes first.
    assert.equal([...labels].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0].label, partly.label);

    const below = text.indexOf('\n\n## 四、') + 1;
    const rows = items(await snippets.completion(uri, snippets.position(uri, below)));
    const granted = rows.find((i) => i.label === '（一）予以公开')!;
    assert.equal(edit(granted).newText, '| 三、本年度办理结果 | （一）予以公开 | ${1:0} | ${2:0} | ${3:0} | ${4:0} | ${5:0} | ${6:0} | ${7:0} |');
  });

  it('offers nothing while a figure is typed in a number cell, in any table', async () => {
    const uri = 'file:///completion/number-cell.govreport';
    await snippets.open(uri, REPORT);
    await snippets.diagnostics(uri);
    const text = snippets.text(uri);
    const cases: Array<[string, string]> = [
      ['| 一、本年新收政府信息公开申请数量 |  | ', '表三 一、本年新收 自然人'],
      ['| 行政规范性文件 | ', '表二 行政规范性文件 本年制发'],
      ['| 行政许可 | ', '表二 行政许可'],
    ];
    for (const [rowStart, what] of cases) {
      const at = text.indexOf(rowStart);
      assert.ok(at >= 0, rowStart);
      // The cursor after the cell's first digit, as quick suggestions would ask when it is typed.
      const offset = at + rowStart.length + 1;
      assert.match(text[offset - 1], /\d/, `${what}: a digit before the cursor`);
      const result = await snippets.completion(uri, snippets.position(uri, offset));
      assert.deepEqual(items(result), [], `${what}: ${items(result).map((i) => i.label).slice(0, 5).join(', ')}`);
    }
    // Table 四: its single row of figures.
    const review = text.indexOf('\n', text.indexOf('| 结果维持 |', text.indexOf('## 四、')));
    const valueRow = review + 1 + '| 1'.length;
    assert.match(text[valueRow - 1], /\d/);
    assert.deepEqual(items(await snippets.completion(uri, snippets.position(uri, valueRow))), [], '表四 the first figure');
    // Control: the label cell of the same row of 表三 still offers the row labels.
    const label = text.indexOf('| 一、本年新收政府信息公开申请数量') + 4;
    assert.ok(items(await snippets.completion(uri, snippets.position(uri, label))).length > 0, 'labels in the label cell');
  });

  it('the skeleton command writes a whole report in the format of its year', async () => {
    const skeleton2024 = (await snippets.executeCommand('govreport.skeleton', { body: '示例镇人民政府', year: 2024 })) as string;
    assert.ok(skeleton2024.startsWith('示例镇人民政府2024年政府信息公开工作年度报告'));
    assert.match(skeleton2024, /本年制发件数/);
    assert.match(skeleton2024, /逾期不补正/);
    const skeleton2020 = (await snippets.executeCommand('govreport.skeleton', { body: '示例镇人民政府', year: '2020' })) as string;
    assert.match(skeleton2020, /本年新制作数量/);
    assert.ok(!skeleton2020.includes('逾期不补正'));
    const forced = (await snippets.executeCommand('govreport.skeleton', { body: '示例镇人民政府', year: 2020, format: '2021' })) as string;
    assert.match(forced, /本年制发件数/);

    const uri = 'file:///completion/skeleton.govreport';
    await snippets.open(uri, skeleton2024);
    // A skeleton is complete in form; its sections 一 and 五 are template text until written.
    assert.deepEqual(codesOf(await snippets.diagnostics(uri)), ['placeholder-text', 'placeholder-text']);

    await assert.rejects(snippets.executeCommand('govreport.skeleton', { year: 2024 }), /body/);
  });
});

