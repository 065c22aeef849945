/**
 * End-to-end scenarios in a real VS Code workbench (code-server 4.100.3 = VS Code 1.100.3,
 * headless Debian Chromium through playwright-core), against the packaged extension
 * (govreport.vsix installed with --install-extension into a private extensions folder).
 * A plain Node script, not a mocha test (keep out/test/e2e out of the unit/lsp runner).
 *
 *   npm run test:e2e
 *   # = bash test/e2e/install.sh && npm run package && tsc -p tsconfig.json && node out/test/e2e/scenarios.e2e.js
 *
 * Scenarios, each asserting what is on screen (DOM of the workbench), each leaving a screenshot
 * in test-results/e2e-<n>-*.png:
 *   1. a report with wrong totals and a missing section: the Problems panel lists exactly the
 *      expected findings (code + Chinese message + position), the status bar shows the counts;
 *   2. the quick fix on a wrong total (Ctrl+. and the lightbulb): the cell shows the computed
 *      value and its problem disappears, the others stay;
 *   3. "New Annual Report" (its two input boxes), then the 表三 snippet prefix typed in place of
 *      the skeleton's table 三 and the completion accepted: no errors, only the two template texts;
 *   4. the Outline lists the six sections; the hover on a total shows its formula;
 *   5. an unrelated markdown file (a shopping list with a "总计" that does not add up) gets no
 *      diagnostics;
 *   6. next year's report checked against last year's in the workspace;
 *   7. a .docx imported from the explorer's context menu: the Markdown draft opens beside it and
 *      the Problems panel lists the findings of the report the .docx was made from;
 *   8. the preview beside the editor: the official table 三 with merged headers, the wrong cell
 *      marked; a click on it puts the cursor on its figure; typing the right figure unmarks it;
 *   9. Export as Word: the save dialog, a .docx written that the checker reads back with the
 *      same findings;
 *  10. this year's draft started from last year's report (the explorer's menu on 2023's): the
 *      year moved on, 上年结转 filled from 2023's 结转下年度, the rest blank, opened as a report.
 *  11. Check All Reports: the 报告体检 view lists the reports with their counts, a click opens
 *      one; closed again, its findings stay in the Problems panel;
 *  12. the walkthrough (GovReport: Get Started): its five steps; its first button opens the
 *      example as an untitled GovReport document with its findings;
 *  13. a clean Markdown report: the status bar item shows ✓ with the tooltip 未发现问题;
 *  14. a finding accepted with the quick fix that writes a govreport-disable … enable pair;
 *  15. a report-named .md file (a GovReport document) opens in VS Code's Markdown preview;
 *  16. govreport.locale changed in the Settings editor: the findings turn English and back, the
 *      Problems panel never empties, the output channel shows no restart;
 *  17. typing in a GovReport document: the 表三 list opens by itself, nothing over a figure.
 *
 * Every wait is bounded (per-scenario and overall timeouts on top of Playwright's own), every
 * process is stopped by its process id (codeServer.ts), also on failure and on SIGINT/SIGTERM.
 * Exit status: 0 all passed · 1 a scenario failed · 2 cannot run (not installed / not packaged).
 *
 * Env: GOVREPORT_E2E_VSIX (default <repo>/govreport.vsix), GOVREPORT_E2E_ONLY=1,3 (run only
 * some scenarios), plus those of codeServer.ts (GOVREPORT_E2E_CACHE, GOVREPORT_E2E_HEADED, …).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import {
  writeUserSettings,
  activeEditorText,
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
  sleep,
  type ProblemsView,
  startCodeServer,
  waitForFrameWithText,
  withTimeout,
  explorerRow,
} from './codeServer';

const OVERALL_TIMEOUT_MS = 8 * 60_000;
const SCENARIO_TIMEOUT_MS = 120_000;
/** Bound for the language server to publish / update diagnostics after an edit or an open. */
const DIAGNOSTICS_TIMEOUT_MS = 30_000;

const ROOT = repoRoot();
const RESULTS_DIR = path.join(ROOT, 'test-results');
const VSIX = path.resolve(process.env.GOVREPORT_E2E_VSIX || path.join(ROOT, 'govreport.vsix'));

// ---------------------------------------------------------------------------------------------
// The workspace: example reports from examples/ plus an unrelated note

const DRAFT = 'qingshan-2024-draft.md'; // wrong totals, a blank total, a typo, no section 五
const CLEAN = 'chengguan-2023.md'; // everything adds up
const NOTES = 'notes.md'; // not a report
const NEXT_YEAR = 'chengguan-2024.md'; // the same body a year on: its 上年结转 disagrees with 2023's 结转下年度, its overview repeats 2023's
const WORD = 'qingshan-2024-word.docx'; // the draft as a Word file (our export), to import
const IMPORTED = 'qingshan-2024-word.md'; // the Markdown draft 导入年度报告 writes beside it
const EXPORTED = 'qingshan-2024-exported.docx';
/** A report under a report's name (it opens as a GovReport document): chengguan-2023.md given to another body. */
const REPORT_NAMED = '河西镇人民政府2023年政府信息公开工作年度报告.md';

const NOTES_TEXT = `# 周末购物清单

周六上午去菜市场，下午去超市。

| 物品 | 数量 | 单价（元） | 总计 |
|---|---|---|---|
| 牛奶 | 2 | 6 | 12 |
| 鸡蛋 | 1 | 15 | 15 |
| 面包 | 3 | 8 | 20 |

- 记得带购物袋
- 顺路取快递
`;

interface Finding {
  severity: 'error' | 'warning' | 'info';
  line: number;
  col: number;
  code: string;
  message: string;
}

/** What `node dist/cli.js examples/qingshan-2024-draft.md` reports, in the editor's terms. */
const DRAFT_FINDINGS: Finding[] = [
  { severity: 'warning', line: 16, col: 21, code: 'active-disclosure-range', message: '「行政规范性文件」现行有效件数 3 少于本年制发 5 − 本年废止 1 = 4' },
  { severity: 'info', line: 35, col: 13, code: 'cell-blank', message: '表二「行政事业性收费」行「本年收费金额（单位：万元）」列为空白，按 0 计算' },
  { severity: 'error', line: 41, col: 50, code: 'sum-applicant-total', message: '表三「一、本年新收政府信息公开申请数量」行「总计」列填写的 20 与 2 处合计不符（本行总计、本列勾稽关系）；若改为 17，这些合计均成立' },
  { severity: 'error', line: 43, col: 48, code: 'sum-applicant-total', message: '表三「（一）予以公开」行「总计」列为空白，与 2 处合计不符（本行总计、本列（七）总计）；应填 7，这些合计均成立' },
  { severity: 'error', line: 54, col: 23, code: 'cell-not-number', message: '表三「（四）2.没有现成信息需要另行制作」行「自然人」列的「l」含有字母，疑为数字 1' },
  { severity: 'error', line: 73, col: 19, code: 'sum-review-litigation', message: '「行政复议」的总计应为 3（结果维持 2 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 3），表中为 2' },
  { severity: 'error', line: 75, col: 1, code: 'section-missing', message: '缺少第五部分「五、存在的主要问题及改进情况」' },
];

/** The template texts of a new report's 一 and 五 (某某市测试局, 2024), flagged until written. */
const SKELETON_PLACEHOLDERS: Finding[] = [
  {
    severity: 'warning',
    line: 7,
    col: 1,
    code: 'placeholder-text',
    message: '「（概述本年度主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面的工作情况。）」是模板占位文字，请替换为本报告的实际内容',
  },
  {
    severity: 'warning',
    line: 81,
    col: 1,
    code: 'placeholder-text',
    message: '「（说明本年度工作存在的主要问题和改进情况，以及上年度报告所列问题的整改进展。）」是模板占位文字，请替换为本报告的实际内容',
  },
];

/** What the editor reports on chengguan-2024.md with chengguan-2023.md beside it in the workspace. */
const NEXT_YEAR_FINDINGS: Finding[] = [
  {
    severity: 'warning',
    line: 5,
    col: 4,
    code: 'text-reuse',
    message:
      '「一、总体情况」有 57% 的文字与上年报告（chengguan-2023.md）相同，最长的相同段落：「全年主动公开政府信息241条。依申请公开方面，全年新收政府信息公开申请13件，上年结转1件，办结13件，结转下年度继续办…」',
  },
  {
    severity: 'warning',
    line: 16,
    col: 21,
    code: 'active-disclosure-continuity',
    message: '「行政规范性文件」现行有效件数应为 10（上年报告（chengguan-2023.md）9 + 本年制发 3 − 本年废止 2），表中为 11',
  },
  {
    severity: 'warning',
    line: 42,
    col: 29,
    code: 'carryover-mismatch',
    message: '本年「二、上年结转政府信息公开申请数量」「商业企业」为 0，而上年报告（chengguan-2023.md）「四、结转下年度继续办理」为 1',
  },
  {
    severity: 'warning',
    line: 42,
    col: 49,
    code: 'carryover-mismatch',
    message: '本年「二、上年结转政府信息公开申请数量」「总计」为 1，而上年报告（chengguan-2023.md）「四、结转下年度继续办理」为 2',
  },
];

/** The user settings of the run (scenario 16 changes the locale in them and puts them back). */
const USER_SETTINGS: Record<string, unknown> = {
  'govreport.locale': 'zh-CN',
  // Explicit, because scenario 3 selects table rows with Shift+Down (visual lines).
  '[govreport]': { 'editor.wordWrap': 'off' },
  'workbench.editor.enablePreview': false,
};

const SIX_SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

