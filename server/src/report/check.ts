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
import type { Finding, Rule, RuleContext } from './rules/types';
import { lastYearReuse, peerReuse, peerSource, textReuse, type PeerTarget } from './rules/textReuse';
import type { OwnText } from './reuse';
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
  return checkReports([{ report, options }])[0];
}

/**
 * Checks several reports, each with its own options: what checkReport gives for each, in less
 * time. Each rule runs over every report before the next rule runs (its code stays hot: 8 %
 * less time in the rules for a review's batch of 16, measured).
 */
export function checkReports(items: ReadonlyArray<{ report: Report; options?: CheckOptions }>): Diagnostic[][] {
  const runs = items.map((item) => startCheck(item.report, item.options ?? {}));
  for (const rule of rules) for (const run of runs) runRule(run, rule);
  return runs.map(finishCheck);
}

/** One report's check under way: its rules' context, and the findings so far. */
interface CheckRun {
  report: Report;
  options: CheckOptions;
  locale: Locale;
  context: RuleContext;
  out: Diagnostic[];
  inSource: Set<Diagnostic>;
  suppressed: ReturnType<typeof suppressionsOf>;
}

function startCheck(report: Report, options: CheckOptions): CheckRun {
  const enabled = (code: RuleCode) => severityOf(code, options) !== 'off';
  let arithmetic: Arithmetic | undefined;
  const context: RuleContext = {
    report,
    enabled,
    arithmetic: () => (arithmetic ??= analyse(report.tables, enabled)),
    eol: report.lines.eol,
    previous: options.previous,
    peers: options.peers ?? [],
    subordinates: options.subordinates,
    settings: { ...DEFAULT_RULE_SETTINGS, ...options.settings },
  };
  // What the report's own comments accept is not reported, and does not count towards a
  // rule's MAX_PER_RULE: the comments speak of the source, where findings end up.
  const suppressed = suppressionsOf(report, report.directives);
  return { report, options, locale: options.locale ?? 'zh-CN', context, out: [], inSource: new Set(), suppressed };
}

function runRule(run: CheckRun, rule: Rule): void {
  const { options, locale, out, suppressed } = run;
  const severity = severityOf(rule.code, options);
  if (severity === 'off') return;
  let findings;
  try {
    findings = rule.check(run.context);
  } catch (error) {
    if (options.onRuleError) options.onRuleError(rule.code, error);
    else console.error(`govreport: rule ${rule.code} failed:`, error);
    return;
  }
  if (suppressed) {
    const map = run.report.document.map;
    const sourceStart = (f: { range: OffsetRange; inSource?: true }) => (f.inSource || map.identity ? f.range.start : map.toSource(f.range).start);
    findings = findings.filter((f) => !suppressed.silences(f.code, sourceStart(f)));
  }
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
    const d = diagnosticOf(f, rule, severity, options, locale);
    if (f.inSource) run.inSource.add(d);
    out.push(d);
  }
}

function finishCheck(run: CheckRun): Diagnostic[] {
  const { report, out, inSource } = run;
  const map = report.document.map;
  // Findings point into the text the parser read; the user sees the source.
  const mapped = map.identity ? out : out.map((d) => (inSource.has(d) ? d : toSourceDiagnostic(report.document, d)));
  mapped.sort(compareDiagnostics);
  return mapped;
}

/** The order checkReport lists findings in: by where they start, then end, then by rule. */
export function compareDiagnostics(a: { range: OffsetRange; code: RuleCode }, b: { range: OffsetRange; code: RuleCode }): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || ORDER.get(a.code)! - ORDER.get(b.code)!;
}

/** A finding of `rule` (whose severity is `severity`) as the user sees it, still in the parser's text. */
function diagnosticOf(f: Finding, rule: Rule, severity: Severity, options: CheckOptions, locale: Locale): Diagnostic {
  // A finding may be reported under another code (a root cause under the first enabled sum rule).
  const owner = ruleByCode.get(f.code) ?? rule;
  const render = (m: typeof f.message) => renderMessage(owner.messages, m, locale);
  // A configured severity is the user's word; otherwise a finding may be less sure than its rule.
  const configured = options.rules?.[f.code];
  const own = severityOf(f.code, options) === 'off' ? severity : (severityOf(f.code, options) as Severity);
  return {
    code: f.code,
    severity: configured && configured !== 'off' ? configured : (f.severity ?? own),
    range: f.range,
    message: render(f.message),
    fix: f.fix && { title: render(f.fix.title), edits: f.fix.edits, preferred: f.fix.preferred ?? false },
    related: f.related?.map((r) => ({ range: r.range, message: render(r.message) })),
  };
}

/**
 * The sections text-reuse may yet find shared with other bodies' reports, each with where its
 * finding would go (in the parser's text and in the source).
 */
export interface PendingPeerReuse {
  targets: Array<{ number: number; title: PeerTarget['title']; range: OffsetRange; sourceRange: OffsetRange }>;
}

/**
 * What text-reuse will need of the report once its peers are known, taken while the report is at
 * hand: a review learns a report's peers only once it has read every report, and by then it has
 * let the report go. Undefined when text-reuse is off. `options` are those the report was
 * checked with, without peers.
 */
export function pendingPeerReuse(report: Report, options: CheckOptions = {}): PendingPeerReuse | undefined {
  if (severityOf('text-reuse', options) === 'off') return undefined;
  const { open } = lastYearReuse(report, options.previous, { ...DEFAULT_RULE_SETTINGS, ...options.settings });
  const suppressed = suppressionsOf(report, report.directives);
  const map = report.document.map;
  const targets: PendingPeerReuse['targets'] = [];
  for (const t of open) {
    const sourceRange = map.identity ? t.range : map.toSource(t.range);
    // As checkReport does: what the report's own comments accept is not reported.
    if (suppressed?.silences('text-reuse', sourceRange.start)) continue;
    targets.push({ number: t.section.number, title: t.title, range: t.range, sourceRange });
  }
  return { targets };
}

/**
 * What checkReport, given `peers`, adds to the findings of the report `pending` was taken from
 * (checked with the same `options` but no peers): text-reuse's finding against the peers on
 * each of `pending.targets`, in the source, or undefined where there is none. `own`: the
 * report's own text (ownTextOf).
 */
export function peerReuseDiagnostics(pending: PendingPeerReuse, own: OwnText, peers: PeerText[], options: CheckOptions = {}): Array<Diagnostic | undefined> {
  const severity = severityOf('text-reuse', options);
  if (severity === 'off' || !peers.length) return pending.targets.map(() => undefined);
  const settings = { ...DEFAULT_RULE_SETTINGS, ...options.settings };
  const sources = peers.map(peerSource);
  return pending.targets.map((t) => {
    const section = own.sections.find((s) => s.number === t.number);
    const f = section && peerReuse({ section, title: t.title, range: t.range }, sources, settings);
    // A finding against a peer has neither a fix nor related ranges: in the source, only its range moves.
    return f && { ...diagnosticOf(f, textReuse, severity, options, options.locale ?? 'zh-CN'), range: t.sourceRange };
  });
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const report = parse(text, { format: options.format, kind: options.kind });
  return { report, diagnostics: checkReport(report, options) };
}
