/**
 * table-row-missing: every row the format lists must be in its table. The fix inserts the row
 * in the table's own layout, copied from the row it goes next to: as many label cells, the
 * group label where the group starts, as many trailing cells (a loose table's ragged `| ||`),
 * a `<tr>` inside an HTML table. Its figures are 0, except （七）总计 and 结转下年度继续办理,
 * which are computed from the rows that are there — and when they cannot be computed, no row
 * is inserted: a total of zeros would be a figure nobody wrote.
 *
 * Most of a table missing is one finding without a fix (the figures must come from the
 * author), and an HTML row inside a rowspan is left to the author (inserting it would shift
 * the spanned cells).
 */
import { applicationsRowLabel, formats, type ApplicationsRow, type Text } from '../formats';
import type { BoundRow, BoundTable, Report } from '../model';
import { renderRow } from '../templates';
import { formatValue } from '../text/cellValue';
import { cellAt, TABLE_NAMES, tablesByKind } from './describe';
import { constraintsOf, sumsHold, type Term } from './arithmetic';
import { lineEndAt, lineStartAt, rowsCutOff } from './support';
import type { Finding, Rule, TextEdit } from './types';

interface Wanted {
  id: string;
  name: Text;
  /** Rows of text (each a list of cells: labels then values) to insert. */
  rows: Array<{ labels: string[]; values: string[] }>;
  computed: boolean;
  /** A total that could not be computed: reported without a fix. */
  uncomputable?: boolean;
  /** The expected ids this insertion stands for (a whole block of table 二). */
  ids: string[];
}

function numberAt(table: BoundTable, rowId: string, columnId: string): number | undefined {
  const c = cellAt(table, rowId, columnId);
  if (!c) return undefined;
  return c.value.kind === 'number' ? c.value.value : c.value.kind === 'blank' ? 0 : undefined;
}

/**
 * The figures a missing row must hold for the table's sums to hold: in each column, the first
 * sum in which it is the only unknown decides it (a part of （七）总计 is the total less the other
 * parts; （七）总计 is its parts' sum; 结转 is what the balance leaves). Undetermined columns are
 * undefined; a figure that would be negative or fractional makes the whole row undetermined.
 */
function solvedApplications(table: BoundTable, rowId: string): Array<number | undefined> {
  const columns = formats[table.format].applications.columns;
  const constraints = constraintsOf(table);
  const solved = new Map<string, number>();
  const unknown = (t: Term) => t.rowId === rowId && !solved.has(t.columnId);
  // Column figures first (results, balance), then the row's own total from its parts.
  for (let round = 0; round < 2; round++) {
    for (const c of constraints) {
      const missing = c.terms.filter((t) => t.cell === undefined && t.rowId === rowId);
      if (missing.length !== 1 || !unknown(missing[0])) continue;
      if (c.terms.some((t) => t !== missing[0] && t.cell === undefined && !(t.rowId === rowId && solved.has(t.columnId)))) continue;
      let rest = 0;
      let readable = true;
      for (const t of c.terms) {
        if (t === missing[0]) continue;
        const v = t.cell ? numberAt(table, t.rowId, t.columnId) : solved.get(t.columnId);
        if (v === undefined) readable = false;
        else rest += t.coef * v;
      }
      if (!readable) continue;
      const value = -rest / missing[0].coef;
      if (value < 0 || !Number.isInteger(value)) return columns.map(() => undefined);
      solved.set(missing[0].columnId, value);
    }
  }
  return columns.map((c) => solved.get(c.id));
}

/** The figures, put in the missing row, leave every sum through it holding (or unjudged). */
function consistentWith(table: BoundTable, rowId: string, values: number[]): boolean {
  const columns = formats[table.format].applications.columns;
  const byColumn = new Map(columns.map((c, i) => [c.id, values[i]]));
  const inserted = (t: Term) => t.rowId === rowId && t.cell === undefined;
  return sumsHold(table, inserted, (t) => (inserted(t) ? byColumn.get(t.columnId) : numberAt(table, t.rowId, t.columnId)));
}

