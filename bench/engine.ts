/**
 * Engine benchmark: how long `check(text)` takes on real reports and on large documents, next
 * to markdownlint (default rules, synchronous API) linting the same strings in the same process.
 *
 *   npm run bench                      # build, compile, run; writes bench/results/engine.json
 *   node out/bench/engine.js --quick   # shorter time boxes (smoke run; figures are noisier)
 *   node out/bench/engine.js --seeds DIR --examples DIR --out FILE
 *
 * Inputs, in order of preference:
 *   1. the seed reports in ../shared/seeds (relative to the repository root), or --seeds DIR;
 *   2. the bundled example reports in examples/ (*.txt, *.md, *.html);
 *   3. a report generated from templates.renderSkeleton plus filler prose.
 * Large documents are those inputs concatenated round-robin (joined by a newline) until they
 * reach a target size in UTF-8 bytes (1 MB = 1,000,000 bytes).
 *
 * Method: per input, a warm-up for each tool, then timed calls (process.hrtime.bigint around
 * each call) in alternating rounds (ours, markdownlint, markdownlint, ours, ...) until both a
 * time box and a minimum iteration count are reached. A full GC runs between blocks, never
 * inside one. Reported: median and p95 per tool, the ratio markdownlint / ours of the medians.
 * Speed is reported, not asserted: the process exits 0 whatever the figures are.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { check, formats, templates } from '../server/src/report';

// ---------------------------------------------------------------------------------------------
// Setup

const ROOT = path.resolve(__dirname, '..', '..');
const MB = 1_000_000;
const LARGE_SIZES_MB = [0.25, 0.5, 1, 2, 5];
const TARGET_MEDIAN_MS = 0.5;
const TARGET_RATIO = 20;

interface Args {
  quick: boolean;
  seeds?: string;
  examples: string;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, examples: path.join(ROOT, 'examples'), out: path.join(ROOT, 'bench', 'results', 'engine.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--seeds') args.seeds = path.resolve(argv[++i]);
    else if (a === '--examples') args.examples = path.resolve(argv[++i]);
    else if (a === '--out') args.out = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node out/bench/engine.js [--quick] [--seeds DIR] [--examples DIR] [--out FILE]');
      process.exit(0);
    } else {
      console.error(`engine bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return args;
}

/** markdownlint ≥ 0.34 is ESM only; Node ≥ 20.19 can require() it. */
interface MarkdownlintSync {
  lint(options: { strings: Record<string, string>; config?: Record<string, unknown> }): Record<string, unknown[]>;
}

function loadMarkdownlint(): { lint: MarkdownlintSync['lint']; version: string } {
  let mod: MarkdownlintSync;
  try {
    mod = require('markdownlint/sync') as MarkdownlintSync;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_REQUIRE_ESM') {
      console.error('engine bench: markdownlint is ESM-only; run on Node ≥ 20.19 or with --experimental-require-module.');
      process.exit(2);
    }
    throw error;
  }
  // exports does not expose package.json; the sync entry lives in <pkg>/lib/.
  const pkgJson = path.join(path.dirname(path.dirname(require.resolve('markdownlint/sync'))), 'package.json');
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  return { lint: mod.lint, version };
}

/** A full GC between blocks, so one tool's garbage is not collected on the other's clock. */
function makeGc(): { gc: () => void; available: boolean } {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return { gc: existing, available: true };
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    if (typeof gc === 'function') return { gc, available: true };
  } catch {
    /* fall through */
  }
  return { gc: () => undefined, available: false };
}

// ---------------------------------------------------------------------------------------------
// Inputs

interface Input {
  name: string;
  kind: 'seed' | 'example' | 'generated' | 'concatenated';
  text: string;
  bytes: number;
  chars: number;
  lines: number;
  /** For concatenated documents: how many reports were joined. */
  copies?: number;
}

function makeInput(name: string, kind: Input['kind'], text: string): Input {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return { name, kind, text, bytes: Buffer.byteLength(text, 'utf8'), chars: text.length, lines };
}

function readDir(dir: string, exts: string[]): Array<{ name: string; text: string }> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => exts.includes(path.extname(f).toLowerCase()) && statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '') }));
}

