/**
 * What a rule is and what it reports. Modelled on ESLint's `meta` + messages keyed by id and
 * markdownlint's fix-with-the-finding: a rule returns findings whose messages are ids with
 * arguments (rendered per locale by check.ts) and whose fixes are plain text edits.
 */
import type { Text } from '../formats';
import type { Report } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import type { Arithmetic } from './arithmetic';
import type { OwnText } from '../reuse';

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
  'text-reuse',
  'publication-deadline',
  'section-substance',
  'stale-year',
  'prose-contradiction',
  'hierarchy-sum',
  'disable-comment',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** Edit distance of two short names (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The valid code a mistyped one most likely meant (`sum-applicant-totals`, `balanse`): the
 * nearest by edit distance, when it is near enough to be a slip rather than another word.
 */
export function nearestRuleCode(name: string): RuleCode | undefined {
  const wanted = name.trim().toLowerCase();
  let best: RuleCode | undefined;
  let bestDistance = Infinity;
  for (const code of RULE_CODES) {
    // The distance is at least the difference in length: a name much longer or shorter than a
    // code is not a slip of it, and is not compared (a run-on comment's "name" can be a whole line).
    if (Math.abs(wanted.length - code.length) > Math.max(2, Math.floor(code.length / 3)) && !(code.includes(wanted) && wanted.length >= 4)) continue;
    const d = code.includes(wanted) && wanted.length >= 4 ? 1 : distance(wanted, code);
    if (d < bestDistance) {
      best = code;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}


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
  /**
   * How sure this finding is, when less than the rule's default: a rule that is certain of
   * some findings and leaves others to a person's judgement reports those as information.
   * A severity configured for the code replaces it.
   */
  severity?: Severity;
  fix?: Fix;
  /** Other places that explain the finding (the parts of a wrong sum). */
  related?: Array<{ range: OffsetRange; message: Message }>;
  /**
   * The range is already in the source's own terms (a comment in a page's markup, which the
   * text the parser reads does not hold): carried to the source as it is.
   */
  inSource?: true;
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
  /** Other bodies' reports of the same year whose text may be shared (text-reuse, in a batch). */
  peers: PeerText[];
  /** The subordinate bodies of this report's body and those of their reports at hand (hierarchy-sum). */
  subordinates?: Subordinates;
  /** Thresholds of the rules that judge by degree, defaults filled in. */
  settings: RuleSettings;
}

/** Another body's report as text-reuse compares with it: its own text only. */
export interface PeerText {
  /** How to name it to the user: a file name. */
  name: string;
  /** The body, as its title or signature writes it. */
  body?: string;
  own: OwnText;
}

export interface Subordinates {
  /** The subordinate bodies as the units file names them. */
  units: string[];
  /** Their reports of the same year that were found, with the unit each is for. */
  reports: Array<PreviousReport & { unit: string }>;
}

/** A month and day of the year after the report year. */
export interface MonthDay {
  month: number;
  day: number;
}

/** Thresholds of the rules that judge by degree (CheckOptions.settings overrides any of them). */
export interface RuleSettings {
  /** text-reuse: a section is reported when more than this share (0–1) of its own text is copied. */
  reuseThreshold: number;
  /** text-reuse: sections with less own text than this (characters) are not judged. */
  reuseMinChars: number;
  /** publication-deadline: the last day for a department's report (条例第五十条: 1月31日). */
  deadline: MonthDay;
  /** publication-deadline: the last day for a 本级人民政府 report (3月31日). */
  governmentDeadline: MonthDay;
  /**
   * publication-deadline: say so when a whole report carries no date at all. Off in the editor
   * and the checker, where a draft is dated last; on in a review of published reports.
   */
  expectDate: boolean;
  /** section-substance: 五 with fewer characters of its own than this states nothing. */
  problemsMinChars: number;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  reuseThreshold: 0.5,
  reuseMinChars: 60,
  deadline: { month: 1, day: 31 },
  governmentDeadline: { month: 3, day: 31 },
  expectDate: false,
  problemsMinChars: 20,
};

export interface PreviousReport {
  report: Report;
  /** How to name it to the user: a file name. */
  name: string;
}

/**
 * A threshold or deadline a rule judges by, as the project file sets it:
 * `"text-reuse": { "threshold": 0.6 }` sets RuleSettings.reuseThreshold. The project file's
 * schema, its validation, `--print-config` and the rule documentation all read this list.
 */
export interface RuleOption {
  /** The key in the rule's entry of the project file. */
  key: string;
  /** The RuleSettings field it sets. */
  setting: keyof RuleSettings;
  /**
   * How it is written: a share (0–1, or `"60%"`), a count of characters (a whole number ≥ 0),
   * a month and day of the next year (`"1-31"`), or true/false.
   */
  kind: 'share' | 'count' | 'monthDay' | 'boolean';
  description: Text;
}

export interface Rule {
  code: RuleCode;
  severity: Severity;
  description: Text;
  /** The thresholds and deadlines a project may set for this rule. */
  options?: RuleOption[];
  /** Message templates by id; `{name}` is replaced by the argument of that name. */
  messages: Record<string, Text>;
  /**
   * Its fix moves or re-lays the report's own text (a section moved, a table rewritten in
   * another layout) and writes no figure of its own: what other fixes read from that text is
   * still the author's.
   */
  fixWritesNoFigure?: true;
  check(context: RuleContext): Finding[];
}
