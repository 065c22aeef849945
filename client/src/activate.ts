/**
 * The extension's client side: start the language server, register the palette commands,
 * keep the status bar current, start or stop the server when `govreport.enable` changes. Every
 * other `govreport.*` setting reaches the running server as workspace/didChangeConfiguration
 * (the client's configuration sync); the server pulls the settings again and re-publishes —
 * no restart, so the Problems panel never empties in between. The checking itself, and the choice of which markdown/plaintext files are reports, happen in the
 * server, which the CLI's engine shares. This file is shared by both entries: extension.ts
 * (desktop: the server is a Node process) and browserExtension.ts (the server is a web worker).
 */
import * as vscode from 'vscode';
import { CLIENT_OWNED_COMMANDS, registerCommands } from './commands';
import { CONFIG_SECTION, ClientController, type ClientPlatform } from './languageClient';
import { PreviewManager } from './preview';
import { ReportsModel, ReportsTree, REPORTS_VIEW } from './reports';
import { ProblemsStatusBar } from './statusBar';
import { strings } from './strings';

/** What `activate` returns: for the extension-host tests, not a public API. */
export interface GovReportExtensionApi {
  /** Resolves when no start or stop is in progress; true when the server is running. */
  ready(): Promise<boolean>;
  /** The status bar item's text, or undefined while it is hidden. */
  statusBarText(): string | undefined;
}

let controller: ClientController | undefined;

/**
 * True in the browser build (context key for package.json's `when` clauses): the commands that
 * read and write files are not offered there, its server has no file system. (VS Code's own
 * `isWeb` would also hide them in code-server running the Node build, which has one.)
 */
export const WEB_CONTEXT = 'govreport.web';

export async function activateClient(context: vscode.ExtensionContext, platform: ClientPlatform, options: { web: boolean }): Promise<GovReportExtensionApi> {
  const output = vscode.window.createOutputChannel(strings().extensionName);
  void vscode.commands.executeCommand('setContext', WEB_CONTEXT, options.web);
  const reports = new ReportsModel();
  controller = new ClientController(output, CLIENT_OWNED_COMMANDS, platform, reports);
  const enabled = () => vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('enable', true);
  const statusBar = new ProblemsStatusBar(enabled, reports);
  const tree = new ReportsTree(reports);
  const current = controller;
  const previews = new PreviewManager(current);

  context.subscriptions.push(
    output,
    reports,
    statusBar,
    tree,
    vscode.window.createTreeView(REPORTS_VIEW, { treeDataProvider: tree, showCollapseAll: false }),
    previews,
    previews.register(),
    ...registerCommands(current, context.extensionUri),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      // Only `enable` changes the client's life cycle; the rest is the server's to re-read.
      if (e.affectsConfiguration(`${CONFIG_SECTION}.enable`)) void current.start().then(() => statusBar.update());
      else statusBar.update();
      // The client's own words follow govreport.locale too.
      if (e.affectsConfiguration(`${CONFIG_SECTION}.locale`)) tree.refresh();
    }),
  );

  // Activation does not wait for the server: a slow or failing start must not block the
  // editor, and the commands wait for it themselves.
  void current.start().then(() => statusBar.update());

  return {
    ready: async () => (await current.ready()) !== undefined,
    statusBarText: () => statusBar.text,
  };
}

export async function deactivate(): Promise<void> {
  await controller?.dispose();
  controller = undefined;
}
