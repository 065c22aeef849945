/**
 * hierarchy-sum: a parent body's report (a county government's, say) against the reports of
 * its subordinate bodies in the same batch, as a units file lists them: 表三's received,
 * carried-over, closed and carried-forward totals and 表四's three group totals compared with
 * the sums of the subordinates' figures. Whether a parent's report sums its subordinates' is
 * the office's practice, not the format's, so every finding is information; reports missing
 * from the batch are named.
 */
import type { BoundCell, BoundTable, Report } from '../model';
import type { Text } from '../formats';
import { cellAt, cellName, figure } from './describe';
import type { Finding, Rule } from './types';

const FIGURES: Array<{ kind: 'applications' | 'reviewLitigation'; row: string; column: string }> = [
  { kind: 'applications', row: 'newReceived', column: 'total' },
  { kind: 'applications', row: 'carriedOver', column: 'total' },
  { kind: 'applications', row: 'resultTotal', column: 'total' },
  { kind: 'applications', row: 'carriedForward', column: 'total' },
  { kind: 'reviewLitigation', row: 'values', column: 'review.total' },
  { kind: 'reviewLitigation', row: 'values', column: 'directSuit.total' },
  { kind: 'reviewLitigation', row: 'values', column: 'suitAfterReview.total' },
];

const NAMES_SHOWN = 8;

function onlyTable(report: Report, kind: BoundTable['kind']): BoundTable | undefined {
  const found = report.tables.filter((t) => t.kind === kind);
  return found.length === 1 ? found[0] : undefined;
}

/** The figure of a cell, 0 for a blank, undefined when it cannot be read. */
function valueOf(cell: BoundCell | undefined): number | undefined {
  if (!cell) return undefined;
  return cell.value.kind === 'number' ? cell.value.value : cell.value.kind === 'blank' ? 0 : undefined;
}

function names(list: string[]): string {
  return list.length > NAMES_SHOWN ? `${list.slice(0, NAMES_SHOWN).join('、')}等 ${list.length} 个` : list.join('、');
}

export const hierarchySum: Rule = {
  code: 'hierarchy-sum',
  severity: 'information',
  description: {
    zh: '上级单位报告的表三、表四数字应与所属单位报告之和一致（需提供单位层级文件）',
    en: 'A parent body’s tables 3 and 4 should equal the sums of its subordinate bodies’ (given a units file)',
  },
  messages: {
    differs: {
      zh: '{cell}为 {actual}，所属 {count} 个单位报告之和为 {sum}（{parts}）',
      en: '{cell} is {actual}; the {count} subordinate bodies’ reports add up to {sum} ({parts})',
    },
    exceeds: {
      zh: '{cell}为 {actual}，小于已有的 {count} 个所属单位报告之和 {sum}（{parts}；另有 {missing} 个单位的报告未找到）',
      en: '{cell} is {actual}, less than the {count} subordinate reports found add up to ({sum}: {parts}; {missing} more are missing)',
    },
    missing: {
      zh: '单位层级文件列出的所属单位中，未找到 {count} 个单位的{year}年度报告：{names}；表三、表四之和无法完整核对',
      en: 'No {year} report was found for {count} of the subordinate bodies the units file lists: {names}; the sums cannot be checked in full',
    },
  },
  check({ report, subordinates }) {
    if (!subordinates?.units.length || !report.year) return [];
    const findings: Finding[] = [];
    const found = new Set(subordinates.reports.map((r) => r.unit));
    const missing = subordinates.units.filter((u) => !found.has(u));
    if (missing.length) {
      findings.push({
        code: 'hierarchy-sum',
        range: report.title?.range ?? report.year.range,
        message: { id: 'missing', args: { count: missing.length, year: report.year.value, names: names(missing) } },
      });
    }
    if (!subordinates.reports.length) return findings;
    for (const f of FIGURES) {
      const mine = onlyTable(report, f.kind);
      const cell = mine ? cellAt(mine, f.row, f.column) : undefined;
      const actual = valueOf(cell);
      if (!mine || !cell || actual === undefined || cell.value.kind !== 'number') continue;
      const parts: Array<{ unit: string; value: number }> = [];
      for (const sub of subordinates.reports) {
        const t = onlyTable(sub.report, f.kind);
        const v = t ? valueOf(cellAt(t, f.row, f.column)) : undefined;
        if (v === undefined) break;
        parts.push({ unit: sub.unit, value: v });
      }
      if (parts.length !== subordinates.reports.length) continue;
      const sum = parts.reduce((s, p) => s + p.value, 0);
      const shown = parts.filter((p) => p.value !== 0);
      const partsText: Text = {
        zh: shown.length ? shown.slice(0, NAMES_SHOWN).map((p) => `${p.unit} ${figure(p.value)}`).join(' + ') + (shown.length > NAMES_SHOWN ? ' + …' : '') : '各单位均为 0',
        en: shown.length ? shown.slice(0, NAMES_SHOWN).map((p) => `${p.unit} ${figure(p.value)}`).join(' + ') + (shown.length > NAMES_SHOWN ? ' + …' : '') : 'all 0',
      };
      const args = { cell: cellName(mine, cell), actual: figure(actual), count: parts.length, sum: figure(sum), parts: partsText };
      if (!missing.length && sum !== actual) findings.push({ code: 'hierarchy-sum', range: cell.raw.range, message: { id: 'differs', args } });
      else if (missing.length && actual < sum) findings.push({ code: 'hierarchy-sum', range: cell.raw.range, message: { id: 'exceeds', args: { ...args, missing: missing.length } } });
    }
    return findings;
  },
};
