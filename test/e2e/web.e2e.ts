/**
 * The web extension end to end (a plain Node script, not a mocha test): the packaged .vsix in
 * code-server, forced to run in the browser's web worker extension host — the way vscode.dev
 * runs it — by the user setting `remote.extensionKind: { "govreport.govreport": ["web"] }`
 * (VS Code then runs the extension's "browser" entry, dist/web/extension.js, which starts
 * dist/web/server.js in a web worker). Asserts, as a user sees it:
 *
 *   1. the draft with wrong totals, beside a .govreportrc.jsonc (cell-blank off,
 *      active-disclosure-range an error): the Problems panel lists exactly the findings that
 *      `node dist/cli.js` reports for it (severity, line:col, code, Chinese message), among
 *      them the wrong 总计 of 行政复议 (73:19) — so the worker read the project file through
 *      VS Code's file system (govreport/readFiles on vscode-remote: URIs);
 *   2. no language server process was started: nothing under code-server runs dist/server.js
 *      (the Node build would be a `node …/dist/server.js --node-ipc` process), so the findings
 *      came from the worker;
 *   3. the commands that need Node are not offered in the palette (导入, 检查工作区), while the
 *      others are (修正全部, 导出为 Word, 根据上年报告起草本年报告);
 *   4. Export as Word through the save dialog: the worker renders the .docx, the client writes it
 *      with vscode.workspace.fs (govreport/writeFile), and the CLI reads it back with the draft's
 *      findings; Start This Year's Report writes 2025's draft beside the draft and opens it;
 *   5. control: the same .vsix without the setting runs in code-server's Node extension host,
 *      with a dist/server.js process, and the same findings — so check 2 can tell them apart.
 *
 *   npm run test:e2e:web   (install.sh + package + tsc + this; logs to /tmp/web-e2e.log via .ci/run)
 *
 * Exit status: 0 passed · 1 failed · 2 cannot run (code-server not installed / no .vsix).
 * Env: GOVREPORT_E2E_VSIX (default <repo>/govreport.vsix), plus those of codeServer.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import {
  assertCodeServerInstalled,
  BrowserHandle,
  CodeServerHandle,
  launchBrowser,
  log,
  makeTempDir,
  openFileViaQuickOpen,
  openWorkbench,
  pollUntil,
  processGroupMembers,
  readProblems,
  repoRoot,
  runCommand,
  screenshot,
  SELECTORS,
  startCodeServer,
} from './codeServer';

const OVERALL_TIMEOUT_MS = 300_000;
const DIAGNOSTICS_TIMEOUT_MS = 60_000;
const ROOT = repoRoot();
const VSIX = process.env.GOVREPORT_E2E_VSIX || path.join(ROOT, 'govreport.vsix');
const DRAFT = 'qingshan-2024-draft.md';
const EXTENSION_ID = 'govreport.govreport';
const NEXT_YEAR = '青山区市场监督管理局2025年政府信息公开工作年度报告.md';

interface Finding {
  severity: string;
  line: number;
  col: number;
  code: string;
  message: string;
}

/** What the CLI (the Node build of the same engine) reports for the draft, as the Problems panel would show it. */
function cliFindings(file: string): Finding[] {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--exit-zero', file], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`dist/cli.js ${file}: ${run.stderr}`);
  const severity: Record<string, string> = { 错误: 'error', 警告: 'warning', 提示: 'info', 建议: 'info' };
  const findings: Finding[] = [];
  for (const line of run.stdout.split('\n')) {
    const m = /^.+?:(\d+):(\d+)  (\S+)  ([a-z-]+)  (.+)$/.exec(line);
    if (m) findings.push({ line: Number(m[1]), col: Number(m[2]), severity: severity[m[3]] ?? m[3], code: m[4], message: m[5] });
  }
  return findings;
}

const describe = (f: Finding) => `${f.severity} [Ln ${f.line}, Col ${f.col}] govreport(${f.code}) ${f.message}`;

/** The Problems panel's marker rows of `file`, described as cliFindings' are. */
async function problemsOf(page: Page, file: string): Promise<string[]> {
  const { rows } = await readProblems(page);
  return rows.filter((r) => r.file === file && r.source === 'govreport').map((r) => describe({ ...r, code: r.code.replace(/^\(|\)$/g, '') }));
}

/** Command lines of the processes under code-server that run the Node build of the server. */
function nodeServerProcesses(pgid: number): string[] {
  const found: string[] = [];
  for (const pid of processGroupMembers(pgid)) {
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue; // gone meanwhile
    }
    if (/dist[/\\]server\.js/.test(cmdline)) found.push(`${pid}: ${cmdline}`);
  }
  return found;
}

