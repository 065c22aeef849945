/**
 * The five real reports (FORMAT.md §10) as ground truth: what each contains, and nothing at
 * error severity where the seed is correct.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, type Diagnostic } from '../../server/src/report';
import { readSeed, seedsAvailable, SEEDS_SKIP_REASON } from '../support/seeds';

const skip = seedsAvailable() ? false : SEEDS_SKIP_REASON;
if (skip) console.log(`# skipping seed tests: ${SEEDS_SKIP_REASON}`);

function run(prefix: string) {
  const text = readSeed(prefix);
  const result = check(text, { onRuleError: (code, e) => assert.fail(`${code}: ${(e as Error).stack}`) });
  const at = (d: Diagnostic) => `${d.code}@${result.report.lines.positionAt(d.range.start).line + 1}`;
  return { ...result, text, found: result.diagnostics.map(at) };
}

describe('seed 000 (济宁 2020, 2019 format, one cell per line)', { skip }, () => {
  it('parses the split title, the six sections and all three tables', () => {
    const { report } = run('000');
    assert.equal(report.title?.body, '市卫生健康委');
    assert.equal(report.year?.value, 2020);
    assert.equal(report.format?.id, '2019');
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(report.tables.map((t) => [t.kind, t.layout, t.rows.length]), [
      ['activeDisclosure', 'cell-per-line', 8],
      ['applications', 'cell-per-line', 23],
      ['reviewLitigation', 'cell-per-line', 1],
    ]);
    const apps = report.tables[1];
    const total = apps.rows.find((r) => r.id === 'resultTotal')!;
    assert.deepEqual(total.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)), [3, 0, 0, 1, 0, 0, 4]);
  });
  it('has no findings: all arithmetic holds', () => {
    assert.deepEqual(run('000').found, []);
  });
});

describe('seed 001 (尚志 2021, 2021 format, one cell per line)', { skip }, () => {
  it('recognises the unnumbered 行政机关… headings and reads the 2021 tables', () => {
    const { report } = run('001');
    assert.equal(report.format?.id, '2021');
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(report.tables.map((t) => [t.kind, t.rows.length, t.rows.every((r) => r.cellCountMatches)]), [
      ['activeDisclosure', 6, true],
      ['applications', 25, true],
      ['reviewLitigation', 1, true],
    ]);
  });
  it('reports only the five headings without ordinals, as information', () => {
    const { diagnostics, found } = run('001');
    assert.deepEqual(found, ['section-title@20', 'section-title@69', 'section-title@374', 'section-title@483', 'section-title@489']);
    assert.ok(diagnostics.every((d) => d.severity === 'information'));
  });
});

describe('seed 002 (保山 2024, 2021 format, loose pipe tables)', { skip }, () => {
  it('reads the loose markdown tables without separators', () => {
    const { report } = run('002');
    assert.equal(report.title, undefined);
    assert.equal(report.year?.value, 2024);
    assert.equal(report.format?.id, '2021');
    assert.equal(report.signature?.body, '保山市卫生健康委员会');
    assert.deepEqual(report.tables.map((t) => [t.kind, t.layout, t.rows.length]), [
      ['activeDisclosure', 'markdown', 6],
      ['applications', 'markdown', 25],
      ['reviewLitigation', 'markdown', 1],
    ]);
  });
  it('reports the missing title, the variant headings, and the double-counted outcome', () => {
    const { diagnostics, found } = run('002');
    // FORMAT.md §10 calls 002's arithmetic sound; it is, except that its one request is
    // counted under both （一）予以公开 and （四）1.本机关不掌握 while （七）总计 is 1. The
    // balance holds, so the finding names the parts as suspect and offers no fix.
    assert.deepEqual(found, [
      'report-title@1',
      'section-title@23',
      'sum-result-total@50',
      'sum-result-total@50',
      'section-title@52',
      'section-title@57',
    ]);
    const sums = diagnostics.filter((d) => d.code === 'sum-result-total');
    assert.ok(sums.every((d) => !d.fix && d.message.includes('重复计数')));
    const title = diagnostics.find((d) => d.code === 'report-title')!;
    assert.equal(title.fix?.title, '插入标题「保山市卫生健康委员会2024年政府信息公开工作年度报告」');
  });
});

describe('seed 003 (建宁 2020, 2019 format, tab-separated)', { skip }, () => {
  it('finds table 三 without its heading and table 四 without labels', () => {
    const { report } = run('003');
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 4, 5, 6]);
    assert.deepEqual(report.tables.map((t) => [t.kind, t.layout, t.rows.length, t.section?.def.number]), [
      ['applications', 'tsv', 23, 1],
      ['reviewLitigation', 'tsv', 1, 4],
    ]);
  });
  it('reports section 二 and the heading of 三 missing, and the five blank 行政复议 cells', () => {
    const { diagnostics, found } = run('003');
    assert.deepEqual(found, [
      'section-missing@39',
      'section-missing@39',
      'cell-blank@69',
      'cell-blank@69',
      'cell-blank@69',
      'cell-blank@69',
      'cell-blank@69',
    ]);
    assert.match(diagnostics[0].message, /二、主动公开政府信息情况/);
    assert.match(diagnostics[1].message, /三、收到和处理政府信息公开申请情况/);
  });
});

describe('seed 004 (福清 2020, 2019 format, tab-separated, broken rows)', { skip }, () => {
  it('reads spaced-out vertical labels and the 2020年新制作数量 header', () => {
    const { report } = run('004');
    assert.equal(report.format?.id, '2019');
    const active = report.tables.find((t) => t.kind === 'activeDisclosure')!;
    assert.equal(active.rows.length, 8);
    const amount = active.rows.find((r) => r.id === 'procurement')!.cells[1];
    assert.deepEqual(amount.value, { kind: 'number', value: 4192613.35 });
  });
  it('reports table-cell-count on exactly the three broken rows, and no cascade', () => {
    const { diagnostics, found } = run('004');
    assert.deepEqual(found, ['table-cell-count@114', 'table-cell-count@115', 'table-cell-count@135']);
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [
        '表三「（一）予以公开」行应有 7 个数值，实有 6 个',
        '表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行应有 7 个数值，实有 6 个',
        '表三「（七）总计」行应有 7 个数值，实有 8 个',
      ],
    );
  });
});
