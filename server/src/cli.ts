#!/usr/bin/env node
/**
 * govreport — the batch checker: the same engine, codes and messages as the editor, over
 * many files. Exit status 0: no errors; 1: errors found; 2: a usage or I/O problem (always a
 * message, never a stack trace).
 */
import * as fs from 'fs';
import { checkReport, fixAll, looksLikeReport, MAX_FIX_LENGTH, parse, withHoldingFixes, type CheckOptions, type Report } from './report';
import { binaryKindOfPath, BinaryReadError, describeReadError, kindOfPath, readBinary, type ReadDocument } from './report/readers';
import type { PreviousReport } from './report/rules';
import { bodyOf, isLastYearOf, reportKey } from './report/pairing';
import { parseArgs, UsageError, type CliOptions } from './cli/args';
import { decode, encode, NotTextError } from './cli/encoding';
import { expandInputs, ReadOnlyError, writeAtomically } from './cli/files';
import { formatJson, formatSarif, formatText, type FileResult } from './cli/output';
import { t } from './cli/strings';

declare const GOVREPORT_VERSION: string;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0-dev';
const MAX_BYTES = 64 * 1024 * 1024;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stdout is a terminal: colours. */
  stdoutIsTTY: boolean;
  /** stderr is a terminal: a progress bar for long runs. */
  stderrIsTTY: boolean;
  cwd?: string;
}

function progressBar(io: CliIo, options: CliOptions, total: number) {
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
      io.stderr(`\r${t(options.locale, 'progress')} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (show) io.stderr('\r\x1b[K');
    },
  };
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`govreport: ${e.message}\n${t(argv.includes('en') ? 'en' : 'zh-CN', 'seeHelp')}\n`);
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

  const locale = options.locale;
  let ioProblem = false;
  const warn = (message: string) => {
    ioProblem = true;
    io.stderr(`govreport: ${message}\n`);
  };

  const { files, found, problems } = expandInputs(options.inputs);
  for (const p of problems) warn(t(locale, p.id, p.path, p.detail ?? ''));

  const checkOptions: CheckOptions = { locale, rules: options.rules, format: options.reportFormat };
  const progress = progressBar(io, options, files.length);

  // Read everything first: a report is checked against last year's of the same body, and
  // that may be any other file on the command line.
  let skipped = 0;
  const inputs: Array<{ file: string; text: string; kind: ReadDocument['kind']; encoding?: ReturnType<typeof decode>['encoding']; report: Report }> = [];
  for (const file of files) {
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
        const report = parse(document, { format: options.reportFormat });
        if (found.has(file) && !looksLikeReport(report)) {
          skipped++;
          continue;
        }
        inputs.push({ file, text: document.text, kind: document.kind, report });
      } catch (e) {
        if (!(e instanceof BinaryReadError)) throw e;
        warn(`${file}${locale === 'en' ? ': ' : '：'}${describeReadError(e, locale, binary === 'pdf' ? 'PDF' : 'Word')}`);
      }
      continue;
    }
    let decoded;
    try {
      decoded = decode(bytes, { html: /\.x?html?$/i.test(file) });
    } catch (e) {
      if (e instanceof NotTextError) {
        warn(t(locale, 'notText', file));
        continue;
      }
      throw e;
    }
    if (decoded.encoding === 'gb18030') io.stderr(`govreport: ${t(locale, 'decodedAs', file)}\n`);
    const kind = kindOfPath(file, decoded.text);
    const report = parse(decoded.text, { format: options.reportFormat, kind });
    // In a folder, what is not a report (a notes file, a page of another kind) is not checked.
    if (found.has(file) && !looksLikeReport(report)) {
      skipped++;
      continue;
    }
    inputs.push({ file, text: decoded.text, kind, encoding: decoded.encoding, report });
  }
  // Indexed by body and year: pairing stays linear over thousands of files.
  const byKey = new Map<string, { file: string; report: Report }>();
  for (const input of inputs) {
    const key = reportKey(input.report);
    if (key) byKey.set(key, input);
  }
  const previousOf = (report: Report): PreviousReport | undefined => {
    const body = bodyOf(report);
    const found = body && report.year ? byKey.get(`${body}\u0000${report.year.value - 1}`) : undefined;
    return found && isLastYearOf(found.report, report) ? { report: found.report, name: found.file } : undefined;
  };

  const results: FileResult[] = [];
  inputs.forEach((input, index) => {
    progress.tick(index);
    const { file, encoding } = input;
    let text = input.text;
    let fixed: FileResult['fixed'];
    const previous = previousOf(input.report);
    // Only a report is fixed: a file named on the command line that is not one is checked, never rewritten.
    const textKind = input.kind === 'html' ? 'html' : 'text';
    const checkWith = { ...checkOptions, kind: textKind, previous } as const;
    const initial = checkReport(input.report, { ...checkOptions, previous });
    if (options.fix && !looksLikeReport(input.report)) warn(t(locale, 'fixNotReport', file));
    else if (options.fix && !encoding) warn(t(locale, 'fixRefusedBinary', file));
    else if (options.fix && encoding) {
      const result = fixAll(text, checkWith, undefined, initial);
      if (result.tooLarge) warn(t(locale, 'fixTooLarge', file, text.length.toLocaleString('en'), MAX_FIX_LENGTH.toLocaleString('en')));
      else if (result.text !== text) {
        const out = encode(result.text, encoding);
        if (!out) warn(t(locale, 'fixRefused', file, encoding.toUpperCase()));
        else {
          try {
            writeAtomically(file, out);
            text = result.text;
            fixed = result.applied;
          } catch (e) {
            if (e instanceof ReadOnlyError) warn(t(locale, 'fixReadOnly', file));
            else warn(t(locale, 'fixWriteFailed', file, (e as NodeJS.ErrnoException).code ?? String(e)));
          }
        }
      } else fixed = [];
    }
    const report = text === input.text ? input.report : parse(text, { format: options.reportFormat, kind: textKind });
    // A fix is listed (SARIF, JSON, the count of fixable findings) only if it holds applied alone.
    // A Word or PDF file is never rewritten: its findings carry no fix.
    const checked = report === input.report ? initial : checkReport(report, { ...checkOptions, previous });
    const diagnostics = encoding ? withHoldingFixes(text, checkWith, checked) : checked.map(({ fix: _fix, ...d }) => d);
    results.push({ file, report, diagnostics, fixed });
  });
  progress.done();

  if (options.output === 'json') io.stdout(formatJson(results));
  else if (options.output === 'sarif') io.stdout(formatSarif(results, locale, VERSION, io.cwd));
  else io.stdout(formatText(results, locale, options.color ?? io.stdoutIsTTY, skipped));

  if (ioProblem) return 2;
  const errors = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  return errors && !options.exitZero ? 1 : 0;
}

if (require.main === module) {
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
