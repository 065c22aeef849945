/**
 * End-to-end helpers: run a real VS Code workbench (code-server 4.100.3 = VS Code 1.100.3) on
 * loopback and drive it with Debian's Chromium through playwright-core.
 *
 * Prerequisite: `bash test/e2e/install.sh` (installs code-server into
 * ${GOVREPORT_E2E_CACHE:-~/.cache/govreport-e2e}/code-server and the Debian packages).
 *
 * Every wait here has an explicit bound, every process started here is stopped by its process id
 * (code-server: its whole process group), and anything still alive when the Node process exits is
 * SIGKILLed by an exit hook.
 *
 * Environment overrides:
 *   GOVREPORT_E2E_CACHE     cache root used by install.sh (default ~/.cache/govreport-e2e)
 *   GOVREPORT_E2E_NODE      Node 20 executable for code-server (default: the running node)
 *   GOVREPORT_E2E_CHROMIUM  Chromium executable (default /usr/bin/chromium)
 *   GOVREPORT_E2E_HEADED=1  show the browser (needs a display)
 */
import * as cp from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserServer, Frame, Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';

// ---------------------------------------------------------------------------------------------
// Small utilities

export function log(message: string): void {
  const t = new Date().toISOString().slice(11, 23);
  process.stdout.write(`[e2e ${t}] ${message}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves/rejects like `promise`, or rejects with `what timed out after Nms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Polls `check` every `intervalMs` until it returns true; false if `timeoutMs` elapses first. */
export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}

/** A fresh directory under the OS temp dir. */
export function makeTempDir(prefix = 'govreport-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The repository root: the nearest ancestor of this file holding the project's package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'govreport') return dir;
      } catch {
        // keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`could not find the govreport package.json above ${__dirname}`);
    dir = parent;
  }
}

export function cacheRoot(): string {
  return process.env.GOVREPORT_E2E_CACHE || path.join(os.homedir(), '.cache', 'govreport-e2e');
}

export function codeServerEntry(): string {
  return path.join(cacheRoot(), 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Throws a helpful error if install.sh has not completed. */
export function assertCodeServerInstalled(): void {
  const marker = path.join(cacheRoot(), 'code-server', '.govreport-e2e-installed');
  if (!fs.existsSync(marker) || !fs.existsSync(codeServerEntry())) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${path.dirname(marker)}; ` +
        `run: bash test/e2e/install.sh`,
    );
  }
}

function nodeForCodeServer(): string {
  const node = process.env.GOVREPORT_E2E_NODE || process.execPath;
  if (!process.env.GOVREPORT_E2E_NODE && process.versions.node.split('.')[0] !== '20') {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} needs Node 20 but this is Node ${process.versions.node}; ` +
        `set GOVREPORT_E2E_NODE to a Node 20 executable`,
    );
  }
  return node;
}

/** A free TCP port on 127.0.0.1 (bound for an instant, then released). */
export function freePort(): Promise<number> {
  return withTimeout(
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        const port = typeof addr === 'object' && addr ? addr.port : 0;
        srv.close(() => (port ? resolve(port) : reject(new Error('could not allocate a port'))));
      });
    }),
    5_000,
    'allocating a free port',
  );
}

/** GET url; resolves with the HTTP status, or 0 on connection errors. Bounded by timeoutMs. */
export function httpStatus(url: string, timeoutMs = 2_000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

// ---------------------------------------------------------------------------------------------
// Processes: Linux process groups, checked through /proc

/** Live (non-zombie) processes whose process group is `pgid`. */
export function processGroupMembers(pgid: number): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Format: pid (comm) state ppid pgrp ...; comm may contain spaces/parens.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && fields[0] !== 'X' && Number(fields[2]) === pgid) pids.push(Number(entry));
  }
  return pids;
}

function pidAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: group already gone
  }
}

