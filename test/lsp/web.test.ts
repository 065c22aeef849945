/**
 * The web build (dist/web/server.js, the server vscode.dev and code-server's web extension host
 * run in a web worker) against the Node build (dist/server.js over stdio): the same session
 * sent to both must get the same answers — the diagnostics of a report with wrong totals, its
 * quick fixes, completion, hover, outline, folding and formatting. The web build runs in a
 * worker thread with a web worker's globals only (test/support/webWorkerHost.ts). What needs a
 * file system is refused by the web build in words, not by failing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkReport, parse, readBinary } from '../../server/src/report';
import { readFixture } from '../support/seeds';
import { codesOf, LspClient, REPO_ROOT, toUri } from './client';

const WRONG = readFixture('lsp', 'wrong-totals.md');
const UNALIGNED = readFixture('lsp', 'unaligned-2024.md');
// The Node server finds docs/rules above its bundle; the web extension tells its worker where they are.
const RULE_DOCS = pathToFileURL(path.join(REPO_ROOT, 'docs', 'rules')).href;

/**
 * The same answer: compared as JSON, since a worker's messages are structured clones, which
 * keep a property set to undefined where stdio's JSON leaves it out.
 */
function assertSame(fromWeb: unknown, fromNode: unknown, what?: string): void {
  assert.deepEqual(JSON.parse(JSON.stringify(fromWeb ?? null)), JSON.parse(JSON.stringify(fromNode ?? null)), what);
}

