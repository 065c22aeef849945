/**
 * Loads the two formats, validates them with zod, and derives the lookups every other part of
 * the engine uses. Nothing outside `formats/` spells an official label.
 */
import { FormatData, type ActiveDisclosureBlock, type ActiveDisclosureRow, type ApplicationsRow, type ColumnDef, type SectionDef, type Text } from './schema';
import data2019 from './format2019';
import data2021 from './format2021';

export type FormatId = '2019' | '2021';
export type { Text, SectionDef, ColumnDef, ActiveDisclosureRow, ActiveDisclosureBlock, ApplicationsRow };

export interface ReviewColumn {
  /** `review.total` */
  id: string;
  group: string;
  outcome: string;
  label: Text;
  groupLabel: Text;
  /** 行政诉讼 for the litigation groups. */
  parentLabel?: Text;
}

export interface Format {
  id: FormatId;
  data: FormatData;
  sections: SectionDef[];
  sectionById: Map<string, SectionDef>;
  activeDisclosure: {
    blocks: ActiveDisclosureBlock[];
    rowById: Map<string, { row: ActiveDisclosureRow; block: ActiveDisclosureBlock }>;
  };
  applications: {
    columns: ColumnDef[];
    rows: ApplicationsRow[];
    valueRows: ApplicationsRow[];
    rowById: Map<string, ApplicationsRow>;
    columnById: Map<string, ColumnDef>;
  };
  reviewLitigation: {
    columns: ReviewColumn[];
    columnById: Map<string, ReviewColumn>;
  };
}

function build(raw: unknown): Format {
  const parsed = FormatData.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`format data is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const data = parsed.data;
  const apps = data.applications;
  const rowById = new Map(apps.rows.map((r) => [r.id, r]));
  const columnById = new Map(apps.columns.map((c) => [c.id, c]));
  const problems: string[] = [];
  const needRow = (id: string, where: string) => rowById.has(id) || problems.push(`${where}: unknown row ${id}`);
  const needColumn = (id: string, where: string) => columnById.has(id) || problems.push(`${where}: unknown column ${id}`);
  for (const r of apps.rows) if (r.parent) needRow(r.parent, `row ${r.id} parent`);
  needColumn(apps.applicantTotal.total, 'applicantTotal');
  apps.applicantTotal.parts.forEach((c) => needColumn(c, 'applicantTotal'));
  needRow(apps.resultTotal.total, 'resultTotal');
  apps.resultTotal.parts.forEach((r) => needRow(r, 'resultTotal'));
  [...apps.balance.left, ...apps.balance.right, apps.balance.derived].forEach((r) => needRow(r, 'balance'));
  apps.signatureRows.forEach((r) => needRow(r, 'signatureRows'));
  for (const id of apps.resultTotal.parts) if (rowById.get(id)?.kind === 'group') problems.push(`resultTotal: ${id} is a group`);

  const adRows = new Map<string, { row: ActiveDisclosureRow; block: ActiveDisclosureBlock }>();
  for (const block of data.activeDisclosure.blocks) {
    for (const row of block.rows) {
      if (adRows.has(row.id)) problems.push(`activeDisclosure: duplicate row ${row.id}`);
      adRows.set(row.id, { row, block });
    }
  }
  const range = data.activeDisclosure.stockRange;
  if (range) {
    const block = data.activeDisclosure.blocks.find((b) => b.id === range.block);
    if (!block) problems.push(`stockRange: unknown block ${range.block}`);
    for (const c of [range.made, range.repealed, range.inForce]) {
      if (block && !block.columns.some((col) => col.id === c)) problems.push(`stockRange: unknown column ${c}`);
    }
  }

  const rl = data.reviewLitigation;
  const reviewColumns: ReviewColumn[] = [];
  for (const group of rl.groups) {
    for (const outcome of rl.outcomes) {
      reviewColumns.push({
        id: `${group.id}.${outcome.id}`,
        group: group.id,
        outcome: outcome.id,
        label: outcome.label,
        groupLabel: group.label,
        parentLabel: group.parent,
      });
    }
    if (!rl.outcomes.some((o) => o.id === group.total)) problems.push(`reviewLitigation: unknown total ${group.total}`);
    for (const p of group.parts) if (!rl.outcomes.some((o) => o.id === p)) problems.push(`reviewLitigation: unknown part ${p}`);
  }
  if (problems.length) throw new Error(`format ${data.id} data is inconsistent: ${problems.join('; ')}`);

  return {
    id: data.id,
    data,
    sections: data.sections,
    sectionById: new Map(data.sections.map((s) => [s.id, s])),
    activeDisclosure: { blocks: data.activeDisclosure.blocks, rowById: adRows },
    applications: {
      columns: apps.columns,
      rows: apps.rows,
      valueRows: apps.rows.filter((r) => r.kind === 'value'),
      rowById,
      columnById,
    },
    reviewLitigation: { columns: reviewColumns, columnById: new Map(reviewColumns.map((c) => [c.id, c])) },
  };
}

export const formats: Record<FormatId, Format> = {
  '2019': build(data2019),
  '2021': build(data2021),
};

/** The format a report year must use (FORMAT.md §6). */
export function formatForYear(year: number): FormatId {
  return year <= 2020 ? '2019' : '2021';
}

export type Locale = 'zh-CN' | 'en';

export function text(t: Text, locale: Locale): string {
  return locale === 'en' ? t.en : t.zh;
}

/** Canonical printed label of a table 三 row: ordinal + label. */
export function applicationsRowLabel(row: ApplicationsRow, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? row.label.en : row.ordinal + row.label.zh;
}
