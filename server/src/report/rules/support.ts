/**
 * Small pieces several rules share: where a missing section or row belongs, what line an
 * offset is on, and how a violated sum is turned into a finding with its formula.
 */
import { formatForYear, formats, type Format, type Text } from '../formats';
import type { BoundTable, Report } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import { SENTENCE_MARKS } from '../text/normalize';
import { formatValue } from '../text/cellValue';
import { describeTerm, type RootCause, type Violation } from './arithmetic';
import { cellName, figure } from './describe';
import type { Finding, RuleCode, RuleContext } from './types';

/**
 * The format new text is written in: the one the report's year requires (an outdated table
 * elsewhere is no reason to write another), an explicit override, else the tables', else 2021.
 */
export function writingFormat(report: Report): Format {
  if (report.formatSource === 'override' && report.format) return report.format;
  if (report.year) return formats[formatForYear(report.year.value)];
  return report.format ?? formats['2021'];
}

export function lineStartAt(report: Report, offset: number): number {
  return report.lines.lineStarts[report.lines.positionAt(offset).line];
}

export function lineEndAt(report: Report, offset: number): number {
  return report.lines.lineEnd(report.lines.positionAt(offset).line);
}

/** The trimmed text of the line at `offset`, or the last non-blank line when past the end. */
export function lineRangeAt(report: Report, offset: number): OffsetRange {
  const { lines, text } = report;
  let line = lines.positionAt(offset).line;
  if (offset >= text.length) {
    while (line > 0 && !lines.lineText(line).trim()) line--;
  }
  const start = lines.lineStarts[line];
  const raw = lines.lineText(line);
  // A blank line (a document of white space) is the empty range at its start.
  if (!raw.trim()) return { start, end: start };
  const lead = raw.length - raw.trimStart().length;
  return { start: start + lead, end: start + raw.trimEnd().length };
}

/** A table sits outside the section it belongs to (seed 003's table 三 under 一). */
export function isOrphan(table: BoundTable): boolean {
  return table.section?.def.table !== table.kind;
}

export function sectionNumberOfTable(report: Report, table: BoundTable): number {
  return writingFormat(report).sections.find((s) => s.table === table.kind)!.number;
}

/** Where section `number` belongs: before the first later heading or later orphan table. */
export function sectionAnchor(report: Report, number: number): number {
  let anchor = report.text.length;
  for (const h of report.headings) if (h.section.number > number) anchor = Math.min(anchor, h.lineRange.start);
  for (const t of report.tables) {
    if (isOrphan(t) && sectionNumberOfTable(report, t) >= number) anchor = Math.min(anchor, lineStartAt(report, t.range.start));
  }
  return anchor;
}

