/**
 * Space-separated rows: what a PDF's text layer gives for a table row (`一、本年新收政府信息
 * 公开申请数量 3001 53 0 0 61 4 3119`, `行政许可 97`). A line is such a row only when the text
 * before its figures is a row label of the format — prose with numbers in it never is — and,
 * where the label was broken over two lines (`5.要求行政机关确认或` / `重新出具已获取信息 0 0 …`),
 * the line above completes it.
 */
import type { RawCell, RawRow } from '../model';

const SPACE = /[ \t\u3000\u00a0]/;
const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
/** The last character of a figure or a blank mark: a digit (ASCII or full-width), -, —, –, /. */
const isFigureEnd = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === 45 || c === 0x2014 || c === 0x2013 || c === 47 || c === 0xff0f;
const FIGURE = /^(?:[+-]?[0-9０-９][0-9０-９,，.]*|[-—–/／]|——)$/;
/** A row has at most this many figures: table 四's fifteen, with room for a broken row. */
const MAX_FIGURES = 24;
/** A line of figures alone is a row only with this many: fewer is a date or a count in prose. */
const MIN_BARE_FIGURES = 5;

export interface SpacedMatch {
  labelEnd: number;
}

/**
 * Where the label ends, if the line is a label followed by figures separated by white space.
 * Scanned from the end, word by word, so a long line costs one pass.
 */
export function spacedValues(lineText: string): SpacedMatch | undefined {
  let end = lineText.length;
  // Most lines are prose: they end in a word or a stop, not a figure.
  let last = end - 1;
  while (last >= 0 && isSpaceCode(lineText.charCodeAt(last))) last--;
  if (last < 1 || !isFigureEnd(lineText.charCodeAt(last))) return undefined;
  // A figure follows white space inside the line, or there is no row: "\t0" is one cell.
  let first = 0;
  while (first < last && isSpaceCode(lineText.charCodeAt(first))) first++;
  let gap = false;
  for (let i = first + 1; i < last && !gap; i++) if (isSpaceCode(lineText.charCodeAt(i))) gap = true;
  if (!gap) return undefined;
  while (end > 0 && SPACE.test(lineText[end - 1])) end--;
  let labelEnd = -1;
  for (let figures = 0; figures < MAX_FIGURES && end > 0; figures++) {
    let start = end;
    while (start > 0 && !SPACE.test(lineText[start - 1])) start--;
    if (!FIGURE.test(lineText.slice(start, end))) break;
    if (start === 0) {
      labelEnd = 0;
      break;
    }
    let before = start;
    while (before > 0 && SPACE.test(lineText[before - 1])) before--;
    labelEnd = before;
    end = before;
  }
  if (labelEnd < 0) return undefined;
  // A line of figures only (table 四's row of fifteen): no label, and enough figures to be a row.
  if (labelEnd === 0) return lineText.trim().split(/[ \t\u3000\u00a0]+/).length >= MIN_BARE_FIGURES ? { labelEnd: 0 } : undefined;
  const label = lineText.slice(0, labelEnd);
  // A label ends in a word, not a figure or a unit: "2024 年 1 月 1 日" is no row.
  if (/[0-9０-９年月日号%％]$/.test(label.trim())) return undefined;
  return { labelEnd };
}

function cell(text: string, start: number, end: number): RawCell {
  return { text: text.slice(start, end), range: { start, end }, inner: { start, end }, empty: false };
}

/** The row: one label cell (from `labelStart`, possibly on the line above), then one cell per figure. */
export function spacedRow(text: string, labelStart: number, labelLine: number, start: number, end: number, line: number, labelEnd: number): RawRow {
  const cells: RawCell[] = [];
  let s = labelStart;
  while (s < start + labelEnd && /\s/.test(text[s])) s++;
  let e = start + labelEnd;
  while (e > s && /[\s\u3000]/.test(text[e - 1])) e--;
  if (e > s) cells.push(cell(text, s, e));
  const re = /[^ \t\u3000\u00a0]+/g;
  const tail = text.slice(start + labelEnd, end);
  for (let m = re.exec(tail); m; m = re.exec(tail)) {
    const a = start + labelEnd + m.index;
    cells.push(cell(text, a, a + m[0].length));
  }
  return { layout: 'spaced', cells, range: { start: labelStart, end }, startLine: labelLine, endLine: line };
}
