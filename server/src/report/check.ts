/**
 * Runs the rules over a parsed report and renders what they find: configured severities
 * applied, rules that are off skipped, messages in the requested locale. The CLI, the
 * language server and fix-all all call this one function.
 */
import type { FormatId, Locale } from './formats';
import type { Report } from './model';
import { renderMessage } from './messages';
import { parse } from './parse';
import { analyse, type Arithmetic } from './rules/arithmetic';
import { DEFAULT_RULE_SETTINGS, ruleByCode, rules, type PeerText, type PreviousReport, type RuleCode, type RuleSettings, type Severity, type Subordinates, type TextEdit } from './rules';
import type { OffsetRange } from './text/lineIndex';
import type { SourceKind } from './readers';
import { toSourceDiagnostic } from './readers/edits';
import { suppressionsOf } from './suppress';

export interface CheckOptions {
  locale?: Locale;
  /** Severity per rule code, or `off`. Unlisted rules keep their default severity. */
  rules?: Partial<Record<RuleCode, Severity | 'off'>>;
  format?: 'auto' | FormatId;
  /** How to read the source: `auto` (default) reads a whole HTML page as HTML. */
  kind?: SourceKind | 'auto';
  /** Last year's report of the same body, for the cross-year rules. */
  previous?: PreviousReport;
  /** Other bodies' reports of the same year that may share text with this one (text-reuse). */
  peers?: PeerText[];
  /** The subordinate bodies of this report's body, and their reports (hierarchy-sum). */
  subordinates?: Subordinates;
  /** Thresholds of the rules that judge by degree; unset ones keep their defaults. */
  settings?: Partial<RuleSettings>;
  /** Called when a rule throws; by default the rule's findings are dropped and it is logged. */
  onRuleError?: (code: RuleCode, error: unknown) => void;
}

export interface RenderedFix {
  title: string;
  edits: TextEdit[];
  preferred: boolean;
}

export interface Diagnostic {
  code: RuleCode;
  severity: Severity;
  range: OffsetRange;
  message: string;
  fix?: RenderedFix;
  related?: Array<{ range: OffsetRange; message: string }>;
}

export interface CheckResult {
  report: Report;
  diagnostics: Diagnostic[];
}

const ORDER = new Map(rules.map((r, i) => [r.code, i]));

/** Findings of one rule listed one by one; past this, one more finding gives their number. */
export const MAX_PER_RULE = 100;
const CHECK_MESSAGES = {
  more: { zh: '此后另有 {count} 处同类问题，未逐一列出', en: '{count} more findings of this kind from here on are not listed' },
};

export function severityOf(code: RuleCode, options: CheckOptions): Severity | 'off' {
  return options.rules?.[code] ?? ruleByCode.get(code)!.severity;
}

export function checkReport(report: Report, options: CheckOptions = {}): Diagnostic[] {
  const locale = options.locale ?? 'zh-CN';
  const enabled = (code: RuleCode) => severityOf(code, options) !== 'off';
  let arithmetic: Arithmetic | undefined;
  const context = {
    report,
    enabled,
    arithmetic: () => (arithmetic ??= analyse(report.tables, enabled)),
    eol: report.lines.eol,
    previous: options.previous,
    peers: options.peers ?? [],
    subordinates: options.subordinates,
    settings: { ...DEFAULT_RULE_SETTINGS, ...options.settings },
  };
  const out: Diagnostic[] = [];
  const inSource = new Set<Diagnostic>();
  const map = report.document.map;
  // What the report's own comments accept is not reported, and does not count towards a
  // rule's MAX_PER_RULE: the comments speak of the source, where findings end up.
  const suppressed = suppressionsOf(report, report.directives);
  const sourceStart = (f: { range: OffsetRange; inSource?: true }) => (f.inSource || map.identity ? f.range.start : map.toSource(f.range).start);
  for (const rule of rules) {
    const severity = severityOf(rule.code, options);
    if (severity === 'off') continue;
    let findings;
    try {
      findings = rule.check(context);
    } catch (error) {
      if (options.onRuleError) options.onRuleError(rule.code, error);
      else console.error(`govreport: rule ${rule.code} failed:`, error);
      continue;
    }
    if (suppressed) findings = findings.filter((f) => !suppressed.silences(f.code, sourceStart(f)));
    // A text that repeats itself (a report pasted a thousand times) would list thousands of
    // one finding: the first ones are listed, the rest counted in one more.
    let more: { range: OffsetRange; count: number } | undefined;
    if (findings.length > MAX_PER_RULE) {
      findings = [...findings].sort((a, b) => a.range.start - b.range.start);
      more = { range: findings[MAX_PER_RULE].range, count: findings.length - MAX_PER_RULE };
      findings = findings.slice(0, MAX_PER_RULE);
    }
    if (more) out.push({ code: rule.code, severity, range: more.range, message: renderMessage(CHECK_MESSAGES, { id: 'more', args: { count: more.count } }, locale) });
    for (const f of findings) {
      // A finding may be reported under another code (a root cause under the first enabled sum rule).
      const owner = ruleByCode.get(f.code) ?? rule;
      const render = (m: typeof f.message) => renderMessage(owner.messages, m, locale);
      // A configured severity is the user's word; otherwise a finding may be less sure than its rule.
      const configured = options.rules?.[f.code];
      const own = severityOf(f.code, options) === 'off' ? severity : (severityOf(f.code, options) as Severity);
      const d: Diagnostic = {
        code: f.code,
        severity: configured && configured !== 'off' ? configured : (f.severity ?? own),
        range: f.range,
        message: render(f.message),
        fix: f.fix && { title: render(f.fix.title), edits: f.fix.edits, preferred: f.fix.preferred ?? false },
        related: f.related?.map((r) => ({ range: r.range, message: render(r.message) })),
      };
      if (f.inSource) inSource.add(d);
      out.push(d);
    }
  }
  // Findings point into the text the parser read; the user sees the source.
  const mapped = map.identity ? out : out.map((d) => (inSource.has(d) ? d : toSourceDiagnostic(report.document, d)));
  mapped.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || ORDER.get(a.code)! - ORDER.get(b.code)!);
  return mapped;
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const report = parse(text, { format: options.format, kind: options.kind });
  return { report, diagnostics: checkReport(report, options) };
}
