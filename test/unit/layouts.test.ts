/**
 * Every table rule and its fix, in each of the three layouts drafts arrive in: the same report
 * rendered as markdown pipe tables, tab-separated rows and one cell per line, with one thing
 * wrong, must give the same finding on the same cell, and its fix must mend exactly that.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, check, type CheckOptions, type Diagnostic, type OffsetRange } from '../../server/src/report';
import { LAYOUTS, renderReport, type RenderedReport, type ReportSpec } from '../support/reports';

interface Expect {
  code: string;
  at: (r: RenderedReport) => OffsetRange;
  /** The fix's title; `null` when there must be none. */
  fix?: string | RegExp | null;
  message?: RegExp;
  severity?: Diagnostic['severity'];
}

interface Case {
  name: string;
  spec: Omit<ReportSpec, 'layout'>;
  expect: Expect[];
  options?: CheckOptions;
  /** After applying the first expected finding's fix: `clean` (no findings at all) or a check. */
  afterFix?: 'clean' | ((diagnostics: Diagnostic[], text: string) => void);
  layouts?: ReportSpec['layout'][];
}

const strict: CheckOptions = { onRuleError: (code, e) => assert.fail(`${code}: ${(e as Error).stack}`) };

function runCase(c: Case, layout: ReportSpec['layout']) {
  const r = renderReport({ layout, ...c.spec });
  const options = { ...strict, ...c.options };
  const { diagnostics } = check(r.text, options);
  const show = (d: Diagnostic) => `${d.code}「${r.text.slice(d.range.start, d.range.end)}」@${d.range.start}-${d.range.end} ${d.message}`;
  const want = c.expect.map((e) => ({ ...e, range: e.at(r) }));
  const key = (code: string, range: OffsetRange) => `${code}@${range.start}-${range.end}`;
  assert.deepEqual(
    diagnostics.map((d) => key(d.code, d.range)).sort(),
    want.map((w) => key(w.code, w.range)).sort(),
    `findings:\n${diagnostics.map(show).join('\n')}`,
  );
  for (const w of want) {
    const d = diagnostics.find((x) => key(x.code, x.range) === key(w.code, w.range))!;
    if (w.severity) assert.equal(d.severity, w.severity);
    if (w.message) assert.match(d.message, w.message);
    if (w.fix === null) assert.equal(d.fix, undefined, `no fix expected for ${show(d)}`);
    else if (w.fix !== undefined) {
      assert.ok(d.fix, `a fix expected for ${show(d)}`);
      if (typeof w.fix === 'string') assert.equal(d.fix.title, w.fix);
      else assert.match(d.fix.title, w.fix);
    }
  }
  const first = diagnostics.find((x) => key(x.code, x.range) === key(want[0].code, want[0].range));
  if (c.afterFix && first?.fix) {
    const fixed = applyEdits(r.text, first.fix.edits);
    const after = check(fixed, options).diagnostics;
    if (c.afterFix === 'clean') assert.deepEqual(after.map((d) => `${d.code} ${d.message}`), []);
    else c.afterFix(after, fixed);
  }
}

