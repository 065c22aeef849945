/**
 * Markdown pipe tables: the format the extension writes, and seed 002's loose variant with no
 * `|---|` separator and ragged trailing `| |||` cells.
 */
import type { RawCell, RawRow } from '../model';
import { isSpace, trimRange } from '../text/normalize';

// Matched on the line without its white space: with `\s*` on both sides of an optional `|`, a
// long run of blanks made the match quadratic.
const SEPARATOR = /^\|?:?-+:?(\|:?-+:?)*\|?$/;

export function isMarkdownSeparator(line: string): boolean {
  return line.includes('|') && line.includes('-') && SEPARATOR.test(line.replace(/\s+/g, ''));
}

/** A line is a pipe-table row when it has an unescaped pipe at an edge or two inside. */
export function isMarkdownRow(line: string): boolean {
  if (!line.includes('|')) return false;
  let pipes = 0;
  // Two pipes settle it: the rest of a long row is not read.
  for (let i = 0; i < line.length && pipes < 2; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 124 /* | */) pipes++;
  }
  if (pipes === 0) return false;
  if (pipes >= 2) return true;
  const t = line.trim();
  return t.startsWith('|') || t.endsWith('|');
}

export function markdownRow(text: string, start: number, end: number, line: number): RawRow {
  const bounds: number[] = [];
  let escapes = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      escapes = true;
      i++;
    } else if (c === 124) bounds.push(i);
  }
  const first = trimRange(text, start, end);
  // Cell k runs from the pipe before it to the pipe after it (the row's ends for the first and
  // the last). A leading pipe opens the row and a trailing pipe closes it: neither delimits a cell.
  const n = bounds.length;
  const firstCell = n && bounds[0] === first.start ? 1 : 0;
  const lastCell = n && bounds[n - 1] === first.end - 1 ? n - 1 : n;
  const cells: RawCell[] = [];
  for (let k = firstCell; k <= lastCell; k++) {
    const s = k === 0 ? start : bounds[k - 1] + 1;
    const e = k === n ? end : bounds[k];
    cells.push(cellOf(text, s, e, escapes));
  }
  return { layout: 'markdown', cells, range: { start, end }, startLine: line, endLine: line };
}

function unescapePipes(s: string): string {
  return s.includes('\\|') ? s.replace(/\\\|/g, '|') : s;
}

/**
 * The cell between offsets `s` and `e`, white space trimmed. `escapes`: the row holds a
 * backslash, so a cell may hold an escaped pipe. A cell with nothing to trim has one range
 * object for both its ranges (ranges are never changed): rows are most of a report's objects.
 */
export function cellOf(text: string, s: number, e: number, escapes = true): RawCell {
  let a = s;
  let b = e;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  const inner = { start: s, end: e };
  const empty = a === b;
  const raw = empty ? '' : text.slice(a, b);
  return {
    text: escapes ? unescapePipes(raw) : raw,
    range: empty || (a === s && b === e) ? inner : { start: a, end: b },
    inner,
    empty,
  };
}
