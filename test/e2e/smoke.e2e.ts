/**
 * Smoke test for the e2e infrastructure (a plain Node script, not a mocha test):
 * starts code-server on a temp folder holding hello.md, opens the workbench in headless Chromium,
 * opens hello.md via Quick Open, checks the editor shows its text, saves
 * test-results/smoke.png and stops everything. Exits non-zero with a clear message on failure.
 *
 *   bash test/e2e/install.sh
 *   npx tsc -p tsconfig.json && node out/test/e2e/smoke.e2e.js
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  activeEditorText,
  BrowserHandle,
  CodeServerHandle,
  launchBrowser,
  log,
  makeTempDir,
  openFileViaQuickOpen,
  openWorkbench,
  processGroupMembers,
  screenshot,
  startCodeServer,
} from './codeServer';

const OVERALL_TIMEOUT_MS = 180_000;
const HELLO_TEXT = 'Hello from the govreport e2e smoke test';

async function main(): Promise<void> {
  const t0 = Date.now();
  const root = makeTempDir('govreport-e2e-smoke-');
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'hello.md'), `# Hello\n\n${HELLO_TEXT}.\n`);

  let server: CodeServerHandle | undefined;
  let browser: BrowserHandle | undefined;
  let aborted = false;
  const cleanup = async () => {
    await browser?.close().catch((err) => console.error(`closing Chromium: ${err}`));
    await server?.stop().catch((err) => console.error(`stopping code-server: ${err}`));
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
  const abort = (message: string, code: number) => {
    if (aborted) return;
    aborted = true;
    console.error(message);
    void cleanup().finally(() => process.exit(code));
  };

  const watchdog = setTimeout(
    () => abort(`SMOKE FAILED: overall timeout of ${OVERALL_TIMEOUT_MS} ms exceeded`, 1),
    OVERALL_TIMEOUT_MS,
  );
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => abort(`SMOKE ABORTED by ${signal}`, 130));
  }

  try {
    server = await startCodeServer({
      workspaceFolder: workspace,
      extensionsDir: path.join(root, 'extensions'),
      userDataDir: path.join(root, 'user-data'),
    });
    const tServer = Date.now();

    browser = await launchBrowser();
    const tBrowser = Date.now();
    const page = browser.page;

    const workbenchMs = await openWorkbench(page, server.url, workspace, { expectFiles: ['hello.md'] });

    const tOpen = Date.now();
    await openFileViaQuickOpen(page, 'hello.md');
    const text = await activeEditorText(page);
    if (!text.includes(HELLO_TEXT)) {
      throw new Error(`editor does not show hello.md's text; it shows:\n${text}`);
    }
    log(`hello.md open in the editor (${Date.now() - tOpen} ms)`);
    await screenshot(page, 'smoke');

    await cleanup();
    const leftovers = [...processGroupMembers(server.pid), ...processGroupMembers(browser.pid)];
    if (leftovers.length) throw new Error(`processes still alive after stop/close: ${leftovers.join(', ')}`);
    const total = Date.now() - t0;
    log(
      `timings: code-server ready ${server.readyMs} ms (incl. spawn, total start ${tServer - t0} ms), ` +
        `Chromium launch ${tBrowser - tServer} ms, workbench ${workbenchMs} ms, total ${total} ms`,
    );
  } catch (err) {
    if (aborted) return; // abort() is cleaning up and exits
    console.error(`SMOKE FAILED: ${(err as Error).stack ?? err}`);
    if (browser) {
      await screenshot(browser.page, 'smoke-failure').catch(() => undefined);
      if (browser.pageErrors.length) console.error(`page errors:\n  ${browser.pageErrors.slice(-20).join('\n  ')}`);
    }
    if (server) console.error(`code-server output (tail):\n${server.outputTail(40)}`);
    await cleanup();
    process.exit(1);
  } finally {
    clearTimeout(watchdog);
  }
  if (!aborted) log('SMOKE PASSED');
}

main().catch((err) => {
  console.error(`SMOKE FAILED: ${err}`);
  process.exit(1);
});
