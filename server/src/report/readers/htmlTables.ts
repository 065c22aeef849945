/**
 * An HTML <table> as a grid of cells, the way the page shows it: rowspan and colspan resolved
 * (a group label spanning twenty rows, a value spanning three columns of table 二), the text of
 * each cell with the source span of every character (Word-pasted cells split into <p>/<span>
 * runs, <br> inside cells, `&nbsp;` for blanks).
 *
 * A cell that a rowspan carries into a later row is given to that row as a *spanned* blank at
 * the column where it stands: the row keeps its shape (values still align), and the figure is
 * counted once, in the row it was written in (a merged 0 over （六）1–3 is not three zeros).
 * A colspan is not repeated: one written value is one value.
 */
import { attr, childrenOf, endOf, hasAttr, innerRange, isElement, isText, startOf, tagOf, textPieces, type Element, type Node, type Piece } from './htmlDom';

export interface GridCell {
  element: Element;
  /** The cell's text, white space collapsed and trimmed, one piece per character. */
  pieces: Piece[];
  /** Where a figure goes when the cell is blank: at its first text, or just inside the tag. */
  insertAt: number;
  /** Source span between the cell's tags. */
  inner: { start: number; end: number };
  /** A blank standing for a cell of an earlier row that spans into this one. */
  spanned: boolean;
}

export interface GridRow {
  element: Element;
  cells: GridCell[];
}

/** Spans beyond what a report table has (its widest, table 四, is fifteen columns) are capped. */
const MAX_SPAN = 100;
/** A grid bigger than this is not a report table: read it row by row without spans. */
const MAX_GRID_CELLS = 20_000;

/** Elements whose content is never text of the page. */
export const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'math',
  'select', 'option', 'button', 'input', 'textarea', 'canvas', 'audio', 'video', 'map', 'frameset', 'frame',
]);

/** Elements that start a new line of text (HTML's block-level and line-breaking elements). */
export const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'br', 'hr', 'tr', 'td', 'th',
  'table', 'thead', 'tbody', 'tfoot', 'caption', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main',
  'blockquote', 'pre', 'address', 'figure', 'figcaption', 'center', 'form', 'fieldset', 'legend', 'body', 'html',
  'ucapcontent', 'details', 'summary',
]);

export function isHidden(el: Element): boolean {
  if (hasAttr(el, 'hidden')) return true;
  const style = attr(el, 'style');
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

const COLLAPSIBLE = /[ \t\n\r\f\u00a0\u3000\u2002\u2003\u200b\ufeff]/;

/**
 * Text of an element's subtree as one run: white space collapsed to single spaces, block
 * boundaries and <br> inside it read as spaces, leading and trailing space dropped.
 */
export function collapsedText(source: string, root: Node): Piece[] {
  const out: Piece[] = [];
  let pending: Piece | undefined;
  const raw: Piece[] = [];
  const visit = (node: Node) => {
    if (isText(node)) {
      raw.length = 0;
      textPieces(source, node, raw);
      for (const p of raw) {
        if (COLLAPSIBLE.test(p.ch)) {
          pending ??= { ch: ' ', start: p.start, end: p.end };
          continue;
        }
        if (pending && out.length) out.push(pending);
        pending = undefined;
        out.push(p);
      }
      return;
    }
    if (!isElement(node)) return;
    if (SKIPPED.has(tagOf(node)) || isHidden(node)) return;
    const block = BLOCKS.has(tagOf(node));
    const at = startOf(node);
    if (block) pending ??= { ch: ' ', start: at, end: at };
    for (const child of childrenOf(node)) visit(child);
    if (block) {
      const end = endOf(node);
      pending ??= { ch: ' ', start: end, end };
    }
  };
  for (const child of childrenOf(root)) visit(child);
  return out;
}

function firstTextOffset(node: Node): number | undefined {
  for (const child of childrenOf(node)) {
    if (isText(child)) return startOf(child);
    if (isElement(child) && !SKIPPED.has(tagOf(child))) {
      const inner = firstTextOffset(child);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** The table's rows in order (through thead/tbody/tfoot), not those of tables nested in cells. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (node: Element) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (tag === 'tr') rows.push(child);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') walk(child);
    }
  };
  walk(table);
  return rows;
}

