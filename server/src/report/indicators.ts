/**
 * The figures reviewers read off a report, and the ratios they derive from them — each with its
 * formula in words, so a summary can show what a number means. A figure is taken only from a
 * table that is there once and read; a ratio with a zero (or unknown) denominator is undefined,
 * never 0 %.
 */
import type { Text } from './formats';
import type { BoundTable, Report } from './model';
import { cellAt } from './rules/describe';

export interface FigureDef {
  id: string;
  label: Text;
  /** Which cell(s): their sum. */
  cells: Array<{ table: BoundTable['kind']; row: string; column: string }>;
}

/** The figures a review compares year on year (table 二's stock is the 2021 format's). */
export const KEY_FIGURES: FigureDef[] = [
  { id: 'received', label: { zh: '本年新收申请', en: 'Requests received' }, cells: [{ table: 'applications', row: 'newReceived', column: 'total' }] },
  { id: 'carriedOver', label: { zh: '上年结转', en: 'Carried over' }, cells: [{ table: 'applications', row: 'carriedOver', column: 'total' }] },
  { id: 'closed', label: { zh: '办结（（七）总计）', en: 'Closed (total 7)' }, cells: [{ table: 'applications', row: 'resultTotal', column: 'total' }] },
  { id: 'carriedForward', label: { zh: '结转下年度', en: 'Carried forward' }, cells: [{ table: 'applications', row: 'carriedForward', column: 'total' }] },
  { id: 'granted', label: { zh: '予以公开', en: 'Disclosed' }, cells: [{ table: 'applications', row: 'granted', column: 'total' }] },
  { id: 'partlyGranted', label: { zh: '部分公开', en: 'Partly disclosed' }, cells: [{ table: 'applications', row: 'partlyGranted', column: 'total' }] },
  { id: 'notHeld', label: { zh: '本机关不掌握', en: 'Not held' }, cells: [{ table: 'applications', row: 'notHeld', column: 'total' }] },
  { id: 'reviews', label: { zh: '行政复议', en: 'Reconsiderations' }, cells: [{ table: 'reviewLitigation', row: 'values', column: 'review.total' }] },
  { id: 'reviewsCorrected', label: { zh: '复议结果纠正', en: 'Reconsiderations corrected' }, cells: [{ table: 'reviewLitigation', row: 'values', column: 'review.corrected' }] },
  { id: 'reviewsPending', label: { zh: '复议尚未审结', en: 'Reconsiderations pending' }, cells: [{ table: 'reviewLitigation', row: 'values', column: 'review.pending' }] },
  {
    id: 'lawsuits',
    label: { zh: '行政诉讼', en: 'Lawsuits' },
    cells: [
      { table: 'reviewLitigation', row: 'values', column: 'directSuit.total' },
      { table: 'reviewLitigation', row: 'values', column: 'suitAfterReview.total' },
    ],
  },
  {
    id: 'lawsuitsCorrected',
    label: { zh: '诉讼结果纠正', en: 'Lawsuits corrected' },
    cells: [
      { table: 'reviewLitigation', row: 'values', column: 'directSuit.corrected' },
      { table: 'reviewLitigation', row: 'values', column: 'suitAfterReview.corrected' },
    ],
  },
  {
    id: 'lawsuitsPending',
    label: { zh: '诉讼尚未审结', en: 'Lawsuits pending' },
    cells: [
      { table: 'reviewLitigation', row: 'values', column: 'directSuit.pending' },
      { table: 'reviewLitigation', row: 'values', column: 'suitAfterReview.pending' },
    ],
  },
  { id: 'licensing', label: { zh: '行政许可决定', en: 'Licensing decisions' }, cells: [{ table: 'activeDisclosure', row: 'licensing', column: 'decisions' }] },
  { id: 'penalty', label: { zh: '行政处罚决定', en: 'Penalty decisions' }, cells: [{ table: 'activeDisclosure', row: 'penalty', column: 'decisions' }] },
  { id: 'normativeMade', label: { zh: '规范性文件制发', en: 'Normative documents made' }, cells: [{ table: 'activeDisclosure', row: 'normativeDocuments', column: 'made' }] },
  { id: 'normativeInForce', label: { zh: '规范性文件现行有效', en: 'Normative documents in force' }, cells: [{ table: 'activeDisclosure', row: 'normativeDocuments', column: 'inForce' }] },
];

