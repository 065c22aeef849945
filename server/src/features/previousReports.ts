/**
 * Last year's report of the same body, for the cross-year rules (carryover-mismatch,
 * active-disclosure-continuity): looked for among the open documents first (as the editor has
 * them), then among the report files of the workspace folders. Files are read once and re-read
 * when they change on disk; the folders are listed again at most every few seconds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { decode } from '../cli/encoding';
import { expandInputs } from '../cli/files';
import { binaryKindOfPath, bodyOf, isLastYearOf, kindOfPath, parse, type PreviousReport, type Report } from '../report';
import { readDocx } from '../report/readers/docx';

function parseText(file: string, bytes: Buffer): Report {
  const text = decode(bytes, { html: kindOfPath(file, '') === 'html' }).text;
  return parse(text, { kind: kindOfPath(file, text) });
}
import { uriToPath } from './globs';

const RESCAN_MS = 3000;
const MAX_BYTES = 4 * 1024 * 1024;

interface FileEntry {
  mtimeMs: number;
  size: number;
  report: Report;
}

export interface OpenReport {
  uri: string;
  version: number;
  text: string;
}

export class PreviousReports {
  private files = new Map<string, FileEntry>();
  private listed: string[] = [];
  private listedAt = -Infinity;
  private parsedOpen = new Map<string, { version: number; report: Report }>();

  constructor(
    private readonly folders: () => readonly string[],
    private readonly open: () => Iterable<OpenReport>,
  ) {}

  /** Forget what was read (the folders changed). */
  reset(): void {
    this.files.clear();
    this.listed = [];
    this.listedAt = -Infinity;
  }

  private openReport(doc: OpenReport): Report {
    const cached = this.parsedOpen.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.report;
    const report = parse(doc.text, { kind: kindOfPath(doc.uri, doc.text) });
    this.parsedOpen.set(doc.uri, { version: doc.version, report });
    return report;
  }

  private fileReport(file: string): Report | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.files.delete(file);
      return undefined;
    }
    if (stat.size > MAX_BYTES) return undefined;
    const cached = this.files.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.report;
    try {
      const binary = binaryKindOfPath(file);
      // Last year's Word file counts (read synchronously); a PDF is not looked into here.
      if (binary && binary !== 'docx') return undefined;
      const bytes = fs.readFileSync(file);
      const report = binary ? parse(readDocx(bytes)) : parseText(file, bytes);
      this.files.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, report });
      return report;
    } catch {
      return undefined;
    }
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

    const now = Date.now();
    if (now - this.listedAt > RESCAN_MS) {
      this.listed = this.folders().flatMap((folder) => expandInputs([folder]).files);
      this.listedAt = now;
    }
    for (const file of this.listed) {
      const fileUri = pathToFileURL(file).href;
      if (fileUri === uri || openUris.has(fileUri)) continue;
      const r = this.fileReport(file);
      if (r && isLastYear(r)) return { report: r, name: this.nameOf(file) };
    }
    return undefined;
  }
}
