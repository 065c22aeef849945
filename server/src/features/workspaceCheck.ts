/**
 * `govreport.checkWorkspace`: every report file in the workspace folders checked and its
 * diagnostics published, open or not. Files are found the way the CLI finds them (.md,
 * .markdown, .txt, .govreport, .html, .htm, .docx, .pdf; node_modules and dot-directories
 * skipped) and read the way the CLI reads them (UTF-8, UTF-16 with a BOM, GB18030; Word and
 * PDF files as documents). An open document is taken as the editor has it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { decode } from '../cli/encoding';
import { expandInputs } from '../cli/files';
import { analyseText, type Analysis, type DocumentLike, type FindPrevious } from './analysis';
import { analyseBinaryFile } from './documents';
import { BinaryReadError, binaryKindOfPath, describeReadError } from '../report';
import { countBySeverity } from './diagnostics';
import type { Settings } from './settings';

/** Files larger than this are skipped: a report is tens of kilobytes. */
const MAX_BYTES = 16 * 1024 * 1024;

export interface WorkspaceCheckContext {
  folders: readonly string[];
  /** The analysis of an open document, if the file is open. */
  openAnalysis(uri: string): Promise<Analysis | undefined>;
  /** The settings of a file, with the VS Code settings of `scopeUri` (its folder). */
  settingsFor(uri: string, scopeUri: string): Promise<Settings>;
  publish(uri: string, analysis: Analysis): void;
  /** Every report the check found, open (`open`: counted as the editor has it) or read from disk. */
  checked?(uri: string, file: string, folderUri: string, analysis: Analysis, open: boolean): void;
  /** Last year's report of a report's body, for the cross-year rules. */
  findPrevious?: FindPrevious;
  log(message: string): void;
}

export interface WorkspaceCheckResult {
  files: number;
  errors: number;
  warnings: number;
}

/** The language an editor would give the file: it decides whether a non-report is checked. */
function languageOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return ext === '.govreport' ? 'govreport' : ext === '.txt' ? 'plaintext' : ext === '.html' || ext === '.htm' ? 'html' : 'markdown';
}

/**
 * One file on disk checked as the workspace check does (not as an open editor has it):
 * undefined when it is not a report, too large, a legacy .doc/.wps, or cannot be read (said in
 * the log).
 */
export async function checkFileOnDisk(context: Pick<WorkspaceCheckContext, 'folders' | 'settingsFor' | 'findPrevious' | 'log'>, file: string, folderUri: string): Promise<Analysis | undefined> {
  const uri = pathToFileURL(file).href;
  try {
    if (fs.statSync(file).size > MAX_BYTES) return undefined;
    const binary = binaryKindOfPath(file);
    if (binary === 'doc' || binary === 'wps') return undefined;
    let analysis: Analysis | undefined;
    if (binary) {
      // Word and PDF: read as the documents they are; findings say where in the file.
      analysis = await analyseBinaryFile(file, await context.settingsFor(uri, folderUri), context.folders, context.findPrevious);
    } else {
      const text = decode(fs.readFileSync(file), { html: languageOf(file) === 'html' }).text;
      const doc: DocumentLike = { uri, languageId: languageOf(file), version: 0, getText: () => text };
      analysis = analyseText(doc, await context.settingsFor(uri, folderUri), context.folders, undefined, context.findPrevious);
    }
    return analysis?.active ? analysis : undefined;
  } catch (e) {
    // A scan, a password, a damaged file: said in the log, in words (the file is not a report we can check).
    const why = e instanceof BinaryReadError ? describeReadError(e, 'zh-CN', path.extname(file).slice(1).toUpperCase()) : e instanceof Error ? e.message : String(e);
    context.log(`checkWorkspace: ${file}: ${why}`);
    return undefined;
  }
}

export async function checkWorkspace(context: WorkspaceCheckContext): Promise<WorkspaceCheckResult> {
  const result: WorkspaceCheckResult = { files: 0, errors: 0, warnings: 0 };
  for (const folder of context.folders) {
    const folderUri = pathToFileURL(folder).href;
    const { files } = expandInputs([folder]);
    for (const file of files) {
      // Let edits and requests through between files.
      await new Promise((resolve) => setImmediate(resolve));
      const uri = pathToFileURL(file).href;
      const open = await context.openAnalysis(uri);
      const analysis = open ?? (await checkFileOnDisk(context, file, folderUri));
      if (!analysis?.active) continue;
      if (!open) context.publish(uri, analysis);
      context.checked?.(uri, file, folderUri, analysis, open !== undefined);
      const counts = countBySeverity(analysis.diagnostics);
      result.files++;
      result.errors += counts.errors;
      result.warnings += counts.warnings;
    }
  }
  return result;
}