/** A 2021-format skeleton with its placeholders replaced by prose of a real report's length. */
function generatedReport(): string {
  const format = formats['2021'];
  let text = templates.renderSkeleton(format, { body: '某某市某某局', year: '2023' });
  const filler = (n: number, topic: string) => {
    const parts: string[] = [];
    for (let i = 1; i <= n; i++) {
      parts.push(
        `（${i}）${topic}。2023年，本机关通过政府门户网站主动公开政府信息${100 + i * 7}条，其中政策文件${i + 3}条，` +
          `政策解读${i + 1}件，回应社会关切${i * 2}次，政务新媒体发布信息${300 + i * 11}条，持续推进决策、执行、管理、服务、结果公开。`,
      );
    }
    return parts.join('\n');
  };
  for (const section of format.sections) {
    const placeholder = section.placeholder?.zh;
    if (!placeholder || section.id === 'other') continue;
    text = text.replace(placeholder, filler(section.id === 'overview' ? 14 : 6, section.title.zh.replace(/^.、/, '')));
  }
  return text;
}

interface InputSet {
  source: string;
  base: Input[];
}

function chooseInputs(args: Args): InputSet {
  const exts = ['.txt', '.md', '.markdown', '.html', '.htm'];
  const seedsDir = args.seeds ?? path.resolve(ROOT, '..', 'shared', 'seeds');
  const seeds = readDir(seedsDir, exts);
  if (seeds.length) return { source: `seeds: ${seedsDir}`, base: seeds.map((s) => makeInput(s.name, 'seed', s.text)) };
  const examplesDir = args.examples;
  const examples = readDir(examplesDir, exts);
  if (examples.length)
    return {
      source: `${seedsDir} absent; bundled examples: ${examplesDir}`,
      base: examples.map((s) => makeInput(s.name, 'example', s.text)),
    };
  return {
    source: `${seedsDir} absent and ${examplesDir} empty; generated from templates.renderSkeleton(2021) + filler prose`,
    base: [makeInput('generated-2021.md', 'generated', generatedReport())],
  };
}

/** The base inputs round-robin, joined by '\n', until the UTF-8 size reaches `targetBytes`. */
function concatenated(base: Input[], targetBytes: number): Input {
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const next = base[parts.length % base.length];
    bytes += next.bytes + (parts.length ? 1 : 0);
    parts.push(next.text);
  }
  const mb = targetBytes / MB;
  const input = makeInput(`concat ${mb >= 1 ? mb.toFixed(0) : mb.toFixed(2)} MB`, 'concatenated', parts.join('\n'));
  input.copies = parts.length;
  return input;
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Stats {
  iterations: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return {
    iterations: s.length,
    medianMs: median,
    p95Ms: q(0.95),
    meanMs: s.reduce((a, b) => a + b, 0) / s.length,
    minMs: s[0],
    maxMs: s[s.length - 1],
  };
}

interface Plan {
  warmupMs: number;
  warmupMinIters: number;
  /** Time box per tool, split over the rounds. */
  budgetMs: number;
  minIters: number;
  maxIters: number;
  rounds: number;
}

function planFor(input: Input, quick: boolean): Plan {
  const small = input.bytes < 200_000;
  if (small) return quick
    ? { warmupMs: 100, warmupMinIters: 20, budgetMs: 250, minIters: 50, maxIters: 20_000, rounds: 2 }
    : { warmupMs: 300, warmupMinIters: 50, budgetMs: 1_000, minIters: 200, maxIters: 50_000, rounds: 4 };
  return quick
    ? { warmupMs: 0, warmupMinIters: 1, budgetMs: 0, minIters: 2, maxIters: 2, rounds: 1 }
    : { warmupMs: 0, warmupMinIters: input.bytes <= 1.5 * MB ? 2 : 1, budgetMs: 2_000, minIters: 5, maxIters: 200, rounds: 1 };
}

let sink = 0;

function run(fn: () => number, timeMs: number, minIters: number, maxIters: number, samples?: number[]): void {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(timeMs * 1e6));
  for (let i = 0; i < maxIters; i++) {
    if (i >= minIters && process.hrtime.bigint() >= deadline) break;
    const t0 = process.hrtime.bigint();
    sink += fn();
    const t1 = process.hrtime.bigint();
    samples?.push(Number(t1 - t0) / 1e6);
  }
}

interface Tool {
  name: 'ours' | 'markdownlint';
  fn: (text: string) => number;
}

function measure(input: Input, tools: Tool[], plan: Plan, gc: () => void): Record<Tool['name'], Stats> {
  const samples = new Map<Tool['name'], number[]>(tools.map((t) => [t.name, []]));
  for (const tool of tools) {
    gc();
    run(() => tool.fn(input.text), plan.warmupMs, plan.warmupMinIters, Number.MAX_SAFE_INTEGER);
  }
  for (let r = 0; r < plan.rounds; r++) {
    const order = r % 2 === 0 ? tools : [...tools].reverse();
    for (const tool of order) {
      gc();
      run(
        () => tool.fn(input.text),
        plan.budgetMs / plan.rounds,
        Math.ceil(plan.minIters / plan.rounds),
        Math.ceil(plan.maxIters / plan.rounds),
        samples.get(tool.name),
      );
    }
  }
  return Object.fromEntries(tools.map((t) => [t.name, stats(samples.get(t.name)!)])) as Record<Tool['name'], Stats>;
}

