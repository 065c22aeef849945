/**
 * The project file (`.govreportrc.jsonc`): what it may say, read with a real JSONC parser
 * (comments and trailing commas, as people write it) and validated key by key with zod, so
 * one wrong value is reported with its place in the file and the rest still applies. Pure:
 * finding the file on disk is config/files.ts's.
 *
 * ```jsonc
 * {
 *   "locale": "zh-CN",
 *   "format": "auto",
 *   "rules": {
 *     "cell-blank": "off",
 *     "text-reuse": { "severity": "information", "threshold": 0.6 },
 *     "publication-deadline": { "deadline": "2-15" }
 *   },
 *   "files": ["草稿/*.txt"],            // always reports, whatever they look like
 *   "ignores": ["归档/**"],             // never checked (gitignore syntax)
 *   "baseline": ".govreport-baseline.json"
 * }
 * ```
 */
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { LineIndex, nearestRuleCode, RULE_CODES, ruleByCode, type FormatId, type Locale, type RuleCode, type RuleOption, type RuleSettings, type Severity } from '../report';
import type { MonthDay } from '../report/rules';
import { showValue } from '../common/showValue';

export type RuleLevel = Severity | 'off';

export interface ProjectConfig {
  locale?: Locale;
  format?: 'auto' | FormatId;
  rules: Partial<Record<RuleCode, RuleLevel>>;
  /** Thresholds and deadlines the file's rule entries set. */
  settings: Partial<RuleSettings>;
  /** Patterns (gitignore syntax, relative to the file's folder) of files that are reports whatever they look like. */
  files?: string[];
  /** Patterns of files never checked. */
  ignores: string[];
  /** The baseline file, relative to the project file's folder. */
  baseline?: string;
}

export interface ConfigProblem {
  id: 'configSyntax' | 'configNotObject' | 'configUnknownKey' | 'configBadValue' | 'configUnknownRule' | 'configUnknownOption';
  /** Where in the file (its JSON path). */
  path: Array<string | number>;
  /** 0-based line and character of the value (or key) in the file. */
  line: number;
  character: number;
  /** What was written there, shown short. */
  value?: string;
  /** What is allowed, or the nearest valid name. */
  allowed?: string;
  suggestion?: string;
}

export const LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export const LOCALES = ['zh-CN', 'en'] as const;
export const FORMATS = ['auto', '2019', '2021'] as const;
export const TOP_KEYS = ['$schema', 'locale', 'format', 'rules', 'files', 'ignores', 'baseline'] as const;

const level = z.enum(LEVELS);
const patterns = z.array(z.string().min(1));

/** A share of a whole: 0.6, or "60%". Not 0 or 1 (everything, or nothing, would be reported). */
export function parseShare(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?%$/.test(value.trim()) ? Number(value.trim().slice(0, -1)) / 100 : NaN;
  return Number.isFinite(n) && n > 0 && n < 1 ? n : undefined;
}

/** A month and day of the year after the report year: "1-31", "03-31". */
export function parseMonthDay(value: unknown): MonthDay | undefined {
  const m = typeof value === 'string' ? /^(\d{1,2})-(\d{1,2})$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1] ? { month, day } : undefined;
}

