/**
 * Fix-all for the editor: the core's `fixAll` (repeated passes until nothing more is fixable)
 * turned into one minimal edit over the span that changed, so the editor keeps the cursor,
 * the undo stop and every untouched line as they were.
 */
import { fixAll, type Diagnostic, type OffsetRange, type ReadDocument } from '../report';
import { checkOptions, type Settings } from './settings';

export interface OffsetEdit {
  range: OffsetRange;
  newText: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The single replacement that turns `before` into `after`; undefined when they are equal. */
export function minimalEdit(before: string, after: string): OffsetEdit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair, or a CRLF (no editor position lies inside one), between kept
  // and replaced text.
  const splits = (s: string, at: number) => at > 0 && at < s.length && ((isHigh(s.charCodeAt(at - 1)) && isLow(s.charCodeAt(at))) || (s[at - 1] === '\r' && s[at] === '\n'));
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  return { range: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}

/** `diagnostics`: the document's current findings, reused for the first pass. */
export function fixAllEdit(text: string, settings: Settings, diagnostics?: Diagnostic[], kind: ReadDocument['kind'] = 'text'): { edit?: OffsetEdit; count: number; tooLarge?: true } {
  // Text extracted from a Word or PDF file is not the file: nothing to write back.
  if (kind !== 'text' && kind !== 'html') return { count: 0 };
  const result = fixAll(text, { ...checkOptions(settings), kind }, 10, diagnostics);
  const edit = minimalEdit(text, result.text);
  return { edit, count: edit ? result.applied.length : 0, ...(result.tooLarge ? { tooLarge: true } : {}) };
}
