/**
 * Binds the rows the layouts found to the three official tables. Rows are recognised by their
 * labels wherever they are (seed 003 has table 三 with no section heading above it), values
 * are aligned from the right — group labels and vertical header fragments on the left vary
 * from draft to draft, the value columns do not — and a row whose count is off is kept
 * unbound rather than guessed (FORMAT.md §7).
 */
import { formats, type FormatId } from '../formats';
import type { ActiveDisclosureTable, ApplicationsTable, BoundCell, BoundRow, BoundTable, LayoutKind, RawCell, RawRow, ReviewLitigationTable, TableKind, UnreadableTable } from '../model';
import { assessTable, unreadableFrom } from './readability';
import type { Segment } from '../layouts';
import { splitAtLabels, splitTrailingValues } from '../layouts/cellPerLine';
import { looksLikeValue, parseCellValue } from '../text/cellValue';
import { squash } from '../text/normalize';
import { activeDisclosureEvidence, matchLabel, type LabelHit } from './labels';
import type { ColumnDef, Format, ReviewColumn, SectionDef } from '../formats';

interface Classified {
  table: TableKind;
  role: 'row' | 'caption' | 'header';
  rowId?: string;
  labelIndex: number;
}

interface Collecting {
  kind: TableKind;
  rows: Array<{ raw: RawRow; rowId: string; labelIndex: number }>;
  rawRows: RawRow[];
  otherRows: RawRow[];
  rowIds: Set<string>;
}

function classify(row: RawRow, context: { group?: string }): Classified | undefined {
  let group = context.group;
  let rowHit: { hit: LabelHit; index: number } | undefined;
  let caption = false;
  // Made for the few rows that hold header words: most rows hold none.
  let headers: Map<TableKind, number> | undefined;
  // Distinct value rows whose labels the row holds: two of them make it a header.
  let firstValueRow: string | undefined;
  let twoValueRows = false;
  const cells = row.cells;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (cell.empty) continue;
    const hit = matchLabel(cell.text, group);
    if (!hit) continue;
    // A generic word (总计, 其他) closing a row of words is a header: `| 类别 | 数据1 | … | 总计 |`.
    if (hit.role === 'row' && hit.table === 'applications' && hit.row.generic && isHeaderEnd(row, index)) {
      headers ??= new Map();
      headers.set('applications', (headers.get('applications') ?? 0) + 1);
      continue;
    }
    if (hit.role === 'row') {
      rowHit = { hit, index };
      if (hit.table === 'applications') {
        group = hit.row.kind === 'group' ? hit.row.id : hit.row.parent;
        if (hit.row.kind === 'value') {
          if (firstValueRow === undefined) firstValueRow = hit.row.id;
          else if (firstValueRow !== hit.row.id) twoValueRows = true;
        }
      } else if (firstValueRow === undefined) firstValueRow = hit.rowId;
      else if (firstValueRow !== hit.rowId) twoValueRows = true;
    } else if (hit.role === 'caption') caption = true;
    else {
      headers ??= new Map();
      headers.set(hit.table, (headers.get(hit.table) ?? 0) + 1);
    }
  }
  // Two rows' labels in one row name columns: `| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | … |`.
  if (rowHit && twoValueRows) return { table: rowHit.hit.table, role: 'header', labelIndex: -1 };
  // A label on a line of its own, with no cell after it, names what follows (### 一、本年新收…).
  if (rowHit && row.cells.length === 1) {
    context.group = group;
    return { table: rowHit.hit.table, role: 'header', labelIndex: -1 };
  }
  if (rowHit) {
    const hit = rowHit.hit;
    context.group = group;
    const rowId = hit.role !== 'row' ? undefined : hit.table === 'applications' ? hit.row.id : hit.rowId;
    return { table: hit.table, role: 'row', rowId, labelIndex: rowHit.index };
  }
  if (caption) return { table: 'activeDisclosure', role: 'caption', labelIndex: -1 };
  if (headers) {
    // The table with the most header words; of a tie, the one named first.
    let table: TableKind | undefined;
    let most = 0;
    for (const [t, n] of headers) {
      if (n > most) {
        table = t;
        most = n;
      }
    }
    return { table: table!, role: 'header', labelIndex: -1 };
  }
  return undefined;
}