function isTotalRow(table: BoundTable, rowId: string): boolean {
  // The rows other rows add up to, or that the balance leaves: never written as zeros.
  const apps = formats[table.format].data.applications;
  return rowId === apps.resultTotal.total || rowId === apps.balance.derived;
}

function expectedOrder(table: BoundTable): string[] {
  const f = formats[table.format];
  if (table.kind === 'applications') return f.applications.valueRows.map((r) => r.id);
  if (table.kind === 'activeDisclosure') return f.activeDisclosure.blocks.flatMap((b) => b.rows.map((r) => r.id));
  return ['values'];
}

/** The present rows the missing ones go between. */
function neighbours(table: BoundTable, ids: string[]): { prev?: BoundRow; next?: BoundRow } {
  const order = expectedOrder(table);
  const byId = new Map(table.rows.map((r) => [r.id, r]));
  const first = order.indexOf(ids[0]);
  const last = order.indexOf(ids[ids.length - 1]);
  return {
    next: order.slice(last + 1).map((id) => byId.get(id)).find((r) => r),
    prev: order.slice(0, first).reverse().map((id) => byId.get(id)).find((r) => r),
  };
}

/** How the neighbour row lays out its cells: label cells before its label, cells after its figures. */
function shapeOf(row: BoundRow | undefined): { leading: number; trailing: number } {
  if (!row) return { leading: 0, trailing: 0 };
  const labelIndex = row.labelCell ? row.raw.cells.indexOf(row.labelCell) : -1;
  const lastValue = row.valueCells.length ? row.raw.cells.indexOf(row.valueCells[row.valueCells.length - 1]) : row.raw.cells.length - 1;
  return { leading: Math.max(0, labelIndex), trailing: Math.max(0, row.raw.cells.length - 1 - lastValue) };
}

function labelCells(rows: Map<string, ApplicationsRow>, row: ApplicationsRow, leading: number): string[] {
  const label = applicationsRowLabel(row);
  if (leading <= 0) return [label];
  const parent = row.parent ? rows.get(row.parent) : undefined;
  const siblings = parent ? [...rows.values()].filter((r) => r.parent === parent.id) : [];
  const cells = Array<string>(leading).fill('');
  if (parent && siblings[0] === row) cells[leading - 1] = applicationsRowLabel(parent);
  return [...cells, label];
}

function wantedRows(table: BoundTable): Wanted[] {
  const present = new Set(table.rows.map((r) => r.id));
  const format = formats[table.format];
  const out: Wanted[] = [];
  if (table.kind === 'applications') {
    for (const row of format.applications.valueRows) {
      if (present.has(row.id)) continue;
      const solved = solvedApplications(table, row.id);
      const computed = solved.every((v) => v !== undefined) && solved.some((v) => v !== 0);
      const total = isTotalRow(table, row.id);
      // Figures no sum decides are written as 0 — a data row only, and only where 0 breaks no sum.
      const values = solved.map((v) => v ?? 0);
      const { prev, next } = neighbours(table, [row.id]);
      const leading = shapeOf(next ?? prev).leading;
      out.push({
        id: row.id,
        name: { zh: applicationsRowLabel(row), en: row.label.en },
        rows: [{ labels: labelCells(format.applications.rowById, row, leading), values: values.map(formatValue) }],
        computed,
        // A total of zeros is a figure nobody wrote: without every part, no total row is inserted.
        uncomputable: (total && solved.some((v) => v === undefined)) || !consistentWith(table, row.id, values),
        ids: [row.id],
      });
    }
  } else if (table.kind === 'activeDisclosure') {
    for (const block of format.activeDisclosure.blocks) {
      const missing = block.rows.filter((r) => !present.has(r.id));
      if (!missing.length) continue;
      const zeros = block.columns.map(() => '0');
      if (missing.length === block.rows.length) {
        out.push({
          id: block.id,
          name: { zh: `${block.caption.zh}（${block.rows.map((r) => r.label.zh).join('、')}）`, en: `${block.caption.en} (${block.rows.map((r) => r.label.en).join(', ')})` },
          rows: [
            { labels: [block.caption.zh], values: [] },
            { labels: [format.data.activeDisclosure.labelHeader.zh], values: block.columns.map((c) => c.label.zh) },
            ...block.rows.map((r) => ({ labels: [r.label.zh], values: zeros })),
          ],
          computed: false,
          ids: block.rows.map((r) => r.id),
        });
      } else {
        for (const r of missing) out.push({ id: r.id, name: r.label, rows: [{ labels: [r.label.zh], values: zeros }], computed: false, ids: [r.id] });
      }
    }
  } else if (!present.has('values')) {
    out.push({ id: 'values', name: format.data.reviewLitigation.valueRow, rows: [{ labels: [], values: format.reviewLitigation.columns.map(() => '0') }], computed: false, ids: ['values'] });
  }
  return out;
}

