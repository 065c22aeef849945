/**
 * carryover-mismatch: this year's 二、上年结转 is last year's 四、结转下年度继续办理, column by
 * column (FORMAT.md §3), when last year's report of the same body is known. There is no fix:
 * which of the two reports is wrong cannot be told, and changing this year's figure alone
 * would break this year's balance.
 */
import { cellAt, figure } from './describe';
import type { Finding, Rule } from './types';

export const carryoverMismatch: Rule = {
  code: 'carryover-mismatch',
  severity: 'warning',
  description: {
    zh: '本年“上年结转”应等于上年报告的“结转下年度继续办理”',
    en: 'This year’s carried-over requests must equal last year’s carried-forward ones',
  },
  messages: {
    mismatch: {
      zh: '本年「二、上年结转政府信息公开申请数量」「{column}」为 {current}，而上年报告（{file}）「四、结转下年度继续办理」为 {previous}',
      en: 'Carried over (“{column}”) is {current}, but last year’s report ({file}) carried forward {previous}',
    },
  },
  check({ report, previous }) {
    if (!previous) return [];
    const current = report.tables.filter((t) => t.kind === 'applications');
    const last = previous.report.tables.filter((t) => t.kind === 'applications');
    if (current.length !== 1 || last.length !== 1) return [];
    const findings: Finding[] = [];
    for (const row of current[0].rows.filter((r) => r.id === 'carriedOver')) {
      for (const cell of row.cells) {
        const before = cellAt(last[0], 'carriedForward', cell.columnId);
        if (cell.value.kind !== 'number' || before?.value.kind !== 'number') continue;
        if (cell.value.value === before.value.value) continue;
        findings.push({
          code: 'carryover-mismatch',
          range: cell.raw.range,
          message: { id: 'mismatch', args: { column: cell.column.label, current: figure(cell.value.value), previous: figure(before.value.value), file: previous.name } },
        });
      }
    }
    return findings;
  },
};
