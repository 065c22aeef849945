/**
 * The project file and disable comments in the editor: `.govreportrc.jsonc` changes severities
 * and leaves files out (with `.govreportignore`), wins over the VS Code settings where both
 * speak, is read again when it changes on disk — all in the same server process, as a
 * settings change is; a disable comment silences one finding and not its neighbour; the quick
 * fix that writes one (never in a plain-text file); diagnostics link to the rule's page.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { readFixture } from '../support/seeds';
import { codesOf, LspClient, toUri } from './client';

const WRONG = readFixture('lsp', 'wrong-totals.md');
/** Two figures typed as letters, in adjacent rows: two cell-not-number findings side by side. */
const TWO_LETTERS = WRONG.replace('| （五）不予处理 | 1.信访举报投诉类申请 | 0 |', '| （五）不予处理 | 1.信访举报投诉类申请 | O |');

async function nextPublish(client: LspClient, uri: string, count: number) {
  await client.waitFor(() => client.publishesFor(uri).length > count, `a new publish for ${uri}`);
  return client.lastPublish(uri)!;
}

function editsOf(action: CodeAction) {
  return [...Object.values(action.edit?.changes ?? {}).flat(), ...(action.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : []))];
}

describe('project file (.govreportrc.jsonc) in the editor', () => {
  let ws: string;
  let client: LspClient;
  const config = (text: string) => fs.writeFileSync(path.join(ws, '.govreportrc.jsonc'), text);
  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lsp-config-'));
    fs.mkdirSync(path.join(ws, 'archive'));
    fs.mkdirSync(path.join(ws, 'drafts'));
    config(`{
      // 本项目的检查设置
      "rules": {
        "sum-review-litigation": "warning",
        "section-missing": "off",
      },
      "ignores": ["archive/**"],
    }`);
    fs.writeFileSync(path.join(ws, '.govreportignore'), '# 旧稿\ndrafts/old.md\n');
    client = await LspClient.start({
      debounceMs: 0,
      workspaceFolders: [ws],
      // The VS Code settings: the file wins for sum-review-litigation, the setting holds for cell-not-number.
      settings: { rules: { 'sum-review-litigation': 'error', 'cell-not-number': 'hint' } },
    });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('asks to be told when project files change', async () => {
    await client.waitFor(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'the registration');
    const watch = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, client.registrations.map((r) => r.method).join(', '));
    assert.deepEqual((watch.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern), ['**/.govreport*']);
  });

  it('changes severities and turns rules off; the file wins over the settings where both speak', async () => {
    const uri = toUri(path.join(ws, 'report.md'));
    await client.open(uri, WRONG, 'markdown');
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(codesOf(diagnostics), ['cell-not-number', 'sum-applicant-total', 'sum-review-litigation']);
    assert.equal(diagnostics.find((d) => d.code === 'sum-review-litigation')!.severity, 2, 'warning, from the file');
    assert.equal(diagnostics.find((d) => d.code === 'cell-not-number')!.severity, 4, 'hint, from the settings');
  });

  it('leaves out what ignores and .govreportignore name, even open', async () => {
    for (const rel of ['archive/2019.md', 'drafts/old.md']) {
      const uri = toUri(path.join(ws, rel));
      await client.open(uri, WRONG, 'govreport');
      assert.deepEqual(await client.diagnostics(uri), [], rel);
    }
    const kept = toUri(path.join(ws, 'drafts', 'new.md'));
    await client.open(kept, WRONG, 'govreport');
    assert.ok((await client.diagnostics(kept)).length > 0);
  });

  it('reads the file again when it changes, in the same server process (no restart)', async () => {
    const uri = toUri(path.join(ws, 'report.md'));
    const pid = client.process.pid;
    const count = client.publishesFor(uri).length;
    config('{ "rules": { "sum-review-litigation": "off", "cell-not-number": "error" }, "locale": "en" }');
    await client.filesChanged(path.join(ws, '.govreportrc.jsonc'));
    const published = await nextPublish(client, uri, count);
    assert.deepEqual(codesOf(published.diagnostics), ['cell-not-number', 'section-missing', 'sum-applicant-total']);
    assert.equal(published.diagnostics.find((d) => d.code === 'cell-not-number')!.severity, 1);
    assert.match(published.diagnostics[0].message, /[A-Za-z]/, 'in English, from the file');
    // The archive is no longer ignored by the project file.
    const archived = toUri(path.join(ws, 'archive', '2019.md'));
    assert.ok(client.lastPublish(archived)!.diagnostics.length > 0 || (await nextPublish(client, archived, client.publishesFor(archived).length)).diagnostics.length > 0);
    assert.equal(client.process.pid, pid);
    assert.equal(client.process.exitCode, null, 'the server is still the one started');
  });

  it('a settings change arrives without a restart', async () => {
    const uri = toUri(path.join(ws, 'report.md'));
    const pid = client.process.pid;
    const count = client.publishesFor(uri).length;
    await client.changeSettings({ rules: { 'sum-applicant-total': 'off' } });
    const published = await nextPublish(client, uri, count);
    assert.ok(!codesOf(published.diagnostics).includes('sum-applicant-total'));
    assert.equal(client.process.pid, pid);
  });

  it('an invalid project file: one warning with its place, and the rest of it applies', async () => {
    const messages = client.messages.length;
    config('{\n  "rules": { "balanse": "off", "cell-not-number": "loud" },\n  "locale": "en"\n}');
    const uri = toUri(path.join(ws, 'report.md'));
    const count = client.publishesFor(uri).length;
    await client.filesChanged(path.join(ws, '.govreportrc.jsonc'));
    await nextPublish(client, uri, count);
    await client.waitFor(() => client.messages.length > messages, 'a warning');
    const warning = client.messages[messages];
    assert.equal(warning.type, 2);
    assert.match(warning.message, /\.govreportrc\.jsonc:2:14: “rules” names an unknown rule code "balanse"; did you mean "balance"\?/);
    assert.match(warning.message, /\.govreportrc\.jsonc:2:51: “rules\.cell-not-number” is "loud"/);
  });
});

