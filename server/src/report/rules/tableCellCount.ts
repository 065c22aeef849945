/**
 * table-cell-count: a row with more or fewer values than the table has columns (seed 004's
 * rows with 6 and 8 values where 7 belong). Its figures are not used in any sum: which one is
 * missing or extra cannot be told, so there is no fix.
 */
import { rowName, TABLE_NAMES } from './describe';
import type { Finding, Rule } from './types';

export const tableCellCount: Rule = {
  code: 'table-cell-count',
  severity: 'error',
  description: { zh: '每行的数值个数应与表格列数一致', en: 'Each row must have one value per column' },
  messages: {
    count: { zh: '{table}「{row}」行应有 {expected} 个数值，实有 {actual} 个', en: '{table}, row “{row}” should have {expected} values, not {actual}' },
    countValues: { zh: '{table}数值行应有 {expected} 个数值，实有 {actual} 个', en: '{table}’s value row should have {expected} values, not {actual}' },
  },
  check({ report }) {
    const findings: Finding[] = [];
    for (const table of report.tables) {
      const last = table.rows[table.rows.length - 1];
      for (const row of table.rows) {
        if (row.cellCountMatches) continue;
        // The text ends in this row: it was cut short, not written short.
        if (table.truncated && row === last && row.valueCells.length < row.expected) continue;
        const cells = row.valueCells;
        const range = cells.length ? { start: cells[0].range.start, end: cells[cells.length - 1].range.end } : (row.labelCell?.range ?? row.raw.range);
        const actual = cells.length;
        findings.push({
          code: 'table-cell-count',
          range,
          message: {
            id: row.id === 'values' ? 'countValues' : 'count',
            args: { table: TABLE_NAMES[table.kind], row: rowName(table, row.id), expected: row.expected, actual },
          },
        });
      }
    }
    return findings;
  },
};
