/**
 * Settings and which documents are diagnosed: rule severities and `off`, the locale, the
 * format, invalid values (one warning naming the key, the value and what is allowed, then the
 * default), `enable`, `files`, and an unrelated note that stays quiet.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFixture } from '../support/seeds';
import { codesOf, LspClient, toUri } from './client';

const REPORT = readFixture('lsp', 'report-2023.md');
const WRONG = readFixture('lsp', 'wrong-totals.md');
const NOTE = readFixture('lsp', 'note.md');

/** Waits for the next publish for `uri` after `count` of them. */
async function nextPublish(client: LspClient, uri: string, count: number) {
  await client.waitFor(() => client.publishesFor(uri).length > count, `a new publish for ${uri}`);
  return client.lastPublish(uri)!;
}

describe('settings', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0, settings: { rules: { 'sum-review-litigation': 'warning', 'section-missing': 'off' } } });
  });
  after(() => client.stop());

  it('applies rule severities and turns rules off', async () => {
    const uri = 'file:///settings/rules.govreport';
    await client.open(uri, WRONG);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(codesOf(diagnostics), ['cell-not-number', 'sum-applicant-total', 'sum-review-litigation']);
    assert.equal(diagnostics.find((d) => d.code === 'sum-review-litigation')!.severity, 2);
    assert.equal(diagnostics.find((d) => d.code === 'cell-not-number')!.severity, 1);
  });

  it('pulls the settings again when they change, and re-publishes', async () => {
    const uri = 'file:///settings/change.govreport';
    await client.open(uri, WRONG);
    await client.diagnostics(uri);
    const count = client.publishesFor(uri).length;
    await client.changeSettings({ locale: 'en', rules: { 'cell-not-number': 'hint' } });
    const published = await nextPublish(client, uri, count);
    assert.equal(published.version, 1);
    const byCode = new Map(published.diagnostics.map((d) => [d.code, d]));
    assert.equal(byCode.get('cell-not-number')!.severity, 4);
    assert.equal(byCode.get('section-missing')!.severity, 1);
    assert.match(byCode.get('sum-review-litigation')!.message, /should be 1/);

    const review = byCode.get('sum-review-litigation')!;
    const actions = await client.codeActions(uri, review.range, [review]);
    assert.ok(actions.some((a) => a.title === 'Change the total to 1'), actions.map((a) => a.title).join(', '));
    assert.ok(actions.some((a) => /^Fix all/.test(a.title)));
  });

  it('a severity or locale change re-publishes without a restart and without an empty set in between', async () => {
    const uri = 'file:///settings/no-restart.govreport';
    await client.changeSettings({ rules: { 'sum-review-litigation': 'warning', 'section-missing': 'off' } });
    await client.open(uri, WRONG);
    const before = await client.diagnostics(uri);
    assert.ok(before.some((d) => d.code === 'sum-review-litigation' && d.severity === 2));
    const pid = client.process.pid;
    const count = client.publishesFor(uri).length;
    // What a user does in the Settings editor: one key, then another, each its own change.
    await client.changeSettings({ rules: { 'sum-review-litigation': 'off', 'section-missing': 'off' } });
    await client.waitFor(() => !client.lastPublish(uri)!.diagnostics.some((d) => d.code === 'sum-review-litigation') && client.publishesFor(uri).length > count, 'sum-review-litigation turned off');
    await client.changeSettings({ locale: 'en', rules: { 'sum-review-litigation': 'off', 'section-missing': 'off' } });
    await client.waitFor(() => /they all hold/.test(client.lastPublish(uri)!.diagnostics.find((d) => d.code === 'sum-applicant-total')?.message ?? ''), 'English messages');
    const after = client.publishesFor(uri).slice(count);
    assert.ok(after.length >= 2, `${after.length} publishes`);
    for (const p of after) assert.ok(p.diagnostics.length > 0, 'no empty publish while the settings change (the Problems panel would flash empty)');
    assert.ok(after.every((p) => p.version === 1), 'published for the open version');
    assert.deepEqual(codesOf(client.lastPublish(uri)!.diagnostics), ['cell-not-number', 'sum-applicant-total']);
    assert.equal(client.process.pid, pid);
    assert.equal(client.process.exitCode, null, 'the server is still running');
    await client.changeSettings({ rules: { 'sum-review-litigation': 'warning', 'section-missing': 'off' } });
    await client.waitFor(() => client.lastPublish(uri)!.diagnostics.some((d) => d.code === 'sum-review-litigation' && /[\u4e00-\u9fff]/.test(d.message)), 'back to Chinese, the rule back on');
  });

  it('warns once about invalid values, naming the key, the value and what is allowed, and uses the defaults', async () => {
    const bad = { locale: 'fr', format: 2022, enable: 'yes', files: 'reports/*.md', rules: { 'sum-total': 'error', balance: 'fatal', 'cell-blank': 'off' } };
    const messages = client.messages.length;
    const uris = ['file:///settings/invalid-1.govreport', 'file:///settings/invalid-2.govreport'];
    const counts = uris.map((u) => client.publishesFor(u).length);
    await client.changeSettings(bad);
    await client.open(uris[0], WRONG);
    await client.open(uris[1], WRONG.replace('示例县', '另一县'));
    await nextPublish(client, uris[0], counts[0]);
    const published = await nextPublish(client, uris[1], counts[1]);

    const warnings = client.messages.slice(messages);
    assert.equal(warnings.length, 1, warnings.map((m) => m.message).join('\n'));
    const { type, message } = warnings[0];
    assert.equal(type, 2);
    for (const part of ['「govreport.locale」的值 "fr" 无效', '"zh-CN"、"en"', '「govreport.format」的值 2022', '"auto"、"2019"、"2021"', '「govreport.enable」的值 "yes"', '「govreport.files」', '"sum-total"', '「govreport.rules.balance」的值 "fatal"', '"error"、"warning"、"information"、"hint"、"off"']) {
      assert.ok(message.includes(part), `"${part}" in: ${message}`);
    }
    // Defaults where invalid (Chinese, all rules on), the valid entry kept (cell-blank off).
    assert.deepEqual(codesOf(published.diagnostics), ['cell-not-number', 'section-missing', 'sum-applicant-total', 'sum-review-litigation']);
    assert.match(published.diagnostics[0].message, /[\u4e00-\u9fff]/);

    // In English when the locale is valid and English.
    await client.changeSettings({ locale: 'en', format: 'newest' });
    await client.waitFor(() => client.messages.length > messages + 1, 'the English warning');
    assert.match(client.messages[client.messages.length - 1].message, /“govreport\.format” is "newest", allowed: "auto", "2019", "2021"; using the default "auto"/);
    await client.changeSettings({});
  });

  it('follows `format` instead of detecting it', async () => {
    const uri = 'file:///settings/format.govreport';
    await client.changeSettings({ format: '2019' });
    await client.open(uri, REPORT);
    const diagnostics = await client.diagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'table-row-missing' && /其他对外管理服务事项/.test(d.message)));
    await client.changeSettings({});
  });

  it('publishes an empty set when disabled', async () => {
    const uri = 'file:///settings/disabled.govreport';
    await client.changeSettings({ enable: false });
    await client.open(uri, WRONG);
    assert.deepEqual(await client.diagnostics(uri), []);
    const count = client.publishesFor(uri).length;
    await client.changeSettings({ enable: true });
    assert.ok((await nextPublish(client, uri, count)).diagnostics.length > 0);
  });
});

