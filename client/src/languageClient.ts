/**
 * The language client's life cycle: start the bundled server (dist/server.js over node IPC in
 * the desktop, dist/web/server.js in a web worker in the browser: the entry says which), stop it
 * when `govreport.enable` is off, start it again when it is back on. Lifecycle operations run one
 * at a time. Other settings changes are not life-cycle events: the server registers
 * workspace/didChangeConfiguration for the `govreport` section and re-pulls them.
 */
import * as vscode from 'vscode';
// The package's root: its Node build in dist/extension.js, its browser build (package.json
// "browser" field) in dist/web/extension.js. Only what both share is used here.
import { ExecuteCommandRequest, State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { REPORTS_NOTIFICATION, type ReportsModel, type ReportsParams } from './reports';

export const CLIENT_ID = 'govreport';
export const CONFIG_SECTION = 'govreport';
export const DIAGNOSTIC_SOURCE = 'govreport';

/** Languages whose documents go to the server; it decides which markdown/plaintext/HTML ones are reports. */
export const LANGUAGES = ['govreport', 'markdown', 'plaintext', 'html'] as const;

/** How the entry (extension.ts, browserExtension.ts) makes its client: the server and its transport. */
export interface ClientPlatform {
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
  /**
   * The URI schemes whose documents go to the server; undefined: any. The desktop server reads
   * files and saved documents (file:, untitled:); in the browser a workspace is virtual
   * (vscode-vfs:, vscode-remote:, …) and the server reads only what the editor sends it.
   */
  schemes?: readonly string[];
  /** What the server is told at start (the web worker: where the rule pages are). */
  initializationOptions?: Record<string, unknown>;
}

export class ClientController implements vscode.Disposable {
  private readonly client: BaseLanguageClient;
  private lifecycle: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly output: vscode.OutputChannel,
    /** Commands the client registers itself under the same names as server commands. */
    clientOwnedCommands: ReadonlySet<string>,
    platform: ClientPlatform,
    /** Where the server's list of reports (govreport/reports) goes. */
    private readonly reports: ReportsModel,
  ) {
    const schemes = platform.schemes;
    const clientOptions: LanguageClientOptions = {
      documentSelector: LANGUAGES.flatMap((language) => (schemes ? schemes.map((scheme) => ({ scheme, language })) : [{ language }])),
      // No `synchronize.configurationSection`: the server registers workspace/didChangeConfiguration
      // for the `govreport` section itself (as it does with any client), and a second, static
      // registration would deliver every change twice.
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      // The list of reports with their counts, for the 报告体检 view and the status bar.
      // The locale names the Outline's group until the server can register it again itself.
      // What the entry adds (the web worker: where the rule pages are).
      initializationOptions: () => ({ ...platform.initializationOptions, reportsNotification: true, locale: vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('locale') }),
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
    this.client = platform.createClient(CLIENT_ID, output.name, clientOptions);
    skipServerCommandRegistration(this.client, clientOwnedCommands);
    this.client.onNotification(REPORTS_NOTIFICATION, (params: ReportsParams) => reports.update(params));
  }

  /** The client while it is running; undefined when disabled, stopped or failed. */
  get running(): BaseLanguageClient | undefined {
    return this.client.state === State.Running ? this.client : undefined;
  }

  /** Waits for any start or stop in progress, then returns the running client, if any. */
  async ready(): Promise<BaseLanguageClient | undefined> {
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
function skipServerCommandRegistration(client: BaseLanguageClient, clientOwned: ReadonlySet<string>): void {
  const feature = client.getFeature(ExecuteCommandRequest.method);
  const register = feature.register.bind(feature);
  feature.register = (data) => {
    const commands = (data.registerOptions.commands ?? []).filter((command) => !clientOwned.has(command));
    register({ ...data, registerOptions: { ...data.registerOptions, commands } });
  };
}
