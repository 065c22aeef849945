/**
 * The shape of the official format data (FORMAT.md §1–§4), checked with zod when the module
 * loads, so a typo in a format file fails loudly at start-up instead of mis-binding a table.
 */
import { z } from 'zod';

export const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

const Id = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'ids are camelCase ASCII');

export const SectionDef = z.object({
  id: Id,
  number: z.number().int().min(1).max(6),
  /** Canonical heading, ordinal included: 一、总体情况. */
  title: Text,
  /** A heading is recognised when, squashed, it contains every string of any one entry. */
  recognisedBy: z.array(z.array(z.string().min(1)).min(1)).min(1),
  /** Which table belongs here, if any. */
  table: z.enum(['activeDisclosure', 'applications', 'reviewLitigation']).optional(),
  /**
   * Words a sub-heading of this section carries (（一）主要问题 / （二）改进情况): where the
   * section's heading was lost but its content is there, the finding points at that content.
   */
  subHeadingWords: z.array(z.string().min(1)).default([]),
  /** Placeholder body the skeleton and the missing-section fix insert (tables come from `table`). */
  placeholder: Text.optional(),
  describes: Text,
  /**
   * Topics the section must cover (2021: 一 covers 主动公开、依申请公开、政府信息管理、平台建设、
   * 监督保障), each with the words any of which shows it is covered (section-substance).
   */
  topics: z.array(z.object({ name: Text, words: z.array(z.string().min(1)).min(1) })).default([]),
  /** Words showing the section speaks of last year's problems (2021: 五, section-substance). */
  lastYearWords: z.array(z.string().min(1)).default([]),
});
export type SectionDef = z.infer<typeof SectionDef>;

export const ValueKind = z.enum(['count', 'delta', 'money']);

export const ColumnDef = z.object({
  id: Id,
  label: Text,
  kind: ValueKind,
  unit: z.string().optional(),
  /** Other squashed spellings of the header seen in real reports. */
  aliases: z.array(z.string()).default([]),
  /** Column grouping shown in headers (法人或其他组织). */
  group: Text.optional(),
  describes: Text.optional(),
});
export type ColumnDef = z.infer<typeof ColumnDef>;

/** A cell of the 2019 format whose figure carries over into this cell when a table is upgraded. */
export const CarryOver = z.object({ row: Id, column: Id });

export const ActiveDisclosureRow = z.object({
  id: Id,
  label: Text,
  aliases: z.array(z.string()).default([]),
  describes: Text,
  /** Column id → 2019 cell whose figure maps here. */
  from2019: z.record(Id, CarryOver).default({}),
});
export type ActiveDisclosureRow = z.infer<typeof ActiveDisclosureRow>;

export const ActiveDisclosureBlock = z.object({
  id: Id,
  /** 第二十条第（一）项 */
  caption: Text,
  /** The article item, （一） → 1, used to match captions leniently. */
  item: z.number().int(),
  columns: z.array(ColumnDef).min(1),
  rows: z.array(ActiveDisclosureRow).min(1),
});
export type ActiveDisclosureBlock = z.infer<typeof ActiveDisclosureBlock>;

export const ActiveDisclosureTable = z.object({
  title: Text,
  /** Header of the label column: 信息内容. */
  labelHeader: Text,
  blocks: z.array(ActiveDisclosureBlock).min(1),
  /** 现行有效件数 ≥ 本年制发件数 − 本年废止件数 (2021 only). */
  stockRange: z
    .object({ block: Id, made: Id, repealed: Id, inForce: Id })
    .optional(),
  /** Squashed header words that only this format's table 二 uses (format detection). */
  signatureWords: z.array(z.string()).min(1),
});
export type ActiveDisclosureTable = z.infer<typeof ActiveDisclosureTable>;

export const ApplicationsRow = z.object({
  id: Id,
  /** Ordinal as printed: 一、 / （一） / 1. */
  ordinal: z.string(),
  /** Label without ordinal. */
  label: Text,
  /** Group rows carry no values of their own. */
  kind: z.enum(['value', 'group']),
  parent: Id.optional(),
  /** Squashed substrings that identify the row in a lenient match. */
  keys: z.array(z.string().min(1)).min(1),
  /** The label is a generic word (总计, 其他): accept it only with its ordinal or inside its group. */
  generic: z.boolean().default(false),
  describes: Text,
  from2019: Id.optional(),
});
export type ApplicationsRow = z.infer<typeof ApplicationsRow>;

export const ApplicationsTable = z.object({
  title: Text,
  /** 本列数据的勾稽关系为… */
  note: Text,
  /** The header over the seven columns in the published form: 申请人情况. */
  applicantsHeader: Text,
  columns: z.array(ColumnDef).length(7),
  rows: z.array(ApplicationsRow).min(1),
  /** 总计[r] = Σ applicant columns[r], for every value row r. */
  applicantTotal: z.object({ total: Id, parts: z.array(Id).min(1) }),
  /** （七）总计[c] = Σ result rows[c], for every column c. */
  resultTotal: z.object({ total: Id, parts: z.array(Id).min(1) }),
  /** 一 + 二 = （七） + 四, per column; `derived` is the row a fix recomputes. */
  balance: z.object({ left: z.array(Id).min(1), right: z.array(Id).min(1), derived: Id }),
  /** Row ids that only this format has (format detection). */
  signatureRows: z.array(Id).default([]),
});
export type ApplicationsTable = z.infer<typeof ApplicationsTable>;

export const ReviewGroup = z.object({
  id: Id,
  label: Text,
  /** 行政诉讼 for the two litigation groups. */
  parent: Text.optional(),
  total: Id,
  parts: z.array(Id).min(1),
});

export const ReviewLitigationTable = z.object({
  title: Text,
  /** Five result columns, repeated for each group. */
  outcomes: z.array(ColumnDef).length(5),
  /** How messages name the table's one row of figures. */
  valueRow: Text,
  groups: z.array(ReviewGroup).length(3),
});
export type ReviewLitigationTable = z.infer<typeof ReviewLitigationTable>;

export const FormatData = z.object({
  id: z.enum(['2019', '2021']),
  name: Text,
  /** 国办公开办函〔2019〕60号 */
  document: z.string(),
  /** Report years this format applies to. */
  years: z.object({ from: z.number().int(), to: z.number().int().optional() }),
  reportTitle: Text,
  /** Squashed names a title may end with: the official one and the variants real reports print. */
  reportTitleVariants: z.array(z.string().min(1)).min(1),
  coverLetterTitle: z.object({ leads: z.array(z.string().min(1)), ends: z.array(z.string().min(1)) }),
  sections: z.array(SectionDef).length(6),
  templateText: z.object({ bodyField: z.string().min(1) }),
  headingWords: z.object({ endings: z.array(z.string().min(1)).min(1), runInEndings: z.array(z.string().min(1)).min(1), captionPrefixes: z.array(z.string().min(1)) }),
  activeDisclosure: ActiveDisclosureTable,
  applications: ApplicationsTable,
  reviewLitigation: ReviewLitigationTable,
  /**
   * 2021: section 六 must state whether 信息处理费 were collected. `words` show that it does;
   * `statement` is what the fix and the template write.
   */
  feeStatement: z.object({ words: z.array(z.string().min(1)).min(1), statement: Text }).optional(),
  /**
   * Text the format has every report write (text-reuse leaves it out of what counts as copied):
   * squashed phrases; a sentence holding one and little else is the format's, not the author's.
   */
  boilerplate: z.array(z.string().min(1)).default([]),
});
export type FormatData = z.infer<typeof FormatData>;