// ---------------------------------------------------------------------------------------------
// Reporting

interface Row {
  input: string;
  kind: Input['kind'];
  bytes: number;
  chars: number;
  lines: number;
  copies?: number;
  diagnostics: { ours: number; markdownlint: number };
  ours: Stats;
  markdownlint: Stats;
  /** markdownlint median / our median. */
  ratio: number;
  oursMsPerMB: number;
  markdownlintMsPerMB: number;
}

const f = (x: number, d = 3) => x.toFixed(d);
const size = (bytes: number) => (bytes >= 100_000 ? `${f(bytes / MB, 2)} MB` : `${f(bytes / 1000, 1)} KB`);

function table(rows: Row[]): string {
  const out = [
    '| input | size | ours median (ms) | ours p95 (ms) | markdownlint median (ms) | markdownlint p95 (ms) | ratio (markdownlint / ours) | iterations (ours / md) | diagnostics (ours / md) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    const d = r.bytes >= 100_000 ? 1 : 3;
    out.push(
      `| ${r.input} | ${size(r.bytes)} | ${f(r.ours.medianMs, d)} | ${f(r.ours.p95Ms, d)} | ${f(r.markdownlint.medianMs, d)} | ` +
        `${f(r.markdownlint.p95Ms, d)} | ${f(r.ratio, 1)}× | ${r.ours.iterations} / ${r.markdownlint.iterations} | ` +
        `${r.diagnostics.ours} / ${r.diagnostics.markdownlint} |`,
    );
  }
  return out.join('\n');
}

function linearityTable(rows: Row[]): string {
  const out = ['| input | size (MB) | ours ms/MB | markdownlint ms/MB |', '|---|--:|--:|--:|'];
  for (const r of rows) out.push(`| ${r.input} | ${f(r.bytes / MB, 2)} | ${f(r.oursMsPerMB, 1)} | ${f(r.markdownlintMsPerMB, 1)} |`);
  return out.join('\n');
}

/** Least squares of median ms against MB: slope (ms/MB), intercept (ms), R². */
function fit(rows: Row[], key: 'ours' | 'markdownlint'): { slope: number; intercept: number; r2: number } {
  const xs = rows.map((r) => r.bytes / MB);
  const ys = rows.map((r) => r[key].medianMs);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy ? (sxy * sxy) / (sxx * syy) : 1 };
}