/** An HTML row: `<td>`s, with the text escaped. */
function htmlRow(cells: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
}

/** The edit that inserts the rows, in the table's own layout; undefined when no safe one exists. */
function insertion(report: Report, table: BoundTable, wanted: Wanted, eol: string): { edit: TextEdit; near: BoundRow | undefined } | undefined {
  const { prev, next } = neighbours(table, wanted.ids);
  const like = next ?? prev;
  const trailing = Array<string>(shapeOf(like).trailing).fill('');
  if (table.layout === 'html') {
    // Between two rows of the table, in the source's own markup; never inside a rowspan.
    const spanned = (r: BoundRow | undefined) => !r || r.raw.cells.some((c) => c.spanned) || !r.raw.source;
    if (!like || spanned(like) || (next && spanned(next))) return undefined;
    const at = next ? next.raw.source!.start : like.raw.source!.end;
    const markup = wanted.rows.map((r) => htmlRow([...r.labels, ...r.values, ...trailing])).join('');
    return { edit: { range: { start: at, end: at }, newText: markup, inSource: true }, near: like };
  }
  const layout = table.layout;
  if (layout === 'cell-per-line' && !ownCellPerLine(report, table)) return likeNeighbour(report, table, wanted, like, next, prev, trailing);
  const body = wanted.rows.map((r) => renderRow(layout, r.labels, [...r.values, ...trailing], eol)).join(layout === 'cell-per-line' ? eol + eol : eol);
  const gap = layout === 'cell-per-line' ? eol + eol : eol;
  if (next) return { edit: { range: { start: lineStartAt(report, next.raw.range.start), end: lineStartAt(report, next.raw.range.start) }, newText: body + gap }, near: next };
  const after = prev ?? table.rows[table.rows.length - 1];
  const at = lineEndAt(report, after ? after.raw.range.end : table.range.end);
  return { edit: { range: { start: at, end: at }, newText: gap + body }, near: after };
}

/** One cell per line with nothing but white space between cells: the shape our own template writes. */
function ownCellPerLine(report: Report, table: BoundTable): boolean {
  return table.rawRows.every((row) =>
    row.cells.every((c, k) => k + 1 >= row.cells.length || /^[ \t]*\r?\n[ \t]*$/.test(report.text.slice(c.range.end, row.cells[k + 1].range.start))),
  );
}

/**
 * A row with one cell per line has no single shape (a tab before each cell, a `|` line
 * between cells, blank lines between rows): the new row is the neighbour's text with its
 * cells' texts replaced, and it goes where the neighbour's separator says. No fix when the
 * neighbour has a different number of cells or the separators are not plain.
 */
