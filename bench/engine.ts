/**
 * Engine benchmark: how long `check(text)` takes on real reports and on large documents, next
 * to markdownlint (default rules, synchronous API) linting the same strings in the same process.
 *
 *   npm run bench                      # build, compile, run; writes bench/results/engine.json
 *   node out/bench/engine.js --quick   # shorter time boxes (smoke run; figures are noisier)
 *   node out/bench/engine.js --seeds DIR --examples DIR --out FILE
 *   node out/bench/engine.js --drop-results   # drop each result at once (see Method)
 *   node out/bench/engine.js --gc-between-blocks   # a full GC before every block (the old method)
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
 * time box and a minimum iteration count are reached. Each tool's result is held until its next
 * call, as an editor holds the diagnostics it shows (`--drop-results` drops it at once). No
 * collection is forced between blocks unless `--gc-between-blocks` asks (the method up to
 * commit 357aa5d): a full GC frees every object of a shape the tool no longer holds, and V8
 * then discards the optimized code that depends on those shapes ("weak objects"
 * deoptimizations), so the tool's next block starts from cold code. Our held result kept our shapes alive; nothing
 * kept markdownlint's, whose lint results hold none of its parser's objects. Measured at
 * 357aa5d on the seeds: markdownlint's medians 1.2–1.7× slower with a GC between blocks (seed
 * 000: 7.08 against 4.37 ms), ours 1.1–1.2×, and the median ratio 28.8× against 19.9×.
 * Reported: median and p95 per tool, the ratio markdownlint / ours of the medians.
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
  /** Drop each call's result at once instead of holding it until the tool's next call. */
  dropResults: boolean;
  /** A full GC before every block of calls (the method up to 357aa5d; see Method). */
  gcBetweenBlocks: boolean;
  seeds?: string;
  examples: string;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, dropResults: false, gcBetweenBlocks: false, examples: path.join(ROOT, 'examples'), out: path.join(ROOT, 'bench', 'results', 'engine.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--drop-results') args.dropResults = true;
    else if (a === '--gc-between-blocks') args.gcBetweenBlocks = true;
    else if (a === '--seeds') args.seeds = path.resolve(argv[++i]);
    else if (a === '--examples') args.examples = path.resolve(argv[++i]);
    else if (a === '--out') args.out = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node out/bench/engine.js [--quick] [--drop-results] [--gc-between-blocks] [--seeds DIR] [--examples DIR] [--out FILE]');
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
  /** Slow calls: once a tool has spent this long on the input, stop after `floorIters`. */
  capMs: number;
  floorIters: number;
}

function planFor(input: Input, quick: boolean): Plan {
  const small = input.bytes < 200_000;
  if (small)
    return quick
      ? { warmupMs: 100, warmupMinIters: 20, budgetMs: 250, minIters: 50, maxIters: 20_000, rounds: 2, capMs: 5_000, floorIters: 10 }
      : { warmupMs: 300, warmupMinIters: 50, budgetMs: 1_000, minIters: 200, maxIters: 50_000, rounds: 4, capMs: 20_000, floorIters: 20 };
  return quick
    ? { warmupMs: 0, warmupMinIters: 1, budgetMs: 0, minIters: 2, maxIters: 2, rounds: 1, capMs: 5_000, floorIters: 1 }
    : { warmupMs: 0, warmupMinIters: input.bytes <= 1.5 * MB ? 2 : 1, budgetMs: 2_000, minIters: 5, maxIters: 200, rounds: 1, capMs: 20_000, floorIters: 3 };
}

/**
 * A synchronous call cannot be interrupted, so a tool whose time grows faster than the input
 * (markdownlint does on concatenated Markdown tables) is skipped on a large input when its
 * time per call, extrapolated from the probes and the sizes measured before, exceeds this.
 */
const MAX_PREDICTED_CALL_MS = { full: 10_000, quick: 5_000 };
/** Sizes of the extrapolation probes (not reported in the table; in the JSON as `probes`). */
const PROBE_BYTES = [32_000, 64_000, 128_000];
const PROBE_STOP_MS = 2_000;