function prepareWorkspace(): { root: string; folder: string } {
  const root = makeTempDir('govreport-e2e-scenarios-');
  const folder = path.join(root, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  for (const name of [DRAFT, CLEAN, NEXT_YEAR]) fs.copyFileSync(path.join(ROOT, 'examples', name), path.join(folder, name));
  fs.writeFileSync(path.join(folder, NOTES), NOTES_TEXT);
  fs.writeFileSync(path.join(folder, REPORT_NAMED), fs.readFileSync(path.join(ROOT, 'examples', CLEAN), 'utf8').replaceAll('城关镇', '河西镇'));
  // The draft as a Word file, written by the checker's own export (the .vsix ships no CLI: the built one).
  const made = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'convert', path.join(ROOT, 'examples', DRAFT), '-o', path.join(folder, WORD)], { encoding: 'utf8', timeout: 60_000 });
  if (made.status !== 0) throw new Error(`making ${WORD}: ${made.stderr}`);
  return { root, folder };
}

// ---------------------------------------------------------------------------------------------
// Reading the workbench (browser-side code is passed as strings: the project compiles without
// the DOM lib)

const GOVREPORT_STATUS = '.part.statusbar .statusbar-item[id$="govreport.problems"]';
const SELECTION_STATUS = '[id="status.editor.selection"]';
const LANGUAGE_STATUS = '[id="status.editor.mode"]';
const ACTIVE_VIEW_LINE = '.editor-group-container.active .monaco-editor .view-lines .view-line';
const ACTION_ROWS = '.action-widget .monaco-list-row.action';
const SUGGEST_WIDGET = '.editor-group-container.active .editor-widget.suggest-widget';
const VISIBLE_HOVER = '.monaco-hover:not(.hidden)';

function evalInPage<T>(page: Page, body: string, timeout = 10_000): Promise<T> {
  return withTimeout(page.evaluate(`(() => { ${body} })()`) as Promise<T>, timeout, 'evaluating in the page');
}

function describeFinding(f: { severity: string; line: number; col: number; code: string; message: string; source?: string }): string {
  return `${f.severity} [Ln ${f.line}, Col ${f.col}] ${f.source ?? 'govreport'}(${f.code}) ${f.message}`;
}

/** Waits (bounded) until the Problems panel lists exactly `expected` for `file`; throws a diff otherwise. */
async function expectProblems(page: Page, file: string, expected: Finding[], timeout = DIAGNOSTICS_TIMEOUT_MS): Promise<ProblemsView> {
  const want = expected.map(describeFinding).sort();
  let last: ProblemsView = { files: {}, rows: [] };
  const ok = await pollUntil(async () => {
    last = await readProblems(page);
    const got = last.rows.filter((r) => r.file === file).map(describeFinding).sort();
    return got.length === want.length && got.every((g, i) => g === want[i]) && (expected.length === 0 ? !(file in last.files) : last.files[file] === expected.length);
  }, timeout, 250);
  if (!ok) {
    const got = last.rows.filter((r) => r.file === file).map(describeFinding).sort();
    const missing = want.filter((w) => !got.includes(w));
    const extra = got.filter((g) => !want.includes(g));
    throw new Error(
      `Problems panel for ${file} after ${timeout} ms: badge ${last.files[file] ?? '(no row)'}, ${got.length} rows, expected ${want.length}\n` +
        `  missing:\n    ${missing.join('\n    ') || '-'}\n  unexpected:\n    ${extra.join('\n    ') || '-'}`,
    );
  }
  return last;
}

async function focusProblems(page: Page): Promise<void> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)', { timeout: 15_000 });
  await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 10_000 });
}

interface StatusItem {
  text: string;
  aria: string;
  icons: string[];
}

async function govreportStatus(page: Page): Promise<StatusItem | undefined> {
  return evalInPage<StatusItem | undefined>(
    page,
    `
    const el = document.querySelector(${JSON.stringify(GOVREPORT_STATUS)});
    if (!el || el.offsetParent === null) return undefined;
    const icons = [...el.querySelectorAll('.codicon')].map((i) => [...i.classList].find((c) => c.startsWith('codicon-')) || '');
    return { text: el.innerText.replace(/\\s+/g, ' ').trim(), aria: (el.getAttribute('aria-label') || '').replace(/\\s+/g, ' '), icons };`,
  );
}

/** Waits (bounded) for the extension's status bar item to satisfy `check`. */
async function expectGovreportStatus(page: Page, what: string, check: (s: StatusItem | undefined) => boolean, timeout = DIAGNOSTICS_TIMEOUT_MS): Promise<StatusItem | undefined> {
  let last: StatusItem | undefined;
  const ok = await pollUntil(async () => check((last = await govreportStatus(page))), timeout, 200);
  if (!ok) throw new Error(`status bar: expected ${what} within ${timeout} ms; shows ${last ? JSON.stringify(last) : '(no GovReport item)'}`);
  return last;
}

const errorsWarnings = (errors: number, warnings: number) => (s: StatusItem | undefined) =>
  !!s && s.text === `${errors} ${warnings}` && s.icons.join(' ') === 'codicon-error codicon-warning';

async function selectionStatus(page: Page): Promise<string> {
  return (await page.locator(SELECTION_STATUS).innerText({ timeout: 5_000 })).trim();
}

/** Ctrl+G `line:col`; waits until the status bar shows the cursor there. The editor has focus after. */
async function gotoLineCol(page: Page, line: number, col: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const box = page.locator(SELECTORS.quickInputBox);
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  // Ctrl+G opens Quick Open with the ":" (go to line) prefix; keep it.
  await box.fill(`:${line}:${col}`);
  await page.locator(SELECTORS.quickInput, { hasText: `line ${line}` }).waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  await page.keyboard.press('Enter');
  await box.waitFor({ state: 'hidden', timeout: 10_000 });
  const want = `Ln ${line}, Col ${col}`;
  if (!(await pollUntil(async () => (await selectionStatus(page)) === want, 10_000))) {
    throw new Error(`Go to Line ${line}:${col}: the status bar shows "${await selectionStatus(page)}"`);
  }
}

/** Text of the rendered editor line containing `needle` (nbsp → space), or undefined. */
async function renderedLine(page: Page, needle: string): Promise<string | undefined> {
  const lines = await page.locator(ACTIVE_VIEW_LINE).allInnerTexts();
  return lines.map((l) => l.replace(/\u00a0/g, ' ')).find((l) => l.includes(needle));
}

async function expectRenderedLine(page: Page, needle: string, check: (line: string) => boolean, what: string, timeout = 10_000): Promise<string> {
  let last: string | undefined;
  const ok = await pollUntil(async () => {
    last = await renderedLine(page, needle);
    return last !== undefined && check(last);
  }, timeout);
  if (!ok) throw new Error(`editor: expected the line with "${needle}" to ${what}; it reads: ${last ?? '(not on screen)'}`);
  return last!;
}

