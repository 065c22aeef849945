#!/usr/bin/env node
/**
 * govreport-language-server, the Node entry: the connection over stdio (`--stdio`) or node-ipc
 * (`--node-ipc`, as vscode-languageclient starts it), and what Node adds to the shared server
 * (languageServer.ts): the project files on disk, last year's report among the folder's files,
 * import, next year's draft, export and the workspace check. browserServer.ts is the web
 * worker's entry to the same server.
 */
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { ReportFileError } from './common/reportFiles';
import { ruleDocHref } from './common/ruleDocs';
import { ProjectFiles } from './config/files';
import { nodeFileAccess } from './config/nodeFiles';
import { exportReport, importReport, startNextYear } from './features/documents';
import { ReportFilesOnDisk } from './features/previousReportFiles';
import * as fs from 'fs';
import { checkFileOnDisk, checkWorkspace } from './features/workspaceCheck';
import { uriToPath } from './features/globs';
import { CommandArgumentError } from './features/commands';
import { t } from './features/strings';
import { guardFrames, type DroppedReport } from './frameGuard';
import { startLanguageServer } from './languageServer';

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

const describe = (e: unknown) => (e instanceof Error ? e.stack ?? e.message : String(e));
const log = (message: string) => connection.console.error(message);
reportDropped = (bytes, reason) =>
  log(`govreport: dropped ${bytes} bytes of a malformed message (${reason === 'header' ? 'no valid Content-Length header' : 'its Content-Length did not match its body'}); reading on from the next message`);

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

// The project files on disk, for file: documents (what the CLI reads for the same file).
const project = new ProjectFiles(nodeFileAccess);

/** Where to export: a path, or the file: URI the client's save dialog gave. */
function targetPath(target: string): string {
  if (!/^[a-z][\w+.-]+:/i.test(target)) return target;
  const file = uriToPath(target);
  if (!file) throw new CommandArgumentError(`govreport.exportReport: not a file: ${target}`);
  return file;
}

process.on('uncaughtException', (e) => log(`govreport: uncaught: ${describe(e)}`));
process.on('unhandledRejection', (e) => log(`govreport: unhandled rejection: ${describe(e)}`));

startLanguageServer(connection, {
  projectFiles: {
    pathOf: uriToPath,
    candidates: (file) => project.candidates(file),
    apply: (file) => project.apply(file),
    baseline: (file) => project.baseline(file),
    clear: () => project.clear(),
  },
  reportFiles: new ReportFilesOnDisk(),
  ruleDocHref: (code) => ruleDocHref(code),
  files: {
    checkWorkspace,
    // Gone from disk: cleared (checkFileOnDisk would log a failed read).
    checkFileOnDisk: async (context, file, folderUri) => (fs.existsSync(file) ? checkFileOnDisk(context, file, folderUri) : undefined),
    importReport: (file, settings) => userFacing(() => importReport(file, settings)),
    startNextYear: (source, settings) => {
      const file = uriToPath(source.uri);
      if (!file) throw new CommandArgumentError(t(settings.locale, 'saveFirst', { uri: source.uri }));
      return userFacing(() => startNextYear({ file, report: source.report }, settings));
    },
    exportReport: (report, diagnostics, target, kind) => userFacing(() => exportReport(report, diagnostics, targetPath(target), kind)),
  },
});
