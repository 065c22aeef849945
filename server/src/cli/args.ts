/** Command-line arguments, validated; a bad argument is a message and exit status 2. */
import { RULE_CODES, type FormatId, type Locale, type RuleCode, type Severity } from '../report';
import { t } from './strings';

export interface CliOptions {
  inputs: string[];
  output: 'text' | 'json' | 'sarif';
  fix: boolean;
  locale: Locale;
  reportFormat: 'auto' | FormatId;
  rules: Partial<Record<RuleCode, Severity | 'off'>>;
  exitZero: boolean;
  color: boolean | undefined;
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

export function parseArgs(argv: string[]): CliOptions {
  // The locale decides the language of the other errors, so it is read first.
  const li = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const localeValue = li < 0 ? undefined : argv[li].includes('=') ? argv[li].split('=')[1] : argv[li + 1];
  const locale: Locale = localeValue === 'en' ? 'en' : 'zh-CN';

  const options: CliOptions = {
    inputs: [],
    output: 'text',
    fix: false,
    locale,
    reportFormat: 'auto',
    rules: {},
    exitZero: false,
    color: undefined,
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
    // A switch takes no value, or an explicit yes/no: `--fix=no` does not fix.
    const flag = (): boolean => {
      if (inline === undefined) return true;
      if (/^(yes|true|1|on)$/i.test(inline)) return true;
      if (/^(no|false|0|off)$/i.test(inline)) return false;
      throw new UsageError(t(locale, 'badBoolean', arg, inline));
    };
    switch (arg) {
      case '--format':
        options.output = oneOf('--format', value(), ['text', 'json', 'sarif'] as const, locale);
        break;
      case '--locale':
        options.locale = oneOf('--locale', value(), ['zh-CN', 'en'] as const, locale);
        break;
      case '--report-format':
        options.reportFormat = oneOf('--report-format', value(), ['auto', '2019', '2021'] as const, locale);
        break;
      case '--rule': {
        const v = value();
        const m = v ? /^([a-z-]+)=([a-z]+)$/.exec(v) : null;
        if (!m || !(RULE_CODES as readonly string[]).includes(m[1]) || !(LEVELS as readonly string[]).includes(m[2])) {
          throw new UsageError(t(locale, 'badRule', v ?? ''));
        }
        options.rules[m[1] as RuleCode] = m[2] as Severity | 'off';
        break;
      }
      case '--fix':
        options.fix = flag();
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
  if (!options.help && !options.version && options.inputs.length === 0) throw new UsageError(t(locale, 'noInputs'));
  return options;
}
