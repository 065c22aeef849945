/**
 * The language client's life cycle: start the bundled server (dist/server.js over node IPC),
 * stop it when `govreport.enable` is off, start it again when it is back on. Lifecycle
 * operations run one at a time. Other settings changes are not life-cycle events: the client's
 * configuration sync (`synchronize.configurationSection`) sends workspace/didChangeConfiguration
 * and the server re-pulls them.
 */
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { REPORTS_NOTIFICATION, type ReportsModel, type ReportsParams } from './reports';

export const CLIENT_ID = 'govreport';
export const CONFIG_SECTION = 'govreport';
export const DIAGNOSTIC_SOURCE = 'govreport';

/** Languages whose documents go to the server; it decides which markdown/plaintext/HTML ones are reports. */
export const LANGUAGES = ['govreport', 'markdown', 'plaintext', 'html'] as const;

export class ClientController implements vscode.Disposable {
  private readonly client: LanguageClient;
  private lifecycle: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    /** Commands the client registers itself under the same names as server commands. */
    clientOwnedCommands: ReadonlySet<string>,
    /** Where the server's list of reports (govreport/reports) goes. */
    private readonly reports: ReportsModel,
  ) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // No `synchronize.configurationSection`: the server registers workspace/didChangeConfiguration
      // for the `govreport` section itself (as it does with any client), and a second, static
      // registration would deliver every change twice.
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      // The list of reports with their counts, for the 报告体检 view and the status bar.
      // The locale names the Outline's group until the server can register it again itself.
      initializationOptions: () => ({ reportsNotification: true, locale: vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('locale') }),
      outputChannel: output,
      middleware: {
        // The report templates are contributed as snippets (dist/snippets.json, generated from
        // the same definitions): keep the server's row-label items, drop its template copies.
        provideCompletionItem: async (document, position, context, token, next) => {
          const result = await next(document, position, context, token);
          const isTemplate = (item: vscode.CompletionItem) => Boolean((item as { data?: { template?: unknown } }).data?.template);
          if (!result) return result;
          if (Array.isArray(result)) return result.filter((item) => !isTemplate(item));
          return new vscode.CompletionList(result.items.filter((item) => !isTemplate(item)), result.isIncomplete);
        },
      },
    };
    this.client = new LanguageClient(CLIENT_ID, output.name, serverOptions, clientOptions);
    skipServerCommandRegistration(this.client, clientOwnedCommands);
    this.client.onNotification(REPORTS_NOTIFICATION, (params: ReportsParams) => reports.update(params));
  }

  /** The client while it is running; undefined when disabled, stopped or failed. */
  get running(): LanguageClient | undefined {
    return this.client.state === State.Running ? this.client : undefined;
  }

  /** Waits for any start/stop/restart in progress, then returns the running client, if any. */
  async ready(): Promise<LanguageClient | undefined> {
    for (;;) {
      const current = this.lifecycle;
      await current;
      if (current === this.lifecycle) return this.running;
    }
  }

  /** Sends `workspace/executeCommand` to the server and returns its result. */
  async executeServerCommand<T>(command: string, args: unknown[]): Promise<T | undefined> {
    const client = await this.ready();
    if (!client) return undefined;
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
  }

  get code2Protocol() {
    return this.client.code2ProtocolConverter;
  }

  /** Brings the client in line with the settings: started when enabled, stopped when not. */
  start(): Promise<void> {
    return this.enqueue(() => this.apply());
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const next = this.lifecycle.then(operation).catch((error: unknown) => {
      this.output.appendLine(`[client] ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
    this.lifecycle = next;
    return next;
  }

  private async apply(): Promise<void> {
    if (this.disposed) return;
    const enabled = vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('enable', true);
    const state = this.client.state;
    if (!enabled) {
      if (state !== State.Stopped) await this.client.stop();
      this.reports.clear();
      return;
    }
    if (state === State.Stopped) await this.client.start();
    // State.Starting cannot be seen here: every start runs through this queue and is awaited.
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.lifecycle;
    await this.client.dispose().catch(() => undefined); // stops the server when it runs
  }
}

/**
 * vscode-languageclient registers a VS Code command for every command the server lists in
 * `executeCommandProvider`. The server's govreport.fixAll / checkWorkspace / convertTable share
 * their names with the client's own commands (which add prompts, messages and the cursor
 * position), and registering a command name twice throws — which would fail the client's
 * start. So the auto-registration skips the names the client owns; the client reaches those
 * server commands with an explicit `workspace/executeCommand` request instead. Server commands
 * with other names (e.g. govreport.skeleton, or one a code action refers to) stay registered.
 */
function skipServerCommandRegistration(client: LanguageClient, clientOwned: ReadonlySet<string>): void {
  const feature = client.getFeature(ExecuteCommandRequest.method);
  const register = feature.register.bind(feature);
  feature.register = (data) => {
    const commands = (data.registerOptions.commands ?? []).filter((command) => !clientOwned.has(command));
    register({ ...data, registerOptions: { ...data.registerOptions, commands } });
  };
}
