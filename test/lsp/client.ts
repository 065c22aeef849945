/**
 * A scripted editor for the language server: spawns `node dist/server.js --stdio` (or, with
 * `server: 'web'`, runs the web build dist/web/server.js in a worker thread shimmed as a web
 * worker, test/support/webWorkerHost.ts), speaks
 * JSON-RPC to it, keeps its own copy of every open document (applying the server's edits the
 * way an editor would, then sending the change back), answers workspace/configuration from a
 * settings object, and records every publishDiagnostics and showMessage. Waits are bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT } from '../support/seeds';

export { REPO_ROOT };
export const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
export const WEB_SERVER = path.join(REPO_ROOT, 'dist', 'web', 'server.js');

/** A worker's messages as a JSON-RPC message reader (what BrowserMessageReader is to a web worker). */
class WorkerMessageReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
    worker.on('error', (e) => this.fireError(e));
    worker.on('exit', () => this.fireClose());
  }

  listen(callback: DataCallback): Disposable {
    const handler = (data: Message) => callback(data);
    this.worker.on('message', handler);
    return { dispose: () => this.worker.off('message', handler) };
  }
}

class WorkerMessageWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }

  async write(message: Message): Promise<void> {
    this.worker.postMessage(message);
  }

  end(): void {}
}

export interface StartOptions {
  /** Which build runs: the Node server over stdio (default) or the web worker build. */
  server?: 'node' | 'web';
  debounceMs?: number;
  /** More initializationOptions beside debounceMs (e.g. `{ reportsNotification: true }`).*/
  initializationOptions?: Record<string, unknown>;
  /** The `govreport` section, or a function of the scope URI. */
  settings?: unknown | ((scopeUri: string | undefined) => unknown);
  workspaceFolders?: string[];
  /** Merged over a full-featured client's capabilities. */
  capabilities?: ClientCapabilities;
  /** Answer workspace/applyEdit with applied: false. */
  refuseEdits?: boolean;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    workspaceFolders: true,
    applyEdit: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      disabledSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over !== 'object') return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' ? merge(out[k], v) : v;
  }
  return out as T;
}

interface Waiter {
  test: () => boolean;
  resolve: () => void;
}

export class LspClient {
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly registrations: Array<{ id?: string; method: string; registerOptions?: unknown }> = [];
  readonly unregistrations: Array<{ id: string; method: string }> = [];
  /** The server's own notifications (govreport/…), in order. */
  readonly custom: Array<{ method: string; params: unknown }> = [];
  /** The URIs the server asked the editor to read (govreport/readFiles; the web build only). */
  readonly fileReads: string[] = [];
  readonly docs = new Map<string, TextDocument>();
  settings: unknown;
  private waiters: Waiter[] = [];
  private exited = false;

  private constructor(
    private readonly server: ChildProcess | Worker,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings;
  }

  /** The Node server's process (not for the web build, which runs in a worker thread). */
  get process(): ChildProcess {
    if (this.server instanceof Worker) throw new Error('the web build runs in a worker, not a process');
    return this.server;
  }

