/**
 * Core diagnostics in the shape LSP defines (0-based lines, UTF-16 characters, severity 1–4),
 * used by the language server and by the CLI's JSON output. Type-only import: nothing of the
 * LSP library is bundled into the CLI.
 */
import type { Diagnostic as LspDiagnostic, DiagnosticSeverity, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { Diagnostic, LineIndex, Severity, TextEdit } from '../report';

export const SOURCE = 'govreport';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export function lspSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

export function lspEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: lines.rangeOf(edit.range), newText: edit.newText };
}

export interface FixData {
  fix?: { title: string; edits: LspTextEdit[]; preferred: boolean };
}

export function lspDiagnostic(lines: LineIndex, d: Diagnostic): LspDiagnostic & { data?: FixData } {
  const out: LspDiagnostic & { data?: FixData } = {
    range: lines.rangeOf(d.range),
    severity: lspSeverity(d.severity),
    code: d.code,
    source: SOURCE,
    message: d.message,
  };
  if (d.fix) out.data = { fix: { title: d.fix.title, edits: d.fix.edits.map((e) => lspEdit(lines, e)), preferred: d.fix.preferred } };
  return out;
}
