/**
 * How report prose restates table figures (FORMAT.md §5), as data: which figure each phrasing
 * states, and the words around the number that make its meaning unambiguous. The patterns are
 * deliberately narrow — a figure is only compared when the words leave no doubt what it counts;
 * cumulative counts, published-item counts, percentages, years and phone numbers never match.
 *
 * In the patterns, `N` is the number (Arabic or Chinese numerals) and `U` a count unit; both
 * are expanded when the patterns are compiled. Patterns run on prose with white space removed.
 */
import type { Text } from './schema';

export type FigureRef =
  | { table: 'applications'; rows: string[]; column: string }
  /** The value rows under a group of table 三 (its subtotal): （三）不予公开 → its 8 rows. */
  | { table: 'applications'; group: string; column: string }
  | { table: 'reviewLitigation'; columns: string[] }
  | { table: 'activeDisclosure'; row: string; column: string };

export interface NarrativeFigure {
  id: string;
  /** What the prose calls it, for messages: 予以公开. */
  label: Text;
  figure: FigureRef;
  /**
   * Other figures the same words plausibly mean. Real reports write 共受理…749件 for 一 + 二,
   * and 无法提供265件 for the one sub-row it mostly is: a stated number that matches any
   * plausible reading is no contradiction.
   */
  alsoMeans?: FigureRef[];
  /** Each must capture the number as `N`. */
  patterns: string[];
  /** Phrases that state the figure is zero (无行政复议…). */
  zeroPatterns?: string[];
  /** A clause is tried only if it contains one of these (a cheap filter before the patterns). */
  cues: string[];
  /**
   * The sentence around the clause must contain one of `requires` (unless the clause sits in
   * section `orInSection`) and none of `excludes`.
   */
  context?: { requires?: string[]; excludes?: string[]; orInSection?: string };
}

const GAP = '(?:共|共计|计|合计|总计|为|达|了|有|约)?';
const REQ = '(?:政府信息公开申请|信息公开申请|公开申请|申请)';

