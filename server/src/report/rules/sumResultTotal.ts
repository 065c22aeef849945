/** sum-result-total: 表三 （七）总计[c] = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+ Σ（六）, for every column. */
import { formula, SUM_MESSAGES, sumFindings, violationFinding } from './support';
import type { Rule } from './types';

export const sumResultTotal: Rule = {
  code: 'sum-result-total',
  severity: 'error',
  description: {
    zh: '表三“（七）总计”应等于（一）至（六）各项办理结果之和，逐列核对',
    en: 'In table 3, total (7) must equal the sum of outcomes (1)–(6), in every column',
  },
  messages: {
    mismatch: {
      zh: '「{column}」列的（七）总计应为 {expected}（{formula}），表中为 {actual}',
      en: 'Total (7) of “{column}” should be {expected} ({formula}); the table says {actual}',
    },
    ...SUM_MESSAGES,
  },
  check: (context) =>
    sumFindings(context, 'sum-result-total', (v) =>
      violationFinding('sum-result-total', v, 'mismatch', { column: v.constraint.subject, formula: formula(v.constraint.table, v) }),
    ),
};
