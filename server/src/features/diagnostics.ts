/**
 * Core findings as LSP diagnostics: the shared shape (common/lspShape) plus, where the client
 * shows them, the related places — the parts of a wrong sum.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { lspDiagnostic } from '../common/lspShape';
import type { Diagnostic, Report, RuleCode } from '../report';

/**
 * `codeDescription`: where the rule's page is — docs/rules/<code>.md in the installed extension
 * (VS Code opens it from the code in the Problems panel), else the repository's page. The
 * server's entry says where (common/ruleDocs.ts finds the file on disk; the web worker is told
 * the extension's address); undefined when the client shows no such links.
 */
export function toLspDiagnostics(uri: string, report: Report, diagnostics: Diagnostic[], relatedInformation: boolean, codeDescription?: (code: RuleCode) => string | undefined): LspDiagnostic[] {
  return diagnostics.map((d) => {
    const out: LspDiagnostic = lspDiagnostic(report.sourceLines, d);
    const href = codeDescription?.(d.code);
    if (href) out.codeDescription = { href };
    if (relatedInformation && d.related?.length) {
      out.relatedInformation = d.related.map((r) => ({ location: { uri, range: report.sourceLines.rangeOf(r.range) }, message: r.message }));
    }
    return out;
  });
}

export function countBySeverity(diagnostics: Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
