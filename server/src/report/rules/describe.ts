/**
 * How findings name the places they talk about: 表三「（七）总计」行「自然人」列. The words come
 * from the format data, in both languages.
 */
import { applicationsRowLabel, type Text } from '../formats';
import type { ApplicationsTable, BoundCell, BoundTable, ReviewLitigationTable, ActiveDisclosureTable } from '../model';
import type { ReviewColumn } from '../formats';

/** The report's tables by kind, in order (a table read in fragments has several). */
export function tablesByKind(tables: readonly BoundTable[]): Map<BoundTable['kind'], BoundTable[]> {
  const map = new Map<BoundTable['kind'], BoundTable[]>();
  for (const t of tables) {
    const list = map.get(t.kind);
    if (list) list.push(t);
    else map.set(t.kind, [t]);
  }
  return map;
}

export const TABLE_NAMES: Record<BoundTable['kind'], Text> = {
  activeDisclosure: { zh: '表二', en: 'table 2' },
  applications: { zh: '表三', en: 'table 3' },
  reviewLitigation: { zh: '表四', en: 'table 4' },
};

export function rowName(table: BoundTable, rowId: string): Text {
  if (table.kind === 'applications') {
    const def = table.rowDefs.get(rowId);
    // “1.本机关不掌握…” repeats its number in every group: name the group's ordinal too.
    const parent = def?.parent ? table.rowDefs.get(def.parent) : undefined;
    const prefix = parent?.parent !== undefined ? parent.ordinal : '';
    if (def) return { zh: prefix + applicationsRowLabel(def), en: def.label.en };
  } else if (table.kind === 'activeDisclosure') {
    const def = table.rowDefs.get(rowId);
    if (def) return def.row.label;
  }
  return { zh: rowId, en: rowId };
}

export function reviewColumnName(column: ReviewColumn): Text {
  return { zh: `${column.groupLabel.zh}·${column.label.zh}`, en: `${column.groupLabel.en} · ${column.label.en}` };
}

export function columnName(cell: BoundCell): Text {
  const c = cell.column;
  return 'groupLabel' in c ? reviewColumnName(c as ReviewColumn) : c.label;
}

/** 表三「（一）予以公开」行「自然人」列 */
export function cellName(table: BoundTable, cell: BoundCell): Text {
  const t = TABLE_NAMES[table.kind];
  const col = columnName(cell);
  if (table.kind === 'reviewLitigation') return { zh: `${t.zh}「${col.zh}」`, en: `${t.en}, “${col.en}”` };
  const row = rowName(table, cell.rowId);
  return { zh: `${t.zh}「${row.zh}」行「${col.zh}」列`, en: `${t.en}, row “${row.en}”, column “${col.en}”` };
}

export function isApplications(t: BoundTable): t is ApplicationsTable {
  return t.kind === 'applications';
}
export function isReview(t: BoundTable): t is ReviewLitigationTable {
  return t.kind === 'reviewLitigation';
}
export function isActiveDisclosure(t: BoundTable): t is ActiveDisclosureTable {
  return t.kind === 'activeDisclosure';
}

/**
 * A cell by row and column. A linear search: a table has at most 25 rows, and a memo keyed by
 * table (a WeakMap) kept every check's rows and cells alive into the old generation, which
 * cost more in garbage collection than the search.
 */
export function cellAt(table: BoundTable, rowId: string, columnId: string): BoundCell | undefined {
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].id !== rowId) continue;
    const cells = rows[r].cells;
    for (let i = 0; i < cells.length; i++) if (cells[i].columnId === columnId) return cells[i];
    return undefined;
  }
  return undefined;
}

/** A number as the message shows it. */
export function figure(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10000) / 10000);
}
