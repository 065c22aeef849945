/**
 * A PDF read from its text layer with positions (pdf.js, Mozilla's reader: pure JavaScript,
 * no native module), not from the order its text happens to come out in. Copying a PDF table
 * gives labels detached from their figures and headers one character per line; the file
 * itself says where every glyph run stands and where the table's rules are drawn.
 *
 * - Tables: the ruling lines a PDF draws for a bordered table (stroked lines, thin filled
 *   rectangles, cell outlines) are collected from the page's operator list; connected rules
 *   make a table, their x and y positions its grid, and a missing inner rule a merged cell
 *   (the 法人或其他组织 header over five columns, 三、本年度办理结果 over twenty rows). Each text
 *   run goes to the cell its centre falls in; a cell's lines are read top to bottom. Rows come
 *   out as the HTML reader's do: a cell merged down rows counts in its first row and stands as
 *   a spanned blank below.
 * - Text: runs on one baseline are one line, in x order; a wide gap inside a line (over one character: a table
 *   drawn without rules) is a tab. A line that runs to the right edge continues in the next
 *   unless that one is indented: hard-wrapped paragraphs are read whole, as the page shows them.
 * - A file with no text at all is a scan: said so, nothing guessed (no OCR).
 */
import { BinaryReadError } from './binaryError';
import { writeBlocks, type Block, type BlockCell } from './blocks';
import { isPageFurniture } from '../layouts/furniture';
import type { ReadDocument } from './index';

declare const GOVREPORT_BUNDLED: boolean | undefined;

// The few pdf.js types used here (its own .d.mts does not resolve under this project's
// `moduleResolution: node`).
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
interface PdfPage {
  getTextContent(): Promise<{ items: Array<TextItem | { type: string }> }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  view: number[];
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  OPS: Record<string, number>;
  PasswordException?: new (...args: unknown[]) => Error;
}

let loading: Promise<PdfJs> | undefined;

