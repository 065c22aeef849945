/**
 * Reads the text into rows of cells, whatever layout the draft arrived in (FORMAT.md §7):
 * markdown pipe rows, tab-separated rows, space-separated rows of PDF text, runs of
 * one-cell-per-line, and HTML tables. Lines the caller recognises as section headings are kept
 * apart, so a heading never joins a row; page furniture (`— 4 —`) is skipped, so a table that
 * runs over a page break stays one table.
 *
 * One cell per line comes in three shapes: cells with blank lines between rows (Word), cells
 * separated by lines holding only `|` (a cell may then span lines: `本年新` / `制作数量`), and a
 * blank line after every cell. The last is told from paragraphs by what its lines are: labels
 * and figures, never sentences.
 */
import type { RawCell, RawRow } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { isTrimmedSpace, trimRange } from '../text/normalize';
import { looksLikeValue } from '../text/cellValue';
import { cellPerLineRow, type LineSpan } from './cellPerLine';
import { isPageFurniture } from './furniture';
import { embeddedHtmlTables } from './html';
import { isMarkdownRow, isMarkdownSeparator, markdownRow } from './markdown';
import { spacedRow, spacedValues } from './spaced';
import { isTsvRow, tsvRow } from './tsv';

export type Segment = { kind: 'row'; row: RawRow } | { kind: 'heading'; line: number };

export interface LayoutResult {
  segments: Segment[];
  /** Lines that are neither blank, headings, nor rows of a delimited (markdown/TSV/HTML) table. */
  textLines: number[];
}

export interface LayoutOptions {
  /** Rows a reader already split into cells (an HTML page's tables), in line order. */
  rows?: RawRow[];
  /**
   * Runs of lines may be tables of one cell per line. Not so in a page read as HTML, whose
   * paragraphs are lines with no blank line between them.
   */
  cellPerLine?: boolean;
  /** The text is a row label of the format (for space-separated rows and one-cell runs). */
  isLabel?: (text: string) => boolean;
}

/** `previous`: the line above, when it was a line of text (for telling wrapped lines from headings). */
export type IsHeading = (line: number, lineText: string, previous: string | undefined) => boolean;

