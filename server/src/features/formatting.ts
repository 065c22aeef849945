/**
 * Document formatting: Markdown pipe tables aligned with padding, so a 25-row table 三 reads as
 * a grid in the source. Only white space and the outer pipes change: every row keeps its cells,
 * in order, with their exact text — a row with a missing value is not padded with an empty
 * cell, which would change what the checker sees.
 *
 * Rows are read with the core's own Markdown layout reader, so the formatter and the parser
 * agree on what a row and its cells are.
 *
 * Table 三's corner cell holds the official note 「（本列数据的勾稽关系为：第一项加第二项之和，等于
 * 第三项加第四项之和）」, some 70 columns wide: padded to it, the label column would push every
 * figure off the screen. That cell is left as it is and does not count towards its column.
 */
import type { TextEdit as LspTextEdit } from 'vscode-languageserver';
import { formats, type Report } from '../report';
import { isMarkdownRow, isMarkdownSeparator, markdownRow } from '../report/layouts/markdown';
import { squash } from '../report/text/normalize';

/** The note as the formats word it, without white space, quotes or brackets. */
const bare = (text: string) => squash(text).replace(/[（）()【】[\]]/g, '');
const NOTES = new Set(Object.values(formats).flatMap((f) => [bare(f.data.applications.note.zh), bare(f.data.applications.note.en)]));

/** Table 三's 勾稽关系 note, in the words of either format. */
function isNoteCell(text: string): boolean {
  return NOTES.has(bare(text));
}

/** Columns a character takes in a monospace CJK font: East Asian Wide and Fullwidth take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1f64f) ||
      (cp >= 0x1f900 && cp <= 0x1f9ff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

interface Line {
  line: number;
  indent: string;
  /** Cell source texts (escapes kept), or undefined for a separator line. */
  cells?: string[];
  /** Separator alignments, per column. */
  align?: Array<'left' | 'right' | 'center' | 'none'>;
}

function separatorAlign(text: string): Line['align'] {
  let t = text.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map((seg) => {
    const s = seg.trim();
    const left = s.startsWith(':');
    const right = s.endsWith(':');
    return left && right ? 'center' : right ? 'right' : left ? 'left' : 'none';
  });
}

/** Runs of consecutive pipe-table lines outside code fences. */
function tableBlocks(report: Report): Line[][] {
  const { lines, text } = report;
  const boundRows = new Set<number>();
  for (const table of report.tables) for (const row of table.rawRows) if (row.layout === 'markdown') boundRows.add(row.startLine);
  const blocks: Line[][] = [];
  let block: Line[] = [];
  let inFence = false;
  const close = () => {
    // A run is a table when it has a separator line, or when the checker read it as one of the
    // official tables (seed 002's loose tables have no separator).
    if (block.some((l) => !l.cells) || block.some((l) => boundRows.has(l.line))) blocks.push(block);
    block = [];
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    const lineText = text.slice(start, end);
    if (/^\s*(```|~~~)/.test(lineText)) {
      close();
      inFence = !inFence;
      continue;
    }
    const indent = /^[ \t]*/.exec(lineText)![0];
    if (!inFence && isMarkdownSeparator(lineText)) block.push({ line, indent, align: separatorAlign(lineText) });
    else if (!inFence && isMarkdownRow(lineText)) {
      const row = markdownRow(text, start, end, line);
      block.push({ line, indent, cells: row.cells.map((c) => (c.empty ? '' : text.slice(c.range.start, c.range.end))) });
    } else close();
  }
  close();
  return blocks;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function dashes(align: NonNullable<Line['align']>[number], width: number): string {
  const w = Math.max(3, width);
  if (align === 'center') return ':' + '-'.repeat(w - 2) + ':';
  if (align === 'left') return ':' + '-'.repeat(w - 1);
  if (align === 'right') return '-'.repeat(w - 1) + ':';
  return '-'.repeat(w);
}

export function formatTables(report: Report): LspTextEdit[] {
  const { lines, text } = report;
  const edits: LspTextEdit[] = [];
  for (const block of tableBlocks(report)) {
    const widths: number[] = [];
    for (const l of block) {
      l.cells?.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, isNoteCell(c) ? 0 : displayWidth(c))));
      l.align?.forEach((_, i) => (widths[i] = Math.max(widths[i] ?? 0, 3)));
    }
    for (const l of block) {
      const formatted = l.cells
        ? `${l.indent}| ${l.cells.map((c, i) => (isNoteCell(c) ? c : pad(c, widths[i]))).join(' | ')} |`
        : `${l.indent}| ${l.align!.map((a, i) => dashes(a, widths[i])).join(' | ')} |`;
      const start = lines.lineStarts[l.line];
      const end = lines.lineEnd(l.line);
      if (text.slice(start, end) !== formatted) {
        edits.push({ range: { start: lines.positionAt(start), end: lines.positionAt(end) }, newText: formatted });
      }
    }
  }
  return edits;
}
