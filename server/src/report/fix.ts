/**
 * Applying fixes: one fix's edits, or every fix in the document (fix-all) over repeated passes,
 * since mending one thing can make the next determinable (a missing row inserted, then its
 * sums checked). Overlapping fixes in one pass are deferred, never merged.
 */
import { check, type CheckOptions, type Diagnostic } from './check';
import type { TextEdit } from './rules';

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    if (e.range.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point, or an insertion at a replacement's edge, do not clash.
  if (a.range.start === a.range.end || b.range.start === b.range.end) {
    return a.range.start > b.range.start && a.range.start < b.range.end || b.range.start > a.range.start && b.range.start < a.range.end;
  }
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** The fixes of one pass that can be applied together, in document order. */
export function compatibleFixes(diagnostics: Diagnostic[]): Diagnostic[] {
  const accepted: Diagnostic[] = [];
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    if (!d.fix) continue;
    if (d.fix.edits.some((e) => edits.some((x) => overlaps(e, x)))) continue;
    accepted.push(d);
    edits.push(...d.fix.edits);
  }
  return accepted;
}

export interface FixAllResult {
  text: string;
  applied: Array<{ code: Diagnostic['code']; title: string }>;
  passes: number;
}

/** `first`: the findings of `text` when the caller has them already (saves one check). */
export function fixAll(text: string, options: CheckOptions = {}, maxPasses = 10, first?: Diagnostic[]): FixAllResult {
  const applied: FixAllResult['applied'] = [];
  let passes = 0;
  while (passes < maxPasses) {
    const diagnostics = passes === 0 && first ? first : check(text, options).diagnostics;
    const fixes = compatibleFixes(diagnostics);
    if (!fixes.length) break;
    text = applyEdits(text, fixes.flatMap((d) => d.fix!.edits));
    applied.push(...fixes.map((d) => ({ code: d.code, title: d.fix!.title })));
    passes++;
  }
  return { text, applied, passes };
}
