/**
 * fee-statement-missing: from 2021 on, section 六 states whether 信息处理费 were collected
 * (国办函〔2020〕109号). The fix writes the statement most reports make, for the author to
 * correct if fees were in fact collected.
 */
import { squash } from '../text/normalize';
import { writingFormat } from './support';
import type { Rule } from './types';

export const feeStatementMissing: Rule = {
  code: 'fee-statement-missing',
  severity: 'warning',
  description: {
    zh: '2021年新版格式要求在“其他需要报告的事项”中说明信息处理费收取情况',
    en: 'From 2021, section 6 must state whether information processing fees were collected',
  },
  messages: {
    missing: {
      zh: '「六、其他需要报告的事项」未说明信息处理费的收取情况（国办函〔2020〕109号）',
      en: 'Section 6 does not state whether information processing fees were collected',
    },
    fixInsert: { zh: '插入「{statement}」（如收取过，请改写）', en: 'Insert “{statement}” (rewrite it if fees were collected)' },
  },
  check({ report, eol }) {
    const fee = writingFormat(report).data.feeStatement;
    if (!fee) return [];
    const other = report.sections.filter((s) => s.def.id === 'other');
    if (other.length !== 1) return [];
    const section = other[0];
    const content = squash(report.text.slice(section.contentRange.start, section.contentRange.end));
    if (fee.words.some((w) => content.includes(w))) return [];
    const at = section.heading.lineRange.end;
    return [
      {
        code: 'fee-statement-missing',
        range: section.heading.textRange,
        message: { id: 'missing' },
        fix: {
          title: { id: 'fixInsert', args: { statement: fee.statement } },
          edits: [{ range: { start: at, end: at }, newText: eol + eol + fee.statement.zh }],
          preferred: true,
        },
      },
    ];
  },
};