export function parseOption(option: RuleOption, value: unknown): RuleSettings[keyof RuleSettings] | undefined {
  switch (option.kind) {
    case 'share':
      return parseShare(value);
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
    case 'monthDay':
      return parseMonthDay(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
  }
}

/** What an option accepts, in words of the file's own syntax. */
export function optionAllowed(option: RuleOption): string {
  switch (option.kind) {
    case 'share':
      return '0 < n < 1, "60%"';
    case 'count':
      return '0, 1, 2, …';
    case 'monthDay':
      return '"1-31"';
    case 'boolean':
      return 'true, false';
  }
}


const quoteAll = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

function nearestOf(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return candidates.find((c) => c.toLowerCase() === lower) ?? candidates.find((c) => c.toLowerCase().startsWith(lower.slice(0, 3)) && Math.abs(c.length - name.length) <= 3);
}

export interface ParsedConfig {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/** Reads and validates a project file's text. Anything wrong is a problem; what is right applies. */
export function parseProjectConfig(source: string): ParsedConfig {
  const text = source.replace(/^\ufeff/, '');
  const config: ProjectConfig = { rules: {}, settings: {}, ignores: [] };
  const problems: ConfigProblem[] = [];
  const lines = new LineIndex(text);
  const at = (offset: number) => lines.positionAt(offset);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    const p = at(e.offset);
    problems.push({ id: 'configSyntax', path: [], line: p.line, character: p.character, value: printParseErrorCode(e.error) });
    return { config, problems };
  }
  if (!tree || tree.type !== 'object') {
    // An empty file says nothing; anything else but an object is a mistake.
    if (tree) problems.push({ id: 'configNotObject', path: [], line: at(tree.offset).line, character: at(tree.offset).character, value: showValue(nodeValue(tree)) });
    return { config, problems };
  }
  const place = (path: Array<string | number>, key = false) => {
    const node = findNodeAtLocation(tree, path);
    const target = key && node?.parent?.type === 'property' ? node.parent.children![0] : node;
    const p = at(target?.offset ?? 0);
    return { line: p.line, character: p.character };
  };
  const bad = (path: Array<string | number>, value: unknown, allowed: string) => problems.push({ id: 'configBadValue', path, ...place(path), value: showValue(value), allowed });

  for (const prop of tree.children ?? []) {
    const key = String(prop.children![0].value);
    const valueNode = prop.children![1];
    const value = valueNode ? nodeValue(valueNode) : undefined;
    switch (key) {
      case '$schema':
        break;
      case 'locale': {
        const r = z.enum(LOCALES).safeParse(value);
        if (r.success) config.locale = r.data;
        else bad([key], value, quoteAll(LOCALES));
        break;
      }
      case 'format': {
        const r = z.enum(FORMATS).safeParse(value);
        if (r.success) config.format = r.data;
        else bad([key], value, quoteAll(FORMATS));
        break;
      }
      case 'files':
      case 'ignores': {
        const r = patterns.safeParse(value);
        if (!r.success) bad([key], value, '["reports/**/*.md"]');
        else if (key === 'files') config.files = r.data;
        else config.ignores = r.data;
        break;
      }
      case 'baseline': {
        const r = z.string().min(1).safeParse(value);
        if (r.success) config.baseline = r.data;
        else bad([key], value, '".govreport-baseline.json"');
        break;
      }
      case 'rules':
        if (!value || typeof value !== 'object' || Array.isArray(value)) bad([key], value, '{ "cell-blank": "off" }');
        else readRules(value as Record<string, unknown>, config, problems, place, bad);
        break;
      default:
        problems.push({ id: 'configUnknownKey', path: [key], ...place([key], true), value: key, allowed: TOP_KEYS.filter((k) => k !== '$schema').join(', '), suggestion: nearestOf(key, TOP_KEYS) });
    }
  }
  return { config, problems };
}

function readRules(
  rules: Record<string, unknown>,
  config: ProjectConfig,
  problems: ConfigProblem[],
  place: (path: Array<string | number>, key?: boolean) => { line: number; character: number },
  bad: (path: Array<string | number>, value: unknown, allowed: string) => void,
): void {
  for (const [code, entry] of Object.entries(rules)) {
    const rule = ruleByCode.get(code as RuleCode);
    if (!rule) {
      problems.push({ id: 'configUnknownRule', path: ['rules', code], ...place(['rules', code], true), value: code, suggestion: nearestRuleCode(code) });
      continue;
    }
    const options = rule.options ?? [];
    if (typeof entry === 'string') {
      const r = level.safeParse(entry);
      if (r.success) config.rules[rule.code] = r.data;
      else bad(['rules', code], entry, quoteAll(LEVELS));
      continue;
    }
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      bad(['rules', code], entry, options.length ? `${quoteAll(LEVELS)}, { "severity": …, ${options.map((o) => `"${o.key}": …`).join(', ')} }` : quoteAll(LEVELS));
      continue;
    }
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      if (key === 'severity') {
        const r = level.safeParse(value);
        if (r.success) config.rules[rule.code] = r.data;
        else bad(['rules', code, key], value, quoteAll(LEVELS));
        continue;
      }
      const option = options.find((o) => o.key === key);
      if (!option) {
        const known = ['severity', ...options.map((o) => o.key)];
        problems.push({ id: 'configUnknownOption', path: ['rules', code, key], ...place(['rules', code, key], true), value: key, allowed: known.join(', '), suggestion: nearestOf(key, known) });
        continue;
      }
      const parsed = parseOption(option, value);
      if (parsed === undefined) bad(['rules', code, key], value, optionAllowed(option));
      else (config.settings as Record<string, unknown>)[option.setting] = parsed;
    }
  }
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [String(p.children![0].value), p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** Every code with the severity that applies: the file's, else the rule's default. */
export function effectiveRules(rules: Partial<Record<RuleCode, RuleLevel>>): Record<RuleCode, RuleLevel> {
  return Object.fromEntries(RULE_CODES.map((code) => [code, rules[code] ?? ruleByCode.get(code)!.severity])) as Record<RuleCode, RuleLevel>;
}
