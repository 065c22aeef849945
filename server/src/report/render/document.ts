/**
 * A parsed report as the document it stands for, whatever it was read from: its title, its
 * paragraphs, its section headings and its tables, in order, each table's figures as they are
 * written (a blank stays blank, a "/" stays a "/"). Markdown drafts, the published HTML, the
 * preview and the Word export are all written from this one walk, so what one shows the
 * others show.
 *
 * Nothing is invented: a section the report lacks is not added, a row it lacks is not added
 * (the checker says so), and a table the reader could not read with confidence is carried as
 * its lines of text, not guessed into a grid.
 */
import { formats, type Format } from '../formats';
import type { BoundCell, BoundRow, BoundTable, Heading, Report } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import { squash } from '../text/normalize';

export type DocumentItem =
  | { kind: 'title'; text: string; range: OffsetRange }
  | { kind: 'heading'; text: string; heading: Heading; range: OffsetRange }
  | { kind: 'paragraph'; text: string; range: OffsetRange }
  | { kind: 'table'; table: BoundTable; format: Format; range: OffsetRange }
  /** A table that could not be read with confidence: its lines as they are. */
  | { kind: 'raw'; lines: string[]; range: OffsetRange; table: BoundTable['kind'] };

export function documentItems(report: Report): DocumentItem[] {
  const items: DocumentItem[] = [];
  const { lines } = report;
  const lineRange = (line: number): OffsetRange => ({ start: lines.lineStarts[line], end: lines.lineEnd(line) });
  const titleLines = new Set<number>();
  if (report.title) {
    const first = lines.positionAt(report.title.range.start).line;
    const last = lines.positionAt(report.title.range.end).line;
    for (let l = first; l <= last; l++) titleLines.add(l);
    items.push({ kind: 'title', text: report.title.text.replace(/\s*\n\s*/g, ''), range: report.title.range });
  }
  for (const h of report.headings) items.push({ kind: 'heading', text: h.text, heading: h, range: h.lineRange });
  const unreadableLines = new Set<number>();
  for (const u of report.unreadable) {
    const raw: string[] = [];
    for (let l = u.lines.first; l <= u.lines.last; l++) {
      unreadableLines.add(l);
      raw.push(lines.lineText(l));
    }
    items.push({ kind: 'raw', lines: raw, range: u.range, table: u.kind });
  }
  const captions = new Set(Object.values(formats).flatMap((f) => f.activeDisclosure.blocks.map((b) => squash(b.caption.zh))));
  const inTable = (offset: number) => report.tables.some((t) => t.range.start <= offset && offset < t.range.end);
  for (const line of report.proseLines) {
    if (titleLines.has(line) || unreadableLines.has(line)) continue;
    const t = lines.lineText(line).trim();
    if (!t) continue;
    // A table's own caption (第二十条第（一）项): the table writes it.
    if (inTable(lines.lineStarts[line]) || captions.has(squash(t.replace(/\*\*/g, '')))) continue;
    items.push({ kind: 'paragraph', text: t, range: lineRange(line) });
  }
  for (const table of report.tables) {
    if (report.unreadable.some((u) => u.range.start <= table.range.start && table.range.end <= u.range.end)) continue;
    items.push({ kind: 'table', table, format: formats[table.format], range: table.range });
  }
  items.sort((a, b) => a.range.start - b.range.start || order(a) - order(b));
  return items;
}

const order = (i: DocumentItem) => (i.kind === 'title' ? 0 : i.kind === 'heading' ? 1 : 2);

/** The cell of a table at a row and column of the format, if the table has it. */
export function cellAt(table: BoundTable, rowId: string, columnId: string): BoundCell | undefined {
  const row = table.rows.find((r) => r.id === rowId);
  return row?.cells.find((c) => c.columnId === columnId);
}

/** A row whose figures did not match the columns: its cells as written, in order. */
export function rowAt(table: BoundTable, rowId: string): BoundRow | undefined {
  return table.rows.find((r) => r.id === rowId);
}

/**
 * A value cell's text as written. A blank merged down from the row above (a spanned cell)
 * is blank: the figure was counted where it was written.
 */
export function cellText(cell: BoundCell | undefined): string {
  if (!cell) return '';
  return cell.raw.spanned ? '' : cell.raw.text.trim();
}
