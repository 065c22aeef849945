/**
 * Section headings (FORMAT.md §1). Real headings vary — ordinal present, missing or lost
 * (、主动公开政府信息情况), full-width or ASCII punctuation, prefixed by 行政机关, worded as a
 * different section, with typos (行政法复议) — so a heading is recognised by its words; an
 * in-sequence ordinal with other words is accepted as a last resort.
 *
 * A heading is a line whose whole content is a heading, never a line that merely contains a
 * heading's words:
 * - sub-headings（（一）, 1.）and table row labels (一、本年新收…) are never headings;
 * - a line without an ordinal must end as a heading does (…情况, …事项) and must not continue
 *   the sentence above it: PDF text is hard-wrapped, and a wrapped line can happen to hold
 *   收到和处理…申请情况 or 行政复议和行政诉讼;
 * - converter captions (## 表三：收到和处理…) name a table, not a section;
 * - a line without an ordinal naming a section already seen is content (无其他需要报告的事项).
 */
import type { Format, SectionDef } from '../formats';
import type { Heading } from '../model';
import { detached, isTrimmedSpace, squash, parseOrdinal, trimRange, type Ordinal } from '../text/normalize';
import { matchLabel } from './labels';

const MAX_HEADING_LENGTH = 40;
// Headings are not sentences: punctuation that ends or joins clauses rules a line out.
const SENTENCE_PUNCTUATION = /[。；;，,！!？?]/;
/** A wrapped line continues a line of at least this many characters that does not end a sentence. */
const WRAP_MIN = 12;
const SENTENCE_END = /[。；;：:！!？?）)」』"”]$/;

export interface HeadingDetector {
  /** `previous`: the line just above, when it is a line of text (not blank, not a table row). */
  test(line: number, lineText: string, lineStart: number, previous?: string): boolean;
  headings: Heading[];
}

