/**
 * Applying fixes: one fix's edits, or every fix in the document (fix-all).
 *
 * Fix-all is trusted with a report that will be published, so it proves what it does:
 * - each pass applies one consistent set of non-overlapping fixes, the surest first (a letter
 *   typed for a digit before a total computed from it), and re-checks the result;
 * - a fix whose finding is still there afterwards is withdrawn, the pass re-applied without
 *   it, and that fix is never tried again in this run;
 * - passes repeat while they change something (mending one thing can make the next
 *   determinable: a missing row inserted, then its sums checked), and stop at a fixed point —
 *   so running fix-all on its own result changes nothing;
 * - a pass that would grow the text without bound (a template inserted again and again) is
 *   not applied;
 * - what it reports is exactly what changed: one entry per place edited, the last fix made
 *   there, so edits that replace each other are not listed twice.
 */
import { check, type CheckOptions, type Diagnostic } from './check';
import { ruleByCode, type RuleCode, type TextEdit } from './rules';
import type { OffsetRange } from './text/lineIndex';

/**
 * Fixes are made and proved only on texts up to this many characters (ten times the largest
 * real portal page). Proving a fix re-reads the whole text, and fix-all re-reads it every pass:
 * on a 20 MB paste of a thousand reports that is minutes and gigabytes for no one's benefit.
 * Larger texts are checked, and their findings listed, without fixes.
 */
export const MAX_FIX_LENGTH = 1_000_000;
/** Characters re-read, in all, to prove the fixes of one text for listing (withHoldingFixes). */
const PROOF_BUDGET = 20_000_000;

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.range.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  return out + text.slice(at);
}

function sortEdits(edits: TextEdit[]): TextEdit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i)
    .map((x) => x.e);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point, or an insertion at a replacement's edge, do not clash.
  if (a.range.start === a.range.end || b.range.start === b.range.end) {
    return (a.range.start > b.range.start && a.range.start < b.range.end) || (b.range.start > a.range.start && b.range.start < a.range.end);
  }
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** Which fixes go first when two would edit the same text: the local, certain ones. */
const PRIORITY: Partial<Record<RuleCode, number>> = {
  'cell-not-number': 0,
  'sum-applicant-total': 1,
  'sum-result-total': 1,
  balance: 1,
  'sum-review-litigation': 1,
  'narrative-mismatch': 2,
  'year-mismatch': 2,
  'cell-blank': 3,
  'table-row-missing': 4,
};
const priorityOf = (d: Diagnostic) => PRIORITY[d.code] ?? 5;

/** The fixes of one pass that can be applied together, surest first, then in document order. */
export function compatibleFixes(diagnostics: Diagnostic[]): Diagnostic[] {
  const accepted: Diagnostic[] = [];
  const edits: TextEdit[] = [];
  const ordered = diagnostics.filter((d) => d.fix).sort((a, b) => priorityOf(a) - priorityOf(b) || a.range.start - b.range.start);
  for (const d of ordered) {
    if (d.fix!.edits.some((e) => edits.some((x) => overlaps(e, x)))) continue;
    accepted.push(d);
    edits.push(...d.fix!.edits);
  }
  return accepted.sort((a, b) => a.range.start - b.range.start);
}

/** Where an offset of the text before `edits` is after them (inside an edit: at its start). */
export function mapOffset(offset: number, edits: TextEdit[]): number {
  let delta = 0;
  for (const e of sortEdits(edits)) {
    if (offset < e.range.start || (offset === e.range.start && e.range.start === e.range.end)) break;
    if (offset < e.range.end) return e.range.start + delta;
    delta += e.newText.length - (e.range.end - e.range.start);
  }
  return offset + delta;
}

function mapRange(range: OffsetRange, edits: TextEdit[]): OffsetRange {
  // A range an edit replaced becomes what replaced it.
  for (const e of edits) {
    if (e.range.start <= range.start && range.end <= e.range.end && e.range.start < e.range.end) {
      const start = mapOffset(e.range.start, edits);
      return { start, end: start + e.newText.length };
    }
  }
  return { start: mapOffset(range.start, edits), end: Math.max(mapOffset(range.start, edits), mapOffset(range.end, edits)) };
}

/** The text an edit wrote, in the text after all of `edits`. */
function editedRange(e: TextEdit, edits: TextEdit[]): OffsetRange {
  const start = mapOffset(e.range.start, edits);
  return { start, end: start + e.newText.length };
}

