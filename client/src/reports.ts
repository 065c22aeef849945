/**
 * The reports the server knows of (`govreport/reports`: the open ones it diagnoses and the
 * files the workspace check read), as the 报告体检 (Report Check) view beside the explorer
 * shows them: one row per report with its error and warning counts, a click opens it. Which
 * files are reports and what their counts are is the server's business; this only draws the list.
 */
import * as vscode from 'vscode';
import { strings } from './strings';

import { REPORTS_NOTIFICATION, type ReportEntry, type ReportsParams } from '../../server/src/common/reportsProtocol';

export { REPORTS_NOTIFICATION, type ReportEntry, type ReportsParams };
export const REPORTS_VIEW = 'govreport.reports';

/** The last list the server sent; an event when a new one arrives. */
export class ReportsModel implements vscode.Disposable {
  private current: ReportsParams = { checked: false, reports: [] };
  private byUri = new Map<string, ReportEntry>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  update(params: ReportsParams): void {
    this.current = params;
    this.byUri = new Map(params.reports.map((r) => [vscode.Uri.parse(r.uri).toString(), r]));
    this.emitter.fire();
  }

  /** The server stopped (disabled): nothing is known. */
  clear(): void {
    this.update({ checked: false, reports: [] });
  }

  get reports(): readonly ReportEntry[] {
    return this.current.reports;
  }

  get checked(): boolean {
    return this.current.checked;
  }

  entry(uri: vscode.Uri): ReportEntry | undefined {
    return this.byUri.get(uri.toString());
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

const BINARY = /\.(docx|pdf)$/i;

export class ReportsTree implements vscode.TreeDataProvider<ReportEntry>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ReportEntry | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: ReportsModel) {
    this.subscription = model.onDidChange(() => this.emitter.fire());
  }

  /** Re-draws the rows (the locale changed). */
  refresh(): void {
    this.emitter.fire();
  }

  getChildren(element?: ReportEntry): ReportEntry[] {
    if (element) return [];
    return [...this.model.reports].sort((a, b) => label(a).localeCompare(label(b), 'zh-CN'));
  }

  getTreeItem(entry: ReportEntry): vscode.TreeItem {
    const s = strings();
    const uri = vscode.Uri.parse(entry.uri);
    const item = new vscode.TreeItem(label(entry), vscode.TreeItemCollapsibleState.None);
    item.id = entry.uri;
    item.resourceUri = uri;
    const clean = entry.errors + entry.warnings + entry.others === 0;
    item.description = clean ? `✓ ${s.treeClean}` : s.treeCounts(entry.errors, entry.warnings, entry.others);
    item.iconPath = new vscode.ThemeIcon(
      entry.errors ? 'error' : entry.warnings ? 'warning' : clean ? 'pass' : 'info',
      new vscode.ThemeColor(entry.errors ? 'problemsErrorIcon.foreground' : entry.warnings ? 'problemsWarningIcon.foreground' : clean ? 'testing.iconPassed' : 'problemsInfoIcon.foreground'),
    );
    const tooltip = new vscode.MarkdownString();
    if (entry.title) tooltip.appendText(entry.title + '\n\n');
    tooltip.appendText(s.statusTooltip(entry.errors, entry.warnings, entry.others).split('\n')[0]);
    item.tooltip = tooltip;
    item.contextValue = entry.open ? 'govreport.report.open' : 'govreport.report';
    // A Word or PDF file has no text to open at a line: show it in the explorer, its findings in Problems.
    item.command = BINARY.test(uri.path)
      ? { command: 'revealInExplorer', title: s.treeOpen, arguments: [uri] }
      : { command: 'vscode.open', title: s.treeOpen, arguments: [uri, { preview: false }] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** The row's name: the path in the workspace (or the file name, outside it). */
function label(entry: ReportEntry): string {
  const uri = vscode.Uri.parse(entry.uri);
  if (uri.scheme !== 'file') return uri.path.split('/').pop() || uri.toString();
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