describe('the web build of the server', () => {
  let node: LspClient;
  let web: LspClient;
  before(async () => {
    [node, web] = await Promise.all([
      LspClient.start({ debounceMs: 0 }),
      LspClient.start({ server: 'web', debounceMs: 0, initializationOptions: { ruleDocs: RULE_DOCS } }),
    ]);
  });
  after(async () => {
    await Promise.all([node?.stop(), web?.stop()]);
  });

  /** Opens the same document in both servers and returns both first publishes. */
  async function openBoth(uri: string, text: string, languageId = 'govreport'): Promise<[Diagnostic[], Diagnostic[]]> {
    await Promise.all([node.open(uri, text, languageId), web.open(uri, text, languageId)]);
    return Promise.all([node.diagnostics(uri), web.diagnostics(uri)]);
  }

  it('publishes the same diagnostics as the Node server for a report with a wrong total', async () => {
    const uri = 'untitled:wrong-totals';
    const [fromNode, fromWeb] = await openBoth(uri, WRONG);
    const total = fromWeb.find((d) => d.code === 'sum-review-litigation');
    assert.ok(total, `no wrong-total diagnostic from the web build: ${fromWeb.map((d) => d.code)}`);
    assert.equal(total.severity, 1);
    assert.match(total.message, /总计/);
    assert.equal(total.codeDescription?.href, `${RULE_DOCS}/sum-review-litigation.md`);
    assert.ok(fromWeb.length >= 2, `${fromWeb.length} diagnostics`);
    assertSame(fromWeb, fromNode);
  });

  it('checks a Markdown file that looks like a report, and leaves a note alone, as the Node server does', async () => {
    const [reportNode, reportWeb] = await openBoth('untitled:report.md', WRONG, 'markdown');
    assert.ok(reportWeb.length > 0);
    assertSame(reportWeb, reportNode);
    const [noteNode, noteWeb] = await openBoth('untitled:note.md', readFixture('lsp', 'note.md'), 'markdown');
    assert.deepEqual(noteWeb, []);
    assert.deepEqual(noteNode, []);
  });

  it('offers the same quick fixes, and applying one clears that diagnostic', async () => {
    const uri = 'untitled:quickfix';
    const [, diagnostics] = await openBoth(uri, WRONG);
    const review = diagnostics.find((d) => d.code === 'sum-review-litigation')!;
    const [fromNode, fromWeb] = await Promise.all([node.codeActions(uri, review.range, [review]), web.codeActions(uri, review.range, [review])]);
    assertSame(fromWeb, fromNode);
    const quickfix = fromWeb.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'sum-review-litigation');
    assert.equal(quickfix?.title, '将总计改为 1');
    web.applyWorkspaceEdit(quickfix!.edit!);
    const after = await web.diagnostics(uri);
    assert.ok(!after.some((d) => d.code === 'sum-review-litigation'), after.map((d) => d.code).join(', '));
    assert.equal(after.length, diagnostics.length - 1);
  });

  it('answers completion, hover, outline, folding and formatting as the Node server does', async () => {
    const uri = 'untitled:features';
    await openBoth(uri, UNALIGNED);
    const symbols = await web.symbols(uri);
    assert.ok(symbols.length >= 6, `outline: ${symbols.map((s) => s.name)}`);
    assertSame(symbols, await node.symbols(uri));
    assertSame(await web.folding(uri), await node.folding(uri));
    const edits = await web.formatting(uri);
    assert.ok(edits.length > 0, 'the unaligned tables are laid out again');
    assertSame(edits, await node.formatting(uri));
    // Completion at the start of a table line: the row labels of the format.
    const text = web.text(uri);
    const lineStart = web.position(uri, text.indexOf('\n|', text.indexOf('三、')) + 1);
    const completion = await web.completion(uri, lineStart);
    const items = Array.isArray(completion) ? completion : completion?.items ?? [];
    assert.ok(items.some((i) => i.label === '一、本年新收政府信息公开申请数量'), items.map((i) => i.label).join(', '));
    assertSame(completion, await node.completion(uri, lineStart));
    // Hover on a wrong total: the sum, and that it does not hold.
    const wrong = 'untitled:hover';
    const [, diagnostics] = await openBoth(wrong, WRONG);
    const total = diagnostics.find((d) => d.code === 'sum-review-litigation')!;
    const hover = await web.hover(wrong, total.range.start);
    assert.match(JSON.stringify(hover?.contents), /不成立/);
    assertSame(hover, await node.hover(wrong, total.range.start));
  });

  it('exports as Word and as a web page through the editor: the bytes the Node server writes', async () => {
    const uri = 'untitled:export';
    await openBoth(uri, WRONG);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-web-export-'));
    try {
      for (const kind of ['docx', 'html'] as const) {
        const fromWeb = path.join(out, `web.${kind}`);
        const fromNode = path.join(out, `node.${kind}`);
        const written = (await web.executeCommand('govreport.exportReport', uri, toUri(fromWeb), kind)) as { uri: string; errors: number; warnings: number };
        await node.executeCommand('govreport.exportReport', uri, fromNode, kind);
        assert.equal(written.uri, toUri(fromWeb));
        assert.ok(written.errors > 0, 'the wrong totals are counted');
        if (kind === 'html') assert.equal(fs.readFileSync(fromWeb, 'utf8'), fs.readFileSync(fromNode, 'utf8'));
        else {
          // A .docx is a zip with timestamps: the same report read back from both.
          const [a, b] = await Promise.all([readBinary(fs.readFileSync(fromWeb), 'docx'), readBinary(fs.readFileSync(fromNode), 'docx')]);
          assert.deepEqual(checkReport(parse(a)).map((d) => d.message), checkReport(parse(b)).map((d) => d.message));
          assert.ok(checkReport(parse(a)).some((d) => d.code === 'sum-review-litigation'));
        }
      }
      await assert.rejects(web.executeCommand('govreport.exportReport', uri, path.join(out, 'a-path.html'), 'html'), /must be a URI/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it("drafts this year's report beside last year's through the editor, as the Node server writes it", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-web-next-'));
    try {
      const last = readFixture('lsp', 'report-2023.md');
      for (const dir of ['web', 'node']) fs.mkdirSync(path.join(out, dir));
      const webUri = toUri(path.join(out, 'web', 'last.md'));
      const nodeUri = toUri(path.join(out, 'node', 'last.md'));
      fs.writeFileSync(path.join(out, 'node', 'last.md'), last);
      await Promise.all([web.open(webUri, last, 'markdown'), node.open(nodeUri, last, 'markdown')]);
      await Promise.all([web.diagnostics(webUri), node.diagnostics(nodeUri)]);
      const fromWeb = (await web.executeCommand('govreport.startNextYear', webUri)) as { uri: string; path: string };
      const fromNode = (await node.executeCommand('govreport.startNextYear', nodeUri)) as { uri: string; path: string };
      assert.equal(path.basename(fromWeb.path), path.basename(fromNode.path));
      assert.match(path.basename(fromWeb.path), /2024年政府信息公开工作年度报告\.md$/);
      assert.equal(fs.readFileSync(fileURLToPath(fromWeb.uri), 'utf8'), fs.readFileSync(fromNode.path, 'utf8'));
      // Never over a file: the second draft gets the next free name.
      const again = (await web.executeCommand('govreport.startNextYear', webUri)) as { path: string };
      assert.match(path.basename(again.path), /2024年政府信息公开工作年度报告-2\.md$/);
      // A text file that is not open is read through the editor.
      fs.writeFileSync(path.join(out, 'web', 'closed.md'), last);
      const closed = (await web.executeCommand('govreport.startNextYear', toUri(path.join(out, 'web', 'closed.md')))) as { path: string };
      assert.match(path.basename(closed.path), /2024年政府信息公开工作年度报告-3\.md$/);
      await assert.rejects(web.executeCommand('govreport.startNextYear', 'untitled:Untitled-1'), /请先将报告保存为文件，再据此起草本年报告/);
      await assert.rejects(node.executeCommand('govreport.startNextYear', 'untitled:Untitled-1'), /请先将报告保存为文件，再据此起草本年报告/);
      await assert.rejects(web.executeCommand('govreport.startNextYear', toUri(path.join(out, 'web', 'last.docx'))), /网页版编辑器不能读取 Word 或 PDF 文件/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses the commands that read or write files by path, in words', async () => {
    const uri = 'untitled:refused';
    await openBoth(uri, WRONG);
    await assert.rejects(web.executeCommand('govreport.checkWorkspace'), (e: Error) => {
      assert.match(e.message, /需要读写文件/);
      return true;
    });
    await assert.rejects(web.executeCommand('govreport.importReport', toUri('/tmp/a.docx')), /需要读写文件/);

    // What needs no file works: the skeleton of a new report.
    const skeleton = await web.executeCommand('govreport.skeleton', { body: '某某市人民政府办公室', year: 2024 });
    assert.equal(skeleton, await node.executeCommand('govreport.skeleton', { body: '某某市人民政府办公室', year: 2024 }));
    assert.match(String(skeleton), /某某市人民政府办公室2024年政府信息公开工作年度报告/);
  });

});

describe('the web build with project files read through the editor', () => {
  let ws: string;
  let node: LspClient;
  let web: LspClient;
  const config = (text: string) => fs.writeFileSync(path.join(ws, '.govreportrc.jsonc'), text);
  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-web-config-'));
    fs.mkdirSync(path.join(ws, 'drafts'));
    config(`{
      // 本项目的检查设置
      "rules": { "sum-review-litigation": "warning", "section-missing": "off" },
      "locale": "en",
    }`);
    fs.writeFileSync(path.join(ws, '.govreportignore'), 'drafts/old.md\n');
    [node, web] = await Promise.all([
      LspClient.start({ debounceMs: 0, workspaceFolders: [ws] }),
      LspClient.start({ server: 'web', debounceMs: 0, workspaceFolders: [ws], initializationOptions: { ruleDocs: RULE_DOCS } }),
    ]);
  });
  after(async () => {
    await Promise.all([node?.stop(), web?.stop()]);
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('applies .govreportrc.jsonc and .govreportignore as the Node server does', async () => {
    const uri = toUri(path.join(ws, 'report.md'));
    await Promise.all([node.open(uri, WRONG, 'markdown'), web.open(uri, WRONG, 'markdown')]);
    const [fromNode, fromWeb] = await Promise.all([node.diagnostics(uri), web.diagnostics(uri)]);
    assert.ok(web.fileReads.includes(toUri(path.join(ws, '.govreportrc.jsonc'))), `asked for: ${web.fileReads.join(', ')}`);
    assert.deepEqual(codesOf(fromWeb), ['cell-not-number', 'sum-applicant-total', 'sum-review-litigation']);
    assert.equal(fromWeb.find((d) => d.code === 'sum-review-litigation')!.severity, 2, 'warning, from the project file');
    assert.match(fromWeb[0].message, /[a-z]{4}/, 'English, from the project file');
    assertSame(fromWeb, fromNode);

    const ignored = toUri(path.join(ws, 'drafts', 'old.md'));
    await Promise.all([node.open(ignored, WRONG, 'govreport'), web.open(ignored, WRONG, 'govreport')]);
    assert.deepEqual(await web.diagnostics(ignored), []);
    assert.deepEqual(await node.diagnostics(ignored), []);
  });

  it('reads the project file again when it changes', async () => {
    const uri = toUri(path.join(ws, 'changed.md'));
    await Promise.all([node.open(uri, WRONG, 'markdown'), web.open(uri, WRONG, 'markdown')]);
    await Promise.all([node.diagnostics(uri), web.diagnostics(uri)]);
    const before = web.publishesFor(uri).length;
    config('{ "rules": { "sum-applicant-total": "off" } }');
    await Promise.all([node.filesChanged(path.join(ws, '.govreportrc.jsonc')), web.filesChanged(path.join(ws, '.govreportrc.jsonc'))]);
    await web.waitFor(() => web.publishesFor(uri).length > before, 'a publish after the change');
    await node.waitFor(() => !codesOf(node.lastPublish(uri)!.diagnostics).includes('sum-applicant-total'), 'the Node server re-checking');
    const fromWeb = web.lastPublish(uri)!.diagnostics;
    assert.ok(!codesOf(fromWeb).includes('sum-applicant-total'), codesOf(fromWeb).join(', '));
    assert.equal(fromWeb.find((d) => d.code === 'sum-review-litigation')!.severity, 1, 'error again: the old file no longer applies');
    assertSame(fromWeb, node.lastPublish(uri)!.diagnostics);
  });
});