export const narrativeFigures: NarrativeFigure[] = [
  {
    id: 'newReceived',
    cues: ['收到', '受理', '新收', '接收'],
    label: { zh: '收到申请', en: 'requests received' },
    figure: { table: 'applications', rows: ['newReceived'], column: 'total' },
    alsoMeans: [{ table: 'applications', rows: ['newReceived', 'carriedOver'], column: 'total' }],
    patterns: [
      `(?:新收到|收到|新收|受理|接收)(?:各类)?(?:依申请公开(?:政府信息)?(?:事项|申请)?|${REQ}|政府信息公开事项)${GAP}N U`,
      `(?:新收到|收到|新收|受理|接收)${GAP}N U(?:依申请公开|${REQ})`,
    ],
  },
  {
    id: 'carriedOver',
    cues: ['结转'],
    label: { zh: '上年结转申请', en: 'requests carried over' },
    figure: { table: 'applications', rows: ['carriedOver'], column: 'total' },
    patterns: [`(?:上年度?|上一年度?)结转(?:的)?(?:政府信息公开)?(?:申请)?${GAP}N U`],
  },
  {
    id: 'handled',
    cues: ['办结', '办理完毕'],
    label: { zh: '办结申请', en: 'requests closed' },
    figure: { table: 'applications', rows: ['resultTotal'], column: 'total' },
    patterns: [`(?:办结|答复并办结|答复办结|办理完毕)(?:政府信息公开申请|申请)?${GAP}N U`],
  },
  {
    id: 'replied',
    cues: ['答复'],
    label: { zh: '答复申请', en: 'requests answered' },
    figure: { table: 'applications', rows: ['resultTotal'], column: 'total' },
    patterns: [`(?:共|已)?答复${REQ}?${GAP}N U`],
    // "答复5件" of 人大代表建议 is another kind of reply: only a sentence about requests counts.
    context: { requires: ['申请'], excludes: ['建议', '提案', '信访', '来信', '咨询', '留言'] },
  },
  {
    id: 'carriedForward',
    cues: ['结转', '顺延', '转入'],
    label: { zh: '结转下年度申请', en: 'requests carried forward' },
    figure: { table: 'applications', rows: ['carriedForward'], column: 'total' },
    patterns: [
      `结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?${GAP}N U`,
      `(?:另有)?N U(?:申请)?(?:[^\\d]{0,8})?(?:结转|顺延|转入)(?:至|到)?下(?:一)?年度?`,
    ],
  },
  {
    id: 'grantedOrPartly',
    cues: ['部分公开'],
    label: { zh: '予以公开及部分公开', en: 'disclosed fully or in part' },
    figure: { table: 'applications', rows: ['granted', 'partlyGranted'], column: 'total' },
    patterns: [`予以公开(?:及|和|与|、)部分公开(?:的)?(?:申请)?${GAP}N U`],
  },
  {
    id: 'granted',
    cues: ['予以公开'],
    label: { zh: '予以公开', en: 'disclosed' },
    figure: { table: 'applications', rows: ['granted'], column: 'total' },
    patterns: [`(?<![不、及和与])予以公开(?![及和与、]部分)(?:的)?(?:申请)?${GAP}N U`],
  },
  {
    id: 'partlyGranted',
    cues: ['部分公开'],
    label: { zh: '部分公开', en: 'partly disclosed' },
    figure: { table: 'applications', rows: ['partlyGranted'], column: 'total' },
    patterns: [`(?<!予以公开[及和与、])部分公开(?:的)?(?:申请)?${GAP}N U`],
  },
  {
    id: 'refused',
    cues: ['不予公开'],
    label: { zh: '不予公开', en: 'refused' },
    figure: { table: 'applications', group: 'refused', column: 'total' },
    patterns: [`不予公开(?:的)?(?:申请)?${GAP}N U`],
  },
  {
    id: 'unableToProvide',
    cues: ['无法提供'],
    label: { zh: '无法提供', en: 'unable to provide' },
    figure: { table: 'applications', group: 'unableToProvide', column: 'total' },
    patterns: [`无法提供(?:的)?(?:申请)?${GAP}N U`],
  },
  {
    id: 'notProcessed',
    cues: ['不予处理'],
    label: { zh: '不予处理', en: 'not processed' },
    figure: { table: 'applications', group: 'notProcessed', column: 'total' },
    patterns: [`不予处理(?:的)?(?:申请)?${GAP}N U`],
  },
  {
    id: 'otherHandling',
    cues: ['其他处理'],
    label: { zh: '其他处理', en: 'handled otherwise' },
    figure: { table: 'applications', group: 'otherHandling', column: 'total' },
    patterns: [`其他处理(?:的)?(?:申请)?${GAP}N U`],
  },
  {
    id: 'review',
    cues: ['复议'],
    label: { zh: '行政复议', en: 'administrative reconsideration' },
    figure: { table: 'reviewLitigation', columns: ['review.total'] },
    // A body's reconsideration and litigation work at large is not table 四's: only figures
    // about disclosure count, or any in section 四 itself.
    context: { requires: ['公开'], orInSection: 'reviewLitigation' },
    patterns: [`(?:被申请)?行政复议(?:案件|申请)?${GAP}N(?:件|起|次|宗)`],
    // 无行政复议被纠错的情况 says no case was lost, not that there was none.
    zeroPatterns: [`(?:无|未发生|没有|未出现|未收到|未被申请)(?:因政府信息公开(?:工作)?(?:被申请)?)?(?:提起)?行政复议(?!(?:案件)?被?(?:纠错|纠正|撤销|确认违法))`],
  },
  {
    id: 'litigation',
    cues: ['诉讼'],
    label: { zh: '行政诉讼', en: 'administrative litigation' },
    figure: { table: 'reviewLitigation', columns: ['directSuit.total', 'suitAfterReview.total'] },
    // A body's reconsideration and litigation work at large is not table 四's: only figures
    // about disclosure count, or any in section 四 itself.
    context: { requires: ['公开'], orInSection: 'reviewLitigation' },
    patterns: [`(?:被提起)?(?:行政)?诉讼(?:案件)?${GAP}N(?:件|起|次|宗)`],
    zeroPatterns: [
      `(?:无|未发生|没有|未出现|未被提起)(?:因政府信息公开(?:工作)?(?:被申请)?)?(?:行政复议(?:和|、|及|或))?(?:提起)?(?:行政)?诉讼(?!(?:案件)?(?:败诉|被?纠错|被?纠正|被?撤销))`,
    ],
  },
  {
    id: 'licensing',
    cues: ['行政许可'],
    label: { zh: '行政许可', en: 'licensing decisions' },
    figure: { table: 'activeDisclosure', row: 'licensing', column: 'decisions' },
    patterns: [`(?:办理|作出|受理|审批)行政许可(?:决定|事项|处理决定)?${GAP}N件(?!信息)`],
  },
  {
    id: 'penalty',
    cues: ['行政处罚'],
    label: { zh: '行政处罚', en: 'penalty decisions' },
    figure: { table: 'activeDisclosure', row: 'penalty', column: 'decisions' },
    patterns: [`行政处罚(?:决定|案件)?${GAP}N件(?!信息)`],
  },
  {
    id: 'enforcement',
    cues: ['行政强制'],
    label: { zh: '行政强制', en: 'coercion decisions' },
    figure: { table: 'activeDisclosure', row: 'enforcement', column: 'decisions' },
    patterns: [`行政强制(?:决定|措施)?${GAP}N件(?!信息)`],
  },
];

/**
 * Words that make a clause's figure something else: cumulative counts, comparisons and
 * shares, and figures for one kind of applicant only.
 */
/**
 * Table 三 figures in prose may count one kind of applicant only (予以公开及部分公开258件 for
 * natural persons): a number that matches these columns' figure is no contradiction either.
 * And each row under a group is a reading of the group's figure.
 */
export const narrativeAlsoColumns = ['natural'];

export const narrativeExclusions = ['累计', '历年', '以来', '同比', '比上年', '增长', '下降', '减少', '增加', '%', '％', '百分之', '占', '自然人', '法人', '企业', '组织', '机构申请', '平均', '每月'];
