/**
 * Figures the prose states about the tables (FORMAT.md §5): "受理政府信息公开申请126件",
 * "予以公开及部分公开40件", "无行政复议情况发生". Only the narrow phrasings of
 * formats/narrative.ts count, one clause at a time; a clause about cumulative counts,
 * comparisons or one kind of applicant states nothing here, and a number two phrasings claim
 * is dropped as ambiguous.
 */
import { narrativeExclusions, narrativeFigures, type NarrativeFigure } from '../formats/narrative';
import type { LineIndex, OffsetRange } from '../text/lineIndex';
import { parseChineseCount } from '../text/numerals';
import { isSentenceEnd } from '../text/normalize';

export interface ProseStatement {
  figure: NarrativeFigure;
  value: number;
  /** The number as written (or the phrase, for a statement of none). */
  range: OffsetRange;
  numeral: 'arabic' | 'chinese' | 'none';
}

const NUMBER = '(?<n>[0-9０-９][0-9０-９,，]*|[零〇一二两三四五六七八九十百千万]+)';
// Requests are counted in 件 (宗, 个, 次…); 条 counts items of information, never requests.
const UNIT = '(?:件|项|个|宗|起|次|份|例)';

interface Compiled {
  figure: NarrativeFigure;
  patterns: RegExp[];
  zero: RegExp[];
}

const COMPILED: Compiled[] = narrativeFigures.map((figure) => ({
  figure,
  patterns: figure.patterns.map((p) => new RegExp(p.replace(/N/g, NUMBER).replace(/ U/g, UNIT), 'g')),
  zero: (figure.zeroPatterns ?? []).map((p) => new RegExp(p, 'g')),
}));

/** A clause states a figure only with a number in it or a word of negation. */
const HAS_FIGURE = /[0-9０-９零〇一二两三四五六七八九十百千万无未没]/;


function toNumber(s: string): { value: number; numeral: 'arabic' | 'chinese' } | undefined {
  if (/^[0-9０-９]/.test(s)) {
    const v = Number(s.normalize('NFKC').replace(/[,，]/g, ''));
    return Number.isFinite(v) ? { value: v, numeral: 'arabic' } : undefined;
  }
  const v = parseChineseCount(s);
  return v === undefined ? undefined : { value: v, numeral: 'chinese' };
}

const SPACE = /[ \t\u00a0\u3000\r\n]/;
const SPACES = /[ \t\u00a0\u3000\r\n]+/g;
/** A character of SPACE, by its code. */
const isClauseSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 13 || c === 10;

/** The clause with white space removed, and where each of its characters came from. */
function squashed(text: string, start: number, end: number): { s: string; at: (i: number) => number } {
  const clause = text.slice(start, end);
  if (!SPACE.test(clause)) return { s: clause, at: (i) => start + i };
  const s = clause.replace(SPACES, '');
  let map: number[] | undefined;
  return {
    s,
    at: (i) => {
      if (!map) {
        map = [];
        for (let k = 0; k < clause.length; k++) if (!isClauseSpace(clause.charCodeAt(k))) map.push(start + k);
      }
      return map[i];
    },
  };
}

