/**
 * The `govreport` settings: pulled per document scope, validated key by key with zod, so one
 * bad value falls back to its default without taking the others with it, and is reported once
 * (per configuration change) in words a user can act on: the key, the value, what is allowed.
 */
import { z } from 'zod';
import { RULE_CODES, type CheckOptions, type FormatId, type Locale, type RuleCode, type RuleSettings, type Severity } from '../report';
import type { Baseline } from '../config/baseline';
import type { Applied } from '../config/files';
import { describeConfigProblem, describeUnreadable } from '../config/strings';
import * as path from 'path';
import { t } from './strings';
import { showValue } from '../common/showValue';

export type RuleSetting = Severity | 'off';

export interface Settings {
  enable: boolean;
  locale: Locale;
  format: 'auto' | FormatId;
  rules: Partial<Record<RuleCode, RuleSetting>>;
  /** Workspace-relative glob patterns of files that are always checked. */
  files: string[];
  /** Thresholds and deadlines of the rules, from the project file. */
  ruleSettings: Partial<RuleSettings>;
  /** An ignore pattern (the project file's `ignores`, a .govreportignore) leaves the document out. */
  ignored: boolean;
  /** The project file's `files` names the document: it is a report whatever it looks like. */
  named: boolean;
  /** The project file that applies to the document, if any. */
  configFile?: string;
  /** The baseline the project file names: findings accepted in it are not shown. */
  baseline?: Baseline;
  /** The document's path as the project files (and the baseline's entries) name it. */
  projectPath?: string;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ enable: true, locale: 'zh-CN', format: 'auto', rules: {}, files: [], ruleSettings: {}, ignored: false, named: false }) as Settings;

const LOCALES = ['zh-CN', 'en'] as const;
const FORMATS = ['auto', '2019', '2021'] as const;
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;

const schemas = {
  enable: z.boolean(),
  locale: z.enum(LOCALES),
  format: z.enum(FORMATS),
  files: z.array(z.string()),
};
const ruleValue = z.enum(SEVERITIES);
const ruleCode = z.enum(RULE_CODES);

export interface SettingsProblem {
  id: 'settingBadValue' | 'settingBadRuleValue' | 'settingUnknownRule' | 'settingNotObject';
  key: string;
  value: unknown;
  allowed?: string;
  fallback?: unknown;
}

export interface Validated {
  settings: Settings;
  problems: SettingsProblem[];
}

const quoteAll = (values: readonly string[], locale: Locale) => values.map((v) => JSON.stringify(v)).join(t(locale, 'listSeparator'));


/** Validates the `govreport` section; anything missing is its default, anything wrong too. */
export function validateSettings(raw: unknown): Validated {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, files: [], ruleSettings: {} };
  const problems: SettingsProblem[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ id: 'settingNotObject', key: 'govreport', value: raw });
    return { settings, problems };
  }
  const section = raw as Record<string, unknown>;
  const take = <K extends keyof typeof schemas>(key: K, allowed: () => string) => {
    const value = section[key];
    if (value === undefined || value === null) return;
    const parsed = schemas[key].safeParse(value);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
    else problems.push({ id: 'settingBadValue', key: `govreport.${key}`, value, allowed: allowed(), fallback: DEFAULT_SETTINGS[key] });
  };
  // Problems are reported in the configured locale, when that one is valid.
  const wanted = schemas.locale.safeParse(section.locale);
  const locale: Locale = wanted.success ? wanted.data : DEFAULT_SETTINGS.locale;
  take('locale', () => quoteAll(LOCALES, locale));
  take('enable', () => 'true, false');
  take('format', () => quoteAll(FORMATS, locale));
  take('files', () => t(locale, 'anyString'));

  const rules = section.rules;
  if (rules !== undefined && rules !== null) {
    if (typeof rules !== 'object' || Array.isArray(rules)) {
      problems.push({ id: 'settingBadValue', key: 'govreport.rules', value: rules, allowed: t(locale, 'anyObject'), fallback: {} });
    } else {
      for (const [code, value] of Object.entries(rules as Record<string, unknown>)) {
        if (!ruleCode.safeParse(code).success) {
          problems.push({ id: 'settingUnknownRule', key: 'govreport.rules', value: code, allowed: RULE_CODES.join(t(locale, 'listSeparator')) });
          continue;
        }
        const parsed = ruleValue.safeParse(value);
        if (parsed.success) settings.rules[code as RuleCode] = parsed.data;
        else problems.push({ id: 'settingBadRuleValue', key: `govreport.rules.${code}`, value, allowed: quoteAll(SEVERITIES, locale) });
      }
    }
  }
  return { settings, problems };
}

export function describeProblem(problem: SettingsProblem, locale: Locale): string {
  return t(locale, problem.id, {
    key: problem.key,
    value: showValue(problem.value),
    allowed: problem.allowed ?? '',
    fallback: showValue(problem.fallback),
  });
}

/** One message for the problems of one pull. */
export function problemsMessage(problems: SettingsProblem[], locale: Locale): string {
  return t(locale, 'settingsInvalid', { problems: problems.map((p) => describeProblem(p, locale)).join(t(locale, 'problemSeparator')) });
}

export function checkOptions(settings: Settings, onRuleError?: CheckOptions['onRuleError']): CheckOptions {
  return { locale: settings.locale, rules: settings.rules, format: settings.format, settings: settings.ruleSettings, onRuleError };
}

