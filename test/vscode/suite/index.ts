/**
 * Entry point the extension host loads with --extensionTestsPath (VS Code via
 * @vscode/test-electron, or code-server via the workbench's `payload`): runs every
 * `*.suite.js` next to this file with mocha (tdd: suite/test) and rejects when a test fails.
 *
 * GOVREPORT_VSCODE_TEST_REPORT, when set, names a JSON file that receives the results and the
 * reporter's output. code-server's extension host runs on the server side, where nothing shows
 * its console, so that runner reads the results from this file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const reportFile = process.env.GOVREPORT_VSCODE_TEST_REPORT;
  // Mocha's reporters print through Base.consoleLog. Keep a copy for the report file. (Replacing
  // console.log would not do: VS Code's extension host makes console.log non-writable.)
  const output: string[] = [];
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const consoleLog = Base.consoleLog;
  if (reportFile) {
    Base.consoleLog = (...args: unknown[]) => {
      output.push(format(...args));
      consoleLog(...args);
    };
  }
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.suite.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const results: TestResult[] = [];
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      Base.consoleLog = consoleLog;
      if (reportFile) {
        const report = { failures, durationMs: Date.now() - started, files, results, output: output.join('\n') };
        fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else if (results.length === 0) reject(new Error(`no tests ran (files: ${files.join(', ') || 'none'})`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? err.message }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