/** The cell closes a row of header words: no figure after it, and words (not labels) before it. */
function isHeaderEnd(row: RawRow, index: number): boolean {
  if (row.cells.slice(index + 1).some((c) => !c.empty && looksLikeValue(c.text))) return false;
  const before = row.cells.slice(0, index).filter((c) => !c.empty);
  return before.length >= 2 && before.every((c) => !looksLikeValue(c.text));
}

/** Ends in 。 or ；. */
function endsSentence(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x3002 || last === 0xff1b;
}

function isProse(row: RawRow): boolean {
  return row.cells.some((c) => c.text.length > 40 || endsSentence(c.text));
}

/** A row of table 四's fifteen figures carries no label of its own. */
function isReviewValueRow(row: RawRow): boolean {
  if (row.cells.length < 10 || row.cells.length > 20) return false;
  const filled = row.cells.filter((c) => !c.empty);
  if (filled.length < 5) return false;
  return filled.filter((c) => looksLikeValue(c.text)).length >= filled.length - 1;
}

export function alignValues(cells: RawCell[], labelIndex: number, expected: number): { valueCells: RawCell[]; matches: boolean } {
  const vals = cells.slice(labelIndex + 1);
  // Ragged trailing cells (seed 002's `| |||`) and a leading empty sub-label column (seed 003's
  // `一、本年新收…→→0`) are not values; wrapped label fragments are not either.
  while (vals.length > expected && vals[vals.length - 1].empty) vals.pop();
  while (vals.length > expected && (vals[0].empty || !looksLikeValue(vals[0].text))) vals.shift();
  return { valueCells: vals, matches: vals.length === expected };
}

/** Figures run together in one cell ("0 20"): a delimiter was lost, so the cells no longer line up. */
const SEVERAL_FIGURES = /[0-9０-９][\s\u00a0\u3000]+[0-9０-９]/;

/** Table 二's blocks by id, one map per format (the format's data never changes). */
const blockMaps = new WeakMap<Format, ActiveDisclosureTable['blocks']>();
function blocksOf(format: Format): ActiveDisclosureTable['blocks'] {
  let map = blockMaps.get(format);
  if (!map) blockMaps.set(format, (map = new Map(format.activeDisclosure.blocks.map((b) => [b.id, b]))));
  return map;
}

/** Each column's kind of value and unit, worked out once per list of columns. */
const columnKinds = new WeakMap<ReadonlyArray<ColumnDef | ReviewColumn>, Array<{ kind: Parameters<typeof parseCellValue>[1]; unit: Parameters<typeof parseCellValue>[2] }>>();
function kindsOf(columns: ReadonlyArray<ColumnDef | ReviewColumn>) {
  let kinds = columnKinds.get(columns);
  if (!kinds) {
    kinds = columns.map((column) => ({ kind: 'kind' in column ? column.kind : 'count', unit: 'unit' in column ? column.unit : undefined }));
    columnKinds.set(columns, kinds);
  }
  return kinds;
}

function boundRow(raw: RawRow, id: string, labelIndex: number, columns: ReadonlyArray<ColumnDef | ReviewColumn>): BoundRow {
  let { valueCells, matches } = alignValues(raw.cells, labelIndex, columns.length);
  // A row that lost a delimiter can still count right by taking a blank label column for a
  // figure: it is miscounted, kept out of every sum, and its figures are those it shows.
  // (Two figures and a space between them take three characters.)
  if (valueCells.some((c) => c.text.length >= 3 && SEVERAL_FIGURES.test(c.text))) {
    matches = false;
    while (valueCells.length && valueCells[0].empty) valueCells = valueCells.slice(1);
  }
  const kinds = matches ? kindsOf(columns) : undefined;
  const cells: BoundCell[] = kinds
    ? valueCells.map((cell, i) => {
        const column = columns[i];
        return { rowId: id, columnId: column.id, column, raw: cell, value: parseCellValue(cell.text, kinds[i].kind, kinds[i].unit) };
      })
    : [];
  return {
    id,
    raw,
    labelCell: labelIndex >= 0 ? raw.cells[labelIndex] : undefined,
    expected: columns.length,
    valueCells,
    cells,
    cellCountMatches: matches,
  };
}