/** A line holding only `|`: the separator between cells of a one-cell-per-line table. */
const CELL_SEPARATOR = /^[ \t]*\|[ \t]*$/;
/** A code fence opens or closes: its content is not read as tables. */
const FENCE = /^\s*(```|~~~)/;
/** `规章 |`: one cell and a closing pipe, a line of a one-cell-per-line table. */
function isOneCellPipe(lineText: string): boolean {
  const pipe = lineText.indexOf('|');
  return pipe > 0 && pipe === lineText.lastIndexOf('|') && lineText.slice(pipe + 1).trim() === '' && lineText.slice(0, pipe).trim() !== '';
}

/** Where `char` next occurs at or after `from`; past the end of the text when it does not. */
function nextIndexOf(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length + 1 : at;
}

type RunEntry = LineSpan | { separator: true; line: number };

const isSeparator = (e: RunEntry): e is { separator: true; line: number } => 'separator' in e;

export function readLayouts(text: string, lines: LineIndex, isHeading: IsHeading, options: LayoutOptions = {}): LayoutResult {
  const segments: Segment[] = [];
  const textLines: number[] = [];
  const htmlRegions = options.rows ? [] : embeddedHtmlTables(text, lines);
  const preRead = options.rows ?? [];
  const cellPerLine = options.cellPerLine ?? true;
  const isLabel = options.isLabel ?? (() => false);
  let nextRow = 0;
  let region = 0;
  /**
   * The first tab and the first pipe at or after the line being read, searched for in the
   * whole text as the lines pass them: most lines hold no pipe, and one search over the text
   * costs less than one per line.
   */
  let nextTab = -1;
  let nextPipe = -1;
  let run: RunEntry[] = [];
  let inFence = false;
  /** The previous line, when it was a line of text (for telling wrapped lines from headings). */
  let previous: string | undefined;
  /** Single-line runs, each followed by one blank line: maybe a table with a blank after every cell. */
  let singles: Array<{ span: LineSpan; segment: number }> = [];

  /** The run holds `|` separator lines (kept apart so the common run is a plain list of lines). */
  let runSeparated = false;
  const flushRun = () => {
    if (!run.length) return;
    if (runSeparated) {
      const spans = run.filter((e): e is LineSpan => !isSeparator(e));
      if (spans.length) {
        mergeSingles();
        segments.push({ kind: 'row', row: separatedRow(text, run) });
      }
    } else {
      const spans = run as LineSpan[];
      if (spans.length !== 1) mergeSingles();
      segments.push({ kind: 'row', row: cellPerLineRow(text, spans) });
      if (spans.length === 1) singles.push({ span: spans[0], segment: segments.length - 1 });
    }
    run = [];
    runSeparated = false;
  };
  const mergeSingles = () => {
    if (!singles.length) return;
    mergeBlankSeparated(text, segments, singles, isLabel);
    singles = [];
  };

  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);

    if (nextRow < preRead.length && preRead[nextRow].startLine === line) {
      flushRun();
      mergeSingles();
      const row = preRead[nextRow++];
      segments.push({ kind: 'row', row });
      line = row.endLine;
      previous = undefined;
      continue;
    }

    while (region < htmlRegions.length && htmlRegions[region].end <= start) region++;
    const html = htmlRegions[region];
    if (html && html.start < end && html.end > start) {
      flushRun();
      mergeSingles();
      for (const row of html.rows) segments.push({ kind: 'row', row });
      // Skip every line the table covers.
      while (line + 1 < lines.lineCount && lines.lineStarts[line + 1] < html.end) line++;
      region++;
      previous = undefined;
      continue;
    }

    const lineText = text.slice(start, end);
    // Where the content starts, found once: it tells a fence and a blank line apart without
    // scanning the line for ``` or trimming it.
    let lead = 0;
    while (lead < lineText.length && isTrimmedSpace(lineText.charCodeAt(lead))) lead++;
    const firstChar = lineText.charCodeAt(lead);
    if ((firstChar === 96 /* ` */ || firstChar === 126 /* ~ */) && FENCE.test(lineText)) inFence = !inFence;
    // A cell of a one-cell-per-line table starts with its tab: no search for it.
    if (nextTab < start) nextTab = text.charCodeAt(start) === 9 ? start : nextIndexOf(text, '\t', start);
    if (nextPipe < start) nextPipe = nextIndexOf(text, '|', start);
    const hasTab = nextTab < end;
    const hasPipe = nextPipe < end;
    if (lead === lineText.length && !hasTab) {
      flushRun();
      previous = undefined;
      // Two blank lines, or a blank line after a run of several lines, end a cell-per-blank table.
      if (singles.length && (segments.length - 1 !== singles[singles.length - 1].segment || (line > 0 && lines.lineText(line - 1).trim() === ''))) mergeSingles();
      continue;
    }
    if (!inFence && isPageFurniture(lineText)) continue;
    // Both kinds of separator line start with their marks (a pipe; a pipe, colon or dash).
    if (!inFence && cellPerLine && firstChar === 124 /* | */ && CELL_SEPARATOR.test(lineText)) {
      run.push({ separator: true, line });
      runSeparated = true;
      previous = undefined;
      continue;
    }
    if (!inFence && hasPipe && (firstChar === 124 || firstChar === 58 /* : */ || firstChar === 45 /* - */) && isMarkdownSeparator(lineText)) {
      flushRun();
      mergeSingles();
      previous = undefined;
      continue;
    }
    if (!inFence && hasPipe && isMarkdownRow(lineText) && !(cellPerLine && isOneCellPipe(lineText))) {
      flushRun();
      mergeSingles();
      segments.push({ kind: 'row', row: markdownRow(text, start, end, line) });
      previous = undefined;
      continue;
    }
    if (!inFence && hasTab && isTsvRow(lineText)) {
      flushRun();
      mergeSingles();
      segments.push({ kind: 'row', row: tsvRow(text, start, end, line) });
      previous = undefined;
      continue;
    }
    if (!inFence && isHeading(line, lineText, previous)) {
      flushRun();
      mergeSingles();
      segments.push({ kind: 'heading', line });
      previous = undefined;
      continue;
    }
    // A tab-led line is a cell of a one-cell-per-line table, never a space-separated row.
    if (!inFence && lineText.charCodeAt(0) !== 9) {
      const spaced = spacedValues(lineText);
      if (spaced) {
        const label = lineText.slice(0, spaced.labelEnd);
        // The label may have been broken over the line above: `5.要求行政机关确认或` / `重新出具…`.
        const last = run[run.length - 1];
        const above = last && !isSeparator(last) && last.line === line - 1 ? last : undefined;
        const joined = spaced.labelEnd > 0 && above && !isLabel(label) && isLabel(text.slice(above.start, above.end) + label) ? above : undefined;
        if (joined || isLabel(label) || spaced.labelEnd === 0) {
          if (joined) {
            run.pop();
            textLines.pop();
          }
          flushRun();
          mergeSingles();
          segments.push({ kind: 'row', row: spacedRow(text, joined ? joined.start : start, joined ? joined.line : line, start, end, line, spaced.labelEnd) });
          previous = undefined;
          continue;
        }
      }
    }
    textLines.push(line);
    // `规章 |` in a run of one-cell lines: the pipe closes the cell.
    const pipe = cellPerLine && hasPipe && isOneCellPipe(lineText) ? lineText.lastIndexOf('|') : -1;
    run.push({ line, start, end: pipe >= 0 ? start + pipe : end });
    if (!cellPerLine) flushRun();
    previous = lineText;
  }
  flushRun();
  mergeSingles();
  return { segments, textLines };
}

