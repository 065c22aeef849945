/**
 * The desktop entry (package.json "main"): the language server is dist/server.js, a Node
 * process over IPC. Everything else is activate.ts, shared with the browser entry.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivate, type GovReportExtensionApi } from './activate';

export type { GovReportExtensionApi };
export { deactivate };

export function activate(context: vscode.ExtensionContext): Promise<GovReportExtensionApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return activateClient(
    context,
    // vscode-vfs: a virtual workspace (GitHub Repositories) in the desktop editor, checked as the
    // browser build checks it: the open documents, without project files.
    { createClient: (id, name, options) => new LanguageClient(id, name, serverOptions, options), schemes: ['file', 'untitled', 'vscode-vfs'] },
    { web: false },
  );
}
