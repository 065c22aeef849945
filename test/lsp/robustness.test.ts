/**
 * Garbage in, diagnostics out: binary-looking text, a megabyte of random CJK, one enormous line
 * and a report cut off mid-table never crash the server, always get a publish for their
 * version, and leave every request answerable.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFixture } from '../support/seeds';
import { LspClient } from './client';

/** A deterministic generator: failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function binaryLooking(length: number): string {
  const next = random(1);
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(Math.floor(next() * 256));
  return out + '\ud800 \udfff'; // lone surrogates too
}

function randomCjk(length: number): string {
  const next = random(2);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = next();
    parts.push(r < 0.02 ? '\n' : r < 0.04 ? '|' : r < 0.05 ? '\t' : r < 0.07 ? String(Math.floor(next() * 100)) : String.fromCharCode(0x4e00 + Math.floor(next() * 0x5000)));
  }
  return parts.join('');
}

const REPORT = readFixture('lsp', 'report-2023.md');

/** `large`: checked once, not edited again — the suite stays fast; bench/lsp-latency.ts edits 1 MB. */
const CASES: Array<{ name: string; text: () => string; languageId: string; large?: boolean }> = [
  { name: 'binary-looking text', text: () => binaryLooking(20000), languageId: 'govreport' },
  { name: '1 MB of random CJK, with pipes, tabs and digits', text: () => randomCjk(1_000_000), languageId: 'govreport', large: true },
  { name: '100 KB of random CJK as markdown (not a report: parsed, not checked)', text: () => randomCjk(100_000), languageId: 'markdown' },
  { name: 'a single 400 KB line of pipe cells', text: () => '| 总计 '.repeat(70_000) + '|', languageId: 'govreport', large: true },
  { name: 'a report cut off mid-table', text: () => REPORT.slice(0, REPORT.indexOf('（四）无法提供') + 3), languageId: 'govreport' },
  { name: 'an empty document', text: () => '', languageId: 'markdown' },
];

describe('robustness', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(() => client.stop());

  CASES.forEach(({ name, text, languageId, large }, i) => {
    it(`${name}: published, every request answered, the server alive`, async () => {
      const uri = `file:///robustness/${i}.${languageId === 'markdown' ? 'md' : 'govreport'}`;
      await client.open(uri, text(), languageId);
      const diagnostics = await client.diagnostics(uri, 20000);
      assert.ok(Array.isArray(diagnostics));
      const doc = client.docs.get(uri)!;
      const end = doc.positionAt(doc.getText().length);
      const middle = doc.positionAt(Math.floor(doc.getText().length / 2));
      const whole = { start: { line: 0, character: 0 }, end };
      await Promise.all([
        client.hover(uri, middle),
        client.completion(uri, middle),
        client.codeActions(uri, whole, diagnostics.slice(0, 5)),
        client.codeActions(uri, whole, [], ['source.fixAll']),
        client.symbols(uri),
        client.folding(uri),
        client.formatting(uri),
        client.executeCommand('govreport.convertTable', uri, middle),
      ]);
      if (!large) {
        // An edit at the end is checked too.
        const version = await client.edit(uri, [{ range: { start: end, end }, text: '\n（七）总计\t1\t2' }]);
        await client.diagnostics(uri, 20000);
        assert.equal(client.lastPublish(uri)!.version, version);
      }
      assert.equal(client.process.exitCode, null, 'the server is still running');
      await client.close(uri);
    });
  });

  it('still checks a normal report afterwards', async () => {
    const uri = 'file:///robustness/after.govreport';
    await client.open(uri, REPORT);
    assert.deepEqual(await client.diagnostics(uri), []);
  });

  it('answers requests for documents it does not know, and commands with bad arguments', async () => {
    const unknown = 'file:///robustness/never-opened.govreport';
    const at = { line: 0, character: 0 };
    assert.equal(await client.hover(unknown, at), null);
    assert.deepEqual(await client.codeActions(unknown, { start: at, end: at }), []);
    assert.deepEqual(await client.symbols(unknown), []);
    assert.equal(await client.executeCommand('govreport.fixAll', unknown), 0);
    await assert.rejects(client.executeCommand('govreport.fixAll'), /URI/);
    await assert.rejects(client.executeCommand('govreport.convertTable', 'file:///robustness/after.govreport', 'here'), /position/);
  });
});