/** A run whose cells are separated by `|` lines: the lines between two separators are one cell. */
function separatedRow(text: string, run: RunEntry[]): RawRow {
  const cells: RawCell[] = [];
  let group: LineSpan[] = [];
  const close = () => {
    if (!group.length) return;
    const first = group[0];
    const last = group[group.length - 1];
    const r = trimRange(text, first.start, last.end);
    // The cell's text is its lines joined: a label wrapped in its cell reads as one.
    const joined = group.map((g) => text.slice(g.start, g.end).trim()).join('');
    cells.push({ text: joined, range: r, inner: { start: first.start, end: last.end }, empty: r.start === r.end });
    group = [];
  };
  for (const e of run) {
    if (isSeparator(e)) close();
    else group.push(e);
  }
  close();
  const spans = run.filter((e): e is LineSpan => !isSeparator(e));
  const first = spans[0];
  const last = spans[spans.length - 1];
  return { layout: 'cell-per-line', cells, range: { start: first.start, end: last.end }, startLine: first.line, endLine: last.line };
}

/**
 * Runs of one line each, one blank line apart, that are labels and figures: a table written
 * with a blank line after every cell. They become one run (split into rows at labels later).
 * A sentence among them means they are paragraphs, and they stay apart.
 */
function mergeBlankSeparated(text: string, segments: Segment[], singles: Array<{ span: LineSpan; segment: number }>, isLabel: (t: string) => boolean): void {
  if (singles.length < 6) return;
  const texts = singles.map((s) => text.slice(s.span.start, s.span.end).trim());
  if (texts.some((t) => t.length > 40 || /[。；！？]$/.test(t))) return;
  const labels = texts.filter((t) => isLabel(t)).length;
  const values = texts.filter((t) => looksLikeValue(t)).length;
  if (labels < 2 || values < 3) return;
  const first = singles[0].segment;
  const merged = cellPerLineRow(text, singles.map((s) => s.span));
  // The singles are the last segments pushed, in order: replace them by the merged run.
  if (singles[singles.length - 1].segment !== segments.length - 1 || singles.some((s, i) => s.segment !== first + i)) return;
  segments.splice(first, singles.length, { kind: 'row', row: merged });
}
