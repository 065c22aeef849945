/** sum-review-litigation: 表四 each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
import { formula, SUM_MESSAGES, sumFindings, violationFinding } from './support';
import type { Rule } from './types';

export const sumReviewLitigation: Rule = {
  code: 'sum-review-litigation',
  severity: 'error',
  description: {
    zh: '表四行政复议、行政诉讼各组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和',
    en: 'In table 4, each group’s total must equal upheld + corrected + other + pending',
  },
  messages: {
    mismatch: {
      zh: '「{group}」的总计应为 {expected}（{formula}），表中为 {actual}',
      en: 'The total of “{group}” should be {expected} ({formula}); the table says {actual}',
    },
    ...SUM_MESSAGES,
  },
  check: (context) =>
    sumFindings(context, 'sum-review-litigation', (v) =>
      violationFinding('sum-review-litigation', v, 'mismatch', { group: v.constraint.subject, formula: formula(v.constraint.table, v) }),
    ),
};
