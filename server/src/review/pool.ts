/**
 * The review's parallelism: lanes — this thread and `jobs − 1` worker threads — that share the
 * work as they go. Each phase (reading, then checking) starts with one contiguous share of the
 * files per lane (a body's reports of consecutive years sit side by side in a sorted list, so
 * one lane holds both); a lane takes batches from the front of its own share, and a lane whose
 * share is done takes a batch from the back of the largest share left. A worker starts cold
 * (loading the modules, compiling as it goes) while this thread is warm: the worker simply ends
 * up with fewer batches, so more lanes are never slower than one. A batch too small to pay for
 * starting threads runs in this thread only.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { Session, type CheckTask, type Facts, type Job, type JobSettings, type Reviewed } from './job';
import type { Reply, Request } from './worker';

/**
 * Below this many files per lane, starting a thread costs more than it saves: a worker takes
 * work once it has loaded its modules (some 100 ms) and its first batch compiles the code it
 * runs, while this thread, warm, checks some 200 files in that time (measured on 400 reports).
 */
const MIN_FILES_PER_WORKER = 200;
/**
 * Files per batch: large enough that messages are few, small enough that the progress bar moves
 * and that the last batches, which nobody can take back, end close together. Batches shrink as
 * the files left run out (a quarter of each lane's fair share of them, at least MIN_BATCH).
 */
const BATCH = 16;
const MIN_BATCH = 4;
/**
 * Batches a worker holds at once: one it works on, one waiting, so it never idles while this
 * thread finishes a batch of its own before it reads the worker's reply.
 */
const WORKER_DEPTH = 2;
/** A worker's time per item against this thread's, before it has done any: it starts cold. */
const COLD_SLOWNESS = 4;
/**
 * The share of the other lanes' time left that a worker's batches may take: times measured on a
 * busy machine vary, and a worker's late batch keeps everyone waiting, this thread's only itself.
 */
const MARGIN = 0.7;

function workerFile(): string | undefined {
  // dist/review.js beside dist/review-worker.js; out/server/src/review/pool.js beside worker.js.
  return [path.join(__dirname, 'review-worker.js'), path.join(__dirname, 'worker.js')].find((f) => fs.existsSync(f));
}

interface Lane {
  /** This thread: runs a batch when called, so batches are handed to it one at a time. */
  inline: boolean;
  /** Whether it can take work: a worker once it has loaded its modules. */
  ready: boolean;
  /** Called once a worker is ready. */
  onReady?: () => void;
  /** The batch's results, and the time the lane spent on them (ms). */
  run<T>(request: Job): Promise<{ results: T[]; ms: number }>;
  close(): Promise<void>;
}