const touches = (a: OffsetRange, b: OffsetRange) => a.start < b.end && b.start < a.end || (a.start === a.end && b.start <= a.start && a.start <= b.end) || (b.start === b.end && a.start <= b.start && b.start <= a.end);

/**
 * What a finding is about: the first place or name its message quotes (a row, a column, a
 * section), else the message without its figures. A fix changes figures in messages, and the
 * wording of a finding can change with the findings around it, but not what it is about.
 */
export function subjectOf(d: Diagnostic): string {
  const named = /「([^」]+)」|“([^”]+)”/.exec(d.message);
  return `${d.code}\u0000${named ? (named[1] ?? named[2]) : d.message.replace(/\d+/g, '#')}`;
}

/**
 * The finding `d` (of the text before `edits`) is still among `after`: the same message, or a
 * finding about the same thing where it moved to (other findings of the rule may stand at
 * the same place: three missing sections all at the end of the text).
 */
function stillThere(d: Diagnostic, edits: TextEdit[], after: Diagnostic[], before: Diagnostic[]): boolean {
  const at = mapRange(d.range, edits);
  const subject = subjectOf(d);
  // The same words may stand twice (a figure the prose repeats): one fewer is this one gone.
  const same = (a: Diagnostic) => a.code === d.code && a.message === d.message;
  if (after.filter(same).length >= before.filter(same).length) return true;
  return after.some((a) => a.code === d.code && a.message !== d.message && touches(a.range, at) && subjectOf(a) === subject);
}

const findingKey = (d: Diagnostic) => `${d.code}\u0000${d.message}`;

/**
 * Errors and warnings of `after` that `before` did not have, tied to what `wrote` (the places
 * a fix wrote, in the new text): the report contradicts the fix (a total computed as 16 beside
 * prose that says 18). Template text a fix inserts is meant to be flagged until replaced.
 */
function contradicted(wrote: OffsetRange[], after: Diagnostic[], seen: Set<string>): boolean {
  return after.some(
    (a) =>
      (a.severity === 'error' || a.severity === 'warning') &&
      a.code !== 'placeholder-text' &&
      !seen.has(findingKey(a)) &&
      [a.range, ...(a.related ?? []).map((r) => r.range)].some((r) => wrote.some((w) => touches(w, r))),
  );
}

/**
 * Whether a finding's own fix, applied alone to `text` (whose findings are `before`), does
 * what it says and nothing else: its finding goes, the report does not then contradict what
 * it wrote, and no error or warning arises about anything else. A
 * quick fix is offered only when this holds — a fix is built from the reading, and where the
 * reading of a broken layout is unsure, re-reading the fixed text is the proof.
 */
export function fixHolds(text: string, options: CheckOptions, d: Diagnostic, before: Diagnostic[]): boolean {
  if (!d.fix || text.length > MAX_FIX_LENGTH) return false;
  const edits = d.fix.edits;
  let after: Diagnostic[];
  try {
    after = check(applyEdits(text, edits), options).diagnostics;
  } catch {
    return false;
  }
  if (stillThere(d, edits, after, before)) return false;
  if (contradicted(edits.map((e) => editedRange(e, edits)), after, new Set(before.map(findingKey)))) return false;
  // Nor may it bring an error or warning about anything that had none, anywhere: a row put in
  // that its neighbour then miscounts, a heading that makes a cut-off text read as whole.
  const allowed = seriousSubjects(before);
  allowed.set(subjectOf(d), (allowed.get(subjectOf(d)) ?? 1) - 1);
  for (const [subject, n] of seriousSubjects(after)) if (n > (allowed.get(subject) ?? 0)) return false;
  return true;
}

/** How many errors and warnings are about each thing (template text a fix inserts aside). */
function seriousSubjects(ds: Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) {
    if ((d.severity !== 'error' && d.severity !== 'warning') || d.code === 'placeholder-text') continue;
    m.set(subjectOf(d), (m.get(subjectOf(d)) ?? 0) + 1);
  }
  return m;
}

/**
 * `diagnostics` with every fix that does not hold (see fixHolds) taken off its finding. Each
 * proof re-reads the text: past PROOF_BUDGET characters re-read in all (hundreds of fixes in
 * a long text), the fixes left unproved are not listed either.
 */
