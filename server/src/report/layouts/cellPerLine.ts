/**
 * One cell per line: Word tables extracted to text (seeds 000, 001). Each cell on its own line,
 * often indented by a tab, blank lines between rows; vertical headers arrive one character
 * per line. A run of non-blank lines becomes one row whose cells are its lines.
 */
import type { RawCell, RawRow } from '../model';
import { cellOf } from './markdown';

export interface LineSpan {
  line: number;
  start: number;
  end: number;
}

export function cellPerLineRow(text: string, lines: LineSpan[]): RawRow {
  const cells: RawCell[] = [];
  for (const { start, end } of lines) {
    // The indent (a tab, or spaces before one) is not part of the cell.
    let s = start;
    while (s < end && (text.charCodeAt(s) === 9 || text.charCodeAt(s) === 32)) s++;
    if (s > start && text.charCodeAt(s - 1) !== 9) s = start;
    cells.push(cellOf(text, s, end, false));
  }
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
  /** Where `current` starts in the row's cells. */
  let first = 0;
  let hasValues = false;
  const flush = () => {
    if (!current.length) return;
    const startLine = row.startLine + first;
    const endLine = row.startLine + first + current.length - 1;
    out.push({
      layout: row.layout,
      cells: current,
      range: { start: current[0].inner.start, end: current[current.length - 1].inner.end },
      startLine,
      endLine,
    });
  };
  for (let i = 0; i < row.cells.length; i++) {
    const cell = row.cells[i];
    if (hasValues && isLabel(cell)) {
      flush();
      current = [];
      first = i;
      hasValues = false;
    }
    current.push(cell);
    if (!cell.empty && isValue(cell)) hasValues = true;
  }
  flush();
  return out.length > 1 ? out : [row];
}

/** Table 四's figures follow its header words in one run of cells: at least this many in a row. */
const VALUE_RUN = 10;

/**
 * Split off a trailing run of figures from the header words before it: table 四 written one
 * cell per line has no row label, only headers and then its fifteen figures.
 */
export function splitTrailingValues(row: RawRow, isValue: (cell: RawCell) => boolean): RawRow[] {
  if (row.cells.length <= VALUE_RUN) return [row];
  let k = row.cells.length;
  while (k > 0 && !row.cells[k - 1].empty && isValue(row.cells[k - 1])) k--;
  if (row.cells.length - k < VALUE_RUN || k === 0 || row.cells.slice(0, k).every((c) => c.empty || isValue(c))) return [row];
  const part = (cells: RawCell[], first: number): RawRow => ({
    layout: row.layout,
    cells,
    range: { start: cells[0].inner.start, end: cells[cells.length - 1].inner.end },
    startLine: row.startLine + first,
    endLine: row.startLine + first + cells.length - 1,
  });
  // Lines and cells correspond one to one in a plain run; a run with `|` separators keeps its span.
  const oneToOne = row.endLine - row.startLine + 1 === row.cells.length;
  const head = part(row.cells.slice(0, k), 0);
  const tail = part(row.cells.slice(k), k);
  if (!oneToOne) {
    head.startLine = row.startLine;
    head.endLine = row.startLine;
    tail.startLine = row.endLine;
    tail.endLine = row.endLine;
  }
  return [head, tail];
}
