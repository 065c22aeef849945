/**
 * The mutation fuzzer: real-shaped reports (the seeds when ../shared is there, the examples,
 * every fixture), mutated from a seeded generator, each checked against the properties of
 * properties.ts; then the pathological inputs, timed and counted.
 *
 *   npm run fuzz                         # 3,000 inputs (what CI runs), seed 1
 *   npm run fuzz -- --n 100000 --seed 7  # a large run; figures go to docs/RELIABILITY.md by hand
 *   node out/test/fuzz/run.js --replay test-results/fuzz/case-12.txt
 *
 * Every defect is written to test-results/fuzz/ with the mutations that made it, and the run
 * exits 1 when there is any. A run is deterministic for a seed and a set of inputs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/report';
import { kindOfPath } from '../../server/src/report/readers';
import { mutate, random } from './mutate';
import { checkProperties, type Defect } from './properties';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const N = Number(arg('--n', '3000'));
const SEED = Number(arg('--seed', '1'));
const OUT = path.join(ROOT, 'test-results', 'fuzz');

interface Input {
  name: string;
  text: string;
  html: boolean;
}

function inputs(): Input[] {
  const out: Input[] = [];
  const add = (file: string) => {
    const text = fs.readFileSync(file, 'utf8').replace(/⟦([^|⟦⟧]*)\|[a-z,-]+⟧/g, '$1').replace(/^%%.*\n/gm, '');
    if (text.includes('\ufffd')) return; // a GBK fixture: its bytes are tested elsewhere
    out.push({ name: path.relative(ROOT, file), text, html: kindOfPath(file, text) === 'html' });
  };
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(md|txt|html?|govreport)$/.test(name) && name !== 'README.md') add(p);
    }
  };
  walk(path.join(ROOT, '..', 'shared', 'seeds'));
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

/** Inputs that once took seconds or gigabytes: each must check in time linear in its size, with bounded findings. */
export const PATHOLOGICAL: Array<{ name: string; make: () => string; html?: true }> = [
  { name: '`<table ` ×50,000 without `>`', make: () => '<table '.repeat(50_000), html: true },
  { name: '`<td ` ×50,000', make: () => '<td '.repeat(50_000), html: true },
  { name: '1 MB of `&`', make: () => '&'.repeat(1_000_000) },
  { name: '1,000 repeated 表三 rows', make: () => '| 一、本年新收政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n'.repeat(1000) },
  { name: '100,000 Markdown rows', make: () => '| 1 | 2 | 3 |\n'.repeat(100_000) },
  { name: '100,000 tab-separated rows', make: () => '1\t2\t3\n'.repeat(100_000) },
  { name: 'a 16 KB title line of spaces', make: () => ' '.repeat(16_000) + '政府信息公开工作年度报告\n' },
  { name: '20,000 nested unclosed tables', make: () => '<table><tr><td>1'.repeat(20_000), html: true },
  { name: '`<div>x` ×50,000, never closed', make: () => '<div>x'.repeat(50_000), html: true },
  { name: '`<font>1` ×50,000, never closed', make: () => '<font>1'.repeat(50_000), html: true },
  { name: 'a disable comment naming a 1 MB “code”', make: () => '<!-- govreport-disable-next-line ' + 'sum-'.repeat(250_000) + ' -->\n总计' },
  { name: '五 holding a line of 100,000 digits', make: () => '五、存在的主要问题及改进情况\n' + '0 '.repeat(100_000) + '\n六、其他需要报告的事项\n无' },
  { name: 'a table separator line after 100,000 blanks', make: () => '| a | b |\n' + ' '.repeat(100_000) + '|-' + ' '.repeat(100_000) + 'x\n' },
  { name: 'disable-next-line above a line that starts with 100,000 blanks', make: () => '<!-- govreport-disable-next-line balance -->\n' + ' '.repeat(100_000) + '| 0 | 0 |\n' },
  { name: 'a 1 MB line of spaces between two words', make: () => '年度报告' + ' '.repeat(1_000_000) + '总计' },
];

function main(): void {
  const base = inputs();
  if (args.includes('--replay')) {
    const text = fs.readFileSync(arg('--replay', ''), 'utf8');
    for (const b of base.slice(0, 10)) check(b.text); // warm, as in a run
    const r = checkProperties(text);
    console.log(JSON.stringify(r.defects, null, 2));
    process.exit(r.defects.length ? 1 : 0);
  }
  console.log(`fuzz: ${N} mutated inputs from ${base.length} real-shaped reports, seed ${SEED}`);
  const rnd = random(SEED);
  const counts = new Map<Defect['property'], number>();
  let defects = 0;
  let slowest = 0;
  let findings = 0;
  let fixes = 0;
  let withheld = 0;
  const started = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  for (let i = 0; i < N; i++) {
    const source = base[Math.floor(rnd() * base.length)];
    const { text, applied } = mutate(source.text, rnd);
    const result = checkProperties(text, { kind: source.html ? 'html' : 'auto' });
    slowest = Math.max(slowest, text.length < 100_000 ? result.ms : 0);
    findings += result.findings;
    fixes += result.fixes;
    withheld += result.withheld;
    if (result.defects.length) {
      defects++;
      for (const d of result.defects) counts.set(d.property, (counts.get(d.property) ?? 0) + 1);
      if (defects <= 50) {
        fs.writeFileSync(path.join(OUT, `case-${i}.txt`), text);
        fs.writeFileSync(path.join(OUT, `case-${i}.json`), JSON.stringify({ source: source.name, mutations: applied, defects: result.defects }, null, 2));
      }
    }
    if ((i + 1) % 1000 === 0) process.stderr.write(`  ${i + 1}/${N} (${defects} with defects)\n`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`mutated inputs: ${N} in ${seconds.toFixed(1)} s; inputs with a defect: ${defects}; findings checked: ${findings}; fixes applied one by one: ${fixes} (and ${withheld} built but not offered, disproved by re-reading); slowest check of an input under 100 KB: ${slowest.toFixed(1)} ms`);
  for (const [p, n] of counts) console.log(`  ${p}: ${n}`);

  console.log('pathological inputs:');
  let bad = 0;
  for (const p of PATHOLOGICAL) {
    const text = p.make();
    const t = process.hrtime.bigint();
    let result;
    try {
      result = check(text, { kind: p.html ? 'html' : 'auto' });
    } catch (e) {
      console.log(`  ${p.name}: THROWS ${(e as Error).message}`);
      bad++;
      continue;
    }
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const perMB = ms / (text.length / 1e6);
    // Linear means a few hundred ms per million characters at worst, here.
    const ok = perMB < 2000 && result.diagnostics.length <= 200;
    if (!ok) bad++;
    console.log(`  ${p.name}${p.html ? ' (as HTML)' : ''}: ${(text.length / 1e6).toFixed(2)} M chars, ${ms.toFixed(0)} ms (${perMB.toFixed(0)} ms per M chars), ${result.diagnostics.length} findings${ok ? '' : '  ← too slow or too many findings'}`);
  }
  if (defects) console.log(`defective inputs written to ${path.relative(ROOT, OUT)}/ (replay with --replay FILE)`);
  process.exit(defects || bad ? 1 : 0);
}

main();
