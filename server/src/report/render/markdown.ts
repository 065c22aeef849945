/**
 * A report as a Markdown draft (what `govreport convert x.docx -o x.md` and 导入年度报告 write):
 * the title, the paragraphs and section headings as they are, and the three tables as pipe
 * tables in the official layout the extension writes (templates.ts) — with the report's own
 * figures, as written, in every cell it has, and only the rows it has.
 */
import { applicationsLabelCells, reviewLitigationHeader } from '../templates';
import type { BoundTable, Report } from '../model';
import type { Format } from '../formats';
import { cellText, documentItems, rowAt } from './document';

const esc = (s: string) => s.replace(/\|/g, '\\|');
const mdRow = (cells: string[]) => `| ${cells.map(esc).join(' | ')} |`.replace(/ {2,}\|/g, '  |');
const mdSeparator = (n: number) => `|${Array(n).fill('---').join('|')}|`;

/** A row's figures in column order; a row whose figures do not fit the columns keeps them all, as written. */
function rowValues(table: BoundTable, rowId: string, columnIds: string[]): string[] | undefined {
  const row = rowAt(table, rowId);
  if (!row) return undefined;
  if (!row.cellCountMatches) return row.valueCells.map((c) => (c.spanned ? '' : c.text.trim()));
  return columnIds.map((id) => cellText(row.cells.find((c) => c.columnId === id)));
}

export function activeDisclosureMarkdown(format: Format, table: BoundTable): string {
  const parts: string[] = [];
  for (const block of format.activeDisclosure.blocks) {
    const rows = block.rows.map((r) => ({ r, values: rowValues(table, r.id, block.columns.map((c) => c.id)) })).filter((x) => x.values);
    if (!rows.length) continue;
    parts.push(
      [
        `**${block.caption.zh}**`,
        '',
        mdRow([format.data.activeDisclosure.labelHeader.zh, ...block.columns.map((c) => c.label.zh)]),
        mdSeparator(block.columns.length + 1),
        ...rows.map(({ r, values }) => mdRow([r.label.zh, ...values!])),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}

export function applicationsMarkdown(format: Format, table: BoundTable): string {
  const apps = format.applications;
  const ids = apps.columns.map((c) => c.id);
  const lines = [mdRow([format.data.applications.note.zh, '', ...apps.columns.map((c) => c.label.zh)]), mdSeparator(apps.columns.length + 2)];
  for (const row of apps.valueRows) {
    const values = rowValues(table, row.id, ids);
    if (values) lines.push(mdRow([...applicationsLabelCells(format, row), ...values]));
  }
  return lines.join('\n');
}

export function reviewLitigationMarkdown(format: Format, table: BoundTable): string {
  const cols = format.reviewLitigation.columns;
  const header = reviewLitigationHeader(format);
  const lines = [mdRow(header.groups), mdSeparator(cols.length), mdRow(header.subgroups), mdRow(header.columns)];
  const values = rowValues(table, 'values', cols.map((c) => c.id));
  if (values) lines.push(mdRow(values));
  return lines.join('\n');
}

export function tableMarkdown(format: Format, table: BoundTable): string {
  if (table.kind === 'activeDisclosure') return activeDisclosureMarkdown(format, table);
  if (table.kind === 'applications') return applicationsMarkdown(format, table);
  return reviewLitigationMarkdown(format, table);
}

/** The whole report as a Markdown draft. */
export function toMarkdown(report: Report): string {
  const out: string[] = [];
  for (const item of documentItems(report)) {
    switch (item.kind) {
      case 'title':
        out.push(`# ${item.text}`);
        break;
      case 'heading':
        out.push(`## ${item.text.replace(/^#+\s*/, '')}`);
        break;
      case 'paragraph':
        out.push(item.text.replace(/^#+\s*/, ''));
        break;
      case 'table':
        out.push(tableMarkdown(item.format, item.table));
        break;
      case 'raw':
        // Not read with confidence: kept as it came, for the author to lay out.
        out.push(item.lines.map((l) => l.replace(/\t/g, ' | ')).join('\n'));
        break;
    }
  }
  return out.join('\n\n') + '\n';
}
