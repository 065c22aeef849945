/**
 * Comments that accept a finding, as markdownlint and ESLint read theirs:
 *
 *   <!-- govreport-disable-next-line sum-applicant-total -->   the next line
 *   <!-- govreport-disable balance -->  …  <!-- govreport-enable -->   a range
 *   <!-- govreport-disable-file cell-blank -->                  the whole file
 *
 * Codes are separated by spaces or commas; none means every rule; ` -- ` starts the reason
 * (`<!-- govreport-disable-next-line balance -- 原表如此，已核实 -->`). They are found in the
 * source, whatever reader reads it (in a portal page they are in the markup, which the page
 * reader drops), so the CLI and the editor see the same ones. Finding them is this file's;
 * what they silence is suppress.ts's.
 */
import type { OffsetRange } from './text/lineIndex';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** The whole comment, `<!--` to `-->`, in the source. */
  range: OffsetRange;
  /** The codes it names, each with its place in the source; empty: every rule. */
  codes: Array<{ name: string; range: OffsetRange }>;
  /** What follows ` -- `: why the finding is accepted. */
  reason?: string;
}

/** What a rule code (or a slip of one) looks like. */
const CODE_SHAPED = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** No comment names more rules than there are. */
const MAX_CODES = 64;

const DIRECTIVE = /<!--[ \t\r\n]*govreport-(disable-next-line|disable-file|disable|enable)(?=[\s,]|-->)/g;

export function findDirectives(source: string): Directive[] {
  // Nearly every report has none: one search of the text decides.
  if (!source.includes('govreport-')) return [];
  const out: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(source); m; m = DIRECTIVE.exec(source)) {
    const close = source.indexOf('-->', m.index + m[0].length);
    if (close < 0) break;
    const bodyStart = m.index + m[0].length;
    let body = source.slice(bodyStart, close);
    let reason: string | undefined;
    const dashes = body.search(/(^|\s)--(\s|$)/);
    if (dashes >= 0) {
      reason = body.slice(dashes).replace(/^\s*--\s*/, '').trim() || undefined;
      body = body.slice(0, dashes);
    }
    const codes: Directive['codes'] = [];
    // Codes are ASCII words. A token that is not one (a comment left unclosed swallows the
    // report's own text up to the next `-->`) is kept, to be reported as no code — so that the
    // comment does not silence every rule — and ends the list: the swallowed words are not
    // reported one by one.
    for (const c of body.matchAll(/[^\s,，、]+/g)) {
      codes.push({ name: c[0], range: { start: bodyStart + c.index!, end: bodyStart + c.index! + c[0].length } });
      if (!CODE_SHAPED.test(c[0]) || codes.length >= MAX_CODES) break;
    }
    out.push({ kind: m[1] as DirectiveKind, range: { start: m.index, end: close + 3 }, codes, ...(reason ? { reason } : {}) });
    DIRECTIVE.lastIndex = close + 3;
  }
  return out;
}

/** The comment text for a directive, as the quick fixes write it. */
export function directiveComment(kind: DirectiveKind, codes: readonly string[]): string {
  return `<!-- govreport-${kind}${codes.length ? ' ' + codes.join(' ') : ''} -->`;
}
