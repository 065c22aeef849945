/**
 * HTML tables inside a Markdown or text draft (a table pasted from a portal page into the
 * draft). The text around them stays text; each outermost <table> is read by the HTML parser
 * (readers/htmlTables.ts: rowspan/colspan, entities, Word-pasted runs) into rows whose cells
 * carry their offsets in the draft itself.
 *
 * A table whose end tag is missing ends at its last row: the text after it is the report's,
 * not the table's (an unclosed `<table` must not swallow every heading after it).
 */
import type { RawCell, RawRow } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { childrenOf, endOf, innerRange, isElement, parseHtml, startOf, tagOf, type Element, type Node } from '../readers/htmlDom';
import { isLayoutTable, tableGrid, type GridCell } from '../readers/htmlTables';

export interface HtmlTableRegion {
  start: number;
  end: number;
  rows: RawRow[];
}

const TABLE_TAG = /<table[\s>/]/i;

function cellOf(cell: GridCell): RawCell {
  const pieces = cell.pieces;
  const text = pieces.map((p) => p.ch).join('');
  if (cell.spanned) return { text: '', range: { start: cell.insertAt, end: cell.insertAt }, inner: { start: cell.insertAt, end: cell.insertAt }, empty: true, spanned: true };
  if (!pieces.length) return { text: '', range: cell.inner, inner: cell.inner, empty: true };
  return { text, range: { start: pieces[0].start, end: pieces[pieces.length - 1].end }, inner: cell.inner, empty: false };
}

function outermostTables(text: string, node: Node, out: Element[]): void {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (tagOf(child) === 'table' && !isLayoutTable(text, child)) out.push(child);
    else outermostTables(text, child, out);
  }
}

export function embeddedHtmlTables(given: string, lines: LineIndex): HtmlTableRegion[] {
  if (!TABLE_TAG.test(given)) return [];
  const tables: Element[] = [];
  const { doc, source: text } = parseHtml(given);
  outermostTables(text, doc, tables);
  const regions: HtmlTableRegion[] = [];
  for (const table of tables) {
    const rows: RawRow[] = [];
    for (const row of tableGrid(text, table)) {
      if (!row.cells.length) continue;
      const range = { start: startOf(row.element), end: endOf(row.element) };
      rows.push({
        layout: 'html',
        cells: row.cells.map(cellOf),
        range,
        source: range,
        startLine: lines.positionAt(range.start).line,
        endLine: lines.positionAt(Math.max(range.start, range.end - 1)).line,
      });
    }
    const closed = /<\/table\s*>$/i.test(text.slice(Math.max(0, endOf(table) - 12), endOf(table)));
    const end = closed ? endOf(table) : rows.length ? rows[rows.length - 1].range.end : innerRange(text, table).start;
    regions.push({ start: startOf(table), end, rows });
  }
  // Foster parenting can order the tree differently from the text; regions go in text order.
  return regions.sort((a, b) => a.start - b.start).filter((r, i, all) => i === 0 || r.start >= all[i - 1].end);
}
