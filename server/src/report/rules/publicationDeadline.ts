/**
 * publication-deadline: a report is published by 1月31日 of the year after the report year, and
 * a 本级人民政府's by 3月31日 (条例第五十条; both configurable). The date is the portal page's
 * publication date when the page has one, else the signature's. Reviewers deduct points for late
 * publication; a date in January of the next year is on time.
 *
 * Certain (warning): every date found is past the deadline. For a person to judge
 * (information): the page is dated late but the report was signed in time (a repost, an
 * update); the body's kind is unknown and the date falls between the two deadlines; the page
 * is dated years later; no date is found in a whole report (only when `expectDate` is set, as a
 * review of published reports sets it: a draft in the editor is dated last).
 */
import type { Report } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import { bodyKindOf } from '../pairing';
import type { Finding, MonthDay, Rule, RuleSettings, Severity } from './types';

export interface DeadlineStatus {
  status: 'on-time' | 'late' | 'unknown';
  /** The date judged, ISO (2025-01-23), and where it came from. */
  date?: string;
  source?: 'published' | 'signature';
  /** The deadline applied, ISO. */
  deadline?: string;
  kind?: 'government' | 'department';
}

interface Day {
  year: number;
  month: number;
  day: number;
}

const iso = (d: Day) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const after = (a: Day, b: Day) => a.year - b.year || a.month - b.month || a.day - b.day;
const deadlineIn = (year: number, md: MonthDay): Day => ({ year, month: md.month, day: md.day });
const zhDate = (d: Day) => `${d.year}年${d.month}月${d.day}日`;

/** What the deadline rule concludes about a report, for the rule and for a review summary. */
/** The report's year, its kind of body, the deadlines, and the dates it carries that count. */
function datesOf(report: Report, settings: Pick<RuleSettings, 'deadline' | 'governmentDeadline'>) {
  const year = report.year?.value;
  if (year === undefined) return undefined;
  const kind = bodyKindOf(report);
  const strict = deadlineIn(year + 1, settings.deadline);
  const lenient = deadlineIn(year + 1, settings.governmentDeadline);
  // A body of unknown kind is late for certain only after the later deadline.
  const deadline = kind === 'department' ? strict : lenient;
  const sig = report.signature?.date;
  // A signature outside the year and the next is year-mismatch's.
  const signed = sig && (sig.year === year || sig.year === year + 1) ? sig : undefined;
  const published = report.document.published && report.document.published.year >= year ? report.document.published : undefined;
  return { year, kind, strict, lenient, deadline, signed, published };
}

export function deadlineStatus(report: Report, settings: Pick<RuleSettings, 'deadline' | 'governmentDeadline'>): DeadlineStatus {
  const dates = datesOf(report, settings);
  if (!dates) return { status: 'unknown' };
  const { kind, strict, deadline, signed, published } = dates;
  const date = published ?? signed;
  if (!date) return { status: 'unknown', kind, deadline: iso(deadline) };
  const late = after(date, deadline) > 0;
  return { status: late ? 'late' : kind === undefined && after(date, strict) > 0 ? 'unknown' : 'on-time', date: iso(date), source: published ? 'published' : 'signature', deadline: iso(deadline), kind };
}

