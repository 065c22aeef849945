/** balance: 表三 一 + 二 = （七）总计 + 四, in every column (the 勾稽关系 the table header states). */
import { formulaOf, SUM_MESSAGES, sumFindings, violationFinding } from './support';
import type { Rule } from './types';

export const balance: Rule = {
  code: 'balance',
  severity: 'error',
  description: {
    zh: '表三勾稽关系：第一项加第二项之和，等于第三项（七）总计加第四项之和，逐列核对',
    en: 'Table 3 balance: row 1 + row 2 must equal total (7) + row 4, in every column',
  },
  messages: {
    mismatch: {
      zh: '「{column}」列不平衡：一 + 二 = {left}，（七）+ 四 = {right}；按勾稽关系，四、结转下年度继续办理应为 {expected}，表中为 {actual}',
      en: '“{column}” does not balance: 1 + 2 = {left}, (7) + 4 = {right}; row 4 (carried forward) should be {expected}, the table says {actual}',
    },
    ...SUM_MESSAGES,
    fixTotal: { zh: '将结转下年度继续办理改为 {expected}', en: 'Change carried forward to {expected}' },
    mismatchNoFix: {
      zh: '「{column}」列不平衡：一 + 二 = {left}，（七）+ 四 = {right}；应满足 一 + 二 = （七）+ 四',
      en: '“{column}” does not balance: 1 + 2 = {left}, (7) + 4 = {right}; they must be equal',
    },
  },
  check: (context) =>
    sumFindings(context, 'balance', (v) => {
      const table = v.constraint.table;
      const args = {
        column: v.constraint.subject,
        left: formulaOf(table, v.constraint.terms.filter((t) => t.coef === 1)),
        right: formulaOf(table, v.constraint.terms.filter((t) => t.coef === -1)),
      };
      // When 结转下年度 agrees with its own row total, the imbalance lies elsewhere: no fix.
      return violationFinding('balance', v, v.expected >= 0 ? 'mismatch' : 'mismatchNoFix', args, 'mismatchNoFix');
    }),
};
