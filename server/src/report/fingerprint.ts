/**
 * What a finding is, independent of where it stands: its rule, the table cell it is about
 * (or, in prose, what its message names — fix.ts's subjectOf), and the text it points at. A
 * reviewer's accepted finding (a baseline entry) is matched by this, so it survives edits
 * elsewhere — a paragraph added above moves every line, a figure corrected in another row
 * changes the numbers in the message — and stops matching when the cell or sentence itself
 * changes. Pure (no Node modules): the editor's browser build uses it too.
 */
import type { Diagnostic } from './check';
import { subjectOf } from './fix';
import type { Report } from './model';
import type { RuleCode } from './rules';

export interface FindingIdentity {
  code: RuleCode;
  /** The table cell (`applications/granted/natural`), else what the message names. */
  where: string;
  /** The text the finding points at, white space squashed, at most 80 characters. */
  quote: string;
  /** A hash of the three: what a baseline entry is matched by. */
  fingerprint: string;
}

const QUOTE_MAX = 80;

/** The cell of a bound table that holds read-text offset `at`. */
function cellAt(report: Report, at: number): string | undefined {
  for (const table of report.tables) {
    if (at < table.range.start || at > table.range.end) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.raw.range.start <= at && at <= cell.raw.range.end) return `${table.kind}/${row.id}/${cell.columnId}`;
      }
      if (row.raw.range.start <= at && at <= row.raw.range.end) return `${table.kind}/${row.id}`;
    }
  }
  return undefined;
}

export function identify(report: Report, d: Diagnostic): FindingIdentity {
  const map = report.document.map;
  const start = map.identity ? d.range.start : map.fromSource(d.range.start);
  const end = map.identity ? d.range.end : Math.max(start, map.fromSource(d.range.end));
  const where = cellAt(report, start) ?? subjectOf(d).split('\u0000')[1];
  const quote = report.text.slice(start, Math.min(end, start + 400)).replace(/\s+/g, ' ').trim().slice(0, QUOTE_MAX);
  return { code: d.code, where, quote, fingerprint: hash(`${d.code}\u0000${where}\u0000${quote}`) };
}

/** 64 bits of FNV-1a over UTF-16 code units, as 16 hex digits: stable across runs and machines. */
export function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c >>> 3) ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
