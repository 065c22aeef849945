/**
 * `govreport review <dir|files…> -o <folder>`: every report checked (in parallel over the
 * machine's cores), paired with last year's report of the same body, with the reports of other
 * bodies that share its text (MinHash, near-linear) and with its subordinates' (a units file),
 * and one summary written for a person and for the spreadsheets offices keep: index.html,
 * summary.csv, summary.xlsx. Bundled as dist/review.js and loaded by the CLI only for this
 * subcommand, so the checker itself stays small.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RULE_CODES, type FormatId, type Locale, type RuleCode, type Severity } from '../report';
import { expandInputs } from '../cli/files';
import { createPool } from './pool';
import { displayName, withPeers, type CheckTask, type Facts, type JobSettings, type Reviewed } from './job';
import { similarReports } from './minhash';
import { readUnits, type Units } from './units';
import { buildSummary } from './summary';
import { writeHtml } from './html';
import { writeCsv, writeXlsx } from './tables';
import { say } from './strings';

export interface ReviewIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTTY: boolean;
  cwd?: string;
}

export interface ReviewOptions {
  inputs: string[];
  out?: string;
  locale: Locale;
  rules: Partial<Record<RuleCode, Severity | 'off'>>;
  reportFormat: 'auto' | FormatId;
  units?: string;
  reuseThreshold?: number;
  deadline?: { month: number; day: number };
  governmentDeadline?: { month: number; day: number };
  jobs: number;
  progress: boolean;
  help: boolean;
}

class UsageError extends Error {}

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

function monthDay(option: string, value: string | undefined, locale: Locale) {
  const m = value ? /^(\d{1,2})-(\d{1,2})$/.exec(value) : null;
  const month = m ? Number(m[1]) : 0;
  const day = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new UsageError(say(locale, 'badMonthDay', option, value ?? ''));
  return { month, day };
}

/**
 * Lanes by default: one per two cores. One lane keeps more than one core busy — V8 collects its
 * garbage and compiles on helper threads — so on two cores a second lane only slows the first
 * (measured: 400 reports, two lanes 1.2 s against one 1.0 s as a new process).
 */
export function defaultJobs(): number {
  return Math.max(1, Math.floor((os.availableParallelism?.() ?? os.cpus().length) / 2));
}

export function parseReviewArgs(argv: string[]): ReviewOptions {
  const li = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const localeValue = li < 0 ? undefined : argv[li].includes('=') ? argv[li].split('=')[1] : argv[li + 1];
  const locale: Locale = localeValue === 'en' ? 'en' : 'zh-CN';
  const o: ReviewOptions = { inputs: [], locale, rules: {}, reportFormat: 'auto', jobs: defaultJobs(), progress: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    const value = () => {
      const v = inline !== undefined ? inline : argv[++i];
      if (v === undefined) throw new UsageError(say(locale, 'missingValue', arg));
      return v;
    };
    switch (arg) {
      case '-o':
      case '--out':
        o.out = value();
        break;
      case '--locale': {
        const v = value();
        if (v !== 'zh-CN' && v !== 'en') throw new UsageError(say(locale, 'badValue', arg, v, 'zh-CN|en'));
        o.locale = v;
        break;
      }
      case '--report-format': {
        const v = value();
        if (!['auto', '2019', '2021'].includes(v)) throw new UsageError(say(locale, 'badValue', arg, v, 'auto|2019|2021'));
        o.reportFormat = v as ReviewOptions['reportFormat'];
        break;
      }
      case '--rule': {
        const v = value();
        const m = /^([a-z-]+)=([a-z]+)$/.exec(v);
        if (!m || !(RULE_CODES as readonly string[]).includes(m[1]) || !LEVELS.includes(m[2])) throw new UsageError(say(locale, 'badRule', v));
        o.rules[m[1] as RuleCode] = m[2] as Severity | 'off';
        break;
      }
      case '--units':
        o.units = value();
        break;
      case '--reuse-threshold': {
        const v = value();
        const n = Number(v.replace(/%$/, '')) / (v.endsWith('%') ? 100 : 1);
        if (!Number.isFinite(n) || n <= 0 || n >= 1) throw new UsageError(say(locale, 'badValue', arg, v, '0.5 | 50%'));
        o.reuseThreshold = n;
        break;
      }
      case '--deadline':
        o.deadline = monthDay(arg, value(), locale);
        break;
      case '--government-deadline':
        o.governmentDeadline = monthDay(arg, value(), locale);
        break;
      case '--jobs': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new UsageError(say(locale, 'badValue', arg, v, '0, 1, 2, …'));
        o.jobs = n;
        break;
      }
      case '--no-progress':
        o.progress = false;
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      case '--':
        o.inputs.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(say(locale, 'unknownOption', argv[i]));
        o.inputs.push(arg);
    }
  }
  if (!o.help && !o.inputs.length) throw new UsageError(say(locale, 'noInputs'));
  if (!o.help && !o.out) throw new UsageError(say(locale, 'noOut'));
  return o;
}

