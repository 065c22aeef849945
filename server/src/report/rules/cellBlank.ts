/**
 * cell-blank: a blank value cell ("", "-", "—", "/", "无"), counted as 0. A blank total that a
 * sum rule already reports (published reports leave 总计 blank beside filled parts) is not
 * noted twice. A cell a rowspan carries into a row is not blank: it is the cell above.
 *
 * Many reports leave every zero blank (a county bureau's table 三 has 120 blank cells): past a
 * handful, the table gets one finding that counts them, not a list that buries the rest.
 */
import { cellName, TABLE_NAMES } from './describe';
import { replaceCell } from './support';
import type { BoundCell } from '../model';
import type { Finding, Rule } from './types';

/** More blank cells than this in one table are reported together. */
export const BLANK_CELLS_LISTED = 8;

export const cellBlank: Rule = {
  code: 'cell-blank',
  severity: 'information',
  description: { zh: '空白的数值单元格按 0 计算，建议填写 0', en: 'A blank value cell counts as 0; write 0' },
  messages: {
    blank: { zh: '{cell}为空白，按 0 计算', en: '{cell} is blank and counts as 0' },
    blanks: {
      zh: '{table}有 {count} 个空白单元格（首个为{cell}），均按 0 计算',
      en: '{table} has {count} blank cells (the first: {cell}); they count as 0',
    },
    fixZero: { zh: '填写 0', en: 'Write 0' },
    fixZeros: { zh: '在 {count} 个空白单元格中填写 0', en: 'Write 0 in the {count} blank cells' },
  },
  check(context) {
    const findings: Finding[] = [];
    const arithmetic = context.arithmetic();
    for (const table of context.report.tables) {
      const blanks: BoundCell[] = [];
      for (const row of table.rows) {
        for (const cell of row.cells) {
          if (cell.value.kind !== 'blank' || cell.raw.spanned || arithmetic.isTarget(cell)) continue;
          blanks.push(cell);
        }
      }
      if (blanks.length > BLANK_CELLS_LISTED) {
        const edits = blanks.flatMap((c) => replaceCell(c, '0', { id: 'fixZero' }).edits);
        findings.push({
          code: 'cell-blank',
          range: blanks[0].raw.range,
          message: { id: 'blanks', args: { table: TABLE_NAMES[table.kind], count: blanks.length, cell: cellName(table, blanks[0]) } },
          fix: { title: { id: 'fixZeros', args: { count: blanks.length } }, edits, preferred: true },
        });
        continue;
      }
      for (const cell of blanks) {
        findings.push({
          code: 'cell-blank',
          range: cell.raw.range,
          message: { id: 'blank', args: { cell: cellName(table, cell) } },
          fix: replaceCell(cell, '0', { id: 'fixZero' }),
        });
      }
    }
    return findings;
  },
};
