/**
 * The positioned model of a report draft. Every fact the rules judge carries the exact source
 * range it came from, so a finding can point at the narrowest wrong text and a fix can
 * replace exactly that text.
 */
import type { CellValue } from './text/cellValue';
import type { ProseStatement } from './bind/narrative';
import type { LineIndex, OffsetRange } from './text/lineIndex';
import type { ReadDocument } from './readers';
import type { Directive } from './directives';
import type { ActiveDisclosureBlock, ActiveDisclosureRow, ApplicationsRow, ColumnDef, Format, FormatId, ReviewColumn, SectionDef } from './formats';

export type LayoutKind = 'markdown' | 'tsv' | 'cell-per-line' | 'html' | 'spaced';

export interface RawCell {
  /** Source text of the cell, trimmed (HTML: tags stripped, entities decoded). */
  text: string;
  /** Trimmed content; for an empty cell, everything between its delimiters (may be empty). */
  range: OffsetRange;
  /** Everything between the cell's delimiters. */
  inner: OffsetRange;
  empty: boolean;
  /**
   * A blank standing for a cell of an earlier row that a rowspan carries into this one (HTML):
   * it holds the row's shape, counts as nothing, is never reported blank and never rewritten.
   */
  spanned?: true;
}

export interface RawRow {
  layout: LayoutKind;
  cells: RawCell[];
  /** An HTML row: its `<tr>` element in the source (where a row inserted beside it goes). */
  source?: OffsetRange;
  /** From the first to the last character of the row's source lines. */
  range: OffsetRange;
  startLine: number;
  endLine: number;
}

/** A table as found in the text, before it is bound to the format. */
export interface RawTable {
  layout: LayoutKind;
  rows: RawRow[];
  range: OffsetRange;
}

export interface Heading {
  section: SectionDef;
  /** The whole heading line, markdown markers included. */
  lineRange: OffsetRange;
  /** The heading text without markdown markers and surrounding white space. */
  textRange: OffsetRange;
  text: string;
  line: number;
  /** How it was recognised: its words, or only its ordinal in sequence. */
  matchedBy: 'words' | 'ordinal';
  ordinal?: number;
}

export interface Section {
  def: SectionDef;
  heading: Heading;
  /** From the end of the heading line to the next heading (or the end of the text). */
  contentRange: OffsetRange;
}

export type TableKind = 'activeDisclosure' | 'applications' | 'reviewLitigation';

export interface BoundCell {
  rowId: string;
  columnId: string;
  column: ColumnDef | ReviewColumn;
  raw: RawCell;
  value: CellValue;
}

export interface BoundRow {
  /** Row id in the format (table 四's single value row is `values`). */
  id: string;
  raw: RawRow;
  /** The cell that carries the row label, when the row has one. */
  labelCell?: RawCell;
  /** Number of value columns the format expects. */
  expected: number;
  /** The cells found where values belong (after the label), trimmed of ragged empties. */
  valueCells: RawCell[];
  /** Bound cells, aligned to the columns; empty when the count does not match. */
  cells: BoundCell[];
  cellCountMatches: boolean;
}

interface BoundTableBase {
  layout: LayoutKind;
  range: OffsetRange;
  rows: BoundRow[];
  /** Header, caption, group and unrecognised rows, in order. */
  otherRows: RawRow[];
  /** Every row of the table as found, in order. */
  rawRows: RawRow[];
  /** The section the table sits in, if any. */
  section?: Section;
  /** Which format the table's own headers and rows follow. */
  format: FormatId;
  /** True when the table's shape decided `format` (not the year or a default). */
  formatEvidence: boolean;
  /**
   * The text ends inside this table (a page excerpt cut off, a draft being typed): the rows
   * after its last one are not missing, and its last row may be cut short.
   */
  truncated?: boolean;
}

