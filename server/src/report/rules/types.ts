/**
 * What a rule is and what it reports. Modelled on ESLint's `meta` + messages keyed by id and
 * markdownlint's fix-with-the-finding: a rule returns findings whose messages are ids with
 * arguments (rendered per locale by check.ts) and whose fixes are plain text edits.
 */
import type { Text } from '../formats';
import type { Report } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import type { Arithmetic } from './arithmetic';

export const RULE_CODES = [
  'section-missing',
  'section-order',
  'section-title',
  'section-empty',
  'report-title',
  'format-outdated',
  'table-missing',
  'table-row-missing',
  'table-cell-count',
  'cell-not-number',
  'cell-blank',
  'sum-applicant-total',
  'sum-result-total',
  'balance',
  'sum-review-litigation',
  'active-disclosure-range',
  'narrative-mismatch',
  'year-mismatch',
  'fee-statement-missing',
  'carryover-mismatch',
  'active-disclosure-continuity',
  'table-unreadable',
  'placeholder-text',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type MessageArg = string | number | Text;

export interface Message {
  id: string;
  args?: Record<string, MessageArg>;
}

export interface TextEdit {
  range: OffsetRange;
  newText: string;
  /**
   * The range and text are already in the source's own terms (a `<tr>` into a page's table):
   * carried to the source as they are, not escaped.
   */
  inSource?: true;
}

export interface Fix {
  title: Message;
  edits: TextEdit[];
  /** The fix a user most likely wants (LSP `isPreferred`). */
  preferred?: boolean;
}

export interface Finding {
  code: RuleCode;
  range: OffsetRange;
  message: Message;
  fix?: Fix;
  /** Other places that explain the finding (the parts of a wrong sum). */
  related?: Array<{ range: OffsetRange; message: Message }>;
}

export interface RuleContext {
  report: Report;
  /** Whether a rule is on: a finding another rule would explain goes to the first one that is. */
  enabled(code: RuleCode): boolean;
  arithmetic(): Arithmetic;
  /** The document's line break, for inserted text. */
  eol: string;
  /** Last year's report of the same body, when one is known (cross-year rules). */
  previous?: PreviousReport;
}

export interface PreviousReport {
  report: Report;
  /** How to name it to the user: a file name. */
  name: string;
}

export interface Rule {
  code: RuleCode;
  severity: Severity;
  description: Text;
  /** Message templates by id; `{name}` is replaced by the argument of that name. */
  messages: Record<string, Text>;
  check(context: RuleContext): Finding[];
}