/** In the open code-action menu, moves the focus to the action titled `title` and applies it. */
async function chooseCodeAction(page: Page, title: string): Promise<string[]> {
  const rows = page.locator(ACTION_ROWS);
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
  const titles = await evalInPage<string[]>(
    page,
    `return [...document.querySelectorAll(${JSON.stringify(ACTION_ROWS)})].map((e) => e.getAttribute('aria-label') || e.textContent);`,
  );
  if (!titles.includes(title)) throw new Error(`code action "${title}" not offered; the menu shows: ${JSON.stringify(titles)}`);
  for (let i = 0; i <= titles.length; i++) {
    const focused = await page.locator(`${ACTION_ROWS}.focused`).getAttribute('aria-label', { timeout: 5_000 }).catch(() => null);
    if (focused === title) {
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });
      return titles;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not focus "${title}" in the code-action menu`);
}

/** Escapes out of widgets and closes every editor, discarding edits (no save dialogs). */
async function resetWorkbench(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  const tabs = page.locator('.editor-group-container .tabs-container .tab');
  for (let i = 0; i < 10; i++) {
    const before = await tabs.count();
    if (!before) break;
    await runCommand(page, 'View: Revert and Close Editor', { timeout: 15_000 });
    await pollUntil(async () => (await tabs.count()) < before, 5_000);
  }
  if ((await tabs.count()) > 0) throw new Error(`could not close the editors: ${(await tabs.allInnerTexts()).join(', ')}`);
  if (await page.locator('.monaco-dialog-box').isVisible()) throw new Error('a dialog is open after closing the editors');
}

/** Expands or collapses a view section of the side bar (e.g. the explorer's folder section). */
async function setPaneExpanded(page: Page, title: RegExp, expanded: boolean): Promise<void> {
  const header = page.locator('.split-view-view .pane-header', { hasText: title }).first();
  await header.waitFor({ state: 'visible', timeout: 10_000 });
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) {
    await header.click({ timeout: 10_000 });
    await pollUntil(async () => ((await header.getAttribute('aria-expanded')) === 'true') === expanded, 5_000);
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Context {
  page: Page;
  workspace: string;
  /** code-server's --user-data-dir: User/settings.json, and the logs of the extension host. */
  userDataDir: string;
  step(message: string): void;
  shot(name: string): Promise<void>;
}

interface Scenario {
  n: number;
  name: string;
  screenshot: string;
  run(ctx: Context): Promise<void>;
}

const scenarios: Scenario[] = [
  {
    n: 1,
    name: 'a draft with wrong totals and a missing section: Problems panel and status bar',
    screenshot: 'e2e-1-problems',
    async run({ page, step }) {
      step(`open ${DRAFT} with Quick Open`);
      await openFileViaQuickOpen(page, DRAFT);
      step('focus the Problems panel');
      await focusProblems(page);
      const view = await expectProblems(page, DRAFT, DRAFT_FINDINGS);
      step(`Problems panel: exactly the ${DRAFT_FINDINGS.length} expected findings (code, Chinese message, line:col) under ${DRAFT}, badge ${view.files[DRAFT]}`);
      for (const r of view.rows.filter((x) => x.file === DRAFT)) step(`  ${describeFinding(r)}`);
      const others = Object.keys(view.files).filter((f) => f !== DRAFT);
      if (others.length) throw new Error(`the Problems panel also lists ${others.join(', ')}`);
      const status = await expectGovreportStatus(page, '$(error) 5 $(warning) 1', errorsWarnings(5, 1));
      // The client's words follow govreport.locale (zh-CN here), not the workbench's English.
      if (!/5 个错误，1 个警告，1 条提示/.test(status!.aria)) throw new Error(`status bar tooltip: ${status!.aria}`);
      step(`status bar (GovReport item): "${status!.text}" with ${status!.icons.join(', ')}; aria "${status!.aria.split('\n')[0]}"`);
      const workbenchCounts = (await page.locator('[id="status.problems"]').getAttribute('aria-label', { timeout: 5_000 })) ?? '';
      if (workbenchCounts !== 'Errors: 5, Warnings: 1, Infos: 1') throw new Error(`VS Code's problems status item says "${workbenchCounts}"`);
      step(`status bar (VS Code's problems item): "${workbenchCounts}"`);
      const lang = (await page.locator(LANGUAGE_STATUS).innerText({ timeout: 5_000 })).trim();
      step(`editor language: ${lang}`);
    },
  },
  {
    n: 2,
    name: 'quick fix on wrong totals (Ctrl+. and the lightbulb)',
    screenshot: 'e2e-2-quickfix',
    async run({ page, step, shot }) {
      step(`open ${DRAFT}; wait for its ${DRAFT_FINDINGS.length} findings`);
      await openFileViaQuickOpen(page, DRAFT);
      await focusProblems(page);
      await expectProblems(page, DRAFT, DRAFT_FINDINGS);

      // 1) Ctrl+. on 表三 一、本年新收 总计 (20, should be 17)
      step('Ctrl+G 41:50 (表三「一、本年新收」总计, shows 20)');
      await gotoLineCol(page, 41, 50);
      await expectRenderedLine(page, '一、本年新收政府信息公开申请数量', (l) => /\| 20 \|$/.test(l.trimEnd()), 'end with | 20 |');
      step('Ctrl+. → the Quick Fix menu');
      await page.keyboard.press('Control+.');
      await page.locator(ACTION_ROWS).first().waitFor({ state: 'visible', timeout: 10_000 });
      await shot('e2e-2-quickfix-menu');
      const menu1 = await chooseCodeAction(page, '将该格改为 17');
      step(`menu offered ${JSON.stringify(menu1)}; applied 将该格改为 17`);
      const line41 = await expectRenderedLine(page, '一、本年新收政府信息公开申请数量', (l) => /\| 17 \|$/.test(l.trimEnd()), 'end with | 17 |');
      step(`line 41 now: ${line41.trim()}`);
      const afterFirst = DRAFT_FINDINGS.filter((f) => !(f.line === 41 && f.col === 50));
      await expectProblems(page, DRAFT, afterFirst);
      step(`Problems panel: the 41:50 sum-applicant-total finding is gone, the other ${afterFirst.length} stay`);

      // 2) the lightbulb on 表四 行政复议 总计 (2, should be 3)
      step('Ctrl+G 73:19 (表四「行政复议」总计, shows 2); click the lightbulb');
      await gotoLineCol(page, 73, 19);
      await expectRenderedLine(page, '| 2 | 1 | 0 | 0 |', (l) => l.startsWith('| 2 | 1 | 0 | 0 | 2 |'), 'start with | 2 | 1 | 0 | 0 | 2 |');
      const bulb = page.locator('.editor-group-container.active .lightBulbWidget');
      await bulb.waitFor({ state: 'visible', timeout: 10_000 });
      await bulb.click({ timeout: 10_000 });
      const menu2 = await chooseCodeAction(page, '将总计改为 3');
      step(`menu offered ${JSON.stringify(menu2)}; applied 将总计改为 3`);
      const line73 = await expectRenderedLine(page, '| 2 | 1 | 0 | 0 |', (l) => l.startsWith('| 2 | 1 | 0 | 0 | 3 |'), 'start with | 2 | 1 | 0 | 0 | 3 |');
      step(`line 73 now: ${line73.trim()}`);
      const afterSecond = afterFirst.filter((f) => !(f.line === 73 && f.col === 19));
      await expectProblems(page, DRAFT, afterSecond);
      step(`Problems panel: the 73:19 sum-review-litigation finding is gone, the other ${afterSecond.length} stay`);
      const status = await expectGovreportStatus(page, '$(error) 3 $(warning) 1', errorsWarnings(3, 1));
      step(`status bar: "${status!.text}" (${status!.icons.join(', ')})`);
      await gotoLineCol(page, 41, 50); // for the screenshot: the fixed cell next to the Problems panel
    },
  },
  {
    n: 3,
    name: 'New Annual Report, then the 表三 snippet prefix: no errors, only the two template texts to write',
    screenshot: 'e2e-3-new-report',
    async run({ page, step, shot }) {
      step('F1 → GovReport: New Annual Report');
      await runCommand(page, 'GovReport: New Annual Report', { keepOpen: true, timeout: 20_000 });
      const widget = page.locator(SELECTORS.quickInput);
      const box = page.locator(SELECTORS.quickInputBox);
      await widget.filter({ hasText: '机关名称' }).waitFor({ state: 'visible', timeout: 10_000 });
      await box.fill('某某市测试局');
      await page.keyboard.press('Enter');
      step('input box 1 (body): 某某市测试局');
      await widget.filter({ hasText: '报告年度' }).waitFor({ state: 'visible', timeout: 10_000 });
      const offeredYear = await box.inputValue();
      await box.fill('2024');
      await page.keyboard.press('Enter');
      step(`input box 2 (year, offered ${offeredYear}): 2024`);
      const title = '某某市测试局2024年政府信息公开工作年度报告';
      await page.locator(SELECTORS.activeTab, { hasText: title }).waitFor({ state: 'visible', timeout: 20_000 });
      const lang = (await page.locator(LANGUAGE_STATUS).innerText({ timeout: 5_000 })).trim();
      if (lang !== '政府信息公开年度报告') throw new Error(`the new document's language is "${lang}"`);
      const first = (await activeEditorText(page)).split('\n')[0];
      if (first !== title) throw new Error(`the new document starts with "${first}"`);
      step(`untitled "${title}" opened, language ${lang}`);
      // A skeleton is whole in form; the texts of 一 and 五 are template text until written.
      await expectGovreportStatus(page, '$(error) 0 $(warning) 2', errorsWarnings(0, 2));
      step('status bar: 0 errors, 2 warnings (the template texts of 一 and 五)');

      step('replace the skeleton\'s table 三: Ctrl+F to its header row, select its 27 lines, Delete');
      await page.keyboard.press('Control+F');
      const find = page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
      await find.waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type('（本列数据的勾稽关系');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.locator('.editor-group-container.active .find-widget.visible').waitFor({ state: 'hidden', timeout: 10_000 });
      // The find match is selected: the status bar then reads "Ln 41, Col 13 (10 selected)".
      let headerLine = 0;
      let found = '';
      await pollUntil(async () => {
        found = await selectionStatus(page);
        headerLine = Number(/^Ln (\d+), Col \d+ \(10 selected\)$/.exec(found)?.[1] ?? 0);
        return headerLine > 0;
      }, 10_000);
      if (!headerLine) throw new Error(`Find did not select the table header; the status bar shows "${found}"`);
      await page.keyboard.press('Home');
      for (let i = 0; i < 26; i++) await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Delete');
      // The editor redraws after the key: poll (bounded) until the deleted rows are off the screen.
      const deleted = ['勾稽关系', '本年新收政府信息公开申请数量', '结转下年度继续办理'];
      let afterDelete = '';
      await pollUntil(async () => {
        afterDelete = await activeEditorText(page);
        return !deleted.some((g) => afterDelete.includes(g));
      }, 5_000);
      for (const gone of deleted) {
        if (afterDelete.includes(gone)) throw new Error(`after deleting table 三, "${gone}" is still on screen`);
      }
      await expectGovreportStatus(page, '$(error) 1 $(warning) 2 (table 三 missing)', errorsWarnings(1, 2));
      await focusProblems(page);
      const missing = await readProblemsUntil(page, (v) => v.rows.some((r) => r.file === title && r.code === 'table-missing'));
      const untitledRows = missing.rows.filter((r) => r.file === title && r.code !== 'placeholder-text');
      if (untitledRows.length !== 1) throw new Error(`expected only table-missing besides the template texts, got:\n  ${untitledRows.map(describeFinding).join('\n  ')}`);
      step(`table 三 (from line ${headerLine}) deleted; the server reports only: ${describeFinding(untitledRows[0])}`);

      step(`Ctrl+G ${headerLine}:1; type 表三 and accept the completion`);
      await gotoLineCol(page, headerLine, 1);
      await page.keyboard.type('表三');
      const suggest = page.locator(SUGGEST_WIDGET);
      if (!(await suggest.locator('.monaco-list-row').first().isVisible())) {
        await suggest.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 3_000 }).catch(async () => {
          step('  (no completion list yet: Ctrl+Space)');
          await page.keyboard.press('Control+Space');
        });
      }
      await suggest.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
      const items = await evalInPage<string[]>(
        page,
        `return [...document.querySelectorAll(${JSON.stringify(`${SUGGEST_WIDGET} .monaco-list-row`)})].map((e) => e.getAttribute('aria-label') || '');`,
      );
      const isTable3 = (aria: string | null) => !!aria && aria.split(',')[0].trim() === '表三';
      if (!items.some(isTable3)) throw new Error(`no 表三 completion; offered: ${JSON.stringify(items)}`);
      let accepted = '';
      for (let i = 0; i <= items.length; i++) {
        const focused = await suggest.locator('.monaco-list-row.focused').getAttribute('aria-label', { timeout: 5_000 });
        if (isTable3(focused)) {
          accepted = focused!;
          break;
        }
        await page.keyboard.press('ArrowDown');
      }
      if (!accepted) throw new Error(`could not focus the 表三 completion among ${JSON.stringify(items)}`);
      await shot('e2e-3-completion');
      await page.keyboard.press('Enter');
      await suggest.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
      await page.keyboard.press('Escape'); // leave snippet mode, if any
      step(`completion list: ${JSON.stringify(items)}; accepted "${accepted}"`);
      await expectRenderedLine(page, '（七）总计', (l) => l.trim() === '|  | （七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', 'be the zero （七）总计 row');
      await expectRenderedLine(page, '四、结转下年度继续办理', (l) => l.trim() === '| 四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', 'be the zero 结转 row');
      // The snippet is the 27-line table ending in a newline, and leaves the cursor after it.
      // (The status bar's cursor position follows the editor with a short delay: poll.)
      const wantCursor = `Ln ${headerLine + 27}, Col 1`;
      let after = '';
      if (!(await pollUntil(async () => (after = await selectionStatus(page)) === wantCursor, 10_000))) {
        throw new Error(`after the snippet the cursor is at "${after}", expected ${wantCursor}; the editor shows:\n${await activeEditorText(page)}`);
      }
      step(`the table was inserted (cursor at ${after}, its last rows on screen)`);
      const status = await expectGovreportStatus(page, '$(error) 0 $(warning) 2', errorsWarnings(0, 2));
      // The deleted table left its last line empty and the snippet ends in a line break: 五 is a line lower.
      await expectProblems(page, title, SKELETON_PLACEHOLDERS.map((f) => (f.line > headerLine ? { ...f, line: f.line + 1 } : f)));
      step(`no errors for the new report: status bar "${status!.aria.split(',')[0]}", Problems lists only the two template texts`);
    },
  },
  {
    n: 4,
    name: 'Outline shows the six sections; the hover on a total shows its formula',
    screenshot: 'e2e-4-outline-hover',
    async run({ page, step, workspace }) {
      step(`open ${CLEAN}; focus the Outline (collapse the folder section to give it room)`);
      await openFileViaQuickOpen(page, CLEAN);
      await runCommand(page, 'Explorer: Focus on Outline View', { timeout: 15_000 });
      await setPaneExpanded(page, /^workspace$/i, false);
      interface OutlineRow {
        level: number;
        aria: string;
        text: string;
      }
      let rows: OutlineRow[] = [];
      let sections: string[] = [];
      let tables: string[] = [];
      const ok = await pollUntil(async () => {
        rows = await evalInPage<OutlineRow[]>(
          page,
          `return [...document.querySelectorAll('.outline-pane .monaco-list-row')].map((e) => ({ level: Number(e.getAttribute('aria-level')), aria: e.getAttribute('aria-label') || '', text: e.innerText }));`,
        );
        // With two symbol providers (ours and Markdown's) the Outline groups by provider.
        const start = rows.findIndex((r) => r.level === 1 && r.aria.startsWith('政府信息公开年报'));
        if (start < 0) return false;
        const end = rows.findIndex((r, i) => i > start && r.level === 1);
        const group = rows.slice(start + 1, end < 0 ? undefined : end);
        sections = group.filter((r) => r.level === 2 && r.aria.endsWith('(namespace)')).map((r) => r.text.trim());
        tables = group.filter((r) => r.level === 3 && r.aria.endsWith('(struct)')).map((r) => r.aria.replace(/ \(struct\)$/, ''));
        return sections.length === SIX_SECTIONS.length && sections.every((s, i) => s === SIX_SECTIONS[i]) && tables.length === 3;
      }, 20_000, 250);
      if (!ok) throw new Error(`Outline: expected the six sections and three tables under the GovReport group; it shows:\n  ${rows.map((r) => `${'  '.repeat(r.level - 1)}${r.aria}`).join('\n  ')}`);
      step(`Outline (GovReport group): ${sections.join(' · ')}; tables: ${tables.join(' · ')}`);

      const lines = fs.readFileSync(path.join(workspace, CLEAN), 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量')) + 1;
      const col = lines[line - 1].lastIndexOf('| 16 |') + 3;
      step(`Ctrl+G ${line}:${col} (表三「一、本年新收」总计 16); Ctrl+K Ctrl+I (Show Hover)`);
      await gotoLineCol(page, line, col);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const formula = '总计 = 自然人 12 + 商业企业 3 + 科研机构 0 + 社会公益组织 1 + 法律服务机构 0 + 其他 0 = 16';
      const hover = page.locator(VISIBLE_HOVER, { hasText: formula }).first();
      try {
        await hover.waitFor({ state: 'visible', timeout: 15_000 });
      } catch {
        const shown = await page.locator(VISIBLE_HOVER).allInnerTexts().catch(() => []);
        throw new Error(`no hover with "${formula}"; visible hovers: ${JSON.stringify(shown)}`);
      }
      const text = (await hover.innerText({ timeout: 5_000 })).replace(/\n+/g, ' / ');
      if (!text.includes('表三「一、本年新收政府信息公开申请数量」行「总计」列') || !text.includes('✓')) throw new Error(`hover text: ${text}`);
      step(`hover: ${text}`);
    },
  },
  {
    n: 5,
    name: 'an unrelated markdown file gets no diagnostics',
    screenshot: 'e2e-5-unrelated-markdown',
    async run({ page, step }) {
      await setPaneExpanded(page, /^workspace$/i, true);
      step(`open ${NOTES} (a shopping list whose 总计 column does not add up), then ${DRAFT} as a control`);
      await openFileViaQuickOpen(page, NOTES);
      const text = await activeEditorText(page);
      if (!text.includes('周末购物清单')) throw new Error(`${NOTES} is not on screen: ${text.slice(0, 200)}`);
      // Control: a report opened after it gets its findings, so the server has seen notes.md too.
      await openFileViaQuickOpen(page, DRAFT);
      await focusProblems(page);
      await expectProblems(page, DRAFT, DRAFT_FINDINGS);
      step(`control: ${DRAFT} shows its ${DRAFT_FINDINGS.length} findings`);
      await runCommand(page, 'View: Revert and Close Editor', { timeout: 15_000 });
      await page.locator(SELECTORS.activeTab, { hasText: NOTES }).waitFor({ state: 'visible', timeout: 10_000 });
      await sleep(1_000); // a settling pause for any late publication (the check below is an absence)
      const view = await readProblems(page);
      const notesRows = view.rows.filter((r) => r.file === NOTES);
      if (NOTES in view.files || notesRows.length) throw new Error(`Problems panel lists ${NOTES}: ${notesRows.map(describeFinding).join(' | ')}`);
      step(`Problems panel: no row for ${NOTES} (files listed: ${JSON.stringify(view.files)})`);
      const squiggles = await page.locator('.editor-group-container.active .monaco-editor .squiggly-error, .editor-group-container.active .monaco-editor .squiggly-warning, .editor-group-container.active .monaco-editor .squiggly-info').count();
      if (squiggles) throw new Error(`${NOTES} has ${squiggles} squiggles in the editor`);
      step('editor: no squiggles');
      const status = await govreportStatus(page);
      if (status) throw new Error(`the GovReport status bar item is shown for ${NOTES}: ${JSON.stringify(status)}`);
      step('status bar: no GovReport item');
      const badge = await evalInPage<string>(
        page,
        `const row = [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')].find((r) => (r.querySelector('.label-name') || {}).textContent === ${JSON.stringify(NOTES)});
         return row ? (row.getAttribute('aria-label') || '') + ' | ' + row.innerText : '(no row)';`,
      );
      if (/\d\s*$/.test(badge)) throw new Error(`the explorer shows a problem badge for ${NOTES}: ${badge}`);
      const lang = (await page.locator(LANGUAGE_STATUS).innerText({ timeout: 5_000 })).trim();
      step(`explorer: no problem badge on ${NOTES}; editor language ${lang}`);
    },
  },
  {
    n: 6,
    name: 'next year’s report checked against last year’s in the workspace',
    screenshot: 'e2e-6-cross-year',
    async run({ page, step }) {
      step(`open ${NEXT_YEAR}; ${CLEAN} (the same body's 2023 report) is in the workspace, not open`);
      await openFileViaQuickOpen(page, NEXT_YEAR);
      await focusProblems(page);
      const view = await expectProblems(page, NEXT_YEAR, NEXT_YEAR_FINDINGS);
      for (const r of view.rows.filter((x) => x.file === NEXT_YEAR)) step(`  ${describeFinding(r)}`);
      step(`Problems panel: the carry-over and stock findings sit on ${NEXT_YEAR}'s cells and name ${CLEAN}`);
    },
  },
  {
    n: 7,
    name: 'a .docx imported from the explorer: the Markdown draft opens with the findings of the report',
    screenshot: 'e2e-7-import-docx',
    async run({ page, step, workspace }) {
      await setPaneExpanded(page, /^workspace$/i, true);
      step(`right-click ${WORD} in the explorer → Import Annual Report`);
      const menu = await explorerMenu(page, WORD, 'Import Annual Report');
      step(`context menu offered ${JSON.stringify(menu.filter((t) => /Annual|Report|Year/.test(t)))}`);
      await page.locator(SELECTORS.activeTab, { hasText: IMPORTED }).waitFor({ state: 'visible', timeout: 30_000 });
      if (!fs.existsSync(path.join(workspace, IMPORTED))) throw new Error(`${IMPORTED} was not written`);
      const first = (await activeEditorText(page)).split('\n')[0];
      if (!first.startsWith('# 青山区市场监督管理局2024年政府信息公开工作年度报告')) throw new Error(`the draft starts with "${first}"`);
      step(`${IMPORTED} written beside it and opened: "${first}"`);
      await focusProblems(page);
      const view = await expectProblemsSaid(page, IMPORTED, DRAFT_FINDINGS);
      for (const r of view.rows.filter((x) => x.file === IMPORTED)) step(`  ${describeFinding(r)}`);
      step(`Problems panel: the ${DRAFT_FINDINGS.length} findings of ${DRAFT} (same codes and messages), now on the draft's lines`);
      const toast = page.locator(SELECTORS.notification, { hasText: `已导入为 ${IMPORTED}` }).first();
      await toast.waitFor({ state: 'visible', timeout: 10_000 });
      step(`notification: "${(await toast.innerText()).split('\n')[0]}"`);
    },
  },
  {
    n: 8,
    name: 'the preview: the official table 三 with merged headers, the wrong cell marked, a click goes to its source',
    screenshot: 'e2e-8-preview',
    async run({ page, step, workspace }) {
      step(`open ${IMPORTED}; GovReport: Open Preview to the Side`);
      await ensureImported(page, workspace);
      await openFileViaQuickOpen(page, IMPORTED);
      await runCommand(page, 'GovReport: Open Preview to the Side', { timeout: 20_000 });
      await waitForFrameWithText(page, '申请人情况', 30_000);
      const headers = await inPreview<string[]>(page, `return [...document.querySelectorAll('table.applications th')].map((th) => (th.getAttribute('colspan') || '1') + 'x' + (th.getAttribute('rowspan') || '1') + ' ' + th.textContent);`);
      for (const want of ['7x1 申请人情况', '5x1 法人或其他组织', '1x2 自然人', '1x2 总计']) if (!headers.includes(want)) throw new Error(`preview: no header cell ${want}; headers ${JSON.stringify(headers)}`);
      const groups = await inPreview<string[]>(page, `return [...document.querySelectorAll('table.applications td.label[rowspan]')].map((td) => td.getAttribute('rowspan') + ' ' + td.textContent);`);
      if (!groups.includes('22 三、本年度办理结果')) throw new Error(`preview: grouped row labels ${JSON.stringify(groups)}`);
      step(`table 三 headers: ${headers.join(' · ')}; grouped labels: ${groups.join(' · ')}`);
      const marked = async () => inPreview<Array<{ text: string; title: string; offset: string }>>(page, `return [...document.querySelectorAll('td.finding')].map((td) => ({ text: td.textContent, title: td.getAttribute('title') || '', offset: td.getAttribute('data-offset') }));`);
      const cells = await marked();
      const wrong = cells.find((c) => c.text === '20' && c.title.startsWith('sum-applicant-total'));
      if (!wrong) throw new Error(`preview: the wrong total 20 is not marked; marked: ${JSON.stringify(cells)}`);
      step(`marked cells: ${cells.map((c) => `"${c.text}" (${c.title.split('：')[0]})`).join(', ')}`);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'e2e-8-preview-marked.png') });

      const lines = fs.readFileSync(path.join(workspace, IMPORTED), 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量')) + 1;
      const col = lines[line - 1].lastIndexOf('| 20 |') + 3;
      step(`click the marked 20 in the preview → the cursor goes to ${IMPORTED} ${line}:${col}`);
      await (await waitForFrameWithText(page, '申请人情况')).locator('td.finding', { hasText: /^20$/ }).first().click({ timeout: 10_000 });
      const want = `Ln ${line}, Col ${col}`;
      let at = '';
      if (!(await pollUntil(async () => (at = await selectionStatus(page)) === want, 10_000))) throw new Error(`after the click the cursor is at "${at}", expected ${want}`);
      step(`cursor: ${at}`);

      step('type the right figure (17 for 20) in the editor: the preview redraws and the cell is no longer marked');
      // The click left the keyboard in the webview's frame: back to the editor, cursor kept.
      await runCommand(page, 'View: Focus First Editor Group', { timeout: 15_000 });
      if (!(await pollUntil(async () => (at = await selectionStatus(page)) === want, 5_000))) throw new Error(`the cursor moved to "${at}"`);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('17');
      const typed = `Ln ${line}, Col ${col + 2}`;
      if (!(await pollUntil(async () => (at = await selectionStatus(page)) === typed, 5_000))) throw new Error(`after typing the cursor is at "${at}", expected ${typed}`);
      const ok = await pollUntil(async () => {
        const now = await marked();
        const shows17 = await inPreview<boolean>(page, `return [...document.querySelectorAll('table.applications td.value')].some((td) => td.textContent === '17');`);
        return shows17 && !now.some((c) => c.text === '20' || c.text === '17');
      }, DIAGNOSTICS_TIMEOUT_MS, 300);
      if (!ok) throw new Error(`the preview still marks the fixed cell: ${JSON.stringify(await marked())}`);
      const still = await inPreview<string[]>(page, `return [...document.querySelectorAll('td.finding')].map((td) => td.textContent + ' ' + (td.getAttribute('title') || '').split('：')[0]);`);
      step(`after typing: 17 shown unmarked; still marked ${JSON.stringify(still)}`);
      await runCommand(page, 'View: Revert and Close Editor', { timeout: 15_000 }).catch(() => undefined);
    },
  },
  {
    n: 9,
    name: 'Export as Word: the save dialog, then a .docx the checker reads back with the same findings',
    screenshot: 'e2e-9-export-word',
    async run({ page, step, workspace }) {
      step(`open ${IMPORTED}; GovReport: Export as Word`);
      await ensureImported(page, workspace);
      await openFileViaQuickOpen(page, IMPORTED);
      await runCommand(page, 'GovReport: Export as Word', { timeout: 20_000, keepOpen: true });
      const box = page.locator(SELECTORS.quickInputBox);
      await box.waitFor({ state: 'visible', timeout: 15_000 });
      // The simple dialog fills in its folder first and the offered name a moment later: wait
      // for the name, then type ours over it.
      let offered = '';
      if (!(await pollUntil(async () => (offered = await box.inputValue()).endsWith('.docx'), 10_000))) throw new Error(`the save dialog offers "${offered}", no .docx name`);
      if (path.basename(offered) === WORD) throw new Error(`the save dialog offers to overwrite the Word file the draft came from: ${offered}`);
      const target = path.join(workspace, EXPORTED);
      await box.fill(target);
      if (!(await pollUntil(async () => (await box.inputValue()) === target, 5_000))) throw new Error(`the save dialog shows "${await box.inputValue()}" after typing ${target}`);
      await page.keyboard.press('Enter');
      step(`save dialog offered "${offered}"; saved as ${target}`);
      if (!(await pollUntil(async () => fs.existsSync(target) && fs.statSync(target).size > 0, 20_000))) throw new Error(`${target} was not written`);
      const toast = page.locator(SELECTORS.notification, { hasText: `已导出 ${EXPORTED}` }).first();
      await toast.waitFor({ state: 'visible', timeout: 10_000 });
      step(`notification: "${(await toast.innerText()).split('\n')[0]}"`);
      const said = (file: string) => {
        const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
        return (JSON.parse(r.stdout)[0].diagnostics as Array<{ code: string; message: string }>).map((d) => `${d.code} ${d.message}`).sort();
      };
      const fromWord = said(target);
      const fromDraft = said(path.join(workspace, IMPORTED));
      if (JSON.stringify(fromWord) !== JSON.stringify(fromDraft)) throw new Error(`the exported .docx reads back differently:\n  ${fromWord.join('\n  ')}\nvs the draft:\n  ${fromDraft.join('\n  ')}`);
      step(`govreport ${EXPORTED}: the draft's ${fromDraft.length} findings, the same codes and messages`);
      const zip = fs.readFileSync(target);
      if (zip.readUInt32LE(0) !== 0x04034b50) throw new Error('the export is not a zip (.docx)');
    },
  },
  {
    n: 10,
    name: "this year's draft from last year's report: the year moved on, 上年结转 from last year's 结转下年度",
    screenshot: 'e2e-10-next-year',
    async run({ page, step, workspace }) {
      await setPaneExpanded(page, /^workspace$/i, true);
      step(`right-click ${CLEAN} in the explorer → Start This Year's Report from Last Year's`);
      await explorerMenu(page, CLEAN, "Start This Year's Report from Last Year's");
      const name = '城关镇人民政府2024年政府信息公开工作年度报告.md';
      await page.locator(SELECTORS.activeTab, { hasText: name }).waitFor({ state: 'visible', timeout: 30_000 });
      const file = path.join(workspace, name);
      if (!fs.existsSync(file)) throw new Error(`${name} was not written`);
      const lang = (await page.locator(LANGUAGE_STATUS).innerText({ timeout: 5_000 })).trim();
      if (lang !== '政府信息公开年度报告') throw new Error(`the draft opened as "${lang}"`);
      step(`${name} written and opened as ${lang}`);
      const first = (await activeEditorText(page)).split('\n')[0];
      if (first !== '# 城关镇人民政府2024年政府信息公开工作年度报告') throw new Error(`the draft starts with "${first}"`);
      const text = fs.readFileSync(file, 'utf8');
      for (const want of ['统计期限为2024年1月1日至2024年12月31日', '| 二、上年结转政府信息公开申请数量 |  | 1 | 1 | 0 | 0 | 0 | 0 | 2 |', '| 一、本年新收政府信息公开申请数量 |  |  |  |  |  |  |  |  |']) {
        if (!text.includes(want)) throw new Error(`the draft lacks "${want}"`);
      }
      step('the draft: title and statistics period 2024; 上年结转 1 1 0 0 0 0 2 (2023’s 结转下年度); 本年新收 blank');
      await focusProblems(page);
      const view = await readProblemsUntil(page, (v) => v.rows.some((r) => r.file === name));
      const codes = [...new Set(view.rows.filter((r) => r.file === name).map((r) => r.code))].sort();
      if (codes.includes('carryover-mismatch')) throw new Error('the carried-over row disagrees with last year’s');
      step(`Problems panel for the draft (figures still to fill in): ${codes.join(', ')}; no carryover-mismatch against ${CLEAN}`);
    },
  },
  {
    n: 11,
    name: 'Check All Reports: the 报告体检 view lists the reports with their counts; a checked file opened and closed keeps its findings',
    screenshot: 'e2e-11-report-check',
    async run({ page, step }) {
      step('F1 → GovReport: Check All Reports in the Workspace');
      await runCommand(page, 'GovReport: Check All Reports in the Workspace', { timeout: 20_000 });
      const toast = page.locator(SELECTORS.notification, { hasText: /已检查 \d+ 份报告/ }).first();
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
      step(`notification: "${(await toast.innerText()).split('\n')[0]}"`);
      await focusProblems(page);
      await expectProblems(page, DRAFT, DRAFT_FINDINGS);
      step(`Problems panel: ${DRAFT}'s ${DRAFT_FINDINGS.length} findings, the file not open`);

      await focusReportCheck(page);
      const rows = await readReportRows(page, (r) => r.some((x) => x.name === DRAFT) && r.some((x) => x.name === CLEAN));
      for (const r of rows) step(`  报告体检: ${r.name} — ${r.description} (${r.icon})`);
      const draft = rows.find((r) => r.name === DRAFT)!;
      const clean = rows.find((r) => r.name === CLEAN)!;
      if (draft.description !== '5 个错误，1 个警告' || draft.icon !== 'codicon-error') throw new Error(`the draft's row: ${JSON.stringify(draft)}`);
      if (clean.description !== '✓ 未发现问题' || clean.icon !== 'codicon-pass') throw new Error(`the clean report's row: ${JSON.stringify(clean)}`);
      const nextYear = rows.find((r) => r.name === NEXT_YEAR);
      if (!nextYear || nextYear.description !== '4 个警告' || nextYear.icon !== 'codicon-warning') throw new Error(`${NEXT_YEAR}'s row: ${JSON.stringify(nextYear)}`);
      if (rows.some((r) => r.name === NOTES)) throw new Error(`${NOTES} is listed as a report`);

      step(`click ${DRAFT} in the view`);
      await reportRow(page, DRAFT).click({ timeout: 10_000 });
      await page.locator(SELECTORS.activeTab, { hasText: DRAFT }).waitFor({ state: 'visible', timeout: 15_000 });
      await expectGovreportStatus(page, '$(error) 5 $(warning) 1', errorsWarnings(5, 1));
      step(`${DRAFT} opened from the view; status bar 5 errors 1 warning`);
      await runCommand(page, 'View: Close Editor', { timeout: 15_000 });
      await page.locator(SELECTORS.activeTab, { hasText: DRAFT }).waitFor({ state: 'hidden', timeout: 10_000 });
      // Closing used to publish an empty set: give the close time to reach the server and back.
      await sleep(2_000);
      await expectProblems(page, DRAFT, DRAFT_FINDINGS, 5_000);
      step(`closed: the Problems panel still lists ${DRAFT}'s ${DRAFT_FINDINGS.length} findings`);
      const after = await readReportRows(page, (r) => r.some((x) => x.name === DRAFT));
      if (after.find((r) => r.name === DRAFT)!.description !== '5 个错误，1 个警告') throw new Error(`after the close the view shows ${JSON.stringify(after)}`);
    },
  },
  {
    n: 12,
    name: 'the walkthrough opens; its first step opens the example, which shows its findings',
    screenshot: 'e2e-12-walkthrough',
    async run({ page, step, shot }) {
      step('F1 → GovReport: Get Started');
      await runCommand(page, 'GovReport: Get Started', { timeout: 20_000 });
      const walkthrough = page.locator('.gettingStartedContainer');
      await walkthrough.filter({ hasText: 'Get Started with GovReport' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      const titles = await page.locator('.gettingStartedContainer .getting-started-step .step-title').allInnerTexts();
      const want = ['Open an example report', 'See a wrong total', 'Fix it', 'Insert a table', 'Check every report'];
      if (JSON.stringify(titles.map((t) => t.trim())) !== JSON.stringify(want)) throw new Error(`the walkthrough's steps: ${JSON.stringify(titles)}`);
      step(`walkthrough "Get Started with GovReport": ${titles.join(' · ')}`);
      await shot('e2e-12-walkthrough-page');
      const button = page.locator('.gettingStartedContainer .getting-started-step.expanded .button-container .monaco-button', { hasText: 'Open the Example' }).first();
      await button.click({ timeout: 10_000 });
      await page.locator(SELECTORS.activeTab, { hasText: 'Untitled-1' }).waitFor({ state: 'visible', timeout: 15_000 });
      const first = (await activeEditorText(page)).split('\n')[0];
      if (first !== '# 青山区市场监督管理局2024年政府信息公开工作年度报告') throw new Error(`the example starts with "${first}"`);
      const lang = (await page.locator(LANGUAGE_STATUS).innerText({ timeout: 5_000 })).trim();
      if (lang !== '政府信息公开年度报告') throw new Error(`the example opened as "${lang}"`);
      step(`"Open the Example": an untitled ${lang} document, "${first}"`);
      await focusReportCheck(page);
      const status = await expectGovreportStatus(page, '$(error) 5 $(warning) 1', errorsWarnings(5, 1));
      await expectRenderedLine(page, '一、本年新收政府信息公开申请数量', (l) => /\| 20 \|$/.test(l.trimEnd()), 'show the wrong total 20', 10_000).catch(() => undefined);
      const rows = await readReportRows(page, (r) => r.some((x) => x.name === 'Untitled-1'));
      const row = rows.find((r) => r.name === 'Untitled-1')!;
      if (row.description !== '5 个错误，1 个警告') throw new Error(`the example's row in 报告体检: ${JSON.stringify(row)}`);
      step(`status bar "${status!.text}" (${status!.icons.join(', ')}); 报告体检: Untitled-1 — ${row.description}`);
    },
  },
  {
    n: 13,
    name: 'a clean report (a Markdown file): the status bar item shows ✓, tooltip 未发现问题',
    screenshot: 'e2e-13-clean-status',
    async run({ page, step }) {
      step(`open ${CLEAN} (Markdown, no findings)`);
      await openFileViaQuickOpen(page, CLEAN);
      const lang = (await page.locator(LANGUAGE_STATUS).innerText({ timeout: 5_000 })).trim();
      const status = await expectGovreportStatus(page, '$(check) 政府信息公开年报', (s) => !!s && s.icons.join(' ') === 'codicon-check' && s.text === '政府信息公开年报');
      if (!status!.aria.includes('未发现问题')) throw new Error(`status bar tooltip: ${status!.aria}`);
      step(`${lang} document; status bar: "${status!.text}" with ${status!.icons.join(', ')}, aria "${status!.aria}"`);
      step(`open ${NOTES}: no item; back to ${CLEAN}: ✓ again`);
      await openFileViaQuickOpen(page, NOTES);
      if (!(await pollUntil(async () => (await govreportStatus(page)) === undefined, 10_000))) throw new Error(`the item stays on ${NOTES}`);
      await openFileViaQuickOpen(page, CLEAN);
      await expectGovreportStatus(page, '✓', (s) => !!s && s.icons.join(' ') === 'codicon-check');
    },
  },
  {
    n: 14,
    name: 'a finding accepted with a govreport-disable comment (the quick fix)',
    screenshot: 'e2e-14-disable-comment',
    async run({ page, step }) {
      step(`open ${DRAFT}; Ctrl+G 16:21 (表二「行政规范性文件」现行有效件数, active-disclosure-range)`);
      await openFileViaQuickOpen(page, DRAFT);
      await focusProblems(page);
      await expectProblems(page, DRAFT, DRAFT_FINDINGS);
      await gotoLineCol(page, 16, 21);
      await page.keyboard.press('Control+.');
      const title = '接受此问题：在本表前后加注释停用 active-disclosure-range';
      const menu = await chooseCodeAction(page, title);
      step(`menu offered ${JSON.stringify(menu)}; applied ${title}`);
      await expectRenderedLine(page, '<!-- govreport-disable active-disclosure-range -->', (l) => l.trim() === '<!-- govreport-disable active-disclosure-range -->', 'be the disable comment');
      step('the editor: <!-- govreport-disable active-disclosure-range --> above table 二');
      // The finding is gone; the others stay (two lines lower below the comments).
      const rest = DRAFT_FINDINGS.filter((f) => f.code !== 'active-disclosure-range');
      await readProblemsUntil(page, (v) => {
        const got = v.rows.filter((r) => r.file === DRAFT);
        return got.length === rest.length && !got.some((r) => r.code === 'active-disclosure-range');
      });
      step(`Problems panel: active-disclosure-range gone, the other ${rest.length} findings stay`);
      await expectGovreportStatus(page, '$(error) 5 $(warning) 0', errorsWarnings(5, 0));
      // Its pair after the table: Ctrl+F to it.
      await page.keyboard.press('Control+F');
      await page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type('govreport-enable');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      const enable = await expectRenderedLine(page, 'govreport-enable', (l) => l.trim() === '<!-- govreport-enable active-disclosure-range -->', 'be the enable comment');
      const at = await selectionStatus(page);
      step(`and ${enable.trim()} after it (${at}); status bar 5 errors, 0 warnings`);
    },
  },
  {
    n: 15,
    name: 'a report-named .md file opens as a GovReport document and still has a Markdown preview',
    screenshot: 'e2e-15-markdown-preview',
    async run({ page, step, workspace }) {
      const name = REPORT_NAMED;
      step(`open ${name} (${CLEAN} given to another body, under a report's name)`);
      await openFileViaQuickOpen(page, name);
      const lang = (await page.locator(LANGUAGE_STATUS).innerText({ timeout: 5_000 })).trim();
      if (lang !== '政府信息公开年度报告') throw new Error(`it opened as "${lang}"`);
      step(`language: ${lang}; F1 → GovReport: Open Markdown Preview to the Side`);
      await runCommand(page, 'GovReport: Open Markdown Preview to the Side', { timeout: 20_000 });
      let rendered = { h1: '', tables: 0, h2: 0 };
      const done = (r: typeof rendered) => r.h1 === '河西镇人民政府2023年政府信息公开工作年度报告' && r.tables >= 3 && r.h2 >= 6;
      // The preview renders in steps, and its frame is replaced as it does: look it up on every
      // try, among the webviews' frames (the workbench's own page shows the source text too).
      await pollUntil(async () => {
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          const r = await frameEval<typeof rendered>(
            frame,
            `return { h1: (document.querySelector('h1') || {}).textContent || '', tables: document.querySelectorAll('table').length, h2: document.querySelectorAll('h2').length };`,
            3_000,
          ).catch(() => undefined);
          if (r && (r.h1 || r.tables)) rendered = r;
          if (r && done(r)) return true;
        }
        return false;
      }, 30_000, 500);
      if (!done(rendered)) {
        const frames = await Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map(async (f) => `${f.url().slice(0, 100)}: ${String(await f.evaluate('document.body ? document.body.innerText.slice(0, 200) : ""').catch(() => ''))}`));
        throw new Error(`the Markdown preview shows ${JSON.stringify(rendered)}\nframes:\n${frames.join('\n')}`);
      }
      step(`Markdown preview: <h1> ${rendered.h1}, ${rendered.h2} <h2> sections, ${rendered.tables} tables`);
    },
  },
  {
    n: 16,
    name: 'a settings change (govreport.locale) applies without restarting the server',
    screenshot: 'e2e-16-settings',
    async run({ page, step, userDataDir }) {
      step(`open ${DRAFT}; its findings in Chinese`);
      await openFileViaQuickOpen(page, DRAFT);
      await focusProblems(page);
      await expectProblems(page, DRAFT, DRAFT_FINDINGS);
      const english = '“New requests received this year”';
      step('Settings editor: GovReport › Locale = en');
      await chooseSetting(page, 'govreport.locale', 'en');
      await openFileViaQuickOpen(page, DRAFT);
      let flashedEmpty = false;
      try {
        const view = await readProblemsUntil(page, (v) => {
          const rows = v.rows.filter((r) => r.file === DRAFT);
          if (rows.length === 0) flashedEmpty = true;
          return rows.length === DRAFT_FINDINGS.length && rows.some((r) => r.message.includes(english));
        });
        for (const r of view.rows.filter((x) => x.file === DRAFT).slice(0, 3)) step(`  ${describeFinding(r)}`);
        if (flashedEmpty) throw new Error('the Problems panel emptied while the setting changed');
        const status = await expectGovreportStatus(page, 'an English tooltip', (s) => !!s && /5 error\(s\), 1 warning\(s\)/.test(s.aria));
        step(`Problems panel: the ${DRAFT_FINDINGS.length} findings in English, never empty in between; status tooltip "${status!.aria.split('\n')[0]}"`);
      } finally {
        await chooseSetting(page, 'govreport.locale', 'zh-CN').catch(() => writeUserSettings(userDataDir, USER_SETTINGS));
      }
      await expectProblems(page, DRAFT, DRAFT_FINDINGS);
      step('Settings editor: Locale back to zh-CN: the findings in Chinese again');
      const outputs = findFiles(path.join(userDataDir, 'logs'), (f) => f.endsWith('政府信息公开年报.log'));
      if (!outputs.length) throw new Error(`no log of the extension's output channel under ${path.join(userDataDir, 'logs')}`);
      const log = outputs.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      if (/Server process exited|Stopping server|Connection to server got closed/i.test(log)) throw new Error(`the output channel shows a restart:\n${log.slice(-2000)}`);
      step(`output channel (${outputs.map((f) => path.basename(f)).join(', ')}): no "Server process exited", no restart`);
    },
  },
  {
    n: 17,
    name: 'typing in a GovReport document: suggestions as one types, none over a figure',
    screenshot: 'e2e-17-typing',
    async run({ page, step, workspace }) {
      // (editor.unicodeHighlight.ambiguousCharacters: this VS Code boxes no （）〔〕 even in a
      // Markdown file, so its being off for GovReport documents cannot be seen here; the manifest
      // test holds the contributed default.)
      step(`open ${REPORT_NAMED} (a GovReport document)`);
      await openFileViaQuickOpen(page, REPORT_NAMED);
      const lines = fs.readFileSync(path.join(workspace, REPORT_NAMED), 'utf8').split('\n');
      const row = lines.findIndex((l) => l.startsWith('| 一、本年新收政府信息公开申请数量')) + 1;
      const col = lines[row - 1].indexOf('| 12 |') + 5; // after the 12 of 自然人
      // The first digit of a figure in an emptied cell: "1" would match row labels such as
      // 1.属于国家秘密 and the document's own words (12, 16) if anything were offered there.
      step(`Ctrl+G ${row}:${col} (表三「一、本年新收」自然人, after 12); Backspace twice; type 1`);
      await gotoLineCol(page, row, col);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('1');
      await expectRenderedLine(page, '一、本年新收政府信息公开申请数量', (l) => l.includes('|  | 1 | 3 |'), 'hold 1 in 自然人');
      const suggest = page.locator(`${SUGGEST_WIDGET} .monaco-list-row`).first();
      await sleep(1_500);
      if (await suggest.isVisible()) throw new Error(`a completion list popped up over the figure: ${await suggest.getAttribute('aria-label')}`);
      step('no completion list over the figure (1.5 s)');
      await page.keyboard.press('Backspace');
      step('Ctrl+G 2:1 (a blank line); type 表三: the list opens by itself');
      await gotoLineCol(page, 2, 1);
      await page.keyboard.type('表三');
      await suggest.waitFor({ state: 'visible', timeout: 10_000 });
      const first = await suggest.getAttribute('aria-label');
      step(`completion list without Ctrl+Space; first item: ${first?.split(',')[0]}`);
      await page.keyboard.press('Escape');
    },
  },
];

