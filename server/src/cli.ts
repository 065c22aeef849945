#!/usr/bin/env node
/**
 * govreport — the batch checker: the same engine, codes and messages as the editor, over
 * many files. Exit status 0: no errors; 1: errors found; 2: a usage or I/O problem (always a
 * message, never a stack trace).
 */
import * as fs from 'fs';
import { check, fixAll, type CheckOptions } from './report';
import { parseArgs, UsageError, type CliOptions } from './cli/args';
import { decode, encode, NotTextError } from './cli/encoding';
import { expandInputs, writeAtomically } from './cli/files';
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

export function run(argv: string[], io: CliIo): number {
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

  const { files, problems } = expandInputs(options.inputs);
  for (const p of problems) warn(t(locale, p.id, p.path, p.detail ?? ''));

  const checkOptions: CheckOptions = { locale, rules: options.rules, format: options.reportFormat };
  const results: FileResult[] = [];
  const progress = progressBar(io, options, files.length);
  files.forEach((file, index) => {
    progress.tick(index);
    let bytes: Buffer;
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_BYTES) {
        warn(t(locale, 'tooLarge', file, MAX_BYTES / 1024 / 1024));
        return;
      }
      bytes = fs.readFileSync(file);
    } catch (e) {
      warn(t(locale, 'unreadable', file, (e as NodeJS.ErrnoException).code ?? String(e)));
      return;
    }
    let decoded;
    try {
      decoded = decode(bytes);
    } catch (e) {
      if (e instanceof NotTextError) {
        warn(t(locale, 'notText', file));
        return;
      }
      throw e;
    }
    if (decoded.encoding === 'gb18030') io.stderr(`govreport: ${t(locale, 'decodedAs', file)}\n`);

    let text = decoded.text;
    let fixed: FileResult['fixed'];
    if (options.fix) {
      const result = fixAll(text, checkOptions);
      if (result.text !== text) {
        const out = encode(result.text, decoded.encoding);
        if (!out) warn(t(locale, 'fixRefused', file, decoded.encoding.toUpperCase()));
        else {
          try {
            writeAtomically(file, out);
            text = result.text;
            fixed = result.applied;
          } catch (e) {
            warn(t(locale, 'fixWriteFailed', file, (e as NodeJS.ErrnoException).code ?? String(e)));
          }
        }
      } else fixed = [];
    }
    const { report, diagnostics } = check(text, checkOptions);
    results.push({ file, report, diagnostics, fixed });
  });
  progress.done();

  if (options.output === 'json') io.stdout(formatJson(results));
  else if (options.output === 'sarif') io.stdout(formatSarif(results, locale, VERSION, io.cwd));
  else io.stdout(formatText(results, locale, options.color ?? io.stdoutIsTTY));

  if (ioProblem) return 2;
  const errors = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  return errors && !options.exitZero ? 1 : 0;
}

if (require.main === module) {
  let code: number;
  try {
    code = run(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      stdoutIsTTY: Boolean(process.stdout.isTTY),
      stderrIsTTY: Boolean(process.stderr.isTTY),
    });
  } catch (e) {
    // A bug of ours: say so in one line, never a stack trace to the user.
    process.stderr.write(`govreport: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 2;
  }
  process.exitCode = code;
}
