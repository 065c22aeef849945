/**
 * The browser entry (package.json "browser"; vscode.dev, code-server's web extension host):
 * the language server is dist/web/server.js in a web worker, the same server as the desktop's
 * (server/src/languageServer.ts) without a file system. Everything else is activate.ts, shared
 * with the desktop entry.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { activateClient, deactivate, type GovReportExtensionApi } from './activate';

export type { GovReportExtensionApi };
export { deactivate };

/** The browser's Worker, as far as it is used here (the project compiles without the DOM library). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

/**
 * Starts the server's worker. code-server serves a web extension from a vscode-remote: URI, and
 * VS Code's web extension host refuses to start a worker from one ("Creating workers from
 * remote extensions is currently not supported": resolving it would take a round trip to the
 * page). So the script is read through VS Code's file system and started from a blob: URL;
 * vscode.dev serves extensions over https:, which a worker can load directly.
 */
async function startWorker(script: vscode.Uri): Promise<WebWorker> {
  if (script.scheme === 'https' || script.scheme === 'http' || script.scheme === 'file') return new Worker(script.toString(true), { name: 'govreport-language-server' });
  const bytes = await vscode.workspace.fs.readFile(script);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  return new Worker(url, { name: 'govreport-language-server' });
}

/**
 * vscode-languageclient/browser's LanguageClient takes one worker for its whole life, so a
 * stop and start (govreport.enable off, then on) would initialize the same server twice. This one
 * starts a fresh worker for every start and ends it on stop.
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: WebWorker | undefined;

  constructor(
    id: string,
    name: string,
    options: LanguageClientOptions,
    private readonly script: vscode.Uri,
  ) {
    super(id, name, options);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = await startWorker(this.script);
    this.worker = worker;
    return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }
}

/**
 * The server's `govreport/readFiles` (server/src/features/clientFiles.ts): the project files it
 * may read, through VS Code's file system — the worker has none. null: no such file.
 */
function readFiles(params: { uris: string[] }): Promise<(string | null)[]> {
  return Promise.all(
    params.uris.map(async (uri) => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
      } catch {
        return null;
      }
    }),
  );
}

/** The server's `govreport/writeFile`: an export's bytes, written through VS Code's file system. */
async function writeFile(params: { uri: string; base64: string }): Promise<null> {
  const binary = atob(params.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  await vscode.workspace.fs.writeFile(vscode.Uri.parse(params.uri), bytes);
  return null;
}

function createClient(id: string, name: string, options: LanguageClientOptions, script: vscode.Uri): BaseLanguageClient {
  const client = new WorkerLanguageClient(id, name, options, script);
  client.onRequest('govreport/readFiles', readFiles);
  client.onRequest('govreport/writeFile', writeFile);
  return client;
}

export function activate(context: vscode.ExtensionContext): Promise<GovReportExtensionApi> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // No schemes: a web workspace is virtual (vscode-vfs:, vscode-remote:, …); the server reads only what it is sent.
  // The rule pages ship in the extension (docs/rules): the worker cannot look for them, so it is told where they are.
  const ruleDocs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(true);
  return activateClient(
    context,
    { createClient: (id, name, options) => createClient(id, name, options, script), initializationOptions: { ruleDocs } },
    { web: true },
  );
}
