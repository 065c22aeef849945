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
  patterns: figure.patterns.map((p) => new RegExp(p.replace(/N/g, NUMBER).replace(/ U/g, UNIT), 'gd')),
  zero: (figure.zeroPatterns ?? []).map((p) => new RegExp(p, 'gd')),
}));

/** A clause states a figure only with a number in it or a word of negation. */
const HAS_FIGURE = /[0-9０-９零〇一二两三四五六七八九十百千万无未没]/;

const CLAUSE_BREAK = /[，。；;！!？?\n]|,(?![0-9]{3})/;

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
        for (let k = 0; k < clause.length; k++) if (!SPACE.test(clause[k])) map.push(start + k);
      }
      return map[i];
    },
  };
}

const EXCLUDED = new RegExp(narrativeExclusions.map((w) => w.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('|'));

const SENTENCE_BREAK = /[。；;！!？?]/;

/** Any cue of any figure: a line with none states nothing, and is not split into clauses. */
const ANY_CUE = new RegExp([...new Set(narrativeFigures.flatMap((f) => f.cues))].join('|'));

/** The section a text offset lies in (by section id), for figures that section 四's context decides. */
export type SectionAt = (offset: number) => string | undefined;

export function findStatements(text: string, lines: LineIndex, proseLines: number[], sectionAt: SectionAt = () => undefined): ProseStatement[] {
  const out: ProseStatement[] = [];
  for (const line of proseLines) {
    const lineStart = lines.lineStarts[line];
    const lineText = lines.lineText(line);
    // The cue words are tried on the line as it is, and only squashed when it has white space.
    if (!ANY_CUE.test(lineText) && !(/[\s\u3000]/.test(lineText) && ANY_CUE.test(lineText.replace(/[\s\u3000]+/g, '')))) continue;
    let sentenceFrom = 0;
    while (sentenceFrom <= lineText.length) {
      const sm = SENTENCE_BREAK.exec(lineText.slice(sentenceFrom));
      const sentenceTo = sm ? sentenceFrom + sm.index : lineText.length;
      const sentence = sentenceTo - sentenceFrom > 4 * MAX_CLAUSE ? '' : lineText.slice(sentenceFrom, sentenceTo).replace(/\s+/g, '');
      let from = sentenceFrom;
      while (from < sentenceTo) {
        const m = CLAUSE_BREAK.exec(lineText.slice(from, sentenceTo));
        const to = m ? from + m.index : sentenceTo;
        if (to > from) out.push(...clauseStatements(text, lineStart + from, lineStart + to, sentence, sectionAt));
        from = to + 1;
      }
      sentenceFrom = sentenceTo + 1;
    }
  }
  return out;
}

function inContext(figure: NarrativeFigure, sentence: string, section: () => string | undefined): boolean {
  const c = figure.context;
  if (!c) return true;
  if (c.excludes?.some((w) => sentence.includes(w))) return false;
  if (!c.requires || c.requires.some((w) => sentence.includes(w))) return true;
  return c.orInSection !== undefined && section() === c.orInSection;
}

/** Prose clauses are short; a run of thousands of characters with no punctuation is not prose. */
const MAX_CLAUSE = 400;

function clauseStatements(text: string, start: number, end: number, sentence: string, sectionAt: SectionAt): ProseStatement[] {
  if (end - start > MAX_CLAUSE) return [];
  const { s, at } = squashed(text, start, end);
  if (s.length < 4 || !HAS_FIGURE.test(s) || EXCLUDED.test(s)) return [];
  const found: ProseStatement[] = [];
  for (const c of COMPILED) {
    if (!c.figure.cues.some((cue) => s.includes(cue)) || !inContext(c.figure, sentence, () => sectionAt(start))) continue;
    for (const re of c.patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const span = m.indices?.groups?.n;
        const num = m.groups?.n ? toNumber(m.groups.n) : undefined;
        if (!span || !num) continue;
        found.push({ figure: c.figure, value: num.value, numeral: num.numeral, range: { start: at(span[0]), end: at(span[1] - 1) + 1 } });
      }
    }
  }
  for (const c of COMPILED) {
    if (!c.zero.length || found.some((f) => f.figure === c.figure) || !c.figure.cues.some((cue) => s.includes(cue)) || !inContext(c.figure, sentence, () => sectionAt(start))) continue;
    for (const re of c.zero) {
      re.lastIndex = 0;
      const m = re.exec(s);
      if (m) found.push({ figure: c.figure, value: 0, numeral: 'none', range: { start: at(m.index), end: at(m.index + m[0].length - 1) + 1 } });
    }
  }
  // A number claimed by two phrasings means nothing certain.
  const ref = (f: ProseStatement) => JSON.stringify(f.figure.figure);
  const unique = found.filter((f, i) => !found.slice(0, i).some((g) => ref(g) === ref(f) && g.range.start === f.range.start));
  return unique.filter((f) => !unique.some((g) => g !== f && ref(g) !== ref(f) && g.range.start === f.range.start && g.range.end === f.range.end));
}