let sink = 0;

function run(fn: () => number, timeMs: number, minIters: number, maxIters: number, capMs: number, floorIters: number, samples?: number[]): number {
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(timeMs * 1e6));
  const cap = start + BigInt(Math.round(capMs * 1e6));
  let first = 0;
  for (let i = 0; i < maxIters; i++) {
    if (i >= minIters && process.hrtime.bigint() >= deadline) break;
    if (i >= floorIters && process.hrtime.bigint() >= cap) break;
    const t0 = process.hrtime.bigint();
    const r = fn();
    const t1 = process.hrtime.bigint();
    if (i === 0) first = r;
    sink += r;
    samples?.push(Number(t1 - t0) / 1e6);
  }
  return first;
}

type ToolName = 'ours' | 'markdownlint';

interface Tool {
  name: ToolName;
  fn: (text: string) => number;
}

interface Measured {
  stats: Stats;
  /** Diagnostics on this input (from the first warm-up call). */
  diagnostics: number;
}

function measure(input: Input, tools: Tool[], plan: Plan, gc: () => void): Map<ToolName, Measured> {
  const samples = new Map<ToolName, number[]>(tools.map((t) => [t.name, []]));
  const diagnostics = new Map<ToolName, number>();
  for (const tool of tools) {
    gc();
    diagnostics.set(tool.name, run(() => tool.fn(input.text), plan.warmupMs, plan.warmupMinIters, Number.MAX_SAFE_INTEGER, plan.capMs, 1));
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
        plan.capMs / plan.rounds,
        Math.ceil(plan.floorIters / plan.rounds),
        samples.get(tool.name),
      );
    }
  }
  return new Map(tools.map((t) => [t.name, { stats: stats(samples.get(t.name)!), diagnostics: diagnostics.get(t.name)! }]));
}

/** Time per call at `bytes`, extrapolated from the last two (bytes, ms) points with their growth exponent (≥ 1; 2 if unknown). */
function predict(history: Array<{ bytes: number; ms: number }>, bytes: number): { ms: number; exponent: number } {
  const last = history[history.length - 1];
  let exponent = 2;
  if (history.length >= 2) {
    const prev = history[history.length - 2];
    exponent = Math.max(1, Math.log(last.ms / prev.ms) / Math.log(last.bytes / prev.bytes));
  }
  return { ms: last.ms * (bytes / last.bytes) ** exponent, exponent };
}

// ---------------------------------------------------------------------------------------------
// Reporting

interface ToolRow {
  stats: Stats;
  diagnostics: number;
  msPerMB: number;
}

interface Row {
  input: string;
  kind: Input['kind'];
  bytes: number;
  chars: number;
  lines: number;
  copies?: number;
  ours: ToolRow;
  /** Absent when skipped (see `skipped`). */
  markdownlint?: ToolRow;
  skipped?: string;
  /** markdownlint median / our median. */
  ratio?: number;
}

const f = (x: number, d = 3) => x.toFixed(d);
const size = (bytes: number) => (bytes >= 100_000 ? `${f(bytes / MB, 2)} MB` : `${f(bytes / 1000, 1)} KB`);

function table(rows: Row[]): string {
  const out = [
    '| input | size | ours median (ms) | ours p95 (ms) | markdownlint median (ms) | markdownlint p95 (ms) | markdownlint / ours | iterations (ours / md) | diagnostics (ours / md) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    const d = r.bytes >= 100_000 ? 1 : 3;
    const m = r.markdownlint;
    out.push(
      `| ${r.input} | ${size(r.bytes)} | ${f(r.ours.stats.medianMs, d)} | ${f(r.ours.stats.p95Ms, d)} | ` +
        (m ? `${f(m.stats.medianMs, d)} | ${f(m.stats.p95Ms, d)} | ${f(r.ratio!, 1)}× | ` : `skipped | – | – | `) +
        `${r.ours.stats.iterations} / ${m ? m.stats.iterations : 0} | ${r.ours.diagnostics} / ${m ? m.diagnostics : '–'} |`,
    );
  }
  return out.join('\n');
}

