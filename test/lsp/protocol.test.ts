/**
 * The server on the wire, as a careless client would drive it: malformed frames and messages
 * written as raw bytes to its stdin, then 1,000 incremental edits sent back to back. After each
 * bad message the next good request is answered; the diagnostics finally published are those
 * of the final text, for its version, and none is published for a version older than one
 * already published.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { readFixture } from '../support/seeds';
import { LspClient, SERVER } from './client';

interface Message {
  id?: number;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string };
  params?: { message?: string; uri?: string; version?: number; diagnostics?: unknown[] };
}

/** The server spawned by hand: we write raw bytes; its replies are read with a real LSP reader. */
class Wire {
  readonly received: Message[] = [];
  private readonly reader: StreamMessageReader;
  private waiters: Array<() => void> = [];
  private nextId = 100;

  constructor(readonly child: ChildProcess) {
    this.reader = new StreamMessageReader(child.stdout!);
    this.reader.listen((m) => {
      this.received.push(m as Message);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static start(): Wire {
    return new Wire(spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  raw(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  frame(body: string, length = Buffer.byteLength(body, 'utf8')): Buffer {
    return Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'latin1'), Buffer.from(body, 'utf8')]);
  }

  send(message: object): void {
    this.raw(this.frame(JSON.stringify({ jsonrpc: '2.0', ...message })));
  }

  async until(test: () => Message | undefined, what: string, ms = 10_000): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = test();
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`the server exited (${this.child.exitCode}) while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a request and waits for its response. */
  async request(method: string, params: unknown, ms?: number): Promise<Message> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.until(() => this.received.find((m) => m.id === id && !m.method), `a response to ${method} #${id}`, ms);
  }

  /** A request every server answers: proof that it is reading messages again. */
  async alive(): Promise<void> {
    const reply = await this.request('textDocument/hover', { textDocument: { uri: 'file:///wire/none.md' }, position: { line: 0, character: 0 } });
    assert.equal(reply.error, undefined, JSON.stringify(reply));
  }

  logs(): string[] {
    return this.received.filter((m) => m.method === 'window/logMessage').map((m) => m.params!.message!);
  }
}

const REPORT = readFixture('lsp', 'report-2023.md');

describe('malformed messages on the wire', () => {
  let wire: Wire;
  before(async () => {
    wire = Wire.start();
    const init = await wire.request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    assert.ok((init.result as { capabilities: unknown }).capabilities);
    wire.send({ method: 'initialized', params: {} });
  });
  after(() => {
    wire.child.kill('SIGKILL');
  });

  it('a body that is not JSON, with a right length: ignored, the next request answered', async () => {
    wire.raw(wire.frame('{"jsonrpc":"2.0","id":7,"method":'));
    await wire.alive();
  });

  it('a Content-Length counted in characters, not bytes, for a CJK text: that message dropped and said, the next answered', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///wire/short.md', languageId: 'markdown', version: 1, text: REPORT } } });
    wire.raw(wire.frame(body, body.length));
    await wire.alive();
    assert.ok(wire.logs().some((l) => /dropped \d+ bytes of a malformed message/.test(l)), wire.logs().join('\n'));
  });

  it('a Content-Length too long, then a good message: the good one is read', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///wire/x.md' } } });
    wire.raw(wire.frame(body, Buffer.byteLength(body) + 200));
    await wire.alive();
  });

  it('bytes with no header at all, and a header with no Content-Length', async () => {
    wire.raw('hello, server\r\n\r\n');
    wire.raw('Content-Type: application/json\r\n\r\n{}');
    await wire.alive();
  });

  it('JSON that is no JSON-RPC message (an array, an object without method or id)', async () => {
    wire.raw(wire.frame('[1,2,3]'));
    wire.raw(wire.frame('{"jsonrpc":"2.0"}'));
    await wire.alive();
  });

  it('an unknown request gets MethodNotFound; an unknown notification is ignored', async () => {
    const reply = await wire.request('govreport/noSuchThing', {});
    assert.equal(reply.error?.code, -32601);
    wire.send({ method: 'govreport/noSuchNotice', params: { x: 1 } });
    await wire.alive();
  });

  it('requests with params missing or of the wrong type get an answer (an error or null), never a crash', async () => {
    for (const [method, params] of [
      ['textDocument/codeAction', null],
      ['textDocument/hover', { textDocument: { uri: 7 }, position: 'here' }],
      ['textDocument/completion', {}],
      ['textDocument/documentSymbol', { textDocument: null }],
      ['workspace/executeCommand', { command: 'govreport.fixAll', arguments: [{ not: 'a uri' }] }],
    ] as const) {
      const reply = await wire.request(method, params);
      assert.ok(reply.error || reply.result === null || Array.isArray(reply.result) || typeof reply.result === 'object' || typeof reply.result === 'number', `${method}: ${JSON.stringify(reply)}`);
    }
    await wire.alive();
  });

  it('changes and closes of documents never opened, and positions far outside the text', async () => {
    wire.send({ method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///wire/never.md', version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } }, text: 'x' }] } });
    wire.send({ method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///wire/never.md' } } });
    const uri = 'file:///wire/open.md';
    wire.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: REPORT } } });
    const far = { line: 1_000_000, character: -5 };
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri }, position: far }],
      ['textDocument/completion', { textDocument: { uri }, position: far }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: far, end: { line: -1, character: 1e9 } }, context: { diagnostics: [] } }],
    ] as const) {
      const reply = await wire.request(method, params);
      assert.equal(reply.error, undefined, `${method}: ${JSON.stringify(reply.error)}`);
    }
    // An edit far past the end is clamped to it, as the protocol's text documents do.
    wire.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: far, end: far }, text: '\n追加的一行' }] } });
    await wire.until(() => wire.received.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && m.params.version === 2), 'diagnostics of version 2');
  });

  it('a 5 MB document opened: published for its version, and the server answers after', async () => {
    const uri = 'file:///wire/huge.md';
    const text = (REPORT + '\n').repeat(Math.ceil(5_000_000 / (REPORT.length + 1)));
    wire.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
    const published = await wire.until(() => wire.received.find((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri), 'diagnostics of the 5 MB document', 60_000);
    assert.equal(published.params!.version, 1);
    assert.ok(Array.isArray(published.params!.diagnostics) && published.params!.diagnostics.length <= 500);
    await wire.alive();
  });

  it('after all that, shutdown and exit end it cleanly (exit code 0)', async () => {
    const reply = await wire.request('shutdown', null);
    assert.equal(reply.error, undefined);
    const exited = new Promise<number | null>((resolve) => wire.child.once('exit', (code) => resolve(code)));
    wire.send({ method: 'exit' });
    assert.equal(await exited, 0);
  });
});

