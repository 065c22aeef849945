/**
 * Status bar item for the active editor: how many errors and warnings the checker reports for
 * its document, or a check mark when it found none. Shown for every report — a govreport
 * document, or a markdown/plaintext/HTML file the server took for one (its list of reports
 * says so, clean or not) — and hidden for anything else. Clicking opens the Problems panel.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './languageClient';
import type { ReportsModel } from './reports';
import { strings } from './strings';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  others: number;
}

export function countProblems(diagnostics: readonly vscode.Diagnostic[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, others: 0 };
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else counts.others++;
  }
  return counts;
}

export class ProblemsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private visible = false;

  constructor(
    private readonly enabled: () => boolean,
    private readonly reports: ReportsModel,
  ) {
    this.item = vscode.window.createStatusBarItem('govreport.problems', vscode.StatusBarAlignment.Left, 50);
    this.item.name = strings().extensionName;
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      reports.onDidChange(() => this.update()),
      // Changing a document's language re-opens it under the same URI.
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (doc === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  /** What the item shows now (undefined when hidden); for tests. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.enabled()) return this.hide();
    const counts = countProblems(vscode.languages.getDiagnostics(document.uri));
    const any = counts.errors + counts.warnings + counts.others > 0;
    if (!any && document.languageId !== 'govreport' && !this.reports.entry(document.uri)) return this.hide();
    const s = strings();
    this.item.text = any ? `$(error) ${counts.errors} $(warning) ${counts.warnings}` : `$(check) ${s.extensionName}`;
    this.item.tooltip = any ? s.statusTooltip(counts.errors, counts.warnings, counts.others) : s.statusNoProblems;
    this.item.show();
    this.visible = true;
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