function linearityTable(rows: Row[]): string {
  const out = ['| input | size (MB) | copies | ours ms/MB | markdownlint ms/MB |', '|---|--:|--:|--:|--:|'];
  for (const r of rows)
    out.push(`| ${r.input} | ${f(r.bytes / MB, 2)} | ${r.copies ?? 1} | ${f(r.ours.msPerMB, 1)} | ${r.markdownlint ? f(r.markdownlint.msPerMB, 1) : 'skipped'} |`);
  return out.join('\n');
}

interface Linearity {
  points: number;
  /** Least squares of median ms against MB. */
  slopeMsPerMB: number;
  interceptMs: number;
  r2: number;
  msPerMBMin: number;
  msPerMBMax: number;
  /** msPerMBMax / msPerMBMin: 1 is perfectly linear. */
  spread: number;
  /** log-log slope between the smallest and largest input: 1 is linear, 2 quadratic. */
  exponent: number;
}

function linearity(rows: Array<{ bytes: number; tool: ToolRow }>): Linearity | undefined {
  if (rows.length < 2) return undefined;
  const xs = rows.map((r) => r.bytes / MB);
  const ys = rows.map((r) => r.tool.stats.medianMs);
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
  const perMB = rows.map((r) => r.tool.msPerMB);
  return {
    points: n,
    slopeMsPerMB: slope,
    interceptMs: my - slope * mx,
    r2: syy ? (sxy * sxy) / (sxx * syy) : 1,
    msPerMBMin: Math.min(...perMB),
    msPerMBMax: Math.max(...perMB),
    spread: Math.max(...perMB) / Math.min(...perMB),
    exponent: Math.log(ys[n - 1] / ys[0]) / Math.log(xs[n - 1] / xs[0]),
  };
}

