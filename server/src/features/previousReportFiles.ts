/**
 * The report files of the workspace folders on disk, for last year's report (previousReports.ts):
 * found the way the CLI finds them, read once and again when they change; the folders are
 * listed again at most every few seconds. The Node language server only: the web worker has
 * no file system.
 */
import * as fs from 'fs';
import { pathToFileURL } from 'url';
import { decode } from '../cli/encoding';
import { expandInputs } from '../cli/files';
import { binaryKindOfPath, kindOfPath, parse, type Report } from '../report';
import { readDocx } from '../report/readers/docx';
import type { ReportFileSource } from './previousReports';

const RESCAN_MS = 3000;
const MAX_BYTES = 4 * 1024 * 1024;

interface FileEntry {
  mtimeMs: number;
  size: number;
  report: Report;
}

function parseText(file: string, bytes: Buffer): Report {
  const text = decode(bytes, { html: kindOfPath(file, '') === 'html' }).text;
  return parse(text, { kind: kindOfPath(file, text) });
}

export class ReportFilesOnDisk implements ReportFileSource {
  private files = new Map<string, FileEntry>();
  private listed: { file: string; uri: string }[] = [];
  private listedKey = '';
  private listedAt = -Infinity;

  reset(): void {
    this.files.clear();
    this.listed = [];
    this.listedAt = -Infinity;
  }

  list(folders: readonly string[]): { file: string; uri: string }[] {
    const now = Date.now();
    const key = folders.join('\u0000');
    if (now - this.listedAt > RESCAN_MS || key !== this.listedKey) {
      this.listed = folders.flatMap((folder) => expandInputs([folder]).files).map((file) => ({ file, uri: pathToFileURL(file).href }));
      this.listedAt = now;
      this.listedKey = key;
    }
    return this.listed;
  }

  read(file: string): Report | undefined {
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
}
