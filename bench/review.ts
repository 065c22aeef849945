/**
 * Review benchmark: `govreport review` over a batch of reports next to markdownlint over the same
 * files, and the cross-body reuse check (MinHash + LSH) on up to 10,000 reports, with how its time
 * grows against comparing every pair.
 *
 *   npm run bench:review                         # build, compile, run; writes bench/results/review.json
 *   node out/bench/review.js --quick             # 200 reports and up to 2,500 for reuse: a smoke run
 *   node out/bench/review.js --reports 400 --reuse 1250,2500,5000,10000 --runs 3 [--only batch|reuse]
 *
 * The reports are generated (bench/support/generate.ts: our own prose, the layouts drafts arrive
 * in) and written to a temporary folder, so both tools read the same files from disk.
 *
 * Part 1, the batch: markdownlint 0.37 `lint({ files })` (default rules, synchronous) against
 * (a) our checks — read, parse, pair, MinHash, check every rule, in the lanes the review
 * chooses (`checkAll`, what `review` runs before writing anything; one lane per two cores), the
 * same with every report kept for a second pass (`checkAsRead: false`, as before reports were
 * checked as read), in this thread only, and with one lane per core asked for — and (b) the
 * whole review, index.html, summary.csv and summary.xlsx written. Each task runs in a process of
 * its own in every round, for WARM_UP_MS (the same time for every tool; see there) and then
 * timed back to back (RUNS_PER_PROCESS runs and TIMED_MS at least), with no collection forced
 * (see `rounds` for why); the figure is the median over `--runs` rounds. As new processes, each
 * tool once before the timed runs.
 *
 * Part 2, the reuse check on N reports of one year (parsing each, the checker's own cost, timed
 * apart): fingerprints (own sentences, hashes — in this thread), candidate pairs (MinHash
 * signatures, LSH buckets), and verification of each
 * candidate with text-reuse's own measure; planted copies found; and, for comparison, every pair
 * verified on a sample, extrapolated to N(N−1)/2 pairs. Speed is reported, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copiedFrom, gramHashes, ownTextJoined, ownTextOf, parse } from '../server/src/report';
import { checkAll, defaultJobs, review } from '../server/src/review';
import { similarReports } from '../server/src/review/minhash';
import { sentenceHashes } from '../server/src/review/job';
import { generate } from './support/generate';
import { tuneHeapForBatch } from '../server/src/common/heap';

const ROOT = path.resolve(__dirname, '..', '..');

interface Args {
  reports: number;
  reuse: number[];
  runs: number;
  out: string;
  /** Run one part only: `batch` or `reuse`. */
  only?: string;
}

