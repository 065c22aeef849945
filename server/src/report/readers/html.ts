/**
 * An HTML page read as the page it is. Portal pages are the commonest way a published report
 * reaches a reviewer: the whole article on one physical line, or one paragraph split over
 * many; Word-pasted <span>/<font> runs with digits split across tags; navigation, breadcrumbs,
 * scripts and a footer around the article.
 *
 * The reader turns the page into logical lines — each block element (p, div, h1–h6, li, br,
 * each table row) one line, white space collapsed as a browser does — and hands the parser
 * that text with a map back to the markup, so a finding underlines the right characters of
 * the .html file. Table rows are handed over already split into cells (rowspan/colspan
 * resolved, see htmlTables.ts); in the read text they stand as tab-separated lines.
 *
 * The article is found from the text itself: the smallest element that holds the report's
 * section headings, and the report's title line before it. A page with no recognisable
 * headings is read whole.
 */
import type { RawCell, RawRow } from '../model';
import { formats } from '../formats';
import { parseOrdinal, squash } from '../text/normalize';
import { attr, childrenOf, endOf, isElement, isText, parseHtml, startOf, tagOf, textPieces, type Element, type Node, type Piece } from './htmlDom';
import { BLOCKS, collapsedText, isHidden, isLayoutTable, SKIPPED, tableGrid, type GridCell } from './htmlTables';
import { MappedTextBuilder, type SourceMap } from './sourceMap';

interface Line {
  pieces: Piece[];
  /** The block element the line belongs to (for finding the article). */
  element: Element | undefined;
  /** Where the line ends in the source (the line break the reader adds maps here). */
  end: number;
  /** A table row: its cells, in grid order. */
  cells?: GridCell[];
  /** Ancestors of `element`, outermost first. */
  path: Element[];
  /** A table row's `<tr>` in the source. */
  source?: { start: number; end: number };
}

export interface HtmlDocument {
  text: string;
  map: SourceMap;
  /** Table rows, already split into cells, by the read-text line they stand on. */
  rows: RawRow[];
  /** The page's own publication date, when its metadata gives one. */
  published?: { year: number; month: number; day: number };
}

const COLLAPSIBLE = /[ \t\n\r\f\u00a0\u3000\u2002\u2003\u200b\ufeff]/;

function project(source: string, root: Node): Line[] {
  const lines: Line[] = [];
  let current: Piece[] = [];
  let pending: Piece | undefined;
  const stack: Element[] = [];
  const blockOf = () => {
    for (let i = stack.length - 1; i >= 0; i--) if (BLOCKS.has(tagOf(stack[i]))) return i;
    return -1;
  };
  const flush = (end: number) => {
    pending = undefined;
    if (!current.length) return;
    const b = blockOf();
    lines.push({ pieces: current, element: b >= 0 ? stack[b] : undefined, end, path: stack.slice(0, b + 1) });
    current = [];
  };
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
        if (pending && current.length) current.push(pending);
        pending = undefined;
        current.push(p);
      }
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIPPED.has(tag) || isHidden(node)) return;
    const start = startOf(node);
    const end = endOf(node);
    if (tag === 'br' || tag === 'hr') {
      flush(start);
      return;
    }
    if (tag === 'table' && !isLayoutTable(source, node)) {
      flush(start);
      stack.push(node);
      for (const row of tableGrid(source, node)) {
        if (!row.cells.some((c) => c.pieces.length)) continue;
        const rowEnd = endOf(row.element);
        lines.push({ pieces: [], element: row.element, end: rowEnd, cells: row.cells, path: [...stack, row.element], source: { start: startOf(row.element), end: rowEnd } });
      }
      stack.pop();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush(start);
    stack.push(node);
    for (const child of childrenOf(node)) visit(child);
    stack.pop();
    if (block) flush(end);
  };
  for (const child of childrenOf(root)) visit(child);
  flush(source.length);
  return lines;
}

function lineText(line: Line): string {
  if (line.cells) return line.cells.map((c) => c.pieces.map((p) => p.ch).join('')).join('\t');
  return line.pieces.map((p) => p.ch).join('');
}

const REPORT_NAMES = formats['2021'].data.reportTitleVariants.map(squash);

export function namesReport(text: string): boolean {
  const s = squash(text);
  return s.length <= 80 && REPORT_NAMES.some((w) => s.includes(w));
}