/** SIGTERM the group, wait up to graceMs, then SIGKILL and wait up to 5 s more. */
export async function killProcessGroup(pgid: number, graceMs = 10_000): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  if (await pollUntil(() => processGroupMembers(pgid).length === 0, graceMs)) return;
  signalGroup(pgid, 'SIGKILL');
  if (!(await pollUntil(() => processGroupMembers(pgid).length === 0, 5_000))) {
    throw new Error(`process group ${pgid} still alive after SIGKILL: ${processGroupMembers(pgid).join(', ')}`);
  }
}

// Last-resort cleanup if a script exits (or crashes) without calling stop()/close().
const liveGroups = new Set<number>(); // code-server process groups
const livePids = new Set<number>(); // Chromium (also a process-group leader)
const liveTempDirs = new Set<string>();
function killEverythingNow(): void {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
  for (const pid of livePids) signalGroup(pid, 'SIGKILL');
  for (const dir of liveTempDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
}
process.on('exit', killEverythingNow);
// A signal ends Node without an 'exit' event. If the script installs no handler of its own for
// the signal, kill what we started and exit 128+n; if it does, it is in charge (and the 'exit'
// hook above still runs when it calls process.exit).
const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
for (const [signal, num] of Object.entries(SIGNAL_NUMBERS) as [NodeJS.Signals, number][]) {
  const handler = () => {
    if (process.listenerCount(signal) > 1) return;
    process.stderr.write(`[e2e] ${signal}: killing code-server/Chromium started by this process\n`);
    killEverythingNow();
    process.exit(128 + num);
  };
  process.on(signal, handler);
}

/** Environment for code-server: no leaking of a surrounding VS Code / code-server session. */
function childEnv(stateDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI etc. would turn code-server into a client of another instance;
    // PORT overrides --bind-addr's port; PASSWORD/HASHED_PASSWORD/GITHUB_TOKEN are not wanted.
    if (/^(VSCODE_|CODE_SERVER_|ELECTRON_)/.test(key)) continue;
    if (['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'NODE_OPTIONS'].includes(key)) continue;
    env[key] = value;
  }
  // code-server writes config.yaml, heartbeat and logs under XDG dirs and @vscode/deviceid writes
  // under XDG_CACHE_HOME: keep all of that inside the private state dir, not in $HOME.
  env.XDG_CONFIG_HOME = path.join(stateDir, 'config');
  env.XDG_DATA_HOME = path.join(stateDir, 'data');
  env.XDG_CACHE_HOME = path.join(stateDir, 'cache');
  return env;
}

// ---------------------------------------------------------------------------------------------
// User settings for the private user-data-dir

/** Settings that keep the workbench quiet and deterministic for tests. */
export const DEFAULT_TEST_SETTINGS: Record<string, unknown> = {
  // No welcome / walkthrough / tips
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.untitled.hint': 'hidden',
  // Telemetry off
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  // Workspace trust off (also --disable-workspace-trust)
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  // Extensions: no recommendations, no update checks
  'extensions.ignoreRecommendations': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  // Chat / Copilot UI (code-server's product.json has no default chat agent; belt and braces)
  'chat.commandCenter.enabled': false,
  'chat.agent.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'github.copilot.enable': { '*': false },
  // Less noise
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.accessibilitySupport': 'off',
  'files.autoSave': 'off',
  'workbench.localHistory.enabled': false,
  'window.dialogStyle': 'custom',
};

/** Writes `<userDataDir>/User/settings.json` (DEFAULT_TEST_SETTINGS overlaid with `extra`). */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): string {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_TEST_SETTINGS, ...extra }, null, 2) + '\n');
  return file;
}

// ---------------------------------------------------------------------------------------------
// code-server

export interface StartCodeServerOptions {
  /** Folder opened in the workbench. */
  workspaceFolder: string;
  /** Private --extensions-dir. */
  extensionsDir: string;
  /** Private --user-data-dir (User/settings.json is written into it before start). */
  userDataDir: string;
  /** Port on 127.0.0.1; default: a free one. */
  port?: number;
  /** A packaged extension to install first with --install-extension. */
  vsixPath?: string;
  /** Extra user settings, overlaid on DEFAULT_TEST_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Bound for --install-extension (default 120 s). */
  installTimeoutMs?: number;
  /** Bound for the HTTP endpoint to answer (default 60 s). */
  readyTimeoutMs?: number;
  /** Echo code-server's output to this process's stdout (default: only on failure). */
  verbose?: boolean;
}