/** The palette's entries for a query (F1, type, read, Escape). */
async function paletteEntries(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${query}`);
  await page.waitForTimeout(800);
  const labels = await page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents();
  await page.keyboard.press('Escape');
  return labels.map((l) => l.trim());
}

async function main(): Promise<number> {
  try {
    assertCodeServerInstalled();
  } catch (e) {
    console.error(`WEB E2E CANNOT RUN: ${(e as Error).message}`);
    return 2;
  }
  if (!fs.existsSync(VSIX)) {
    console.error(`WEB E2E CANNOT RUN: no ${VSIX} (npm run package)`);
    return 2;
  }
  const root = makeTempDir('govreport-e2e-web-');
  const folder = path.join(root, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'examples', DRAFT), path.join(folder, DRAFT));
  // A project file that the CLI and both builds must apply: the blank cell is accepted here.
  fs.writeFileSync(path.join(folder, '.govreportrc.jsonc'), '{\n  // 本项目不提示空白单元格\n  "rules": { "cell-blank": "off", "active-disclosure-range": "error" }\n}\n');
  const expected = cliFindings(path.join(folder, DRAFT)).map(describe).sort();
  if (expected.some((f) => f.includes('(cell-blank)')) || !expected.some((f) => f.startsWith('error [Ln 16, Col 21] govreport(active-disclosure-range)'))) {
    throw new Error(`the CLI does not apply the project file: ${expected.join('\n')}`);
  }
  if (!expected.some((f) => f.includes('[Ln 73, Col 19] govreport(sum-review-litigation)'))) throw new Error(`the CLI no longer finds the wrong total of 行政复议: ${expected.join('\n')}`);

  let server: CodeServerHandle | undefined;
  let browser: BrowserHandle | undefined;
  const stopBoth = async () => {
    await browser?.close().catch((err) => console.error(`closing Chromium: ${err}`));
    await server?.stop().catch((err) => console.error(`stopping code-server: ${err}`));
    browser = undefined;
    server = undefined;
  };
  const cleanup = async () => {
    await stopBoth();
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
  const watchdog = setTimeout(() => {
    console.error(`WEB E2E FAILED: overall timeout of ${OVERALL_TIMEOUT_MS} ms`);
    void cleanup().finally(() => process.exit(1));
  }, OVERALL_TIMEOUT_MS);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  /** One code-server + Chromium session on the draft: the Problems panel (as the CLI's), the server processes, the palette. */
  async function session(name: string, settings: Record<string, unknown>, exportAs?: string): Promise<{ nodeServers: string[]; palette: string[] }> {
    const s = await startCodeServer({
      workspaceFolder: folder,
      extensionsDir: path.join(root, name, 'extensions'),
      userDataDir: path.join(root, name, 'user-data'),
      vsixPath: VSIX,
      settings,
    });
    server = s;
    const b = await launchBrowser();
    browser = b;
    const page = b.page;
    await openWorkbench(page, s.url, folder, { expectFiles: [DRAFT] });
    await openFileViaQuickOpen(page, DRAFT);
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)', { timeout: 15_000 });
    await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 10_000 });
    let got: string[] = [];
    const same = await pollUntil(async () => {
      got = (await problemsOf(page, DRAFT)).sort();
      return got.length === expected.length && got.every((g, i) => g === expected[i]);
    }, DIAGNOSTICS_TIMEOUT_MS, 250);
    await screenshot(page, `e2e-web-${name}`);
    if (!same) {
      throw new Error(
        `${name}: Problems panel for ${DRAFT}: ${got.length} rows, the CLI finds ${expected.length}\n  missing:\n    ${expected.filter((e) => !got.includes(e)).join('\n    ') || '-'}\n  unexpected:\n    ${got.filter((g) => !expected.includes(g)).join('\n    ') || '-'}`,
      );
    }
    const nodeServers = nodeServerProcesses(s.pid);
    const palette = await paletteEntries(page, 'GovReport');
    if (exportAs) {
      await exportWord(page, exportAs);
      await draftNextYear(page);
    }
    await stopBoth();
    return { nodeServers, palette };
  }

  /** GovReport: Start This Year's Report on the draft: 2025's draft written beside it and opened. */
  async function draftNextYear(page: Page): Promise<void> {
    await openFileViaQuickOpen(page, DRAFT);
    await runCommand(page, "GovReport: Start This Year's Report from Last Year's", { timeout: 20_000 });
    await page.locator(SELECTORS.activeTab, { hasText: NEXT_YEAR }).waitFor({ state: 'visible', timeout: 30_000 });
    const file = path.join(folder, NEXT_YEAR);
    if (!(await pollUntil(async () => fs.existsSync(file), 10_000))) throw new Error(`${file} was not written`);
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('统计期限为2025年1月1日至2025年12月31日')) throw new Error(`the draft does not say 2025's statistics period:\n${text.slice(0, 400)}`);
  }

  /** GovReport: Export as Word, the save dialog given `target`: written, said, read back with the draft's findings. */
  async function exportWord(page: Page, target: string): Promise<void> {
    await runCommand(page, 'GovReport: Export as Word', { timeout: 20_000, keepOpen: true });
    const box = page.locator(SELECTORS.quickInputBox);
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    let offered = '';
    if (!(await pollUntil(async () => (offered = await box.inputValue()).endsWith('.docx'), 10_000))) throw new Error(`the save dialog offers "${offered}", no .docx name`);
    await box.fill(target);
    if (!(await pollUntil(async () => (await box.inputValue()) === target, 5_000))) throw new Error(`the save dialog shows "${await box.inputValue()}" after typing ${target}`);
    await page.keyboard.press('Enter');
    if (!(await pollUntil(async () => fs.existsSync(target) && fs.statSync(target).size > 0, 20_000))) throw new Error(`${target} was not written`);
    // The client speaks govreport.locale (zh-CN by default), whatever VS Code's display language.
    await page.locator(SELECTORS.notification, { hasText: `已导出 ${path.basename(target)}` }).first().waitFor({ state: 'visible', timeout: 10_000 });
    const back = cliFindings(target).map((f) => `${f.code} ${f.message.replace(/（第.*?）$/, '')}`).sort();
    const draft = cliFindings(path.join(folder, DRAFT)).map((f) => `${f.code} ${f.message}`).sort();
    if (JSON.stringify(back) !== JSON.stringify(draft)) throw new Error(`the exported .docx reads back differently:\n  ${back.join('\n  ')}\nvs the draft:\n  ${draft.join('\n  ')}`);
  }

  try {
    // The extension has both "main" and "browser": where a remote (Node) extension host exists,
    // VS Code prefers it. This setting makes it a web-only extension, run in the web worker
    // extension host of the page, as vscode.dev (which has no Node host) would run it.
    const exported = path.join(folder, 'qingshan-2024-web.docx');
    const web = await session('web', { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } }, exported);
    log(`1. web extension host: the Problems panel lists exactly the ${expected.length} findings of dist/cli.js with the project file applied (no cell-blank; active-disclosure-range an error), among them the wrong 总计 of 行政复议 at 73:19`);
    if (web.nodeServers.length) throw new Error(`the Node language server runs, so the extension did not run as a web extension:\n  ${web.nodeServers.join('\n  ')}`);
    log('2. no dist/server.js process under code-server: the findings came from the web worker');
    log(`   palette "GovReport": ${web.palette.join(' | ')}`);
    const offered = ['Import Annual Report', 'Check All Reports'].filter((t) => web.palette.some((l) => l.includes(t)));
    if (offered.length) throw new Error(`the palette offers commands that need Node: ${offered.join(', ')}`);
    const missing = ['Fix All Problems', 'Export as Word', "Start This Year's Report"].filter((t) => !web.palette.some((l) => l.includes(t)));
    if (missing.length) throw new Error(`the palette does not offer ${missing.join(', ')}: ${web.palette.join(' | ')}`);
    log("3. the palette offers Fix All, Export and Start This Year's Report, not Import or Check All Reports");
    log(`4. Export as Word from the web worker: ${path.basename(exported)} written through VS Code's file system, the notification says so, dist/cli.js reads it back with the draft's findings; Start This Year's Report wrote and opened ${NEXT_YEAR} (2025)`);

    // Control: the same .vsix without the setting runs in code-server's Node extension host, with
    // its server process — so check 2 above can tell the two apart — and finds the same.
    const node = await session('node', {});
    if (!node.nodeServers.length) throw new Error('control: without remote.extensionKind no dist/server.js process ran either; check 2 proves nothing');
    if (!node.palette.some((l) => l.includes('Check All Reports'))) throw new Error(`control: the Node build's palette lacks Check All Reports: ${node.palette.join(' | ')}`);
    log(`5. control, Node extension host: the same ${expected.length} findings, from ${node.nodeServers.length} dist/server.js process(es); the palette offers the file commands`);
    await cleanup();
    log('WEB E2E PASSED');
    return 0;
  } catch (err) {
    console.error(`WEB E2E FAILED: ${(err as Error).stack ?? err}`);
    if (browser) {
      await screenshot(browser.page, 'e2e-web-failure').catch(() => undefined);
      if (browser.pageErrors.length) console.error(`page errors:\n  ${browser.pageErrors.slice(-30).join('\n  ')}`);
    }
    if (server) console.error(`code-server output (tail):\n${server.outputTail(40)}`);
    await cleanup();
    return 1;
  } finally {
    clearTimeout(watchdog);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`WEB E2E FAILED: ${err}`);
    process.exit(1);
  },
);