export interface IndicatorDef {
  id: string;
  label: Text;
  formula: Text;
  numerator: string[];
  denominator: string[];
  /** Subtracted from the denominator (cases still pending are not yet decided). */
  less?: string[];
}

export const INDICATORS: IndicatorDef[] = [
  {
    id: 'substantiveDisclosure',
    label: { zh: '实质公开率', en: 'Substantive disclosure rate' },
    formula: { zh: '（（一）予以公开 + （二）部分公开）÷（七）总计', en: '(disclosed + partly disclosed) ÷ total (7)' },
    numerator: ['granted', 'partlyGranted'],
    denominator: ['closed'],
  },
  {
    id: 'reviewCorrection',
    label: { zh: '复议纠错率', en: 'Reconsideration correction rate' },
    formula: { zh: '行政复议「结果纠正」÷（行政复议「总计」−「尚未审结」）', en: 'reconsiderations corrected ÷ (total − pending)' },
    numerator: ['reviewsCorrected'],
    denominator: ['reviews'],
    less: ['reviewsPending'],
  },
  {
    id: 'litigationCorrection',
    label: { zh: '诉讼纠错率', en: 'Litigation correction rate' },
    formula: { zh: '两类行政诉讼「结果纠正」之和 ÷（两类「总计」−「尚未审结」）', en: 'lawsuits corrected ÷ (total − pending), both kinds' },
    numerator: ['lawsuitsCorrected'],
    denominator: ['lawsuits'],
    less: ['lawsuitsPending'],
  },
  {
    id: 'carryForwardRate',
    label: { zh: '结转率', en: 'Carry-forward rate' },
    formula: { zh: '四、结转下年度继续办理 ÷（一、本年新收 + 二、上年结转）', en: 'carried forward ÷ (received + carried over)' },
    numerator: ['carriedForward'],
    denominator: ['received', 'carriedOver'],
  },
  {
    id: 'notHeldShare',
    label: { zh: '不掌握占比', en: 'Share not held' },
    formula: { zh: '（四）1.本机关不掌握相关政府信息 ÷（七）总计', en: 'information not held ÷ total (7)' },
    numerator: ['notHeld'],
    denominator: ['closed'],
  },
];

export type Figures = Record<string, number | undefined>;

function only(report: Report, kind: BoundTable['kind']): BoundTable | undefined {
  const found = report.tables.filter((t) => t.kind === kind);
  return found.length === 1 ? found[0] : undefined;
}

/** The key figures of a report; a blank cell counts 0, an unreadable one makes the figure unknown. */
export function figuresOf(report: Report): Figures {
  const out: Figures = {};
  // Each table looked for once, not once per cell of every figure.
  const tables = { activeDisclosure: only(report, 'activeDisclosure'), applications: only(report, 'applications'), reviewLitigation: only(report, 'reviewLitigation') };
  for (const def of KEY_FIGURES) {
    let sum: number | undefined = 0;
    for (const c of def.cells) {
      const table = tables[c.table];
      // 2019 tables name table 二's columns differently: only the 2021 stock is compared.
      const cell = table && !(c.table === 'activeDisclosure' && table.format !== '2021' && c.column !== 'decisions') ? cellAt(table, c.row, c.column) : undefined;
      const v = !cell ? undefined : cell.value.kind === 'number' ? cell.value.value : cell.value.kind === 'blank' ? 0 : undefined;
      if (v === undefined) {
        sum = undefined;
        break;
      }
      sum += v;
    }
    out[def.id] = sum;
  }
  return out;
}

/** Each indicator as a ratio (0–1), or undefined when a figure is unknown or the denominator is 0. */
export function indicatorsOf(figures: Figures): Figures {
  const out: Figures = {};
  const total = (ids: string[]) => ids.reduce<number | undefined>((s, id) => (s === undefined || figures[id] === undefined ? undefined : s + figures[id]!), 0);
  for (const def of INDICATORS) {
    const num = total(def.numerator);
    const den = total(def.denominator);
    const less = def.less ? total(def.less) : 0;
    out[def.id] = num === undefined || den === undefined || less === undefined || den - less <= 0 ? undefined : num / (den - less);
  }
  return out;
}
