#!/usr/bin/env node
/**
 * govreport-language-server — LSP wiring only: documents, settings, scheduling, publishing and
 * the handlers. What each request answers lives in features/; what a report is, in report/.
 *
 * Runs over stdio (`--stdio`) or node-ipc (`--node-ipc`, as vscode-languageclient starts it).
 * initializationOptions: `{ debounceMs?: number }` — the pause after typing before a check
 * (default 150 ms; 0 checks at once).
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'fs';
import { Analyses, type Analysis } from './features/analysis';
import { CODE_ACTION_KINDS, codeActions, workspaceEdit } from './features/codeActions';
import { COMMANDS, CommandArgumentError, exportArgs, positionArg, previewArgs, skeleton, uriArg } from './features/commands';
import { exportReport, importReport, previewHtml, startNextYear } from './features/documents';
import { ReportFileError } from './common/reportFiles';
import { completions } from './features/completion';
import { convertTableEdit } from './features/convertTable';
import { toLspDiagnostics } from './features/diagnostics';
import { fixAllEdit } from './features/fixAll';
import { formatTables } from './features/formatting';
import { uriToPath } from './features/globs';
import { hover } from './features/hover';
import { SettingsStore, validateSettings } from './features/settings';
import { ValidationScheduler } from './features/scheduler';
import { documentSymbols, foldingRanges, symbolInformation } from './features/symbols';
import { checkFileOnDisk, checkWorkspace, type WorkspaceCheckContext } from './features/workspaceCheck';
import { entryOf, ReportIndex, REPORTS_NOTIFICATION, type DiskReport } from './features/reportIndex';
import { PreviousReports } from './features/previousReports';
import { lspEdit } from './common/lspShape';
import { bodyOf, MAX_FIX_LENGTH, readOffsetAt, type Locale } from './report';
import { t } from './features/strings';
import { guardFrames, type DroppedReport } from './frameGuard';
import { ProjectFiles } from './config/files';

declare const GOVREPORT_VERSION: string;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0-dev';
const DEFAULT_DEBOUNCE_MS = 150;

/** How an editor starts the server; without one of these there is nobody to talk to. */
const TRANSPORTS = /^--(stdio|node-ipc|socket=\d+|pipe=.+|clientProcessId=\d+)$/;
if (require.main === module && !process.argv.slice(2).some((a) => TRANSPORTS.test(a))) {
  process.stderr.write('govreport-language-server: an editor starts this server; run it with --stdio (or --node-ipc, --socket=<port>, --pipe=<name>). For checking files, use govreport (dist/cli.js).\n');
  process.exit(2);
}

// Over stdio, stdin is re-framed (frameGuard.ts): one broken message is dropped and said,
// instead of every message after it being lost.
let reportDropped: DroppedReport = () => undefined;
const stdio = process.argv.includes('--stdio');
const connection: Connection = stdio
  ? createConnection(ProposedFeatures.all, guardFrames(process.stdin, (bytes, reason) => reportDropped(bytes, reason)), process.stdout)
  : createConnection(ProposedFeatures.all);
if (stdio) {
  // What the library does for its own stdio: nothing may write to stdout but the protocol.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  console.debug = console.log;
}
const documents = new TextDocuments(TextDocument);

let capabilities: ClientCapabilities = {};
let folders: string[] = [];
let scheduler = new ValidationScheduler(DEFAULT_DEBOUNCE_MS, (uri) => void validate(uri));
// The project files (.govreportrc.jsonc, .govreportignore, the baseline) as read from disk,
// until one of them changes.
const projectFiles = new ProjectFiles();
let settings = new SettingsStore(undefined, warn, projectFiles);
// The reports the server knows of (open, and found by the workspace check), for the client's list.
let reportIndex = new ReportIndex(undefined);

const describe = (e: unknown) => (e instanceof Error ? e.stack ?? e.message : String(e));
const log = (message: string) => connection.console.error(message);
reportDropped = (bytes, reason) =>
  log(`govreport: dropped ${bytes} bytes of a malformed message (${reason === 'header' ? 'no valid Content-Length header' : 'its Content-Length did not match its body'}); reading on from the next message`);
const previousReports = new PreviousReports(
  () => folders,
  () => documents.all().map((d) => ({ uri: d.uri, version: d.version, text: d.getText() })),
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
  const codeDescription = Boolean(capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport);
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
  const exists = fs.existsSync(disk.file);
  const analysis = exists ? await checkFileOnDisk(diskContext, disk.file, disk.folderUri) : undefined;
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
  const options = params.initializationOptions as { debounceMs?: unknown; reportsNotification?: unknown; locale?: unknown } | undefined;
  initialLocale = options?.locale === 'en' ? 'en' : 'zh-CN';
  dynamicSymbols = Boolean(capabilities.textDocument?.documentSymbol?.dynamicRegistration);
  reportIndex = new ReportIndex(options?.reportsNotification === true ? (list) => void connection.sendNotification(REPORTS_NOTIFICATION, list) : undefined);
  const debounceMs = typeof options?.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : DEFAULT_DEBOUNCE_MS;
  scheduler = new ValidationScheduler(debounceMs, (uri) => void validate(uri));
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
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
  projectFiles.clear();
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
        const file = uriToPath(uri);
        if (!file) throw new CommandArgumentError(`${params.command}: not a file: ${uri}`);
        return userFacing(async () => importReport(file, await settings.get(uri)));
      }
      case COMMANDS.startNextYear: {
        const uri = uriArg(args, params.command);
        const file = uriToPath(uri);
        if (!file) throw new CommandArgumentError(`${params.command}: save the report to a file first: ${uri}`);
        const analysis = await analysisOf(uri);
        return userFacing(async () => {
          const result = await startNextYear({ file, report: analysis?.report }, await settings.get(uri));
          if ('error' in result) throw new ReportFileError(result.error);
          return result;
        });
      }
      case COMMANDS.exportReport: {
        const { uri, target, kind } = exportArgs(args);
        const analysis = await analysisOf(uri);
        if (!analysis) throw new CommandArgumentError(`${params.command}: the document is not open: ${uri}`);
        return userFacing(() => exportReport(analysis.report, analysis.active ? analysis.diagnostics : [], target, kind));
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

/** A file the user named that cannot be read or written: its reason, as the command's error. */
async function userFacing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ReportFileError) throw new CommandArgumentError(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CommandArgumentError(`${(e as Error).message}`);
    throw e;
  }
}

process.on('uncaughtException', (e) => log(`govreport: uncaught: ${describe(e)}`));
process.on('unhandledRejection', (e) => log(`govreport: unhandled rejection: ${describe(e)}`));

documents.listen(connection);
connection.listen();
