/**
 * Code actions: each finding's own fix as a quick fix attached to its diagnostic, fix-all as a
 * source action (what codeActionsOnSave runs), and table conversion as a rewrite.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { lspDiagnostic, lspEdit } from '../common/lspShape';
import { fixHolds, type Diagnostic } from '../report';
import { disableFileEdit, disableLineEdit, type DisableEdit } from '../report/suppress';
import { offersFix, type Analysis } from './analysis';
import { checkOptions } from './settings';
import { convertTableEdit, isConvertible, tableAt } from './convertTable';
import { fixAllEdit } from './fixAll';
import { t } from './strings';

export const FIX_ALL_KIND = 'source.fixAll.govreport';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND, CodeActionKind.RefactorRewrite];

export interface EditTarget {
  uri: string;
  version: number;
  /** The client takes versioned document edits: an edit for an older text is refused, not misapplied. */
  documentChanges: boolean;
}

export function workspaceEdit(target: EditTarget, edits: LspTextEdit[]): WorkspaceEdit {
  if (target.documentChanges) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  return { changes: { [target.uri]: edits } };
}

export interface CodeActionOptions extends EditTarget {
  /** The client can show why an action is unavailable. */
  disabledSupport: boolean;
}

export function codeActions(analysis: Analysis, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  if (!analysis.active) return [];
  const { report, settings } = analysis;
  // Diagnostics and their edits are in the source's offsets (an HTML page's own markup).
  const lines = report.sourceLines;
  const locale = settings.locale;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const start = lines.offsetAt(params.range.start);
  const end = lines.offsetAt(params.range.end);
  const out: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const sameAs = (mine: LspDiagnostic) => (theirs: LspDiagnostic) =>
      theirs.code === mine.code &&
      theirs.range.start.line === mine.range.start.line &&
      theirs.range.start.character === mine.range.start.character &&
      theirs.range.end.line === mine.range.end.line &&
      theirs.range.end.character === mine.range.end.character;
    for (const d of analysis.diagnostics) {
      if (!d.fix || d.range.start > end || d.range.end < start || !offersFix(analysis, d)) continue;
      const mine = lspDiagnostic(lines, d);
      // Attach the client's own diagnostic object when it sent it: that is what it matches on.
      const attached = params.context.diagnostics.find(sameAs(mine)) ?? mine;
      out.push({
        title: d.fix!.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [attached],
        isPreferred: d.fix.preferred,
        edit: workspaceEdit(options, d.fix.edits.map((e) => lspEdit(lines, e))),
      });
    }
    // Accepting a finding with a comment, where a comment is not printed: Markdown, the
    // extension's own files and portal pages. A plain-text file would print it (the baseline
    // is the way there).
    if (COMMENTS_HIDDEN.has(analysis.languageId)) {
      for (const d of analysis.diagnostics) {
        if (d.range.start > end || d.range.end < start) continue;
        const mine = lspDiagnostic(lines, d);
        const attached = params.context.diagnostics.find(sameAs(mine)) ?? mine;
        for (const disable of disableActions(analysis, d)) {
          const title = t(locale, disable.scope === 'line' ? 'disableLine' : disable.scope === 'table' ? 'disableTable' : 'disableFile', { code: d.code });
          out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [attached], edit: workspaceEdit(options, disable.edits.map((e) => lspEdit(lines, e))) });
        }
      }
    }
  }

  const fixable = analysis.diagnostics.filter((d) => d.fix).length;
  const explicitKind = only?.find((o) => o === CodeActionKind.SourceFixAll || o === FIX_ALL_KIND || o === CodeActionKind.Source);
  if (fixable && wants(FIX_ALL_KIND)) {
    const kind = explicitKind === CodeActionKind.SourceFixAll ? CodeActionKind.SourceFixAll : FIX_ALL_KIND;
    if (explicitKind) {
      // Asked for by name (on save, or from the source action menu): the edit itself.
      const { edit, count } = fixAllEdit(report.document.source, settings, analysis.diagnostics, report.document.kind);
      if (edit) {
        out.push({
          title: t(locale, 'fixAll', { count }),
          kind,
          diagnostics: [],
          edit: workspaceEdit(options, [lspEdit(lines, edit)]),
        });
      }
    } else {
      // Offered beside the quick fixes, on every cursor move: the fixes run only when chosen.
      out.push({
        title: t(locale, 'fixAll', { count: fixable }),
        kind,
        command: { title: t(locale, 'fixAll', { count: fixable }), command: 'govreport.fixAll', arguments: [analysis.uri] },
      });
    }
  }

  if (wants(CodeActionKind.RefactorRewrite) && report.document.map.identity && isConvertible(tableAt(report, start))) {
    const result = convertTableEdit(report, start, locale);
    const title = t(locale, 'convertTable');
    if ('edit' in result) {
      out.push({ title, kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit(options, [lspEdit(lines, result.edit)]) });
    } else if (options.disabledSupport) {
      out.push({ title, kind: CodeActionKind.RefactorRewrite, disabled: { reason: result.error } });
    }
  }
  return out;
}

/** Languages in which an HTML comment is not printed. */
const COMMENTS_HIDDEN = new Set(['markdown', 'govreport', 'html']);

const disabling = new WeakMap<Diagnostic, DisableEdit[]>();

/**
 * The comments that would accept `d`: for its line (or table), and for the whole file. Each is
 * proved as a fix is (fixHolds): with the comment in, this finding is gone and nothing else
 * is new — a comment that changed how the report reads would not be offered.
 */
function disableActions(analysis: Analysis, d: Diagnostic): DisableEdit[] {
  let known = disabling.get(d);
  if (known) return known;
  const { report } = analysis;
  const kind = report.document.kind;
  if (kind === 'docx' || kind === 'pdf') return [];
  const options = { ...checkOptions(analysis.settings), kind, previous: analysis.previous };
  const holds = (e: DisableEdit) => fixHolds(report.document.source, options, { ...d, fix: { title: '', edits: e.edits, preferred: false } }, analysis.diagnostics);
  known = [disableLineEdit(report, d), disableFileEdit(report, d)].filter((e): e is DisableEdit => e !== undefined && holds(e));
  // The file-wide comment is offered only when the line's cannot be (or the rule fires more than once).
  if (known.length === 2 && analysis.diagnostics.filter((x) => x.code === d.code).length < 2) known = [known[0]];
  disabling.set(d, known);
  return known;
}