describe('disable comments in the editor', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(() => client.stop());

  it('a disable-next-line comment silences one finding and not its neighbour', async () => {
    const uri = 'file:///disable/next-line.govreport';
    await client.open(uri, TWO_LETTERS);
    const before = (await client.diagnostics(uri)).filter((d) => d.code === 'cell-not-number');
    assert.equal(before.length, 2);
    const silenced = TWO_LETTERS.replace('| （五）不予处理 | 1.信访', '<!-- govreport-disable-next-line cell-not-number -- 原表如此 -->\n| （五）不予处理 | 1.信访');
    const uri2 = 'file:///disable/next-line-2.govreport';
    await client.open(uri2, silenced);
    const after = await client.diagnostics(uri2);
    const left = after.filter((d) => d.code === 'cell-not-number');
    assert.equal(left.length, 1);
    assert.equal(client.text(uri2).split('\n')[left[0].range.start.line].includes('2.重复申请'), true, 'the neighbour stays');
    assert.ok(after.some((d) => d.code === 'sum-applicant-total'), 'other rules on the same table stay');
  });

  it('diagnostics carry codeDescription: the rule’s page, a file that exists', async () => {
    const uri = 'file:///disable/links.govreport';
    await client.open(uri, WRONG);
    const diagnostics = await client.diagnostics(uri);
    for (const d of diagnostics) {
      const href = d.codeDescription?.href;
      assert.ok(href && href.endsWith(`/docs/rules/${d.code}.md`), `${d.code}: ${href}`);
      assert.ok(fs.existsSync(fileURLToPath(href)), href);
    }
  });

  it('the quick fix inserts the comment, and the finding is gone', async () => {
    const uri = 'file:///disable/quickfix.md';
    await client.open(uri, WRONG, 'markdown');
    const diagnostics = await client.diagnostics(uri);
    const review = diagnostics.find((d) => d.code === 'sum-review-litigation')!;
    const actions = await client.codeActions(uri, review.range, [review], ['quickfix']);
    const disable = actions.find((a) => /govreport-disable/.test(JSON.stringify(a.edit)));
    assert.ok(disable, actions.map((a) => a.title).join(' | '));
    assert.equal(disable.title, '接受此问题：在本表前后加注释停用 sum-review-litigation');
    assert.deepEqual(disable.diagnostics, [review]);
    const texts = editsOf(disable).map((e) => e.newText);
    assert.deepEqual(texts, ['<!-- govreport-disable sum-review-litigation -->\n', '\n<!-- govreport-enable sum-review-litigation -->']);
    const count = client.publishesFor(uri).length;
    client.applyWorkspaceEdit(disable.edit!);
    const published = await nextPublish(client, uri, count);
    assert.deepEqual(codesOf(published.diagnostics), codesOf(diagnostics.filter((d) => d !== review)));
    // On a line of prose (here: where the missing section would go), the comment is for that line.
    const missing = published.diagnostics.find((d) => d.code === 'section-missing')!;
    const lineActions = await client.codeActions(uri, missing.range, [missing], ['quickfix']);
    assert.ok(lineActions.some((a) => editsOf(a).some((e) => e.newText === '<!-- govreport-disable-next-line section-missing -->\n')), lineActions.map((a) => a.title).join(' | '));
  });

  it('offers no comment in a plain-text file, where it would be printed', async () => {
    const uri = 'file:///disable/plain.txt';
    await client.open(uri, WRONG, 'plaintext');
    const diagnostics = await client.diagnostics(uri);
    for (const d of diagnostics) {
      const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
      assert.ok(!actions.some((a) => /govreport-disable/.test(JSON.stringify(a.edit ?? {}))), String(d.code));
    }
  });

  it('a comment naming an unknown code: information naming the nearest code, with its fix', async () => {
    const uri = 'file:///disable/unknown.md';
    const text = WRONG.replace('## 四、', '<!-- govreport-disable sum-reveiw-litigation -->\n## 四、');
    await client.open(uri, text, 'markdown');
    const diagnostics: Diagnostic[] = await client.diagnostics(uri);
    const unknown = diagnostics.find((d) => d.code === 'disable-comment')!;
    assert.ok(unknown, codesOf(diagnostics).join(' '));
    assert.equal(unknown.severity, 3);
    assert.match(unknown.message, /「sum-reveiw-litigation」不存在.*是否应为「sum-review-litigation」/);
    assert.equal(client.text(uri).split('\n')[unknown.range.start.line].slice(unknown.range.start.character, unknown.range.end.character), 'sum-reveiw-litigation');
    assert.ok(diagnostics.some((d) => d.code === 'sum-review-litigation'), 'the misspelt comment silences nothing');
    const actions = await client.codeActions(uri, unknown.range, [unknown], ['quickfix']);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, '改为 sum-review-litigation');
    const count = client.publishesFor(uri).length;
    client.applyWorkspaceEdit(fix.edit!);
    const published = await nextPublish(client, uri, count);
    assert.ok(!codesOf(published.diagnostics).includes('sum-review-litigation'));
    assert.ok(!codesOf(published.diagnostics).includes('disable-comment'));
  });

  it('in a portal page, the comment in the markup before the row silences that row', async () => {
    const page = readFixture('layouts', 'portal-page-2024.html');
    const figure = page.indexOf('>66<', page.indexOf('一、本年新收政府信息公开申请数量')) + 1;
    const broken = page.slice(0, figure) + '67' + page.slice(figure + 2);
    const uri = 'file:///disable/page.html';
    await client.open(uri, broken, 'html');
    const d = (await client.diagnostics(uri)).find((x) => x.code === 'sum-applicant-total')!;
    const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
    const disable = actions.find((a) => a.title.includes('此行'))!;
    assert.ok(disable, actions.map((a) => a.title).join(' | '));
    const [edit] = editsOf(disable);
    assert.equal(edit.newText, '<!-- govreport-disable-next-line sum-applicant-total -->');
    const count = client.publishesFor(uri).length;
    client.applyWorkspaceEdit(disable.edit!);
    const published = await nextPublish(client, uri, count);
    assert.ok(!codesOf(published.diagnostics).includes('sum-applicant-total'));
    assert.ok(/<!-- govreport-disable-next-line sum-applicant-total --><tr/i.test(client.text(uri)), 'just before the row’s <tr>');
  });
});