/** Why a table could not be read with confidence. */
export type UnreadableReason =
  /** Cells run together with nothing between them (a crawler's text: 数量713000074). */
  | 'runTogether'
  /** Figures on lines of their own, away from their row labels (PDF converted badly). */
  | 'detached'
  /** Many rows with more or fewer figures than columns, or label text where figures belong. */
  | 'misaligned'
  /** Headers and captions only, no row of figures. */
  | 'headerOnly';

/**
 * A table the reader found but could not read with confidence. Nothing is judged from it:
 * it is reported once, and no sum, row or prose figure is checked against it.
 */
export interface UnreadableTable {
  kind: TableKind;
  range: OffsetRange;
  reason: UnreadableReason;
  /** How many rows showed the problem. */
  count: number;
  /** A short piece of the text that shows it. */
  sample?: string;
  /** The lines it spans in the read text (its figures are not prose). */
  lines: { first: number; last: number };
}

export interface ActiveDisclosureTable extends BoundTableBase {
  kind: 'activeDisclosure';
  blocks: Map<string, ActiveDisclosureBlock>;
  rowDefs: Map<string, { row: ActiveDisclosureRow; block: ActiveDisclosureBlock }>;
}

export interface ApplicationsTable extends BoundTableBase {
  kind: 'applications';
  rowDefs: Map<string, ApplicationsRow>;
}

export interface ReviewLitigationTable extends BoundTableBase {
  kind: 'reviewLitigation';
}

export type BoundTable = ActiveDisclosureTable | ApplicationsTable | ReviewLitigationTable;

export interface TitleInfo {
  range: OffsetRange;
  text: string;
  body?: string;
  year?: number;
  yearRange?: OffsetRange;
  /** The title names 政府信息公开工作年度报告. */
  namesReport: boolean;
}

export interface PeriodInfo {
  range: OffsetRange;
  startYear?: number;
  endYear?: number;
}

export interface SignatureInfo {
  body: string;
  bodyRange: OffsetRange;
  date?: { year: number; month: number; day: number; range: OffsetRange };
}

export interface Report {
  /** The text the parser read (an HTML page's logical lines; a text file itself). */
  text: string;
  lines: LineIndex;
  /** What was read, and the map from `text` back to the source every finding points into. */
  document: ReadDocument;
  /** Lines of the source (the same index as `lines` when the source is read as it is). */
  sourceLines: LineIndex;
  title?: TitleInfo;
  period?: PeriodInfo;
  signature?: SignatureInfo;
  /** Report year: from the title, else the statistics period, else section 一. */
  year?: { value: number; source: 'title' | 'period' | 'body'; range: OffsetRange };
  /** The format the tables follow (or, without tables, the one the year implies). */
  format: Format | undefined;
  formatSource: 'tables' | 'year' | 'override' | 'none';
  headings: Heading[];
  sections: Section[];
  tables: BoundTable[];
  /** Offset where the report body starts (first heading or first table). */
  bodyStart: number;
  /** Lines that are prose: not headings, not table rows. */
  proseLines: number[];
  /** Tables found but not read with confidence (reported once each, never judged). */
  unreadable: UnreadableTable[];
  /**
   * The headings follow an outline of the report's own (二、工作机制保障 inserted, the rest
   * renumbered): which heading is which section is a guess, so the outline is not judged.
   */
  restructured?: { heading: Heading };
  /**
   * Ordinal headings run into a line of prose, not on a line of their own and not recognised as
   * a section's ("…提升。五、当前存在的突出问题信息公开的时效性…", a crawler's one-line text): a
   * section may start there, so a section missing between the recognised ones is not judged.
   */
  runInHeadings: Array<{ range: OffsetRange; text: string; ordinal: number }>;
  /** The text stops inside a table: it is an excerpt, or not finished. */
  truncatedAt?: number;
  /** Figures the prose states about the tables (found on first use). */
  readonly statements: ProseStatement[];
  /** The govreport-disable comments of the source, in order (directives.ts). */
  directives: Directive[];
}
