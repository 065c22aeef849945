#!/usr/bin/env node
/**
 * govreport — the batch checker: the same engine, codes and messages as the editor, over
 * many files. Exit status 0: no errors; 1: errors found; 2: a usage or I/O problem (always a
 * message, never a stack trace).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkReport, DEFAULT_RULE_SETTINGS, fixAll, looksLikeReport, MAX_FIX_LENGTH, nearestRuleCode, parse, ruleByCode, rules, withHoldingFixes, type CheckOptions, type Diagnostic, type Locale, type Report, type RuleCode } from './report';
import { binaryKindOfPath, BinaryReadError, describeReadError, kindOfPath, readBinary, type ReadDocument } from './report/readers';
import type { PreviousReport } from './report/rules';
import { bodyOf, isLastYearOf, reportKey } from './report/pairing';
import { identify } from './report/fingerprint';
import { parseArgs, rawOption, UsageError, type CliOptions } from './cli/args';
import { decode, encode, NotTextError } from './cli/encoding';
import { expandInputs, ReadOnlyError, writeAtomically } from './cli/files';
import { unifiedDiff } from './cli/diff';
import { formatGithub, formatJson, formatJunit, formatSarif, formatText, type FileResult } from './cli/output';
import { t } from './cli/strings';
import { ProjectFiles, type Applied } from './config/files';
import { nodeFileAccess } from './config/nodeFiles';
import { effectiveRules } from './config/projectConfig';
import { describeConfigProblem, describeUnreadable } from './config/strings';
import { acceptedBy, BaselineError, baselineName, type Baseline, type BaselineFinding } from './config/baseline';
import { readBaseline, writeBaseline } from './config/baselineFile';
import { ruleDoc, ruleDocHref, ruleDocIn } from './common/ruleDocs';
import { tuneHeapForBatch } from './common/heap';

declare const GOVREPORT_VERSION: string;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0-dev';
const MAX_BYTES = 64 * 1024 * 1024;
/** How standard input is named when --stdin-filename gives no name. */
const STDIN_NAME = '<stdin>';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stdout is a terminal: colours. */
  stdoutIsTTY: boolean;
  /** stderr is a terminal: a progress bar for long runs. */
  stderrIsTTY: boolean;
  cwd?: string;
  /** The environment (NO_COLOR); process.env by default. */
  env?: Record<string, string | undefined>;
  /** Standard input's bytes; fd 0 by default. */
  readStdin?: () => Buffer;
}