const cases: Case[] = [
  {
    name: 'a wrong applicant figure is reported once, on its cell, as the root cause',
    spec: { cells: { 'applications.granted.natural': '6' } },
    expect: [{ code: 'sum-applicant-total', at: (r) => r.cell('applications.granted.natural'), fix: '将该格改为 5', message: /与 2 处合计不符（本行总计、本列（七）总计）/ }],
    afterFix: 'clean',
  },
  {
    name: 'a wrong （七）总计 total breaks three sums: one finding on it',
    spec: { cells: { 'applications.resultTotal.total': '16' } },
    expect: [{ code: 'sum-applicant-total', at: (r) => r.cell('applications.resultTotal.total'), fix: '将该格改为 15', message: /3 处合计/ }],
    afterFix: 'clean',
  },
  {
    name: 'the root cause goes to the first enabled sum rule',
    spec: { cells: { 'applications.granted.natural': '6' } },
    options: { rules: { 'sum-applicant-total': 'off' } },
    expect: [{ code: 'sum-result-total', at: (r) => r.cell('applications.granted.natural'), fix: '将该格改为 5' }],
    afterFix: 'clean',
  },
  {
    name: 'a blank total beside filled parts is a wrong total, not a blank',
    spec: { cells: { 'applications.granted.total': '' } },
    expect: [{ code: 'sum-applicant-total', at: (r) => r.cell('applications.granted.total'), fix: '将该格改为 6', message: /为空白/ }],
    afterFix: 'clean',
  },
  {
    name: 'a wrong 结转下年度 figure breaks its row and its column balance',
    spec: { cells: { 'applications.carriedForward.natural': '3' } },
    expect: [{ code: 'sum-applicant-total', at: (r) => r.cell('applications.carriedForward.natural'), fix: '将该格改为 1' }],
    afterFix: 'clean',
  },
  {
    name: 'a part counted twice (the totals agree with the balance) names the parts and offers no fix',
    spec: { cells: { 'applications.granted.natural': '6', 'applications.granted.total': '7' } },
    expect: [
      { code: 'sum-result-total', at: (r) => r.cell('applications.resultTotal.natural'), fix: null, message: /各项之和为 13.*重复计数/ },
      { code: 'sum-result-total', at: (r) => r.cell('applications.resultTotal.total'), fix: null, message: /各项之和为 16/ },
    ],
  },
  {
    name: 'a column that does not balance, with 结转 agreeing with its row, has no fix',
    spec: { cells: { 'applications.newReceived.natural': '13', 'applications.newReceived.total': '17' } },
    expect: [
      { code: 'balance', at: (r) => r.cell('applications.carriedForward.natural'), fix: null, message: /一 \+ 二 = .* = 14/ },
      { code: 'balance', at: (r) => r.cell('applications.carriedForward.total'), fix: null },
    ],
  },
  {
    name: 'table 四: a group total that is not the sum of its four outcomes',
    spec: { cells: { 'reviewLitigation.values.review.total': '2' } },
    expect: [
      {
        code: 'sum-review-litigation',
        at: (r) => r.cell('reviewLitigation.values.review.total'),
        fix: '将总计改为 1',
        message: /「行政复议」的总计应为 1（结果维持 1 \+ 结果纠正 0 \+ 其他结果 0 \+ 尚未审结 0 = 1），表中为 2/,
      },
    ],
    afterFix: 'clean',
  },
  {
    name: 'table 四: a blank litigation total beside a non-zero part',
    spec: { cells: { 'reviewLitigation.values.directSuit.total': '—', 'reviewLitigation.values.directSuit.pending': '2' } },
    expect: [{ code: 'sum-review-litigation', at: (r) => r.cell('reviewLitigation.values.directSuit.total'), fix: '将总计改为 2', message: /行政诉讼（未经复议直接起诉）.*表中为 空白/ }],
    afterFix: 'clean',
  },
  {
    name: 'table 二: fewer documents in force than made minus repealed',
    spec: { cells: { 'activeDisclosure.normativeDocuments.inForce': '0' } },
    expect: [
      {
        code: 'active-disclosure-range',
        at: (r) => r.cell('activeDisclosure.normativeDocuments.inForce'),
        fix: null,
        severity: 'warning',
        message: /现行有效件数 0 少于本年制发 2 − 本年废止 1 = 1/,
      },
    ],
  },
  {
    name: 'a letter typed for a digit is corrected',
    spec: { cells: { 'applications.notHeld.commercial': 'l' } },
    expect: [{ code: 'cell-not-number', at: (r) => r.cell('applications.notHeld.commercial'), fix: '改为 1' }],
    afterFix: 'clean',
  },
  {
    name: 'a Chinese numeral in a value cell is rewritten in digits',
    spec: { cells: { 'applications.granted.research': '零' } },
    expect: [{ code: 'cell-not-number', at: (r) => r.cell('applications.granted.research'), fix: '改为 0' }],
    afterFix: 'clean',
  },
  {
    name: 'text in a value cell has no fix, and its sums are not judged',
    spec: { cells: { 'applications.granted.research': '待补' } },
    expect: [{ code: 'cell-not-number', at: (r) => r.cell('applications.granted.research'), fix: null, message: /不是有效数字/ }],
  },
  {
    name: 'negative and fractional counts',
    spec: { cells: { 'applications.granted.research': '-1', 'applications.repeated.research': '0.5' } },
    expect: [
      { code: 'cell-not-number', at: (r) => r.cell('applications.granted.research'), message: /负数/ },
      { code: 'cell-not-number', at: (r) => r.cell('applications.repeated.research'), message: /整数/ },
    ],
  },
  {
    name: 'a blank cell is noted and filled with 0',
    spec: { cells: { 'applications.granted.research': '—' } },
    expect: [{ code: 'cell-blank', at: (r) => r.cell('applications.granted.research'), fix: '填写 0', severity: 'information' }],
    afterFix: 'clean',
  },
  {
    name: 'full-width digits, units and thousands separators are read as numbers',
    spec: { cells: { 'applications.newReceived.natural': '１２', 'applications.newReceived.total': '16件', 'activeDisclosure.licensing.decisions': '1,087' } },
    expect: [],
  },
  {
    name: 'a missing （七）总计 row is inserted with computed figures',
    spec: { omitRows: ['applications.resultTotal'] },
    expect: [{ code: 'table-row-missing', at: (r) => r.label('applications.carriedForward'), fix: '插入「（七）总计」行（数值按其他各行计算）' }],
    afterFix: 'clean',
  },
  {
    name: 'a missing outcome row is inserted with zeros',
    spec: { omitRows: ['applications.queryMatters'] },
    expect: [{ code: 'table-row-missing', at: (r) => r.label('applications.notHeld'), fix: '插入「8.属于行政查询事项」行（数值为 0）', message: /表三缺少「8.属于行政查询事项」行/ }],
    afterFix: 'clean',
  },
  {
    name: 'a missing block of table 二 is inserted whole',
    spec: { omitRows: ['activeDisclosure.fees'] },
    expect: [{ code: 'table-row-missing', at: (r) => r.label('activeDisclosure.enforcement'), fix: /插入「第二十条第（八）项（行政事业性收费）」/ }],
    afterFix: 'clean',
  },
  {
    name: 'a row one value short: reported, its figures kept out of every sum',
    spec: { cellCountDelta: { 'applications.granted': -1 } },
    expect: [
      {
        code: 'table-cell-count',
        at: (r) => ({ start: r.cell('applications.granted.natural').start, end: r.cell('applications.granted.others').end }),
        fix: null,
        message: /表三「（一）予以公开」行应有 7 个数值，实有 6 个/,
      },
    ],
  },
  {
    name: 'a row one value long',
    spec: { cellCountDelta: { 'applications.resultTotal': 1 } },
    expect: [
      {
        code: 'table-cell-count',
        at: (r) => ({ start: r.cell('applications.resultTotal.natural').start, end: r.cell('applications.resultTotal.extra0').end }),
        message: /实有 8 个/,
      },
    ],
  },
];