function likeNeighbour(
  report: Report,
  table: BoundTable,
  wanted: Wanted,
  like: BoundRow | undefined,
  next: BoundRow | undefined,
  prev: BoundRow | undefined,
  trailing: string[],
): { edit: TextEdit; near: BoundRow | undefined } | undefined {
  if (!like) return undefined;
  const text = report.text;
  const raw = like.raw;
  const i = table.rawRows.indexOf(raw);
  const other = table.rawRows[i + 1] ?? table.rawRows[i - 1];
  if (i < 0 || !other) return undefined;
  const gap = other.range.start > raw.range.end ? text.slice(raw.range.end, other.range.start) : text.slice(other.range.end, raw.range.start);
  const plain = (s: string) => s.length <= 40 && /^[\s|｜]*$/.test(s);
  if (!plain(gap) || !/[\r\n]/.test(gap)) return undefined;
  const bodies: string[] = [];
  for (const r of wanted.rows) {
    const full = [...r.labels, ...r.values, ...trailing];
    const cells = full.length === raw.cells.length ? full : [...r.labels.filter((c) => c !== ''), ...r.values, ...trailing];
    if (cells.length !== raw.cells.length) return undefined;
    let out = text.slice(raw.range.start, raw.cells[0].range.start);
    for (let k = 0; k < cells.length; k++) {
      out += cells[k];
      const between = text.slice(raw.cells[k].range.end, k + 1 < cells.length ? raw.cells[k + 1].range.start : raw.range.end);
      if (!plain(between)) return undefined;
      out += between;
    }
    bodies.push(out);
  }
  const body = bodies.join(gap);
  if (next) return { edit: { range: { start: next.raw.range.start, end: next.raw.range.start }, newText: body + gap }, near: next };
  const after = prev ?? like;
  return { edit: { range: { start: after.raw.range.end, end: after.raw.range.end }, newText: gap + body }, near: after };
}

/** More missing rows than this in one table are reported together. */
const MAX_LISTED = 4;

export const tableRowMissing: Rule = {
  code: 'table-row-missing',
  severity: 'error',
  description: { zh: '统计表必须包含规定格式列出的每一行', en: 'A table must contain every row the official format lists' },
  messages: {
    missing: { zh: '{table}缺少「{row}」行', en: '{table} has no row “{row}”' },
    fixInsert: { zh: '插入「{row}」行（数值为 0）', en: 'Insert the row “{row}” (figures 0)' },
    fixInsertComputed: { zh: '插入「{row}」行（数值按其他各行计算）', en: 'Insert the row “{row}” (figures computed from the other rows)' },
    missingMany: {
      zh: '{table}缺少 {count} 行：{rows}',
      en: '{table} lacks {count} rows: {rows}',
    },
  },
  check({ report, eol }) {
    const findings: Finding[] = [];
    // A table in fragments (split by a page or a caption the reader could not join): a row is
    // missing only if no fragment has it, and where it belongs cannot be told — no fix.
    const byKind = tablesByKind(report.tables);
    for (const table of report.tables) {
      const siblings = byKind.get(table.kind)!;
      if (siblings.length > 1 && siblings[0] !== table) continue;
      const inOthers = new Set(siblings.filter((t) => t !== table).flatMap((t) => t.rows.map((r) => r.id)));
      const cutOff = rowsCutOff(table);
      const missing = wantedRows(table).filter((w) => !w.ids.every((id) => cutOff.has(id) || inOthers.has(id)));
      const fragmented = siblings.length > 1;
      // Most of a table absent is one finding, not a row-by-row flood; rows of made-up zeros are
      // no fix for it — the table's figures have to come from the author.
      if (missing.length > MAX_LISTED) {
        const shown = missing.slice(0, 3).map((w) => w.name);
        const rows = {
          zh: shown.map((n) => `「${n.zh}」`).join('') + (missing.length > 3 ? '等' : ''),
          en: shown.map((n) => `“${n.en}”`).join(', ') + (missing.length > 3 ? ', …' : ''),
        };
        findings.push({ code: 'table-row-missing', range: table.rawRows[0].range, message: { id: 'missingMany', args: { table: TABLE_NAMES[table.kind], count: missing.length, rows } } });
        continue;
      }
      for (const wanted of missing) {
        const placed = wanted.uncomputable || fragmented ? undefined : insertion(report, table, wanted, eol);
        const near = placed?.near ?? neighbours(table, wanted.ids).next ?? neighbours(table, wanted.ids).prev;
        const anchor = near?.labelCell?.range ?? near?.valueCells[0]?.range ?? table.rawRows[0].range;
        findings.push({
          code: 'table-row-missing',
          range: anchor,
          message: { id: 'missing', args: { table: TABLE_NAMES[table.kind], row: wanted.name } },
          fix: placed && {
            title: { id: wanted.computed ? 'fixInsertComputed' : 'fixInsert', args: { row: wanted.name } },
            edits: [placed.edit],
            preferred: true,
          },
        });
      }
    }
    return findings;
  },
};