function progressBar(io: CliIo, locale: Locale, total: number) {
  const show = io.stderrIsTTY && total >= 10;
  let last = -1;
  return {
    tick(done: number) {
      if (!show) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === last) return;
      last = pct;
      const width = 30;
      const filled = Math.round((done / total) * width);
      io.stderr(`\r${t(locale, 'progress')} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (show) io.stderr('\r\x1b[K');
    },
  };
}

/** What one report is checked with: the command line over its project file over the defaults. */
function checkOptionsFor(options: CliOptions, applied: Applied | undefined): CheckOptions {
  const config = applied?.config?.config;
  return {
    locale: options.localeGiven ? options.locale : config?.locale ?? 'zh-CN',
    rules: { ...config?.rules, ...options.rules },
    format: options.reportFormat ?? config?.format ?? 'auto',
    settings: config?.settings,
  };
}

function listRules(options: CliOptions, io: CliIo): number {
  const locale = options.locale;
  if (options.output === 'json') {
    const list = rules.map((r) => ({
      code: r.code,
      severity: r.severity,
      description: locale === 'en' ? r.description.en : r.description.zh,
      options: (r.options ?? []).map((o) => ({ key: o.key, kind: o.kind, default: DEFAULT_RULE_SETTINGS[o.setting], description: locale === 'en' ? o.description.en : o.description.zh })),
      href: ruleDocHref(r.code, 'web') ?? null,
    }));
    io.stdout(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.code.length));
  const lines = rules.map((r) => `${r.code.padEnd(width)}  ${t(locale, `severity_${r.severity}`).padEnd(locale === 'en' ? 7 : 2)}  ${locale === 'en' ? r.description.en : r.description.zh}`);
  io.stdout(lines.join('\n') + '\n');
  return 0;
}

function explain(options: CliOptions, io: CliIo): number {
  const locale = options.locale;
  const code = options.explain!;
  const rule = ruleByCode.get(code as RuleCode);
  if (!rule) {
    const near = nearestRuleCode(code);
    io.stderr(`govreport: ${near ? t(locale, 'unknownRuleNear', code, near) : t(locale, 'unknownRule', code)}\n`);
    return 2;
  }
  const doc = ruleDoc(rule.code);
  io.stdout(doc ? ruleDocIn(doc, locale) + '\n' : t(locale, 'noDocs', rule.code, locale === 'en' ? rule.description.en : rule.description.zh) + '\n');
  return 0;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  const at = (file: string) => path.resolve(cwd, file);
  // The language of everything said before a report is read: --locale, else the project file
  // of the folder the checker runs in (or the one --config names), else Chinese.
  const configArg = rawOption(argv, '--config');
  const project = new ProjectFiles(nodeFileAccess, configArg ? at(configArg) : undefined);
  const localeArg = rawOption(argv, '--locale');
  const here = configArg && !fs.existsSync(at(configArg)) ? undefined : project.configForDir(cwd);
  const fallback: Locale = here?.config.locale ?? (localeArg === 'en' ? 'en' : 'zh-CN');
  let options: CliOptions;
  try {
    options = parseArgs(argv, fallback);
    if (options.config && !fs.existsSync(at(options.config))) throw new UsageError(t(options.locale, 'notFound', options.config));
  } catch (e) {
    if (e instanceof UsageError) {
      // One line, in the chosen language: the problem and where to read more.
      const locale = localeArg === 'en' ? 'en' : localeArg === 'zh-CN' ? 'zh-CN' : fallback;
      io.stderr(`govreport: ${e.message}${t(locale, 'seeHelp')}\n`);
      return 2;
    }
    throw e;
  }
  if (options.help) {
    io.stdout(t(options.locale, 'usage') + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout(`govreport ${VERSION}\n`);
    return 0;
  }
  if (options.listRules) return listRules(options, io);
  if (options.explain !== undefined) return explain(options, io);

  const locale = options.locale;
  let ioProblem = false;
  const warn = (message: string) => {
    ioProblem = true;
    io.stderr(`govreport: ${message}\n`);
  };
  const note = (message: string) => io.stderr(`govreport: ${message}\n`);

  // A project file in error is a usage problem: every mistake said, nothing checked.
  const reported = new Set<string>();
  let configBroken = false;
  const sayProblems = (applied: Applied) => {
    const c = applied.config;
    if (!c || reported.has(c.file)) return;
    reported.add(c.file);
    const name = path.relative(cwd, c.file) || c.file;
    if (c.unreadable) io.stderr(`govreport: ${describeUnreadable(name, c.unreadable, locale)}\n`);
    for (const p of c.problems) io.stderr(`govreport: ${describeConfigProblem(p, name, locale)}\n`);
    if (c.unreadable || c.problems.length) configBroken = true;
  };

  if (options.printConfig !== undefined) return printConfig(options, project, io, at, sayProblems, () => configBroken);

  const fileInputs = options.inputs.filter((i) => i !== '-');
  const { files, found, problems } = expandInputs(fileInputs);
  for (const p of problems) warn(t(locale, p.id, p.path, p.detail ?? ''));

  // What applies to each file; files the ignore patterns leave out go no further.
  let ignored = 0;
  const toCheck: Array<{ file: string; applied: Applied }> = [];
  for (const file of files) {
    const applied = project.apply(at(file));
    sayProblems(applied);
    if (applied.ignoredBy && !options.noIgnore) {
      if (found.has(file)) ignored++;
      else note(t(locale, 'ignoredNamed', file, path.relative(cwd, applied.ignoredBy.file) || applied.ignoredBy.file, applied.ignoredBy.pattern));
      continue;
    }
    toCheck.push({ file, applied });
  }
  const stdinName = options.stdinFilename ?? STDIN_NAME;
  const stdinApplied = options.inputs.includes('-') ? project.apply(at(options.stdinFilename ?? 'stdin')) : undefined;
  if (stdinApplied) sayProblems(stdinApplied);
  if (configBroken) {
    io.stderr(`govreport: ${t(locale, 'configInvalid')}\n`);
    return 2;
  }

  // Baselines: the one named on the command line, else each project file's.
  const baselines = new Map<string, Baseline>();
  const baselineFor = (applied: Applied | undefined): Baseline | undefined => {
    const file = options.baseline ? at(options.baseline) : applied?.config?.config.baseline ? path.resolve(applied.config.dir, applied.config.config.baseline) : undefined;
    if (!file) return undefined;
    let b = baselines.get(file);
    if (!b) {
      b = readBaseline(file);
      baselines.set(file, b);
    }
    return b;
  };
  try {
    for (const f of toCheck) baselineFor(f.applied);
    if (stdinApplied) baselineFor(stdinApplied);
  } catch (e) {
    if (!(e instanceof BaselineError)) throw e;
    io.stderr(`govreport: ${t(locale, 'baselineUnreadable', options.baseline ?? '', e.message)}\n`);
    return 2;
  }
  if (options.writeBaseline && (toCheck.some((f) => !baselineFor(f.applied)) || (stdinApplied && !baselineFor(stdinApplied)))) {
    io.stderr(`govreport: ${t(locale, 'baselineNeedsFile')}${t(locale, 'seeHelp')}\n`);
    return 2;
  }

  const progress = progressBar(io, locale, toCheck.length);

  // Read everything first: a report is checked against last year's of the same body, and
  // that may be any other file on the command line.
  let skipped = 0;
  // A Word or PDF file has no encoding: it is read, never rewritten.
  type Input = { file: string; name: string; text: string; kind: ReadDocument['kind']; encoding?: ReturnType<typeof decode>['encoding']; report: Report; options: CheckOptions; baseline?: Baseline; stdin: boolean };
  const inputs: Input[] = [];
  const take = (file: string, name: string, bytes: Buffer, applied: Applied | undefined, scanned: boolean, stdin: boolean) => {
    let decoded;
    try {
      decoded = decode(bytes, { html: /\.x?html?$/i.test(name) });
    } catch (e) {
      if (e instanceof NotTextError) {
        warn(t(locale, 'notText', name));
        return;
      }
      throw e;
    }
    if (decoded.encoding === 'gb18030') note(t(locale, 'decodedAs', name));
    const kind = kindOfPath(stdin ? options.stdinFilename : file, decoded.text);
    const checkOptions = checkOptionsFor(options, applied);
    admit({ file, name, text: decoded.text, kind, encoding: decoded.encoding, report: parse(decoded.text, { format: checkOptions.format, kind }), options: checkOptions, baseline: baselineFor(applied), stdin }, applied, scanned);
  };
  // In a folder, what is not a report (a notes file, a page of another kind) is not checked,
  // unless the project file names it as one.
  const admit = (input: Input, applied: Applied | undefined, scanned: boolean) => {
    if (scanned && !applied?.named && !looksLikeReport(input.report)) skipped++;
    else inputs.push(input);
  };
  for (const { file, applied } of toCheck) {
    let bytes: Buffer;
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_BYTES) {
        warn(t(locale, 'tooLarge', file, MAX_BYTES / 1024 / 1024));
        continue;
      }
      bytes = fs.readFileSync(file);
    } catch (e) {
      warn(t(locale, 'unreadable', file, (e as NodeJS.ErrnoException).code ?? String(e)));
      continue;
    }
    // Word and PDF files: read as the documents they are (readers/binary.ts).
    const binary = binaryKindOfPath(file);
    if (binary) {
      try {
        const document = await readBinary(bytes, binary);
        const checkOptions = checkOptionsFor(options, applied);
        const report = parse(document, { format: checkOptions.format });
        admit({ file, name: file, text: document.text, kind: document.kind, report, options: checkOptions, baseline: baselineFor(applied), stdin: false }, applied, found.has(file));
      } catch (e) {
        if (!(e instanceof BinaryReadError)) throw e;
        warn(`${file}${locale === 'en' ? ': ' : '：'}${describeReadError(e, locale, binary === 'pdf' ? 'PDF' : 'Word')}`);
      }
      continue;
    }
    take(file, file, bytes, applied, found.has(file), false);
  }
  if (stdinApplied) {
    try {
      take(at(options.stdinFilename ?? 'stdin'), stdinName, io.readStdin ? io.readStdin() : fs.readFileSync(0), stdinApplied, false, true);
    } catch (e) {
      warn(t(locale, 'stdinUnreadable', (e as NodeJS.ErrnoException).code ?? String(e)));
    }
  }
  // Indexed by body and year: pairing stays linear over thousands of files.
  const byKey = new Map<string, Input>();
  for (const input of inputs) {
    const key = reportKey(input.report);
    if (key) byKey.set(key, input);
  }
  const previousOf = (report: Report): PreviousReport | undefined => {
    const body = bodyOf(report);
    const found = body && report.year ? byKey.get(`${body}\u0000${report.year.value - 1}`) : undefined;
    return found && isLastYearOf(found.report, report) ? { report: found.report, name: found.name } : undefined;
  };

  const fixing = options.fix || options.fixDryRun;
  const results: FileResult[] = [];
  const diffs: string[] = [];
  const forBaseline = new Map<Baseline, { findings: BaselineFinding[]; files: string[] }>();
  inputs.forEach((input, index) => {
    progress.tick(index);
    const { file, name, encoding } = input;
    let text = input.text;
    let fixed: FileResult['fixed'];
    const previous = previousOf(input.report);
    const textKind = input.kind === 'html' ? 'html' : 'text';
    const checkWith = { ...input.options, kind: textKind, previous } as const;
    const initial = checkReport(input.report, { ...input.options, previous });
    // Only a report is fixed: a file named on the command line that is not one is checked, never rewritten.
    if (fixing && !looksLikeReport(input.report)) warn(t(locale, 'fixNotReport', name));
    else if (fixing && !encoding) warn(t(locale, 'fixRefusedBinary', name));
    else if (fixing && encoding) {
      const result = fixAll(text, checkWith, undefined, initial);
      if (result.tooLarge) warn(t(locale, 'fixTooLarge', name, text.length.toLocaleString('en'), MAX_FIX_LENGTH.toLocaleString('en')));
      else if (result.text !== text && options.fixDryRun) {
        if (options.diff) diffs.push(unifiedDiff(name.split(path.sep).join('/'), text, result.text));
        text = result.text;
        fixed = result.applied;
      } else if (result.text !== text) {
        const out = encode(result.text, encoding);
        if (!out) warn(t(locale, 'fixRefused', name, encoding.toUpperCase()));
        else {
          try {
            writeAtomically(file, out);
            text = result.text;
            fixed = result.applied;
          } catch (e) {
            if (e instanceof ReadOnlyError) warn(t(locale, 'fixReadOnly', name));
            else warn(t(locale, 'fixWriteFailed', name, (e as NodeJS.ErrnoException).code ?? String(e)));
          }
        }
      } else fixed = [];
    }
    const report = text === input.text ? input.report : parse(text, { format: input.options.format, kind: textKind });
    // A fix is listed (SARIF, JSON, the count of fixable findings) only if it holds applied alone.
    // A Word or PDF file is never rewritten: its findings carry no fix.
    const checked = report === input.report ? initial : checkReport(report, { ...input.options, previous });
    let diagnostics: Diagnostic[] = encoding ? withHoldingFixes(text, checkWith, checked) : checked.map(({ fix: _fix, ...d }) => d);
    let accepted = 0;
    if (input.baseline) {
      const identities = diagnostics.map((d) => identify(report, d));
      if (options.writeBaseline) {
        let entry = forBaseline.get(input.baseline);
        if (!entry) forBaseline.set(input.baseline, (entry = { findings: [], files: [] }));
        entry.files.push(file);
        diagnostics.forEach((d, i) => entry!.findings.push({ file, identity: identities[i], message: d.message }));
        accepted = diagnostics.length;
        diagnostics = [];
      } else {
        const match = acceptedBy(input.baseline, file, identities);
        accepted = match.accepted.filter(Boolean).length;
        diagnostics = diagnostics.filter((_, i) => !match.accepted[i]);
        const stale = input.baseline.entries.filter((e) => e.file === baselineName(input.baseline!, file) && !match.used.has(e)).length;
        if (stale) note(t(locale, 'baselineStale', name, stale));
      }
    }
    results.push({ file: name, report, diagnostics, fixed, ...(options.fixDryRun ? { dryRun: true } : {}), ...(accepted ? { accepted } : {}) });
  });
  progress.done();

  for (const [baseline, { findings, files }] of forBaseline) {
    const { written, added } = writeBaseline(baseline, findings, files, { by: userName(), reason: options.reason, date: new Date().toISOString().slice(0, 10) });
    note(t(locale, 'baselineWritten', written, path.relative(cwd, baseline.file) || baseline.file, added));
  }

  if (options.diff) io.stdout(diffs.join(''));
  else if (options.output === 'json') io.stdout(formatJson(results));
  else if (options.output === 'sarif') io.stdout(formatSarif(results, locale, VERSION, cwd));
  else if (options.output === 'github') io.stdout(formatGithub(results, cwd));
  else if (options.output === 'junit') io.stdout(formatJunit(results, locale));
  else {
    // NO_COLOR (https://no-color.org): set and not empty, no colours unless --color asks.
    const color = options.color ?? (io.stdoutIsTTY && !env.NO_COLOR);
    io.stdout(formatText(results, locale, color, { skipped, ignored }));
  }

  if (ioProblem) return 2;
  const errors = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  return errors && !options.exitZero ? 1 : 0;
}

function userName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** `--print-config <file>`: what applies to that file, as JSON; nothing is checked. */
function printConfig(options: CliOptions, project: ProjectFiles, io: CliIo, at: (f: string) => string, sayProblems: (a: Applied) => void, broken: () => boolean): number {
  const file = at(options.printConfig!);
  const applied = project.apply(file);
  sayProblems(applied);
  if (broken()) return 2;
  const config = applied.config?.config;
  const check = checkOptionsFor(options, applied);
  const out = {
    file,
    configFile: applied.config?.file ?? null,
    ignoreFile: applied.ignoreFile ?? null,
    ignored: Boolean(applied.ignoredBy) && !options.noIgnore,
    ...(applied.ignoredBy ? { ignoredBy: applied.ignoredBy } : {}),
    namedByFiles: applied.named,
    locale: check.locale,
    format: check.format,
    rules: effectiveRules(check.rules ?? {}),
    settings: { ...DEFAULT_RULE_SETTINGS, ...check.settings },
    files: config?.files ?? [],
    ignores: config?.ignores ?? [],
    baseline: options.baseline ? at(options.baseline) : config?.baseline && applied.config ? path.resolve(applied.config.dir, config.baseline) : null,
  };
  io.stdout(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

if (require.main === module) {
  tuneHeapForBatch();
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
  const argv = process.argv.slice(2);
  // Subcommands, each in its own module: `govreport review` (its own bundle, dist/review.js),
  // `govreport convert <file> -o <out>` (cli/convert.ts).
  const main =
    argv[0] === 'review'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require(require('path').join(__dirname, 'review')) as typeof import('./review')).review(argv.slice(1), io)
      : argv[0] === 'convert'
        ? import('./cli/convert').then((m) => m.runConvert(argv.slice(1), io))
        : run(argv, io);
  main.then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug of ours: say so in one line, never a stack trace to the user.
      process.stderr.write(`govreport: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