for (const layout of LAYOUTS) {
  describe(`table rules in the ${layout} layout`, () => {
    for (const c of cases) {
      if (c.layouts && !c.layouts.includes(layout)) continue;
      it(c.name, () => runCase(c, layout));
    }
  });
}

for (const layout of LAYOUTS) {
  describe(`whole-table findings in the ${layout} layout`, () => {
    it('a table 四 without its value row: the row is inserted, all zeros', () => {
      const r = renderReport({ layout, omitRows: ['reviewLitigation.values'] });
      const { diagnostics } = check(r.text, strict);
      assert.deepEqual(diagnostics.map((d) => d.code), ['table-row-missing']);
      assert.equal(diagnostics[0].message, '表四缺少「数值」行');
      const fixed = applyEdits(r.text, diagnostics[0].fix!.edits);
      const after = check(fixed, strict);
      assert.deepEqual(after.diagnostics, []);
      const review = after.report.tables.find((t) => t.kind === 'reviewLitigation')!;
      assert.equal(review.rows[0].cells.length, 15);
    });

    it('2019-format tables in a 2022 report are outdated; the fix upgrades them, keeping every figure that maps', () => {
      const r = renderReport({ layout, format: '2019', year: 2022 });
      const { diagnostics, report } = check(r.text, strict);
      assert.deepEqual(diagnostics.map((d) => d.code), ['format-outdated', 'format-outdated']);
      assert.match(diagnostics[0].message, /2022年度报告的表二仍使用2019年试行格式/);
      assert.match(diagnostics[1].message, /表三/);
      const tables = report.tables.filter((t) => t.kind !== 'reviewLitigation');
      diagnostics.forEach((d, i) => assert.ok(d.range.start >= tables[i].range.start && d.range.end <= tables[i].range.end));
      const fixed = applyEdits(r.text, diagnostics.flatMap((d) => d.fix!.edits));
      const after = check(fixed, strict);
      assert.deepEqual(after.diagnostics.map((d) => d.code), []);
      assert.equal(after.report.format?.id, '2021');
      const value = (kind: string, row: string, col: string) => {
        const t = after.report.tables.find((x) => x.kind === kind)!;
        const c = t.rows.find((x) => x.id === row)!.cells.find((x) => x.columnId === col)!;
        return c.value.kind === 'number' ? c.value.value : undefined;
      };
      assert.equal(value('activeDisclosure', 'licensing', 'decisions'), 12);
      assert.equal(value('activeDisclosure', 'penalty', 'decisions'), 137);
      assert.equal(value('activeDisclosure', 'normativeDocuments', 'made'), 1);
      assert.equal(value('activeDisclosure', 'normativeDocuments', 'inForce'), 5);
      assert.equal(value('activeDisclosure', 'normativeDocuments', 'repealed'), 0);
      assert.equal(value('applications', 'resultTotal', 'total'), 15);
      assert.equal(value('applications', 'otherReasons', 'total'), 0);
      // Figures the 2021 table has no place for are kept in a note, not lost.
      assert.ok(
        fixed.includes('第二十条第（六）项「行政处罚」上一年项目数量 166、本年增/减 29；第二十条第（九）项「政府集中采购」采购项目数量 7、采购总金额 4192613.35'),
        fixed,
      );
    });
  });
}