/** How the document marks its headings ("## ", "**…**"), so inserted ones look the same. */
export function headingStyle(report: Report): { before: string; after: string } {
  const counts = new Map<string, number>();
  for (const h of report.headings) {
    // Most headings are bare words: nothing before or after them to slice and trim.
    const before = h.textRange.start > h.lineRange.start ? report.text.slice(h.lineRange.start, h.textRange.start).replace(/^[\s\u3000]+/, '') : '';
    const after = h.lineRange.end > h.textRange.end ? report.text.slice(h.textRange.end, h.lineRange.end).trimEnd() : '';
    const key = `${before}\u0000${after}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '\u0000';
  const [before, after] = best.split('\u0000');
  return { before, after };
}

/** Text to insert at `at` so that `block` stands as its own paragraph(s). */
export function asBlockAt(report: Report, at: number, block: string, eol: string): string {
  const before = report.text.slice(Math.max(0, at - 2 * eol.length), at);
  let prefix = '';
  if (at > 0 && !before.endsWith(eol + eol)) prefix = before.endsWith(eol) ? eol : eol + eol;
  const suffix = at < report.text.length ? eol : '';
  return prefix + block.trimEnd() + eol + suffix;
}

/** "自然人 3 + 商业企业 0 + … = 4", listing only non-zero parts when there are many. */
export function formula(table: BoundTable, violation: Violation): Text {
  return formulaOf(table, violation.constraint.terms.filter((t) => t !== violation.constraint.target));
}

export function formulaOf(table: BoundTable, terms: Violation['constraint']['terms']): Text {
  const alongRow = new Set(terms.map((t) => t.rowId)).size === 1 && terms.length > 1;
  const value = (t: (typeof terms)[number]) => (t.cell && t.cell.value.kind === 'number' ? t.cell.value.value : 0);
  const many = terms.length > 6;
  const shown = many ? terms.filter((t) => value(t) !== 0) : terms;
  const sum = terms.reduce((s, t) => s + value(t), 0);
  const zh = shown.map((t) => `${describeTerm(table, t, alongRow).zh} ${figure(value(t))}`).join(' + ');
  const en = shown.map((t) => `${describeTerm(table, t, alongRow).en} ${figure(value(t))}`).join(' + ');
  const omitted = many && shown.length < terms.length;
  if (!shown.length) return { zh: `各项均为 0`, en: `all parts are 0` };
  return {
    zh: `${zh}${omitted ? '，其余各项为 0' : ''} = ${figure(sum)}`,
    en: `${en}${omitted ? ', all other parts 0' : ''} = ${figure(sum)}`,
  };
}

export function actualOf(violation: Violation): Text | string {
  const v = violation.target.value;
  if (v.kind === 'blank') return { zh: '空白', en: 'blank' };
  return v.kind === 'number' ? figure(v.value) : violation.target.raw.text;
}

/**
 * A sum finding on the cell the fix recomputes. When that cell agrees with another sum that
 * holds, the parts are reported as suspect instead and no fix is offered: rewriting the total
 * would only move the error.
 */
export function violationFinding(
  code: RuleCode,
  violation: Violation,
  messageId: string,
  args: Finding['message']['args'],
  corroboratedMessageId = 'partsSuspect',
): Finding {
  const target = violation.target;
  const corroborated = violation.corroboratedBy.length > 0;
  // A holding sum through the target — even one of zeros — would break if it were rewritten.
  const fixable = !violation.blockedBy.length && !target.raw.spanned && violation.expected >= 0 && Number.isInteger(violation.expected);
  const agreesWith = violation.corroboratedBy.map((c) => SUM_NAMES[c.code]({ constraint: c } as Violation));
  // Every part left blank: not "a part is wrong", the parts were never filled in.
  const partsBlank = violation.constraint.terms.every((t) => t === violation.constraint.target || !t.cell || t.cell.value.kind === 'blank');
  return {
    code,
    range: target.raw.range,
    message: corroborated
      ? {
          id: partsBlank && corroboratedMessageId === 'partsSuspect' ? 'partsBlank' : corroboratedMessageId,
          args: {
            ...args,
            name: SUM_NAMES[code](violation),
            sum: figure(violation.expected),
            formula: formula(violation.constraint.table, violation),
            actual: actualOf(violation),
            agrees: { zh: agreesWith.map((n) => n.zh).join('、'), en: agreesWith.map((n) => n.en).join(', ') },
          },
        }
      : { id: messageId, args: { expected: figure(violation.expected), actual: actualOf(violation), ...args } },
    fix: fixable ? replaceCell(target, formatValue(violation.expected), { id: 'fixTotal', args: { expected: figure(violation.expected) } }) : undefined,
    // The parts as related locations; of a long sum (（七）总计's 21 rows) only those that count.
    related: violation.constraint.terms
      .filter((t) => t.cell && t !== violation.constraint.target)
      .filter((t, _, all) => all.length <= 6 || (t.cell!.value.kind === 'number' && t.cell!.value.value !== 0))
      .map((t) => ({
        range: t.cell!.raw.range,
        message: { id: 'relatedPart', args: { name: describeTerm(violation.constraint.table, t, violation.constraint.code === 'sum-applicant-total') } },
      })),
  };
}

/** Rewrite one cell's value; an empty markdown cell `|  |` keeps one space of padding each side. */
export function replaceCell(cell: { raw: { range: OffsetRange; inner: OffsetRange; empty: boolean } }, value: string, title: Finding['message']): NonNullable<Finding['fix']> {
  const raw = cell.raw;
  const padded = raw.empty && raw.inner.end - raw.inner.start >= 2 ? ` ${value} ` : value;
  return { title, edits: [{ range: raw.empty ? raw.inner : raw.range, newText: padded }], preferred: true };
}

/** How a root-cause message names the sums its cell breaks: always its own row's or column's. */
const SUMS_OF_CELL: Record<string, Text> = {
  'sum-applicant-total': { zh: '本行总计', en: 'its row total' },
  'sum-result-total': { zh: '本列（七）总计', en: 'its column’s total (7)' },
  balance: { zh: '本列勾稽关系', en: 'its column’s balance' },
  'sum-review-litigation': { zh: '本组总计', en: 'its group total' },
};

const SUM_NAMES: Record<string, (v: Violation) => Text> = {
  'sum-applicant-total': (v) => ({ zh: `「${v.constraint.subject.zh}」行总计`, en: `the total of “${v.constraint.subject.en}”` }),
  'sum-result-total': (v) => ({ zh: `「${v.constraint.subject.zh}」列（七）总计`, en: `total (7) of “${v.constraint.subject.en}”` }),
  balance: (v) => ({ zh: `「${v.constraint.subject.zh}」列勾稽关系`, en: `the balance of “${v.constraint.subject.en}”` }),
  'sum-review-litigation': (v) => ({ zh: `「${v.constraint.subject.zh}」总计`, en: `the total of “${v.constraint.subject.en}”` }),
};

export const SUM_MESSAGES = {
  rootCause: {
    zh: '{cell}填写的 {actual} 与 {count} 处合计不符（{sums}）；若改为 {expected}，这些合计均成立',
    en: '{cell} holds {actual}, which breaks {count} sums ({sums}); with {expected} they all hold',
  },
  rootCauseBlank: {
    zh: '{cell}为空白，与 {count} 处合计不符（{sums}）；应填 {expected}，这些合计均成立',
    en: '{cell} is blank, which breaks {count} sums ({sums}); with {expected} they all hold',
  },
  fixRootCause: { zh: '将该格改为 {expected}', en: 'Change this cell to {expected}' },
  partsSuspect: {
    zh: '{name}为 {actual}，但各项之和为 {sum}（{formula}）；该总计与{agrees}一致，应是某一项填错或重复计数',
    en: '{name} is {actual}, but its parts add up to {sum} ({formula}); the total agrees with {agrees}, so a part is wrong or counted twice',
  },
  partsBlank: {
    zh: '{name}为 {actual}，但各项均未填写；该总计与{agrees}一致，应是各项漏填',
    en: '{name} is {actual}, but none of its parts is filled in; the total agrees with {agrees}, so the parts were left out',
  },
  relatedPart: { zh: '合计项：{name}', en: 'Part of the sum: {name}' },
  fixTotal: { zh: '将总计改为 {expected}', en: 'Change the total to {expected}' },
};

export function rootCauseFinding(cause: RootCause): Finding {
  const cell = cause.cell;
  const blank = cell.value.kind !== 'number';
  const actual = cell.value.kind === 'number' ? figure(cell.value.value) : '';
  const names = cause.violations.map((v) => SUMS_OF_CELL[v.constraint.code]);
  return {
    code: cause.code,
    range: cell.raw.range,
    message: {
      id: blank ? 'rootCauseBlank' : 'rootCause',
      args: {
        cell: cellName(cause.table, cell),
        actual,
        count: cause.violations.length,
        sums: { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') },
        expected: figure(cause.expected),
      },
    },
    fix: !cell.raw.spanned && cause.expected >= 0 && Number.isInteger(cause.expected) ? replaceCell(cell, formatValue(cause.expected), { id: 'fixRootCause', args: { expected: figure(cause.expected) } }) : undefined,
  };
}

export function sumFindings(context: RuleContext, code: RuleCode, plain: (v: Violation) => Finding): Finding[] {
  const a = context.arithmetic();
  return [...a.plain(code).map(plain), ...a.rootCauses(code).map(rootCauseFinding)];
}

/**
 * Sections after this number are not judged: the text ends inside the table of the section
 * before them (an excerpt, a draft being typed). Infinity when the text is whole.
 */
export function lastSectionJudged(report: Report): number {
  const truncated = report.tables.find((t) => t.truncated);
  return truncated ? sectionNumberOfTable(report, truncated) : Infinity;
}

/** Rows of a table the format puts after its last present row, when the text ends inside it. */
export function rowsCutOff(table: BoundTable): Set<string> {
  if (!table.truncated) return new Set();
  const f = formats[table.format];
  const order = table.kind === 'applications' ? f.applications.valueRows.map((r) => r.id) : table.kind === 'activeDisclosure' ? f.activeDisclosure.blocks.flatMap((b) => b.rows.map((r) => r.id)) : ['values'];
  const present = new Set(table.rows.map((r) => r.id));
  let lastPresent = -1;
  order.forEach((id, i) => present.has(id) && (lastPresent = i));
  return new Set(order.slice(lastPresent + 1));
}

/**
 * Sections the report lacks a recognised heading for, but that may start at a heading run into
 * the prose (report.runInHeadings) between the recognised sections around them: which section
 * such a heading is cannot be told, so their absence is not judged. With the first such
 * heading, for the one finding that says so (table-unreadable).
 */
export function sectionsInDoubt(report: Report): { numbers: number[]; heading: Report['runInHeadings'][number] } | undefined {
  if (!report.runInHeadings.length) return undefined;
  const present = new Map(report.sections.map((s) => [s.def.number, s.heading.lineRange.start]));
  const numbers: number[] = [];
  let heading: Report['runInHeadings'][number] | undefined;
  for (const def of writingFormat(report).sections) {
    if (present.has(def.number)) continue;
    const before = Math.max(-1, ...report.sections.filter((s) => s.def.number < def.number).map((s) => s.heading.lineRange.start));
    const afterStarts = report.sections.filter((s) => s.def.number > def.number).map((s) => s.heading.lineRange.start);
    const after = afterStarts.length ? Math.min(...afterStarts) : Infinity;
    const here = report.runInHeadings.find((h) => h.range.start > before && h.range.start < after);
    if (!here) continue;
    numbers.push(def.number);
    if (!heading || here.range.start < heading.range.start) heading = here;
  }
  return heading ? { numbers, heading } : undefined;
}

/** A sentence of the prose: up to and with its 。；！？, its offset, the section it is in (by id). */
export interface ProseSentence {
  text: string;
  start: number;
  section?: string;
}

/**
 * The sentences of the prose lines, in order. `wanted`, when given, passes over the lines (by
 * number) it refuses without reading them (a rule that needs only lines naming a year).
 */
export function proseSentences(report: Report, wanted?: (line: number) => boolean): ProseSentence[] {
  // An array, not a generator: rules run once per check, much of the time before V8 has
  // optimized them, and resuming a generator there costs more than the array.
  const out: ProseSentence[] = [];
  const { lines, sections } = report;
  let si = 0;
  for (const line of report.proseLines) {
    if (wanted && !wanted(line)) continue;
    const start = lines.lineStarts[line];
    while (si < sections.length && sections[si].contentRange.end <= start) si++;
    const text = lines.lineText(line);
    const section = sections[si] && sections[si].contentRange.start <= start ? sections[si].def.id : undefined;
    let from = 0;
    SENTENCE_STOP.lastIndex = 0;
    for (let m = SENTENCE_STOP.exec(text); m; m = SENTENCE_STOP.exec(text)) {
      out.push({ text: text.slice(from, m.index + 1), start: start + from, section });
      from = m.index + 1;
    }
    if (from < text.length) out.push({ text: text.slice(from), start: start + from, section });
  }
  return out;
}

const SENTENCE_STOP = new RegExp(`[${SENTENCE_MARKS}]`, 'g');