/** A deterministic generator: a failure reproduces. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('1,000 incremental edits sent back to back', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(() => client.stop());

  it('the last publish is for the last version and equals a fresh check of the final text; no publish goes back in version', async () => {
    const uri = 'file:///edits/rapid.md';
    await client.open(uri, REPORT, 'markdown');
    const next = random(9);
    const pieces = ['1', '0', '23', '|', ' | ', '\n', '\r\n', '总计', '（七）', '𠀀', '\t', '二、'];
    let version = 1;
    const sends: Array<Promise<number>> = [];
    for (let i = 0; i < 1000; i++) {
      const length = client.text(uri).length;
      const a = Math.floor(next() * (length + 1));
      const b = Math.min(length, a + Math.floor(next() * 6));
      const r = next();
      // Inserts, deletes and replacements; now and then a range past the end (clamped).
      const start = client.position(uri, a);
      const end = r < 0.05 ? { line: start.line + 1000, character: 0 } : client.position(uri, r < 0.4 ? a : b);
      const text = r < 0.7 ? pieces[Math.floor(next() * pieces.length)] : '';
      sends.push(client.edit(uri, [{ range: { start, end }, text }]));
    }
    version = (await Promise.all(sends)).pop()!;
    const final = await client.diagnostics(uri, 30_000);
    const versions = client.publishesFor(uri).map((p) => p.version ?? 0);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `a publish for v${versions[i]} came after one for v${versions[i - 1]}`);
    assert.equal(versions[versions.length - 1], version);

    const fresh = 'file:///edits/fresh.md';
    await client.open(fresh, client.text(uri), 'markdown');
    assert.deepEqual(final, await client.diagnostics(fresh, 30_000));
    assert.deepEqual(await client.symbols(uri), (await client.symbols(fresh)).map((s) => s));
  });
});