function parseArgs(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const a: Args = { reports: quick ? 200 : 400, reuse: quick ? [625, 1250, 2500] : [1250, 2500, 5000, 10000], runs: quick ? 1 : 5, out: path.join(ROOT, 'bench', 'results', 'review.json') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reports') a.reports = Number(argv[++i]);
    else if (argv[i] === '--reuse') a.reuse = argv[++i].split(',').map(Number);
    else if (argv[i] === '--runs') a.runs = Number(argv[++i]);
    else if (argv[i] === '--out') a.out = path.resolve(argv[++i]);
    else if (argv[i] === '--only') a.only = argv[++i];
  }
  return a;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * How long each task runs in its process before it is timed: V8 compiles a function's optimised
 * code only after it has run a while, and keeps improving it for seconds. Each tool gets the same
 * time, not the same number of runs: markdownlint's run of 400 files takes some 2 s and is
 * compiled by its end, while our checks of the same files take some 150 ms, and after one run
 * were timed half-compiled (runs 1 to 12 alone: 225, 192, 168, 158, 135, … 121 ms).
 */
const WARM_UP_MS = 2000;
/**
 * Timed runs in each process, back to back, after the warm-up: at least this many, and for at
 * least TIMED_MS (again the same time for every tool: five runs of markdownlint, some twenty of
 * ours); the process's time is their median.
 */
const RUNS_PER_PROCESS = 5;
const TIMED_MS = 2000;

/**
 * The in-process tasks of the batch, by name: each is timed in a process of its own (see
 * `rounds`), so that no tool runs on another's heap or pays for its garbage.
 */
type BatchTask = 'markdownlint' | 'markdownlintTuned' | 'checks' | 'checksByPlan' | 'checksOneThread' | 'checksPerCore' | 'whole';
const BATCH_TASKS: BatchTask[] = ['markdownlint', 'markdownlintTuned', 'checks', 'checksByPlan', 'checksOneThread', 'checksPerCore', 'whole'];

interface BatchInput {
  files: string[];
  dir: string;
  out: string;
}

interface MarkdownlintSync {
  lint(options: { files: string[] }): Record<string, unknown[]>;
}

function batchTask(name: BatchTask, input: BatchInput): () => unknown {
  const { files, dir, out } = input;
  const settings = { locale: 'zh-CN' as const, rules: {}, reportFormat: 'auto' as const, settings: {}, cwd: dir };
  const quiet = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, cwd: dir };
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  // The review's own choice of lanes (--jobs unset), and one lane per core asked for outright.
  const jobs = defaultJobs();
  switch (name) {
    case 'markdownlint':
    case 'markdownlintTuned': {
      const markdownlint = require('markdownlint/sync') as MarkdownlintSync;
      return () => markdownlint.lint({ files });
    }
    case 'checks':
      return () => checkAll(files, settings, { jobs });
    case 'checksByPlan':
      return () => checkAll(files, settings, { jobs, checkAsRead: false });
    case 'checksOneThread':
      return () => checkAll(files, settings, { jobs: 0 });
    case 'checksPerCore':
      return () => checkAll(files, settings, { jobs: cores });
    case 'whole':
      return () => review([dir, '-o', out], quiet);
  }
}

/**
 * In a process of its own (`--task`): the task run for WARM_UP_MS (at least twice), then timed
 * back to back (RUNS_PER_PROCESS runs and TIMED_MS at least). No collection is forced: each run
 * pays for the garbage of the run before it, as every run of a longer batch does, whatever the
 * tool. The times go to stdout as JSON.
 */
async function taskProcess(name: BatchTask, inputFile: string): Promise<void> {
  // Our tasks run with the heap set up as `govreport` sets it up (common/heap.ts); markdownlint
  // as it ships, unless asked for with the same setting (markdownlintTuned).
  if (name !== 'markdownlint') tuneHeapForBatch();
  const run = batchTask(name, JSON.parse(readFileSync(inputFile, 'utf8')) as BatchInput);
  const started = now();
  let n = 0;
  let held: unknown;
  do {
    held = await run();
    n++;
  } while (n < 2 || now() - started < WARM_UP_MS);
  const times: number[] = [];
  const timing = now();
  while (times.length < RUNS_PER_PROCESS || now() - timing < TIMED_MS) {
    const t = now();
    held = await run();
    times.push(now() - t);
  }
  void held;
  process.stdout.write(JSON.stringify({ times }) + '\n');
}

/**
 * Each task's time in each of `runs` rounds, the order alternating. Each task of a round runs in
 * a new process (`taskProcess`): its median after the warm-up is the round's time.
 *
 * Why a process each, and no forced collection: a full GC between runs in one process (how this
 * benchmark used to measure) slows a tool down unless something holds its objects across it —
 * it frees every object of the tool's shapes, and V8 then discards the optimised code that
 * depends on them. Markdownlint measured that way took 2.7–2.8 s against 2.3–2.4 s back to back,
 * our checks 212 ms against 134 ms (measured 2026-12-01); holding one of our reports across the
 * collection spared our code and not markdownlint's, and gave our checks an edge of some 15 %.
 */
function rounds(runs: number, tasks: BatchTask[], inputFile: string): number[][] {
  const times = tasks.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    const order = tasks.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const child = spawnSync(process.execPath, [__filename, '--task', tasks[i], '--input', inputFile], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: ROOT });
      if (child.status !== 0) throw new Error(`${tasks[i]}: ${child.stderr}`);
      times[i].push(median((JSON.parse(child.stdout.trim().split('\n').pop()!) as { times: number[] }).times));
    }
  }
  return times;
}