/** A line that is one of the six section headings, with its ordinal: 二、主动公开政府信息情况. */
export function isSectionHeading(text: string): boolean {
  const s = squash(text);
  if (s.length > 40) return false;
  const ordinal = parseOrdinal(s);
  if (!ordinal || ordinal.style !== 'cn' || ordinal.value > 6) return false;
  const rest = s.slice(ordinal.length);
  // A line that lists the outline (一、总体情况 二、主动公开 …) is navigation, not a heading.
  if (/[一二三四五六][、.．]/.test(rest)) return false;
  return formats['2021'].sections.filter((sec) => sec.recognisedBy.some((words) => words.every((w) => rest.includes(w)))).length === 1;
}

/** The lines of the article: those inside the smallest element holding the section headings. */
function articleLines(lines: Line[]): Line[] {
  const headings = lines.filter((l) => !l.cells && isSectionHeading(lineText(l)));
  if (headings.length < 2) return lines;
  let common = headings[0].path;
  for (const h of headings.slice(1)) {
    let i = 0;
    while (i < common.length && i < h.path.length && common[i] === h.path[i]) i++;
    common = common.slice(0, i);
  }
  const container = common[common.length - 1];
  if (!container || tagOf(container) === 'html' || tagOf(container) === 'body') return lines;
  const inside = (l: Line) => l.path.includes(container);
  const first = lines.findIndex(inside);
  let last = first;
  for (let i = first; i < lines.length; i++) if (inside(lines[i])) last = i;
  const kept = lines.slice(first, last + 1).filter(inside);
  // The title often stands above the article's container (an <h1>, a title <div>).
  if (!kept.some((l) => namesReport(lineText(l)))) {
    for (let i = first - 1; i >= 0 && i >= first - 60; i--) {
      if (!lines[i].cells && namesReport(lineText(lines[i]))) {
        kept.unshift(lines[i]);
        break;
      }
    }
  }
  return kept;
}

const PUBLISHED_META = /^(pubdate|publishdate|firstpublishedtime|published|article:published_time|date|dc\.date)$/i;

function publishedDate(doc: Node): HtmlDocument['published'] {
  let found: HtmlDocument['published'];
  const visit = (node: Node) => {
    if (found || !isElement(node)) return;
    if (tagOf(node) === 'meta') {
      const name = attr(node, 'name') ?? attr(node, 'property') ?? '';
      const content = attr(node, 'content') ?? '';
      const m = /((?:19|20)\d{2})[-/年.](\d{1,2})[-/月.](\d{1,2})/.exec(content);
      if (PUBLISHED_META.test(name) && m) found = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      return;
    }
    if (tagOf(node) === 'body') return;
    for (const c of childrenOf(node)) visit(c);
  };
  for (const child of childrenOf(doc)) visit(child);
  return found;
}

/** Reads an HTML page into logical lines and table rows, mapped back to the markup. */
export function readHtml(given: string): HtmlDocument {
  const { doc, source } = parseHtml(given);
  const all = project(source, doc);
  // Foster-parented text (stray text inside a broken table) is placed before the table in the
  // tree; in the read text it goes back where it stands in the file.
  const lines = articleLines(all)
    .map((l, i) => ({ l, i, at: l.cells ? (l.cells.find((c) => !c.spanned)?.inner.start ?? l.end) : (l.pieces[0]?.start ?? l.end) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.l);

  const out = new MappedTextBuilder();
  const rows: RawRow[] = [];
  lines.forEach((line, lineNo) => {
    const lineStart = out.length;
    if (line.cells) {
      const cells: RawCell[] = [];
      line.cells.forEach((cell, k) => {
        const start = out.length;
        for (const p of cell.pieces) out.push(p.ch, p.start, p.end);
        const end = out.length;
        const text = cell.pieces.map((p) => p.ch).join('');
        const empty = text.length === 0;
        cells.push({ text, range: { start, end }, inner: { start, end }, empty, ...(cell.spanned ? { spanned: true } : {}) });
        // The separator after a cell stands, in the source, where a blank cell's figure would go.
        const at = empty ? cell.insertAt : (cell.pieces[cell.pieces.length - 1]?.end ?? cell.insertAt);
        if (k < line.cells!.length - 1) out.push('\t', at, at);
        else out.push('\n', at, at);
      });
      rows.push({ layout: 'html', cells, range: { start: lineStart, end: out.length - 1 }, startLine: lineNo, endLine: lineNo, source: line.source });
      return;
    }
    for (const p of line.pieces) out.push(p.ch, p.start, p.end);
    out.push('\n', line.end, line.end);
  });
  const { text, map } = out.build(source.length);
  return { text, map, rows, published: publishedDate(doc) };
}

/** The text of one element, for callers that need a heading or a title from the markup. */
export function elementText(source: string, el: Element): string {
  return collapsedText(source, el)
    .map((p) => p.ch)
    .join('');
}
