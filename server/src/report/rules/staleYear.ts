/**
 * stale-year: last year's year (or next year's) used as the report's own inside the body —
 * 本机关2023年度主动公开… in a 2024 report, the copy-paste that survives a fixed title. Only
 * phrasings that make the year the report's own count: the year opening a sentence about this
 * year's work (2023年，本机关共主动公开…), the body naming itself with the year (本机关2023年度…),
 * the report naming itself (现公布2023年度政府信息公开工作年度报告), the stock at the year's end
 * (截至2023年底). A sentence that also names the report year, compares (较2023年), counts from
 * (自2023年起) or speaks of last year outright is history, not a slip; 五 speaks of last year's
 * problems by design and is not read. The title, the statistics period and the opening of 一 are
 * year-mismatch's; when it finds the title the odd one out, the body is not judged by the title.
 */
import type { OffsetRange } from '../text/lineIndex';
import { yearMismatch } from './yearMismatch';
import { proseSentences } from './support';
import type { Finding, Rule, RuleContext } from './types';

const SELF = '(?:本机关|本局|本委|本办|本厅|本单位|本中心|本院|我局|我委|我办|我厅|我单位|我中心|我院|我区|我县|我市|我镇|我乡|我街道|全区|全县|全市|全镇|区政府|县政府|市政府|镇政府)';
const WORK = '(?:共|全年|累计|全面|认真|坚持|围绕|聚焦|持续|进一步|深入|扎实|严格|积极|紧紧围绕|以)?(?:主动公开|新收|收到|受理|办结|答复|制发|发布|公开|印发|废止|办理|政府信息公开工作|政务公开工作|信息公开工作)';
const ORDINAL = '(?:[（(][一二三四五六七八九十\\d]+[)）]|[一二三四五六七八九十]+[、.．]|\\d+[.、．])?';

interface Pattern {
  re: (year: string) => RegExp;
}

const PATTERNS: Pattern[] = [
  // 2023年，本机关共主动公开… / 2023年度，全区政务公开工作…: the year opens the sentence.
  { re: (y) => new RegExp(`^${ORDINAL}${SELF}?(${y})年度?[，,]?${SELF}?${WORK}`) },
  // 本机关2023年度主动公开…: the body names itself with the year.
  { re: (y) => new RegExp(`${SELF}(${y})年度?${WORK}`) },
  // 现公布本机关2023年度政府信息公开工作年度报告: the report names itself.
  { re: (y) => new RegExp(`(?:现将|现予|现就|特此|现)?(?:公布|发布|编制|形成|撰写)(?:了)?${SELF}?(${y})年度?(?:本机关)?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告`) },
  // 截至2023年底 / 截至2023年12月31日: the stock at the report year's end.
  { re: (y) => new RegExp(`截[至止](${y})年(?:底|末|12月31日)`) },
];

/** The patterns for one year, compiled once (compiling them was most of this rule's cost). */
const compiledByYear = new Map<string, RegExp[]>();
function patternsFor(year: string): RegExp[] {
  let list = compiledByYear.get(year);
  if (!list) {
    // Years of real reports are few; the cache stays small whatever the input.
    if (compiledByYear.size > 64) compiledByYear.clear();
    compiledByYear.set(year, (list = PATTERNS.map((p) => p.re(year))));
  }
  return list;
}

/** Words that make a year history: a comparison, a starting point, last year named outright. */
const HISTORY = /较|比上|同比|相比|相较|对比|环比|增长|减少|下降|上升|增加|持平|以来|至今|自\d|从\d|起[，,]|分别|上年|去年|上一年|前年|往年|连续|历年|以前|之前|此前|继续|延续|沿用|此后|已于|曾|获评|荣获|计划|将|预计|拟|下一步|明年|下一年|来年/;

/** year-mismatch finds the title's year wrong: the other sources agree on another. */
function titleDisputed(context: RuleContext): boolean {
  const { report } = context;
  const period = report.period?.startYear;
  // Cheap first: the title agrees with the period, or there is nothing to dispute it.
  if (period === undefined || period === report.year?.value) return false;
  return yearMismatch.check(context).some((f) => f.message.id === 'title');
}

/** Where year-mismatch already names a wrong year: those are its findings, not ours. */
function yearMismatchRanges(context: RuleContext): OffsetRange[] {
  if (!context.enabled('year-mismatch')) return [];
  return yearMismatch.check(context).map((f) => f.range);
}

export const staleYear: Rule = {
  code: 'stale-year',
  severity: 'warning',
  description: {
    zh: '正文中作为本报告年度的年份应为报告年度，不应沿用上年（或下一年）的年份',
    en: 'The year the text gives as the report’s own must be the report year, not last year’s (or next year’s)',
  },
  messages: {
    previous: {
      zh: '正文「{quote}」以 {found} 年为本报告年度，而报告年度为 {year} 年：可能是沿用上年报告未改的年份',
      en: '“{quote}” gives {found} as the report’s year, but the report is for {year}: perhaps left over from last year’s report',
    },
    next: {
      zh: '正文「{quote}」以 {found} 年为本报告年度，而报告年度为 {year} 年',
      en: '“{quote}” gives {found} as the report’s year, but the report is for {year}',
    },
    fixYear: { zh: '改为 {year}', en: 'Change to {year}' },
  },
  check(context) {
    const { report } = context;
    const year = report.year;
    // A year read from the body itself cannot be judged against the body.
    if (!year || year.source === 'body') return [];
    // When the title is the odd one out (the period and 一 say another year), which year is the
    // report's is in dispute: year-mismatch says so, and the body is not judged against the title.
    if (context.enabled('year-mismatch') && year.source === 'title' && titleDisputed(context)) return [];
    const own = String(year.value);
    let taken: OffsetRange[] | undefined;
    const findings: Finding[] = [];
    const candidates = [String(year.value - 1), String(year.value + 1)];
    const compiled = new Map(candidates.map((y) => [y, patternsFor(y)]));
    // Only lines that write a candidate year (a year split by blanks, 20 23, is not one a reader
    // sees), found by searching the text for the years rather than every line for them.
    const named = new Set<number>();
    for (const y of candidates) for (let at = report.text.indexOf(y); at >= 0; at = report.text.indexOf(y, at + 1)) named.add(report.lines.positionAt(at).line);
    if (!named.size) return [];
    for (const s of proseSentences(report, (line) => named.has(line))) {
      if (s.section === 'problems' || !/\d/.test(s.text)) continue;
      const flat = s.text.replace(/[\s\u3000]+/g, '');
      // The cheap tests first: most sentences name neither year (HISTORY is a long alternation).
      if (flat.includes(own) || !candidates.some((y) => flat.includes(y)) || HISTORY.test(flat)) continue;
      for (const found of candidates) {
        if (!flat.includes(found)) continue;
        const hit = compiled.get(found)!.some((re) => re.test(flat));
        if (!hit) continue;
        // The year as written in the sentence (white space kept): the first occurrence.
        const at = s.text.indexOf(found);
        if (at < 0) continue;
        const range = { start: s.start + at, end: s.start + at + 4 };
        taken ??= yearMismatchRanges(context);
        if (taken.some((r) => r.start < range.end && range.start < r.end)) continue;
        const quote = s.text.trim().slice(0, 40);
        findings.push({
          code: 'stale-year',
          range,
          message: { id: Number(found) < year.value ? 'previous' : 'next', args: { quote, found, year: year.value } },
          fix: { title: { id: 'fixYear', args: { year: year.value } }, edits: [{ range, newText: own }], preferred: true },
        });
        break;
      }
    }
    return findings;
  },
};
