/**
 * narrative-mismatch: a figure stated in the prose that contradicts the tables
 * ("受理政府信息公开申请126件" while 表三 一、本年新收 总计 is 128). The finding sits on the
 * number in the prose and names the table cell; the fix rewrites the number, in the prose's
 * own numerals. Only unambiguous phrasings are compared (bind/narrative.ts).
 */
import { formats, type Text } from '../formats';
import type { FigureRef } from '../formats/narrative';
import type { BoundTable, Report } from '../model';
import { toChineseCount } from '../text/numerals';
import { cellAt, figure, rowName } from './describe';
import type { Finding, Rule } from './types';

interface TableFigure {
  value: number;
  where: Text;
}

function numberOf(cell: ReturnType<typeof cellAt>): number | undefined {
  if (!cell) return undefined;
  return cell.value.kind === 'number' ? cell.value.value : cell.value.kind === 'blank' ? 0 : undefined;
}

function sum(values: Array<number | undefined>): number | undefined {
  return values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, b) => a + (b as number), 0);
}

function tablesByKind(report: Report): Map<BoundTable['kind'], BoundTable[]> {
  const map = new Map<BoundTable['kind'], BoundTable[]>();
  for (const t of report.tables) map.set(t.kind, [...(map.get(t.kind) ?? []), t]);
  return map;
}

/** The table's figure for a prose statement, if the table is there and readable (one table of its kind). */
export function tableFigure(report: Report, ref: FigureRef, byKind = tablesByKind(report)): TableFigure | undefined {
  const tables = byKind.get(ref.table) ?? [];
  if (tables.length !== 1) return undefined;
  const table = tables[0];
  if (ref.table === 'applications') {
    const rows =
      'rows' in ref
        ? ref.rows
        : formats[table.format].applications.rows.some((r) => r.id === ref.group && r.kind === 'value')
          ? [ref.group]
          : formats[table.format].applications.rows.filter((r) => r.parent === ref.group).map((r) => r.id);
    const value = sum(rows.map((r) => numberOf(cellAt(table, r, ref.column))));
    if (value === undefined) return undefined;
    const names = ('rows' in ref ? ref.rows : [ref.group]).map((r) => rowName(table, r));
    const joined = { zh: names.map((n) => `「${n.zh}」`).join('与'), en: names.map((n) => `“${n.en}”`).join(' and ') };
    const what =
      'group' in ref && rows.length > 1
        ? { zh: '各项总计之和', en: 'total of its rows' }
        : names.length > 1
          ? { zh: '总计之和', en: 'totals' }
          : names[0].zh.endsWith('总计')
            ? { zh: '', en: '' }
            : { zh: '总计', en: 'total' };
    return { value, where: { zh: `表三${joined.zh}${what.zh}`, en: `table 3 ${joined.en} ${what.en}` } };
  }
  if (ref.table === 'reviewLitigation') {
    const value = sum(ref.columns.map((c) => numberOf(cellAt(table, 'values', c))));
    if (value === undefined) return undefined;
    const columns = formats[table.format].reviewLitigation.columns.filter((c) => ref.columns.includes(c.id));
    const zh = columns.map((c) => `「${(c.parentLabel ?? { zh: '' }).zh}${c.groupLabel.zh}·${c.label.zh}」`).join('与');
    const en = columns.map((c) => `“${c.groupLabel.en} · ${c.label.en}”`).join(' and ');
    return { value, where: { zh: `表四${zh}${columns.length > 1 ? '之和' : ''}`, en: `table 4 ${en}` } };
  }
  const cell = cellAt(table, ref.row, ref.column);
  const value = numberOf(cell);
  if (value === undefined || !cell) return undefined;
  const row = rowName(table, ref.row);
  const col = cell.column.label;
  return { value, where: { zh: `表二「${row.zh}」${col.zh}`, en: `table 2 “${row.en}” ${col.en}` } };
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
    noneButSome: {
      zh: '正文称无{label}，但{where}为 {actual}',
      en: 'The text says there was no {label}, but {where} is {actual}',
    },
    fixNumber: { zh: '改为 {actual}', en: 'Change to {actual}' },
  },
  check({ report }) {
    const findings: Finding[] = [];
    const byKind = tablesByKind(report);
    for (const s of report.statements) {
      const table = tableFigure(report, s.figure.figure, byKind);
      if (!table || table.value === s.value) continue;
      const actual = figure(table.value);
      if (s.numeral === 'none') {
        findings.push({ code: 'narrative-mismatch', range: s.range, message: { id: 'noneButSome', args: { label: s.figure.label, where: table.where, actual } } });
        continue;
      }
      const newText = s.numeral === 'chinese' ? toChineseCount(table.value) : actual;
      findings.push({
        code: 'narrative-mismatch',
        range: s.range,
        message: { id: 'mismatch', args: { label: s.figure.label, stated: figure(s.value), where: table.where, actual } },
        fix: { title: { id: 'fixNumber', args: { actual: newText } }, edits: [{ range: s.range, newText }], preferred: true },
      });
    }
    return findings;
  },
};
