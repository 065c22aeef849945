/**
 * active-disclosure-continuity: 现行有效件数 this year = last year's 现行有效件数 + 本年制发件数
 * − 本年废止件数 (FORMAT.md §2), for reports of the same body in consecutive years, both in
 * the 2021 format. No fix: last year's published figure may be the wrong one.
 */
import { formats } from '../formats';
import { cellAt, figure } from './describe';
import type { Finding, Rule } from './types';

export const activeDisclosureContinuity: Rule = {
  code: 'active-disclosure-continuity',
  severity: 'warning',
  description: {
    zh: '现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数',
    en: 'Documents in force must equal last year’s in force plus made minus repealed this year',
  },
  messages: {
    mismatch: {
      zh: '「{row}」现行有效件数应为 {expected}（上年报告（{file}）{previous} + 本年制发 {made} − 本年废止 {repealed}），表中为 {current}',
      en: '“{row}” in force should be {expected} (last year’s {previous} in {file} + {made} made − {repealed} repealed), not {current}',
    },
  },
  check({ report, previous }) {
    if (!previous) return [];
    const current = report.tables.filter((t) => t.kind === 'activeDisclosure');
    const last = previous.report.tables.filter((t) => t.kind === 'activeDisclosure');
    if (current.length !== 1 || last.length !== 1 || current[0].format !== '2021' || last[0].format !== '2021') return [];
    const range = formats['2021'].data.activeDisclosure.stockRange!;
    const block = formats['2021'].activeDisclosure.blocks.find((b) => b.id === range.block)!;
    const findings: Finding[] = [];
    for (const row of block.rows) {
      const made = cellAt(current[0], row.id, range.made);
      const repealed = cellAt(current[0], row.id, range.repealed);
      const inForce = cellAt(current[0], row.id, range.inForce);
      const before = cellAt(last[0], row.id, range.inForce);
      if ([made, repealed, inForce, before].some((c) => c?.value.kind !== 'number')) continue;
      const n = (c: typeof made) => (c!.value.kind === 'number' ? c!.value.value : 0);
      const expected = n(before) + n(made) - n(repealed);
      if (expected === n(inForce) || expected < 0) continue;
      findings.push({
        code: 'active-disclosure-continuity',
        range: inForce!.raw.range,
        message: {
          id: 'mismatch',
          args: { row: row.label, expected: figure(expected), previous: figure(n(before)), made: figure(n(made)), repealed: figure(n(repealed)), current: figure(n(inForce)), file: previous.name },
        },
      });
    }
    return findings;
  },
};
