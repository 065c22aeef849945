/**
 * cell-blank: a blank value cell ("", "-", "—", "/", "无"), counted as 0. A blank total that a
 * sum rule already reports (published reports leave 总计 blank beside filled parts) is not
 * noted twice.
 */
import { cellName } from './describe';
import { replaceCell } from './support';
import type { Finding, Rule } from './types';

export const cellBlank: Rule = {
  code: 'cell-blank',
  severity: 'information',
  description: { zh: '空白的数值单元格按 0 计算，建议填写 0', en: 'A blank value cell counts as 0; write 0' },
  messages: {
    blank: { zh: '{cell}为空白，按 0 计算', en: '{cell} is blank and counts as 0' },
    fixZero: { zh: '填写 0', en: 'Write 0' },
  },
  check(context) {
    const findings: Finding[] = [];
    const arithmetic = context.arithmetic();
    for (const table of context.report.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          if (cell.value.kind !== 'blank' || arithmetic.isTarget(cell)) continue;
          findings.push({
            code: 'cell-blank',
            range: cell.raw.range,
            message: { id: 'blank', args: { cell: cellName(table, cell) } },
            fix: replaceCell(cell, '0', { id: 'fixZero' }),
          });
        }
      }
    }
    return findings;
  },
};
