/**
 * prose-contradiction: qualitative claims in the prose that the tables contradict — 全部办结 /
 * 均已办结 while 表三「四、结转下年度继续办理」is not 0; 未发生 / 无行政复议 (诉讼) while 表四
 * counts cases; 未收取信息处理费 while 表三「（六）2.…逾期未按收费通知要求缴纳费用…」is not 0.
 * Figures in prose are narrative-mismatch's; this rule reads the claims without a number, and
 * leaves to narrative-mismatch every phrasing it already reads (无行政复议情况发生).
 *
 * The first two are warnings: the claim and the table cannot both be true. The fee claim is
 * information: a fee notice was issued, which the report should say, but no fee may have been
 * collected, so the claim may be literally true.
 */
import type { BoundTable, Report } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import { cellAt, cellName, figure } from './describe';
import { proseSentences, type ProseSentence } from './support';
import type { Finding, Rule } from './types';

function onlyTable(report: Report, kind: BoundTable['kind']): BoundTable | undefined {
  const found = report.tables.filter((t) => t.kind === kind);
  return found.length === 1 ? found[0] : undefined;
}

// 全部办结 / 均已按时办结 / 已全部办理完毕: the claim that no request is still open.
const ALL_CLOSED = /(?:全部|均已|均|都已|已全部|全都|悉数)(?:按时|按期|依法|依规|在法定期限内|于法定期限内)?(?:办结|办理完毕|处理完毕)/;
// …but not of last year's carried-over requests, nor "as of now", nor "all but …".
const ALL_CLOSED_EXCEPT = /结转|截至|截止|目前|现已|已于|报告发布|除|其余|其他|剩余|外[，,]|建议|提案|信访|投诉|举报|咨询|留言|热线|12345|工单|来信|许可|审批|政务服务|办件|依申请公开以外/;

// 未发生 / 无 / 没有 … 行政复议: a claim of none, with at most a few words between.
const NONE = '(?:未发生|没有发生|未出现|未收到|未被|不存在|没有|无(?!正当|法|需|须))';
const NO_REVIEW = new RegExp(`${NONE}[^，,。；;]{0,24}?行政复议`, 'd');
const NO_LITIGATION = new RegExp(`${NONE}[^，,。；;]{0,24}?(?:行政)?诉讼`, 'd');
// …but not of cases lost or corrected (无行政复议被纠错), nor a figure (复议1件) for narrative-mismatch.
const NOT_NONE_OF_ALL = /纠错|纠正|败诉|撤销|确认违法|被改变|[0-9０-９]|[一二两三四五六七八九十]+(?:件|起|宗)/;

// 未收取信息处理费 / 不收取费用: the fee statement of 六.
const NO_FEE = /(?:未收取|不收取|没有收取|未产生|无收取|未发生收取|未发生)[^，,。；;]{0,12}?(?:信息处理费|处理费|费用|收费)/d;

