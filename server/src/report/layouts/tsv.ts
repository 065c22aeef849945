/**
 * Tab-separated rows: what pasting a Word or Excel table gives (seeds 003, 004). Group labels
 * may sit in the first cells or be omitted, so cells are kept exactly as the tabs split them
 * and alignment to columns is left to binding.
 */
import type { RawCell, RawRow } from '../model';
import { cellOf } from './markdown';

/**
 * A tab-separated row has at least two cells with content, or content and three tabs. (A line
 * with no tab has at most one cell: the count says no without a search for a tab first.)
 */
export function isTsvRow(line: string): boolean {
  let filled = 0;
  let tabs = 0;
  let inCell = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9) {
      tabs++;
      inCell = false;
    } else if (!inCell && c !== 32 && c !== 0xa0 && c !== 0x3000) {
      inCell = true;
      // Two cells with content settle it: the rest of the row is not read.
      if (++filled >= 2) return true;
    }
  }
  return filled >= 1 && tabs >= 3;
}

export function tsvRow(text: string, start: number, end: number, line: number): RawRow {
  const cells: RawCell[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 9) {
      cells.push(cellOf(text, from, i, false));
      from = i + 1;
    }
  }
  return { layout: 'tsv', cells, range: { start, end }, startLine: line, endLine: line };
}