function describeLinearity(name: string, l: Linearity | undefined): string {
  if (!l) return `${name}: fewer than two sizes measured`;
  return (
    `${name} ${f(l.msPerMBMin, 1)}–${f(l.msPerMBMax, 1)} ms/MB (max/min ${f(l.spread, 2)}), ` +
    `fit ${f(l.slopeMsPerMB, 1)} ms/MB ${l.interceptMs < 0 ? '−' : '+'} ${f(Math.abs(l.interceptMs), 1)} ms, R² ${f(l.r2, 4)}, growth exponent ${f(l.exponent, 2)}`
  );
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
    const git = (...a: string[]) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    commit = git('rev-parse', '--short', 'HEAD').trim();
    if (git('status', '--porcelain', '--', 'server').trim()) commit += ' + uncommitted changes in server/';
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
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const md = loadMarkdownlint();
  const { gc, available: gcAvailable } = args.gcBetweenBlocks ? makeGc() : { gc: () => undefined, available: false };
  const inputs = chooseInputs(args);
  // Each tool's last result, held until its next call (unless --drop-results): see Method.
  const held: { ours?: unknown; markdownlint?: unknown } = {};
  const hold = !args.dropResults;
  const tools: Tool[] = [
    {
      name: 'ours',
      fn: (text) => {
        const result = check(text);
        if (hold) held.ours = result;
        return result.diagnostics.length;
      },
    },
    {
      name: 'markdownlint',
      fn: (text) => {
        const result = md.lint({ strings: { report: text } });
        if (hold) held.markdownlint = result;
        return result.report.length;
      },
    },
  ];
  const env = machine(md.version);
  const maxPredicted = args.quick ? MAX_PREDICTED_CALL_MS.quick : MAX_PREDICTED_CALL_MS.full;

  console.log(`engine bench — node ${env.node}, ${env.nproc} CPU(s), ${env.cpuModel}, markdownlint ${env.markdownlint}, commit ${env.commit}`);
  console.log(`load average at start: ${env.loadAverageAtStart.join(' ')} (other processes on the machine skew the figures)`);
  console.log(`inputs: ${inputs.source}`);
  for (const b of inputs.base) console.log(`  ${b.name}: ${b.bytes} bytes, ${b.chars} chars, ${b.lines} lines`);
  const large = LARGE_SIZES_MB.map((mb) => concatenated(inputs.base, mb * MB));
  console.log(`large documents: the ${inputs.base.length} input(s) above concatenated round-robin with '\\n' until ≥ N × 1,000,000 UTF-8 bytes`);
  if (args.quick) console.log('--quick: short time boxes; figures are noisier than a full run');
  console.log(
    hold
      ? "each tool's last result is held until its next call, as an editor holds what it shows (--drop-results to drop it)"
      : '--drop-results: each result is dropped at once',
  );
  console.log(
    args.gcBetweenBlocks
      ? '--gc-between-blocks: a full GC before every block of calls, which discards the optimized code of a tool whose objects are all dead (see Method)'
      : 'no collection forced between blocks (--gc-between-blocks for the old method)',
  );
  console.log('');

  const rows: Row[] = [];
  let stopped: string | undefined;
  const probes: Array<{ tool: ToolName; bytes: number; medianMs: number; calls: number }> = [];
  const history = new Map<ToolName, Array<{ bytes: number; ms: number }>>(tools.map((t) => [t.name, []]));
  for (const input of [...inputs.base, ...large]) {
    const plan = planFor(input, args.quick);
    const active: Tool[] = [];
    let skipped: string | undefined;
    for (const tool of tools) {
      const h = history.get(tool.name)!;
      if (input.kind === 'concatenated' && h.length) {
        const p = predict(h, input.bytes);
        if (p.ms > maxPredicted) {
          if (tool.name === 'ours') {
            stopped = `stopped before ${input.name}: check() extrapolates to ${f(p.ms / 1000, 1)} s per call (time ∝ size^${f(p.exponent, 2)})`;
            break;
          }
          skipped = `${tool.name}: extrapolated ${f(p.ms / 1000, 1)} s per call (time ∝ size^${f(p.exponent, 2)}) > ${maxPredicted / 1000} s`;
          continue;
        }
      }
      active.push(tool);
    }
    if (stopped) break;
    process.stderr.write(`measuring ${input.name} (${size(input.bytes)}) … `);
    const measured = measure(input, active, plan, gc);
    const toolRow = (name: ToolName): ToolRow | undefined => {
      const m = measured.get(name);
      return m && { stats: m.stats, diagnostics: m.diagnostics, msPerMB: m.stats.medianMs / (input.bytes / MB) };
    };
    const ours = toolRow('ours')!;
    const markdownlint = toolRow('markdownlint');
    const row: Row = {
      input: input.name,
      kind: input.kind,
      bytes: input.bytes,
      chars: input.chars,
      lines: input.lines,
      copies: input.copies,
      ours,
      markdownlint,
      skipped,
      ratio: markdownlint && markdownlint.stats.medianMs / ours.stats.medianMs,
    };
    rows.push(row);
    if (input.kind === 'concatenated') for (const [name, m] of measured) history.get(name)!.push({ bytes: input.bytes, ms: m.stats.medianMs });
    process.stderr.write(
      `ours ${f(ours.stats.medianMs)} ms, markdownlint ${markdownlint ? `${f(markdownlint.stats.medianMs)} ms` : `skipped (${skipped})`}\n`,
    );
    if (input === inputs.base[inputs.base.length - 1]) {
      // Probes: a few calls per tool on small concatenations, so the first large input is
      // extrapolated from sizes where per-call overhead no longer dominates.
      for (const tool of tools) {
        for (const bytes of PROBE_BYTES) {
          const probe = concatenated(inputs.base, bytes);
          gc();
          const samples: number[] = [];
          run(() => tool.fn(probe.text), 0, 3, 3, PROBE_STOP_MS, 1, samples);
          const ms = stats(samples).medianMs;
          history.get(tool.name)!.push({ bytes: probe.bytes, ms });
          probes.push({ tool: tool.name, bytes: probe.bytes, medianMs: ms, calls: samples.length });
          if (ms > PROBE_STOP_MS) break;
        }
      }
    }
  }

  const small = rows.filter((r) => r.kind !== 'concatenated');
  const big = rows.filter((r) => r.kind === 'concatenated');
  const medianOf = (xs: number[]) => stats(xs).medianMs;
  const ratios = small.map((r) => r.ratio!);
  const typical = {
    inputs: small.length,
    medianOfMediansMs: medianOf(small.map((r) => r.ours.stats.medianMs)),
    worstMedianMs: Math.max(...small.map((r) => r.ours.stats.medianMs)),
    medianRatio: medianOf(ratios),
    worstRatio: Math.min(...ratios),
    geomeanRatio: Math.exp(ratios.reduce((a, x) => a + Math.log(x), 0) / ratios.length),
  };
  const targets = {
    medianUnderHalfMs: { target: `median < ${TARGET_MEDIAN_MS} ms`, met: small.filter((r) => r.ours.stats.medianMs < TARGET_MEDIAN_MS).length, of: small.length },
    twentyTimesFaster: { target: `markdownlint / ours ≥ ${TARGET_RATIO}`, met: ratios.filter((x) => x >= TARGET_RATIO).length, of: small.length },
  };
  const lin = {
    ours: linearity(big.map((r) => ({ bytes: r.bytes, tool: r.ours }))),
    markdownlint: linearity(big.filter((r) => r.markdownlint).map((r) => ({ bytes: r.bytes, tool: r.markdownlint! }))),
  };

  console.log(table(rows));
  console.log('');
  console.log(linearityTable(big));
  console.log('');
  console.log(
    `typical report (${small.length} input(s)): ours median of medians ${f(typical.medianOfMediansMs)} ms (worst ${f(typical.worstMedianMs)} ms); ` +
      `markdownlint / ours median ${f(typical.medianRatio, 1)}× (worst ${f(typical.worstRatio, 1)}×, geomean ${f(typical.geomeanRatio, 1)}×)`,
  );
  console.log(
    `targets: median < ${TARGET_MEDIAN_MS} ms on ${targets.medianUnderHalfMs.met}/${small.length} input(s); ` +
      `≥ ${TARGET_RATIO}× faster than markdownlint on ${targets.twentyTimesFaster.met}/${small.length} input(s)`,
  );
  console.log(`linearity (${big.map((r) => f(r.bytes / MB, 2)).join(', ')} MB):`);
  console.log(`  ${describeLinearity('ours', lin.ours)}`);
  console.log(`  ${describeLinearity('markdownlint', lin.markdownlint)}`);
  for (const r of big) if (r.skipped) console.log(`  ${r.input}: skipped ${r.skipped}`);
  if (stopped) console.log(`  ${stopped}`);

  const loadAverageAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
  console.log(`load average at end: ${loadAverageAtEnd.join(' ')}`);

  mkdirSync(path.dirname(args.out), { recursive: true });
  const result = {
    loadAverageAtEnd,
    date: new Date().toISOString(),
    quick: args.quick,
    machine: env,
    gcBetweenBlocks: gcAvailable,
    resultsHeld: hold,
    inputs: inputs.source,
    method: {
      clock: 'process.hrtime.bigint around each call; median and p95 (nearest rank) of the timed calls',
      ours: 'check(text) from server/src/report (tsc output in out/), default options',
      markdownlint: 'markdownlint/sync lint({ strings: { report: text } }), default rules',
      plans: { small: planFor(inputs.base[0], args.quick), large: planFor(large[large.length - 1], args.quick) },
      largeDocuments: "base inputs concatenated round-robin with '\\n' until >= target UTF-8 bytes (1 MB = 1e6 bytes)",
      maxPredictedCallMs: maxPredicted,
    },
    rows,
    typical,
    targets,
    linearity: lin,
    probes,
    stopped,
    sink,
  };
  writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(process.cwd(), args.out) || args.out}`);
}

main();
