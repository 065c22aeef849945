/**
 * Flattened text: a crawler's or a copy-paste's report with no line breaks left, the six
 * section headings in the middle of one long line ("…联系电话：0591-23165370。一、总体情况2021年，
 * 我区…"). The parser reads sections line by line, so the reader breaks such a line before
 * and after each heading it is sure of — the ordinal and the heading's own words, in the order
 * of the format — and maps the added breaks back to the place they stand for.
 *
 * Only a line that holds at least three headings in order is broken: one heading's words
 * inside a long sentence ("报告包括总体情况、主动公开…等六个部分") never are.
 */
import { formats } from '../formats';
import { chineseNumeral, squash } from '../text/normalize';
import { MappedTextBuilder, type SourceMap } from './sourceMap';

const LONG_LINE = 400;
const MIN_HEADINGS = 3;
const HEADING_START = /[一二三四五六][、．.]/g;
/** A heading ends with one of the words the format data lists (情况, 事项, 措施 …): where to break after it. */
const HEADING_END = new RegExp(`(${formats['2021'].data.headingWords.endings.join('|')})`, 'g');
const MAX_HEADING = 36;

interface Cut {
  start: number;
  end: number;
}

function headingAt(line: string, at: number, number: number): number | undefined {
  const sections = formats['2021'].sections;
  const section = sections.find((s) => s.number === number);
  if (!section) return undefined;
  const window = line.slice(at, at + MAX_HEADING + 2);
  // The longest run that is still a heading: 五、存在的主要问题及改进情况, not 五、存在的主要问题.
  let best: number | undefined;
  HEADING_END.lastIndex = 0;
  for (let m = HEADING_END.exec(window); m; m = HEADING_END.exec(window)) {
    const end = m.index + m[0].length;
    const raw = window.slice(2, end);
    // A heading holds no sentence punctuation, no figures, no gap and no second ordinal.
    if (/[。；;，,！？：:（(\s\u3000\d]|[一二三四五六][、.．]/.test(raw)) break;
    const words = squash(raw);
    if (section.recognisedBy.some((ws) => ws.every((w) => words.includes(w)))) best = at + end;
  }
  return best;
}

function cutsOf(line: string): Cut[] {
  const cuts: Cut[] = [];
  let last = 0;
  HEADING_START.lastIndex = 0;
  for (let m = HEADING_START.exec(line); m; m = HEADING_START.exec(line)) {
    const number = chineseNumeral(m[0][0]);
    if (number === undefined || number <= last) continue;
    const end = headingAt(line, m.index, number);
    if (end === undefined) continue;
    cuts.push({ start: m.index, end });
    last = number;
    HEADING_START.lastIndex = end;
  }
  return cuts;
}

/**
 * Where the first line of at least LONG_LINE characters starts (its line break not counted,
 * a \r before it counted), found without splitting the text; -1 when there is none.
 */
function firstLongLine(source: string): number {
  let from = 0;
  for (;;) {
    const nl = source.indexOf('\n', from);
    const end = nl < 0 ? source.length : nl;
    if (end - from >= LONG_LINE) return from;
    if (nl < 0) return -1;
    from = nl + 1;
  }
}

export function readFlattened(source: string): { text: string; map: SourceMap } | undefined {
  const firstLong = source.length < LONG_LINE ? -1 : firstLongLine(source);
  if (firstLong < 0) return undefined;
  // First find the lines to break; most texts have none, and are read as they are. The lines
  // before the first long one are shorter still: the search starts there.
  const broken = new Map<number, Cut[]>();
  for (let from = firstLong; from <= source.length; ) {
    const nl = source.indexOf('\n', from);
    let end = nl < 0 ? source.length : nl;
    if (end > from && source.charCodeAt(end - 1) === 13) end--;
    if (end - from >= LONG_LINE) {
      const cuts = cutsOf(source.slice(from, end));
      if (cuts.length >= MIN_HEADINGS) broken.set(from, cuts);
    }
    if (nl < 0) break;
    from = nl + 1;
  }
  if (!broken.size) return undefined;
  const out = new MappedTextBuilder();
  let copied = 0;
  for (const [from, cuts] of broken) {
    out.copy(source.slice(copied, from), copied);
    let at = 0;
    const line = source.slice(from, from + cuts[cuts.length - 1].end);
    for (const cut of cuts) {
      const before = line.slice(at, cut.start).trimEnd();
      if (before) {
        out.copy(before, from + at);
        out.push('\n', from + cut.start, from + cut.start);
      }
      out.copy(line.slice(cut.start, cut.end), from + cut.start);
      out.push('\n', from + cut.end, from + cut.end);
      at = cut.end;
      while (at < line.length && /[\s\u3000]/.test(line[at])) at++;
    }
    copied = from + at;
  }
  out.copy(source.slice(copied), copied);
  return out.build(source.length);
}
