/**
 * Documents in, diagnostics out, through the real client and server: which files are
 * checked, which codes appear where, and what the status bar says.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, codes, EXTENSION_ID, extensionApi, fixtureUri, openCopy, openFixture, ours, waitFor, waitForDiagnostics } from './helpers';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await extensionApi();
  });
  teardown(closeAllEditors);

  test('the extension under test is the one the runner meant (working tree or installed .vsix)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const expected = process.env.GOVREPORT_VSCODE_EXTENSION_ROOT;
    if (expected) assert.ok(extension.extensionPath.startsWith(expected), `${extension.extensionPath} is not under ${expected}`);
    assert.equal(extension.isActive, true);
  });

  test('a .govreport file gets the engine’s findings, on the wrong cells', async () => {
    const editor = await openFixture('wrong-totals.govreport');
    const uri = editor.document.uri;
    assert.equal(editor.document.languageId, 'govreport');
    const ds = await waitForDiagnostics(uri, 'the three findings', (ds) => ds.length >= 3);
    assert.deepEqual(codes(uri), ['section-title', 'sum-applicant-total', 'sum-review-litigation']);
    const byCode = new Map(ds.map((d) => [codeOf(d), d]));
    // The narrowest wrong text: the total cells themselves.
    assert.equal(editor.document.getText(byCode.get('sum-applicant-total')!.range), '16');
    assert.equal(editor.document.getText(byCode.get('sum-review-litigation')!.range), '3');
    assert.equal(byCode.get('sum-applicant-total')!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byCode.get('sum-review-litigation')!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byCode.get('section-title')!.severity, vscode.DiagnosticSeverity.Information);
    // Chinese messages by default (govreport.locale = zh-CN), naming the expected value.
    assert.match(byCode.get('sum-review-litigation')!.message, /总计应为 1/);
  });

  test('a .txt file named like a report opens as govreport, and its tab-separated tables are checked', async () => {
    const editor = await openFixture('某某县某某局2023年政府信息公开工作年度报告.txt');
    assert.equal(editor.document.languageId, 'govreport');
    const ds = await waitForDiagnostics(editor.document.uri, 'sum-applicant-total', (ds) => ds.some((d) => codeOf(d) === 'sum-applicant-total'));
    const d = ds.find((x) => codeOf(x) === 'sum-applicant-total')!;
    assert.equal(editor.document.getText(d.range), '16');
  });

  test('a markdown file is checked when its content is a report, and an unrelated note is not', async () => {
    const note = await openFixture('notes.md');
    assert.equal(note.document.languageId, 'markdown');
    const draft = await openFixture('draft.md');
    assert.equal(draft.document.languageId, 'markdown');
    await waitForDiagnostics(draft.document.uri, 'sum-applicant-total', (ds) => ds.some((d) => codeOf(d) === 'sum-applicant-total'));
    // notes.md was opened (and sent to the server) before draft.md, whose findings are in.
    assert.deepEqual(codes(note.document.uri), []);
  });

  test('a report without problems has no findings', async () => {
    const editor = await openFixture('clean.govreport');
    // A document opened after it has its findings in: by then clean.govreport was checked too.
    const later = await openCopy('wrong-totals.govreport');
    await waitForDiagnostics(later.document.uri, 'findings of a document opened later', (ds) => ds.length >= 3);
    assert.deepEqual(codes(editor.document.uri), []);
  });

  test('the status bar counts the active report’s errors and warnings, and hides for other files', async () => {
    const api = await extensionApi();
    const editor = await openFixture('wrong-totals.govreport');
    await waitForDiagnostics(editor.document.uri, 'the three findings', (ds) => ds.length >= 3);
    await waitFor(() => `status bar "$(error) 2 $(warning) 0" (shows ${api.statusBarText()})`, () => api.statusBarText() === '$(error) 2 $(warning) 0');

    await openFixture('clean.govreport');
    await waitFor(() => `status bar check mark (shows ${api.statusBarText()})`, () => api.statusBarText()?.startsWith('$(check)'));

    await openFixture('notes.md');
    await waitFor(() => `status bar hidden (shows ${api.statusBarText()})`, () => api.statusBarText() === undefined);
    assert.deepEqual(ours(fixtureUri('notes.md')), []);
  });
});
