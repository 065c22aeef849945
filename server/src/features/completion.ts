/**
 * Completion: the shared snippet list (report/snippets.ts — the same prefixes as the VS Code
 * snippets) for the document's format, and inside table 二 or 三, the format's row labels.
 *
 * Chinese is typed without spaces, so the editor's notion of "the word before the cursor" is
 * the whole run of characters (我们填写表三 → one word). Each item therefore carries its own
 * replace range: just the part of the text before the cursor that begins its prefix.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import {
  escapeSnippetText,
  formatForYear,
  formats,
  snippetDefinitions,
  templates,
  type BoundTable,
  type Format,
  type FormatId,
  type Locale,
  type Report,
  type SnippetDefinition,
} from '../report';
import { applicationsRowLabel } from '../report/formats';
import type { Analysis } from './analysis';
import { tableAt } from './convertTable';
import { pick } from './strings';

/** The text a snippet inserts when the client cannot take snippets: tab stops become their defaults. */
export function snippetToPlain(body: string): string {
  const defaults = new Map<string, string>();
  for (const m of body.matchAll(/\$\{(\d+):((?:\\.|[^\\}])*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], unescape(m[2]));
  return body.replace(/\\(.)|\$\{(\d+):((?:\\.|[^\\}])*)\}|\$\{(\d+)\}|\$(\d+)/g, (whole, escaped, n1, def, n2, n3) => {
    if (escaped !== undefined) return escaped;
    if (n1 !== undefined) return unescape(def);
    return defaults.get(n2 ?? n3) ?? '';
  });
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** How many characters before the cursor begin `label` (0 when none). */
function typedLength(before: string, label: string): number {
  if (/^[\x20-\x7e]+$/.test(label)) {
    // The ASCII word before the cursor, scanned back (a `[…]*$` regex is quadratic on a long line).
    let k = before.length;
    while (k > 0 && /[A-Za-z0-9_-]/.test(before[k - 1])) k--;
    return before.length - k;
  }
  for (let k = Math.min(label.length, before.length); k > 0; k--) if (before.endsWith(label.slice(0, k))) return k;
  return 0;
}

export function documentFormat(report: Report): FormatId {
  return report.format?.id ?? (report.year ? formatForYear(report.year.value) : '2021');
}

export interface CompletionOptions {
  snippetSupport: boolean;
}

interface Candidate {
  label: string;
  typed: number;
  item: Omit<CompletionItem, 'label' | 'textEdit'>;
  newText: string;
}

function preview(body: string): string {
  const lines = snippetToPlain(body).split('\n');
  const shown = lines.slice(0, 30).join('\n') + (lines.length > 30 ? '\n…' : '');
  return '```\n' + shown + '\n```';
}

/** The definitions render every table and skeleton: once per format, not per keystroke. */
const definitionsByFormat = new Map<FormatId, SnippetDefinition[]>();
function definitionsFor(format: FormatId): SnippetDefinition[] {
  let defs = definitionsByFormat.get(format);
  if (!defs) definitionsByFormat.set(format, (defs = snippetDefinitions({ preferred: format })));
  return defs;
}

function snippetCandidates(report: Report, before: string, locale: Locale, options: CompletionOptions): Candidate[] {
  const out: Candidate[] = [];
  definitionsFor(documentFormat(report)).forEach((def, index) => {
    for (const prefix of def.prefixes) {
      out.push({
        label: prefix,
        typed: typedLength(before, prefix),
        newText: options.snippetSupport ? def.body : snippetToPlain(def.body),
        item: {
          kind: CompletionItemKind.Snippet,
          detail: pick(def.description, locale),
          documentation: { kind: MarkupKind.Markdown, value: preview(def.body) },
          filterText: prefix,
          sortText: String(index).padStart(3, '0') + prefix,
          insertTextFormat: options.snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          // The VS Code extension contributes these same templates as snippets and drops these.
          data: { template: def.id },
        },
      });
    }
  });
  return out;
}

interface RowChoice {
  id: string;
  label: string;
  labelCells: string[];
  values: number;
  describes: { zh: string; en: string };
}

function rowChoices(table: BoundTable, format: Format): RowChoice[] {
  if (table.kind === 'applications') {
    return format.applications.valueRows.map((row) => ({
      id: row.id,
      label: applicationsRowLabel(row),
      labelCells: templates.applicationsLabelCells(format, row),
      values: format.applications.columns.length,
      describes: row.describes,
    }));
  }
  if (table.kind === 'activeDisclosure') {
    return format.activeDisclosure.blocks.flatMap((block) =>
      block.rows.map((row) => ({ id: row.id, label: row.label.zh, labelCells: [row.label.zh], values: block.columns.length, describes: row.describes })),
    );
  }
  return [];
}

/** Inside table 二 or 三 (or on the line just below it): the rows of its format, missing ones first. */
function rowCandidates(report: Report, table: BoundTable, before: string, lineText: string, locale: Locale, options: CompletionOptions): Candidate[] {
  const format = formats[table.format];
  const present = new Set(table.rows.map((r) => r.id));
  const blankLine = lineText.trim() === '';
  const eol = report.lines.eol;
  // On a blank line, a whole row in the table's layout; inside a row, the label of the cell being typed.
  const cellStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf('\t')) + 1;
  const typedInCell = before.slice(cellStart).replace(/^\s+/, '');
  return rowChoices(table, format).map((choice, index) => {
    let newText: string;
    if (blankLine) {
      const labels = options.snippetSupport ? choice.labelCells.map(escapeSnippetText) : choice.labelCells;
      const values = Array.from({ length: choice.values }, (_, i) => (options.snippetSupport ? `\${${i + 1}:0}` : '0'));
      newText = templates.renderRow(table.layout, labels, values, eol);
    } else newText = options.snippetSupport ? escapeSnippetText(choice.label) : choice.label;
    return {
      label: choice.label,
      typed: blankLine ? before.length : typedInCell.length,
      newText,
      item: {
        kind: CompletionItemKind.Field,
        detail: pick(choice.describes, locale),
        filterText: choice.label,
        sortText: (present.has(choice.id) ? '1' : '0') + String(index).padStart(3, '0'),
        insertTextFormat: options.snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      },
    };
  });
}