/** pdf.js, loaded once, with its worker in this thread (no worker file to ship or find). */
function pdfjs(): Promise<PdfJs> {
  return (loading ??= (async () => {
    // Its Node set-up warns on stdout that it cannot draw (no canvas module): text needs none.
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: '))) log(...args);
    };
    try {
      if (typeof GOVREPORT_BUNDLED !== 'undefined') {
        const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
        (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
        return lib as unknown as PdfJs;
      }
      // Compiled by tsc (the tests): a real dynamic import, which tsc would turn into require().
      const importEsm = new Function('s', 'return import(s)') as (s: string) => Promise<unknown>;
      const [lib, worker] = await Promise.all([importEsm('pdfjs-dist/legacy/build/pdf.mjs'), importEsm('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return lib as PdfJs;
    } finally {
      console.log = log;
    }
  })());
}

// ---------------------------------------------------------------------------------------------
// Geometry

interface Run {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
}

interface Rule {
  /** Horizontal: y, from x1 to x2. Vertical: x, from y1 to y2 (stored in the same fields). */
  at: number;
  from: number;
  to: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A rule drawn thinner than this is a line, thicker a filled area. */
const THIN = 3;
/** Positions closer than this are one. */
const SNAP = 2.5;

/** The ruling lines a page paints: stroked segments, thin filled rectangles, outlines. */
function pageRules(ops: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>, pageArea: number): { h: Rule[]; v: Rule[] } {
  const h: Rule[] = [];
  const v: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let pending: Array<{ kind: 'seg'; x1: number; y1: number; x2: number; y2: number } | { kind: 'rect'; x1: number; y1: number; x2: number; y2: number }> = [];
  const paint = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const addSeg = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(y1 - y2) <= 1 && Math.abs(x1 - x2) > SNAP) h.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) <= 1 && Math.abs(y1 - y2) > SNAP) v.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const [subOps, coords] = args as [number[], number[]];
      let k = 0;
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      for (const op of subOps) {
        if (op === OPS.rectangle) {
          const [x, y, w, hh] = coords.slice(k, k + 4);
          k += 4;
          const [ax, ay] = apply(ctm, x, y);
          const [bx, by] = apply(ctm, x + w, y + hh);
          pending.push({ kind: 'rect', x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by) });
        } else if (op === OPS.moveTo) {
          [cx, cy] = apply(ctm, coords[k], coords[k + 1]);
          [sx, sy] = [cx, cy];
          k += 2;
        } else if (op === OPS.lineTo) {
          const [nx, ny] = apply(ctm, coords[k], coords[k + 1]);
          k += 2;
          pending.push({ kind: 'seg', x1: cx, y1: cy, x2: nx, y2: ny });
          [cx, cy] = [nx, ny];
        } else if (op === OPS.curveTo) k += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
        else if (op === OPS.closePath) {
          pending.push({ kind: 'seg', x1: cx, y1: cy, x2: sx, y2: sy });
          [cx, cy] = [sx, sy];
        }
      }
    } else if (paint.has(fn)) {
      for (const p of pending) {
        if (p.kind === 'seg') addSeg(p.x1, p.y1, p.x2, p.y2);
        else {
          const w = p.x2 - p.x1;
          const hh = p.y2 - p.y1;
          if (hh <= THIN && w > SNAP) h.push({ at: (p.y1 + p.y2) / 2, from: p.x1, to: p.x2 });
          else if (w <= THIN && hh > SNAP) v.push({ at: (p.x1 + p.x2) / 2, from: p.y1, to: p.y2 });
          else if (w * hh < pageArea / 2) {
            // A cell outline or a shaded cell: its edges are rules.
            h.push({ at: p.y1, from: p.x1, to: p.x2 }, { at: p.y2, from: p.x1, to: p.x2 });
            v.push({ at: p.x1, from: p.y1, to: p.y2 }, { at: p.x2, from: p.y1, to: p.y2 });
          }
        }
      }
      pending = [];
    } else if (fn === OPS.endPath) pending = [];
  }
  return { h: mergeRules(h), v: mergeRules(v) };
}

/** Rules on one line that touch or overlap are one rule. */
function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const same = out.filter((o) => Math.abs(o.at - r.at) <= SNAP / 2 && r.from <= o.to + SNAP && r.to >= o.from - SNAP);
    if (same.length) {
      const o = same[0];
      o.from = Math.min(o.from, r.from);
      o.to = Math.max(o.to, r.to);
    } else out.push({ ...r });
  }
  return out;
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

interface Grid {
  xs: number[];
  /** Top to bottom (descending y). */
  ys: number[];
  h: Rule[];
  v: Rule[];
  top: number;
}

