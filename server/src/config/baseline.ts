/**
 * The baseline (`.govreport-baseline.json`): findings a reviewer accepted, for files where a
 * disable comment would be printed (plain text, Word and PDF). Each entry names the file
 * (relative to the baseline's folder), the rule, the cell or subject and the quoted text, the
 * fingerprint those make (report/fingerprint.ts), and who accepted it and why. A finding is
 * accepted when an entry of its file has its fingerprint; each entry accepts one finding.
 *
 * ```json
 * { "version": 1, "accepted": [ { "file": "reports/hexi-2020.txt", "code": "cell-blank",
 *   "where": "reviewLitigation/values/review.upheld", "quote": "", "fingerprint": "…",
 *   "message": "…", "by": "张三", "reason": "原表即为空白，已向编制单位核实", "date": "2025-02-10" } ] }
 * ```
 *
 * This module only matches findings against a baseline; reading and writing the file is
 * baselineFile.ts, which the web build (no file system) leaves out.
 */
import * as path from 'path';
import { z } from 'zod';
import { RULE_CODES } from '../report';
import type { FindingIdentity } from '../report/fingerprint';

const Entry = z.object({
  file: z.string(),
  code: z.enum(RULE_CODES),
  where: z.string(),
  quote: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  message: z.string().optional(),
  by: z.string().optional(),
  reason: z.string().optional(),
  date: z.string().optional(),
});
const BaselineFile = z.object({ version: z.literal(1), accepted: z.array(Entry) });

export type BaselineEntry = z.infer<typeof Entry>;

export interface Baseline {
  file: string;
  dir: string;
  entries: BaselineEntry[];
  /** The file did not exist: an empty baseline, to be written. */
  missing: boolean;
}

export class BaselineError extends Error {}

/** A baseline file's text, checked (throws BaselineError when it is not a baseline). */
export function parseBaseline(file: string, text: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new BaselineError(e instanceof Error ? e.message : String(e));
  }
  const parsed = BaselineFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BaselineError(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { file, dir: path.dirname(file), entries: parsed.data.accepted, missing: false };
}

/** How a report's file is named in the baseline: relative to it, with forward slashes. */
export function baselineName(baseline: Pick<Baseline, 'dir'>, file: string): string {
  return path.relative(baseline.dir, path.resolve(file)).split(path.sep).join('/');
}

/**
 * Which of a file's findings the baseline accepts (true at their index), and the entries that
 * accepted them. Findings are matched in order; an entry accepts at most one.
 */
export function acceptedBy(baseline: Baseline, file: string, identities: readonly FindingIdentity[]): { accepted: boolean[]; used: Set<BaselineEntry> } {
  const name = baselineName(baseline, file);
  const pool = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) {
    if (e.file !== name) continue;
    const list = pool.get(e.fingerprint);
    if (list) list.push(e);
    else pool.set(e.fingerprint, [e]);
  }
  const used = new Set<BaselineEntry>();
  const accepted = identities.map((id) => {
    const entry = pool.get(id.fingerprint)?.shift();
    if (!entry) return false;
    used.add(entry);
    return true;
  });
  return { accepted, used };
}

export interface BaselineFinding {
  file: string;
  identity: FindingIdentity;
  message: string;
}