/**
 * Whether `offset` is inside a cell where a figure belongs (after a row's label cells, in any
 * of the official tables): typing 1 or 12 there is entering a number, and nothing should pop
 * up over it (a row label or a gr-table2 whose name happens to hold the digit).
 */
export function inValueCell(report: Report, offset: number): boolean {
  for (const table of report.tables) {
    if (offset < table.range.start || offset > table.range.end) continue;
    for (const row of table.rows) {
      if (offset < row.raw.range.start || offset > row.raw.range.end) continue;
      if (row.valueCells.some((cell) => offset >= cell.inner.start && offset <= cell.inner.end)) return true;
    }
  }
  return false;
}

export function completions(analysis: Analysis, position: Position, options: CompletionOptions): CompletionList {
  if (!analysis.active) return { isIncomplete: false, items: [] };
  const { report, settings } = analysis;
  const { lines } = report;
  const locale = settings.locale;
  const line = Math.min(position.line, lines.lineCount - 1);
  const lineText = lines.lineText(line);
  const character = Math.min(position.character, lineText.length);
  const before = lineText.slice(0, character);
  const offset = lines.lineStarts[line] + character;
  // A figure is being typed: no list (and no need to ask again on the next keystroke).
  if (report.document.map.identity && inValueCell(report, offset)) return { isIncomplete: false, items: [] };

  const below = line > 0 ? tableAt(report, lines.lineStarts[line - 1]) : undefined;
  const table = tableAt(report, offset) ?? (lineText.trim() === '' ? below : undefined);
  let candidates: Candidate[];
  if (table && (table.kind === 'applications' || table.kind === 'activeDisclosure')) {
    candidates = rowCandidates(report, table, before, lineText, locale, options);
  } else {
    candidates = snippetCandidates(report, before, locale, options);
    // What was typed decides which family is in play: 表 → the Chinese prefixes, gr- → the ASCII ones.
    if (candidates.some((c) => c.typed > 0)) candidates = candidates.filter((c) => c.typed > 0);
  }
  return {
    // The replace ranges depend on what is typed: ask again on the next keystroke.
    isIncomplete: true,
    items: candidates.map((c) => ({
      ...c.item,
      label: c.label,
      textEdit: { range: { start: { line, character: character - c.typed }, end: { line, character } }, newText: c.newText },
    })),
  };
}
