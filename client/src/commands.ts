/**
 * The four commands of the palette. Each one gathers what the user means (prompts, the active
 * document, the cursor), asks the server to do the work through `workspace/executeCommand`,
 * and reports the outcome. What a report looks like, what is wrong with it and how to fix it
 * is the server's business; nothing here reads report text.
 */
import * as vscode from 'vscode';
import type { ClientController } from './languageClient';
import { strings } from './strings';

/** Client command id → the server command it forwards to. */
export const COMMANDS = {
  newReport: { id: 'govreport.newReport', server: 'govreport.skeleton' },
  fixAll: { id: 'govreport.fixAll', server: 'govreport.fixAll' },
  checkWorkspace: { id: 'govreport.checkWorkspace', server: 'govreport.checkWorkspace' },
  convertTable: { id: 'govreport.convertTable', server: 'govreport.convertTable' },
  importReport: { id: 'govreport.importReport', server: 'govreport.importReport' },
  startNextYear: { id: 'govreport.startNextYear', server: 'govreport.startNextYear' },
  exportWord: { id: 'govreport.exportWord', server: 'govreport.exportReport' },
  exportHtml: { id: 'govreport.exportHtml', server: 'govreport.exportReport' },
} as const;

/** Server command names the client registers itself (see skipServerCommandRegistration). */
export const CLIENT_OWNED_COMMANDS: ReadonlySet<string> = new Set([...Object.values(COMMANDS).map((c) => c.id), 'govreport.exportReport', 'govreport.previewHtml']);

/** What the server answers when it wrote a file (a draft, an export). */
export interface WrittenFile {
  uri: string;
  path: string;
  errors: number;
  warnings: number;
}

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2100;

export interface NewReportArgs {
  body?: string;
  year?: number | string;
}

export interface CheckWorkspaceSummary {
  files: number;
  errors: number;
  warnings: number;
}

export function validateBody(value: string): string | undefined {
  return value.trim() ? undefined : strings().bodyRequired;
}

export function validateYear(value: string): string | undefined {
  const year = /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  return year >= FIRST_YEAR && year <= LAST_YEAR ? undefined : strings().yearInvalid;
}

/** The getting-started walkthrough (package.json contributes.walkthroughs), by its full id. */
export const WALKTHROUGH = 'govreport.govreport#gettingStarted';
export const OPEN_EXAMPLE_COMMAND = 'govreport.openExample';
export const SHOW_WALKTHROUGH_COMMAND = 'govreport.showWalkthrough';

export function registerCommands(controller: ClientController, extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, () => guarded(OPEN_EXAMPLE_COMMAND, () => openExample(extensionUri))),
    vscode.commands.registerCommand(SHOW_WALKTHROUGH_COMMAND, () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false)),
    vscode.commands.registerCommand(COMMANDS.newReport.id, (args?: NewReportArgs) => guarded(COMMANDS.newReport.id, () => newReport(controller, args))),
    vscode.commands.registerCommand(COMMANDS.fixAll.id, (uri?: vscode.Uri | string) => guarded(COMMANDS.fixAll.id, () => fixAll(controller, uri))),
    vscode.commands.registerCommand(COMMANDS.checkWorkspace.id, () => guarded(COMMANDS.checkWorkspace.id, () => checkWorkspace(controller))),
    vscode.commands.registerCommand(COMMANDS.convertTable.id, () => guarded(COMMANDS.convertTable.id, () => convertTable(controller))),
    vscode.commands.registerCommand(COMMANDS.importReport.id, (uri?: vscode.Uri) => guarded(COMMANDS.importReport.id, () => importReport(controller, uri))),
    vscode.commands.registerCommand(COMMANDS.startNextYear.id, (uri?: vscode.Uri) => guarded(COMMANDS.startNextYear.id, () => startNextYear(controller, uri))),
    vscode.commands.registerCommand(COMMANDS.exportWord.id, (uri?: vscode.Uri, target?: vscode.Uri) => guarded(COMMANDS.exportWord.id, () => exportReport(controller, 'docx', uri, target))),
    vscode.commands.registerCommand(COMMANDS.exportHtml.id, (uri?: vscode.Uri, target?: vscode.Uri) => guarded(COMMANDS.exportHtml.id, () => exportReport(controller, 'html', uri, target))),
    vscode.commands.registerCommand(MARKDOWN_PREVIEW_COMMAND, (uri?: vscode.Uri) => guarded(MARKDOWN_PREVIEW_COMMAND, () => markdownPreview(uri))),
  ];
}

