/**
 * The title line (body, year, 政府信息公开工作年度报告 — possibly split over two lines, as in
 * seed 000, or with the body on a line of its own, as in seed 003), the statistics period,
 * and the signature (body and date) that closes the report.
 */
import type { LineIndex, OffsetRange } from '../text/lineIndex';
import type { PeriodInfo, SignatureInfo, TitleInfo } from '../model';
import { squash } from '../text/normalize';
import { formats } from '../formats';

const REPORT_WORDS = formats['2021'].data.reportTitleVariants.map(squash);
const COVER = formats['2021'].data.coverLetterTitle;
const YEAR = /((?:19|20)\d{2})\s*年/;
const ATTACHMENT = /^(附件\s*\d*|标题|题目|文章标题|正文)\s*[:：]?\s*/;
const MAX_TITLE_LINE = 50;

/**
 * A title ends with the report's name: "…政府信息公开工作年度报告", perhaps followed by a note in
 * brackets (（征求意见稿）). A line that merely mentions the name ("…年度报告检查工具") is not one.
 */
export function namesReport(text: string): boolean {
  const s = squash(text).replace(/(\([^()]*\)|【[^【】]*】|[。.!！])+$/, '');
  if (REPORT_WORDS.some((w) => s.endsWith(w))) return true;
  // A cover letter's title: …关于报送…年度报告的函.
  const end = COVER.ends.find((e) => s.endsWith(e));
  // A body's letter: its name comes before 关于.
  return end !== undefined && s.indexOf('关于') > 0 && REPORT_WORDS.some((w) => s.slice(0, -end.length).endsWith(w));
}

/** The body named before a cover letter's 关于报送: 某某局关于报送 → 某某局. */
function withoutCoverLead(body: string): string {
  const lead = COVER.leads.find((l) => body.endsWith(l));
  return lead ? body.slice(0, -lead.length) : body;
}

/** Finds the title among the non-blank lines that precede the body. */
export function findTitle(text: string, lines: LineIndex, beforeLine: number): TitleInfo | undefined {
  const candidates: number[] = [];
  for (let l = 0; l < Math.min(beforeLine, lines.lineCount) && candidates.length < 8; l++) {
    const t = lines.lineText(l).trim();
    // 附件 / 附件1 / 正文 on a line of its own labels what follows, not the report.
    if (t && !/^(附件\s*\d*|正文|标题)\s*[:：]?$/.test(t)) candidates.push(l);
  }
  for (let i = 0; i < candidates.length; i++) {
    const first = candidates[i];
    const firstText = lines.lineText(first).trim();
    if (firstText.length > MAX_TITLE_LINE) break;
    let last = first;
    let joined = firstText;
    // A title is split over two lines only between its own words: a breadcrumb (当前位置：首页 > …)
    // or a label line above the title is not its first half.
    if (!namesReport(joined) && i + 1 < candidates.length && !/[：:>|»]/.test(firstText)) {
      const nextText = lines.lineText(candidates[i + 1]).trim();
      if (nextText.length <= MAX_TITLE_LINE && namesReport(joined + nextText)) {
        last = candidates[i + 1];
        joined += nextText;
      }
    }
    if (!namesReport(joined)) continue;
    // The body may stand alone on the line above: 建宁县卫生健康局 / 2020 年政府信息公开工作年度报告.
    const yearMatch = YEAR.exec(joined);
    let startLine = first;
    if (yearMatch && !joined.slice(0, yearMatch.index).replace(ATTACHMENT, '').trim() && i > 0) {
      const prev = lines.lineText(candidates[i - 1]).trim().replace(ATTACHMENT, '');
      if (prev && prev.length <= 30 && !/[，。,.：:]/.test(prev)) {
        startLine = candidates[i - 1];
        joined = prev + joined;
      }
    }
    return describeTitle(text, lines, startLine, last);
  }
  return undefined;
}

