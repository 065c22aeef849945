/**
 * HTML benchmark: how long a portal page takes to check as HTML, next to the same report's
 * text (the logical lines the HTML reader hands the parser) and to markdownlint on the page.
 * The HTML reader parses the whole page with htmlparser2 and maps every character back to the
 * markup; this shows what that costs against reading text.
 *
 *   npm run bench                  # runs this after the engine benchmark
 *   node out/bench/html.js [--quick] [DIR…]
 *
 * Inputs: the portal pages of ../shared/corpus (100–230 KB each) when present, and the HTML
 * fixtures of test/fixtures/layouts. Method: warm-up, then alternating rounds of timed calls
 * (process.hrtime.bigint) until ≥ 1 s and ≥ 50 calls per tool; median and p95. Figures are
 * reported, never asserted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check } from '../server/src/report';
import { readSource } from '../server/src/report/readers';
import { decode } from '../server/src/cli/encoding';

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const dirs = args.filter((a) => !a.startsWith('--'));
if (!dirs.length) dirs.push(path.join(ROOT, '..', 'shared', 'corpus'), path.join(ROOT, 'test', 'fixtures', 'layouts'));

type MarkdownlintSync = { lint(options: { strings: Record<string, string> }): Record<string, unknown[]> };
let markdownlint: MarkdownlintSync | undefined;
try {
  markdownlint = require('markdownlint/sync') as MarkdownlintSync;
} catch {
  console.error('html bench: markdownlint could not be loaded (ESM-only; Node ≥ 20.19 can require it); its column is left out');
}

function time(fn: () => unknown, budgetMs: number, minCalls: number): number[] {
  const samples: number[] = [];
  const end = Date.now() + budgetMs;
  while (samples.length < minCalls || Date.now() < end) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (samples.length > 100000) break;
  }
  return samples;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

const f = (x: number, d = 3) => x.toFixed(d);
const budget = quick ? 300 : 1000;
const minCalls = quick ? 10 : 50;

const files = dirs.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((n) => /\.html?$/.test(n)).map((n) => path.join(d, n)));
console.log(`html bench — node ${process.version}; inputs: ${dirs.map((d) => (existsSync(d) ? d : `${d} (absent)`)).join(', ')}`);
console.log('| page | size | as HTML median (ms) | p95 | its text median (ms) | p95 | HTML / text | markdownlint median (ms) | markdownlint / HTML |');
console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const file of files) {
  const html = decode(readFileSync(file), { html: true }).text;
  const text = readSource(html, 'html').text;
  const runs = { html: [] as number[], text: [] as number[], md: [] as number[] };
  for (let i = 0; i < 3; i++) {
    check(html, { kind: 'html' });
    check(text, { kind: 'text' });
  }
  for (let round = 0; round < 4; round++) {
    runs.html.push(...time(() => check(html, { kind: 'html' }), budget / 4, minCalls / 4));
    runs.text.push(...time(() => check(text, { kind: 'text' }), budget / 4, minCalls / 4));
    if (markdownlint) runs.md.push(...time(() => markdownlint!.lint({ strings: { page: html } }), budget / 4, minCalls / 4));
  }
  const h = median(runs.html);
  const t = median(runs.text);
  const m = runs.md.length ? median(runs.md) : undefined;
  console.log(
    `| ${path.basename(file)} | ${f(Buffer.byteLength(html) / 1000, 1)} KB | ${f(h)} | ${f(p95(runs.html))} | ${f(t)} | ${f(p95(runs.text))} | ${f(h / t, 1)}× | ${m === undefined ? '—' : f(m)} | ${m === undefined ? '—' : `${f(m / h, 1)}×`} |`,
  );
}