function progressBar(io: ReviewIo, options: ReviewOptions, total: number) {
  const show = options.progress && io.stderrIsTTY && total >= 10;
  let done = 0;
  let last = -1;
  let label = say(options.locale, 'reading');
  const draw = () => {
    const pct = Math.floor((done / total) * 100);
    if (!show || pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}%`);
  };
  return {
    phase(name: string) {
      label = name;
      last = -1;
      draw();
    },
    tick(n: number) {
      done += n;
      draw();
    },
    done() {
      if (show) io.stderr('\r\x1b[K');
    },
  };
}

/** Last year's report, the peers and the subordinates of each report, from the facts alone. */
export function planChecks(facts: Facts[], units: Units | undefined): CheckTask[] {
  const byKey = new Map<string, Facts>();
  for (const f of facts) {
    if (f.problem || !f.bodyKey || f.year === undefined) continue;
    const key = `${f.bodyKey}\u0000${f.year}`;
    if (!byKey.has(key)) byKey.set(key, f);
  }
  const usable = facts.map((f, i) => ({ f, i })).filter(({ f }) => !f.problem && f.year !== undefined && f.sections.length);
  const similar = similarReports(usable.map(({ f }) => ({ sections: f.sections, group: String(f.year), body: f.bodyKey ?? f.file })));
  const peersOf = new Map<number, CheckTask['peers']>();
  usable.forEach(({ i }, k) =>
    peersOf.set(
      i,
      similar[k].map((j) => ({ file: usable[j].f.file, body: usable[j].f.body, own: usable[j].f.own! })),
    ),
  );
  return facts.map((f, i) => {
    const task: CheckTask = { file: f.file, peers: peersOf.get(i) ?? [] };
    if (f.bodyKey && f.year !== undefined) {
      const last = byKey.get(`${f.bodyKey}\u0000${f.year - 1}`);
      if (last) task.previous = last.file;
      const children = units?.get(f.bodyKey);
      if (children) {
        task.subordinates = {
          units: children.map((c) => c.name),
          reports: children.flatMap((c) => {
            const r = byKey.get(`${c.key}\u0000${f.year}`);
            return r ? [{ file: r.file, unit: c.name }] : [];
          }),
        };
      }
    }
    return task;
  });
}

/** The deepest folder holding every file. */
function commonRoot(files: string[]): string {
  let root = path.dirname(files[0]);
  for (const f of files) while (!f.startsWith(root + path.sep) && root !== path.dirname(root)) root = path.dirname(root);
  return root;
}

/**
 * The order the files are read in: each file's path with its years taken out, so that one
 * body's reports of different years sit side by side (`2023/x.html` beside `2024/x.html`), in
 * the given order otherwise.
 */
export function readingOrder(files: string[]): number[] {
  const keys = files.map((f) => f.replace(/(?:19|20)\d\d/g, ''));
  return files.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
}

/**
 * Reads, pairs and checks the files over the pool: the review without its summary files (the
 * benchmark times this and the whole review apart).
 *
 * Each report is checked as it is read, with last year's report of the same body when it was
 * read just before (the reading order puts them side by side), and let go: a report kept from
 * reading to checking outlives the young generation, and copying hundreds of them out of it
 * was a fifth of a review. That check is the report's result when the plan, made once every
 * report is read, is the same — the same last year's report, no subordinates — with text-reuse's
 * findings against its peers added (withPeers: the peers' own text is in the facts, and what
 * the findings need of the report was kept as it was checked). The other reports are read
 * again and checked by the plan. `checkAsRead: false` checks every report by the plan (the
 * results are the same).
 */
export async function checkAll(
  files: string[],
  settings: JobSettings,
  options: { jobs: number; units?: Units; tick?: (n: number) => void; phase?: () => void; checkAsRead?: boolean },
): Promise<{ facts: Facts[]; reviewed: Reviewed[]; jobs: number }> {
  const tick = options.tick ?? (() => undefined);
  const checkAsRead = options.checkAsRead ?? true;
  const pool = createPool(settings, files.length, options.jobs);
  try {
    const order = checkAsRead ? readingOrder(files) : files.map((_, i) => i);
    const read = await pool.facts(order.map((i) => files[i]), tick, checkAsRead);
    const facts = new Array<Facts>(files.length);
    order.forEach((i, k) => (facts[i] = read[k]));
    options.phase?.();
    const tasks = planChecks(facts, options.units);
    const reviewed = new Array<Reviewed>(tasks.length);
    const again: number[] = [];
    tasks.forEach((task, i) => {
      const checked = facts[i].checked;
      delete facts[i].checked;
      if (checked && checked.previous === task.previous && !task.subordinates) reviewed[i] = withPeers(checked, facts[i].own, task.peers, settings);
      else again.push(i);
    });
    tick(tasks.length - again.length);
    const rechecked = await pool.check(again.map((i) => tasks[i]), tick);
    again.forEach((i, k) => (reviewed[i] = rechecked[k]));
    return { facts, reviewed, jobs: pool.jobs };
  } finally {
    await pool.close();
  }
}

export async function review(argv: string[], io: ReviewIo): Promise<number> {
  let options: ReviewOptions;
  try {
    options = parseReviewArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`govreport review: ${e.message}\n${say(argv.includes('en') ? 'en' : 'zh-CN', 'seeHelp')}\n`);
      return 2;
    }
    throw e;
  }
  const locale = options.locale;
  if (options.help) {
    io.stdout(say(locale, 'usage') + '\n');
    return 0;
  }
  const started = process.hrtime.bigint();
  const cwd = io.cwd ?? process.cwd();
  let problems = 0;
  const warn = (m: string) => {
    problems++;
    io.stderr(`govreport review: ${m}\n`);
  };

  let units: Units | undefined;
  if (options.units) {
    try {
      units = readUnits(fs.readFileSync(options.units, 'utf8'));
    } catch (e) {
      io.stderr(`govreport review: ${say(locale, 'badUnits', options.units, e instanceof Error ? e.message : String(e))}\n`);
      return 2;
    }
  }

  const { files: found, problems: missing } = expandInputs(options.inputs);
  for (const p of missing) warn(say(locale, p.id, p.path, p.detail ?? ''));
  const files = found.map((f) => path.resolve(cwd, f));
  if (!files.length) {
    io.stderr(`govreport review: ${say(locale, 'nothingToReview')}\n`);
    return 2;
  }

  // Files are named from where the review ran, or else from the folder that holds them all.
  const root = files.every((f) => f.startsWith(cwd + path.sep)) ? cwd : commonRoot(files);
  const settings: JobSettings = {
    locale,
    rules: options.rules,
    reportFormat: options.reportFormat,
    cwd: root,
    settings: {
      ...(options.reuseThreshold !== undefined ? { reuseThreshold: options.reuseThreshold } : {}),
      ...(options.deadline ? { deadline: options.deadline } : {}),
      ...(options.governmentDeadline ? { governmentDeadline: options.governmentDeadline } : {}),
    },
  };
  const progress = progressBar(io, options, files.length * 2);
  const { reviewed, facts, jobs } = await checkAll(files, settings, { jobs: options.jobs, units, tick: progress.tick, phase: () => progress.phase(say(locale, 'checking')) }).finally(() => progress.done());
  for (const f of facts) {
    if (f.problem) warn(say(locale, f.problem.id, displayName(f.file, root), f.problem.detail ?? ''));
    else if (f.gb18030) io.stderr(`govreport review: ${say(locale, 'decodedAs', displayName(f.file, root))}\n`);
  }
  const checkedIn = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = reviewed.filter((r) => !r.problem);
  const summary = buildSummary(ok.map((r) => ({ ...r, file: displayName(r.file, root) })), { locale, units: units !== undefined, reuseThreshold: options.reuseThreshold });

  const out = path.resolve(cwd, options.out!);
  try {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'index.html'), writeHtml(summary));
    fs.writeFileSync(path.join(out, 'summary.csv'), writeCsv(summary));
    fs.writeFileSync(path.join(out, 'summary.xlsx'), await writeXlsx(summary));
  } catch (e) {
    io.stderr(`govreport review: ${say(locale, 'writeFailed', out, (e as NodeJS.ErrnoException).code ?? String(e))}\n`);
    return 2;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const t = summary.totals;
  io.stdout(
    say(locale, 'done', ok.length, t.error, t.warning, t.information, t.late, t.reused, displayName(out, cwd)) +
      '\n' +
      say(locale, 'throughput', (ok.length / checkedIn).toFixed(0), checkedIn.toFixed(2), seconds.toFixed(2), jobs || 1) +
      '\n',
  );
  return problems ? 2 : 0;
}