/** Sets a setting of type enum in the Settings editor (UI), as a user does, and closes the editor. */
async function chooseSetting(page: Page, key: string, value: string): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings', { timeout: 20_000 });
  const search = page.locator('.settings-editor .settings-header .suggest-input-container');
  await search.waitFor({ state: 'visible', timeout: 15_000 });
  await search.click({ timeout: 5_000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(key);
  // The search leaves the one setting; its row is an enum setting with a <select>.
  const select = page.locator('.settings-editor .settings-tree-container .setting-item-enum select').first();
  await select.waitFor({ state: 'visible', timeout: 15_000 });
  await select.selectOption(value, { timeout: 5_000 });
  if (!(await pollUntil(async () => (await select.inputValue()) === value, 5_000))) throw new Error(`the Settings editor shows ${key} = ${await select.inputValue()}`);
  await runCommand(page, 'View: Close Editor', { timeout: 15_000 });
}

/**
 * Focuses the 报告体检 view and gives it the side bar (the folder section collapsed): its rows are
 * drawn only when they are on screen. Scenarios that need the folder section expand it again.
 */
async function focusReportCheck(page: Page): Promise<void> {
  await runCommand(page, 'Explorer: Focus on Report Check View', { timeout: 15_000 });
  await setPaneExpanded(page, /^workspace$/i, false);
  await setPaneExpanded(page, /^outline$/i, false).catch(() => undefined);
}

/** Files under `dir` (recursively) whose path satisfies `test`. */
function findFiles(dir: string, test: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findFiles(p, test));
    else if (test(p)) out.push(p);
  }
  return out;
}