/** Tables: groups of rules that cross each other, with at least two rows and two columns. */
function grids(h: Rule[], v: Rule[]): Grid[] {
  const all = [...h.map((r) => ({ r, horizontal: true })), ...v.map((r) => ({ r, horizontal: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i];
      const b = v[j];
      if (b.at >= a.from - SNAP && b.at <= a.to + SNAP && a.at >= b.from - SNAP && a.at <= b.to + SNAP) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, typeof all>();
  all.forEach((e, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(e);
  });
  const out: Grid[] = [];
  for (const g of groups.values()) {
    const gh = g.filter((e) => e.horizontal).map((e) => e.r);
    const gv = g.filter((e) => !e.horizontal).map((e) => e.r);
    const xs = cluster(gv.map((r) => r.at));
    let ys = cluster(gh.map((r) => r.at)).reverse();
    // A row cut by a page break has its side rules and no rule under it (or above it, on the
    // next page): the side rules' ends are its edge.
    if (gv.length && ys.length) {
      const low = Math.min(...gv.map((r) => r.from));
      const high = Math.max(...gv.map((r) => r.to));
      if (low < ys[ys.length - 1] - SNAP * 2) ys = [...ys, low];
      if (high > ys[0] + SNAP * 2) ys = [high, ...ys];
    }
    // A frame around a page, a boxed note or a one-column list is not a table of figures: its
    // text stays text (a report table has columns).
    if (xs.length < 3 || ys.length < 2 || (ys.length < 3 && xs.length < 4)) continue;
    out.push({ xs, ys, h: gh, v: gv, top: ys[0] });
  }
  return out;
}

const covers = (rules: Rule[], at: number, from: number, to: number) => {
  const mid = (from + to) / 2;
  const reach = Math.max(0.5, Math.abs(to - from) * 0.25);
  return rules.some((r) => Math.abs(r.at - at) <= SNAP && r.from <= mid - reach && r.to >= mid + reach);
};

/** How a row label starts (1. （一） 一、): a new row, not the end of one cut by a page break. */
const ROW_START = /^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

interface GridCellRegion {
  row: number;
  col: number;
  rows: number;
  cols: number;
  runs: Run[];
}

/** The grid's cells, merged where an inner rule is missing. */
function gridCells(grid: Grid): GridCellRegion[][] {
  const { xs, ys } = grid;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !covers(grid.v, xs[c + 1], ys[r + 1], ys[r])) union(r * C + c, r * C + c + 1);
      if (r + 1 < R && !covers(grid.h, ys[r + 1], xs[c], xs[c + 1])) union(r * C + c, (r + 1) * C + c);
    }
  }
  const regions = new Map<number, GridCellRegion>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = find(r * C + c);
      const region = regions.get(root);
      if (!region) regions.set(root, { row: r, col: c, rows: 1, cols: 1, runs: [] });
      else {
        region.rows = Math.max(region.rows, r - region.row + 1);
        region.cols = Math.max(region.cols, c - region.col + 1);
        if (c < region.col) {
          region.cols += region.col - c;
          region.col = c;
        }
      }
    }
  }
  const at: GridCellRegion[][] = Array.from({ length: R }, () => Array<GridCellRegion>(C));
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) at[r][c] = regions.get(find(r * C + c))!;
  return at;
}

function indexIn(edges: number[], v: number, descending: boolean): number {
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = descending ? [edges[i + 1], edges[i]] : [edges[i], edges[i + 1]];
    if (v >= a && v < b) return i;
  }
  return -1;
}

/** Runs on one baseline (their vertical extents overlap), each line's runs in x order. */
function linesOf(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - run.y) <= Math.max(line[0].size, run.size) * 0.4) line.push(run);
    else lines.push([run]);
  }
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** A line's text: runs joined as they stand (a space where a word gap shows, a tab at a wide gap). */
function lineText(line: Run[], tabs: boolean): string {
  let out = '';
  let end = -Infinity;
  for (const run of line) {
    const gap = run.x - end;
    if (out) {
      if (tabs && gap > run.size * 0.9) out += '\t';
      else if (gap > run.size * 0.3 && !(CJK.test(out[out.length - 1]) && CJK.test(run.text[0]))) out += ' ';
      else if (gap > run.size * 0.9) out += ' ';
    }
    out += run.text;
    end = run.x + run.width;
  }
  return out;
}

const cellTextOf = (runs: Run[]) =>
  linesOf(runs)
    .map((l) => lineText(l, false).trim())
    .reduce((acc, t) => (!acc ? t : /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(t) ? `${acc} ${t}` : acc + t), '');

// ---------------------------------------------------------------------------------------------
// Pages to blocks

interface Placed {
  top: number;
  /** A table's grid, its cells holding their runs. */
  table?: { grid: Grid; cells: GridCellRegion[][] };
  /** A line of text (joined with the next when a paragraph wraps). */
  line?: { text: string; left: number; right: number; size: number; y: number };
}

/** The last table of the pages read so far, for a table that runs over a page break. */
interface TableState {
  count: number;
  last?: {
    number: number;
    rows: number;
    xs: number[];
    mergedDown: boolean[];
    /** Cells of the last row with no rule under them: the page break cut the row. */
    cutRow?: Map<number, BlockCell>;
    /** The last row's written cells, by column. */
    lastRow?: Map<number, BlockCell>;
  };
  /** Nothing but page furniture has come since that table ended. */
  open: boolean;
}

