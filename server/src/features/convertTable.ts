/**
 * Converting a pasted table (tab-separated, one cell per line, HTML) to the Markdown table the
 * extension writes. The figures are carried over as their exact source text; a table whose
 * figures cannot all be placed (a row with the wrong number of values, figures in a row the
 * format does not have) is refused rather than converted with a figure lost.
 */
import { formats, templates, type BoundTable, type Locale, type OffsetRange, type Report } from '../report';
import { embeddedHtmlTables } from '../report/layouts/html';
import { looksLikeValue } from '../report/text/cellValue';
import type { OffsetEdit } from './fixAll';
import { t } from './strings';

/** The table whose lines hold `offset`. */
export function tableAt(report: Report, offset: number): BoundTable | undefined {
  const { lines } = report;
  const line = lines.positionAt(offset).line;
  return report.tables.find((table) => lines.positionAt(table.range.start).line <= line && line <= lines.positionAt(table.range.end).line);
}

export function isConvertible(table: BoundTable | undefined): table is BoundTable {
  return table !== undefined && table.layout !== 'markdown';
}

/** Tables of a page read as HTML are the page's own: they are not turned into Markdown in place. */
function convertibleIn(report: Report): boolean {
  return report.document.kind !== 'html';
}

/** Why the table cannot be converted without losing a figure; undefined when it can. */
function refusal(table: BoundTable, locale: Locale): string | undefined {
  const bad = table.rows.filter((r) => !r.cellCountMatches).length;
  if (bad) return t(locale, 'convertBadRows', { count: bad });
  const stray = table.otherRows.filter((r) => r.cells.some((c) => !c.empty && looksLikeValue(c.text))).length;
  if (stray) return t(locale, 'convertStrayValues', { count: stray });
  return undefined;
}

function renderMarkdown(table: BoundTable, eol: string): string {
  const text = new Map<string, string>();
  for (const row of table.rows) for (const cell of row.cells) text.set(`${cell.rowId}\u0000${cell.columnId}`, cell.raw.text);
  // A row the table lacks is written with blank cells, never with invented zeros.
  return templates.renderTable(table.kind, formats[table.format], (rowId, columnId) => text.get(`${rowId}\u0000${columnId}`) ?? '', eol);
}

function isBlankLine(report: Report, line: number): boolean {
  return line < 0 || line >= report.lines.lineCount || report.lines.lineText(line).trim() === '';
}

/** The replacement of the table at `offset` by its Markdown form, or why there is none. */
export function convertTableEdit(report: Report, offset: number, locale: Locale): { edit: OffsetEdit } | { error: string } {
  const table = tableAt(report, offset);
  if (!convertibleIn(report) || !isConvertible(table)) return { error: t(locale, 'convertNoTable') };
  const { lines, text } = report;
  const eol = lines.eol;

  let tables = [table];
  let range: OffsetRange = {
    start: lines.lineStarts[lines.positionAt(table.range.start).line],
    end: lines.lineEnd(lines.positionAt(table.range.end).line),
  };
  if (table.layout === 'html') {
    // Replace the whole <table> element, and with it every official table it holds.
    const region = embeddedHtmlTables(text, lines).find((r) => r.start <= table.range.start && table.range.end <= r.end);
    if (region) {
      range = { start: region.start, end: region.end };
      tables = report.tables.filter((x) => x.layout === 'html' && region.start <= x.range.start && x.range.end <= region.end);
    }
  }
  for (const x of tables) {
    const why = refusal(x, locale);
    if (why) return { error: t(locale, 'convertRefused', { reason: why }) };
  }

  let newText = tables.map((x) => renderMarkdown(x, eol)).join(eol + eol);
  const startPos = lines.positionAt(range.start);
  const endPos = lines.positionAt(range.end);
  // A Markdown table needs a blank line on either side, or the prose next to it joins it.
  if (startPos.character > 0) newText = eol + eol + newText;
  else if (!isBlankLine(report, startPos.line - 1)) newText = eol + newText;
  if (range.end < lines.lineEnd(endPos.line)) newText = newText + eol + eol;
  else if (endPos.line + 1 < lines.lineCount && !isBlankLine(report, endPos.line + 1)) newText = newText + eol;
  return { edit: { range, newText } };
}