function machine(mdVersion: string) {
  const cpus = os.cpus();
  let cpuModel = cpus[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch {
    /* not Linux */
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'package.json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (dirty.trim()) commit += ' (server/ has uncommitted changes)';
  } catch {
    /* not a git checkout */
  }
  return {
    nproc: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpuModel,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    markdownlint: mdVersion,
    commit,
  };
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const md = loadMarkdownlint();
  const { gc, available: gcAvailable } = makeGc();
  const inputs = chooseInputs(args);
  const tools: Tool[] = [
    { name: 'ours', fn: (text) => check(text).diagnostics.length },
    { name: 'markdownlint', fn: (text) => md.lint({ strings: { report: text } }).report.length },
  ];
  const env = machine(md.version);

  console.log(`engine bench — node ${env.node}, ${env.nproc} CPU(s), ${env.cpuModel}, markdownlint ${env.markdownlint}, commit ${env.commit}`);
  console.log(`inputs: ${inputs.source}`);
  for (const b of inputs.base) console.log(`  ${b.name}: ${b.bytes} bytes, ${b.chars} chars, ${b.lines} lines`);
  const large = LARGE_SIZES_MB.map((mb) => concatenated(inputs.base, mb * MB));
  console.log(`large documents: the ${inputs.base.length} input(s) above concatenated round-robin with '\\n' until ≥ N × 1,000,000 UTF-8 bytes`);
  if (args.quick) console.log('--quick: short time boxes; figures are noisier than a full run');
  console.log('');

  const rows: Row[] = [];
  for (const input of [...inputs.base, ...large]) {
    const plan = planFor(input, args.quick);
    process.stderr.write(`measuring ${input.name} (${size(input.bytes)}) … `);
    const diagnostics = { ours: tools[0].fn(input.text), markdownlint: tools[1].fn(input.text) };
    const s = measure(input, tools, plan, gc);
    const row: Row = {
      input: input.name,
      kind: input.kind,
      bytes: input.bytes,
      chars: input.chars,
      lines: input.lines,
      copies: input.copies,
      diagnostics,
      ours: s.ours,
      markdownlint: s.markdownlint,
      ratio: s.markdownlint.medianMs / s.ours.medianMs,
      oursMsPerMB: s.ours.medianMs / (input.bytes / MB),
      markdownlintMsPerMB: s.markdownlint.medianMs / (input.bytes / MB),
    };
    rows.push(row);
    process.stderr.write(`ours ${f(row.ours.medianMs)} ms, markdownlint ${f(row.markdownlint.medianMs)} ms\n`);
  }

  const small = rows.filter((r) => r.kind !== 'concatenated');
  const big = rows.filter((r) => r.kind === 'concatenated');
  const medianOf = (xs: number[]) => stats(xs).medianMs;
  const typical = {
    medianOfMediansMs: medianOf(small.map((r) => r.ours.medianMs)),
    worstMedianMs: Math.max(...small.map((r) => r.ours.medianMs)),
    medianRatio: medianOf(small.map((r) => r.ratio)),
    worstRatio: Math.min(...small.map((r) => r.ratio)),
    geomeanRatio: Math.exp(small.reduce((a, r) => a + Math.log(r.ratio), 0) / small.length),
  };
  const targets = {
    medianUnderHalfMs: { target: `< ${TARGET_MEDIAN_MS} ms`, met: small.filter((r) => r.ours.medianMs < TARGET_MEDIAN_MS).length, of: small.length },
    twentyTimesFaster: { target: `≥ ${TARGET_RATIO}×`, met: small.filter((r) => r.ratio >= TARGET_RATIO).length, of: small.length },
  };
  const oursFit = fit(big, 'ours');
  const mdFit = fit(big, 'markdownlint');
  const perMB = big.map((r) => r.oursMsPerMB);
  const linearity = {
    ours: { ...oursFit, msPerMBMin: Math.min(...perMB), msPerMBMax: Math.max(...perMB), spread: Math.max(...perMB) / Math.min(...perMB) },
    markdownlint: {
      ...mdFit,
      msPerMBMin: Math.min(...big.map((r) => r.markdownlintMsPerMB)),
      msPerMBMax: Math.max(...big.map((r) => r.markdownlintMsPerMB)),
      spread: Math.max(...big.map((r) => r.markdownlintMsPerMB)) / Math.min(...big.map((r) => r.markdownlintMsPerMB)),
    },
  };

  console.log(table(rows));
  console.log('');
  console.log(linearityTable(big));
  console.log('');
  console.log(
    `typical report (${small.length} inputs): ours median of medians ${f(typical.medianOfMediansMs)} ms (worst ${f(typical.worstMedianMs)} ms); ` +
      `markdownlint/ours median ${f(typical.medianRatio, 1)}× (worst ${f(typical.worstRatio, 1)}×, geomean ${f(typical.geomeanRatio, 1)}×)`,
  );
  console.log(
    `targets: median < ${TARGET_MEDIAN_MS} ms on ${targets.medianUnderHalfMs.met}/${small.length} inputs; ` +
      `≥ ${TARGET_RATIO}× markdownlint on ${targets.twentyTimesFaster.met}/${small.length} inputs`,
  );
  console.log(
    `linearity (${big.map((r) => f(r.bytes / MB, 2)).join(', ')} MB): ours ${f(linearity.ours.msPerMBMin, 1)}–${f(linearity.ours.msPerMBMax, 1)} ms/MB ` +
      `(max/min ${f(linearity.ours.spread, 2)}), fit ${f(oursFit.slope, 1)} ms/MB + ${f(oursFit.intercept, 1)} ms, R² ${f(oursFit.r2, 4)}; ` +
      `markdownlint ${f(linearity.markdownlint.msPerMBMin, 1)}–${f(linearity.markdownlint.msPerMBMax, 1)} ms/MB, R² ${f(mdFit.r2, 4)}`,
  );

  mkdirSync(path.dirname(args.out), { recursive: true });
  const result = {
    date: new Date().toISOString(),
    quick: args.quick,
    machine: env,
    gcBetweenBlocks: gcAvailable,
    inputs: inputs.source,
    method: {
      clock: 'process.hrtime.bigint around each call',
      ours: 'check(text) from server/src/report (tsc output), default options',
      markdownlint: 'markdownlint/sync lint({ strings: { report: text } }), default rules',
      plans: { small: planFor(inputs.base[0], args.quick), large: planFor(large[large.length - 1], args.quick) },
      largeDocuments: "base inputs concatenated round-robin with '\\n' until >= target UTF-8 bytes (1 MB = 1e6 bytes)",
    },
    rows,
    typical,
    targets,
    linearity,
    sink,
  };
  writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(process.cwd(), args.out) || args.out}`);
}

main();
