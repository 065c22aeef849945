/**
 * One parse and one check per document version, shared by every feature: diagnostics, code
 * actions, hover, symbols, completion and formatting all ask for the analysis of the version
 * they were called for, and get the cached one when nothing changed.
 */
import { checkReport, fixHolds, kindOfPath, looksLikeReport, parse, type Diagnostic, type PreviousReport, type Report, type SourceKind } from '../report';
import { identify } from '../report/fingerprint';
import { acceptedBy } from '../config/baseline';
import { uriToPath } from './globs';
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
  /** The editor's language for the document (a comment is invisible in markdown, govreport and html, printed in plaintext). */
  languageId: string;
  version: number;
  report: Report;
  settings: Settings;
  /** Diagnosed: enabled, and a report (or named by `govreport.files`). Inactive documents get no findings. */
  active: boolean;
  /** Core findings; empty when not active. */
  diagnostics: Diagnostic[];
  /** Last year's report it was checked against, if one was found. */
  previous?: PreviousReport;
}

/** Finds last year's report of the same body for a document (see previousReports.ts). */
export type FindPrevious = (report: Report, uri: string) => PreviousReport | undefined;

/** A markdown, plain-text or HTML file is a report when it looks like one (report/pairing.ts). */
export { looksLikeReport };

export function isDiagnosed(doc: Pick<DocumentLike, 'uri' | 'languageId'>, report: Report, settings: Settings, folders: readonly string[]): boolean {
  if (!settings.enable || settings.ignored) return false;
  if (doc.languageId === 'govreport' || settings.named) return true;
  if (matchesFiles(doc.uri, settings.files, folders)) return true;
  return (doc.languageId === 'markdown' || doc.languageId === 'plaintext' || doc.languageId === 'html') && looksLikeReport(report);
}

/** How a document is read: an HTML page as HTML, by its language or its name; the rest as text. */
export function kindOfDocument(doc: Pick<DocumentLike, 'uri' | 'languageId' | 'getText'>): SourceKind {
  if (doc.languageId === 'html') return 'html';
  if (doc.languageId === 'markdown' || doc.languageId === 'govreport') return 'text';
  return kindOfPath(doc.uri, doc.getText());
}

export function analyseText(
  doc: DocumentLike,
  settings: Settings,
  folders: readonly string[],
  onRuleError?: (code: string, error: unknown) => void,
  findPrevious?: FindPrevious,
): Analysis {
  const report = parse(doc.getText(), { format: settings.format, kind: kindOfDocument(doc) });
  const active = isDiagnosed(doc, report, settings, folders);
  const previous = active ? findPrevious?.(report, doc.uri) : undefined;
  const found = active ? checkReport(report, { ...checkOptions(settings, onRuleError), previous }) : [];
  const diagnostics = withoutAccepted(settings, settings.projectPath ?? uriToPath(doc.uri), report, found);
  return { uri: doc.uri, languageId: doc.languageId, version: doc.version, report, settings, active, diagnostics, previous };
}

/** What a reviewer accepted in the project's baseline is not shown, in the editor as on the command line. */
export function withoutAccepted(settings: Settings, file: string | undefined, report: Report, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!settings.baseline || !file || !diagnostics.length) return diagnostics;
  const { accepted } = acceptedBy(settings.baseline, file, diagnostics.map((d) => identify(report, d)));
  return diagnostics.filter((_, i) => !accepted[i]);
}

const holding = new WeakMap<Diagnostic, boolean>();

/**
 * Whether a finding's fix is offered: it has one and it holds when applied alone (the fixed
 * text re-read, see fixHolds). Proved on demand — for the quick fixes and hovers asked for,
 * not on every keystroke — and remembered for the version.
 */
export function offersFix(analysis: Analysis, d: Diagnostic): boolean {
  const kind = analysis.report.document.kind;
  // Text read out of a Word or PDF file is not the file: nothing there is edited.
  if (!d.fix || (kind !== 'text' && kind !== 'html')) return false;
  let holds = holding.get(d);
  if (holds === undefined) {
    const options = { ...checkOptions(analysis.settings), kind, previous: analysis.previous };
    holds = fixHolds(analysis.report.document.source, options, d, analysis.diagnostics);
    holding.set(d, holds);
  }
  return holds;
}

export class Analyses {
  private cache = new Map<string, Analysis>();

  constructor(
    private readonly folders: () => readonly string[],
    private readonly onRuleError: (code: string, error: unknown) => void,
    private readonly findPrevious?: FindPrevious,
  ) {}

  get(doc: DocumentLike, settings: Settings): Analysis {
    const cached = this.cache.get(doc.uri);
    // Last year's report may have changed since: the cache holds only while it is the same one.
    const stillPrevious = !cached?.previous || this.findPrevious?.(cached.report, doc.uri)?.report === cached.previous.report;
    if (cached && cached.version === doc.version && cached.settings === settings && stillPrevious) return cached;
    const analysis = analyseText(doc, settings, this.folders(), this.onRuleError, this.findPrevious);
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  all(): Analysis[] {
    return [...this.cache.values()];
  }
}
