/**
 * govreport-language-server in a web worker (vscode.dev, code-server's web extension host): the
 * same server as the Node entry (languageServer.ts), over the worker's messages. It has no file
 * system: the project files (.govreportrc.jsonc, .govreportignore, the baseline) are read through
 * the client (features/clientFiles.ts), and an export is written by the client; no last-year
 * report is read from the folder (open ones pair), and the commands that read or write files by
 * path (import, next year's draft, the workspace check) say they need the desktop editor.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { CommandArgumentError } from './features/commands';
import { countBySeverity } from './features/diagnostics';
import { exportBytes } from './features/exportBytes';
import { FetchedProjectFiles, READ_FILES_REQUEST, toBase64, WRITE_FILE_REQUEST, type WriteFileParams } from './features/clientFiles';
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

startLanguageServer(connection, {
  // The project files come through the client (vscode.workspace.fs), asked for before each document's settings.
  projectFiles,
  files: {
    // 导出为 Word / 导出为网页: rendered here, written by the client where its save dialog said.
    async exportReport(report, diagnostics, target, kind) {
      if (!/^[a-z][\w+.-]+:/i.test(target)) throw new CommandArgumentError(`govreport.exportReport: the target must be a URI in the web editor: ${target}`);
      const params: WriteFileParams = { uri: target, base64: toBase64(await exportBytes(report, kind)) };
      try {
        await connection.sendRequest(WRITE_FILE_REQUEST, params);
      } catch (e) {
        throw new CommandArgumentError(`${target}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return { uri: target, path: projectFiles.pathOf(target) ?? target, ...countBySeverity(diagnostics) };
    },
  },
});