export function withHoldingFixes(text: string, options: CheckOptions, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!diagnostics.some((d) => d.fix)) return diagnostics;
  let budget = PROOF_BUDGET;
  return diagnostics.map((d) => {
    if (!d.fix) return d;
    budget -= text.length;
    if (budget >= 0 && fixHolds(text, options, d, diagnostics)) return d;
    const { fix: _dropped, ...rest } = d;
    return rest;
  });
}

/** A fix of this rule moves or re-lays the author's text and writes no figure (rules/types.ts). */
const moves = (code: RuleCode) => ruleByCode.get(code)?.fixWritesNoFigure === true;

/** A name for a fix that stays the same across passes while its finding is unresolved. */
const fixKey = (d: Diagnostic) => `${d.code}\u0000${d.message}\u0000${d.fix?.edits.map((e) => e.newText).join('\u0001')}`;

export interface FixAllResult {
  text: string;
  applied: Array<{ code: Diagnostic['code']; title: string }>;
  passes: number;
  /** The text is longer than MAX_FIX_LENGTH: nothing was tried. */
  tooLarge?: true;
}

const MAX_PASSES = 10;
/** Withdrawals of failing fixes tried within one pass before the pass gives up. */
const MAX_RETRIES = 4;

/**
 * `first`: the findings of `text` when the caller has them already (saves one check).
 * `maxPasses` bounds the passes (default 10; fixes settle in two or three).
 */
export function fixAll(text: string, options: CheckOptions = {}, maxPasses = MAX_PASSES, first?: Diagnostic[]): FixAllResult {
  if (text.length > MAX_FIX_LENGTH) return { text, applied: [], passes: 0, tooLarge: true };
  const limit = text.length * 2 + 100_000;
  // A fix withdrawn from one text may hold once other fixes have changed it: refusals are
  // kept with the version of the text they were made on, and tried again on a newer one.
  const refused = new Map<string, number>();
  let version = 0;
  let applied: Array<{ code: Diagnostic['code']; title: string; range: OffsetRange }> = [];
  let current = text;
  let known: Diagnostic[] | undefined = first;
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const diagnostics = known ?? check(current, options).diagnostics;
    // A fix never builds on another fix's figure: prose is not rewritten to a cell fix-all wrote
    // (a section moved as it was written is not a figure written).
    const edited = applied.filter((a) => !moves(a.code)).map((a) => a.range);
    const buildsOnFix = (d: Diagnostic) => d.code === 'narrative-mismatch' && (d.related ?? []).some((r) => edited.some((e) => touches(e, r.range)));
    let set = compatibleFixes(diagnostics.filter((d) => d.fix && refused.get(fixKey(d)) !== version && !buildsOnFix(d)));
    let next: string | undefined;
    let after: Diagnostic[] = [];
    const seen = new Set(diagnostics.map(findingKey));
    for (let attempt = 0; set.length && attempt <= MAX_RETRIES; attempt++) {
      const edits = set.flatMap((d) => d.fix!.edits);
      next = applyEdits(current, edits);
      after = check(next, options).diagnostics;
      // A fix whose finding stays, or that the report then contradicts, is withdrawn.
      const failing = set.filter((d) => stillThere(d, edits, after, diagnostics) || contradicted(d.fix!.edits.map((e) => editedRange(e, edits)), after, seen));
      if (!failing.length) break;
      for (const d of failing) refused.set(fixKey(d), version);
      set = set.filter((d) => !failing.includes(d));
      next = undefined;
    }
    if (!set.length || next === undefined || next.length > limit) break;
    const edits = set.flatMap((d) => d.fix!.edits);
    // Places edited before move with the text; a fix made again at one of them replaces the
    // entry. A move is no fix made again: a section moved keeps the fixes made inside it listed,
    // and a fix inside a moved section leaves the move listed.
    applied = applied
      .map((a) => ({ ...a, range: mapRange(a.range, edits) }))
      .filter((a) => moves(a.code) || !set.some((d) => !moves(d.code) && d.fix!.edits.some((e) => touches(editedRange(e, edits), a.range))));
    for (const d of set) {
      const ranges = d.fix!.edits.map((e) => editedRange(e, edits));
      applied.push({ code: d.code, title: d.fix!.title, range: { start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) } });
    }
    current = next;
    known = after;
    version++;
  }
  applied.sort((a, b) => a.range.start - b.range.start);
  return { text: current, applied: applied.map(({ code, title }) => ({ code, title })), passes };
}