export interface CodeServerHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Process id (= process group id) of code-server. */
  pid: number;
  /** File receiving code-server's stdout+stderr. */
  logFile: string;
  /** The last lines of code-server's output. */
  outputTail(lines?: number): string;
  /** Milliseconds from spawn until the HTTP endpoint answered. */
  readyMs: number;
  /** Kills code-server's process group (SIGTERM, then SIGKILL) and waits until it is gone. */
  stop(): Promise<void>;
}

interface SpawnedGroup {
  child: cp.ChildProcess;
  pid: number;
  exited: Promise<number | null>;
  hasExited(): boolean;
  output: string[];
}

function spawnGroup(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  echo: boolean,
): SpawnedGroup {
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  // detached: the child leads a new process group, so its whole tree can be signalled at once.
  const child = cp.spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`failed to spawn ${command}`);
  const pid = child.pid;
  liveGroups.add(pid);
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    logStream.write(text);
    for (const line of text.split('\n')) if (line.trim()) output.push(line);
    if (output.length > 2000) output.splice(0, output.length - 1000);
    if (echo) process.stdout.write(text.replace(/^(?=.)/gm, '  [code-server] '));
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      done = true;
      output.push(`<exited code=${code} signal=${signal}>`);
      resolve(code);
    });
    child.on('error', (err) => {
      done = true;
      output.push(`<spawn error: ${err.message}>`);
      resolve(null);
    });
  });
  exited.then(() => logStream.end()).catch(() => undefined);
  return { child, pid, exited, hasExited: () => done, output };
}

async function stopGroup(group: SpawnedGroup, graceMs = 10_000): Promise<void> {
  try {
    await killProcessGroup(group.pid, graceMs);
    await withTimeout(group.exited, 5_000, `waiting for pid ${group.pid} to be reaped`);
  } finally {
    if (processGroupMembers(group.pid).length === 0) liveGroups.delete(group.pid);
  }
}