function pagePlaced(runs: Run[], rules: { h: Rule[]; v: Rule[] }, margins: Margins): Placed[] {
  const placed: Placed[] = [];
  const free = new Set(runs);
  for (const grid of grids(rules.h, rules.v)) {
    const cells = gridCells(grid);
    let any = false;
    for (const run of runs) {
      const c = indexIn(grid.xs, run.x + run.width / 2, false);
      const r = indexIn(grid.ys, run.y + run.size * 0.3, true);
      if (c < 0 || r < 0 || !free.has(run)) continue;
      cells[r][c].runs.push(run);
      free.delete(run);
      any = true;
    }
    if (any) placed.push({ top: grid.top, table: { grid, cells } });
  }
  for (const line of linesOf([...free])) {
    const text = lineText(line, true);
    if (!text.trim()) continue;
    const last = line[line.length - 1];
    placed.push({ top: line[0].y, line: { text, left: line[0].x, right: last.x + last.width, size: Math.max(...line.map((r) => r.size)), y: line[0].y } });
  }
  placed.sort((a, b) => b.top - a.top);
  return joinWrapped(placed, margins);
}

/**
 * A table's rows as blocks. A table continued from the last page keeps its number and its
 * columns (matched by x): a cell merged down across the page break goes on as a spanned blank,
 * also where the new page draws no column for it.
 */
