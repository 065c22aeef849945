/**
 * Text the extension writes: the official tables as Markdown, sections, a whole report
 * skeleton, and single rows in whatever layout a table arrived in. Snippets, completion,
 * quick-fixes and table conversion all come from here, and all of it from the format data.
 */
import { applicationsRowLabel, type ApplicationsRow, type Format, type SectionDef } from './formats';
import type { LayoutKind } from './model';
import type { TableKind } from './model';

/** Cell text for a value, given its row and column; defaults to 0. */
export type ValueSource = (rowId: string, columnId: string) => string | undefined;

const zero: ValueSource = () => '0';

function mdRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function mdSeparator(n: number): string {
  return `|${Array(n).fill('---').join('|')}|`;
}

/** Label cells of a table 三 row: the group label goes beside the group's first row. */
export function applicationsLabelCells(format: Format, row: ApplicationsRow): [string, string] {
  const label = applicationsRowLabel(row);
  if (!row.parent) return [label, ''];
  const siblings = format.applications.rows.filter((r) => r.parent === row.parent);
  const parent = format.applications.rowById.get(row.parent)!;
  return [siblings[0] === row ? applicationsRowLabel(parent) : '', label];
}

export function renderActiveDisclosure(format: Format, values: ValueSource = zero, eol = '\n'): string {
  const parts: string[] = [];
  for (const block of format.activeDisclosure.blocks) {
    const lines = [
      `**${block.caption.zh}**`,
      '',
      mdRow([format.data.activeDisclosure.labelHeader.zh, ...block.columns.map((c) => c.label.zh)]),
      mdSeparator(block.columns.length + 1),
      ...block.rows.map((row) => mdRow([row.label.zh, ...block.columns.map((c) => values(row.id, c.id) ?? '0')])),
    ];
    parts.push(lines.join(eol));
  }
  return parts.join(eol + eol);
}

export function renderApplications(format: Format, values: ValueSource = zero, eol = '\n'): string {
  const apps = format.applications;
  const lines = [
    mdRow([format.data.applications.note.zh, '', ...apps.columns.map((c) => c.label.zh)]),
    mdSeparator(apps.columns.length + 2),
    ...apps.valueRows.map((row) => mdRow([...applicationsLabelCells(format, row), ...apps.columns.map((c) => values(row.id, c.id) ?? '0')])),
  ];
  return lines.join(eol);
}

/**
 * Table 四's three header rows as cells: the groups (行政复议, 行政诉讼 — written once over both
 * litigation groups), the litigation subgroups, the outcome columns. The template and the
 * Markdown rendering of a report write them alike.
 */
export function reviewLitigationHeader(format: Format): { groups: string[]; subgroups: string[]; columns: string[] } {
  const cols = format.reviewLitigation.columns;
  const groups = cols.map((c, i) => {
    if (i % 5 !== 0) return '';
    const label = (c.parentLabel ?? c.groupLabel).zh;
    return i >= 5 && cols[i - 5].parentLabel?.zh === label ? '' : label;
  });
  const subgroups = cols.map((c, i) => (i % 5 === 0 && c.parentLabel ? c.groupLabel.zh : ''));
  return { groups, subgroups, columns: cols.map((c) => c.label.zh) };
}

export function renderReviewLitigation(format: Format, values: ValueSource = zero, eol = '\n'): string {
  const cols = format.reviewLitigation.columns;
  const header = reviewLitigationHeader(format);
  const lines = [
    mdRow(header.groups),
    mdSeparator(cols.length),
    mdRow(header.subgroups),
    mdRow(header.columns),
    mdRow(cols.map((c) => values('values', c.id) ?? '0')),
  ];
  return lines.join(eol);
}

export function renderTable(kind: TableKind, format: Format, values: ValueSource = zero, eol = '\n'): string {
  if (kind === 'activeDisclosure') return renderActiveDisclosure(format, values, eol);
  if (kind === 'applications') return renderApplications(format, values, eol);
  return renderReviewLitigation(format, values, eol);
}

/** A section's heading and body: its table, or its placeholder text. */
export function renderSection(format: Format, section: SectionDef, eol = '\n'): string {
  const body = section.table ? renderTable(section.table, format, zero, eol) : section.placeholder?.zh ?? '';
  return `${section.title.zh}${eol}${eol}${body}${eol}`;
}

export interface SkeletonFields {
  body: string;
  year: string;
}

export function renderSkeleton(format: Format, fields: SkeletonFields, eol = '\n'): string {
  const { body, year } = fields;
  const intro =
    `本报告依据《中华人民共和国政府信息公开条例》和政府信息公开工作年度报告格式（${format.data.document}）编制。` +
    `本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`;
  const sections = format.sections.map((s) => renderSection(format, s, eol));
  return [`${body}${year}年${format.data.reportTitle.zh}`, intro, ...sections].join(eol + eol).replace(new RegExp(`(${eol})+$`), '') + eol;
}

/** One table row written in the layout of the table it goes into. */
export function renderRow(layout: LayoutKind, labelCells: string[], values: string[], eol: string): string {
  switch (layout) {
    case 'markdown':
      return mdRow([...labelCells, ...values]);
    case 'tsv':
      return [...labelCells, ...values].join('\t');
    case 'spaced':
      return [...labelCells.filter((c) => c !== ''), ...values].join(' ');
    case 'html':
      return `<tr>${[...labelCells, ...values].map((c) => `<td>${c}</td>`).join('')}</tr>`;
    case 'cell-per-line':
      return [...labelCells.filter((c) => c !== ''), ...values].map((c) => `\t${c}`).join(eol);
  }
}
