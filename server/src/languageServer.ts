/**
 * The language server itself — LSP wiring only: documents, settings, scheduling, publishing and
 * the handlers. What each request answers lives in features/; what a report is, in report/.
 * Both entries call startLanguageServer with their own connection: server.ts (Node: stdio,
 * node-ipc, sockets) and browserServer.ts (a web worker, for vscode.dev and code-server's web
 * extension host). What touches files — project files and baselines, last year's report among
 * the folder's files, import/export/next year/workspace check — comes in the host (the web
 * worker's has the project files, the export and next year's draft, through the client); without it the same
 * features run on the open documents with the VS Code settings.
 *
 * initializationOptions: `{ debounceMs?: number, ruleDocs?: string }` — the pause after typing
 * before a check (default 150 ms; 0 checks at once), and where the rule pages are when the
 * server cannot find them on disk (the web worker: the extension's docs/rules folder URI).
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses, type Analysis } from './features/analysis';
import { CODE_ACTION_KINDS, codeActions, workspaceEdit } from './features/codeActions';
import { COMMANDS, CommandArgumentError, exportArgs, positionArg, previewArgs, skeleton, uriArg } from './features/commands';
import type { WrittenFile } from './features/documents';
import { previewHtml } from './features/preview';
import { completions } from './features/completion';
import { convertTableEdit } from './features/convertTable';
import { toLspDiagnostics } from './features/diagnostics';
import { fixAllEdit } from './features/fixAll';
import { formatTables } from './features/formatting';
import { uriToPath } from './features/globs';
import { hover } from './features/hover';
import { DEFAULT_SETTINGS, SettingsStore, validateSettings, type ProjectSource, type Settings } from './features/settings';
import { ValidationScheduler } from './features/scheduler';
import { documentSymbols, foldingRanges, symbolInformation } from './features/symbols';
import type { WorkspaceCheckContext, WorkspaceCheckResult } from './features/workspaceCheck';
import { entryOf, ReportIndex, REPORTS_NOTIFICATION, type DiskReport } from './features/reportIndex';
import { PreviousReports, type ReportFileSource } from './features/previousReports';
import { lspEdit } from './common/lspShape';
import { bodyOf, MAX_FIX_LENGTH, readOffsetAt, type Diagnostic, type Locale, type Report, type RuleCode } from './report';
import { t } from './features/strings';

declare const GOVREPORT_VERSION: string;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0-dev';
const DEFAULT_DEBOUNCE_MS = 150;

/** The commands that read and write files (features/documents.ts, features/workspaceCheck.ts). */
export interface FileCommands {
  checkWorkspace?(context: WorkspaceCheckContext): Promise<WorkspaceCheckResult>;
  /**
   * A file the workspace check found, read again as the disk has it now (after it was closed
   * in the editor, or the settings changed): undefined when it is gone or no longer a report.
   */
  checkFileOnDisk?(context: Pick<WorkspaceCheckContext, 'folders' | 'settingsFor' | 'findPrevious' | 'log'>, file: string, folderUri: string): Promise<Analysis | undefined>;
  importReport?(file: string, settings: Settings): Promise<WrittenFile>;
  /** `source.report`: the document as the editor has it, when it is open. */
  startNextYear?(source: { uri: string; report?: Report }, settings: Settings): Promise<WrittenFile | { error: string }>;
  /** `target`: a path or a URI (the client's save dialog gives a URI). */
  exportReport?(report: Report, diagnostics: Diagnostic[], target: string, kind: 'docx' | 'html'): Promise<WrittenFile>;
}

/**
 * What the platform gives the server beyond the connection, all of it about files: the Node
 * entry reads and writes them itself, the web worker's entry through the client.
 */
export interface ServerHost {
  /** The project files (.govreportrc.jsonc, .govreportignore, the baseline) as read, until one changes. */
  projectFiles?: ProjectSource & { clear(): void };
  /** The report files of the workspace folders, where last year's report may be (Node only). */
  reportFiles?: ReportFileSource;
  /** Import, next year's draft, export, the workspace check: those the platform can do. */
  files?: FileCommands;
  /**
   * Where a rule's page is (docs/rules/<code>.md beside the bundle, found on disk). Without it,
   * the client may name the folder: initializationOptions.ruleDocs (the web extension's URI).
   */
  ruleDocHref?: (code: RuleCode) => string | undefined;
}

