/**
 * `govreport.*` settings changed in the workspace reach the running server, which re-publishes
 * with them — no restart, so the Problems panel never empties in between; only
 * `govreport.enable: false` stops it.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, codes, extensionApi, openFixture, waitFor, waitForDiagnostics } from './helpers';

const config = () => vscode.workspace.getConfiguration('govreport');

suite('settings', () => {
  suiteSetup(async () => {
    await extensionApi();
  });
  teardown(async () => {
    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('locale', undefined, vscode.ConfigurationTarget.Workspace);
    await (await extensionApi()).ready();
    await closeAllEditors();
  });

  test('turning a rule off drops its findings; resetting it brings them back', async () => {
    const { document } = await openFixture('wrong-totals.govreport');
    await waitForDiagnostics(document.uri, 'the three findings', (ds) => ds.length >= 3);
    const seen: number[] = [];
    const watch = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === document.uri.toString())) seen.push(vscode.languages.getDiagnostics(document.uri).length);
    });
    await config().update('rules', { 'sum-review-litigation': 'off', 'section-title': 'warning' }, vscode.ConfigurationTarget.Workspace);
    const ds = await waitForDiagnostics(document.uri, 'sum-review-litigation gone, section-title a warning', (ds) =>
      !ds.some((d) => codeOf(d) === 'sum-review-litigation') && ds.some((d) => codeOf(d) === 'section-title' && d.severity === vscode.DiagnosticSeverity.Warning),
    );
    watch.dispose();
    assert.deepEqual(ds.map(codeOf).sort(), ['section-title', 'sum-applicant-total']);
    assert.ok(!seen.includes(0), `the Problems panel emptied while the setting changed: ${seen.join(', ')}`);
    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, 'sum-review-litigation back', (ds) => ds.some((d) => codeOf(d) === 'sum-review-litigation'));
  });

  test('govreport.locale = en gives English messages', async () => {
    const { document } = await openFixture('wrong-totals.govreport');
    await waitForDiagnostics(document.uri, 'the three findings', (ds) => ds.length >= 3);
    await config().update('locale', 'en', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, 'an English message', (ds) => ds.some((d) => codeOf(d) === 'sum-review-litigation' && /^[\x00-\x7f]*[A-Za-z]/.test(d.message) && !/总计应为/.test(d.message)));
  });

  test('govreport.enable = false stops the checker; true starts it again', async () => {
    const api = await extensionApi();
    const { document } = await openFixture('wrong-totals.govreport');
    await waitForDiagnostics(document.uri, 'the three findings', (ds) => ds.length >= 3);
    await config().update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('the server to stop', async () => (await api.ready()) === false);
    await waitForDiagnostics(document.uri, 'no findings while disabled', (ds) => ds.length === 0);
    await waitFor(() => `status bar hidden (shows ${api.statusBarText()})`, () => api.statusBarText() === undefined);

    await config().update('enable', true, vscode.ConfigurationTarget.Workspace);
    await waitFor('the server to start', async () => (await api.ready()) === true);
    await waitForDiagnostics(document.uri, 'the findings back', (ds) => ds.length >= 3);
    assert.deepEqual(codes(document.uri), ['section-title', 'sum-applicant-total', 'sum-review-litigation']);
  });
});
