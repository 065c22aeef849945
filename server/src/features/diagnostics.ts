/**
 * Core findings as LSP diagnostics: the shared shape (common/lspShape) plus, where the client
 * shows them, the related places — the parts of a wrong sum.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { lspDiagnostic } from '../common/lspShape';
import { ruleDocHref } from '../common/ruleDocs';
import type { Diagnostic, Report } from '../report';

/**
 * `codeDescription`: where the rule's page is — docs/rules/<code>.md in the installed extension
 * (VS Code opens it from the code in the Problems panel), else the repository's page.
 */
export function toLspDiagnostics(uri: string, report: Report, diagnostics: Diagnostic[], relatedInformation: boolean, codeDescription = false): LspDiagnostic[] {
  return diagnostics.map((d) => {
    const out: LspDiagnostic = lspDiagnostic(report.sourceLines, d);
    const href = codeDescription ? ruleDocHref(d.code) : undefined;
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
