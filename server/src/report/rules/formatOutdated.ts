/**
 * format-outdated: a report for 2021 or later whose tables follow the 2019 trial format. The
 * fix replaces the table with the 2021 one, carrying over every figure that maps (the format
 * data says which: 本年新制作数量 → 本年制发件数, 对外公开总数量 → 现行有效件数, （六）其他处理 →
 * （六）3.其他, …); cells with no 2019 counterpart are written as 0 for the author to check,
 * and the 2019 figures with no place in the 2021 table (上一年项目数量, 政府集中采购, …) are kept
 * in a note under it, so converting never loses a figure.
 */
import { formats } from '../formats';
import type { BoundTable, RawRow } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import { renderTable, type ValueSource } from '../templates';
import { formatValue } from '../text/cellValue';
import { cellAt, rowName, TABLE_NAMES, tablesByKind } from './describe';
import { lineEndAt, lineStartAt } from './support';
import type { Rule } from './types';

function carriedValues(table: BoundTable): ValueSource {
  const to = formats['2021'];
  const value = (rowId: string, columnId: string) => {
    const cell = cellAt(table, rowId, columnId);
    return cell?.value.kind === 'number' ? formatValue(cell.value.value) : undefined;
  };
  return (rowId, columnId) => {
    if (table.kind === 'activeDisclosure') {
      const from = to.activeDisclosure.rowById.get(rowId)?.row.from2019[columnId];
      return from ? value(from.row, from.column) : undefined;
    }
    if (table.kind === 'applications') {
      const from = to.applications.rowById.get(rowId)?.from2019 ?? rowId;
      return value(from, columnId);
    }
    return value(rowId, columnId);
  };
}

/** Non-zero 2019 figures the 2021 table has no place for: "第二十条第（五）项「行政许可」上一年项目数量 40". */
function droppedFigures(table: BoundTable): string[] {
  const to = formats['2021'];
  const kept = new Set<string>();
  if (table.kind === 'activeDisclosure') {
    for (const { row } of to.activeDisclosure.rowById.values()) for (const from of Object.values(row.from2019)) kept.add(`${from.row}\u0000${from.column}`);
  } else {
    for (const row of to.applications.valueRows) for (const c of to.applications.columns) kept.add(`${row.from2019 ?? row.id}\u0000${c.id}`);
  }
  const out: string[] = [];
  for (const row of table.rows) {
    const dropped = row.cells.filter((c) => c.value.kind === 'number' && c.value.value !== 0 && !kept.has(`${row.id}\u0000${c.columnId}`));
    if (!dropped.length) continue;
    const where = table.kind === 'activeDisclosure' ? `${table.rowDefs.get(row.id)!.block.caption.zh}「${table.rowDefs.get(row.id)!.row.label.zh}」` : `「${rowName(table, row.id).zh}」`;
    out.push(where + dropped.map((c) => `${'label' in c.column ? c.column.label.zh : c.columnId} ${c.raw.text}`).join('、'));
  }
  return out;
}

/** From the first to the last filled cell of a row: the row's text without its ragged edges. */
function contentOf(row: RawRow): OffsetRange {
  const filled = row.cells.filter((c) => !c.empty);
  return filled.length ? { start: filled[0].range.start, end: filled[filled.length - 1].range.end } : row.range;
}

export const formatOutdated: Rule = {
  code: 'format-outdated',
  severity: 'error',
  description: {
    zh: '2021年及以后的年度报告须使用2021年新版格式（国办公开办函〔2021〕30号）',
    en: 'Reports for 2021 and later must use the 2021 format (国办公开办函〔2021〕30号)',
  },
  messages: {
    outdated: {
      zh: '{year}年度报告的{table}仍使用2019年试行格式，应改用2021年新版格式',
      en: 'The {year} report’s {table} still follows the 2019 trial format; use the 2021 format',
    },
    fixUpgrade: {
      zh: '改为2021年新版{table}（沿用可对应的数字，其余填 0；无对应位置的数字另段保留，请核对）',
      en: 'Replace with the 2021 {table} (figures that map are kept, the rest are 0, and figures with no place are kept in a note: please check)',
    },
  },
  check({ report, eol }) {
    if (!report.year || report.year.value < 2021) return [];
    const byKind = tablesByKind(report.tables);
    return report.tables
      .filter((t) => t.format === '2019' && t.formatEvidence && t.kind !== 'reviewLitigation')
      .map((table) => {
        const first = table.rawRows[0];
        const start = lineStartAt(report, table.range.start);
        const end = lineEndAt(report, table.range.end);
        const dropped = droppedFigures(table);
        const note = dropped.length ? `${eol}${eol}（原表中以下数字在2021年格式中没有对应位置，保留于此供核对：${dropped.join('；')}。）` : '';
        // A table cut off by the end of the text, or read in pieces, cannot be converted whole:
        // the new table would stand beside the old pieces, or claim figures past the cut.
        const whole = !table.truncated && byKind.get(table.kind)!.length === 1;
        return {
          code: 'format-outdated' as const,
          range: contentOf(first),
          message: { id: 'outdated', args: { year: report.year!.value, table: TABLE_NAMES[table.kind] } },
          fix: whole ? {
            title: { id: 'fixUpgrade', args: { table: TABLE_NAMES[table.kind] } },
            edits: [{ range: { start, end }, newText: renderTable(table.kind, formats['2021'], carriedValues(table), eol) + note }],
            preferred: true,
          } : undefined,
        };
      });
  },
};