describe('which documents are diagnosed', () => {
  const folder = '/tmp/govreport-lsp-workspace';
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0, workspaceFolders: [folder], settings: { files: ['reports/**/*.txt'] } });
  });
  after(() => client.stop());

  it('an unrelated markdown note gets an empty publish, also after it stops looking like a report', async () => {
    const uri = 'file:///which/note.md';
    await client.open(uri, NOTE, 'markdown');
    const first = await client.diagnostics(uri);
    assert.deepEqual(first, []);
    assert.equal(client.lastPublish(uri)!.version, 1);

    // Given a report title it is a report (and an incomplete one).
    await client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }, text: '# 示例县2023年政府信息公开工作年度报告' }]);
    assert.ok(codesOf(await client.diagnostics(uri)).includes('section-missing'));
    // And quiet again once the title goes.
    await client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 24 } }, text: '# 周会记录' }]);
    assert.equal(client.text(uri), NOTE);
    assert.deepEqual(await client.diagnostics(uri), []);
  });

  it('a markdown file with two section headings and no title is a report', async () => {
    const uri = 'file:///which/headings.md';
    await client.open(uri, '## 一、总体情况\n\n今年工作平稳。\n\n## 五、存在的主要问题及改进情况\n\n无。\n', 'markdown');
    assert.ok(codesOf(await client.diagnostics(uri)).includes('report-title'));
  });

  it('a file named by govreport.files is checked even when it does not look like a report', async () => {
    const table4 = '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| 1 | 0 | 0 | 0 | 5 |\n';
    const inside = toUri(`${folder}/reports/2023/part.txt`);
    const outside = toUri(`${folder}/drafts/part.txt`);
    await client.open(inside, table4, 'plaintext');
    await client.open(outside, table4, 'plaintext');
    assert.ok((await client.diagnostics(inside)).length > 0);
    assert.deepEqual(await client.diagnostics(outside), []);
  });

  it('a govreport document is always checked', async () => {
    const uri = 'file:///which/empty.govreport';
    await client.open(uri, '');
    assert.ok(codesOf(await client.diagnostics(uri)).includes('section-missing'));
  });
});
