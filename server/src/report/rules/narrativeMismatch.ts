/**
 * narrative-mismatch: a figure stated in the prose that contradicts the tables
 * ("受理政府信息公开申请126件" while 表三 一、本年新收 总计 is 128). The finding sits on the
 * number in the prose and names the table cell; the fix rewrites the number, in the prose's
 * own numerals. Only unambiguous phrasings are compared (bind/narrative.ts), and only what
 * contradicts every plausible reading of the tables: 共受理…749件 may mean 一 + 二, a group's
 * figure may be one of its rows, a figure may count natural persons only.
 *
 * A prose figure is never judged against a blank cell, and never "fixed" from a cell that is
 * itself wrong: when the table's own sums say the cell is wrong, the finding names both and
 * offers no rewrite — the table is what needs the correction, and the prose may be right.
 */
import { formats, type Text } from '../formats';
import { narrativeAlsoColumns, type FigureRef } from '../formats/narrative';
import type { BoundCell, BoundTable, Report } from '../model';
import { toChineseCount } from '../text/numerals';
import { cellAt, figure, rowName, tablesByKind } from './describe';
import type { Finding, Rule } from './types';

export interface TableFigure {
  value: number;
  /** Where the figure is, in words: built only for a finding (most statements agree). */
  where: () => Text;
  cells: BoundCell[];
}

function sum(cells: Array<BoundCell | undefined>): { value: number; cells: BoundCell[] } | undefined {
  let value = 0;
  const found: BoundCell[] = [];
  for (const cell of cells) {
    if (!cell) return undefined;
    if (cell.value.kind === 'number') value += cell.value.value;
    else if (cell.value.kind !== 'blank') return undefined;
    found.push(cell);
  }
  return { value, cells: found };
}


function groupRows(table: BoundTable, group: string): string[] {
  const rows = formats[table.format].applications.rows;
  return rows.some((r) => r.id === group && r.kind === 'value') ? [group] : rows.filter((r) => r.parent === group).map((r) => r.id);
}

/** The table's figure for a prose statement, if the table is there and readable (one table of its kind). */
export function tableFigure(report: Report, ref: FigureRef, byKind = tablesByKind(report.tables)): TableFigure | undefined {
  const tables = byKind.get(ref.table) ?? [];
  if (tables.length !== 1) return undefined;
  const table = tables[0];
  if (ref.table === 'applications') {
    const rows = 'rows' in ref ? ref.rows : groupRows(table, ref.group);
    const found = sum(rows.map((r) => cellAt(table, r, ref.column)));
    if (!found) return undefined;
    const where = (): Text => {
      const names = ('rows' in ref ? ref.rows : [ref.group]).map((r) => rowName(table, r));
      const joined = { zh: names.map((n) => `「${n.zh}」`).join('与'), en: names.map((n) => `“${n.en}”`).join(' and ') };
      const column = formats[table.format].applications.columnById.get(ref.column);
      const columnName = ref.column === 'total' || !column ? undefined : column.label;
      const what =
        'group' in ref && rows.length > 1
          ? { zh: '各项总计之和', en: 'total of its rows' }
          : names.length > 1
            ? { zh: '总计之和', en: 'totals' }
            : names[0].zh.endsWith('总计')
              ? { zh: '', en: '' }
              : { zh: '总计', en: 'total' };
      const whatZh = columnName ? `「${columnName.zh}」列` : what.zh;
      const whatEn = columnName ? `“${columnName.en}” column` : what.en;
      return { zh: `表三${joined.zh}${whatZh}`, en: `table 3 ${joined.en} ${whatEn}` };
    };
    return { ...found, where };
  }
  if (ref.table === 'reviewLitigation') {
    const found = sum(ref.columns.map((c) => cellAt(table, 'values', c)));
    if (!found) return undefined;
    const where = (): Text => {
      const columns = formats[table.format].reviewLitigation.columns.filter((c) => ref.columns.includes(c.id));
      const zh = columns.map((c) => `「${(c.parentLabel ?? { zh: '' }).zh}${c.groupLabel.zh}·${c.label.zh}」`).join('与');
      const en = columns.map((c) => `“${c.groupLabel.en} · ${c.label.en}”`).join(' and ');
      return { zh: `表四${zh}${columns.length > 1 ? '之和' : ''}`, en: `table 4 ${en}` };
    };
    return { ...found, where };
  }
  const cell = cellAt(table, ref.row, ref.column);
  const found = sum([cell]);
  if (!found || !cell) return undefined;
  const where = (): Text => {
    const row = rowName(table, ref.row);
    const col = cell.column.label;
    return { zh: `表二「${row.zh}」${col.zh}`, en: `table 2 “${row.en}” ${col.en}` };
  };
  return { ...found, where };
}

