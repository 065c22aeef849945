/** Command-line arguments, validated; a bad argument is a one-line message and exit status 2. */
import { nearestRuleCode, RULE_CODES, type FormatId, type Locale, type RuleCode, type Severity } from '../report';
import { t } from './strings';

export const OUTPUTS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type Output = (typeof OUTPUTS)[number];

export interface CliOptions {
  inputs: string[];
  output: Output;
  fix: boolean;
  /** Make the fixes in memory only: list what --fix would change. */
  fixDryRun: boolean;
  /** Print the fixes as a unified diff (implies fixDryRun). */
  diff: boolean;
  /** The locale of the run: --locale, else the project file's, else Chinese. */
  locale: Locale;
  /** --locale was given: it wins over every project file. */
  localeGiven: boolean;
  /** --report-format, when given (it wins over the project file's `format`). */
  reportFormat?: 'auto' | FormatId;
  rules: Partial<Record<RuleCode, Severity | 'off'>>;
  exitZero: boolean;
  color: boolean | undefined;
  /** A project file for every report instead of the nearest one. */
  config?: string;
  /** Check files even when an ignore pattern leaves them out. */
  noIgnore: boolean;
  /** Print the configuration that applies to this file, and nothing else. */
  printConfig?: string;
  listRules: boolean;
  explain?: string;
  /** The name standard input (`-`) is checked under: for its project file, its kind and the output. */
  stdinFilename?: string;
  baseline?: string;
  writeBaseline: boolean;
  /** Why the findings --write-baseline adds are accepted. */
  reason?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], locale: Locale): T {
  if (value === undefined) throw new UsageError(t(locale, 'missingValue', option));
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(t(locale, 'badValue', option, value, allowed.join('|')));
  return value as T;
}

/** The raw value of an option as written (`--opt v` or `--opt=v`), before anything is validated. */
export function rawOption(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

/**
 * `fallbackLocale`: the language of messages when --locale is not given (the project file's).
 * The locale decides the language of the other errors, so it is read first.
 */
export function parseArgs(argv: string[], fallbackLocale: Locale = 'zh-CN'): CliOptions {
  const localeValue = rawOption(argv, '--locale');
  const locale: Locale = localeValue === 'en' ? 'en' : localeValue === 'zh-CN' ? 'zh-CN' : fallbackLocale;

  const options: CliOptions = {
    inputs: [],
    output: 'text',
    fix: false,
    fixDryRun: false,
    diff: false,
    locale,
    localeGiven: false,
    rules: {},
    exitZero: false,
    color: undefined,
    noIgnore: false,
    listRules: false,
    writeBaseline: false,
    help: false,
    version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    const value = () => (inline !== undefined ? inline : argv[++i]);
    const required = () => {
      const v = value();
      if (v === undefined || v === '') throw new UsageError(t(locale, 'missingValue', arg));
      return v;
    };
    // A switch takes no value, or an explicit yes/no: `--fix=no` does not fix.
    const flag = (): boolean => {
      if (inline === undefined) return true;
      if (/^(yes|true|1|on)$/i.test(inline)) return true;
      if (/^(no|false|0|off)$/i.test(inline)) return false;
      throw new UsageError(t(locale, 'badBoolean', arg, inline));
    };
    switch (arg) {
      case '--format':
        options.output = oneOf('--format', value(), OUTPUTS, locale);
        break;
      case '--locale':
        options.locale = oneOf('--locale', value(), ['zh-CN', 'en'] as const, locale);
        options.localeGiven = true;
        break;
      case '--report-format':
        options.reportFormat = oneOf('--report-format', value(), ['auto', '2019', '2021'] as const, locale);
        break;
      case '--rule': {
        const v = value();
        const m = v ? /^([a-z-]+)=([a-z]+)$/.exec(v) : null;
        if (m && !(RULE_CODES as readonly string[]).includes(m[1])) {
          const near = nearestRuleCode(m[1]);
          throw new UsageError(near ? t(locale, 'unknownRuleNear', m[1], near) : t(locale, 'unknownRule', m[1]));
        }
        if (!m || !(LEVELS as readonly string[]).includes(m[2])) throw new UsageError(t(locale, 'badRule', v ?? ''));
        options.rules[m[1] as RuleCode] = m[2] as Severity | 'off';
        break;
      }
      case '--fix':
        options.fix = flag();
        break;
      case '--fix-dry-run':
        options.fixDryRun = flag();
        break;
      case '--diff':
        options.diff = flag();
        break;
      case '--exit-zero':
        options.exitZero = flag();
        break;
      case '--no-color':
        options.color = !flag();
        break;
      case '--color':
        options.color = flag();
        break;
      case '--config':
        options.config = required();
        break;
      case '--no-ignore':
        options.noIgnore = flag();
        break;
      case '--print-config':
        options.printConfig = required();
        break;
      case '--list-rules':
        options.listRules = flag();
        break;
      case '--explain':
        options.explain = required();
        break;
      case '--stdin-filename':
        options.stdinFilename = required();
        break;
      case '--baseline':
        options.baseline = required();
        break;
      case '--write-baseline':
        options.writeBaseline = flag();
        break;
      case '--reason':
        options.reason = required();
        break;
      case '-h':
      case '--help':
        options.help = flag();
        break;
      case '-v':
      case '--version':
        options.version = flag();
        break;
      case '--':
        options.inputs.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(t(locale, 'unknownOption', argv[i]));
        options.inputs.push(arg);
    }
  }
  if (options.diff) options.fixDryRun = true;
  const standalone = options.help || options.version || options.listRules || options.explain !== undefined || options.printConfig !== undefined;
  if (!standalone && options.inputs.length === 0) throw new UsageError(t(locale, 'noInputs'));
  if (options.fix && options.fixDryRun) throw new UsageError(t(locale, 'conflict', '--fix', options.diff ? '--diff' : '--fix-dry-run'));
  if (options.diff && options.output !== 'text') throw new UsageError(t(locale, 'conflict', '--diff', `--format ${options.output}`));
  if (options.fix && options.inputs.includes('-')) throw new UsageError(t(locale, 'fixStdin'));
  if (options.inputs.filter((i) => i === '-').length > 1) throw new UsageError(t(locale, 'stdinTwice'));
  if (options.reason !== undefined && !options.writeBaseline) throw new UsageError(t(locale, 'needs', '--reason', '--write-baseline'));
  return options;
}
