/**
 * Word, PDF and HTML in the editor: the work behind 导入年度报告 (a Markdown draft made from a
 * .docx/.pdf/.html file), 根据上年报告起草本年报告 (this year's draft from last year's report),
 * 导出为 Word / 导出为网页 (the finished report in the official layout), and Word/PDF files met
 * by the workspace check. The client asks and opens; the files are read and written here, so
 * this is the Node language server's only (the preview, which needs no file, is preview.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { checkReport, describeLocation, locate, parse, readBinary, type Diagnostic, type Locale, type Report } from '../report';
import { toMarkdown } from '../report/render';
import { nextYearFile } from './nextYear';
import { exportBytes } from './exportBytes';
import { freePath, readReportFile } from '../common/reportFiles';
import { looksLikeReport, withoutAccepted, type Analysis, type FindPrevious } from './analysis';
import { matchesFiles } from './globs';
import { checkOptions, type Settings } from './settings';
import { countBySeverity } from './diagnostics';

export interface WrittenFile {
  /** file: URI of what was written. */
  uri: string;
  path: string;
  errors: number;
  warnings: number;
}

function written(file: string, diagnostics: Diagnostic[]): WrittenFile {
  return { uri: pathToFileURL(file).href, path: file, ...countBySeverity(diagnostics) };
}

/** A Markdown draft beside the file it was made from (never over an existing file). */
export async function importReport(file: string, settings: Settings): Promise<WrittenFile> {
  const report = await readReportFile(file, { locale: settings.locale, format: settings.format });
  const markdown = toMarkdown(report);
  const target = freePath(path.dirname(file), path.basename(file, path.extname(file)), '.md');
  fs.writeFileSync(target, markdown);
  return written(target, checkReport(report, checkOptions(settings)));
}

/**
 * This year's draft from last year's report — an open document's text, or any file the
 * checker reads — written beside it as 「<body><year>年政府信息公开工作年度报告.md」.
 */
export async function startNextYear(source: { file: string; report?: Report }, settings: Settings): Promise<WrittenFile | { error: string }> {
  const report = source.report ?? (await readReportFile(source.file, { locale: settings.locale, format: settings.format }));
  const draft = nextYearFile(report, settings.locale);
  if ('error' in draft) return draft;
  const target = freePath(path.dirname(source.file), draft.name, '.md');
  fs.writeFileSync(target, draft.markdown);
  return { uri: pathToFileURL(target).href, path: target, errors: 0, warnings: 0 };
}

/** The finished report as Word or HTML, written to `target`. */
export async function exportReport(report: Report, diagnostics: Diagnostic[], target: string, kind: 'docx' | 'html'): Promise<WrittenFile> {
  fs.writeFileSync(target, await exportBytes(report, kind));
  return written(target, diagnostics);
}

/**
 * A Word or PDF file found by the workspace check: read, checked, its findings named by their
 * place in the file (the Problems panel cannot open a .docx at a line, so the message says
 * where: 第 3 页，表格 2 第 5 行第 9 列).
 */
export async function analyseBinaryFile(file: string, settings: Settings, folders: readonly string[], findPrevious?: FindPrevious): Promise<Analysis | undefined> {
  const uri = pathToFileURL(file).href;
  const document = await readBinary(fs.readFileSync(file), path.extname(file).slice(1).toLowerCase() as 'docx' | 'pdf');
  const report = parse(document, { format: settings.format });
  const active = settings.enable && !settings.ignored && (settings.named || matchesFiles(uri, settings.files, folders) || looksLikeReport(report));
  const previous = active ? findPrevious?.(report, uri) : undefined;
  const found = active ? checkReport(report, { ...checkOptions(settings), previous }) : [];
  // The baseline is matched before the place in the file is added to the message.
  const diagnostics = withoutAccepted(settings, file, report, found).map((d) => withLocation(d, report, settings.locale));
  // A comment in a Word or PDF file would be printed: no disable-comment fixes (languageId says so).
  return { uri, languageId: document.kind, version: 0, report, settings, active, diagnostics, previous };
}

function withLocation(d: Diagnostic, report: Report, locale: Locale): Diagnostic {
  const at = locate(report.document, d.range.start, report.sourceLines);
  if (!at) return d;
  const where = describeLocation(at, locale);
  return { ...d, message: locale === 'en' ? `${d.message} (${where})` : `${d.message}（${where}）`, fix: undefined };
}