const EXCLUDED = new RegExp(narrativeExclusions.map((w) => w.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('|'));

/** Any cue of any figure: a line with none states nothing, and is not split into clauses. */
const ANY_CUE = new RegExp([...new Set(narrativeFigures.flatMap((f) => f.cues))].join('|'));
const ANY_CUE_FROM = new RegExp(ANY_CUE.source, 'g');

/**
 * Where cues start in a line, as clauses see them: in the line with the white space of
 * squashed() removed, mapped back to offsets in the line. Cues are words without punctuation,
 * so each lies inside one clause, and a cue the search passes over (it overlaps the one found
 * before it) lies in the same clause as that one: a clause holds a cue exactly when one of
 * these starts in it.
 */
function cueStarts(lineText: string, spaced: boolean): number[] {
  const out: number[] = [];
  const squashedLine = spaced ? lineText.replace(SPACES, '') : lineText;
  ANY_CUE_FROM.lastIndex = 0;
  for (let m = ANY_CUE_FROM.exec(squashedLine); m; m = ANY_CUE_FROM.exec(squashedLine)) out.push(m.index);
  if (!spaced || !out.length) return out;
  // From offsets in the squashed line to offsets in the line.
  let next = 0;
  for (let i = 0, kept = 0; i < lineText.length && next < out.length; i++) {
    if (isClauseSpace(lineText.charCodeAt(i))) continue;
    while (next < out.length && out[next] === kept) out[next++] = i;
    kept++;
  }
  return out;
}

/** The section a text offset lies in (by section id), for figures that section 四's context decides. */
export type SectionAt = (offset: number) => string | undefined;

export function findStatements(text: string, lines: LineIndex, proseLines: number[], sectionAt: SectionAt = () => undefined): ProseStatement[] {
  const out: ProseStatement[] = [];
  for (const line of proseLines) {
    const lineStart = lines.lineStarts[line];
    const lineText = lines.lineText(line);
    // A clause with no cue states nothing, nor does a line or a sentence: only the clauses that
    // hold a cue are read, each once, found from the cue outwards (most prose holds few cues).
    const cues = cueStarts(lineText, SPACE.test(lineText));
    let read = -1;
    // The last sentence squashed (clauses of one sentence share it): its bounds and text.
    let sentenceFrom = -1;
    let sentenceTo = -1;
    let squashedSentence = '';
    for (const cue of cues) {
      if (cue < read) continue;
      let from = cue;
      while (from > 0 && !isClauseBreakAt(lineText, from - 1)) from--;
      let to = cue;
      while (to < lineText.length && !isClauseBreakAt(lineText, to)) to++;
      read = to;
      // The sentence around the clause, squashed only when a figure's context asks for it.
      const sentence = () => {
        if (from >= sentenceFrom && to <= sentenceTo) return squashedSentence;
        let a = from;
        while (a > 0 && !isSentenceEnd(lineText.charCodeAt(a - 1))) a--;
        let b = to;
        while (b < lineText.length && !isSentenceEnd(lineText.charCodeAt(b))) b++;
        sentenceFrom = a;
        sentenceTo = b;
        return (squashedSentence = b - a > 4 * MAX_CLAUSE ? '' : lineText.slice(a, b).replace(/\s+/g, ''));
      };
      clauseStatements(text, lineStart + from, lineStart + to, sentence, sectionAt, out);
    }
  }
  return out;
}

/**
 * A clause ends at a sentence's end, ，, a line break, or a comma that does not group digits
 * (`,` not followed by three digits: 1,234 is one number). Clause breaks depend only on the
 * characters at and after them, so a line's clauses are the same from wherever it is read.
 */
function isClauseBreakAt(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  if (isSentenceEnd(c) || c === 0xff0c || c === 10) return true;
  if (c !== 44) return false;
  for (let k = 1; k <= 3; k++) {
    const d = line.charCodeAt(i + k);
    if (!(d >= 48 && d <= 57)) return true;
  }
  return false;
}

function inContext(figure: NarrativeFigure, sentence: () => string, section: () => string | undefined): boolean {
  const c = figure.context;
  if (!c) return true;
  if (c.excludes?.some((w) => sentence().includes(w))) return false;
  if (!c.requires || c.requires.some((w) => sentence().includes(w))) return true;
  return c.orInSection !== undefined && section() === c.orInSection;
}

/** Prose clauses are short; a run of thousands of characters with no punctuation is not prose. */
const MAX_CLAUSE = 400;

/** Which phrasing a statement is, for telling two phrasings' claims on one number apart. */
const FIGURE_KEY = new Map(narrativeFigures.map((f) => [f, JSON.stringify(f.figure)]));

/** Patterns with the `d` flag, for a match whose number's place its text does not settle. */
const WITH_INDICES = new Map<RegExp, RegExp>();

/**
 * Where the number (group `n`) of a match lies in `s`. When its digits occur once in the match,
 * that is where; otherwise the match is read again with indices (the `d` flag makes every match
 * several times dearer, and almost every match settles it by its text).
 */
function numberSpan(re: RegExp, s: string, m: RegExpExecArray): [number, number] | undefined {
  const n = m.groups?.n;
  if (!n) return undefined;
  const at = m[0].indexOf(n);
  if (at >= 0 && m[0].lastIndexOf(n) === at) return [m.index + at, m.index + at + n.length];
  let sticky = WITH_INDICES.get(re);
  if (!sticky) WITH_INDICES.set(re, (sticky = new RegExp(re.source, 'yd')));
  sticky.lastIndex = m.index;
  return sticky.exec(s)?.indices?.groups?.n;
}

function holdsAny(s: string, words: string[]): boolean {
  for (let i = 0; i < words.length; i++) if (s.includes(words[i])) return true;
  return false;
}

/** The statements of one clause, appended to `out`. */
function clauseStatements(text: string, start: number, end: number, sentence: () => string, sectionAt: SectionAt, out: ProseStatement[]): void {
  if (end - start > MAX_CLAUSE) return;
  const { s, at } = squashed(text, start, end);
  // Every figure needs one of its cues in the clause; the caller passes only clauses where
  // cueStarts found one (a cue holds no white space or punctuation, so it is in `s` too).
  if (s.length < 4 || !HAS_FIGURE.test(s) || EXCLUDED.test(s)) return;
  const found: ProseStatement[] = [];
  const section = () => sectionAt(start);
  // The phrasings whose cues the clause holds, found once for both passes below.
  const cued: Compiled[] = [];
  for (const c of COMPILED) if (holdsAny(s, c.figure.cues)) cued.push(c);
  for (const c of cued) {
    if (!inContext(c.figure, sentence, section)) continue;
    for (const re of c.patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const span = numberSpan(re, s, m);
        const num = m.groups?.n ? toNumber(m.groups.n) : undefined;
        if (!span || !num) continue;
        found.push({ figure: c.figure, value: num.value, numeral: num.numeral, range: { start: at(span[0]), end: at(span[1] - 1) + 1 } });
      }
    }
  }
  for (const c of cued) {
    if (!c.zero.length || found.some((f) => f.figure === c.figure) || !inContext(c.figure, sentence, section)) continue;
    for (const re of c.zero) {
      re.lastIndex = 0;
      const m = re.exec(s);
      if (m) found.push({ figure: c.figure, value: 0, numeral: 'none', range: { start: at(m.index), end: at(m.index + m[0].length - 1) + 1 } });
    }
  }
  if (!found.length) return;
  // A number claimed by two phrasings means nothing certain.
  const ref = (f: ProseStatement) => FIGURE_KEY.get(f.figure) ?? JSON.stringify(f.figure.figure);
  const unique = found.filter((f, i) => !found.slice(0, i).some((g) => ref(g) === ref(f) && g.range.start === f.range.start));
  for (const f of unique) if (!unique.some((g) => g !== f && ref(g) !== ref(f) && g.range.start === f.range.start && g.range.end === f.range.end)) out.push(f);
}