function tableBlocks(table: NonNullable<Placed['table']>, page: number, state: TableState, first: boolean): Block[] {
  const { grid, cells } = table;
  const prev = state.last;
  let map: number[] | undefined;
  if (first && state.open && prev) {
    const m = grid.xs.map((x) => prev.xs.findIndex((px) => Math.abs(px - x) <= SNAP));
    if (m.every((j, i) => j >= 0 && (i === 0 || j > m[i - 1]))) map = m;
  }
  const width = map ? prev!.xs.length - 1 : grid.xs.length - 1;
  const number = map ? prev!.number : ++state.count;
  const rowBase = map ? prev!.rows : 0;
  const blocks: Block[] = [];
  const mergedDown: boolean[] = Array(width).fill(false);
  /** Regions that continue a cell of the last page (their first row is a spanned blank). */
  const carried = new Set<GridCellRegion>();
  const drawn = (j: number) => !map || (j >= map[0] && j < map[map.length - 1]);
  /** The cell at each column of the row above was spanned (a merged cell going on down). */
  let above: boolean[] = Array(width).fill(false);
  // A row cut by the break with its rule drawn at the cut (LibreOffice closes both halves): the
  // first row here holds only the end of a label (定”) and no figures where the row above has them.
  let cuts = prev?.cutRow;
  if (map && !cuts && prev?.lastRow && cells.length) {
    const own = cells[0].filter((region, c) => region.col === c && region.row === 0).map((region) => ({ column: map![region.col], text: cellTextOf(region.runs) }));
    const written = own.filter((o) => o.text);
    const fragment =
      written.length > 0 &&
      written.every((o) => o.text.length <= 12 && !ROW_START.test(o.text) && prev.lastRow!.get(o.column)?.text) &&
      own.some((o) => !o.text && /^\d/.test(prev.lastRow!.get(o.column)?.text ?? ''));
    if (fragment) cuts = prev.lastRow;
  }
  for (let r = 0; r < cells.length; r++) {
    const row: BlockCell[] = [];
    for (let c = 0; c < cells[r].length; c++) {
      const region = cells[r][c];
      if (region.col !== c) continue; // the rest of a cell merged across columns
      const column = map ? map[c] : c;
      let text = region.row === r ? cellTextOf(region.runs) : '';
      // The rest of a row the page break cut: its text goes on in the row above the break.
      const cut = map && r === 0 && region.row === 0 ? cuts?.get(column) : undefined;
      if (cut && text) {
        cut.text += text;
        text = '';
      }
      if (map && r === 0 && !text && (prev!.mergedDown[column] || cut)) carried.add(region);
      if (!carried.has(region) && !cellTextOf(region.runs) && region.cols > 1) {
        // An empty cell over several columns whose rules a page break left undrawn (a
        // fragment of cells merged down): one cell per column, spanned where the one above is.
        for (let k = 0; k < region.cols; k++) {
          const j = map ? map[c + k] : c + k;
          row.push(above[j] || region.row < r ? { text: '', spanned: true, column: j } : { text: '', column: j });
        }
        continue;
      }
      row.push(region.row === r && !carried.has(region) ? { text, column } : { text: '', spanned: true, column });
    }
    // Columns the continued table does not draw: a group label merged down from the last page.
    for (let j = 0; j < width; j++) if (!drawn(j) && prev!.mergedDown[j]) row.push({ text: '', spanned: true, column: j });
    row.sort((a, b) => a.column - b.column);
    above = Array(width).fill(false);
    for (const cell of row) above[cell.column] = Boolean(cell.spanned);
    for (let c = 0; c < cells[r].length; c++) if (cells[r][c].row + cells[r][c].rows - 1 > r) above[map ? map[cells[r][c].col] : cells[r][c].col] = true;
    blocks.push({ kind: 'row', cells: row, address: { page, table: number, row: rowBase + r + 1 } });
  }
  const last = cells[cells.length - 1];
  const lastBlock = blocks[blocks.length - 1];
  let cutRow: Map<number, BlockCell> | undefined;
  // Only a last row with text of its own was cut: an empty strip under the last rule is the
  // rest of cells merged down to the page's end.
  const ownText = last.some((region) => region.row === cells.length - 1 && region.runs.length > 0);
  for (let c = 0; c < last.length && ownText; c++) {
    const region = last[c];
    const open = !covers(grid.h, grid.ys[grid.ys.length - 1], grid.xs[c], grid.xs[c + region.cols]);
    if (open && region.col === c && region.row === cells.length - 1 && lastBlock?.kind === 'row') {
      const cell = lastBlock.cells.find((x) => x.column === (map ? map[c] : c) && !x.spanned);
      if (cell) (cutRow ??= new Map()).set(cell.column, cell);
    }
  }
  for (let c = 0; c < last.length; c++) {
    const region = last[c];
    // A cell cut by the page break has no rule under it (or was merged down to here already).
    const open = !covers(grid.h, grid.ys[grid.ys.length - 1], grid.xs[c], grid.xs[c + region.cols]);
    if (region.col === c) mergedDown[map ? map[c] : c] = open || region.rows > 1 || carried.has(region);
  }
  for (let j = 0; j < width; j++) if (!drawn(j) && prev!.mergedDown[j]) mergedDown[j] = true;
  const lastRow = lastBlock?.kind === 'row' ? new Map(lastBlock.cells.filter((x) => !x.spanned).map((x) => [x.column, x])) : undefined;
  state.last = { number, rows: rowBase + cells.length, xs: map ? prev!.xs : grid.xs, mergedDown, cutRow, lastRow };
  state.open = true;
  return blocks;
}

function pageBlocks(runs: Run[], rules: { h: Rule[]; v: Rule[] }, page: number, state: TableState, margins: Margins): Block[] {
  const blocks: Block[] = [];
  let first = true;
  for (const p of pagePlaced(runs, rules, margins)) {
    if (p.table) {
      blocks.push(...tableBlocks(p.table, page, state, first));
      first = false;
    } else if (p.line) {
      blocks.push({ kind: 'paragraph', text: p.line.text, address: { page } });
      if (isPageFurniture(p.line.text.trim())) continue;
      state.open = false;
      first = false;
    }
  }
  return blocks;
}

