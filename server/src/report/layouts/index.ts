/**
 * Reads the text into rows of cells, whatever layout the draft arrived in (FORMAT.md §7):
 * markdown pipe rows, tab-separated rows, runs of one-cell-per-line, and HTML tables. Lines
 * the caller recognises as section headings are kept apart, so a heading never joins a row.
 */
import type { RawRow } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { cellPerLineRow, type LineSpan } from './cellPerLine';
import { embeddedHtmlTables } from './html';
import { isMarkdownRow, isMarkdownSeparator, markdownRow } from './markdown';
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
}

export function readLayouts(text: string, lines: LineIndex, isHeading: (line: number, lineText: string) => boolean, options: LayoutOptions = {}): LayoutResult {
  const segments: Segment[] = [];
  const textLines: number[] = [];
  const htmlRegions = options.rows ? [] : embeddedHtmlTables(text, lines);
  const preRead = options.rows ?? [];
  const cellPerLine = options.cellPerLine ?? true;
  let nextRow = 0;
  let region = 0;
  let run: LineSpan[] = [];
  let inFence = false;

  const flushRun = () => {
    if (run.length) segments.push({ kind: 'row', row: cellPerLineRow(text, run) });
    run = [];
  };

  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);

    if (nextRow < preRead.length && preRead[nextRow].startLine === line) {
      flushRun();
      const row = preRead[nextRow++];
      segments.push({ kind: 'row', row });
      line = row.endLine;
      continue;
    }

    while (region < htmlRegions.length && htmlRegions[region].end <= start) region++;
    const html = htmlRegions[region];
    if (html && html.start < end && html.end > start) {
      flushRun();
      for (const row of html.rows) segments.push({ kind: 'row', row });
      // Skip every line the table covers.
      while (line + 1 < lines.lineCount && lines.lineStarts[line + 1] < html.end) line++;
      region++;
      continue;
    }

    const lineText = text.slice(start, end);
    if ((lineText.includes('```') || lineText.includes('~~~')) && /^\s*(```|~~~)/.test(lineText)) inFence = !inFence;
    if (lineText.trim() === '' && !/\t/.test(lineText)) {
      flushRun();
      continue;
    }
    if (!inFence && isMarkdownSeparator(lineText)) {
      flushRun();
      continue;
    }
    if (!inFence && isMarkdownRow(lineText)) {
      flushRun();
      segments.push({ kind: 'row', row: markdownRow(text, start, end, line) });
      continue;
    }
    if (!inFence && isTsvRow(lineText)) {
      flushRun();
      segments.push({ kind: 'row', row: tsvRow(text, start, end, line) });
      continue;
    }
    if (!inFence && isHeading(line, lineText)) {
      flushRun();
      segments.push({ kind: 'heading', line });
      continue;
    }
    textLines.push(line);
    run.push({ line, start, end });
    if (!cellPerLine) flushRun();
  }
  flushRun();
  return { segments, textLines };
}