/**
 * The walkthrough's example (examples/qingshan-2024-draft.md, copied into dist/ by the build):
 * opened as an untitled GovReport document, so trying the fixes writes no file.
 */
async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextDocument> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'walkthrough-example.md'));
  const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: new TextDecoder('utf-8').decode(bytes) });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * A report named like 「…政府信息公开工作年度报告.md」 opens as a GovReport document (its checks,
 * grammar and status bar), which hides Markdown's own preview button; this brings it back:
 * VS Code's Markdown preview of the same file, beside the editor.
 */
export const MARKDOWN_PREVIEW_COMMAND = 'govreport.showMarkdownPreview';

async function markdownPreview(uri?: vscode.Uri): Promise<void> {
  const target = targetUri(uri);
  if (!target) {
    void vscode.window.showWarningMessage(strings().noEditor);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
}

/** A failed server request becomes an error message, not an unhandled rejection. */
async function guarded<T>(command: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(strings().commandFailed(command, message));
    return undefined;
  }
}

async function requireServer(controller: ClientController): Promise<boolean> {
  if (await controller.ready()) return true;
  void vscode.window.showWarningMessage(strings().notRunning);
  return false;
}

/**
 * Asks for the body and the year (unless given, e.g. by a keybinding or a test), gets the
 * skeleton from the server and opens it as an untitled govreport document.
 */
async function newReport(controller: ClientController, args: NewReportArgs = {}): Promise<vscode.TextDocument | undefined> {
  const s = strings();
  const body =
    args.body?.trim() ||
    (
      await vscode.window.showInputBox({
        title: s.extensionName,
        prompt: s.bodyPrompt,
        placeHolder: s.bodyPlaceholder,
        ignoreFocusOut: true,
        validateInput: validateBody,
      })
    )?.trim();
  if (!body) return undefined;
  const defaultYear = String(new Date().getFullYear() - 1);
  const yearText =
    args.year !== undefined
      ? String(args.year)
      : await vscode.window.showInputBox({
          title: s.extensionName,
          prompt: s.yearPrompt,
          value: defaultYear,
          ignoreFocusOut: true,
          validateInput: validateYear,
        });
  if (yearText === undefined) return undefined;
  if (validateYear(yearText)) {
    void vscode.window.showErrorMessage(s.yearInvalid);
    return undefined;
  }
  if (!(await requireServer(controller))) return undefined;
  const content = await controller.executeServerCommand<string>(COMMANDS.newReport.server, [
    { body, year: Number(yearText.trim()) },
  ]);
  if (typeof content !== 'string') throw new Error(`${COMMANDS.newReport.server} returned no text`);
  const document = await vscode.workspace.openTextDocument({ language: 'govreport', content });
  await vscode.window.showTextDocument(document);
  return document;
}

/** Applies every fix the server can make without guessing; returns how many it applied. */
async function fixAll(controller: ClientController, target?: vscode.Uri | string): Promise<number | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage(strings().noEditor);
    return undefined;
  }
  if (!(await requireServer(controller))) return undefined;
  const uriString = typeof uri === 'string' ? uri : controller.code2Protocol.asUri(uri);
  // The server applies the edit itself (workspace/applyEdit) and answers how many fixes it held.
  const applied = (await controller.executeServerCommand<number>(COMMANDS.fixAll.server, [uriString])) ?? 0;
  void vscode.window.showInformationMessage(applied ? strings().fixAllDone(applied) : strings().fixAllNone);
  return applied;
}

/** Checks every report in the workspace (diagnostics appear in the Problems panel) and sums up. */
async function checkWorkspace(controller: ClientController): Promise<CheckWorkspaceSummary | undefined> {
  if (!(await requireServer(controller))) return undefined;
  const summary = await controller.executeServerCommand<CheckWorkspaceSummary>(COMMANDS.checkWorkspace.server, []);
  if (!summary) return undefined;
  void vscode.window.showInformationMessage(strings().checkWorkspaceDone(summary.files, summary.errors, summary.warnings));
  return summary;
}

/** Rewrites the table under the cursor (tab-separated, one cell per line, HTML) as Markdown. */
async function convertTable(controller: ClientController): Promise<boolean | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(strings().noEditor);
    return undefined;
  }
  if (!(await requireServer(controller))) return undefined;
  const c2p = controller.code2Protocol;
  // The server applies the edit; when it refuses (no table there, or one it cannot convert
  // without losing a figure) it shows the reason itself and answers false.
  const converted = await controller.executeServerCommand<boolean>(COMMANDS.convertTable.server, [
    c2p.asUri(editor.document.uri),
    c2p.asPosition(editor.selection.active),
  ]);
  return converted === true;
}