/**
 * The ratio of two tasks' times round by round: both ran in the same round, a minute apart at
 * most, so a machine that drifts (a shared VM's neighbours) moves both; the medians of the whole
 * runs compare times taken up to several minutes apart.
 */
function perRound(slower: number[], faster: number[]): { ratios: number[]; median: number; lowest: number; highest: number } {
  const ratios = slower.map((t, r) => t / faster[r]);
  return { ratios, median: median(ratios), lowest: Math.min(...ratios), highest: Math.max(...ratios) };
}

/** Median time of each command, each run as a new process, over `runs` rounds, the order alternating. */
function coldRounds(runs: number, commands: string[][]): number[] {
  const times = commands.map(() => [] as number[]);
  // A new process is cold by design: one run of each first, for the files to be in the page cache.
  const run = (argv: string[]) => {
    const t = now();
    const r = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 28, cwd: ROOT });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    return now() - t;
  };
  for (const argv of commands) run(argv);
  for (let r = 0; r < runs; r++) {
    const order = commands.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) times[i].push(run(commands[i]));
  }
  return times.map(median);
}

async function batch(args: Args) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govreport-bench-review-'));
  const out = mkdtempSync(path.join(os.tmpdir(), 'govreport-bench-review-out-'));
  try {
    const reports = generate({ reports: args.reports });
    const files = reports.map((r) => {
      const f = path.join(dir, r.name);
      writeFileSync(f, r.text);
      return f;
    });
    const bytes = reports.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    const settings = { locale: 'zh-CN' as const, rules: {}, reportFormat: 'auto' as const, settings: {}, cwd: dir };
    // How many lanes the review chooses (--jobs unset), and how many one per core gives.
    const lanes = (await checkAll(files, settings, { jobs: defaultJobs() })).jobs;
    const lanesPerCore = (await checkAll(files, settings, { jobs: cores })).jobs;
    const input = path.join(out, 'bench-input.json');
    writeFileSync(input, JSON.stringify({ files, dir, out } satisfies BatchInput));
    // Rounds alternate the tools, so drift on a shared machine hits them alike.
    const byRound = rounds(args.runs, BATCH_TASKS, input);
    const [md, mdTuned, checks, checksByPlan, checksOneThread, checksPerCore, whole] = byRound.map(median);
    const [mdRounds, mdTunedRounds, checksRounds, , checksOneThreadRounds] = byRound;
    const paired = {
      checks: perRound(mdRounds, checksRounds),
      checksTuned: perRound(mdTunedRounds, checksRounds),
      checksOneThread: perRound(mdRounds, checksOneThreadRounds),
      checksOneThreadTuned: perRound(mdTunedRounds, checksOneThreadRounds),
    };
    // Cold: each tool as a new process, as a person runs it (JIT warm-up, worker start-up and all).
    const list = path.join(out, 'files.json');
    writeFileSync(list, JSON.stringify(files));
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const [mdCold, reviewCold, reviewColdOneThread, reviewColdPerCore] = coldRounds(args.runs, [
      ['-e', `require('markdownlint/sync').lint({ files: JSON.parse(require('fs').readFileSync(${JSON.stringify(list)}, 'utf8')) })`],
      [cli, 'review', dir, '-o', out, '--no-progress'],
      [cli, 'review', dir, '-o', out, '--no-progress', '--jobs', '1'],
      [cli, 'review', dir, '-o', out, '--no-progress', '--jobs', String(cores)],
    ]);
    const row = {
      method: { warmUpMs: WARM_UP_MS, timedMs: TIMED_MS, minRunsPerProcess: RUNS_PER_PROCESS, forcedGc: false },
      reports: reports.length,
      megabytes: bytes / 1e6,
      cores,
      lanes,
      lanesPerCore,
      markdownlintMs: md,
      markdownlintTunedMs: mdTuned,
      checksMs: checks,
      checksByPlanMs: checksByPlan,
      checksOneThreadMs: checksOneThread,
      checksPerCoreMs: checksPerCore,
      reviewMs: whole,
      rounds: Object.fromEntries(BATCH_TASKS.map((t, i) => [t, byRound[i]])),
      perRound: paired,
      cold: { markdownlintMs: mdCold, reviewMs: reviewCold, reviewOneThreadMs: reviewColdOneThread, reviewPerCoreMs: reviewColdPerCore },
    };
    console.log(`\n## ${reports.length} reports (${(bytes / 1e6).toFixed(2)} MB; ${cores} cores), median of ${args.runs} rounds\n`);
    console.log(`Each task in a process of its own per round: ${WARM_UP_MS / 1000} s of warm-up, then the median of the runs back to back in ${TIMED_MS / 1000} s (${RUNS_PER_PROCESS} at least), no collection forced.\n`);
    console.log('| what | ms | reports/s | markdownlint / this | markdownlint with our heap setting / this |');
    console.log('|---|--:|--:|--:|--:|');
    const line = (what: string, ms: number) => console.log(`| ${what} | ${ms.toFixed(0)} | ${((reports.length / ms) * 1000).toFixed(0)} | ${(md / ms).toFixed(1)}× | ${(mdTuned / ms).toFixed(1)}× |`);
    line('markdownlint `lint({ files })`, default rules', md);
    line('markdownlint, with pretenuring off as `govreport` runs (common/heap.ts)', mdTuned);
    const threads = (n: number) => (n === 1 ? 'this thread' : `${n} threads`);
    line(`our checks, as the review runs them (checkAll; ${threads(lanes)})`, checks);
    line('the same, every report kept for a second pass (checkAsRead: false)', checksByPlan);
    line('our checks, this thread only (--jobs 0)', checksOneThread);
    line(`our checks, --jobs ${cores} (${threads(lanesPerCore)})`, checksPerCore);
    line(`the whole review, three files written (${threads(lanes)})`, whole);
    const show = (what: string, p: ReturnType<typeof perRound>) =>
      console.log(`| ${what} | ${p.ratios.map((x) => `${x.toFixed(1)}×`).join(', ')} | ${p.median.toFixed(1)}× | ${p.lowest.toFixed(1)}× | ${p.highest.toFixed(1)}× |`);
    console.log('\nRound by round (the two tasks of a ratio ran in the same round):\n');
    console.log('| ratio | each round | median | lowest | highest |');
    console.log('|---|---|--:|--:|--:|');
    show('markdownlint / our checks as the review runs them', paired.checks);
    show('markdownlint with our heap setting / the same', paired.checksTuned);
    show('markdownlint / our checks, this thread only', paired.checksOneThread);
    show('markdownlint with our heap setting / the same', paired.checksOneThreadTuned);
    console.log(`\nAs new processes (median of ${args.runs}; markdownlint / this on the right):\n`);
    console.log('| what | ms | reports/s | markdownlint / this |');
    console.log('|---|--:|--:|--:|');
    const cold = (what: string, ms: number) => console.log(`| ${what} | ${ms.toFixed(0)} | ${((reports.length / ms) * 1000).toFixed(0)} | ${(mdCold / ms).toFixed(1)}× |`);
    cold('`node -e` markdownlint `lint({ files })`', mdCold);
    cold(`\`govreport review -o …\` (${threads(lanes)})`, reviewCold);
    cold('`govreport review -o … --jobs 1`', reviewColdOneThread);
    cold(`\`govreport review -o … --jobs ${cores}\` (${threads(lanesPerCore)})`, reviewColdPerCore);
    return row;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

function reuseAt(n: number) {
  const reports = generate({ reports: n, years: [2024], seed: 7 + n, copyOther: 0.03, copyLastYear: 0 });
  // Parsing is the checker's own cost, paid once per report in any review; the reports are not
  // kept (a review keeps a bounded number), only their own text.
  let parseMs = 0;
  let fingerprintMs = 0;
  const own: ReturnType<typeof ownTextOf>[] = [];
  const candidates: Array<{ sections: number[][]; group: string; body: string }> = [];
  reports.forEach((r) => {
    let t0 = now();
    const report = parse(r.text);
    parseMs += now() - t0;
    t0 = now();
    const o = ownTextOf(report);
    own.push({ sections: o.sections, sentences: [] });
    candidates.push({ sections: sentenceHashes(o), group: '2024', body: r.body });
    fingerprintMs += now() - t0;
  });
  let t = now();
  const similar = similarReports(candidates);
  const lshMs = now() - t;
  t = now();
  const grams = new Map<number, { grams: ReturnType<typeof gramHashes>; joined: string }>();
  const source = (j: number) => {
    let g = grams.get(j);
    if (!g) {
      const joined = ownTextJoined(own[j]);
      g = { grams: gramHashes(joined), joined };
      grams.set(j, g);
    }
    return g;
  };
  let pairs = 0;
  const reported = new Set<string>();
  similar.forEach((peers, i) => {
    for (const j of peers) {
      pairs++;
      const s = source(j);
      for (const section of own[i].sections) {
        if (section.text.length < 60) continue;
        const c = copiedFrom(section, s.grams, s.joined);
        if (c.copied / c.total > 0.5) reported.add(`${reports[i].body}|${reports[j].body}`);
      }
    }
  });
  const verifyMs = now() - t;
  const planted = reports.filter((r) => r.copied);
  const found = planted.filter((r) => reported.has(`${r.body}|${r.copied}`)).length;
  // Every pair, on a sample: the cost of one verification, times N(N−1)/2.
  const sample = 2000;
  t = now();
  for (let k = 0; k < sample; k++) {
    const i = k % n;
    const j = (k * 7919 + 13) % n;
    if (i === j) continue;
    const joined = ownTextJoined(own[j]);
    const g = gramHashes(joined);
    for (const section of own[i].sections) copiedFrom(section, g, joined);
  }
  const perPair = (now() - t) / sample;
  return { reports: n, parseMs, fingerprintMs, lshMs, verifyMs, candidatePairs: pairs, planted: planted.length, found, allPairsEstimateMs: (perPair * n * (n - 1)) / 2 };
}

async function main() {
  const argv = process.argv.slice(2);
  const task = argv.indexOf('--task');
  if (task >= 0) {
    const name = argv[task + 1] as BatchTask;
    if (!BATCH_TASKS.includes(name)) throw new Error(`unknown task ${name}`);
    return taskProcess(name, argv[argv.indexOf('--input') + 1]);
  }
  const args = parseArgs(argv);
  console.log(`review benchmark: node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism?.() ?? os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
  const batchResult = args.only === 'reuse' ? undefined : await batch(args);
  if (args.only === 'batch') args.reuse = [];
  console.log(`\n## Cross-body reuse (MinHash + LSH), one year's reports\n`);
  console.log('| reports | parse (ms, not counted) | own text + hashes (ms) | candidates (ms) | verify (ms) | reuse check total (ms) | µs / report | growth vs previous | candidate pairs | planted copies found | every pair, estimated (s) |');
  console.log('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const reuse: ReturnType<typeof reuseAt>[] = [];
  // As the review runs it: the heap set up as `govreport` sets it up, and the code compiled —
  // one untimed pass at the smallest size first (this process has run little of it before).
  tuneHeapForBatch();
  if (args.reuse.length) reuseAt(args.reuse[0]);
  for (const n of args.reuse) {
    const r = reuseAt(n);
    const total = r.fingerprintMs + r.lshMs + r.verifyMs;
    const prev = reuse[reuse.length - 1];
    const growth = prev ? Math.log(total / (prev.fingerprintMs + prev.lshMs + prev.verifyMs)) / Math.log(n / prev.reports) : undefined;
    reuse.push(r);
    console.log(
      `| ${n} | ${r.parseMs.toFixed(0)} | ${r.fingerprintMs.toFixed(0)} | ${r.lshMs.toFixed(0)} | ${r.verifyMs.toFixed(0)} | ${total.toFixed(0)} | ${((total * 1000) / n).toFixed(0)} | ${growth === undefined ? '–' : `n^${growth.toFixed(2)}`} | ${r.candidatePairs} | ${r.found}/${r.planted} | ${(r.allPairsEstimateMs / 1000).toFixed(0)} |`,
    );
  }
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify({ node: process.version, cpu: os.cpus()[0]?.model, load: os.loadavg(), batch: batchResult, reuse }, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(process.cwd(), args.out)}; load ${os.loadavg()[0].toFixed(2)} at the end`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
