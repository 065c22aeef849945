/**
 * This year's draft started from last year's report, as civil servants start it: last year's
 * text with the year moved on (title, statistics period, the date under the signature), the
 * tables in the form of the new year's format with every figure blank for the author to fill
 * in — except this year's 二、上年结转, which is last year's 四、结转下年度继续办理, column by column.
 */
import { formatForYear, formats, type Format } from '../formats';
import type { BoundTable, Report } from '../model';
import { renderTable, type ValueSource } from '../templates';
import { cellText, documentItems } from './document';

export interface NextYearDraft {
  markdown: string;
  year: number;
  body?: string;
}

/** Years in the text moved on by one: Y+1 (the date a report is signed) first, then Y. */
function moveYears(text: string, year: number): string {
  return text.replace(new RegExp(`(${year}|${year + 1})(\\s*年)`, 'g'), (_, y: string, rest: string) => `${Number(y) + 1}${rest}`);
}

export function nextYearDraft(report: Report): NextYearDraft | undefined {
  const year = report.year?.value;
  if (year === undefined) return undefined;
  const format: Format = formats[formatForYear(year + 1)];
  const last = report.tables.find((t) => t.kind === 'applications');
  // This year's carried-over row is last year's carried-forward row (as carryover-mismatch compares them).
  const carried = (columnId: string) => cellText(last?.rows.find((r) => r.id === 'carriedForward')?.cells.find((c) => c.columnId === columnId));
  const carriedRow = 'carriedOver';
  const values = (kind: BoundTable['kind']): ValueSource => (rowId, columnId) => (kind === 'applications' && rowId === carriedRow ? carried(columnId) : '');
  const out: string[] = [];
  const written = new Set<BoundTable['kind']>();
  for (const item of documentItems(report)) {
    switch (item.kind) {
      case 'title':
        out.push(`# ${moveYears(item.text, year)}`);
        break;
      case 'heading':
        out.push(`## ${item.text.replace(/^#+\s*/, '')}`);
        break;
      case 'paragraph':
        out.push(moveYears(item.text.replace(/^#+\s*/, ''), year));
        break;
      case 'table':
        if (written.has(item.table.kind)) break;
        written.add(item.table.kind);
        out.push(renderTable(item.table.kind, format, values(item.table.kind)));
        break;
      case 'raw':
        // A table that could not be read: this year's form, blank.
        if (written.has(item.table)) break;
        written.add(item.table);
        out.push(renderTable(item.table, format, values(item.table)));
        break;
    }
  }
  return { markdown: out.join('\n\n') + '\n', year: year + 1, body: report.title?.body ?? report.signature?.body };
}
