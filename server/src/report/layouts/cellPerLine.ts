/**
 * One cell per line: Word tables extracted to text (seeds 000, 001). Each cell on its own line,
 * often indented by a tab, blank lines between rows; vertical headers arrive one character
 * per line. A run of non-blank lines becomes one row whose cells are its lines.
 */
import type { RawCell, RawRow } from '../model';
import { trimRange } from '../text/normalize';

export interface LineSpan {
  line: number;
  start: number;
  end: number;
}

export function cellPerLineRow(text: string, lines: LineSpan[]): RawRow {
  const cells: RawCell[] = lines.map(({ start, end }) => {
    // The indent (a tab, or spaces before one) is not part of the cell.
    let s = start;
    while (s < end && (text.charCodeAt(s) === 9 || text.charCodeAt(s) === 32)) s++;
    if (s > start && text.charCodeAt(s - 1) !== 9) s = start;
    const r = trimRange(text, s, end);
    const empty = r.start === r.end;
    return { text: text.slice(r.start, r.end), range: empty ? { start: s, end } : r, inner: { start: s, end }, empty };
  });
  const first = lines[0];
  const last = lines[lines.length - 1];
  return { layout: 'cell-per-line', cells, range: { start: first.start, end: last.end }, startLine: first.line, endLine: last.line };
}

/**
 * Split a run's cells into rows where the run holds several labelled rows with no blank line
 * between them: a new row starts at a label cell once the current row has values.
 */
export function splitAtLabels(row: RawRow, isLabel: (cell: RawCell) => boolean, isValue: (cell: RawCell) => boolean): RawRow[] {
  const out: RawRow[] = [];
  let current: RawCell[] = [];
  let hasValues = false;
  const flush = () => {
    if (!current.length) return;
    const startLine = row.startLine + row.cells.indexOf(current[0]);
    const endLine = row.startLine + row.cells.indexOf(current[current.length - 1]);
    out.push({
      layout: row.layout,
      cells: current,
      range: { start: current[0].inner.start, end: current[current.length - 1].inner.end },
      startLine,
      endLine,
    });
  };
  for (const cell of row.cells) {
    if (hasValues && isLabel(cell)) {
      flush();
      current = [];
      hasValues = false;
    }
    current.push(cell);
    if (!cell.empty && isValue(cell)) hasValues = true;
  }
  flush();
  return out.length > 1 ? out : [row];
}