export function startLanguageServer(connection: Connection, host: ServerHost = {}): void {
  const documents = new TextDocuments(TextDocument);

  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let roots: string[] = [];
  let ruleDocHref = host.ruleDocHref;
  let scheduler = new ValidationScheduler(DEFAULT_DEBOUNCE_MS, (uri) => void validate(uri));
  const projectFiles = host.projectFiles;
  let settings = new SettingsStore(undefined, warn, projectFiles);
  // The reports the server knows of (open, and found by the workspace check), for the client's list.
  let reportIndex = new ReportIndex(undefined);

  const describe = (e: unknown) => (e instanceof Error ? e.stack ?? e.message : String(e));
  const log = (message: string) => connection.console.error(message);
  const previousReports = new PreviousReports(
    () => folders,
    () => documents.all().map((d) => ({ uri: d.uri, version: d.version, text: d.getText() })),
    host.reportFiles,
  );
  const analyses = new Analyses(
    () => folders,
    (code, error) => log(`govreport: rule ${code} failed: ${describe(error)}`),
    (report, uri) => previousReports.find(report, uri),
  );

  /** A window/showMessage notification: nothing to answer, nothing waiting on the user. */
  function warn(message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** One broken document or request never takes the server down: log it, answer empty. */
  function guarded<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (e) {
        if (e instanceof CommandArgumentError) throw e;
        log(`govreport: ${name} failed: ${describe(e)}`);
        return fallback;
      }
    };
  }

  /** The analysis of the document's current version (undefined when it is not open). */
  async function analysisOf(uri: string): Promise<Analysis | undefined> {
    if (!documents.get(uri)) return undefined;
    const documentSettings = await settings.get(uri);
    const doc = documents.get(uri);
    return doc && analyses.get(doc, documentSettings);
  }

  function editTarget(uri: string, version: number) {
    return { uri, version, documentChanges: Boolean(capabilities.workspace?.workspaceEdit?.documentChanges) };
  }

  function diagnosticsOf(analysis: Analysis) {
    if (!analysis.active) return [];
    const related = Boolean(capabilities.textDocument?.publishDiagnostics?.relatedInformation);
    const codeDescription = capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport ? ruleDocHref : undefined;
    return toLspDiagnostics(analysis.uri, analysis.report, analysis.diagnostics, related, codeDescription);
  }

  /**
   * Checks the current version and publishes, unless a newer version arrived meanwhile (its own
   * run publishes) or the document closed (closing published the empty set). A document the
   * checker fails on gets an empty set for its version, never a stale one.
   */
  async function validate(uri: string): Promise<void> {
    const version = documents.get(uri)?.version;
    if (version === undefined) return;
    let diagnostics: ReturnType<typeof diagnosticsOf> = [];
    let analysis: Analysis | undefined;
    try {
      analysis = await analysisOf(uri);
      if (documents.get(uri)?.version !== version) return;
      if (analysis) diagnostics = diagnosticsOf(analysis);
    } catch (e) {
      log(`govreport: checking ${uri} failed: ${describe(e)}`);
    }
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics });
    reportIndex.setOpen(uri, analysis?.active ? entryOf(analysis, true) : undefined);
  }

  /** How the workspace check and the re-check of a closed file read files from disk. */
  const diskContext: Pick<WorkspaceCheckContext, 'folders' | 'settingsFor' | 'findPrevious' | 'log'> = {
    get folders() {
      return folders;
    },
    settingsFor: (uri, scopeUri) => settings.get(uri, scopeUri),
    findPrevious: (report, uri) => previousReports.find(report, uri),
    log: (message) => log(message),
  };

  /**
   * A file the workspace check found, no longer open (closed, or the settings changed): checked
   * again as the disk has it now and published, so its findings stay in the Problems panel —
   * or cleared when it was deleted or is no longer a report.
   */
  async function recheckOnDisk(uri: string, disk: DiskReport): Promise<void> {
    const analysis = host.files?.checkFileOnDisk ? await host.files.checkFileOnDisk(diskContext, disk.file, disk.folderUri) : undefined;
    if (documents.get(uri)) return; // opened again meanwhile: the editor's text is what counts
    void connection.sendDiagnostics({ uri, diagnostics: analysis ? diagnosticsOf(analysis) : [] });
    reportIndex.setDisk(uri, analysis ? { ...disk, entry: entryOf(analysis, false) } : undefined);
  }

  function revalidateAll(): void {
    analyses.clear();
    for (const doc of documents.all()) scheduler.schedule(doc.uri);
    for (const uri of reportIndex.diskUris()) {
      const disk = reportIndex.disk(uri);
      if (disk && !documents.get(uri)) void recheckOnDisk(uri, disk).catch((e) => log(`govreport: re-checking ${uri} failed: ${describe(e)}`));
    }
  }

  /**
   * The Outline names the group of our symbols after the provider's `label`. It follows
   * `govreport.locale`: registered dynamically (where the client allows it) and registered again
   * when the locale changes; otherwise fixed at start from `initializationOptions.locale`.
   */
  let dynamicSymbols = false;
  let initialLocale: Locale = 'zh-CN';
  let symbols: { locale: Locale; registration: Promise<Disposable> } | undefined;

  async function registerSymbols(): Promise<void> {
    if (!dynamicSymbols) return;
    const raw = capabilities.workspace?.configuration ? await connection.workspace.getConfiguration('govreport').catch(() => undefined) : undefined;
    const locale = raw === undefined ? initialLocale : validateSettings(raw).settings.locale;
    if (symbols?.locale === locale) return;
    const previous = symbols?.registration;
    symbols = { locale, registration: connection.client.register(DocumentSymbolRequest.type, { documentSelector: null, label: t(locale, 'outlineLabel') }) };
    (await previous)?.dispose();
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const options = params.initializationOptions as { debounceMs?: unknown; ruleDocs?: unknown; reportsNotification?: unknown; locale?: unknown } | undefined;
    initialLocale = options?.locale === 'en' ? 'en' : 'zh-CN';
    dynamicSymbols = Boolean(capabilities.textDocument?.documentSymbol?.dynamicRegistration);
    reportIndex = new ReportIndex(options?.reportsNotification === true ? (list) => void connection.sendNotification(REPORTS_NOTIFICATION, list) : undefined);
    if (!host.ruleDocHref && typeof options?.ruleDocs === 'string') {
      const base = options.ruleDocs.replace(/\/$/, '');
      ruleDocHref = (code) => `${base}/${code}.md`;
    }
    const debounceMs = typeof options?.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : DEFAULT_DEBOUNCE_MS;
    scheduler = new ValidationScheduler(debounceMs, (uri) => void validate(uri));
    roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots.map(uriToPath).filter((p): p is string => p !== undefined);
    const pull = capabilities.workspace?.configuration
      ? (scopeUri: string) => connection.workspace.getConfiguration({ scopeUri, section: 'govreport' })
      : undefined;
    settings = new SettingsStore(pull, warn, projectFiles);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: dynamicSymbols ? undefined : { label: t(initialLocale, 'outlineLabel') },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'govreport-language-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    void registerSymbols().catch((e) => log(`govreport: registering the outline failed: ${describe(e)}`));
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
    }
    // A project file, an ignore file or the baseline edited, added or removed: read them again.
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.govreport*' }] });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removedUris = new Set(event.removed.map((f) => f.uri));
        roots = [...roots.filter((r) => !removedUris.has(r)), ...event.added.map((f) => f.uri)];
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
        previousReports.reset();
        revalidateAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    // A client that cannot be asked pushes the settings instead.
    const pushed = capabilities.workspace?.configuration ? undefined : ((params.settings ?? {}) as Record<string, unknown>).govreport ?? null;
    settings.reset(pushed);
    revalidateAll();
    void registerSymbols().catch((e) => log(`govreport: registering the outline failed: ${describe(e)}`));
  });

  connection.onDidChangeWatchedFiles(() => {
    projectFiles?.clear();
    settings.reset();
    revalidateAll();
  });

  documents.onDidChangeContent((event) => {
    scheduler.schedule(event.document.uri);
    // This document may be another's last-year report: those that can pair are re-checked too
    // (a cached analysis whose last-year report did not change costs nothing).
    for (const other of analyses.all()) {
      if (other.uri !== event.document.uri && other.active && other.report.year && bodyOf(other.report)) scheduler.schedule(other.uri);
    }
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    scheduler.cancel(uri);
    analyses.delete(uri);
    settings.forget(uri);
    reportIndex.closed(uri);
    // A file the workspace check found keeps its findings (as the disk has it now); any other
    // document's are cleared.
    const disk = reportIndex.disk(uri);
    if (disk) void recheckOnDisk(uri, disk).catch((e) => log(`govreport: re-checking ${uri} failed: ${describe(e)}`));
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction(
    guarded('codeAction', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      if (!analysis) return [];
      return codeActions(analysis, params, {
        ...editTarget(analysis.uri, analysis.version),
        disabledSupport: Boolean(capabilities.textDocument?.codeAction?.disabledSupport),
      });
    }),
  );

  connection.onCompletion(
    guarded('completion', null, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      if (!analysis) return null;
      const snippetSupport = Boolean(capabilities.textDocument?.completion?.completionItem?.snippetSupport);
      return completions(analysis, params.position, { snippetSupport });
    }),
  );

  connection.onHover(
    guarded('hover', null, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? hover(analysis, readOffsetAt(analysis.report, params.position)) : null;
    }),
  );

  connection.onDocumentSymbol(
    guarded('documentSymbol', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      if (!analysis?.active) return [];
      const locale = analysis.settings.locale;
      return capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
        ? documentSymbols(analysis.report, locale)
        : symbolInformation(analysis.uri, analysis.report, locale);
    }),
  );

  connection.onFoldingRanges(
    guarded('foldingRange', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis?.active ? foldingRanges(analysis.report) : [];
    }),
  );

  connection.onDocumentFormatting(
    guarded('formatting', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      // A page read as HTML is the page's own markup: its tables are not re-laid out as text.
      return analysis?.active && analysis.report.document.map.identity ? formatTables(analysis.report) : [];
    }),
  );

  async function applyEdit(analysis: Analysis, edit: { range: { start: number; end: number }; newText: string }, label: string): Promise<boolean> {
    const result = await connection.workspace.applyEdit({
      label,
      edit: workspaceEdit(editTarget(analysis.uri, analysis.version), [lspEdit(analysis.report.sourceLines, edit)]),
    });
    return result.applied;
  }

  connection.onExecuteCommand(
    guarded('executeCommand', null, async (params) => {
      const args = params.arguments ?? [];
      switch (params.command) {
        case COMMANDS.skeleton:
          return skeleton(args);
        case COMMANDS.fixAll: {
          const analysis = await analysisOf(uriArg(args, params.command));
          if (!analysis?.active) return 0;
          const { edit, count, tooLarge } = fixAllEdit(analysis.report.document.source, analysis.settings, analysis.diagnostics, analysis.report.document.kind);
          if (tooLarge) warn(t(analysis.settings.locale, 'fixTooLarge', { length: analysis.report.document.source.length.toLocaleString('en'), limit: MAX_FIX_LENGTH.toLocaleString('en') }));
          if (!edit) return 0;
          return (await applyEdit(analysis, edit, 'govreport: fix all')) ? count : 0;
        }
        case COMMANDS.convertTable: {
          const analysis = await analysisOf(uriArg(args, params.command));
          if (!analysis) return false;
          const result = convertTableEdit(analysis.report, analysis.report.lines.offsetAt(positionArg(args, params.command)), analysis.settings.locale);
          if ('error' in result) {
            warn(result.error);
            return false;
          }
          return applyEdit(analysis, result.edit, 'govreport: convert table');
        }
        case COMMANDS.checkWorkspace: {
          const checkWorkspace = await fileCommand('checkWorkspace', params.command, roots[0]);
          const before = reportIndex.startCheck();
          const result = await checkWorkspace({
            ...diskContext,
            folders,
            openAnalysis: analysisOf,
            publish: (uri, analysis) => void connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(analysis) }),
            checked: (uri, file, folderUri, analysis) => reportIndex.setDisk(uri, { file, folderUri, entry: entryOf(analysis, false) }),
          });
          // A report the last check found and this one did not (deleted, renamed, no longer a
          // report): its findings go, unless the editor has it open.
          for (const uri of before) if (!reportIndex.disk(uri) && !documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
          reportIndex.changed();
          return result;
        }
        case COMMANDS.importReport: {
          // A .docx/.pdf/.html/.txt file → a Markdown draft beside it; the client opens it.
          const uri = uriArg(args, params.command);
          const importReport = await fileCommand('importReport', params.command, uri);
          const file = uriToPath(uri);
          if (!file) throw new CommandArgumentError(`${params.command}: not a file: ${uri}`);
          return importReport(file, await settings.get(uri));
        }
        case COMMANDS.startNextYear: {
          const uri = uriArg(args, params.command);
          const startNextYear = await fileCommand('startNextYear', params.command, uri);
          const analysis = await analysisOf(uri);
          const result = await startNextYear({ uri, report: analysis?.report }, await settings.get(uri));
          if ('error' in result) throw new CommandArgumentError(result.error);
          return result;
        }
        case COMMANDS.exportReport: {
          const { uri, target, kind } = exportArgs(args);
          const exportReport = await fileCommand('exportReport', params.command, uri);
          const analysis = await analysisOf(uri);
          if (!analysis) throw new CommandArgumentError(`${params.command}: the document is not open: ${uri}`);
          return exportReport(analysis.report, analysis.active ? analysis.diagnostics : [], target, kind);
        }
        case COMMANDS.previewHtml: {
          const { uri, head, tail } = previewArgs(args);
          const analysis = await analysisOf(uri);
          return analysis ? { version: analysis.version, html: previewHtml(analysis, { head, tail }) } : null;
        }
        default:
          return null;
      }
    }),
  );

  /**
   * A command that reads or writes files, or a refusal in words: the web worker has no file
   * system (its host has the export and next year's draft, written through the client), so
   * 导入/检查工作区 say that they need the desktop editor.
   */
  async function fileCommand<K extends keyof FileCommands>(name: K, command: string, scopeUri: string | undefined): Promise<NonNullable<FileCommands[K]>> {
    const run = host.files?.[name];
    if (run) return run as NonNullable<FileCommands[K]>;
    const locale = scopeUri ? (await settings.get(scopeUri)).locale : DEFAULT_SETTINGS.locale;
    throw new CommandArgumentError(t(locale, 'needsFileSystem', { command }));
  }

  documents.listen(connection);
  connection.listen();
}
