/**
 * The layout classes real published reports arrive in (issue: "Real reports as they are
 * published"), each as a fixture of our own — figures and layouts as real reports have them,
 * the prose invented. For each: what the reader must find (sections, tables, figures), that a
 * correct report gets no error or warning, and that one figure changed makes the checker speak
 * at that figure. Tables that cannot be read are said to be unreadable once, and nothing else.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, check, parse, type BoundTable, type Diagnostic, type Report } from '../../server/src/report';
import { decode } from '../../server/src/cli/encoding';
import { kindOfPath } from '../../server/src/report/readers';
import { assertFixture } from '../support/fixture';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'layouts');

function load(name: string): string {
  const file = path.join(DIR, name);
  return decode(fs.readFileSync(file), { html: /\.html?$/.test(name) }).text;
}

function read(name: string): { text: string; report: Report; diagnostics: Diagnostic[] } {
  const text = load(name);
  const kind = kindOfPath(name, text);
  const { report, diagnostics } = check(text, { kind });
  return { text, report, diagnostics };
}

const serious = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error' || d.severity === 'warning');
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.code}: ${d.message}`).join('\n');

function table(report: Report, kind: BoundTable['kind']): BoundTable {
  const found = report.tables.filter((t) => t.kind === kind);
  assert.equal(found.length, 1, `one ${kind} table, found ${found.length}`);
  return found[0];
}

function valueAt(t: BoundTable, rowId: string, columnId: string): number | 'blank' | undefined {
  const cell = t.rows.find((r) => r.id === rowId)?.cells.find((c) => c.columnId === columnId);
  if (!cell) return undefined;
  return cell.value.kind === 'number' ? cell.value.value : cell.value.kind === 'blank' ? 'blank' : undefined;
}

/**
 * The figure of 表三（一）予以公开 / 自然人, changed in the source by one: a sum must break there
 * (the row's total, the column's （七）总计), reported on that cell or on a total it breaks.
 */
function speaksWhenChanged(name: string): void {
  const { text, report } = read(name);
  const t = table(report, 'applications');
  const cell = t.rows.find((r) => r.id === 'granted')!.cells.find((c) => c.columnId === 'natural')!;
  assert.equal(cell.value.kind, 'number');
  const at = report.document.map.toSource(cell.raw.range);
  const value = (cell.value as { value: number }).value;
  const changed = text.slice(0, at.start) + String(value + 1) + text.slice(at.end);
  const after = check(changed, { kind: kindOfPath(name, changed) }).diagnostics;
  const sums = after.filter((d) => ['sum-applicant-total', 'sum-result-total', 'balance'].includes(d.code) && d.severity === 'error');
  assert.ok(sums.length >= 1, `no sum finding after changing the figure:\n${show(after)}`);
  const otherNew = serious(after).filter((d) => !sums.includes(d) && d.code !== 'narrative-mismatch');
  assert.deepEqual(otherNew.map((d) => d.code), [], show(otherNew));
}

/**
 * A zero row taken out of the source is missing, and its fix puts back the same text: the
 * inserted row has the neighbours' shape, whatever separates the cells.
 */
function restoresRemovedRow(name: string, rowId: string): void {
  const { text, report } = read(name);
  const t = table(report, 'applications');
  const i = t.rawRows.findIndex((r) => r === t.rows.find((b) => b.id === rowId)!.raw);
  const removed = text.slice(0, t.rawRows[i].range.start) + text.slice(t.rawRows[i + 1].range.start);
  const missing = check(removed).diagnostics.filter((d) => d.code === 'table-row-missing');
  assert.equal(missing.length, 1, show(missing));
  assert.ok(missing[0].fix, 'a missing zero row between two rows has a fix');
  const fixed = applyEdits(removed, missing[0].fix.edits);
  assert.deepEqual(serious(check(fixed).diagnostics).map((d) => d.code), []);
  assert.equal(fixed, text);
}

