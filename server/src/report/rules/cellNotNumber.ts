/**
 * cell-not-number: a value cell that is not a valid number for its column — text, a negative
 * or fractional count, a Chinese numeral, or a letter typed for a digit ("1O"). The last two
 * have a certain correction.
 */
import { cellName } from './describe';
import type { Finding, Rule } from './types';

export const cellNotNumber: Rule = {
  code: 'cell-not-number',
  severity: 'error',
  description: { zh: '数值单元格应填写该列允许的数字', en: 'A value cell must hold a number valid for its column' },
  messages: {
    'not-a-number': { zh: '{cell}的「{text}」不是有效数字', en: '{cell}: “{text}” is not a number' },
    negative: { zh: '{cell}的「{text}」为负数，件数不能为负', en: '{cell}: “{text}” is negative; counts cannot be' },
    fraction: { zh: '{cell}的「{text}」不是整数，件数应为整数', en: '{cell}: “{text}” is not a whole number' },
    typo: { zh: '{cell}的「{text}」含有字母，疑为数字 {suggestion}', en: '{cell}: “{text}” has letters for digits; probably {suggestion}' },
    'chinese-numeral': { zh: '{cell}的「{text}」应写作阿拉伯数字 {suggestion}', en: '{cell}: write “{text}” as {suggestion}' },
    fixValue: { zh: '改为 {suggestion}', en: 'Change to {suggestion}' },
  },
  check({ report }) {
    const findings: Finding[] = [];
    for (const table of report.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          if (cell.value.kind !== 'invalid') continue;
          const { reason, suggestion } = cell.value;
          findings.push({
            code: 'cell-not-number',
            range: cell.raw.range,
            message: { id: reason, args: { cell: cellName(table, cell), text: cell.raw.text, suggestion: suggestion ?? '' } },
            fix: suggestion
              ? { title: { id: 'fixValue', args: { suggestion } }, edits: [{ range: cell.raw.range, newText: suggestion }], preferred: true }
              : undefined,
          });
        }
      }
    }
    return findings;
  },
};