const REPORT_VIEW_ROWS = '.pane:has(.pane-header[aria-label*="Report Check"]) .monaco-list-row';

function reportRow(page: Page, name: string) {
  return page.locator(REPORT_VIEW_ROWS).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
}

interface ReportRow {
  name: string;
  description: string;
  icon: string;
}

/** The rows of the 报告体检 view, once `check` holds (bounded). */
async function readReportRows(page: Page, check: (rows: ReportRow[]) => boolean, timeout = DIAGNOSTICS_TIMEOUT_MS): Promise<ReportRow[]> {
  let rows: ReportRow[] = [];
  const ok = await pollUntil(async () => {
    rows = await evalInPage<ReportRow[]>(
      page,
      `return [...document.querySelectorAll(${JSON.stringify(REPORT_VIEW_ROWS)})].map((row) => {
        const text = (sel) => { const x = row.querySelector(sel); return x ? x.textContent.trim() : ''; };
        const icon = row.querySelector('.custom-view-tree-node-item-icon, .codicon');
        return { name: text('.label-name'), description: text('.label-description'), icon: icon ? ([...icon.classList].find((c) => c.startsWith('codicon-') && c !== 'codicon-') || '') : '' };
      });`,
    );
    return check(rows);
  }, timeout, 250);
  if (!ok) throw new Error(`the 报告体检 view shows: ${JSON.stringify(rows)}`);
  return rows;
}