export function rowCells(tr: Element): Element[] {
  return childrenOf(tr).filter((c): c is Element => isElement(c) && (tagOf(c) === 'td' || tagOf(c) === 'th'));
}

function span(el: Element, name: string, max: number): number {
  const v = Number.parseInt(attr(el, name) ?? '1', 10);
  if (!Number.isFinite(v) || v < 1) return name === 'rowspan' && v === 0 ? max : 1;
  return Math.min(v, max);
}

function gridCell(source: string, td: Element, spanned: boolean): GridCell {
  const inner = innerRange(source, td);
  return {
    element: td,
    pieces: spanned ? [] : collapsedText(source, td),
    insertAt: firstTextOffset(td) ?? inner.start,
    inner,
    spanned,
  };
}

/**
 * A table that lays out a page rather than holding figures: a cell holds another table or a
 * whole article. Its cells are read as blocks of the page, not as a grid.
 */
export function isLayoutTable(source: string, table: Element): boolean {
  const rows = tableRows(table);
  if (!rows.length) return true;
  let hasNested = false;
  const visit = (node: Node, depth: number) => {
    if (hasNested || !isElement(node)) return;
    if (depth > 0 && tagOf(node) === 'table') {
      hasNested = true;
      return;
    }
    for (const c of childrenOf(node)) visit(c, depth + 1);
  };
  for (const tr of rows) for (const td of rowCells(tr)) visit(td, 0);
  if (hasNested) return true;
  // A report table's cells are labels and figures; a cell with a long text is a page column.
  for (const tr of rows) {
    for (const td of rowCells(tr)) {
      if (endOf(td) - startOf(td) > 600 && textLength(td) > 300) return true;
    }
  }
  return false;
}

/** Characters of text under a node, markup aside (a cheap measure, no spans). */
function textLength(node: Node): number {
  let n = 0;
  for (const child of childrenOf(node)) {
    if (isText(child)) n += child.data.trim().length;
    else if (isElement(child) && !SKIPPED.has(tagOf(child))) n += textLength(child);
  }
  return n;
}

export function tableGrid(source: string, table: Element): GridRow[] {
  const trs = tableRows(table);
  const rows: GridRow[] = [];
  // carried[c] = the cell of an earlier row that occupies column c, and how many rows it still covers.
  const carried: Array<{ origin: GridCell; rowsLeft: number; first: boolean } | undefined> = [];
  let gridCells = 0;
  for (let r = 0; r < trs.length; r++) {
    const tr = trs[r];
    const cells: GridCell[] = [];
    let col = 0;
    const emitCarried = () => {
      while (carried[col] && carried[col]!.rowsLeft > 0) {
        const c = carried[col]!;
        if (c.first) cells.push({ ...gridCell(source, c.origin.element, true), insertAt: c.origin.insertAt });
        c.rowsLeft--;
        col++;
      }
    };
    for (const td of rowCells(tr)) {
      emitCarried();
      const cell = gridCell(source, td, false);
      cells.push(cell);
      const rowspan = gridCells > MAX_GRID_CELLS ? 1 : span(td, 'rowspan', Math.min(MAX_SPAN, trs.length - r));
      const colspan = gridCells > MAX_GRID_CELLS ? 1 : span(td, 'colspan', MAX_SPAN);
      for (let k = 0; k < colspan; k++) {
        carried[col + k] = rowspan > 1 ? { origin: cell, rowsLeft: rowspan - 1, first: k === 0 } : undefined;
      }
      col += colspan;
      gridCells += colspan;
    }
    // Spanned cells to the right of the last written one.
    for (; col < carried.length; col++) {
      const c = carried[col];
      if (c && c.rowsLeft > 0) {
        if (c.first) cells.push({ ...gridCell(source, c.origin.element, true), insertAt: c.origin.insertAt });
        c.rowsLeft--;
      }
    }
    rows.push({ element: tr, cells });
  }
  return rows;
}