export const publicationDeadline: Rule = {
  code: 'publication-deadline',
  severity: 'warning',
  description: {
    zh: '年度报告应在次年1月31日前公布（本级人民政府报告为3月31日前）',
    en: 'The report must be published by 31 January of the next year (31 March for a government’s own report)',
  },
  options: [
    { key: 'deadline', setting: 'deadline', kind: 'monthDay', description: { zh: '部门报告的公布期限，次年的月-日（默认 "1-31"，条例第五十条）', en: 'the last day for a department’s report, month-day of the next year (default "1-31", article 50)' } },
    { key: 'governmentDeadline', setting: 'governmentDeadline', kind: 'monthDay', description: { zh: '本级人民政府报告的公布期限（默认 "3-31"）', en: 'the last day for a 本级人民政府 report (default "3-31")' } },
    { key: 'expectDate', setting: 'expectDate', kind: 'boolean', description: { zh: '整篇报告没有任何日期时也提示（默认 false；govreport review 中为 true）', en: 'also say so when a whole report carries no date (default false; true in govreport review)' } },
  ],
  messages: {
    late: {
      zh: '{source}为 {date}，晚于{kind}的公布期限 {deadline}（《政府信息公开条例》第五十条）',
      en: 'The {source} is {date}, after the deadline for {kind}, {deadline} (article 50 of the Regulations)',
    },
    pageLate: {
      zh: '网页发布日期为 {date}，晚于公布期限 {deadline}，但落款日期 {signed} 在期限内：可能是转载或更新，请核实首次公布日期',
      en: 'The page is dated {date}, after the deadline {deadline}, but the report is signed {signed}: perhaps a repost or an update; check when it was first published',
    },
    longAfter: {
      zh: '网页发布日期为 {date}，比公布期限 {deadline} 晚一年以上：可能是转载或更新，请核实首次公布日期',
      en: 'The page is dated {date}, more than a year after the deadline {deadline}: perhaps a repost or an update; check when it was first published',
    },
    kindUnknown: {
      zh: '{source}为 {date}，晚于部门报告的期限 {strict}、早于本级人民政府报告的期限 {lenient}；未能从标题判断报告单位的类别，请核实',
      en: 'The {source} is {date}: after a department’s deadline ({strict}), before a government’s ({lenient}); the body’s kind could not be told from the title',
    },
    noDate: {
      zh: '未找到报告的落款日期或网页发布日期，无法核对是否按期（{deadline}前）公布',
      en: 'No signature date or page date was found: whether the report was published by {deadline} cannot be checked',
    },
  },
  check({ report, settings }) {
    const dates = datesOf(report, settings);
    if (!dates) return [];
    const { year, kind, strict, lenient, deadline, signed, published } = dates;
    const where: OffsetRange = report.title?.range ?? report.year?.range ?? { start: 0, end: 0 };
    const kindName =
      kind === 'government' ? { zh: '本级人民政府报告', en: 'a government’s own report' } : kind === 'department' ? { zh: '部门报告', en: 'a department’s report' } : { zh: '各类报告', en: 'any report' };
    const source = (s: 'published' | 'signature') => (s === 'published' ? { zh: '网页发布日期', en: 'page date' } : { zh: '落款日期', en: 'signature date' });
    const finding = (range: OffsetRange, id: string, args: Record<string, string | { zh: string; en: string }>, severity?: Severity): Finding => ({
      code: 'publication-deadline',
      range,
      message: { id, args },
      ...(severity ? { severity } : {}),
    });

    if (published) {
      if (kind === undefined && after(published, strict) > 0 && after(published, lenient) <= 0) {
        return [finding(where, 'kindUnknown', { source: source('published'), date: zhDate(published), strict: zhDate(strict), lenient: zhDate(lenient) }, 'information')];
      }
      if (after(published, deadline) <= 0) return [];
      if (signed && after(signed, deadline) <= 0) {
        return [finding(signed.range, 'pageLate', { date: zhDate(published), deadline: zhDate(deadline), signed: zhDate(signed) }, 'information')];
      }
      if (published.year > year + 1) return [finding(where, 'longAfter', { date: zhDate(published), deadline: zhDate(deadline) }, 'information')];
      return [finding(signed?.range ?? where, 'late', { source: source('published'), date: zhDate(published), kind: kindName, deadline: zhDate(deadline) })];
    }
    if (signed) {
      if (kind === undefined && after(signed, strict) > 0 && after(signed, lenient) <= 0) {
        return [finding(signed.range, 'kindUnknown', { source: source('signature'), date: zhDate(signed), strict: zhDate(strict), lenient: zhDate(lenient) }, 'information')];
      }
      if (after(signed, deadline) <= 0) return [];
      return [finding(signed.range, 'late', { source: source('signature'), date: zhDate(signed), kind: kindName, deadline: zhDate(deadline) })];
    }
    // Only a whole report is expected to carry a date: not an excerpt, not a draft's first pages.
    const whole = settings.expectDate && report.title !== undefined && report.sections.length >= 5 && report.truncatedAt === undefined;
    return whole ? [finding(where, 'noDate', { deadline: zhDate(deadline) }, 'information')] : [];
  },
};
