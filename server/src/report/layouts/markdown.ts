/**
 * Markdown pipe tables: the format the extension writes, and seed 002's loose variant with no
 * `|---|` separator and ragged trailing `| |||` cells.
 */
import type { RawCell, RawRow } from '../model';
import { trimRange } from '../text/normalize';

const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function isMarkdownSeparator(line: string): boolean {
  return line.includes('|') && line.includes('-') && SEPARATOR.test(line);
}

/** A line is a pipe-table row when it has an unescaped pipe at an edge or two inside. */
export function isMarkdownRow(line: string): boolean {
  if (!line.includes('|')) return false;
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 124 /* | */) pipes++;
  }
  if (pipes === 0) return false;
  const t = line.trim();
  return pipes >= 2 || t.startsWith('|') || t.endsWith('|');
}

export function markdownRow(text: string, start: number, end: number, line: number): RawRow {
  const bounds: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 124) bounds.push(i);
  }
  const first = trimRange(text, start, end);
  const segments: Array<[number, number]> = [];
  let from = start;
  for (const b of bounds) {
    segments.push([from, b]);
    from = b + 1;
  }
  segments.push([from, end]);
  // A leading pipe opens the row and a trailing pipe closes it: neither delimits a cell.
  if (bounds.length && bounds[0] === first.start) segments.shift();
  if (bounds.length && bounds[bounds.length - 1] === first.end - 1) segments.pop();

  const cells: RawCell[] = segments.map(([s, e]) => cellOf(text, s, e));
  return { layout: 'markdown', cells, range: { start, end }, startLine: line, endLine: line };
}

function unescapePipes(s: string): string {
  return s.includes('\\|') ? s.replace(/\\\|/g, '|') : s;
}

export function cellOf(text: string, s: number, e: number): RawCell {
  const r = trimRange(text, s, e);
  const empty = r.start === r.end;
  return {
    text: unescapePipes(text.slice(r.start, r.end)),
    range: empty ? { start: s, end: e } : r,
    inner: { start: s, end: e },
    empty,
  };
}