/** Where the heading's words are inside the line: markdown `#`, `**` and indentation stripped. */
const LEAD = /^[\s\u3000]*(#{1,6}[ \t]+)?(\*\*|__)?[\s\u3000]*/;

export function headingTextRange(lineText: string, lineStart: number): { start: number; end: number } {
  // Most lines start with their words: LEAD can match nothing there, and is not run.
  const c0 = lineText.charCodeAt(0);
  const marked = c0 === 35 /* # */ || c0 === 42 /* * */ || c0 === 95 /* _ */ || isTrimmedSpace(c0);
  const lead = marked ? LEAD.exec(lineText) : null;
  const s = lead ? lead[0].length : 0;
  // Trailing white space, closing #'s and a closing ** or __, scanned from the end.
  let e = lineText.length;
  const skip = (test: (c: string) => boolean) => {
    while (e > s && test(lineText[e - 1])) e--;
  };
  const space = (c: string) => c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';
  skip(space);
  skip((c) => c === '#');
  skip(space);
  if (e - s >= 2 && (lineText.slice(e - 2, e) === '**' || lineText.slice(e - 2, e) === '__')) e -= 2;
  const r = trimRange(lineText, s, e);
  return { start: lineStart + r.start, end: lineStart + r.end };
}

/** The sections whose words the text holds. */
function recognise(format: Format, squashed: string): SectionDef[] {
  return format.sections.filter((section) => section.recognisedBy.some((words) => words.every((w) => squashed.includes(w))));
}

/**
 * What a line's text alone says of it as a heading: nothing (it is none, wherever it stands), or
 * its heading text (offsets in the line), its ordinal and the sections its words name. What the
 * lines around it decide — a wrapped line, a section already seen, an ordinal in sequence — is
 * the detector's.
 */
interface LineReading {
  start: number;
  end: number;
  text: string;
  ordinal?: Ordinal;
  /** No ordinal, not even a lost one: the line must not continue the one above it. */
  unordered: boolean;
  candidates: SectionDef[];
}

/**
 * Readings by line text, per format. The same headings and captions recur in every report of a
 * batch (and a page's lines in the language server's every analysis): each is read once. Only
 * short lines without a sentence's punctuation get here; the texts are kept as strings of their
 * own (not views into the report), and the map is emptied when it grows past READINGS_KEPT.
 */
const readings = new WeakMap<Format, Map<string, LineReading | null>>();
const READINGS_KEPT = 5000;

function readLine(format: Format, lineText: string): LineReading | undefined {
  let known = readings.get(format);
  if (!known) readings.set(format, (known = new Map()));
  const hit = known.get(lineText);
  if (hit !== undefined) return hit ?? undefined;
  const reading = readUncached(format, lineText);
  if (known.size >= READINGS_KEPT) known.clear();
  known.set(detached(lineText), reading ?? null);
  return reading;
}

function readUncached(format: Format, lineText: string): LineReading | undefined {
  const endings = format.data.headingWords.endings;
  const captions = captionsOf(format);
  const range = headingTextRange(lineText, 0);
  const text = lineText.slice(range.start, range.end);
  if (!text || text.length > MAX_HEADING_LENGTH) return undefined;
  // A parenthesised line is a note or placeholder, never a heading.
  const open = text.charCodeAt(0);
  if ((open === 0xff08 /* （ */ || open === 40) && /^[（(].*[)）]$/.test(text)) return undefined;
  let squashed = squash(text);
  // An ordinal lost in extraction leaves its comma: 、主动公开政府信息情况.
  const lostOrdinal = squashed.startsWith('、');
  if (lostOrdinal) squashed = squashed.slice(1);
  if (captions.first.has(squashed.charCodeAt(0)) && captions.all.some((c) => squashed.startsWith(c))) return undefined;
  const ordinal = parseOrdinal(squashed);
  if (ordinal && ordinal.style !== 'cn' && ordinal.style !== 'section') return undefined;
  const words = ordinal ? squashed.slice(ordinal.length) : squashed;
  // Tried before the label lookup: most lines that get here are fragments of vertical headers.
  if (!ordinal && !lostOrdinal && !endings.some((e) => words.endsWith(e))) return undefined;
  if (matchLabel(text)) return undefined;
  // A line that lists the outline (一、总体情况 二、主动公开 …) is no heading.
  if (/[一二三四五六][、.．]/.test(words)) return undefined;
  const unordered = !ordinal && !lostOrdinal;
  if (unordered && /^[无未没]/.test(words)) return undefined;
  return { start: range.start, end: range.end, text: detached(text), ordinal, unordered, candidates: recognise(format, words) };
}

/** The format's caption prefixes (squashed), and their first characters: a line starting otherwise is no caption, with no search. */
const captionLists = new WeakMap<Format, { all: string[]; first: Set<number> }>();
function captionsOf(format: Format): { all: string[]; first: Set<number> } {
  let lists = captionLists.get(format);
  if (!lists) {
    const all = format.data.headingWords.captionPrefixes.map(squash);
    captionLists.set(format, (lists = { all, first: new Set(all.map((c) => c.charCodeAt(0))) }));
  }
  return lists;
}

export function createHeadingDetector(format: Format): HeadingDetector {
  const headings: Heading[] = [];
  const seen = new Set<string>();
  let lastNumber = 0;
  return {
    headings,
    test(line, lineText, lineStart, previousLine) {
      // A tab-led line is a table cell (seed 001 repeats section titles as table captions).
      if (lineText.startsWith('\t') || lineText.length > 2 * MAX_HEADING_LENGTH) return false;
      // The markers around the heading's words hold no punctuation: a line of prose is ruled
      // out before its heading text is cut out.
      if (SENTENCE_PUNCTUATION.test(lineText)) return false;
      const reading = readLine(format, lineText);
      if (!reading) return false;
      const { text, ordinal, candidates } = reading;
      if (reading.unordered) {
        const previous = previousLine?.trim();
        if (previous && previous.length >= WRAP_MIN && !SENTENCE_END.test(previous)) return false;
      }
      // Two sections' words in one line is an enumeration of the outline, not a heading.
      let section = candidates.length === 1 ? candidates[0] : candidates.find((s) => ordinal && s.number === ordinal.value);
      let matchedBy: Heading['matchedBy'] = 'words';
      if (!section && !candidates.length && ordinal && ordinal.value === lastNumber + 1 && ordinal.value <= 6 && text.length <= 25 && !/[：:]/.test(text)) {
        section = format.sections.find((s) => s.number === ordinal.value);
        matchedBy = 'ordinal';
      }
      if (!section) return false;
      if (!ordinal && seen.has(section.id)) return false;
      seen.add(section.id);
      lastNumber = section.number;
      const textRange = { start: lineStart + reading.start, end: lineStart + reading.end };
      headings.push({ section, lineRange: { start: lineStart, end: lineStart + lineText.length }, textRange, text, line, matchedBy, ordinal: ordinal?.value });
      return true;
    },
  };
}
