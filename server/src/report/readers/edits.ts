/**
 * Findings and fixes carried from the text the parser read back to the source. A range maps
 * through the reader's character map. A fix maps only when the edit is as safe in the source
 * as it was in the read text: in an HTML page, a figure replaced inside one cell or one
 * sentence — markup between its characters balanced and inline only, the new text escaped —
 * and nothing that would need markup of its own (a row, a heading, a paragraph). What cannot
 * be mapped safely is reported without a fix, never applied half-right.
 */
import type { Diagnostic } from '../check';
import type { TextEdit } from '../rules';
import type { ReadDocument } from './index';
import { BLOCKS } from './htmlTables';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'o:p']);

/**
 * Markup between two characters of one text run is inline and balanced: removing it with the
 * characters merges sibling runs (`20</span><span>23` → `2024`) and breaks no element.
 * Written as a small scanner rather than with the parser because it looks at a few dozen
 * characters the parser already placed, and only needs the tags' names and direction.
 */
export function inlineBalanced(markup: string): boolean {
  let depth = 0;
  let i = 0;
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    if (lt < 0) break;
    if (markup.startsWith('<!--', lt)) return false;
    const gt = markup.indexOf('>', lt);
    if (gt < 0) return false;
    const tag = markup.slice(lt + 1, gt);
    const closing = tag.startsWith('/');
    const name = (closing ? tag.slice(1) : tag).trim().split(/[\s/]/)[0].toLowerCase();
    if (!name || BLOCKS.has(name)) return false;
    if (!VOID.has(name) && !tag.endsWith('/')) depth += closing ? -1 : 1;
    if (depth < -4 || depth > 4) return false;
    i = gt + 1;
  }
  return depth === 0;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toSourceEdit(document: ReadDocument, edit: TextEdit): TextEdit | undefined {
  if (edit.inSource) return edit;
  // A line break means new structure: rows, headings, paragraphs. Only plain text keeps them.
  if (/[\r\n\t]/.test(edit.newText)) return undefined;
  const range = document.map.toSource(edit.range);
  if (document.kind === 'html') {
    const replaced = document.source.slice(range.start, range.end);
    if (!inlineBalanced(replaced)) return undefined;
    return { range, newText: escapeHtml(edit.newText) };
  }
  return { range, newText: edit.newText };
}

export function toSourceDiagnostic(document: ReadDocument, d: Diagnostic): Diagnostic {
  const map = document.map;
  let fix = d.fix;
  if (fix) {
    const edits = fix.edits.map((e) => toSourceEdit(document, e));
    fix = edits.every((e): e is TextEdit => e !== undefined) ? { ...fix, edits } : undefined;
  }
  return {
    ...d,
    range: map.toSource(d.range),
    fix,
    related: d.related?.map((r) => ({ ...r, range: map.toSource(r.range) })),
  };
}