describe('real layouts: portal pages read as HTML', () => {
  it('a whole portal page (navigation, scripts, footer; the article on one line): six sections, three tables, nothing wrong', () => {
    const { report, diagnostics } = read('portal-page-2024.html');
    assert.equal(report.document.kind, 'html');
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(report.title?.body, '青石县交通运输局');
    assert.equal(report.year?.value, 2024);
    assert.equal(report.signature?.date?.year, 2025);
    assert.deepEqual(report.document.published, { year: 2025, month: 1, day: 20 });
    const apps = table(report, 'applications');
    assert.equal(apps.rows.length, 25);
    assert.equal(valueAt(apps, 'resultTotal', 'total'), 64);
    // （六）1's figures are merged over （六）2 and 3: counted once, never blank.
    assert.equal(valueAt(apps, 'overdueCorrection', 'natural'), 1);
    assert.equal(valueAt(apps, 'unpaidFees', 'natural'), 'blank');
    assert.equal(apps.rows.find((r) => r.id === 'unpaidFees')!.cells[0].raw.spanned, true);
    assert.equal(valueAt(table(report, 'reviewLitigation'), 'values', 'review.total'), 4);
    assert.equal(valueAt(table(report, 'activeDisclosure'), 'fees', 'feeAmount'), 12.6);
    assert.deepEqual(diagnostics.map((d) => d.code), [], show(diagnostics));
  });

  it('a finding on a portal page points at the figure in the markup', () => {
    speaksWhenChanged('portal-page-2024.html');
    const { text, report } = read('portal-page-2024.html');
    const cell = table(report, 'applications').rows.find((r) => r.id === 'newReceived')!.cells.find((c) => c.columnId === 'total')!;
    const at = report.document.map.toSource(cell.raw.range);
    assert.equal(text.slice(at.start, at.end), '66');
    const { diagnostics } = check(text.slice(0, at.start) + '67' + text.slice(at.end), { kind: 'html' });
    const finding = diagnostics.find((d) => d.code === 'sum-applicant-total')!;
    assert.deepEqual(finding.range, at, show(diagnostics));
    // The fix replaces exactly the figure, and the page then checks clean.
    assert.deepEqual(finding.fix!.edits, [{ range: at, newText: '66' }]);
  });

  it('Word-pasted markup: runs of <span>/<font>, digits split across tags, <o:p>, &nbsp; cells, <br> inside a cell', () => {
    const { report, diagnostics } = read('word-pasted-2023.html');
    assert.equal(report.period?.startYear, 2023, 'the period is read across the runs that split 2023');
    assert.equal(report.title?.body, '白沙镇人民政府');
    const apps = table(report, 'applications');
    assert.equal(apps.rows.length, 25, 'the label split by <br> is one row');
    assert.equal(valueAt(apps, 'newReceived', 'commercial'), 7);
    assert.equal(valueAt(apps, 'newReceived', 'research'), 'blank');
    assert.deepEqual(serious(diagnostics), [], show(diagnostics));
    // Blank cells are one note for the table, not a hundred.
    assert.equal(diagnostics.filter((d) => d.code === 'cell-blank').length, 1);
    speaksWhenChanged('word-pasted-2023.html');
  });

  it('a page declaring GB2312 is read in its charset', () => {
    const bytes = fs.readFileSync(path.join(DIR, 'gbk-page-2022.html'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture is not UTF-8');
    const { text, report, diagnostics } = read('gbk-page-2022.html');
    assert.ok(text.includes('青石县水利局'));
    assert.equal(report.sections.length, 6);
    assert.deepEqual(serious(diagnostics), [], show(diagnostics));
  });
});

describe('real layouts: text extracted from PDF and Word', () => {
  it('PDF text: hard-wrapped prose, page numbers, space-separated rows, stacked vertical headers, labels over two lines', () => {
    const { report, diagnostics } = read('pdf-text-2022.txt');
    // The wrapped lines that hold 收到和处理…申请情况 and 行政复议和行政诉讼 are prose.
    assert.deepEqual(report.headings.map((h) => h.section.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(report.title?.body, '东岭区司法局');
    assert.equal(report.period?.startYear, 2022, '统计周期为 … is a statistics period');
    const apps = table(report, 'applications');
    assert.equal(apps.rows.length, 25);
    assert.equal(apps.layout, 'spaced');
    assert.equal(valueAt(apps, 'confirmation', 'total'), 0, 'the label broken over two lines binds its row');
    assert.equal(valueAt(table(report, 'reviewLitigation'), 'values', 'directSuit.total'), 2);
    assert.deepEqual(diagnostics.map((d) => d.code), [], show(diagnostics));
    speaksWhenChanged('pdf-text-2022.txt');
  });

  it('converter captions (## 表三：…) are not sections, and one small table per row with a generic header is one table', () => {
    const { report, diagnostics } = read('converter-captions-2023.md');
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(table(report, 'applications').rows.length, 25);
    assert.equal(table(report, 'activeDisclosure').rows.length, 6);
    assert.deepEqual(diagnostics.map((d) => d.code), [], show(diagnostics));
    speaksWhenChanged('converter-captions-2023.md');
  });

  it('a converter’s one small table per row under ### headings, a header naming columns with row labels, table 四 as three group tables', () => {
    const { report, diagnostics } = read('converter-small-tables-2025.md');
    assert.equal(table(report, 'applications').rows.length, 25);
    assert.deepEqual(
      table(report, 'reviewLitigation').rows[0].cells.map((c) => (c.value as { value: number }).value),
      [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0],
    );
    assert.deepEqual(serious(diagnostics), [], show(diagnostics));
    speaksWhenChanged('converter-small-tables-2025.md');
  });

  it('a section whose heading was lost but whose sub-headings are there: the finding is on its content', () => {
    const { text, diagnostics } = read('pdf-lost-heading-2022.txt');
    const missing = diagnostics.filter((d) => d.code === 'section-missing');
    assert.equal(missing.length, 1, show(diagnostics));
    assert.equal(text.slice(missing[0].range.start, missing[0].range.end), '（一）存在的主要问题');
    // The fix puts the heading above it, and the report is then whole.
    const fixed = text.slice(0, missing[0].fix!.edits[0].range.start) + missing[0].fix!.edits[0].newText + text.slice(missing[0].fix!.edits[0].range.end);
    assert.deepEqual(serious(check(fixed).diagnostics).map((d) => d.code), []);
  });

  for (const [name, what] of [
    ['cells-pipe-lines-2020.txt', 'one cell per line, cells separated by | lines, a header wrapped inside its cell'],
    ['cells-blank-after-2020.txt', 'one cell per line with a blank line after every cell'],
    ['cells-trailing-pipe-2020.txt', 'one cell per line, each closed by a trailing |'],
  ]) {
    it(`${what}: all three tables read, nothing wrong`, () => {
      const { report, diagnostics } = read(name);
      assert.equal(report.format?.id, '2019');
      const apps = table(report, 'applications');
      assert.equal(apps.rows.length, 23);
      assert.equal(valueAt(apps, 'resultTotal', 'total'), 10);
      assert.equal(valueAt(table(report, 'activeDisclosure'), 'procurement', 'procurementAmount'), 85.3);
      assert.equal(valueAt(table(report, 'reviewLitigation'), 'values', 'review.total'), 0);
      assert.deepEqual(diagnostics.map((d) => d.code), [], show(diagnostics));
      speaksWhenChanged(name);
      restoresRemovedRow(name, 'repeated');
    });
  }
});

describe('real layouts: what cannot be read is said once, and not judged', () => {
  it('a crawler’s one-line text: sections found in the line, each table whose cells run together noted once', () => {
    const { report, diagnostics } = read('crawler-flat-2021.txt');
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(report.title?.body, '西河区');
    assert.deepEqual(serious(diagnostics), [], show(diagnostics));
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'table-unreadable').map((d) => d.message.slice(0, 2)),
      ['表二', '表三', '表四'],
    );
  });

  it('a one-line text whose headings are the body’s own words (一、年度工作主要成效, 六、下一步改进举措, 七、…): one note, no section-missing', () => {
    const { report, diagnostics } = read('crawler-flat-own-headings-2021.txt');
    assert.deepEqual(report.sections.map((s) => s.def.number), [2, 3, 4]);
    assert.deepEqual(serious(diagnostics), [], show(diagnostics));
    const note = diagnostics.filter((d) => d.code === 'table-unreadable' && d.message.includes('标题与正文连在一行'));
    assert.equal(note.length, 1, show(diagnostics));
    assert.match(note[0].message, /「一、年度工作主要成效」.*第一、五、六部分是否缺少未作核对/);
  });

  it('the same text with 五 and 六 truly absent (nothing after 四): section-missing, as before', () => {
    const text = load('crawler-flat-2021.txt');
    const cut = text.slice(0, text.indexOf('五、存在的主要问题及改进情况')) + '\n';
    const missing = check(cut).diagnostics.filter((d) => d.code === 'section-missing');
    assert.deepEqual(missing.map((d) => d.severity + ' ' + d.message), ['error 缺少第五部分「五、存在的主要问题及改进情况」', 'error 缺少第六部分「六、其他需要报告的事项」']);
  });

  it('headings on their own lines whose sections traded places (五、信息处理费收取情况, 六、存在的主要问题…): one note, not a repeated 五 and a missing 六', () => {
    const lines = [
      '东岭区2021年政府信息公开工作年度报告',
      '一、总体情况',
      '2021年，本区推进政务公开各项工作。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、信息处理费收取情况',
      '本年度未收取信息处理费。',
      '六、存在的主要问题及改进措施',
      '解读形式不够丰富，下一步将增加图解解读。',
    ];
    const { report, diagnostics } = check(lines.join('\n') + '\n');
    assert.ok(report.restructured);
    const about = diagnostics.filter((d) => ['section-missing', 'section-order', 'section-title'].includes(d.code));
    assert.deepEqual(about, [], show(diagnostics));
    assert.equal(diagnostics.filter((d) => d.code === 'table-unreadable' && d.message.includes('章节编排')).length, 1);
  });

  it('a PDF converted to Markdown with figures apart from their labels: one note for table 三, no flood', () => {
    const { report, diagnostics } = read('pdf-md-detached-2024.md');
    assert.deepEqual(serious(diagnostics), [], show(diagnostics));
    assert.equal(report.unreadable.length, 1);
    assert.equal(report.unreadable[0].reason, 'detached');
    assert.ok(!report.tables.some((t) => t.kind === 'applications'), 'the unreadable table is not judged');
    assert.equal(report.title?.body, '南江市数据资源局');
  });

  it('an outline of the body’s own (二、工作机制保障 inserted, the rest renumbered): one note, no section errors', () => {
    const { report, diagnostics } = read('restructured-outline-2024.md');
    assert.ok(report.restructured);
    assert.deepEqual(diagnostics.map((d) => d.code), ['table-unreadable'], show(diagnostics));
    assert.equal(table(report, 'applications').rows.length, 25, 'its tables are still read and checked');
  });

  it('a page excerpt that stops inside table 三: the rows it cut off and the sections after are not missing', () => {
    const { report, diagnostics } = read('excerpt-cut-2024.txt');
    assert.ok(report.truncatedAt !== undefined);
    const codes = serious(diagnostics).map((d) => d.code);
    assert.deepEqual(codes, ['report-title'], show(diagnostics));
    assert.equal(diagnostics.filter((d) => d.code === 'table-unreadable').length, 1);
    // "/" is a blank: the rows that are there still add up.
    assert.equal(valueAt(table(report, 'applications'), 'newReceived', 'total'), 7);
  });
});

describe('real layouts: vocabulary and prose of real reports', () => {
  it('整改措施, 行政法复议, a lost ordinal, 统计时限为, 未发生收费情况, 现行有效件数（历史累计）, 规范性文件, a note row, a sub-heading in 一', () => {
    const { report, diagnostics } = read('vocabulary-2022.md');
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(report.period?.startYear, 2022);
    assert.equal(report.tables.length, 3, 'the sub-heading （六）人大建议… starts no table');
    assert.equal(table(report, 'activeDisclosure').rows.length, 6);
    assert.deepEqual(serious(diagnostics), [], show(diagnostics));
    assert.ok(diagnostics.every((d) => d.code === 'section-title'), show(diagnostics));
  });

  it('a prose figure that matches any plausible reading is no contradiction; one that matches none is', () => {
    assertFixture(fs.readFileSync(path.join(DIR, 'prose-readings-2023.md'), 'utf8'));
  });

  it('every fixture of this suite is read the same way through parse() as through check()', () => {
    for (const name of fs.readdirSync(DIR)) {
      const text = load(name);
      const kind = kindOfPath(name, text);
      assert.equal(parse(text, { kind }).tables.length, check(text, { kind }).report.tables.length, name);
    }
  });
});
