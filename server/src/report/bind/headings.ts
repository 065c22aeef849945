/**
 * Section headings (FORMAT.md §1). Real headings vary — ordinal present or missing, full-width
 * or ASCII punctuation, prefixed by 行政机关, worded as a different section — so a heading is
 * recognised by its words; an in-sequence ordinal with other words is accepted as a last
 * resort. Sub-headings（（一）, 1.）and table row labels (一、本年新收…) are never headings.
 */
import type { Format, SectionDef } from '../formats';
import type { Heading } from '../model';
import { squash, parseOrdinal, trimRange } from '../text/normalize';
import { matchLabel } from './labels';

const MAX_HEADING_LENGTH = 40;
// Headings are not sentences: punctuation that ends or joins clauses rules a line out.
const SENTENCE_PUNCTUATION = /[。；;，,！!？?]/;

export interface HeadingDetector {
  test(line: number, lineText: string, lineStart: number): boolean;
  headings: Heading[];
}

/** Where the heading's words are inside the line: markdown `#`, `**` and indentation stripped. */
const LEAD = /^[\s\u3000]*(#{1,6}[ \t]+)?(\*\*|__)?[\s\u3000]*/;

export function headingTextRange(lineText: string, lineStart: number): { start: number; end: number } {
  const lead = LEAD.exec(lineText);
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

function recognise(format: Format, squashed: string): SectionDef | undefined {
  for (const section of format.sections) {
    if (section.recognisedBy.some((words) => words.every((w) => squashed.includes(w)))) return section;
  }
  return undefined;
}

export function createHeadingDetector(format: Format): HeadingDetector {
  const headings: Heading[] = [];
  let lastNumber = 0;
  return {
    headings,
    test(line, lineText, lineStart) {
      // A tab-led line is a table cell (seed 001 repeats section titles as table captions).
      if (lineText.startsWith('\t') || lineText.length > 2 * MAX_HEADING_LENGTH) return false;
      const range = headingTextRange(lineText, lineStart);
      const text = lineText.slice(range.start - lineStart, range.end - lineStart);
      if (!text || text.length > MAX_HEADING_LENGTH || SENTENCE_PUNCTUATION.test(text)) return false;
      // A parenthesised line is a note or placeholder, never a heading.
      if (/^[（(].*[)）]$/.test(text)) return false;
      const squashed = squash(text);
      const ordinal = parseOrdinal(squashed);
      if (ordinal && ordinal.style !== 'cn' && ordinal.style !== 'section') return false;
      if (matchLabel(text)) return false;
      const words = ordinal ? squashed.slice(ordinal.length) : squashed;
      let section = recognise(format, words);
      let matchedBy: Heading['matchedBy'] = 'words';
      if (!section && ordinal && ordinal.value === lastNumber + 1 && ordinal.value <= 6 && text.length <= 25 && !/[：:]/.test(text)) {
        section = format.sections.find((s) => s.number === ordinal.value);
        matchedBy = 'ordinal';
      }
      if (!section) return false;
      lastNumber = section.number;
      headings.push({ section, lineRange: { start: lineStart, end: lineStart + lineText.length }, textRange: range, text, line, matchedBy, ordinal: ordinal?.value });
      return true;
    },
  };
}
