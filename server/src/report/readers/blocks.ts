/**
 * What the readers of binary files (.docx, .pdf) hand on: the file as blocks — paragraphs, and
 * table rows already split into cells — each with its address in the file (page, paragraph,
 * table, row, column). The blocks are written out as the text the parser reads, one block a
 * line (a row's cells tab-separated, as the HTML reader writes them), and the addresses kept
 * per line, so a finding can name the paragraph or the cell it is about: the text is the
 * extracted text itself (its map is the identity), and the address says where in the file it is.
 */
import type { RawCell, RawRow } from '../model';
import type { Locale } from '../formats';
import { LineIndex } from '../text/lineIndex';
import { identityMap } from './sourceMap';
import { isSectionHeading } from './html';
import { namesReport } from '../bind/title';
import type { ReadDocument } from './index';

export type BinaryKind = 'docx' | 'pdf';

/** Where a line of the extracted text stands in the file. Numbers are 1-based. */
export interface LineAddress {
  page?: number;
  paragraph?: number;
  /** The table's number among the file's tables, and the row's within it. */
  table?: number;
  row?: number;
  /** A table row: the grid column (1-based) each cell of the line starts in. */
  columns?: number[];
}

export interface BlockCell {
  text: string;
  /** A blank standing for a merged cell of an earlier row (vMerge, rowspan). */
  spanned?: boolean;
  /** The grid column it starts in (0-based). */
  column: number;
}

export type Block =
  | { kind: 'paragraph'; text: string; address: LineAddress }
  | { kind: 'row'; cells: BlockCell[]; address: LineAddress };

/** Tabs and line breaks inside a cell or paragraph would make rows of their own. */
const cellText = (s: string) => s.replace(/[\t\r\n\u000b\f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
const lineOf = (s: string) => trimBlanksEnd(s.replace(/[\r\n\u000b\f]+/g, ' '));

/** Spaces and no-break spaces off the end (a `[ ]+$` regex is quadratic on long runs of blanks inside). */
function trimBlanksEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\u00a0')) end--;
  return s.slice(0, end);
}

/**
 * Where the report starts: a PDF printed from a portal page, or a page saved as Word, opens
 * with the site's navigation and breadcrumb; the report starts at its title, the last line
 * naming the report before the first section heading (as the HTML reader finds the article).
 */
function reportStart(blocks: Block[]): number {
  const firstHeading = blocks.findIndex((b, i) => i < 400 && b.kind === 'paragraph' && isSectionHeading(b.text));
  if (firstHeading <= 0) return 0;
  for (let i = firstHeading - 1; i >= 0; i--) {
    const b = blocks[i];
    // A title line ends with the report's name (a sentence naming the format does not).
    if (b.kind !== 'paragraph' || b.text.trim().length > 60 || !namesReport(b.text)) continue;
    // 2020年政府信息公开年度报告 under the body's name on a line of its own: the title is both.
    const above = blocks[i - 1];
    const bodyAbove = /^\s*(19|20)\d{2}\s*年/.test(b.text) && above?.kind === 'paragraph' && above.text.trim().length <= 30 && !/[，。,.：:>|»]/.test(above.text);
    return bodyAbove ? i - 1 : i;
  }
  return 0;
}

export function writeBlocks(kind: BinaryKind, all: Block[]): ReadDocument {
  const blocks = all.slice(reportStart(all));
  const parts: string[] = [];
  const rows: RawRow[] = [];
  const lines: LineAddress[] = [];
  let length = 0;
  for (const block of blocks) {
    const lineNo = lines.length;
    const lineStart = length;
    if (block.kind === 'paragraph') {
      const text = lineOf(block.text);
      if (!text.trim()) continue;
      parts.push(text, '\n');
      length += text.length + 1;
      lines.push(block.address);
      continue;
    }
    if (!block.cells.some((c) => cellText(c.text))) continue;
    const cells: RawCell[] = [];
    block.cells.forEach((c, k) => {
      const text = c.spanned ? '' : cellText(c.text);
      const start = length;
      parts.push(text);
      length += text.length;
      const range = { start, end: length };
      cells.push({ text, range, inner: range, empty: text.length === 0, ...(c.spanned ? { spanned: true as const } : {}) });
      parts.push(k < block.cells.length - 1 ? '\t' : '\n');
      length++;
    });
    rows.push({ layout: 'html', cells, range: { start: lineStart, end: length - 1 }, startLine: lineNo, endLine: lineNo });
    lines.push({ ...block.address, columns: block.cells.map((c) => c.column + 1) });
  }
  const text = parts.join('');
  return { kind, source: text, text, map: identityMap, rows, lines };
}

/** A place in a binary file, as a finding names it. */
export interface Location extends Omit<LineAddress, 'columns'> {
  column?: number;
  /** The extracted line the finding is on (cells separated by ` | `). */
  lineText: string;
}

/** Where the character at `offset` of a binary file's extracted text is. */
export function locate(document: ReadDocument, offset: number, lines = new LineIndex(document.text)): Location | undefined {
  if (!document.lines) return undefined;
  const { line, character } = lines.positionAt(offset);
  const address = document.lines[Math.min(line, document.lines.length - 1)];
  if (!address) return undefined;
  const raw = lines.lineText(line);
  const { columns, ...rest } = address;
  const location: Location = { ...rest, lineText: raw.split('\t').join(' | ') };
  if (columns) {
    let cell = 0;
    for (let i = 0; i < character && i < raw.length; i++) if (raw.charCodeAt(i) === 9) cell++;
    location.column = columns[Math.min(cell, columns.length - 1)];
  }
  return location;
}

/** `第 3 页，表格 2 第 5 行第 9 列` / `page 3, table 2, row 5, column 9`. */
export function describeLocation(location: Omit<Location, 'lineText'>, locale: Locale): string {
  const parts: string[] = [];
  const en = locale === 'en';
  if (location.page !== undefined) parts.push(en ? `page ${location.page}` : `第 ${location.page} 页`);
  if (location.table !== undefined) {
    let cell = en ? `table ${location.table}` : `表格 ${location.table}`;
    if (location.row !== undefined) cell += en ? `, row ${location.row}` : ` 第 ${location.row} 行`;
    if (location.column !== undefined) cell += en ? `, column ${location.column}` : `第 ${location.column} 列`;
    parts.push(cell);
  } else if (location.paragraph !== undefined) parts.push(en ? `paragraph ${location.paragraph}` : `第 ${location.paragraph} 段`);
  return parts.join(en ? ', ' : '，');
}
