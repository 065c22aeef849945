/** Shared by the extension-host suites: the extension, the fixtures, bounded waits. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GovReportExtensionApi } from '../../../client/src/activate';

export const EXTENSION_ID = 'govreport.govreport';
export const SOURCE = 'govreport';

let api: GovReportExtensionApi | undefined;

/** Activates the extension (opening a govreport file would too) and waits for its server. */
export async function extensionApi(): Promise<GovReportExtensionApi> {
  if (api) return api;
  const extension = vscode.extensions.getExtension<GovReportExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  api = await extension.activate();
  assert.equal(await api.ready(), true, 'the language server did not start');
  return api;
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixtures workspace open');
  return folder.uri;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** An untitled govreport document holding a fixture's text: edits never reach the disk. */
export async function openCopy(name: string, language = 'govreport'): Promise<vscode.TextEditor> {
  const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  // Untitled documents would ask to be saved: revert them first.
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isUntitled && editor.document.isDirty) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codes(uri: vscode.Uri): string[] {
  return ours(uri).map(codeOf).sort();
}

/** Polls until `check` returns a value other than undefined/false; fails with `what` after the bound. */
export async function waitFor<T>(
  what: string | (() => string),
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the document's govreport diagnostics satisfy `predicate`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, predicate: (ds: vscode.Diagnostic[]) => boolean, timeoutMs?: number) {
  const describe = () => `${what} (${decodeURIComponent(uri.path.split('/').pop() ?? '')}; found: ${codes(uri).join(', ') || 'nothing'})`;
  return waitFor(describe, () => {
    const ds = ours(uri);
    return predicate(ds) ? ds : undefined;
  }, timeoutMs);
}
