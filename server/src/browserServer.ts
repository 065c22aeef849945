/**
 * govreport-language-server in a web worker (vscode.dev, code-server's web extension host): the
 * same server as the Node entry (languageServer.ts), over the worker's messages. It has no file
 * system: the project files (.govreportrc.jsonc, .govreportignore, the baseline) are read through
 * the client (features/clientFiles.ts), and an export or next year's draft is written by the
 * client; no last-year report is read from the folder (open ones pair), and the commands that
 * need Node's readers or a folder listing (import, the workspace check) say they need the
 * desktop editor.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { CommandArgumentError } from './features/commands';
import { countBySeverity } from './features/diagnostics';
import { exportBytes } from './features/exportBytes';
import { FetchedProjectFiles, READ_FILES_REQUEST, toBase64, WRITE_FILE_REQUEST, type ReadFilesParams, type WriteFileParams } from './features/clientFiles';
import { nextYearFile } from './features/nextYear';
import { t } from './features/strings';
import { binaryKindOfPath, kindOfPath, parse } from './report';
import { startLanguageServer } from './languageServer';

/** The worker's global scope, as far as it is used here (the project compiles without the DOM library). */
declare const self: {
  addEventListener(type: 'error', listener: (event: { error?: unknown; message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
};

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));
const describe = (e: unknown) => (e instanceof Error ? e.stack ?? e.message : String(e));
self.addEventListener('error', (e) => connection.console.error(`govreport: uncaught: ${describe(e.error ?? e.message)}`));
self.addEventListener('unhandledrejection', (e) => connection.console.error(`govreport: unhandled rejection: ${describe(e.reason)}`));

const projectFiles = new FetchedProjectFiles((params) => connection.sendRequest(READ_FILES_REQUEST, params));

/** Texts of files through the client; null: no such file. */
async function readTexts(uris: string[]): Promise<(string | null)[]> {
  const params: ReadFilesParams = { uris };
  const answers: unknown = await connection.sendRequest(READ_FILES_REQUEST, params);
  return uris.map((_, i) => (Array.isArray(answers) && typeof answers[i] === 'string' ? answers[i] : null));
}

/** Writes through the client; a failure is the command's error, in the client's words. */
async function writeBytes(uri: string, bytes: Uint8Array): Promise<void> {
  const params: WriteFileParams = { uri, base64: toBase64(bytes) };
  try {
    await connection.sendRequest(WRITE_FILE_REQUEST, params);
  } catch (e) {
    throw new CommandArgumentError(`${uri}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The first of name.md, name-2.md, … that does not exist beside `uri` (asked in batches). */
async function freeUriBeside(uri: string, name: string): Promise<string> {
  const dir = uri.slice(0, uri.lastIndexOf('/') + 1);
  for (let first = 1; ; first += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => `${dir}${encodeURIComponent(`${name}${first + i === 1 ? '' : `-${first + i}`}`)}.md`);
    const texts = await readTexts(candidates);
    const free = candidates.find((_, i) => texts[i] === null);
    if (free) return free;
  }
}

startLanguageServer(connection, {
  // The project files come through the client (vscode.workspace.fs), asked for before each document's settings.
  projectFiles,
  files: {
    // 导出为 Word / 导出为网页: rendered here, written by the client where its save dialog said.
    async exportReport(report, diagnostics, target, kind) {
      if (!/^[a-z][\w+.-]+:/i.test(target)) throw new CommandArgumentError(`govreport.exportReport: the target must be a URI in the web editor: ${target}`);
      await writeBytes(target, await exportBytes(report, kind));
      return { uri: target, path: projectFiles.pathOf(target) ?? target, ...countBySeverity(diagnostics) };
    },
    // 根据上年报告起草本年报告: from the open document, or a text file read through the client;
    // the draft written beside it. (A Word or PDF file needs the desktop editor's readers.)
    async startNextYear({ uri, report }, settings) {
      if (!projectFiles.pathOf(uri)) throw new CommandArgumentError(t(settings.locale, 'saveFirst', { uri }));
      let source = report;
      if (!source) {
        if (binaryKindOfPath(uri)) throw new CommandArgumentError(t(settings.locale, 'needsDesktopReader', { file: projectFiles.pathOf(uri) ?? uri }));
        const [text] = await readTexts([uri]);
        if (text === null) throw new CommandArgumentError(settings.locale === 'en' ? `${uri}: no such file` : `${uri}：找不到文件`);
        source = parse(text, { kind: kindOfPath(uri, text), format: settings.format });
      }
      const draft = nextYearFile(source, settings.locale);
      if ('error' in draft) return draft;
      const target = await freeUriBeside(uri, draft.name);
      await writeBytes(target, new TextEncoder().encode(draft.markdown));
      return { uri: target, path: projectFiles.pathOf(target) ?? target, errors: 0, warnings: 0 };
    },
  },
});