// Markdown heading markers and emphasis around a title are not part of it.
const MARKUP_LEAD = /^[\s\u3000]*(#{1,6}[ \t]+)?(\*\*|__)?/;
/** Trailing white space and the emphasis closed just before it (no `\s*$` regex: quadratic on long runs of blanks). */
function markupTrailLength(line: string): number {
  const trimmed = line.trimEnd();
  return line.length - trimmed.length + (trimmed.endsWith('**') || trimmed.endsWith('__') ? 2 : 0);
}

function describeTitle(text: string, lines: LineIndex, startLine: number, endLine: number): TitleInfo {
  const start = lines.lineStarts[startLine] + (MARKUP_LEAD.exec(lines.lineText(startLine))?.[0].length ?? 0);
  const lastText = lines.lineText(endLine);
  const end = lines.lineEnd(endLine) - markupTrailLength(lastText);
  const source = text.slice(start, end);
  const range: OffsetRange = { start: start + (source.length - source.trimStart().length), end: end - (source.length - source.trimEnd().length) };
  const titleText = text.slice(range.start, range.end);
  const flat = titleText.replace(/\s+/g, '');
  const ym = YEAR.exec(titleText);
  let year: number | undefined;
  let yearRange: OffsetRange | undefined;
  let body: string | undefined;
  if (ym) {
    year = Number(ym[1]);
    yearRange = { start: range.start + ym.index, end: range.start + ym.index + ym[1].length };
    body = withoutCoverLead(titleText.slice(0, ym.index).replace(/\s+/g, '').replace(ATTACHMENT, '')) || undefined;
    // 2024年上海市科委政府信息公开工作年度报告: the body may follow the year.
    if (!body) {
      const after = titleText.slice(ym.index + ym[0].length).replace(/\s+/g, '').replace(/^度/, '');
      const idx = after.indexOf('政府信息公开');
      body = idx > 0 ? after.slice(0, idx) : undefined;
    }
  } else {
    const idx = flat.indexOf('政府信息公开');
    body = idx > 0 ? flat.slice(0, idx).replace(ATTACHMENT, '') || undefined : undefined;
  }
  return { range, text: flat, body, year, yearRange, namesReport: namesReport(flat) };
}

const PERIOD =
  /((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|-|—|－|~|～|－)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/;

export function findPeriod(text: string, from: number, to: number): PeriodInfo | undefined {
  const m = PERIOD.exec(text.slice(from, to));
  if (!m) return undefined;
  const start = from + m.index;
  return { range: { start, end: start + m[0].length }, startYear: Number(m[1]), endYear: m[2] ? Number(m[2]) : Number(m[1]) };
}

const DATE_LINE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** The closing lines: the body's name above the date (seeds 002, 003). */
export function findSignature(lines: LineIndex, fromLine: number): SignatureInfo | undefined {
  const nonBlank: number[] = [];
  for (let l = lines.lineCount - 1; l >= fromLine && nonBlank.length < 3; l--) if (lines.lineText(l).trim()) nonBlank.push(l);
  if (nonBlank.length < 2) return undefined;
  const [dateLine, bodyLine] = nonBlank;
  const dateText = lines.lineText(dateLine).trim();
  const dm = DATE_LINE.exec(dateText);
  if (!dm) return undefined;
  const bodyText = lines.lineText(bodyLine).trim();
  if (!bodyText || bodyText.length > 30 || /[，。,.：:；;]/.test(bodyText)) return undefined;
  const bodyStart = lines.lineStarts[bodyLine] + lines.lineText(bodyLine).indexOf(bodyText);
  const dateStart = lines.lineStarts[dateLine] + lines.lineText(dateLine).indexOf(dateText);
  return {
    body: bodyText,
    bodyRange: { start: bodyStart, end: bodyStart + bodyText.length },
    date: { year: Number(dm[1]), month: Number(dm[2]), day: Number(dm[3]), range: { start: dateStart, end: dateStart + dateText.length } },
  };
}

export function firstYearIn(text: string, from: number, to: number): { year: number; range: OffsetRange } | undefined {
  const m = YEAR.exec(text.slice(from, Math.min(to, from + 2000)));
  if (!m) return undefined;
  const start = from + m.index;
  return { year: Number(m[1]), range: { start, end: start + m[1].length } };
}
