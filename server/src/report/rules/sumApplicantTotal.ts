/** sum-applicant-total: 表三 总计[r] = 自然人[r] + 商业企业[r] + … + 其他[r], for every row. */
import { formula, SUM_MESSAGES, sumFindings, violationFinding } from './support';
import type { Rule } from './types';

export const sumApplicantTotal: Rule = {
  code: 'sum-applicant-total',
  severity: 'error',
  description: {
    zh: '表三每一行的“总计”列应等于六类申请人之和',
    en: 'In table 3, each row’s Total must equal the sum of the six applicant columns',
  },
  messages: {
    mismatch: {
      zh: '「{row}」行的总计应为 {expected}（{formula}），表中为 {actual}',
      en: 'The total of “{row}” should be {expected} ({formula}); the table says {actual}',
    },
    ...SUM_MESSAGES,
  },
  check: (context) =>
    sumFindings(context, 'sum-applicant-total', (v) =>
      violationFinding('sum-applicant-total', v, 'mismatch', { row: v.constraint.subject, formula: formula(v.constraint.table, v) }),
    ),
};
