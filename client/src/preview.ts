/**
 * The preview beside the editor (like Markdown's): the report as it will be published — the
 * official tables with merged headers — drawn by the server with the renderer the HTML export
 * uses, the cells with findings marked, updated as the user types and as findings arrive. A
 * click on a cell or paragraph puts the cursor on its source.
 */
import * as vscode from 'vscode';
import type { ClientController } from './languageClient';
import { strings } from './strings';

export const PREVIEW_COMMAND = 'govreport.showPreview';
const SERVER_COMMAND = 'govreport.previewHtml';
const VIEW_TYPE = 'govreport.preview';
const UPDATE_DELAY_MS = 250;

function nonce(): string {
  let s = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** The webview's own script: clicks go back to the source; the scroll position survives a redraw. */
function parts(webview: vscode.Webview, n: string): { head: string; tail: string } {
  const csp = `default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${n}'; img-src ${webview.cspSource} data:;`;
  const script = `
const vscode = acquireVsCodeApi();
const state = vscode.getState();
if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
window.addEventListener('scroll', () => vscode.setState({ scrollY: window.scrollY }));
document.addEventListener('click', (e) => {
  const el = e.target instanceof Element ? e.target.closest('[data-offset]') : null;
  if (el) vscode.postMessage({ type: 'reveal', offset: Number(el.getAttribute('data-offset')) });
});`;
  return { head: `<meta http-equiv="Content-Security-Policy" content="${csp}">\n`, tail: `<script nonce="${n}">${script}</script>\n` };
}

class Preview implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  /** One nonce per panel: an unchanged report gives the same page, which is not reloaded. */
  private readonly nonce = nonce();
  private shown = '';

  constructor(
    readonly panel: vscode.WebviewPanel,
    public document: vscode.TextDocument,
    private readonly controller: ClientController,
    private readonly onDispose: () => void,
  ) {
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: { type?: string; offset?: unknown }) => {
        if (m?.type === 'reveal' && typeof m.offset === 'number') void this.reveal(m.offset);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.document.uri.toString())) this.schedule();
      }),
    );
    void this.update();
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  async update(): Promise<void> {
    if (this.disposed) return;
    const webview = this.panel.webview;
    const answer = await this.controller
      .executeServerCommand<{ html: string } | null>(SERVER_COMMAND, [this.controller.code2Protocol.asUri(this.document.uri), parts(webview, this.nonce)])
      .catch(() => undefined);
    if (this.disposed || !answer) return;
    this.panel.title = strings().previewTitle(this.document.uri.path.split('/').pop() ?? '');
    if (answer.html === this.shown) return;
    this.shown = answer.html;
    webview.html = answer.html;
  }

  private async reveal(offset: number): Promise<void> {
    const position = this.document.positionAt(offset);
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}

/** One preview per document; the command on a document that has one brings it forward. */
export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();

  constructor(private readonly controller: ClientController) {}

  register(): vscode.Disposable {
    return vscode.commands.registerCommand(PREVIEW_COMMAND, (uri?: vscode.Uri) => this.show(uri));
  }

  async show(uri?: vscode.Uri): Promise<boolean> {
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showWarningMessage(strings().noEditor);
      return false;
    }
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return true;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, strings().previewTitle(document.uri.path.split('/').pop() ?? ''), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    this.previews.set(key, new Preview(panel, document, this.controller, () => this.previews.delete(key)));
    return true;
  }

  dispose(): void {
    for (const p of [...this.previews.values()]) p.dispose();
  }
}