  private static spawn(kind: 'node' | 'web'): { server: ChildProcess | Worker; connection: ProtocolConnection } {
    if (kind === 'web') {
      const worker = new Worker(path.join(__dirname, '..', 'support', 'webWorkerHost.js'), { workerData: { bundle: WEB_SERVER }, stdout: true, stderr: true });
      return { server: worker, connection: createProtocolConnection(new WorkerMessageReader(worker), new WorkerMessageWriter(worker)) };
    }
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return { server: child, connection: createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)) };
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const { server: child, connection } = LspClient.spawn(options.server ?? 'node');
    const client = new LspClient(child, connection, options);
    child.stderr!.on('data', (d) => client.logs.push(String(d)));
    child.on('exit', () => {
      client.exited = true;
      client.notify();
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.publishes.push(p);
      client.notify();
    });
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => {
      client.messages.push(p);
      client.notify();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
    connection.onNotification('govreport/reports', (p: unknown) => {
      client.custom.push({ method: 'govreport/reports', params: p });
      client.notify();
    });
    connection.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      p.items.map((item) => (item.section === 'govreport' ? client.settingsFor(item.scopeUri) : null)),
    );
    connection.onRequest('client/registerCapability', (p: { registrations: Array<{ id?: string; method: string; registerOptions?: unknown }> }) => {
      client.registrations.push(...p.registrations);
      client.notify();
      return null;
    });
    connection.onRequest('client/unregisterCapability', (p: { unregisterations: Array<{ id: string; method: string }> }) => {
      client.unregistrations.push(...p.unregisterations);
      client.notify();
      return null;
    });
    // What the VS Code web extension answers for the web build (vscode.workspace.fs): the project
    // files it asks for, here read from disk.
    connection.onRequest('govreport/readFiles', (p: { uris: string[] }) => {
      client.fileReads.push(...p.uris);
      return p.uris.map((uri) => {
        try {
          return fs.readFileSync(fileURLToPath(uri), 'utf8');
        } catch {
          return null;
        }
      });
    });
    connection.onRequest('govreport/writeFile', (p: { uri: string; base64: string }) => {
      fs.writeFileSync(fileURLToPath(p.uri), Buffer.from(p.base64, 'base64'));
      return null;
    });
    connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      client.applied.push(p);
      if (options.refuseEdits) return { applied: false };
      client.applyWorkspaceEdit(p.edit);
      return { applied: true };
    });
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? toUri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: toUri(f), name: path.basename(f) })),
      capabilities: merge(FULL_CAPABILITIES, options.capabilities),
      initializationOptions:
        options.debounceMs === undefined && !options.initializationOptions ? undefined : { ...options.initializationOptions, ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }) },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private settingsFor(scopeUri: string | undefined): unknown {
    return typeof this.settings === 'function' ? (this.settings as (s: string | undefined) => unknown)(scopeUri) : this.settings ?? null;
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.test()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Resolves when `test` holds (checked now and on every notification), or fails after `ms`. */
  waitFor(test: () => boolean, what: string, ms = 8000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test: () => test() || this.exited,
        resolve: () => {
          clearTimeout(timer);
          if (this.exited && !test()) reject(new Error(`server exited while waiting for ${what}\n${this.logs.join('')}`));
          else resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.publishes.filter((p) => p.uri === uri);
  }

  lastPublish(uri: string): PublishDiagnosticsParams | undefined {
    const all = this.publishesFor(uri);
    return all[all.length - 1];
  }

  /** The first publish for the document's current version. */
  async diagnostics(uri: string, ms?: number): Promise<Diagnostic[]> {
    const version = this.docs.get(uri)?.version;
    await this.waitFor(() => this.publishesFor(uri).some((p) => p.version === version), `diagnostics of ${uri} v${version}`, ms);
    return this.publishesFor(uri).find((p) => p.version === version)!.diagnostics;
  }

  async open(uri: string, text: string, languageId = 'govreport'): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** Applies edits to our copy and sends them as one incremental change. */
  async edit(uri: string, edits: Array<{ range: Range; text: string }>): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    TextDocument.update(doc, edits, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: edits });
    return version;
  }

  /** Types `text` at `offset`, one character per change, as a user would. */
  async type(uri: string, offset: number, text: string): Promise<number> {
    let version = 0;
    for (const ch of text) {
      const pos = this.docs.get(uri)!.positionAt(offset);
      version = await this.edit(uri, [{ range: { start: pos, end: pos }, text: ch }]);
      offset += ch.length;
    }
    return version;
  }

  /** Deletes `count` characters before `offset`, one per change (backspace). */
  async backspace(uri: string, offset: number, count: number): Promise<number> {
    let version = 0;
    for (let i = 0; i < count; i++) {
      const doc = this.docs.get(uri)!;
      version = await this.edit(uri, [{ range: { start: doc.positionAt(offset - 1), end: doc.positionAt(offset) }, text: '' }]);
      offset--;
    }
    return version;
  }

  /** Applies a workspace edit to our copies and tells the server, as an editor does. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) throw new Error('only text document edits are expected');
      const doc = this.docs.get(change.textDocument.uri);
      if (doc && change.textDocument.version !== null && change.textDocument.version !== doc.version) {
        throw new Error(`edit for version ${change.textDocument.version}, document is at ${doc.version}`);
      }
      byUri.set(change.textDocument.uri, change.edits as TextEdit[]);
    }
    for (const [uri, edits] of byUri) {
      const doc = this.docs.get(uri);
      if (!doc) throw new Error(`edit for a document that is not open: ${uri}`);
      const text = TextDocument.applyEdits(doc, edits);
      const full = { start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) };
      void this.edit(uri, [{ range: full, text }]);
    }
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  completion(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  folding(uri: string): Promise<FoldingRange[]> {
    return this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  }

  formatting(uri: string): Promise<TextEdit[]> {
    return this.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  }

  executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  /** Tells the server files it watches changed on disk (type 2: changed), as an editor's file watcher does. */
  async filesChanged(...files: string[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: files.map((f) => ({ uri: toUri(f), type: 2 })) });
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { govreport: settings } });
  }

  position(uri: string, offset: number): Position {
    return this.docs.get(uri)!.positionAt(offset);
  }

  offset(uri: string, position: Position): number {
    return this.docs.get(uri)!.offsetAt(position);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => (timer = setTimeout(r, 2000)))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    } finally {
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const server = this.server;
      const timer = setTimeout(() => {
        // A web worker is not told to exit by `exit` (a browser ends it): it is terminated.
        if (server instanceof Worker) void server.terminate();
        else server.kill('SIGKILL');
        resolve();
      }, server instanceof Worker ? 0 : 2000);
      server.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

export function toUri(file: string): string {
  return 'file://' + file.split(path.sep).map(encodeURIComponent).join('/');
}

/** Range of the `n`-th occurrence (0-based) of `needle` in the document. */
export function rangeOf(client: LspClient, uri: string, needle: string, n = 0, from = 0): Range {
  const text = client.text(uri);
  let at = text.indexOf(needle, from);
  for (let i = 0; i < n && at >= 0; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not found`);
  return { start: client.position(uri, at), end: client.position(uri, at + needle.length) };
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}
