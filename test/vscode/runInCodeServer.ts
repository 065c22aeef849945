/**
 * Runs the extension-host suite (test/vscode/suite) inside code-server 4.100.3 (VS Code
 * 1.100.3): the one real VS Code these machines have. Same suite as `npm run test:vscode`.
 *
 *   bash test/e2e/install.sh            # once
 *   npm run test:vscode:code-server
 *
 * How: VS Code's web workbench reads extension-development options from the `payload` query
 * parameter (the mechanism `code --extensionDevelopmentPath` uses for remote windows). Passing
 * `extensionDevelopmentPath` and `extensionTestsPath` as vscode-remote URIs makes code-server's
 * extension host (a Node process on the server side) load this repository as the extension
 * under development and run the suite's `run()`. When it finishes, the workbench calls
 * `window.codeAutomationExit(code)`, which this script provides through Playwright. The
 * suite writes its results to GOVREPORT_VSCODE_TEST_REPORT, since the extension host's console
 * is not visible from here.
 *
 * Options: `--vsix path/to/govreport.vsix` installs that package with --install-extension and
 * tests it instead of the working tree (the development path then points at an empty folder,
 * which only satisfies VS Code's rule that tests run in a development window).
 *
 * Exit status: 0 passed · 1 tests failed, timed out or the workbench broke · 2 cannot run
 * (code-server not installed, not built).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  assertCodeServerInstalled,
  launchBrowser,
  log,
  screenshot,
  startCodeServer,
  withTimeout,
  type BrowserHandle,
  type CodeServerHandle,
} from '../e2e/codeServer';
import { assertBuilt, prepareWorkspace, REPO_ROOT, SUITE_ENTRY } from './workspace';

const SUITE_TIMEOUT_MS = 5 * 60_000;

interface SuiteReport {
  failures: number;
  durationMs: number;
  files: string[];
  results: Array<{ title: string; state: string; durationMs?: number; error?: string }>;
  output: string;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const t0 = Date.now();
  try {
    assertBuilt();
    assertCodeServerInstalled();
  } catch (e) {
    console.error(`test:vscode:code-server cannot run: ${(e as Error).message}`);
    return 2;
  }
  const vsix = argValue('--vsix');
  if (vsix && !fs.existsSync(vsix)) {
    console.error(`test:vscode:code-server: --vsix ${vsix} does not exist (npm run package first)`);
    return 2;
  }

  const workspace = prepareWorkspace();
  const reportFile = path.join(workspace.root, 'suite-report.json');
  // code-server passes its environment on to the extension host, where the suite reads this.
  process.env.GOVREPORT_VSCODE_TEST_REPORT = reportFile;
  let developmentPath = REPO_ROOT;
  const extensionsDir = path.join(workspace.root, 'extensions');
  if (vsix) {
    developmentPath = path.join(workspace.root, 'no-extension');
    fs.mkdirSync(developmentPath);
  }
  // The suite checks that the extension it drives was loaded from here.
  process.env.GOVREPORT_VSCODE_EXTENSION_ROOT = vsix ? extensionsDir : REPO_ROOT;

  let server: CodeServerHandle | undefined;
  let browser: BrowserHandle | undefined;
  try {
    server = await startCodeServer({
      workspaceFolder: workspace.folder,
      extensionsDir,
      userDataDir: path.join(workspace.root, 'user-data'),
      vsixPath: vsix,
    });
    const tServer = Date.now();
    browser = await launchBrowser();
    const page = browser.page;

    let exitCode: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (exitCode = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exitCode(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (process.env.GOVREPORT_VSCODE_VERBOSE === '1') log(`[workbench ${type}] ${JSON.stringify(args).slice(0, 500)}`);
    });

    const authority = `127.0.0.1:${server.port}`;
    const remote = (p: string) => `vscode-remote://${authority}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(developmentPath)],
      ['extensionTestsPath', remote(SUITE_ENTRY)],
    ];
    const url = `${server.url}/?folder=${encodeURI(workspace.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening the workbench with the suite as extension tests${vsix ? ` (installed ${path.basename(vsix)})` : ''}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const tOpen = Date.now();

    const code = await withTimeout(exited, SUITE_TIMEOUT_MS, 'the extension-host suite').catch(async (e: Error) => {
      await screenshot(page, 'vscode-suite-timeout').catch(() => undefined);
      throw e;
    });
    const tDone = Date.now();

    let report: SuiteReport | undefined;
    if (fs.existsSync(reportFile)) {
      report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as SuiteReport;
      // Kept beside the e2e screenshots (git-ignored) for a look after the run.
      const kept = path.join(REPO_ROOT, 'test-results', 'vscode-suite-code-server.json');
      fs.mkdirSync(path.dirname(kept), { recursive: true });
      fs.copyFileSync(reportFile, kept);
    }
    if (report) {
      console.log(report.output);
      for (const r of report.results.filter((x) => x.state === 'failed')) console.error(`\nFAILED: ${r.title}\n${r.error}`);
    } else {
      console.error('the suite wrote no report (it did not start, or crashed before the end); code-server output:');
      console.error(server.outputTail(60));
    }
    const passed = report?.results.filter((r) => r.state === 'passed').length ?? 0;
    log(
      `extension host exit code ${code}; ${passed} passed, ${report?.failures ?? '?'} failed; ` +
        `code-server ready ${server.readyMs} ms, suite ${tDone - tOpen} ms (mocha ${report?.durationMs ?? '?'} ms), ` +
        `total ${tDone - t0} ms (start to workbench ${tOpen - tServer + (tServer - t0)} ms)`,
    );
    if (code !== 0 || !report || report.failures > 0 || passed === 0) {
      if (browser.pageErrors.length) console.error(`page errors:\n  ${browser.pageErrors.slice(-15).join('\n  ')}`);
      return 1;
    }
    log('test:vscode:code-server PASSED');
    return 0;
  } catch (e) {
    console.error(`test:vscode:code-server FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    if (server) console.error(`code-server output (tail):\n${server.outputTail(60)}`);
    return 1;
  } finally {
    await browser?.close().catch((e) => console.error(`closing Chromium: ${e}`));
    await server?.stop().catch((e) => console.error(`stopping code-server: ${e}`));
    workspace.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