/**
 * Right-click `file` in the explorer and choose the menu item `label`. The extension's items
 * join the menu once the extension host has read the contributions: a menu opened before that
 * lacks them, so it is closed and opened again (bounded).
 */
async function explorerMenu(page: Page, file: string, label: string): Promise<string[]> {
  const row = explorerRow(page, file);
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  for (let attempt = 1; ; attempt++) {
    await row.click({ button: 'right', timeout: 10_000 });
    const item = page.locator('.context-view .monaco-menu .action-item', { hasText: label }).first();
    try {
      await item.waitFor({ state: 'visible', timeout: 3_000 });
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt >= 5) throw e;
      await sleep(1_000);
      continue;
    }
    const menu = (await page.locator('.context-view .monaco-menu .action-label').allInnerTexts()).filter((t) => t.trim());
    await item.hover({ timeout: 10_000 });
    await item.click({ timeout: 10_000 });
    // A menu still opening can swallow the first click: the hovered item takes Enter too.
    if (!(await pollUntil(async () => !(await item.isVisible()), 2_000))) await page.keyboard.press('Enter');
    return menu;
  }
}

/** The imported draft scenario 7 writes; made here when a later scenario runs alone (GOVREPORT_E2E_ONLY). */
async function ensureImported(page: Page, workspace: string): Promise<void> {
  const file = path.join(workspace, IMPORTED);
  if (fs.existsSync(file)) return;
  const made = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'convert', path.join(workspace, WORD), '-o', file], { encoding: 'utf8', timeout: 60_000 });
  if (made.status !== 0) throw new Error(`making ${IMPORTED}: ${made.stderr}`);
  await runCommand(page, 'File: Refresh Explorer', { timeout: 15_000 }).catch(() => undefined);
}

