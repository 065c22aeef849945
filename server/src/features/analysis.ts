/**
 * One parse and one check per document version, shared by every feature: diagnostics, code
 * actions, hover, symbols, completion and formatting all ask for the analysis of the version
 * they were called for, and get the cached one when nothing changed.
 */
import { checkReport, parse, type Diagnostic, type Report } from '../report';
import { matchesFiles } from './globs';
import { checkOptions, type Settings } from './settings';

export interface DocumentLike {
  uri: string;
  languageId: string;
  version: number;
  getText(): string;
}

export interface Analysis {
  uri: string;
  version: number;
  report: Report;
  settings: Settings;
  /** Diagnosed: enabled, and a report (or named by `govreport.files`). Inactive documents get no findings. */
  active: boolean;
  /** Core findings; empty when not active. */
  diagnostics: Diagnostic[];
}

/**
 * A markdown or plain-text file is a report when it says so in its title, or has at least two
 * of the six section headings. An unrelated note stays quiet.
 */
export function looksLikeReport(report: Report): boolean {
  if (report.title?.namesReport) return true;
  return new Set(report.sections.map((s) => s.def.id)).size >= 2;
}

export function isDiagnosed(doc: Pick<DocumentLike, 'uri' | 'languageId'>, report: Report, settings: Settings, folders: readonly string[]): boolean {
  if (!settings.enable) return false;
  if (doc.languageId === 'govreport') return true;
  if (matchesFiles(doc.uri, settings.files, folders)) return true;
  return (doc.languageId === 'markdown' || doc.languageId === 'plaintext') && looksLikeReport(report);
}

export function analyseText(
  doc: DocumentLike,
  settings: Settings,
  folders: readonly string[],
  onRuleError?: (code: string, error: unknown) => void,
): Analysis {
  const report = parse(doc.getText(), { format: settings.format });
  const active = isDiagnosed(doc, report, settings, folders);
  const diagnostics = active ? checkReport(report, checkOptions(settings, onRuleError)) : [];
  return { uri: doc.uri, version: doc.version, report, settings, active, diagnostics };
}

export class Analyses {
  private cache = new Map<string, Analysis>();

  constructor(
    private readonly folders: () => readonly string[],
    private readonly onRuleError: (code: string, error: unknown) => void,
  ) {}

  get(doc: DocumentLike, settings: Settings): Analysis {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings) return cached;
    const analysis = analyseText(doc, settings, this.folders(), this.onRuleError);
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