/** The file a command is about: the one it was called on (explorer menu, tests), else the active editor's. */
function targetUri(uri?: vscode.Uri): vscode.Uri | undefined {
  return uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
}

/** Opens a draft the server wrote, beside nothing: it becomes the active editor and is checked. */
async function openWritten(written: WrittenFile): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(written.uri));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * 导入年度报告: a Word, PDF, HTML or text file made into a Markdown draft beside it (the
 * server reads and writes), opened and checked.
 */
async function importReport(controller: ClientController, uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  let source = targetUri(uri);
  if (!source || (!uri && !/\.(docx|pdf|html?|txt)$/i.test(source.path))) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      title: strings().importTitle,
      filters: { [strings().importFilter]: ['docx', 'pdf', 'html', 'htm', 'txt'] },
    });
    source = picked?.[0];
  }
  if (!source) return undefined;
  if (!(await requireServer(controller))) return undefined;
  const written = await controller.executeServerCommand<WrittenFile>(COMMANDS.importReport.server, [controller.code2Protocol.asUri(source)]);
  if (!written) return undefined;
  const document = await openWritten(written);
  void vscode.window.showInformationMessage(strings().imported(vscode.workspace.asRelativePath(vscode.Uri.parse(written.uri)), written.errors, written.warnings));
  return document;
}

/** 根据上年报告起草本年报告: this year's draft from last year's report (open, or chosen in the explorer). */
async function startNextYear(controller: ClientController, uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const source = targetUri(uri);
  if (!source) {
    void vscode.window.showWarningMessage(strings().noEditor);
    return undefined;
  }
  if (!(await requireServer(controller))) return undefined;
  const written = await controller.executeServerCommand<WrittenFile>(COMMANDS.startNextYear.server, [controller.code2Protocol.asUri(source)]);
  if (!written) return undefined;
  const document = await openWritten(written);
  void vscode.window.showInformationMessage(strings().nextYearDone(vscode.workspace.asRelativePath(vscode.Uri.parse(written.uri))));
  return document;
}

/**
 * Where to offer to save: beside the draft under its name, or name-2 … when that exists — a
 * draft imported from 2023年报告.docx must not offer to overwrite 2023年报告.docx.
 */
async function freeUri(source: vscode.Uri, ext: string): Promise<vscode.Uri> {
  const stem = source.path.replace(/\.[^./]+$/, '');
  for (let n = 1; n < 100; n++) {
    const candidate = source.with({ path: `${stem}${n === 1 ? '' : `-${n}`}.${ext}` });
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
  return source.with({ path: `${stem}.${ext}` });
}

/** 导出为 Word / 导出为网页: the finished report in the official layout, where the user says. */
async function exportReport(controller: ClientController, kind: 'docx' | 'html', uri?: vscode.Uri, target?: vscode.Uri): Promise<WrittenFile | undefined> {
  const source = targetUri(uri);
  if (!source) {
    void vscode.window.showWarningMessage(strings().noEditor);
    return undefined;
  }
  // The server exports what the editor has: the document must be open.
  await vscode.workspace.openTextDocument(source);
  // Beside the draft, in whatever file system it is in (file:, or vscode-remote:/vscode-vfs: in the browser).
  const base = source.scheme !== 'untitled' ? await freeUri(source, kind) : undefined;
  const to =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: base,
      title: kind === 'docx' ? strings().exportWordTitle : strings().exportHtmlTitle,
      filters: kind === 'docx' ? { Word: ['docx'] } : { HTML: ['html', 'htm'] },
    }));
  if (!to) return undefined;
  if (!(await requireServer(controller))) return undefined;
  // A URI, not a path: in the browser the server hands the bytes back to be written through VS Code's file system.
  const written = await controller.executeServerCommand<WrittenFile>(COMMANDS.exportWord.server, [controller.code2Protocol.asUri(source), controller.code2Protocol.asUri(to), kind]);
  if (!written) return undefined;
  const name = vscode.workspace.asRelativePath(vscode.Uri.parse(written.uri));
  if (written.errors || written.warnings) void vscode.window.showWarningMessage(strings().exportedWithFindings(name, written.errors, written.warnings));
  else void vscode.window.showInformationMessage(strings().exported(name));
  return written;
}