/** Evaluates `body` in a webview's frame (bounded). */
function frameEval<T>(frame: Frame, body: string, timeout = 10_000): Promise<T> {
  return withTimeout(frame.evaluate(`(() => { ${body} })()`) as Promise<T>, timeout, 'evaluating in the preview');
}

/**
 * Evaluates `body` in the preview as it is now: the preview redraws (a new frame) when the
 * report or its findings change, so the frame is looked up again when the one in hand went.
 */
async function inPreview<T>(page: Page, body: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await waitForFrameWithText(page, '申请人情况', Math.max(1_000, deadline - Date.now()));
    try {
      return await frameEval<T>(frame, body);
    } catch (e) {
      if (!/detached|destroyed|Execution context/.test(String(e)) || Date.now() > deadline) throw e;
    }
  }
}

/** Waits (bounded) until the Problems panel lists, for `file`, exactly the findings (severity, code, message) of `expected`, wherever they stand. */
async function expectProblemsSaid(page: Page, file: string, expected: Finding[], timeout = DIAGNOSTICS_TIMEOUT_MS): Promise<ProblemsView> {
  const said = (f: { severity: string; code: string; message: string }) => `${f.severity} ${f.code} ${f.message}`;
  const want = expected.map(said).sort();
  let last: ProblemsView = { files: {}, rows: [] };
  const ok = await pollUntil(async () => {
    last = await readProblems(page);
    const got = last.rows.filter((r) => r.file === file).map(said).sort();
    return got.length === want.length && got.every((g, i) => g === want[i]);
  }, timeout, 250);
  if (!ok) {
    const got = last.rows.filter((r) => r.file === file).map(said).sort();
    throw new Error(`Problems panel for ${file}: expected\n  ${want.join('\n  ')}\ngot\n  ${got.join('\n  ') || '-'}`);
  }
  return last;
}