function writeCodeServerConfig(file: string, port: number): void {
  // An explicit --config keeps code-server from creating ~/.config/code-server/config.yaml.
  fs.writeFileSync(file, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
}

/** Runs `code-server --install-extension <vsix>` into the given dirs, bounded by timeoutMs. */
export async function installVsix(opts: {
  vsixPath: string;
  extensionsDir: string;
  userDataDir: string;
  timeoutMs?: number;
}): Promise<void> {
  assertCodeServerInstalled();
  const vsix = path.resolve(opts.vsixPath);
  if (!fs.existsSync(vsix)) throw new Error(`vsix not found: ${vsix}`);
  const stateDir = path.join(opts.userDataDir, '.e2e-state');
  fs.mkdirSync(stateDir, { recursive: true });
  fs.mkdirSync(opts.extensionsDir, { recursive: true });
  const configFile = path.join(stateDir, 'code-server.yaml');
  writeCodeServerConfig(configFile, 0);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const args = [
    codeServerEntry(),
    '--config', configFile,
    '--user-data-dir', opts.userDataDir,
    '--extensions-dir', opts.extensionsDir,
    '--force',
    '--install-extension', vsix,
  ];
  log(`installing ${path.basename(vsix)} into ${opts.extensionsDir}`);
  const group = spawnGroup(nodeForCodeServer(), args, childEnv(stateDir), path.join(stateDir, 'install-extension.log'), false);
  let code: number | null;
  try {
    code = await withTimeout(group.exited, timeoutMs, `code-server --install-extension ${path.basename(vsix)}`);
  } catch (err) {
    await stopGroup(group, 2_000).catch(() => undefined);
    throw new Error(`${(err as Error).message}\n${group.output.slice(-30).join('\n')}`);
  }
  await stopGroup(group, 2_000); // reap any leftovers of the CLI run
  const out = group.output.join('\n');
  if (code !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed (exit ${code}):\n${group.output.slice(-30).join('\n')}`);
  }
}

/**
 * Starts code-server on 127.0.0.1 (optionally installing a .vsix first) and waits until its HTTP
 * endpoint answers. Always call `stop()` (e.g. in `finally`).
 */
export async function startCodeServer(opts: StartCodeServerOptions): Promise<CodeServerHandle> {
  assertCodeServerInstalled();
  const node = nodeForCodeServer();
  for (const dir of [opts.workspaceFolder, opts.extensionsDir, opts.userDataDir]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  writeUserSettings(opts.userDataDir, opts.settings);
  if (opts.vsixPath) {
    await installVsix({
      vsixPath: opts.vsixPath,
      extensionsDir: opts.extensionsDir,
      userDataDir: opts.userDataDir,
      timeoutMs: opts.installTimeoutMs,
    });
  }

  const stateDir = path.join(opts.userDataDir, '.e2e-state');
  fs.mkdirSync(stateDir, { recursive: true });
  const configFile = path.join(stateDir, 'code-server.yaml');
  const logFile = path.join(stateDir, 'code-server.log');
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;

  // A free port can be taken between probing and binding: with an automatic port, retry twice.
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    writeCodeServerConfig(configFile, port);
    const args = [
      codeServerEntry(),
      '--config', configFile,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', opts.userDataDir,
      '--extensions-dir', opts.extensionsDir,
      opts.workspaceFolder,
    ];
    const url = `http://127.0.0.1:${port}`;
    const started = Date.now();
    log(`starting code-server on ${url} (log: ${logFile})`);
    const group = spawnGroup(node, args, childEnv(stateDir), logFile, opts.verbose ?? false);
    const outputTail = (lines = 40) => group.output.slice(-lines).join('\n');

    const ready = await pollUntil(
      async () => group.hasExited() || (await httpStatus(`${url}/healthz`, 2_000)) === 200,
      readyTimeoutMs,
      200,
    );
    if (!ready || group.hasExited()) {
      const exitedEarly = group.hasExited();
      const why = exitedEarly ? 'exited before it was ready' : `did not answer within ${readyTimeoutMs} ms`;
      await stopGroup(group).catch(() => undefined);
      if (exitedEarly && opts.port === undefined && attempt < 3 && /EADDRINUSE/.test(outputTail())) {
        log(`port ${port} was taken meanwhile; retrying with another port`);
        continue;
      }
      throw new Error(`code-server ${why}. Output:\n${outputTail()}`);
    }
    const readyMs = Date.now() - started;
    log(`code-server ready in ${readyMs} ms (pid ${group.pid})`);

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      pid: group.pid,
      logFile,
      outputTail,
      readyMs,
      stop: () => {
        stopping ??= stopGroup(group).then(() => log(`code-server (pid ${group.pid}) stopped`));
        return stopping;
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium

/** Flags from REAL-VSCODE.md (+ --disable-dev-shm-usage for small /dev/shm in containers). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--no-default-browser-check',
];

/**
 * Console errors that every code-server page load produces and that mean nothing for tests:
 * vsda (Microsoft's closed-source handshake module) is not shipped with code-server -> 2 x 404.
 */
const BENIGN_CONSOLE_ERROR_URLS = [/\/node_modules\/vsda\//];

export interface BrowserHandle {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Process id of the Chromium browser process. */
  pid: number;
  /** Uncaught page errors and console errors seen so far (for diagnostics). */
  pageErrors: string[];
  /** Closes the browser; kills the process if it does not exit within the bound. */
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium headless (playwright-core, no downloaded browser). Playwright gives it
 * a fresh temporary profile (user-data-dir) and deletes it when the browser exits.
 */
export async function launchBrowser(opts: { timeoutMs?: number; viewport?: { width: number; height: number } } = {}): Promise<BrowserHandle> {
  const executablePath = process.env.GOVREPORT_E2E_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}; run: bash test/e2e/install.sh`);
  }
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const started = Date.now();
  // Chromium writes "Crash Reports" under $XDG_CONFIG_HOME/chromium and dconf state under
  // $XDG_CACHE_HOME even with a temporary profile: point those at a temp dir removed on close().
  const xdgRoot = makeTempDir('govreport-e2e-chromium-');
  liveTempDirs.add(xdgRoot);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.XDG_CONFIG_HOME = path.join(xdgRoot, 'config');
  env.XDG_CACHE_HOME = path.join(xdgRoot, 'cache');
  env.XDG_DATA_HOME = path.join(xdgRoot, 'data');
  const removeXdgRoot = () => {
    fs.rmSync(xdgRoot, { recursive: true, force: true, maxRetries: 3 });
    liveTempDirs.delete(xdgRoot);
  };
  // launchServer (rather than launch) exposes the browser's ChildProcess, so close() can always
  // fall back to killing it by pid.
  let server: BrowserServer;
  try {
    server = await chromium.launchServer({
      executablePath,
      env,
      headless: process.env.GOVREPORT_E2E_HEADED !== '1',
      chromiumSandbox: false,
      args: CHROMIUM_ARGS,
      timeout: timeoutMs,
      // Signals are handled by this module / the calling script (see above); Playwright's own
      // handlers would exit the process before the script's cleanup ran.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    removeXdgRoot();
    throw err;
  }
  const pid = server.process().pid ?? -1;
  if (pid > 0) livePids.add(pid);
  const killServer = async () => {
    await withTimeout(server.kill(), 10_000, 'killing Chromium').catch(() => undefined);
    if (pid > 0) {
      // Playwright starts Chromium as a process-group leader; make sure the group is gone.
      if (pidAlive(pid) || processGroupMembers(pid).length > 0) signalGroup(pid, 'SIGKILL');
      await pollUntil(() => !pidAlive(pid) && processGroupMembers(pid).length === 0, 5_000);
      if (!pidAlive(pid)) livePids.delete(pid);
    }
    removeXdgRoot();
  };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  try {
    browser = await chromium.connect(server.wsEndpoint(), { timeout: timeoutMs });
    context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    page = await context.newPage();
  } catch (err) {
    await killServer();
    throw err;
  }
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    if (BENIGN_CONSOLE_ERROR_URLS.some((re) => re.test(where))) return;
    pageErrors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  log(`Chromium ${browser.version()} started in ${Date.now() - started} ms (pid ${pid})`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await withTimeout(browser.close(), 10_000, 'closing browser connection').catch(() => undefined);
      await withTimeout(server.close(), 10_000, 'closing Chromium').catch(() => undefined);
      await killServer();
      log(`Chromium (pid ${pid}) closed`);
    })();
    return closing;
  };
  return { browser, context, page, pid, pageErrors, close };
}

// ---------------------------------------------------------------------------------------------
// Workbench interaction (selectors verified against VS Code 1.100 in code-server 4.100.3)

export const SELECTORS = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  activeTab: '.editor-group-container.active .tabs-container .tab.active',
  activeEditorLines: '.editor-group-container.active .monaco-editor .view-lines',
  statusBarItem: '.part.statusbar .statusbar-item',
  notification: '.notifications-toasts .notification-toast',
} as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function workbenchUrl(serverUrl: string, folder: string): string {
  // code-server accepts the folder path unencoded (?folder=/tmp/x), which keeps URLs readable.
  return `${serverUrl}/?folder=${encodeURI(folder)}`;
}

/**
 * Opens the workbench for `folder` and waits (bounded) for `.monaco-workbench` and for the explorer
 * to list files (each of `expectFiles`, if given). Returns the load time in ms.
 */
export async function openWorkbench(
  page: Page,
  serverUrl: string,
  folder: string,
  opts: { timeoutMs?: number; expectFiles?: string[] } = {},
): Promise<number> {
  const timeout = opts.timeoutMs ?? 60_000;
  const started = Date.now();
  const url = workbenchUrl(serverUrl, folder);
  log(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  const left = () => Math.max(1_000, timeout - (Date.now() - started));
  await page.locator(SELECTORS.workbench).first().waitFor({ state: 'visible', timeout: left() });
  await page.locator(SELECTORS.explorerRow).first().waitFor({ state: 'visible', timeout: left() });
  for (const name of opts.expectFiles ?? []) {
    await explorerRow(page, name).waitFor({ state: 'visible', timeout: left() });
  }
  const ms = Date.now() - started;
  log(`workbench loaded in ${ms} ms`);
  return ms;
}

/** The explorer row whose label is exactly `name`. */
export function explorerRow(page: Page, name: string) {
  return page
    .locator(SELECTORS.explorerRow)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
    .first();
}

async function openQuickInput(page: Page, key: string, timeout: number): Promise<void> {
  const box = page.locator(SELECTORS.quickInputBox);
  // The workbench needs keyboard focus; retry the shortcut a few times in case the first
  // keystroke lands before the keybinding service is ready.
  const deadline = Date.now() + timeout;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await box.waitFor({ state: 'visible', timeout: Math.min(5_000, Math.max(500, deadline - Date.now())) });
      return;
    } catch (err) {
      if (Date.now() >= deadline || attempt >= 4) throw new Error(`quick input did not open with ${key}: ${(err as Error).message}`);
    }
  }
}

/** Closes the quick input if it is open (Escape), bounded. */
export async function closeQuickInput(page: Page, timeout = 5_000): Promise<void> {
  const widget = page.locator(SELECTORS.quickInput);
  if (await widget.isVisible()) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout });
  }
}

/**
 * Opens a workspace file with Quick Open (Ctrl+P), then waits for its tab to be active and its
 * editor to render. `name` may be a file name or a relative path.
 */
export async function openFileViaQuickOpen(page: Page, name: string, timeout = 20_000): Promise<void> {
  const started = Date.now();
  const left = () => Math.max(1_000, timeout - (Date.now() - started));
  const base = path.posix.basename(name);
  await openQuickInput(page, 'Control+P', left());
  await page.locator(SELECTORS.quickInputBox).fill(name);
  const row = page
    .locator(SELECTORS.quickInputRow)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(base)}$`) }) })
    .first();
  try {
    await row.waitFor({ state: 'visible', timeout: left() });
  } catch {
    const shown = await page.locator(`${SELECTORS.quickInputRow} .label-name`).allInnerTexts().catch(() => []);
    await closeQuickInput(page).catch(() => undefined);
    throw new Error(`"${name}" not offered by Quick Open; shown: ${JSON.stringify(shown.slice(0, 10))}`);
  }
  await row.click({ timeout: left() });
  await page.locator(SELECTORS.activeTab, { hasText: base }).waitFor({ state: 'visible', timeout: left() });
  await page.locator(SELECTORS.activeEditorLines).first().waitFor({ state: 'visible', timeout: left() });
}

