/**
 * Reading and writing the baseline file (what it holds and how findings match it: baseline.ts).
 * Needs a file system: the CLI and the Node language server use it, the web worker does not.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BaselineError, baselineName, parseBaseline, type Baseline, type BaselineEntry, type BaselineFinding } from './baseline';

export function readBaseline(file: string): Baseline {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file: abs, dir: path.dirname(abs), entries: [], missing: true };
    throw new BaselineError((e as NodeJS.ErrnoException).code ?? String(e));
  }
  return parseBaseline(abs, text);
}

/**
 * The baseline that accepts exactly `findings`: an entry that still matches keeps what it says
 * (who, why, when); a new one is signed `by` and `reason`, dated today. Entries of files not
 * checked in this run are kept as they were. Returns the entries written and how many are new.
 */
export function writeBaseline(baseline: Baseline, findings: readonly BaselineFinding[], checkedFiles: readonly string[], sign: { by?: string; reason?: string; date: string }): { written: number; added: number } {
  const checked = new Set(checkedFiles.map((f) => baselineName(baseline, f)));
  const old = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) {
    const key = `${e.file}\u0000${e.fingerprint}`;
    const list = old.get(key);
    if (list) list.push(e);
    else old.set(key, [e]);
  }
  const entries: BaselineEntry[] = baseline.entries.filter((e) => !checked.has(e.file));
  let added = 0;
  for (const f of findings) {
    const file = baselineName(baseline, f.file);
    const kept = old.get(`${file}\u0000${f.identity.fingerprint}`)?.shift();
    if (kept) {
      entries.push(kept);
      continue;
    }
    added++;
    const { code, where, quote, fingerprint } = f.identity;
    entries.push({ file, code, where, quote, fingerprint, message: f.message, ...(sign.by ? { by: sign.by } : {}), reason: sign.reason ?? '', date: sign.date });
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const text = JSON.stringify({ version: 1, accepted: entries }, null, 2) + '\n';
  fs.mkdirSync(baseline.dir, { recursive: true });
  fs.writeFileSync(baseline.file, text);
  return { written: entries.length, added };
}