/** Polls the Problems panel until `check` holds (bounded); returns the last view. */
async function readProblemsUntil(page: Page, check: (v: ProblemsView) => boolean, timeout = DIAGNOSTICS_TIMEOUT_MS): Promise<ProblemsView> {
  let last: ProblemsView = { files: {}, rows: [] };
  if (!(await pollUntil(async () => check((last = await readProblems(page))), timeout, 250))) {
    throw new Error(`Problems panel did not reach the expected state in ${timeout} ms; it shows:\n  ${last.rows.map((r) => `${r.file}: ${describeFinding(r)}`).join('\n  ')}`);
  }
  return last;
}

// ---------------------------------------------------------------------------------------------
// Runner

interface Result {
  scenario: Scenario;
  ok: boolean;
  ms: number;
  error?: string;
  screenshots: string[];
}

async function main(): Promise<number> {
  const t0 = Date.now();
  try {
    assertCodeServerInstalled();
    if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} does not exist: run \`npm run package\` first`);
  } catch (e) {
    console.error(`e2e scenarios cannot run: ${(e as Error).message}`);
    return 2;
  }
  const only = (process.env.GOVREPORT_E2E_ONLY ?? '').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
  const selected = scenarios.filter((s) => !only.length || only.includes(s.n));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  for (const f of fs.readdirSync(RESULTS_DIR)) if (/^e2e-.*\.png$/.test(f)) fs.rmSync(path.join(RESULTS_DIR, f));

  const { root, folder } = prepareWorkspace();
  let server: CodeServerHandle | undefined;
  let browser: BrowserHandle | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await browser?.close().catch((e) => console.error(`closing Chromium: ${e}`));
      await server?.stop().catch((e) => console.error(`stopping code-server: ${e}`));
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    })());
  let aborting = false;
  const abort = (why: string, code: number) => {
    if (aborting) return;
    aborting = true;
    console.error(`\nE2E ABORTED: ${why}`);
    const shot = browser ? screenshot(browser.page, 'e2e-aborted', 5_000).catch(() => undefined) : Promise.resolve();
    void withTimeout(shot.then(cleanup), 40_000, 'cleanup').catch(() => undefined).finally(() => process.exit(code));
  };
  const watchdog = setTimeout(() => abort(`overall timeout of ${OVERALL_TIMEOUT_MS / 1000} s exceeded`, 1), OVERALL_TIMEOUT_MS);
  watchdog.unref();
  process.once('SIGINT', () => abort('SIGINT', 130));
  process.once('SIGTERM', () => abort('SIGTERM', 143));

  const results: Result[] = [];
  let setupMs = 0;
  try {
    log(`workspace ${folder}: ${fs.readdirSync(folder).join(', ')}`);
    log(`installing ${path.relative(ROOT, VSIX)} (${fs.statSync(VSIX).size} bytes, built ${fs.statSync(VSIX).mtime.toISOString()})`);
    server = await startCodeServer({
      workspaceFolder: folder,
      extensionsDir: path.join(root, 'extensions'),
      userDataDir: path.join(root, 'user-data'),
      vsixPath: VSIX,
      settings: USER_SETTINGS,
    });
    const installed = fs.readdirSync(path.join(root, 'extensions')).filter((d) => d.startsWith('govreport.'));
    if (!installed.length) throw new Error('the extension is not in the private extensions folder after --install-extension');
    log(`installed: ${installed.join(', ')}`);
    browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
    await openWorkbench(browser.page, server.url, folder, { expectFiles: [DRAFT, CLEAN, NEXT_YEAR, NOTES, WORD] });
    setupMs = Date.now() - t0;

    for (const scenario of selected) {
      if (aborting) break;
      const page = browser.page;
      const started = Date.now();
      const screenshots: string[] = [];
      console.log(`\n── scenario ${scenario.n}: ${scenario.name}`);
      const ctx: Context = {
        page,
        workspace: folder,
        userDataDir: path.join(root, 'user-data'),
        step: (m) => console.log(`   · ${m}`),
        shot: async (name) => {
          screenshots.push(await screenshot(page, name));
        },
      };
      let error: string | undefined;
      try {
        await withTimeout(resetWorkbench(page), 60_000, 'resetting the workbench');
        await withTimeout(scenario.run(ctx), SCENARIO_TIMEOUT_MS, `scenario ${scenario.n}`);
      } catch (e) {
        error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      }
      await sleep(300); // let the last render settle for the screenshot
      await ctx.shot(scenario.screenshot).catch((e) => console.error(`   screenshot failed: ${e}`));
      const ms = Date.now() - started;
      results.push({ scenario, ok: !error, ms, error, screenshots });
      if (error) console.log(`FAIL  ${scenario.n}. ${scenario.name} (${(ms / 1000).toFixed(1)} s)\n${error.replace(/^/gm, '      ')}`);
      else console.log(`PASS  ${scenario.n}. ${scenario.name} (${(ms / 1000).toFixed(1)} s)`);
    }
  } catch (e) {
    console.error(`\nE2E SETUP FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (server) console.error(`code-server output (tail):\n${server.outputTail(40)}`);
    if (browser) await screenshot(browser.page, 'e2e-setup-failure').catch(() => undefined);
    results.push({ scenario: { n: 0, name: 'setup', screenshot: '', run: async () => undefined }, ok: false, ms: Date.now() - t0, screenshots: [] });
  } finally {
    clearTimeout(watchdog);
  }
  if (aborting) return new Promise<number>(() => undefined); // abort() exits
  const failed = results.filter((r) => !r.ok);
  if (failed.length && browser?.pageErrors.length) console.error(`\npage errors (last 15):\n  ${browser.pageErrors.slice(-15).join('\n  ')}`);

  const serverPid = server?.pid;
  const browserPid = browser?.pid;
  await withTimeout(cleanup(), 60_000, 'stopping code-server and Chromium').catch((e) => console.error(String(e)));
  const leftovers = [serverPid, browserPid].flatMap((pid) => (pid ? processGroupMembers(pid) : []));
  if (leftovers.length) {
    console.error(`processes still alive after cleanup: ${leftovers.join(', ')}`);
    return 1;
  }

  console.log('\n══ e2e summary');
  for (const r of results) {
    console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.scenario.n}. ${r.scenario.name}  ${(r.ms / 1000).toFixed(1)} s`);
    for (const s of r.screenshots) console.log(`        ${path.relative(ROOT, s)}`);
  }
  console.log(`setup (install .vsix, code-server, Chromium, workbench) ${(setupMs / 1000).toFixed(1)} s; total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(failed.length ? `E2E FAILED: ${failed.length} of ${results.length} failed` : `E2E PASSED: ${results.length} scenarios`);
  return failed.length || !results.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
