/**
 * HTML tables as published on government portals: `<table>` with rowspan/colspan and `&nbsp;`
 * for empty cells. Written by hand rather than with an HTML parser because we need the source
 * offset of every cell's text, and portal HTML is a small, regular subset.
 */
import type { RawCell, RawRow } from '../model';
import type { LineIndex } from '../text/lineIndex';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", emsp: ' ', ensp: ' ', ldquo: '“', rdquo: '”', mdash: '—' };

export interface Region {
  start: number;
  end: number;
}

/** `<table …> … </table>` regions, outermost only. */
export function findHtmlTables(text: string): Region[] {
  const regions: Region[] = [];
  if (!/<table[\s>]/i.test(text)) return regions;
  const re = /<(\/?)table\b[^>]*>/gi;
  let depth = 0;
  let start = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[1]) {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) {
      regions.push({ start, end: m.index + m[0].length });
    }
  }
  // An unclosed table runs to the end of the text: better a partial table than none.
  if (depth > 0 && start >= 0) regions.push({ start, end: text.length });
  return regions;
}

interface Piece {
  start: number;
  end: number;
  text: string;
}

function pieces(text: string, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = text.indexOf('>', i);
      // Tags inside a cell (<p>, <span>, <br>) are dropped and the text joined: a label wrapped
      // over two lines reads as one, as it does in Chinese.
      i = close < 0 || close >= end ? end : close + 1;
      continue;
    }
    if (c === 38 /* & */) {
      const semi = text.indexOf(';', i);
      if (semi > i && semi - i <= 10 && semi < end) {
        const name = text.slice(i + 1, semi);
        let decoded: string | undefined = ENTITIES[name.toLowerCase()];
        if (decoded === undefined && name.startsWith('#')) {
          const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
          if (Number.isFinite(code) && code > 0 && code < 0x110000) decoded = String.fromCodePoint(code);
        }
        if (decoded !== undefined) {
          out.push({ start: i, end: semi + 1, text: decoded });
          i = semi + 1;
          continue;
        }
      }
    }
    out.push({ start: i, end: i + 1, text: text[i] });
    i++;
  }
  return out;
}

function htmlCell(text: string, start: number, end: number): RawCell {
  const ps = pieces(text, start, end);
  const isBlank = (p: Piece) => /^[\s\u00a0\u3000]*$/.test(p.text);
  let a = 0;
  let b = ps.length - 1;
  while (a <= b && isBlank(ps[a])) a++;
  while (b >= a && isBlank(ps[b])) b--;
  if (a > b) {
    return { text: '', range: { start, end }, inner: { start, end }, empty: true };
  }
  const content = ps
    .slice(a, b + 1)
    .map((p) => p.text)
    .join('');
  return { text: content, range: { start: ps[a].start, end: ps[b].end }, inner: { start, end }, empty: false };
}

export function htmlRows(text: string, region: Region, lines: LineIndex): RawRow[] {
  const rows: RawRow[] = [];
  const re = /<(\/?)(tr|td|th|table)\b[^>]*>/gi;
  re.lastIndex = region.start;
  let row: { start: number; cells: RawCell[] } | undefined;
  let cellStart = -1;
  const closeCell = (at: number) => {
    if (row && cellStart >= 0) row.cells.push(htmlCell(text, cellStart, at));
    cellStart = -1;
  };
  const closeRow = (at: number) => {
    closeCell(at);
    if (row && row.cells.length) {
      const range = { start: row.start, end: at };
      rows.push({
        layout: 'html',
        cells: row.cells,
        range,
        startLine: lines.positionAt(range.start).line,
        endLine: lines.positionAt(range.end).line,
      });
    }
    row = undefined;
  };
  for (let m = re.exec(text); m && m.index < region.end; m = re.exec(text)) {
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'tr') {
      if (!closing) {
        closeRow(m.index);
        row = { start: m.index, cells: [] };
      } else closeRow(m.index + m[0].length);
    } else if (tag === 'td' || tag === 'th') {
      if (!closing) {
        closeCell(m.index);
        if (!row) row = { start: m.index, cells: [] };
        cellStart = m.index + m[0].length;
      } else closeCell(m.index);
    } else if (tag === 'table' && closing) {
      closeRow(m.index);
    }
  }
  closeRow(region.end);
  return rows;
}
