/**
 * Accuracy on real published reports: the checker over a folder of reports with a
 * `truth.json` beside them (../shared/corpus by default), scored as test/support/corpusScore.ts
 * describes. Prints, per file and in total, the error and warning findings, how many are true,
 * the real defects found and missed, and the tables it said it could not read.
 *
 *   npm run corpus                       # ../shared/corpus
 *   node out/bench/corpus.js DIR [--verbose]
 *
 * Reports figures; exits 0 whatever they are (docs/ACCURACY.md keeps the last run's).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GOAL_PRECISION, GOAL_RECALL, scoreCorpus } from '../test/support/corpusScore';

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, '..', 'shared', 'corpus'));

if (!fs.existsSync(path.join(dir, 'truth.json'))) {
  console.log(`corpus: no truth.json in ${dir} — nothing to score (the real corpus lives in ../shared/corpus beside a checkout, not in a fresh clone)`);
  process.exit(0);
}

const score = scoreCorpus(dir);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`corpus: ${dir}`);
console.log(`${'file'.padEnd(34)} ${'findings'.padStart(8)} ${'true'.padStart(5)} ${'false'.padStart(5)} ${'defects found'.padStart(14)} ${'unreadable'.padStart(10)}`);
for (const f of score.files) {
  console.log(`${f.name.padEnd(34)} ${String(f.findings).padStart(8)} ${String(f.true).padStart(5)} ${String(f.false).padStart(5)} ${`${f.found}/${f.defects}`.padStart(14)} ${String(f.unreadable).padStart(10)}`);
  if (verbose || f.false) for (const x of f.falseFindings) console.log(`    false: ${x}`);
  if (verbose || f.missed.length) for (const x of f.missed) console.log(`    missed: ${x}`);
}
console.log(
  `total (${score.files.length} files): precision ${pct(score.precision)} (${score.true}/${score.findings}), ` +
    `recall ${pct(score.recall)} (${score.found}/${score.defects}), ${score.unreadable} unreadable tables or outlines noted; ` +
    `goal ≥ ${pct(GOAL_PRECISION)} and ≥ ${pct(GOAL_RECALL)}`,
);
