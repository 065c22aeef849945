/**
 * The workspace check's results as an editor keeps them: a checked file opened and closed
 * keeps its findings (re-read from disk: an edit saved meanwhile counts, a deleted file is
 * cleared), and the `govreport/reports` list — every report with its counts — that the VS Code
 * extension's 报告体检 view and status bar show.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readFixture } from '../support/seeds';
import { REPORTS_NOTIFICATION, type ReportsParams } from '../../server/src/common/reportsProtocol';
import { codesOf, LspClient, rangeOf, toUri } from './client';

const REPORT = readFixture('lsp', 'report-2023.md');
const WRONG = readFixture('lsp', 'wrong-totals.md');
const NOTE = readFixture('lsp', 'note.md');

describe('workspace check results in the editor', () => {
  let folder: string;
  let client: LspClient;
  const file = (rel: string) => path.join(folder, rel);
  const lastReports = () => client.custom.filter((n) => n.method === REPORTS_NOTIFICATION).map((n) => n.params as ReportsParams).pop();
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-reports-'));
    const files: Record<string, string> = { 'draft.md': WRONG, 'clean.md': REPORT, 'gone.md': WRONG, 'saved.md': WRONG, 'note.md': NOTE };
    for (const [rel, text] of Object.entries(files)) fs.writeFileSync(file(rel), text);
    client = await LspClient.start({ debounceMs: 0, workspaceFolders: [folder], initializationOptions: { reportsNotification: true } });
    await client.executeCommand('govreport.checkWorkspace');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a checked file opened and closed keeps its findings in the Problems panel', async () => {
    const uri = toUri(file('draft.md'));
    const checked = client.lastPublish(uri)!;
    assert.deepEqual(codesOf(checked.diagnostics), ['cell-not-number', 'section-missing', 'sum-applicant-total', 'sum-review-litigation']);
    await client.open(uri, WRONG, 'markdown');
    await client.diagnostics(uri);
    const count = client.publishesFor(uri).length;
    await client.close(uri);
    await client.waitFor(() => client.publishesFor(uri).length > count, 'a publish after the close');
    const afterClose = client.publishesFor(uri).slice(count);
    assert.equal(afterClose.length, 1, 'one publish, not an empty one first');
    assert.deepEqual(afterClose[0].diagnostics, checked.diagnostics);
    assert.equal(afterClose[0].version, undefined);
  });

  it('closing drops the editor’s unsaved edits: the file as saved is what stays', async () => {
    const uri = toUri(file('draft.md'));
    await client.open(uri, WRONG, 'markdown');
    await client.diagnostics(uri);
    // An unsaved edit that fixes the 行政复议 total, then the editor closes without saving.
    const total = rangeOf(client, uri, '| 1 | 0 | 0 | 0 | 2 |');
    await client.edit(uri, [{ range: total, text: '| 1 | 0 | 0 | 0 | 1 |' }]);
    assert.ok(!codesOf(await client.diagnostics(uri)).includes('sum-review-litigation'));
    const count = client.publishesFor(uri).length;
    await client.close(uri);
    await client.waitFor(() => client.publishesFor(uri).length > count, 'a publish after the close');
    assert.ok(codesOf(client.lastPublish(uri)!.diagnostics).includes('sum-review-litigation'));
  });

  it('a file saved with a fix and closed shows the saved file’s findings; a deleted one is cleared', async () => {
    const saved = toUri(file('saved.md'));
    await client.open(saved, WRONG, 'markdown');
    await client.diagnostics(saved);
    fs.writeFileSync(file('saved.md'), WRONG.replace('| 1 | 0 | 0 | 0 | 2 |', '| 1 | 0 | 0 | 0 | 1 |'));
    let count = client.publishesFor(saved).length;
    await client.close(saved);
    await client.waitFor(() => client.publishesFor(saved).length > count, 'a publish after the close');
    assert.deepEqual(codesOf(client.lastPublish(saved)!.diagnostics), ['cell-not-number', 'section-missing', 'sum-applicant-total']);

    const gone = toUri(file('gone.md'));
    await client.open(gone, WRONG, 'markdown');
    await client.diagnostics(gone);
    fs.rmSync(file('gone.md'));
    count = client.publishesFor(gone).length;
    await client.close(gone);
    await client.waitFor(() => client.publishesFor(gone).length > count, 'a publish after the close');
    assert.deepEqual(client.lastPublish(gone)!.diagnostics, []);
    await client.waitFor(() => lastReports() !== undefined && !lastReports()!.reports.some((r) => r.uri === gone), 'the deleted file gone from the list');
  });

  it('checking again clears a report that is gone from the disk', async () => {
    fs.writeFileSync(file('later.md'), WRONG);
    await client.executeCommand('govreport.checkWorkspace');
    const uri = toUri(file('later.md'));
    assert.ok(client.lastPublish(uri)!.diagnostics.length > 0);
    fs.rmSync(file('later.md'));
    await client.executeCommand('govreport.checkWorkspace');
    await client.waitFor(() => client.lastPublish(uri)!.diagnostics.length === 0, 'an empty publish for the deleted file');
    await client.waitFor(() => lastReports() !== undefined && !lastReports()!.reports.some((r) => r.uri === uri), 'gone from the list');
  });

  it('a document the workspace check never saw is cleared on close', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, WRONG, 'markdown');
    assert.ok((await client.diagnostics(uri)).length > 0);
    await client.close(uri);
    await client.waitFor(() => client.lastPublish(uri)!.diagnostics.length === 0, 'an empty publish');
  });

  it('lists every report with its counts, open ones as the editor has them', async () => {
    // The list as it settles: the earlier tests opened and closed draft.md, re-checked from disk on close.
    const listed = (name: string) => lastReports()?.reports.some((r) => r.uri === toUri(file(name)) && !r.open) === true;
    await client.waitFor(() => lastReports()?.checked === true && listed('clean.md') && listed('draft.md'), 'the reports list');
    const list = lastReports()!;
    const byName = new Map(list.reports.map((r) => [path.basename(decodeURIComponent(r.uri)), r]));
    assert.ok(!byName.has('note.md'), 'a note is not a report');
    assert.deepEqual(byName.get('clean.md'), { uri: toUri(file('clean.md')), title: '示例县交通运输局2023年政府信息公开工作年度报告', errors: 0, warnings: 0, others: 0, open: false });
    const draft = byName.get('draft.md')!;
    assert.deepEqual([draft.errors, draft.warnings, draft.open], [4, 0, false]);

    // Opened and edited: the list follows the editor (one error fixed), and says it is open.
    const uri = toUri(file('draft.md'));
    await client.open(uri, WRONG, 'markdown');
    await client.edit(uri, [{ range: rangeOf(client, uri, '| 1 | 0 | 0 | 0 | 2 |'), text: '| 1 | 0 | 0 | 0 | 1 |' }]);
    await client.waitFor(() => lastReports()!.reports.some((r) => r.uri === uri && r.open && r.errors === 3), 'the open draft with 3 errors');
    await client.close(uri);
    await client.waitFor(() => lastReports()!.reports.some((r) => r.uri === uri && !r.open && r.errors === 4), 'the closed draft as saved, 4 errors');
  });
});

describe('the reports list is opt-in', () => {
  it('is not sent to a client that did not ask for it', async () => {
    const client = await LspClient.start({ debounceMs: 0 });
    try {
      await client.open('file:///opt-in/report.govreport', WRONG);
      await client.diagnostics('file:///opt-in/report.govreport');
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(client.custom, []);
    } finally {
      await client.stop();
    }
  });
});
