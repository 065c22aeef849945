/**
 * Which documents are reports, and how many findings each has: the open documents the server
 * diagnoses, and the files the last workspace check read from disk. An editor shows this as a
 * list of the workspace's reports (the VS Code extension's 报告体检 view) and uses it to know
 * whether the active document is a report (its status bar item); it arrives as the
 * `govreport/reports` notification, sent only to a client that asks for it in its
 * initializationOptions (`{ "reportsNotification": true }`).
 *
 * The disk results are also what a document goes back to when it is closed: a checked file
 * that is opened and closed keeps its findings in the Problems panel instead of losing them.
 */
import type { Analysis } from './analysis';

import { REPORTS_NOTIFICATION, type ReportEntry, type ReportsParams } from '../common/reportsProtocol';

export { REPORTS_NOTIFICATION, type ReportEntry, type ReportsParams };

/** Where a file checked from disk was found: what re-checking it after a close needs. */
export interface DiskReport {
  file: string;
  folderUri: string;
  entry: ReportEntry;
}

export function entryOf(analysis: Analysis, open: boolean): ReportEntry {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const d of analysis.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else others++;
  }
  const title = analysis.report.title?.text.trim();
  return { uri: analysis.uri, ...(title ? { title } : {}), errors, warnings, others, open };
}

const SEND_DELAY_MS = 50;

export class ReportIndex {
  private readonly openReports = new Map<string, ReportEntry>();
  private readonly diskReports = new Map<string, DiskReport>();
  private checked = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = '';

  constructor(private readonly send: ((params: ReportsParams) => void) | undefined) {}

  /** An open document was (re-)diagnosed: a report, or (undefined) not one any more. */
  setOpen(uri: string, entry: ReportEntry | undefined): void {
    if (entry) this.openReports.set(uri, entry);
    else this.openReports.delete(uri);
    this.changed();
  }

  closed(uri: string): void {
    this.openReports.delete(uri);
    this.changed();
  }

  /** A file the workspace check read (or re-read after a close); undefined: no longer a report. */
  setDisk(uri: string, report: DiskReport | undefined): void {
    if (report) this.diskReports.set(uri, report);
    else this.diskReports.delete(uri);
    this.changed();
  }

  /** A workspace check starts: what it does not find again is gone. Returns what the last one found. */
  startCheck(): string[] {
    const before = this.diskUris();
    this.checked = true;
    this.diskReports.clear();
    return before;
  }

  disk(uri: string): DiskReport | undefined {
    return this.diskReports.get(uri);
  }

  diskUris(): string[] {
    return [...this.diskReports.keys()];
  }

  /** Open documents first-hand, the rest as the disk has them; sorted by URI. */
  list(): ReportsParams {
    const merged = new Map<string, ReportEntry>();
    for (const [uri, d] of this.diskReports) merged.set(uri, d.entry);
    for (const [uri, e] of this.openReports) merged.set(uri, e);
    const reports = [...merged.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return { checked: this.checked, reports };
  }

  /** Sends the list (after a short pause that folds a burst of checks into one message) when it changed. */
  changed(): void {
    if (!this.send || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const params = this.list();
      const json = JSON.stringify(params);
      if (json === this.lastSent) return;
      this.lastSent = json;
      this.send!(params);
    }, SEND_DELAY_MS);
  }
}
