/**
 * Scoring the checker on real published reports with their ground truth (a `truth.json`
 * beside them, in the format ../shared/corpus/README.md describes), the way the project is
 * judged:
 *
 * - a finding at error or warning severity is *true* when it names a defect of the same rule
 *   family at the same line (each defect claimed once), or sits on a line the extraction broke;
 *   every other error or warning is *false*;
 * - a *miss* is an author's defect (origin `report`, not a blank cell) with no true finding;
 * - in fragments (`complete: false`), findings about the structure the excerpt cut off are not
 *   counted; in crawler texts whose cells run together, no recall is asked, only silence.
 *
 * Runs the engine in-process over each file, read as the CLI reads it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Diagnostic } from '../../server/src/report';
import { decode } from '../../server/src/cli/encoding';
import { kindOfPath } from '../../server/src/report/readers';

export interface TruthDefect {
  kind: string;
  line?: number;
  origin?: string;
  table?: string;
  row?: string;
  column?: string | null;
  note?: string;
}

export interface TruthEntry {
  complete?: boolean;
  format?: string;
  year?: number;
  note?: string | null;
  defects?: TruthDefect[];
}

export interface FileScore {
  name: string;
  findings: number;
  true: number;
  false: number;
  defects: number;
  found: number;
  /** Tables (and outlines) reported as unreadable. */
  unreadable: number;
  /** The false findings and the missed defects, for reading. */
  falseFindings: string[];
  missed: string[];
}

export interface CorpusScore {
  files: FileScore[];
  findings: number;
  true: number;
  defects: number;
  found: number;
  unreadable: number;
  precision: number;
  recall: number;
}

const FAMILY: Record<string, string> = {
  'sum-applicant-total': 'sum',
  'sum-result-total': 'sum',
  balance: 'sum',
  'sum-review-litigation': 'sum',
  'narrative-mismatch': 'prose',
  'year-mismatch': 'year',
  'stale-year': 'year',
  'section-missing': 'section',
  'table-row-missing': 'row',
  'active-disclosure-range': 'range',
};
const familyOf = (code: string) => FAMILY[code] ?? code;
/** Findings about structure a fragment's cut would explain. */
const STRUCTURE = new Set(['section-missing', 'section-order', 'report-title', 'table-missing', 'table-row-missing', 'fee-statement-missing']);

export const GOAL_PRECISION = 0.98;
export const GOAL_RECALL = 0.95;

function slotKey(family: string, line: number): string {
  return family === 'section' ? 'section@*' : `${family}@${line}`;
}

export function scoreFile(name: string, truth: TruthEntry, diagnostics: Diagnostic[], lineOf: (d: Diagnostic) => number): FileScore {
  const complete = truth.complete !== false;
  const crawler = /Crawler page\.txt/.test(truth.note ?? '');
  const serious = diagnostics.filter((d) => (d.severity === 'error' || d.severity === 'warning') && (complete || !STRUCTURE.has(d.code)));
  const authored = (truth.defects ?? []).filter((d) => d.origin === 'report' && d.kind !== 'cell-blank');
  const brokenLines = new Set((truth.defects ?? []).filter((d) => d.origin !== 'report').map((d) => d.line));
  const slots = new Map<string, number>();
  for (const d of authored) {
    const key = slotKey(familyOf(d.kind), d.line ?? 0);
    slots.set(key, (slots.get(key) ?? 0) + 1);
  }
  const claimed = new Map<string, number>();
  let tru = 0;
  const falseFindings: string[] = [];
  for (const d of serious) {
    const line = lineOf(d);
    const key = slotKey(familyOf(d.code), line);
    if ((claimed.get(key) ?? 0) < (slots.get(key) ?? 0)) {
      claimed.set(key, (claimed.get(key) ?? 0) + 1);
      tru++;
    } else if (brokenLines.has(line)) tru++;
    else falseFindings.push(`${d.code}@${line}: ${d.message}`);
  }
  const found = crawler ? 0 : [...claimed.values()].reduce((a, b) => a + b, 0);
  const missed: string[] = [];
  if (!crawler) {
    const left = new Map(claimed);
    for (const d of authored) {
      const key = slotKey(familyOf(d.kind), d.line ?? 0);
      const n = left.get(key) ?? 0;
      if (n > 0) left.set(key, n - 1);
      else missed.push(`${d.kind}@${d.line}: ${[d.table, d.row, d.column].filter(Boolean).join(' ')}`);
    }
  }
  return {
    name,
    findings: serious.length,
    true: tru,
    false: serious.length - tru,
    defects: crawler ? 0 : authored.length,
    found,
    unreadable: diagnostics.filter((d) => d.code === 'table-unreadable').length,
    falseFindings,
    missed,
  };
}

export function scoreCorpus(dir: string): CorpusScore {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry>;
  const files: FileScore[] = [];
  for (const [name, entry] of Object.entries(truth)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    const kind0 = kindOfPath(file, '');
    const text = decode(fs.readFileSync(file), { html: kind0 === 'html' }).text;
    const { report, diagnostics } = check(text, { kind: kindOfPath(file, text) });
    files.push(scoreFile(name, entry, diagnostics, (d) => report.sourceLines.positionAt(d.range.start).line + 1));
  }
  const sum = (f: (s: FileScore) => number) => files.reduce((a, s) => a + f(s), 0);
  const findings = sum((s) => s.findings);
  const tru = sum((s) => s.true);
  const defects = sum((s) => s.defects);
  const found = sum((s) => s.found);
  return {
    files,
    findings,
    true: tru,
    defects,
    found,
    unreadable: sum((s) => s.unreadable),
    precision: findings ? tru / findings : 1,
    recall: defects ? found / defects : 1,
  };
}