/** Lines of a hard-wrapped paragraph joined: the line above runs to the right edge, this one is not indented. */
interface Margins {
  left: number;
  right: number;
}

/** The text block's edges over the whole document (a last page of two short lines has no edge of its own). */
function marginsOf(pages: Array<{ runs: Run[] }>): Margins {
  let left = Infinity;
  let right = -Infinity;
  for (const p of pages) {
    for (const r of p.runs) {
      left = Math.min(left, r.x);
      right = Math.max(right, r.x + r.width);
    }
  }
  return { left, right };
}

function joinWrapped(placed: Placed[], { left, right }: Margins): Placed[] {
  const out: Placed[] = [];
  for (const p of placed) {
    const prev = out[out.length - 1];
    const a = prev?.line;
    const b = p.line;
    if (a && b && !a.text.includes('\t') && !b.text.includes('\t')) {
      const full = a.right >= right - a.size * 1.5;
      const indented = b.left > left + b.size * 0.8;
      const close = a.y - b.y <= Math.max(a.size, b.size) * 2.2;
      const sameSize = Math.abs(a.size - b.size) <= a.size * 0.15;
      // A heading under a paragraph that ended at the edge, when the page does not indent.
      const ordinal = /^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;
      const heading =
        (ordinal.test(b.text) && b.right < right - b.size * 3 && /[。；！？]$/.test(a.text.trimEnd())) ||
        // The line above is a heading itself: short, an ordinal, no closing punctuation.
        (ordinal.test(a.text) && a.text.trim().length <= 30 && !/[。；！？，,]$/.test(a.text.trimEnd()));
      if (full && !indented && close && sameSize && !heading) {
        const sep = /[A-Za-z0-9,.;:]$/.test(a.text) && /^[A-Za-z0-9]/.test(b.text) ? ' ' : '';
        a.text = a.text + sep + b.text.trimStart();
        a.right = b.right;
        a.y = b.y;
        continue;
      }
    }
    out.push(p.line ? { ...p, line: { ...p.line } } : p);
  }
  return out;
}

/** Reads a PDF's text layer. Throws BinaryReadError for a scan, a password, a broken file. */
export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js takes ownership of (and may detach) the buffer it is given.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    throw new BinaryReadError(name === 'PasswordException' ? 'encrypted' : 'corrupt', String((e as Error).message ?? e));
  }
  try {
    const pages: Array<{ runs: Run[]; rules: { h: Rule[]; v: Rule[] } }> = [];
    let glyphs = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str || !item.str.trim()) continue;
        const [a, b, c, d, e, f] = item.transform;
        const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
        // Text set vertically (a group label turned in its cell) runs down, not across: its
        // place is where it starts, and it takes no width on the line.
        const rotated = Math.abs(b) > Math.abs(a);
        runs.push({ text: item.str, x: e, y: f, width: rotated ? 0 : item.width, size });
        glyphs += item.str.trim().length;
      }
      const [x1, y1, x2, y2] = page.view;
      pages.push({ runs, rules: runs.length ? pageRules(await page.getOperatorList(), lib.OPS, Math.abs((x2 - x1) * (y2 - y1))) : { h: [], v: [] } });
      page.cleanup();
    }
    const margins = marginsOf(pages);
    const blocks: Block[] = [];
    const tables: TableState = { count: 0, open: false };
    pages.forEach((p, i) => blocks.push(...pageBlocks(p.runs, p.rules, i + 1, tables, margins)));
    if (glyphs === 0) throw new BinaryReadError('scanned');
    // Fonts embedded without a map back to characters give private-use codes or U+FFFD: such a
    // text layer cannot be read, and checking it would report a report that is not there.
    let unreadable = 0;
    for (const p of pages) for (const r of p.runs) for (const ch of r.text) if (/[\ue000-\uf8ff\ufffd\u0000-\u0008]/.test(ch)) unreadable++;
    if (unreadable > glyphs * 0.3) throw new BinaryReadError('garbled');
    return writeBlocks('pdf', blocks);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
