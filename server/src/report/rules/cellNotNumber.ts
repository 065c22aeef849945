/**
 * cell-not-number: a value cell that is not a valid number for its column — text, a negative
 * or fractional count, a Chinese numeral, or a letter typed for a digit ("1O"). The last two
 * have a certain correction.
 */
import { cellName } from './describe';
import { holdsWith } from './arithmetic';
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
    'several-numbers': { zh: '{cell}的「{text}」含有多个数字（可能少了一个分隔符），不是一个数值', en: '{cell}: “{text}” holds several figures (a separator may be missing), not one number' },
    'too-large': { zh: '{cell}的「{text}」超出可核对的数值范围', en: '{cell}: “{text}” is too large to be a figure of this report' },
    fixValue: { zh: '改为 {suggestion}', en: 'Change to {suggestion}' },
    suggestionBreaks: {
      zh: '{cell}的「{text}」应写作阿拉伯数字（{suggestion}），但填 {suggestion} 后本行或本列合计不成立，请核对',
      en: '{cell}: write “{text}” in digits ({suggestion}); but with {suggestion} its row or column no longer adds up — check it',
    },
  },
  check({ report }) {
    const findings: Finding[] = [];
    for (const table of report.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          if (cell.value.kind !== 'invalid') continue;
          const { reason, suggestion } = cell.value;
          // The digit a numeral or a typo stands for is written only if the table then adds up:
          // "一" where the row needs 5 is a slip of another kind, and rewriting it to 1 guesses.
          const fits = suggestion !== undefined && holdsWith(table, cell, Number(suggestion));
          const args = { cell: cellName(table, cell), text: cell.raw.text, suggestion: suggestion ?? '' };
          findings.push({
            code: 'cell-not-number',
            range: cell.raw.range,
            message: { id: suggestion !== undefined && !fits ? 'suggestionBreaks' : reason, args },
            fix: fits ? { title: { id: 'fixValue', args: { suggestion } }, edits: [{ range: cell.raw.range, newText: suggestion! }], preferred: true } : undefined,
          });
        }
      }
    }
    return findings;
  },
};
