/**
 * What the server shows: hover on totals (the formula with the table's figures) and on row
 * labels, the outline, folding, and formatting that aligns pipe tables without touching a value.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { readFixture } from '../support/seeds';
import { LspClient } from './client';

const REPORT = readFixture('lsp', 'report-2023.md');
const WRONG = readFixture('lsp', 'wrong-totals.md');
const UNALIGNED = readFixture('lsp', 'unaligned-2024.md');

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

/** Offset of `cell` (a value) in the row that contains `rowText`, counting from the row's end. */
function cellIn(text: string, rowText: string, cell: string): number {
  const row = text.indexOf(rowText);
  assert.ok(row >= 0, rowText);
  const end = text.indexOf('\n', row);
  return text.lastIndexOf(` ${cell} `, end) + 1;
}

/** A markdown row's cells, as GFM reads them (no escaped pipes in these fixtures). */
function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

const isPipeRow = (line: string) => /\|/.test(line) && !/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line);
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);

describe('hover', () => {
  let client: LspClient;
  const uri = 'file:///hover/report.govreport';
  const wrong = 'file:///hover/wrong.govreport';
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
    await client.open(uri, REPORT);
    await client.open(wrong, WRONG);
  });
  after(() => client.stop());

  it('on a row total: the applicant sum with its figures, and that it holds', async () => {
    const at = cellIn(REPORT, '| 一、本年新收政府信息公开申请数量 |', '17');
    const text = markdown(await client.hover(uri, client.position(uri, at)));
    assert.match(text, /表三「一、本年新收政府信息公开申请数量」行「总计」列/);
    assert.ok(text.includes('总计 = 自然人 14 + 商业企业 2 + 科研机构 0 + 社会公益组织 1 + 法律服务机构 0 + 其他 0 = 17'), text);
    assert.match(text, /✓ 成立/);
  });

  it('on （七）总计: the non-zero result rows, the rest said to be zero', async () => {
    const at = cellIn(REPORT, '|  | （七）总计 | 14 |', '14');
    const text = markdown(await client.hover(uri, client.position(uri, at)));
    assert.ok(
      text.includes('（七）总计 = （一）予以公开 6 + （二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 + （三）4.保护第三方合法权益 1 + （四）1.本机关不掌握相关政府信息 4（其余各项为 0） = 14'),
      text,
    );
  });

  it('on 结转下年度继续办理 总计: both the row sum and the balance, with a minus', async () => {
    const at = cellIn(REPORT, '| 四、结转下年度继续办理 |', '2');
    const text = markdown(await client.hover(uri, client.position(uri, at)));
    assert.match(text, /总计 = 自然人 2 \+ 商业企业 0/);
    assert.ok(text.includes('四、结转下年度继续办理 = 一、本年新收政府信息公开申请数量 17 + 二、上年结转政府信息公开申请数量 2 − （七）总计 17 = 2'), text);
  });

  it('on a wrong table 四 total: what it should be', async () => {
    const at = cellIn(WRONG, '| 1 | 0 | 0 | 0 | 2 |', '2');
    const text = markdown(await client.hover(wrong, client.position(wrong, at)));
    assert.match(text, /表四「行政复议·总计」/);
    assert.match(text, /总计 = 结果维持 1 \+ 结果纠正 0 \+ 其他结果 0 \+ 尚未审结 0 = 1/);
    assert.match(text, /✗ 不成立：应为 1，表中为 2/);
  });

  it('on a row label: what the row counts; on a heading: what the section covers; elsewhere: nothing', async () => {
    const label = markdown(await client.hover(uri, client.position(uri, REPORT.indexOf('（一）予以公开') + 2)));
    assert.match(label, /本行统计：决定全部公开的申请件数/);
    const heading = markdown(await client.hover(uri, client.position(uri, REPORT.indexOf('六、其他需要报告的事项') + 2)));
    assert.match(heading, /信息处理费/);
    assert.equal(await client.hover(uri, client.position(uri, REPORT.indexOf('依申请公开工作均在'))), null);
    const part = cellIn(REPORT, '| 一、本年新收政府信息公开申请数量 |', '14');
    assert.equal(await client.hover(uri, client.position(uri, part)), null, 'a part is not a total');
  });
});