function layoutOf(rows: RawRow[]): LayoutKind {
  // Most tables are of one layout: counted only when another appears.
  const first = rows[0].layout;
  if (rows.every((r) => r.layout === first)) return first;
  const counts = new Map<LayoutKind, number>();
  for (const r of rows) counts.set(r.layout, (counts.get(r.layout) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

function rangeOf(rows: RawRow[]) {
  let start = Infinity;
  let end = -Infinity;
  for (const r of rows) {
    if (r.range.start < start) start = r.range.start;
    if (r.range.end > end) end = r.range.end;
  }
  return { start, end };
}

export interface BindOptions {
  /** Format to assume when a table's own shape does not tell. */
  fallbackFormat: FormatId;
  override?: FormatId;
}

function finish(c: Collecting, options: BindOptions): BoundTable | undefined {
  if (!c.rawRows.length) return undefined;
  const base = { layout: layoutOf(c.rawRows), range: rangeOf(c.rawRows), rawRows: c.rawRows };
  if (c.kind === 'applications') {
    const ids = c.rowIds;
    let evidence: FormatId | undefined;
    if (formats['2021'].data.applications.signatureRows.some((id) => ids.has(id)) || ids.has('otherReasons')) evidence = '2021';
    else {
      const other = c.rows.find((r) => r.rowId === 'otherHandling');
      if (other && other.raw.cells.slice(other.labelIndex + 1).some((cell) => !cell.empty && looksLikeValue(cell.text))) evidence = '2019';
    }
    const format = formats[options.override ?? evidence ?? options.fallbackFormat];
    const rows: BoundRow[] = [];
    const otherRows = [...c.otherRows];
    for (const r of c.rows) {
      const def = format.applications.rowById.get(r.rowId);
      if (!def || def.kind === 'group') otherRows.push(r.raw);
      else rows.push(boundRow(r.raw, r.rowId, r.labelIndex, format.applications.columns));
    }
    const table: ApplicationsTable = {
      kind: 'applications',
      ...base,
      rows,
      otherRows,
      format: format.id,
      formatEvidence: evidence !== undefined && !options.override,
      rowDefs: format.applications.rowById,
    };
    return table;
  }
  if (c.kind === 'activeDisclosure') {
    const parts: string[] = [];
    for (const r of c.rawRows) for (const cell of r.cells) if (!cell.empty && !looksLikeValue(cell.text)) parts.push(squash(cell.text));
    const words = parts.join('|');
    const evidence = activeDisclosureEvidence(words);
    const format = formats[options.override ?? evidence ?? options.fallbackFormat];
    const rows: BoundRow[] = [];
    const otherRows = [...c.otherRows];
    for (const r of c.rows) {
      const def = format.activeDisclosure.rowById.get(r.rowId);
      if (!def) otherRows.push(r.raw);
      else rows.push(boundRow(r.raw, r.rowId, r.labelIndex, def.block.columns));
    }
    const table: ActiveDisclosureTable = {
      kind: 'activeDisclosure',
      ...base,
      rows,
      otherRows,
      format: format.id,
      formatEvidence: evidence !== undefined && !options.override,
      blocks: blocksOf(format),
      rowDefs: format.activeDisclosure.rowById,
    };
    return table;
  }
  const format = formats[options.override ?? options.fallbackFormat];
  const grouped = c.rows.length ? undefined : groupedReviewRow(c.otherRows, format);
  const rows = grouped ? [boundRow(grouped, 'values', -1, format.reviewLitigation.columns)] : c.rows.map((r) => boundRow(r.raw, r.rowId, r.labelIndex, format.reviewLitigation.columns));
  const table: ReviewLitigationTable = {
    kind: 'reviewLitigation',
    ...base,
    rows,
    otherRows: c.otherRows,
    format: format.id,
    formatEvidence: false,
  };
  return table;
}

/**
 * Table 四 written as three small tables, one per group (### 行政复议 / ### 行政诉讼（未经复议直接
 * 起诉） / ### 行政诉讼（复议后起诉）, each with its five outcomes and a row of five figures): the
 * three rows of figures, each under the caption that names its group, are the table's one row.
 * Only when every group is named once and has exactly five figures.
 */
function groupedReviewRow(rows: RawRow[], format: (typeof formats)['2021']): RawRow | undefined {
  const groups = format.data.reviewLitigation.groups;
  const found = new Map<string, RawRow>();
  let current: string | undefined;
  for (const row of rows) {
    const filled = row.cells.filter((c) => !c.empty);
    if (filled.length && filled.every((c) => looksLikeValue(c.text))) {
      if (filled.length !== 5 || !current || found.has(current)) return undefined;
      found.set(current, { ...row, cells: filled });
      current = undefined;
      continue;
    }
    const text = squash(row.cells.map((c) => c.text).join(''));
    // The litigation groups' labels hold 复议 too: the most specific label wins.
    const named = [...groups].sort((a, b) => b.label.zh.length - a.label.zh.length).find((g) => text.includes(squash(g.label.zh)));
    if (named) current = named.id;
  }
  if (found.size !== groups.length) return undefined;
  const parts = groups.map((g) => found.get(g.id)!);
  return {
    layout: parts[0].layout,
    cells: parts.flatMap((p) => p.cells),
    range: { start: parts[0].range.start, end: parts[parts.length - 1].range.end },
    startLine: parts[0].startLine,
    endLine: parts[parts.length - 1].endLine,
  };
}

/** A cell that starts a row of a one-cell-per-line run. */
function startsRow(cell: RawCell): boolean {
  // Any group context will do here: it only lets a bare 总计 count as a row start.
  const hit = matchLabel(cell.text, 'results');
  return hit !== undefined && hit.role !== 'header';
}

function isValueCell(cell: RawCell): boolean {
  return looksLikeValue(cell.text);
}

export interface BoundTables {
  tables: BoundTable[];
  /** Tables found but not read with confidence: not judged, reported once each. */
  unreadable: UnreadableTable[];
}

export function bindTables(segments: Segment[], sectionAt: (line: number) => SectionDef | undefined, options: BindOptions): BoundTables {
  const tables: BoundTable[] = [];
  const unreadable: UnreadableTable[] = [];
  let current: Collecting | undefined;
  let section: SectionDef | undefined;
  const context: { group?: string } = {};

  const close = () => {
    if (current) {
      const t = finish(current, options);
      const problem = t && assessTable(t, options.override !== undefined);
      if (t && problem) unreadable.push(unreadableFrom(t, problem));
      else if (t) tables.push(t);
    }
    current = undefined;
    context.group = undefined;
  };
  const open = (kind: TableKind) => {
    close();
    current = { kind, rows: [], rawRows: [], otherRows: [], rowIds: new Set() };
    return current;
  };

  const take = (row: RawRow) => {
    const hit = classify(row, context);
    if (hit) {
      const duplicate = hit.role === 'row' && hit.rowId !== undefined && current?.kind === hit.table && current.rowIds.has(hit.rowId);
      const table = current && current.kind === hit.table && !duplicate ? current : open(hit.table);
      table.rawRows.push(row);
      if (hit.role === 'row' && hit.rowId !== undefined) {
        table.rows.push({ raw: row, rowId: hit.rowId, labelIndex: hit.labelIndex });
        table.rowIds.add(hit.rowId);
      } else table.otherRows.push(row);
      return;
    }
    const inReviewSection = section?.table === 'reviewLitigation';
    // A row of fifteen empty cells under table 四's headers is its value row, not yet filled in.
    const blankValues = current?.kind === 'reviewLitigation' && row.cells.length === formats['2021'].reviewLitigation.columns.length && row.cells.every((c) => c.empty) && row.layout === 'markdown';
    if ((isReviewValueRow(row) || blankValues) && ((current?.kind === 'reviewLitigation' && !current.rowIds.has('values')) || (!current && inReviewSection))) {
      const table = current ?? open('reviewLitigation');
      table.rawRows.push(row);
      table.rows.push({ raw: row, rowId: 'values', labelIndex: -1 });
      table.rowIds.add('values');
      return;
    }
    if (!current) return;
    if (isProse(row)) close();
    else {
      current.rawRows.push(row);
      current.otherRows.push(row);
    }
  };

  for (const segment of segments) {
    if (segment.kind === 'heading') {
      close();
      section = sectionAt(segment.line);
      continue;
    }
    const row = segment.row;
    if (row.layout === 'cell-per-line' && row.cells.length > 2) {
      for (const part of splitAtLabels(row, startsRow, isValueCell)) for (const piece of splitTrailingValues(part, isValueCell)) take(piece);
    } else take(row);
  }
  close();
  return { tables, unreadable };
}
