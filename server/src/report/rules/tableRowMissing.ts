/**
 * table-row-missing: every row the format lists must be in its table. The fix inserts the row
 * in the table's own layout, next to its neighbours; its figures are 0, except （七）总计 and
 * 结转下年度继续办理, which are computed from the rows that are there when they can be.
 */
import { applicationsRowLabel, formats, type ApplicationsRow, type Text } from '../formats';
import type { BoundRow, BoundTable, LayoutKind, Report } from '../model';
import { renderRow } from '../templates';
import { formatValue } from '../text/cellValue';
import { cellAt, TABLE_NAMES } from './describe';
import { lineEndAt, lineStartAt, rowsCutOff } from './support';
import type { Finding, Rule } from './types';

interface Wanted {
  id: string;
  name: Text;
  /** Rows of text (each a list of cells: labels then values) to insert. */
  rows: Array<{ labels: string[]; values: string[] }>;
  computed: boolean;
  /** The expected ids this insertion stands for (a whole block of table 二). */
  ids: string[];
}

function numberAt(table: BoundTable, rowId: string, columnId: string): number | undefined {
  const c = cellAt(table, rowId, columnId);
  if (!c) return undefined;
  return c.value.kind === 'number' ? c.value.value : c.value.kind === 'blank' ? 0 : undefined;
}

/** （七）总计 and 四、结转下年度继续办理 follow from the other rows. */
function computedApplications(table: BoundTable, rowId: string, columnId: string): number | undefined {
  const apps = formats[table.format].data.applications;
  const sum = (ids: string[]) => {
    let s = 0;
    for (const id of ids) {
      const v = numberAt(table, id, columnId);
      if (v === undefined) return undefined;
      s += v;
    }
    return s;
  };
  if (rowId === apps.resultTotal.total) return sum(apps.resultTotal.parts);
  if (rowId === apps.balance.derived) {
    const left = sum(apps.balance.left);
    const right = sum(apps.balance.right.filter((r) => r !== rowId));
    return left !== undefined && right !== undefined && left - right >= 0 ? left - right : undefined;
  }
  return undefined;
}

function leadingCells(row: BoundRow | undefined): number {
  if (!row?.labelCell) return 0;
  return row.raw.cells.indexOf(row.labelCell);
}

function wantedRows(table: BoundTable, like: BoundRow | undefined): Wanted[] {
  const present = new Set(table.rows.map((r) => r.id));
  const format = formats[table.format];
  const out: Wanted[] = [];
  if (table.kind === 'applications') {
    for (const row of format.applications.valueRows) {
      if (present.has(row.id)) continue;
      const values = format.applications.columns.map((c) => computedApplications(table, row.id, c.id));
      const computed = values.every((v) => v !== undefined) && values.some((v) => v !== 0);
      out.push({
        id: row.id,
        name: { zh: applicationsRowLabel(row), en: row.label.en },
        rows: [{ labels: labelCells(format.applications.rowById, row, leadingCells(like)), values: values.map((v) => (computed ? formatValue(v!) : '0')) }],
        computed,
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

function labelCells(rows: Map<string, ApplicationsRow>, row: ApplicationsRow, leading: number): string[] {
  const label = applicationsRowLabel(row);
  if (leading <= 0) return [label];
  const parent = row.parent ? rows.get(row.parent) : undefined;
  const siblings = parent ? [...rows.values()].filter((r) => r.parent === parent.id) : [];
  const cells = Array<string>(leading).fill('');
  if (parent && siblings[0] === row) cells[leading - 1] = applicationsRowLabel(parent);
  return [...cells, label];
}

function expectedOrder(table: BoundTable): string[] {
  const f = formats[table.format];
  if (table.kind === 'applications') return f.applications.valueRows.map((r) => r.id);
  if (table.kind === 'activeDisclosure') return f.activeDisclosure.blocks.flatMap((b) => b.rows.map((r) => r.id));
  return ['values'];
}

function insertion(report: Report, table: BoundTable, wanted: Wanted, eol: string): { at: number; text: string; near: BoundRow | undefined } {
  const order = expectedOrder(table);
  const byId = new Map(table.rows.map((r) => [r.id, r]));
  const first = order.indexOf(wanted.ids[0]);
  const last = order.indexOf(wanted.ids[wanted.ids.length - 1]);
  const next = order.slice(last + 1).map((id) => byId.get(id)).find((r) => r);
  const prev = order.slice(0, first).reverse().map((id) => byId.get(id)).find((r) => r);
  const layout: LayoutKind = table.layout;
  const body = wanted.rows.map((r) => renderRow(layout, r.labels, r.values, eol)).join(layout === 'cell-per-line' ? eol + eol : eol);
  const gap = layout === 'cell-per-line' ? eol + eol : eol;
  if (next) return { at: lineStartAt(report, next.raw.range.start), text: body + gap, near: next };
  const after = prev ?? table.rows[table.rows.length - 1];
  if (after) return { at: lineEndAt(report, after.raw.range.end), text: gap + body, near: after };
  return { at: lineEndAt(report, table.range.end), text: gap + body, near: undefined };
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
    for (const table of report.tables) {
      const like = table.rows.find((r) => r.labelCell);
      const cutOff = rowsCutOff(table);
      const missing = wantedRows(table, like).filter((w) => !w.ids.every((id) => cutOff.has(id)));
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
        const { at, text, near } = insertion(report, table, wanted, eol);
        const anchor = near?.labelCell?.range ?? near?.valueCells[0]?.range ?? table.rawRows[0].range;
        findings.push({
          code: 'table-row-missing',
          range: anchor,
          message: { id: 'missing', args: { table: TABLE_NAMES[table.kind], row: wanted.name } },
          fix: {
            title: { id: wanted.computed ? 'fixInsertComputed' : 'fixInsert', args: { row: wanted.name } },
            edits: [{ range: { start: at, end: at }, newText: text }],
            preferred: true,
          },
        });
      }
    }
    return findings;
  },
};