/**
 * Runs a command from the command palette (F1) by its full title as shown in the palette, e.g.
 * "Markdown: Open Preview to the Side". Waits for the palette to close unless `keepOpen`.
 */
export async function runCommand(
  page: Page,
  title: string,
  opts: { timeout?: number; keepOpen?: boolean } = {},
): Promise<void> {
  const timeout = opts.timeout ?? 20_000;
  const started = Date.now();
  const left = () => Math.max(1_000, timeout - (Date.now() - started));
  await openQuickInput(page, 'F1', left());
  const box = page.locator(SELECTORS.quickInputBox);
  await box.fill(`>${title}`);
  const row = page
    .locator(SELECTORS.quickInputRow)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }) })
    .first();
  try {
    await row.waitFor({ state: 'visible', timeout: left() });
  } catch {
    const shown = await page.locator(`${SELECTORS.quickInputRow} .label-name`).allInnerTexts().catch(() => []);
    await closeQuickInput(page).catch(() => undefined);
    throw new Error(`command "${title}" not found in the palette; shown: ${JSON.stringify(shown.slice(0, 10))}`);
  }
  await row.click({ timeout: left() });
  if (!opts.keepOpen) {
    // Some commands open a second quick pick; that one stays open (pass keepOpen to handle it).
    await pollUntil(async () => !(await box.isVisible()) || (await box.inputValue()) !== `>${title}`, left());
  }
}

