/**
 * The three tables in the layout of the official form (国办公开办函〔2021〕30号, or the 2019
 * trial format for those years): merged header cells (申请人情况 over seven columns, 法人或其他组织
 * over five, 行政诉讼 over ten) and grouped row labels (三、本年度办理结果 down every result row,
 * （三）不予公开 down its eight). Built from the format data, filled with the report's figures
 * as written; the HTML export, the preview and the Word export all draw these grids.
 */
import { applicationsRowLabel, type Format } from '../formats';
import type { BoundCell, BoundTable } from '../model';
import { cellText, rowAt } from './document';

export interface OfficialCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** A header or caption cell (bold, centred). */
  header?: boolean;
  /** A row label (left-aligned). */
  label?: boolean;
  /** A value cell: where its figure belongs, and the cell it came from (for marking findings). */
  value?: { rowId: string; columnId: string; cell?: BoundCell; raw?: { start: number; end: number } };
}

export type OfficialGrid = OfficialCell[][];

/** The figures of one row, in column order; a row with too many keeps the extra in its last cell. */
function values(table: BoundTable | undefined, rowId: string, columnIds: string[]): OfficialCell[] {
  const row = table && rowAt(table, rowId);
  if (row && !row.cellCountMatches) {
    const texts = row.valueCells.map((c) => (c.spanned ? '' : c.text.trim()));
    return columnIds.map((columnId, i) => ({
      text: i === columnIds.length - 1 ? texts.slice(i).join(' ') : (texts[i] ?? ''),
      value: { rowId, columnId, raw: row.valueCells[i]?.range },
    }));
  }
  return columnIds.map((columnId) => {
    const cell = row?.cells.find((c) => c.columnId === columnId);
    return { text: cellText(cell), value: { rowId, columnId, cell, raw: cell?.raw.range } };
  });
}

export function activeDisclosureGrid(format: Format, table?: BoundTable): OfficialGrid {
  const blocks = format.activeDisclosure.blocks;
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  const spread = (cells: OfficialCell[]) => {
    const last = cells[cells.length - 1];
    const span = width - cells.length + 1;
    if (span > 1) last.colSpan = span;
    return cells;
  };
  const grid: OfficialGrid = [];
  for (const block of blocks) {
    grid.push([{ text: block.caption.zh, colSpan: width, header: true }]);
    grid.push(spread([{ text: format.data.activeDisclosure.labelHeader.zh, header: true }, ...block.columns.map((c) => ({ text: c.label.zh, header: true }))]));
    for (const row of block.rows) grid.push(spread([{ text: row.label.zh, label: true }, ...values(table, row.id, block.columns.map((c) => c.id))]));
  }
  return grid;
}

export function applicationsGrid(format: Format, table?: BoundTable): OfficialGrid {
  const apps = format.applications;
  const ids = apps.columns.map((c) => c.id);
  const grouped = apps.columns.filter((c) => c.group);
  const firstGrouped = apps.columns.findIndex((c) => c.group);
  const header1: OfficialCell[] = [];
  const header2: OfficialCell[] = [];
  apps.columns.forEach((c, i) => {
    if (!c.group) header1.push({ text: c.label.zh, rowSpan: 2, header: true });
    else {
      if (i === firstGrouped) header1.push({ text: c.group.zh, colSpan: grouped.length, header: true });
      header2.push({ text: c.label.zh, header: true });
    }
  });
  const grid: OfficialGrid = [
    [{ text: apps.rows.length ? format.data.applications.note.zh : '', colSpan: 3, rowSpan: 3, header: true }, { text: format.data.applications.applicantsHeader.zh, colSpan: apps.columns.length, header: true }],
    header1,
    header2,
  ];
  const ancestors = (id: string) => {
    const chain: string[] = [];
    for (let p = apps.rowById.get(id)?.parent; p; p = apps.rowById.get(p)?.parent) chain.unshift(p);
    return chain;
  };
  const under = (group: string) => apps.valueRows.filter((r) => ancestors(r.id).includes(group));
  for (const row of apps.valueRows) {
    const chain = ancestors(row.id);
    const cells: OfficialCell[] = [];
    for (const g of chain) {
      const members = under(g);
      if (members[0] === row) cells.push({ text: applicationsRowLabel(apps.rowById.get(g)!), rowSpan: members.length, label: true });
    }
    const labelSpan = 3 - chain.length;
    cells.push({ text: applicationsRowLabel(row), label: true, ...(labelSpan > 1 ? { colSpan: labelSpan } : {}) });
    cells.push(...values(table, row.id, ids));
    grid.push(cells);
  }
  return grid;
}

export function reviewLitigationGrid(format: Format, table?: BoundTable): OfficialGrid {
  const cols = format.reviewLitigation.columns;
  const groups: Array<{ label: string; parent?: string; span: number }> = [];
  for (const c of cols) {
    const last = groups[groups.length - 1];
    if (last && last.label === c.groupLabel.zh) last.span++;
    else groups.push({ label: c.groupLabel.zh, parent: c.parentLabel?.zh, span: 1 });
  }
  const top: OfficialCell[] = [];
  const middle: OfficialCell[] = [];
  const bottom: OfficialCell[] = [];
  let at = 0;
  for (const g of groups) {
    if (!g.parent) {
      top.push({ text: g.label, colSpan: g.span, header: true });
      cols.slice(at, at + g.span).forEach((c) => middle.push({ text: c.label.zh, rowSpan: 2, header: true }));
    } else {
      const prevTop = top[top.length - 1];
      if (prevTop && prevTop.text === g.parent) prevTop.colSpan = (prevTop.colSpan ?? 1) + g.span;
      else top.push({ text: g.parent, colSpan: g.span, header: true });
      middle.push({ text: g.label, colSpan: g.span, header: true });
      cols.slice(at, at + g.span).forEach((c) => bottom.push({ text: c.label.zh, header: true }));
    }
    at += g.span;
  }
  return [top, middle, bottom, values(table, 'values', cols.map((c) => c.id))];
}

export function officialGrid(kind: BoundTable['kind'], format: Format, table?: BoundTable): OfficialGrid {
  if (kind === 'activeDisclosure') return activeDisclosureGrid(format, table);
  if (kind === 'applications') return applicationsGrid(format, table);
  return reviewLitigationGrid(format, table);
}

/** How many grid columns the table has (for widths). */
export function gridWidth(grid: OfficialGrid): number {
  return Math.max(...grid.map((row) => row.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
}