/** Every plausible reading of a statement: its figure, what it also means, by natural persons, row by row. */
function readings(report: Report, primary: FigureRef, also: FigureRef[], byKind: ReturnType<typeof tablesByKind>): TableFigure[] {
  const refs: FigureRef[] = [primary, ...also];
  const table = (byKind.get('applications') ?? [])[0];
  for (const ref of [primary, ...also]) {
    if (ref.table !== 'applications') continue;
    for (const column of narrativeAlsoColumns) refs.push({ ...ref, column });
    if ('group' in ref && table) for (const row of groupRows(table, ref.group)) refs.push({ table: 'applications', rows: [row], column: ref.column });
  }
  return refs.map((r) => tableFigure(report, r, byKind)).filter((f): f is TableFigure => f !== undefined);
}

export const narrativeMismatch: Rule = {
  code: 'narrative-mismatch',
  severity: 'warning',
  description: {
    zh: '正文中陈述的数字应与统计表一致',
    en: 'Figures stated in the text must agree with the tables',
  },
  messages: {
    mismatch: {
      zh: '正文所述「{label}」为 {stated}，与{where}的 {actual} 不符',
      en: 'The text gives {stated} for “{label}”, but {where} is {actual}',
    },
    mismatchTableWrong: {
      zh: '正文所述「{label}」为 {stated}，与{where}的 {actual} 不符；但表格该处本身不合计，请先核对表格，再核对正文',
      en: 'The text gives {stated} for “{label}”, but {where} is {actual}; that part of the table does not add up itself, so check the table first, then the text',
    },
    noneButSome: {
      zh: '正文称无{label}，但{where}为 {actual}',
      en: 'The text says there was no {label}, but {where} is {actual}',
    },
    fixNumber: { zh: '改为 {actual}', en: 'Change to {actual}' },
    relatedCell: { zh: '表中对应的单元格', en: 'The table cell it is compared with' },
  },
  check({ report, arithmetic }) {
    const findings: Finding[] = [];
    const byKind = tablesByKind(report.tables);
    for (const s of report.statements) {
      const all = readings(report, s.figure.figure, s.figure.alsoMeans ?? [], byKind);
      const table = all[0];
      if (!table || all.some((r) => r.value === s.value)) continue;
      // A blank cell says nothing to compare a figure with.
      if (table.cells.some((c) => c.value.kind === 'blank' || c.raw.spanned)) continue;
      const actual = figure(table.value);
      const wrongCell = table.cells.some((c) => arithmetic().isTarget(c));
      if (s.numeral === 'none') {
        findings.push({ code: 'narrative-mismatch', range: s.range, message: { id: 'noneButSome', args: { label: s.figure.label, where: table.where(), actual } } });
        continue;
      }
      const args = { label: s.figure.label, stated: figure(s.value), where: table.where(), actual };
      // The cells compared come along: the editor shows them, and fix-all never rewrites prose
      // to a figure it wrote into the table itself.
      const related = table.cells.map((c) => ({ range: c.raw.range, message: { id: 'relatedCell' } }));
      if (wrongCell) {
        findings.push({ code: 'narrative-mismatch', range: s.range, message: { id: 'mismatchTableWrong', args }, related });
        continue;
      }
      const newText = s.numeral === 'chinese' ? toChineseCount(table.value) : actual;
      findings.push({
        code: 'narrative-mismatch',
        range: s.range,
        message: { id: 'mismatch', args },
        fix: { title: { id: 'fixNumber', args: { actual: newText } }, edits: [{ range: s.range, newText }], preferred: true },
        related,
      });
    }
    return findings;
  },
};