/** Text of the active editor's rendered lines (only what is on screen; nbsp -> space). */
export async function activeEditorText(page: Page, timeout = 10_000): Promise<string> {
  const lines = page.locator(SELECTORS.activeEditorLines).first();
  try {
    await lines.waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`no text editor visible in the active editor group within ${timeout} ms (is a preview/webview active?)`);
  }
  const text = await lines.innerText({ timeout });
  return text.replace(/\u00a0/g, ' ');
}

/** Waits until an element matching `selector` contains `text` (string or RegExp). */
export async function waitForText(page: Page, selector: string, text: string | RegExp, timeout = 20_000): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ state: 'visible', timeout });
}

/** Waits for a status bar item containing `text`. */
export function waitForStatusBarItem(page: Page, text: string | RegExp, timeout = 20_000): Promise<void> {
  return waitForText(page, SELECTORS.statusBarItem, text, timeout);
}

/**
 * Waits until some frame (webviews such as the Markdown preview live in nested iframes) shows
 * `text` in its body, and returns that frame.
 */
export async function waitForFrameWithText(page: Page, text: string, timeout = 20_000): Promise<Frame> {
  let found: Frame | undefined;
  const ok = await pollUntil(async () => {
    for (const frame of page.frames()) {
      // A string expression: the project compiles without the DOM lib.
      const body = await frame
        .evaluate('document.body ? document.body.innerText : ""')
        .catch(() => '');
      if (typeof body === 'string' && body.includes(text)) {
        found = frame;
        return true;
      }
    }
    return false;
  }, timeout, 250);
  if (!ok || !found) throw new Error(`no frame showed "${text}" within ${timeout} ms`);
  return found;
}