/**
 * The VS Code settings with the project file over them, as markdownlint does: where both
 * speak, the file wins (per rule for `rules`; its `files` replaces `govreport.files`).
 */
export function withProject(settings: Settings, applied: Applied, baseline?: Baseline): Settings {
  const config = applied.config?.config;
  if (!config) return { ...settings, ignored: Boolean(applied.ignoredBy), named: false, ...(baseline ? { baseline } : {}) };
  return {
    ...settings,
    locale: config.locale ?? settings.locale,
    format: config.format ?? settings.format,
    rules: { ...settings.rules, ...config.rules },
    files: config.files ? [] : settings.files,
    ruleSettings: config.settings,
    ignored: Boolean(applied.ignoredBy),
    named: applied.named,
    configFile: applied.config!.file,
    ...(baseline ? { baseline } : {}),
  };
}

/**
 * The project files of a document (config/files.ts's ProjectFiles, with the way a document's
 * URI becomes the path they are found by). Without one, only the VS Code settings apply.
 */
export interface ProjectSource {
  /** The document's path for its project files; undefined when none can apply (untitled, or a scheme the reader cannot reach). */
  pathOf(uri: string): string | undefined;
  /** Every file apply() may read for the document at `file` (ProjectFiles.candidates). */
  candidates(file: string): string[];
  /** Where reading is asynchronous (the web worker: VS Code's file system), fetches `files` before apply() or baseline() reads them. */
  readAhead?(uri: string, files: string[]): Promise<void>;
  apply(file: string): Applied;
  /** The baseline file (throws when it is not one; `missing` when there is no such file). */
  baseline(file: string): Baseline;
}

/**
 * Settings per document, pulled once per scope and kept until the configuration (or a project
 * file) changes. A value is warned about once per configuration generation, whichever
 * document's pull found it.
 */
export class SettingsStore {
  private cache = new Map<string, Promise<Settings>>();
  private pulled = new Map<string, Promise<Settings>>();
  private warned = new Set<string>();
  private global: unknown;

  constructor(
    /** Pulls the raw section for a scope; undefined when the client cannot be asked. */
    private readonly pull: ((scopeUri: string) => Promise<unknown>) | undefined,
    private readonly warn: (message: string) => void,
    /** The project files on disk (.govreportrc.jsonc, .govreportignore), shared with the CLI's reading. */
    private readonly project?: ProjectSource,
  ) {}

  /** The settings of document `uri`; `scope`: the URI whose VS Code settings apply (default: the document's). */
  get(uri: string, scope = uri): Promise<Settings> {
    const key = scope === uri ? uri : `${scope}\u0000${uri}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.load(uri, scope);
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** The configuration changed: pull again, warn again. `pushed` is what a push-only client sent. */
  reset(pushed?: unknown): void {
    this.cache.clear();
    this.pulled.clear();
    this.warned.clear();
    if (pushed !== undefined) this.global = pushed;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.pulled.delete(uri);
  }

  private once(key: string): boolean {
    if (this.warned.has(key)) return false;
    this.warned.add(key);
    return true;
  }

  private pulledFor(scope: string): Promise<Settings> {
    let pending = this.pulled.get(scope);
    if (!pending) {
      pending = this.loadPulled(scope);
      this.pulled.set(scope, pending);
    }
    return pending;
  }

  private async loadPulled(scope: string): Promise<Settings> {
    let raw: unknown = this.global;
    if (this.pull) {
      try {
        raw = await this.pull(scope);
      } catch {
        raw = this.global;
      }
    }
    const { settings, problems } = validateSettings(raw);
    const fresh = problems.filter((p) => this.once(`${p.id}\u0000${p.key}\u0000${showValue(p.value)}`));
    if (fresh.length) this.warn(problemsMessage(fresh, settings.locale));
    return settings;
  }

  private async load(uri: string, scope: string): Promise<Settings> {
    const settings = await this.pulledFor(scope);
    const project = this.project;
    const file = project?.pathOf(uri);
    if (!file || !project) return settings;
    await project.readAhead?.(uri, project.candidates(file));
    const applied = project.apply(file);
    const config = applied.config;
    const baselineFile = config?.config.baseline ? path.resolve(config.dir, config.config.baseline) : undefined;
    if (baselineFile) await project.readAhead?.(uri, [baselineFile]);
    const merged = { ...withProject(settings, applied, config && baselineFile ? this.baselineOf(baselineFile, settings.locale) : undefined), projectPath: file };
    if (config && (config.unreadable || config.problems.length)) {
      const lines = config.unreadable ? [describeUnreadable(config.file, config.unreadable, merged.locale)] : config.problems.map((p) => describeConfigProblem(p, config.file, merged.locale));
      const fresh = lines.filter((line) => this.once(line));
      if (fresh.length) this.warn(t(merged.locale, 'configInvalid', { problems: fresh.join(t(merged.locale, 'problemSeparator')) }));
    }
    return merged;
  }

  private baselineOf(file: string, locale: Locale): Baseline | undefined {
    try {
      const b = this.project!.baseline(file);
      return b.missing ? undefined : b;
    } catch (e) {
      const line = `${file}: ${e instanceof Error ? e.message : String(e)}`;
      if (this.once(line)) this.warn(t(locale, 'baselineInvalid', { problem: line }));
      return undefined;
    }
  }
}
