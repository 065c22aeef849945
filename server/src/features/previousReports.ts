/**
 * Last year's report of the same body, for the cross-year rules (carryover-mismatch,
 * active-disclosure-continuity): looked for among the open documents first (as the editor has
 * them), then among the report files of the workspace folders. Files are read once and re-read
 * when they change on disk (previousReportFiles.ts); without a file system (the web worker)
 * only the open documents are looked at.
 */
import * as path from 'path';
import { bodyOf, isLastYearOf, kindOfPath, parse, type PreviousReport, type Report } from '../report';
import { uriToPath } from './globs';

/** The report files of the workspace folders, read from disk (previousReportFiles.ts). */
export interface ReportFileSource {
  /** The report files of the folders, with their file: URIs. */
  list(folders: readonly string[]): { file: string; uri: string }[];
  /** The file's report, when it can be read (cached until it changes). */
  read(file: string): Report | undefined;
  /** Forget what was listed and read. */
  reset(): void;
}

export interface OpenReport {
  uri: string;
  version: number;
  text: string;
}

export class PreviousReports {
  private parsedOpen = new Map<string, { version: number; report: Report }>();

  constructor(
    private readonly folders: () => readonly string[],
    private readonly open: () => Iterable<OpenReport>,
    /** Report files on disk; undefined where there is no file system. */
    private readonly files?: ReportFileSource,
  ) {}

  /** Forget what was read (the folders changed). */
  reset(): void {
    this.files?.reset();
  }

  private openReport(doc: OpenReport): Report {
    const cached = this.parsedOpen.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.report;
    const report = parse(doc.text, { kind: kindOfPath(doc.uri, doc.text) });
    this.parsedOpen.set(doc.uri, { version: doc.version, report });
    return report;
  }

  /** How to name a file to the user: relative to its workspace folder. */
  private nameOf(file: string): string {
    for (const folder of this.folders()) {
      const rel = path.relative(folder, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    }
    return path.basename(file);
  }

  find(report: Report, uri: string): PreviousReport | undefined {
    if (!bodyOf(report) || !report.year) return undefined;
    const isLastYear = (r: Report) => isLastYearOf(r, report);

    const openUris = new Set<string>();
    for (const doc of this.open()) {
      openUris.add(doc.uri);
      if (doc.uri === uri) continue;
      const r = this.openReport(doc);
      if (isLastYear(r)) {
        const file = uriToPath(doc.uri);
        return { report: r, name: file ? this.nameOf(file) : doc.uri };
      }
    }
    for (const stale of [...this.parsedOpen.keys()]) if (!openUris.has(stale)) this.parsedOpen.delete(stale);

    if (!this.files) return undefined;
    for (const { file, uri: fileUri } of this.files.list(this.folders())) {
      if (fileUri === uri || openUris.has(fileUri)) continue;
      const r = this.files.read(file);
      if (r && isLastYear(r)) return { report: r, name: this.nameOf(file) };
    }
    return undefined;
  }
}
