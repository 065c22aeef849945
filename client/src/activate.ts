/**
 * The extension's client side: start the language server, register the palette commands,
 * keep the status bar current, restart the server when `govreport.*` settings change. The
 * checking itself, and the choice of which markdown/plaintext files are reports, happen in the
 * server, which the CLI's engine shares. This file is shared by both entries: extension.ts
 * (desktop: the server is a Node process) and browserExtension.ts (the server is a web worker).
 */
import * as vscode from 'vscode';
import { CLIENT_OWNED_COMMANDS, registerCommands } from './commands';
import { CONFIG_SECTION, ClientController, type ClientPlatform } from './languageClient';
import { PreviewManager } from './preview';
import { ProblemsStatusBar } from './statusBar';
import { strings } from './strings';

/** What `activate` returns: for the extension-host tests, not a public API. */
export interface GovReportExtensionApi {
  /** Resolves when no start/stop/restart is in progress; true when the server is running. */
  ready(): Promise<boolean>;
  /** The status bar item's text, or undefined while it is hidden. */
  statusBarText(): string | undefined;
}

let controller: ClientController | undefined;
let restartTimer: ReturnType<typeof setTimeout> | undefined;
const RESTART_DELAY_MS = 200;

/**
 * True in the browser build (context key for package.json's `when` clauses): the commands that
 * read and write files are not offered there, its server has no file system. (VS Code's own
 * `isWeb` would also hide them in code-server running the Node build, which has one.)
 */
export const WEB_CONTEXT = 'govreport.web';

export async function activateClient(context: vscode.ExtensionContext, platform: ClientPlatform, options: { web: boolean }): Promise<GovReportExtensionApi> {
  const output = vscode.window.createOutputChannel(strings().extensionName);
  void vscode.commands.executeCommand('setContext', WEB_CONTEXT, options.web);
  controller = new ClientController(output, CLIENT_OWNED_COMMANDS, platform);
  const enabled = () => vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('enable', true);
  const statusBar = new ProblemsStatusBar(enabled);
  const current = controller;
  const previews = new PreviewManager(current);

  context.subscriptions.push(
    output,
    statusBar,
    previews,
    previews.register(),
    ...registerCommands(current),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      // A short pause lets the client's own configuration sync reach the server before it is
      // stopped (otherwise that notification fails on a closing connection) and folds an edit
      // that changes several keys into one restart.
      clearTimeout(restartTimer);
      restartTimer = setTimeout(() => void current.restart().then(() => statusBar.update()), RESTART_DELAY_MS);
    }),
    { dispose: () => clearTimeout(restartTimer) },
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
