/**
 * Runs the extension-host suite (test/vscode/suite) in a desktop VS Code with
 * @vscode/test-electron.
 *
 *   npm run test:vscode
 *
 * Which VS Code:
 *   VSCODE_EXECUTABLE_PATH=/path/to/code   that binary (no download);
 *   else a copy already downloaded into .vscode-test/ by an earlier run;
 *   else, with GOVREPORT_VSCODE_DOWNLOAD=1, download one (GOVREPORT_VSCODE_VERSION, default
 *   `stable`) after checking within 5 s that the update service answers;
 *   else the suite does NOT run.
 *
 * Exit status: 0 passed · 1 tests failed (or VS Code crashed) · 2 cannot run as configured
 * (missing build, bad VSCODE_EXECUTABLE_PATH, download failed) · 77 SKIPPED: no VS Code
 * available. 77 is the automake convention for "skipped"; it is deliberately not 0, so a skip is
 * never counted as a pass. GOVREPORT_VSCODE_SKIP_OK=1 makes a skip exit 0 (the message stays).
 *
 * On Linux without a display, run it under `xvfb-run -a`.
 */
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { assertBuilt, prepareWorkspace, REPO_ROOT, SUITE_ENTRY } from './workspace';

export const EXIT_FAILED = 1;
export const EXIT_CANNOT_RUN = 2;
export const EXIT_SKIPPED = 77;

const UPDATE_SERVICE = 'https://update.code.visualstudio.com/api/releases/stable';
const CACHE = path.join(REPO_ROOT, '.vscode-test');

function banner(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const rule = '!'.repeat(Math.min(width, 100));
  console.error(['', rule, ...lines.map((l) => `!! ${l}`), rule, ''].join('\n'));
}

/** Resolves true when the update service answers within `timeoutMs`. */
function reachable(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 0) > 0 && (res.statusCode ?? 0) < 500);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
  });
}

/** A VS Code that an earlier run downloaded into .vscode-test (Linux layout: vscode-linux-x64-<v>/code). */
function cachedVsCode(): string | undefined {
  if (!fs.existsSync(CACHE)) return undefined;
  const candidates = fs
    .readdirSync(CACHE)
    .filter((d) => d.startsWith('vscode-'))
    .map((d) => path.join(CACHE, d, process.platform === 'darwin' ? 'Visual Studio Code.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'Code.exe' : 'code'))
    .filter((f) => fs.existsSync(f))
    .sort();
  return candidates.pop();
}

type Resolution = { executable: string; how: string } | { skip: string } | { error: string };

async function resolveVsCode(): Promise<Resolution> {
  const explicit = process.env.VSCODE_EXECUTABLE_PATH;
  if (explicit) {
    return fs.existsSync(explicit)
      ? { executable: explicit, how: 'VSCODE_EXECUTABLE_PATH' }
      : { error: `VSCODE_EXECUTABLE_PATH=${explicit} does not exist` };
  }
  const cached = cachedVsCode();
  if (cached) return { executable: cached, how: `cached download in ${path.relative(REPO_ROOT, CACHE)}` };
  if (process.env.GOVREPORT_VSCODE_DOWNLOAD !== '1') {
    return {
      skip:
        'no VS Code executable: VSCODE_EXECUTABLE_PATH is not set, nothing is cached in .vscode-test/, ' +
        'and downloading is off (set GOVREPORT_VSCODE_DOWNLOAD=1 to allow it)',
    };
  }
  if (!(await reachable(UPDATE_SERVICE, 5_000))) {
    return { skip: `GOVREPORT_VSCODE_DOWNLOAD=1, but ${new URL(UPDATE_SERVICE).host} did not answer within 5 s (no network access to Microsoft's update service)` };
  }
  const version = process.env.GOVREPORT_VSCODE_VERSION || 'stable';
  try {
    // `timeout` is an idle timeout: a stalled download fails instead of hanging.
    const executable = await downloadAndUnzipVSCode({ version, cachePath: CACHE, timeout: 30_000 });
    return { executable, how: `downloaded VS Code ${version}` };
  } catch (e) {
    return { error: `downloading VS Code ${version} failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function main(): Promise<number> {
  try {
    assertBuilt();
  } catch (e) {
    console.error((e as Error).message);
    return EXIT_CANNOT_RUN;
  }
  const resolution = await resolveVsCode();
  if ('skip' in resolution) {
    const okToSkip = process.env.GOVREPORT_VSCODE_SKIP_OK === '1';
    banner([
      'test:vscode SKIPPED — the extension-host suite did NOT run. This is not a pass.',
      `Why: ${resolution.skip}.`,
      'Run it with VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:vscode,',
      'or where code-server is installed: npm run test:vscode:code-server (same suite).',
      `Exit status ${okToSkip ? '0 (GOVREPORT_VSCODE_SKIP_OK=1)' : `${EXIT_SKIPPED} (skipped; set GOVREPORT_VSCODE_SKIP_OK=1 to exit 0)`}.`,
    ]);
    return okToSkip ? 0 : EXIT_SKIPPED;
  }
  if ('error' in resolution) {
    banner([`test:vscode cannot run: ${resolution.error}.`, 'The extension-host suite did NOT run.']);
    return EXIT_CANNOT_RUN;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('test:vscode: no DISPLAY; if VS Code fails to start, run under `xvfb-run -a npm run test:vscode`.');
  }

  console.log(`test:vscode: VS Code from ${resolution.how}: ${resolution.executable}`);
  const workspace = prepareWorkspace();
  const started = Date.now();
  try {
    await runTests({
      vscodeExecutablePath: resolution.executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_ENTRY,
      extensionTestsEnv: { GOVREPORT_VSCODE_EXTENSION_ROOT: REPO_ROOT },
      // test-electron adds --disable-workspace-trust, --skip-welcome, --disable-gpu, a private
      // --user-data-dir and --extensions-dir under .vscode-test/.
      launchArgs: [workspace.folder, '--disable-extensions' /* others; built-ins such as markdown stay */],
    });
    console.log(`test:vscode: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    console.error(`test:vscode: FAILED: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_FAILED;
  } finally {
    workspace.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(EXIT_FAILED);
  },
);