export const proseContradiction: Rule = {
  code: 'prose-contradiction',
  severity: 'warning',
  description: {
    zh: '正文中的定性表述（全部办结、无行政复议、未收取费用等）不应与表格数据矛盾',
    en: 'Claims in the prose (all closed, no reconsideration, no fees) must not contradict the tables',
  },
  messages: {
    allClosed: {
      zh: '正文称「{claim}」，但{cell}为 {value}：仍有申请结转下年度继续办理',
      en: 'The text says “{claim}”, but {cell} is {value}: some requests are carried into next year',
    },
    noReview: {
      zh: '正文称「{claim}」，但{cell}为 {value}',
      en: 'The text says “{claim}”, but {cell} is {value}',
    },
    noLitigation: {
      zh: '正文称「{claim}」，但表四行政诉讼共 {value} 件（未经复议直接起诉 {direct}、复议后起诉 {after}）',
      en: 'The text says “{claim}”, but table 4 counts {value} lawsuits ({direct} direct, {after} after reconsideration)',
    },
    feeNotice: {
      zh: '正文称「{claim}」，而{cell}为 {value}：本年度曾发出收费通知，建议如实说明收费通知及收费情况',
      en: 'The text says “{claim}”, but {cell} is {value}: fee notices were issued this year; the report should say so',
    },
  },
  check({ report, enabled }) {
    const apps = onlyTable(report, 'applications');
    const review = onlyTable(report, 'reviewLitigation');
    const number = (t: BoundTable | undefined, row: string, column: string) => {
      const cell = t ? cellAt(t, row, column) : undefined;
      return cell && cell.value.kind === 'number' ? { cell, value: cell.value.value } : undefined;
    };
    const carried = number(apps, 'carriedForward', 'total');
    const unpaid = number(apps, 'unpaidFees', 'total');
    const reviews = number(review, 'values', 'review.total');
    const direct = number(review, 'values', 'directSuit.total');
    const afterReview = number(review, 'values', 'suitAfterReview.total');
    const suits = direct && afterReview ? direct.value + afterReview.value : 0;
    if (!(carried?.value || unpaid?.value || reviews?.value || suits)) return [];

    // What narrative-mismatch already reads as a statement of none, it reports itself.
    const narrativeOn = enabled('narrative-mismatch');
    const zeroStatements = narrativeOn ? report.statements.filter((s) => s.numeral === 'none') : [];
    const readByNarrative = (figureId: string, range: OffsetRange) =>
      zeroStatements.some((s) => s.figure.id === figureId && s.range.start < range.end && range.start < s.range.end);

    const findings: Finding[] = [];
    const at = (s: ProseSentence, m: RegExpExecArray): OffsetRange => ({ start: s.start + m.index, end: s.start + m.index + m[0].length });
    for (const s of proseSentences(report)) {
      if (s.section === 'problems') continue;
      // Only requests for disclosure: 行政许可申请全部办结 is another kind of request.
      if (carried && carried.value > 0 && s.text.includes('申请') && s.text.includes('公开')) {
        const m = ALL_CLOSED.exec(s.text);
        if (m && !ALL_CLOSED_EXCEPT.test(s.text)) {
          findings.push({ code: 'prose-contradiction', range: at(s, m), message: { id: 'allClosed', args: { claim: m[0], cell: cellName(apps!, carried.cell), value: figure(carried.value) } } });
        }
      }
      // A body's reconsiderations at large are not table 四's: only those about disclosure count.
      const aboutDisclosure = s.text.includes('公开') || s.section === 'reviewLitigation';
      if (reviews && reviews.value > 0 && aboutDisclosure) {
        const m = NO_REVIEW.exec(s.text);
        if (m && !NOT_NONE_OF_ALL.test(s.text.slice(m.index, m.index + m[0].length + 8)) && !readByNarrative('review', at(s, m))) {
          findings.push({ code: 'prose-contradiction', range: at(s, m), message: { id: 'noReview', args: { claim: m[0], cell: cellName(review!, reviews.cell), value: figure(reviews.value) } } });
        }
      }
      if (suits > 0 && aboutDisclosure) {
        const m = NO_LITIGATION.exec(s.text);
        if (m && !NOT_NONE_OF_ALL.test(s.text.slice(m.index, m.index + m[0].length + 8)) && !readByNarrative('litigation', at(s, m))) {
          findings.push({
            code: 'prose-contradiction',
            range: at(s, m),
            message: { id: 'noLitigation', args: { claim: m[0], value: figure(suits), direct: figure(direct!.value), after: figure(afterReview!.value) } },
          });
        }
      }
      if (unpaid && unpaid.value > 0) {
        const m = NO_FEE.exec(s.text);
        if (m) {
          findings.push({
            code: 'prose-contradiction',
            severity: 'information',
            range: at(s, m),
            message: { id: 'feeNotice', args: { claim: m[0], cell: cellName(apps!, unpaid.cell), value: figure(unpaid.value) } },
          });
        }
      }
    }
    return findings;
  },
};