/** Saves a full-page PNG to `<repo>/test-results/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string, timeout = 15_000): Promise<string> {
  const dir = path.join(repoRoot(), 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, timeout });
  log(`screenshot: ${file}`);
  return file;
}

// The Problems panel, read from the page (browser-side code as a string: the project compiles
// without the DOM lib). Used by every e2e suite.

export interface ProblemRow {
  file: string;
  severity: string;
  message: string;
  source: string;
  code: string;
  line: number;
  col: number;
}

export interface ProblemsView {
  /** Resource rows: file name → the count shown in its badge. */
  files: Record<string, number>;
  rows: ProblemRow[];
}

/** The rows the Problems panel renders (resource rows, marker rows; related-information rows skipped). */
export function readProblems(page: Page): Promise<ProblemsView> {
  return withTimeout(
    page.evaluate(`(() => {
    const view = { files: {}, rows: [] };
    let file = '';
    const text = (el, sel) => { const x = el.querySelector(sel); return x ? x.textContent.trim() : ''; };
    for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
      const icon = row.querySelector('.marker-icon');
      if (icon) {
        const sev = ['error', 'warning', 'info', 'hint'].find((s) => icon.classList.contains(s)) || '?';
        const pos = /Ln (\\d+), Col (\\d+)/.exec(text(row, '.marker-line')) || [];
        view.rows.push({ file, severity: sev, message: text(row, '.marker-message'), source: text(row, '.marker-source'),
          code: text(row, '.marker-code'), line: Number(pos[1]), col: Number(pos[2]) });
      } else if (row.querySelector('.monaco-count-badge')) {
        file = text(row, '.label-name');
        view.files[file] = Number(text(row, '.monaco-count-badge'));
      }
    }
    return view;
    })()`) as Promise<ProblemsView>,
    10_000,
    'reading the Problems panel',
  );
}