function threadLane(file: string, settings: JobSettings): Lane {
  // A larger young generation: a report's objects die young, and a small nursery collects them
  // over and over (docs/PERFORMANCE.md, Linearity).
  const worker = new Worker(file, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: { results: unknown[]; ms: number }) => void; reject: (e: Error) => void }>();
  const lane: Lane = {
    inline: false,
    ready: false,
    run<T>(request: Job) {
      const id = next++;
      return new Promise<{ results: T[]; ms: number }>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: { results: unknown[]; ms: number }) => void, reject });
        worker.postMessage({ ...request, id } satisfies Request);
      });
    },
    async close() {
      // Not waited for: the thread's teardown need not hold up the review, and nothing of it is
      // needed any more (its results are all in).
      worker.unref();
      worker.terminate().catch(() => undefined);
    },
  };
  worker.on('message', (m: Reply) => {
    if ('ready' in m) {
      lane.ready = true;
      lane.onReady?.();
      return;
    }
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if ('error' in m) w?.reject(new Error(m.error));
    else w?.resolve({ results: m.result, ms: m.ms });
  });
  worker.on('error', (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  return lane;
}

function inlineLane(settings: JobSettings): Lane {
  const session = new Session(settings);
  return {
    inline: true,
    ready: true,
    async run<T>(request: Job) {
      const started = performance.now();
      const results = (await session.run(request)) as T[];
      return { results, ms: performance.now() - started };
    },
    async close() {},
  };
}

export interface Pool {
  jobs: number;
  /** `checkAsRead`: each report also checked as it is read (Session.factsChecked). */
  facts(files: string[], tick: (n: number) => void, checkAsRead?: boolean): Promise<Facts[]>;
  check(tasks: CheckTask[], tick: (n: number) => void): Promise<Reviewed[]>;
  close(): Promise<void>;
}

/** A lane's share of a phase: indices into the phase's items, in input order; [head, tail) left. */
interface Share {
  items: number[];
  head: number;
  tail: number;
}

/** `jobs`: worker threads wanted (0: this thread only); fewer start for a small batch. */
export function createPool(settings: JobSettings, files: number, jobs: number): Pool {
  const file = workerFile();
  const count = file ? Math.max(0, Math.min(jobs, Math.floor(files / MIN_FILES_PER_WORKER))) : 0;
  // The workers start first, so that they load while this thread reads; this thread is one of
  // the lanes: it would otherwise only wait, and it needs no start-up.
  const workers = Array.from({ length: Math.max(0, count - 1) }, () => threadLane(file!, settings));
  const lanes = [inlineLane(settings), ...workers];
  // Which lane read each file: its report is kept there, so it is checked there if it can be.
  const owner = new Map<string, number>();

  // How much slower than this thread each lane is (time per item, this thread's being 1), from
  // the last phase that measured it: a worker is slow at first (compiling as it goes), and
  // slower still on a machine busy with other work. Before any measure, a guess.
  const slowness = lanes.map((l): number => (l.inline ? 1 : COLD_SLOWNESS));

  /**
   * Runs `items` over the lanes, starting from `shares`; returns the results in input order and
   * the lane that did each item.
   */
  function spread<I, O>(items: I[], shares: Share[], request: (batch: I[]) => Job, tick: (n: number) => void): Promise<{ out: O[]; by: number[] }> {
    const out = new Array<O>(items.length);
    const by = new Array<number>(items.length);
    let left = items.length;
    let settled = 0;
    const busy = lanes.map(() => 0);
    /** Items in flight on each lane. */
    const holding = lanes.map(() => 0);
    /** Time spent and items done on each lane in this phase. */
    const spent = lanes.map(() => 0);
    const done = lanes.map(() => 0);
    /**
     * A worker's time per item in its last batch: its first batch in a phase pays for compiling
     * the phase's code, and says little about the next.
     */
    const recent = lanes.map(() => 0);
    const size = () => Math.max(MIN_BATCH, Math.min(BATCH, Math.ceil(left / (lanes.length * 4))));
    const slow = (lane: number) => (lane === 0 ? 1 : recent[lane] && done[0] ? recent[lane] / (spent[0] / done[0]) : slowness[lane]);
    /**
     * How many items a worker may take now: no more than it is likely to finish before the
     * other lanes have done the rest — a batch nobody can take back must not be the last to end.
     */
    const allowance = (lane: number) => {
      if (lanes[lane].inline) return size();
      // Unmeasured in this phase: one small batch, which warms it up and measures it.
      if (!done[lane]) return holding[lane] ? 0 : MIN_BATCH;
      const s = slow(lane);
      let others = 0;
      lanes.forEach((_, l) => l !== lane && (others += 1 / slow(l)));
      // (holding + n) · s ≤ MARGIN · (left − n) / others, in this thread's time per item.
      const n = Math.floor((MARGIN * (left / others) - holding[lane] * s) / (s + MARGIN / others));
      return n >= MIN_BATCH ? Math.min(size(), n) : 0;
    };
    /** The next batch for `lane`: its own share's front, or else the back of the largest share. */
    const take = (lane: number, n: number): number[] | undefined => {
      const own = shares[lane];
      let batch: number[];
      if (own.head < own.tail) {
        batch = own.items.slice(own.head, Math.min(own.tail, own.head + n));
        own.head += batch.length;
      } else {
        let from: Share | undefined;
        for (const s of shares) if (s.tail - s.head > (from ? from.tail - from.head : 0)) from = s;
        if (!from) return undefined;
        // Taken from the back: the owner reads on from its front, consecutive files together.
        batch = from.items.slice(Math.max(from.head, from.tail - n), from.tail);
        from.tail -= batch.length;
      }
      left -= batch.length;
      return batch;
    };
    return new Promise((resolve, reject) => {
      let failed = false;
      const pump = (lane: number) => {
        const l = lanes[lane];
        while (!failed && l.ready && busy[lane] < (l.inline ? 1 : WORKER_DEPTH) && left > 0) {
          const n = allowance(lane);
          const batch = n ? take(lane, n) : undefined;
          if (!batch) break;
          busy[lane]++;
          holding[lane] += batch.length;
          l.run<O>(request(batch.map((i) => items[i]))).then(
            ({ results, ms }) => {
              results.forEach((r, k) => {
                out[batch[k]] = r;
                by[batch[k]] = lane;
              });
              spent[lane] += ms;
              done[lane] += batch.length;
              recent[lane] = ms / batch.length;
              busy[lane]--;
              holding[lane] -= batch.length;
              settled += batch.length;
              tick(batch.length);
              if (settled === items.length) {
                for (let w = 1; w < lanes.length; w++) if (done[w]) slowness[w] = slow(w);
                resolve({ out, by });
                return;
              }
              // This thread lets the workers' replies (and the progress bar) in between its
              // batches; a worker's reply comes in between them anyway.
              if (l.inline) setImmediate(() => pump(lane));
              else pump(lane);
            },
            (e) => {
              failed = true;
              reject(e);
            },
          );
        }
      };
      if (!items.length) return resolve({ out, by });
      lanes.forEach((l, lane) => {
        l.onReady = () => pump(lane);
        pump(lane);
      });
    });
  }

  /** One contiguous share per lane of `indices` (in order). */
  const split = (indices: number[]): Share[] => {
    const per = Math.ceil(indices.length / lanes.length);
    return lanes.map((_, lane) => {
      const items = indices.slice(lane * per, (lane + 1) * per);
      return { items, head: 0, tail: items.length };
    });
  };

  return {
    jobs: lanes.length,
    async facts(list, tick, checkAsRead) {
      const { out, by } = await spread<string, Facts>(list, split(list.map((_, i) => i)), (files) => ({ kind: 'facts', files, checkAsRead }), tick);
      list.forEach((f, i) => owner.set(f, by[i]));
      return out;
    },
    async check(tasks, tick) {
      // Each lane checks the files it read, in order, and keeps the reports it read; after the
      // last of its tasks that needs one (as the report, last year's or a subordinate's), it lets
      // it go. A task another lane takes over reads what it needs there again.
      const laneOf = (t: CheckTask) => owner.get(t.file) ?? 0;
      const shares: Share[] = lanes.map(() => ({ items: [], head: 0, tail: 0 }));
      tasks.forEach((t, i) => shares[laneOf(t)].items.push(i));
      for (const s of shares) s.tail = s.items.length;
      const last = lanes.map(() => new Map<string, CheckTask>());
      for (const t of tasks) {
        const uses = [t.file, ...(t.previous ? [t.previous] : []), ...(t.subordinates?.reports.map((r) => r.file) ?? [])];
        for (const f of uses) last[laneOf(t)].set(f, t);
      }
      const release = new Map<CheckTask, string[]>();
      for (const m of last) for (const [f, t] of m) release.set(t, [...(release.get(t) ?? []), f]);
      const planned = tasks.map((t) => ({ ...t, release: release.get(t) ?? [] }));
      return (await spread<CheckTask, Reviewed>(planned, shares, (batch) => ({ kind: 'check', tasks: batch }), tick)).out;
    },
    async close() {
      await Promise.all(lanes.map((l) => l.close()));
    },
  };
}