describe('outline and folding', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(() => client.stop());

  it('lists the six sections, each with its table', async () => {
    const uri = 'file:///outline/report.govreport';
    await client.open(uri, REPORT);
    const symbols = await client.symbols(uri);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    );
    assert.deepEqual(
      symbols.map((s) => (s.children ?? []).map((c) => c.name)),
      [[], ['表二 主动公开政府信息情况'], ['表三 收到和处理政府信息公开申请情况'], ['表四 政府信息公开行政复议、行政诉讼情况'], [], []],
    );
    // The section's selection is its heading text; its range ends at its last line of text.
    const three = symbols[2];
    assert.equal(three.selectionRange.start.character, 3);
    assert.equal(three.range.end.line, REPORT.split('\n').findIndex((l) => l.startsWith('| 四、结转下年度继续办理')));
  });

  it('names sections as written and gives the canonical title as detail', async () => {
    const uri = 'file:///outline/variant.govreport';
    await client.open(uri, REPORT.replace('## 五、存在的主要问题及改进情况', '## 五、下一步改进措施'));
    const symbols = await client.symbols(uri);
    assert.equal(symbols[4].name, '五、下一步改进措施');
    assert.equal(symbols[4].detail, '五、存在的主要问题及改进情况');
  });

  it('in English, names the sections and tables in English, the heading as written beside', async () => {
    const english = await LspClient.start({ debounceMs: 0, settings: { locale: 'en' } });
    try {
      const uri = 'file:///outline/english.govreport';
      await english.open(uri, REPORT.replace('## 五、存在的主要问题及改进情况', '## 五、下一步改进措施'));
      const symbols = await english.symbols(uri);
      assert.equal(symbols[0].name, '1. General overview');
      assert.equal(symbols[0].detail, '一、总体情况');
      assert.equal(symbols[4].name, '5. Main problems and improvements');
      assert.equal(symbols[4].detail, '五、下一步改进措施');
      assert.match(symbols[2].children![0].name, /^Table 3 /);
    } finally {
      await english.stop();
    }
  });

  it('names the Outline group in the locale, and renames it when the locale changes', async () => {
    const dynamic = await LspClient.start({ debounceMs: 0, settings: {}, capabilities: { textDocument: { documentSymbol: { dynamicRegistration: true } } } });
    try {
      const labels = () => dynamic.registrations.filter((r) => r.method === 'textDocument/documentSymbol').map((r) => (r.registerOptions as { label?: string }).label);
      await dynamic.waitFor(() => labels().length === 1, 'the outline registration');
      assert.deepEqual(labels(), ['政府信息公开年报']);
      const first = dynamic.registrations.find((r) => r.method === 'textDocument/documentSymbol')!;
      await dynamic.changeSettings({ locale: 'en' });
      await dynamic.waitFor(() => labels().length === 2 && dynamic.unregistrations.some((u) => u.id === first.id), 'registered again in English, the Chinese one withdrawn');
      assert.deepEqual(labels(), ['政府信息公开年报', 'GovReport']);
      // A change that leaves the locale alone registers nothing new.
      await dynamic.changeSettings({ locale: 'en', rules: { 'cell-blank': 'off' } });
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(labels().length, 2);
    } finally {
      await dynamic.stop();
    }
  });

  it('folds sections and tables', async () => {
    const uri = 'file:///outline/folding.govreport';
    await client.open(uri, REPORT);
    const ranges = await client.folding(uri);
    const lines = REPORT.split('\n');
    const starts = ranges.map((r) => lines[r.startLine]);
    assert.ok(starts.includes('## 三、收到和处理政府信息公开申请情况'));
    assert.ok(starts.some((l) => l.startsWith('| （本列数据的勾稽关系为')));
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
  });
});

describe('formatting', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(() => client.stop());

  it('aligns the pipe tables and keeps every cell of every row', async () => {
    const uri = 'file:///formatting/unaligned.govreport';
    await client.open(uri, UNALIGNED);
    assert.deepEqual(await client.diagnostics(uri), []);
    const edits = await client.formatting(uri);
    assert.ok(edits.length > 20, `${edits.length} edits`);
    client.applyWorkspaceEdit({ changes: { [uri]: edits } });
    const formatted = client.text(uri);

    const before = UNALIGNED.split('\n');
    const after = formatted.split('\n');
    assert.equal(after.length, before.length, 'no line added or removed');
    for (let i = 0; i < before.length; i++) {
      if (isPipeRow(before[i])) assert.deepEqual(cells(after[i]), cells(before[i]), `line ${i + 1}: ${before[i]}`);
      else if (!/^\s*\|?\s*:?-+/.test(before[i])) assert.equal(after[i], before[i], `line ${i + 1} is not a table line`);
    }
    // Table 三: one grid, every row as wide as the others, the separator keeps its alignments —
    // and the long 勾稽关系 note in the corner is left as it is, not a width for its column.
    const table3 = after.filter((l) => /^\| (一|二|三|四)、|^\| +\| (（|\d\.)|^\| （[三四五六]）/.test(l));
    assert.ok(table3.length >= 24);
    assert.equal(new Set(table3.map(width)).size, 1, table3.join('\n'));
    const noteRow = after.find((l) => l.startsWith('| （本列'))!;
    const note = cells(noteRow)[0];
    assert.ok(noteRow.startsWith(`| ${note} | `) && !noteRow.startsWith(`| ${note}  `), `the note cell is not padded: ${noteRow}`);
    const labelColumn = Math.max(...table3.map((l) => width(cells(l)[0])));
    assert.ok(labelColumn < width(note), 'the label column is narrower than the note');
    for (const row of table3) assert.equal(width(row.split(' | ')[0]), 2 + labelColumn, `the label column is as wide as its longest label: ${row}`);
    const separator = after.find((l) => l.startsWith('| :--'))!;
    assert.match(separator, /^\| :-+ \| -+ \| -+: \|.*\| :-+: \|$/);
    // Seed 002's loose rows keep their cells, ragged ends included.
    assert.deepEqual(cells(after.find((l) => l.includes('第二十条第（一）项'))!), ['第二十条第（一）项', '', '', '']);

    assert.deepEqual(await client.diagnostics(uri), []);
    assert.deepEqual(await client.formatting(uri), [], 'formatting twice changes nothing');
  });

  it('never pads a short row with an empty cell (that would hide a missing value)', async () => {
    const uri = 'file:///formatting/short-row.govreport';
    const text = REPORT.replace('| 三、本年度办理结果 | （一）予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |', '| 三、本年度办理结果 | （一）予以公开 | 6 | 1 | 0 | 0 | 0 | 7 |');
    await client.open(uri, text);
    const before = (await client.diagnostics(uri)).map((d) => d.code);
    assert.deepEqual(before, ['table-cell-count']);
    client.applyWorkspaceEdit({ changes: { [uri]: await client.formatting(uri) } });
    assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), before);
    const row = client.text(uri).split('\n').find((l) => l.includes('（一）予以公开'))!;
    assert.deepEqual(cells(row), ['三、本年度办理结果', '（一）予以公开', '6', '1', '0', '0', '0', '7']);
  });
});
