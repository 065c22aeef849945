/**
 * The review's parallelism: the files split into one contiguous share per lane — this thread
 * and `jobs − 1` worker threads (a body's reports of consecutive years sit side by side in a
 * sorted list, so one lane holds both) — each share read, then checked, in small batches that
 * move the progress bar. A batch too small to pay for starting threads runs in this thread only.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { Session, type CheckTask, type Facts, type JobSettings, type Reviewed } from './job';
import type { Job } from './worker';

/** Below this many files per worker, starting a thread costs more than it saves. */
const MIN_FILES_PER_WORKER = 40;
const BATCH = 16;

function workerFile(): string | undefined {
  // dist/review.js beside dist/review-worker.js; out/server/src/review/pool.js beside worker.js.
  return [path.join(__dirname, 'review-worker.js'), path.join(__dirname, 'worker.js')].find((f) => fs.existsSync(f));
}

interface Lane {
  /** This thread: runs a batch when called, so batches are handed to it one at a time. */
  inline: boolean;
  run<T>(request: Job): Promise<T[]>;
  close(): Promise<void>;
}

function threadLane(file: string, settings: JobSettings): Lane {
  // A larger young generation: a report's objects die young, and a small nursery collects them
  // over and over (docs/PERFORMANCE.md, Linearity).
  const worker = new Worker(file, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown[]) => void; reject: (e: Error) => void }>();
  worker.on('message', (m: { id: number; result?: unknown[]; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.result!);
  });
  worker.on('error', (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  return {
    inline: false,
    run<T>(request: Job) {
      const id = next++;
      return new Promise<T[]>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown[]) => void, reject });
        worker.postMessage({ ...request, id });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

function inlineLane(settings: JobSettings): Lane {
  const session = new Session(settings);
  return {
    inline: true,
    async run<T>(request: Job) {
      return (await session.run(request)) as T[];
    },
    async close() {},
  };
}

export interface Pool {
  jobs: number;
  facts(files: string[], tick: (n: number) => void): Promise<Facts[]>;
  check(tasks: CheckTask[], tick: (n: number) => void): Promise<Reviewed[]>;
  close(): Promise<void>;
}

/** `jobs`: worker threads wanted (0: this thread only); fewer start for a small batch. */
export function createPool(settings: JobSettings, files: number, jobs: number): Pool {
  const file = workerFile();
  const count = file ? Math.max(0, Math.min(jobs, Math.floor(files / MIN_FILES_PER_WORKER))) : 0;
  // This thread is one of the lanes: it would otherwise only wait, and it needs no start-up.
  const lanes = [inlineLane(settings), ...Array.from({ length: Math.max(0, count - 1) }, () => threadLane(file!, settings))];
  // Which lane read a file: it is checked there, where its report is kept.
  const owner = new Map<string, number>();

  async function spread<I, O>(items: I[], laneOf: (item: I, index: number) => number, request: (batch: I[]) => Job, tick: (n: number) => void): Promise<O[]> {
    const shares: Array<Array<{ item: I; index: number }>> = lanes.map(() => []);
    items.forEach((item, index) => shares[laneOf(item, index)].push({ item, index }));
    const out = new Array<O>(items.length);
    const batches = (share: Array<{ item: I; index: number }>) => {
      const list: Array<typeof share> = [];
      for (let i = 0; i < share.length; i += BATCH) list.push(share.slice(i, i + BATCH));
      return list;
    };
    const settle = (batch: Array<{ item: I; index: number }>, results: O[]) => {
      results.forEach((r, k) => (out[batch[k].index] = r));
      tick(batch.length);
    };
    await Promise.all(
      shares.map(async (share, lane) => {
        const l = lanes[lane];
        if (!l.inline) {
          // A worker's batches are all queued at once: it never waits for this thread.
          await Promise.all(batches(share).map((b) => l.run<O>(request(b.map((x) => x.item))).then((r) => settle(b, r))));
          return;
        }
        for (const b of batches(share)) {
          settle(b, await l.run<O>(request(b.map((x) => x.item))));
          // Let the workers' replies (and the progress bar) in between this thread's batches.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    return out;
  }

  return {
    jobs: lanes.length,
    async facts(list, tick) {
      const per = Math.ceil(list.length / lanes.length) || 1;
      return spread<string, Facts>(
        list,
        (f, i) => {
          const lane = Math.min(lanes.length - 1, Math.floor(i / per));
          owner.set(f, lane);
          return lane;
        },
        (files) => ({ kind: 'facts', files }),
        tick,
      );
    },
    async check(tasks, tick) {
      // Each lane keeps the reports it read; after the last of its tasks that needs one (as the
      // report, last year's or a subordinate's), it lets it go.
      const laneOf = (t: CheckTask) => owner.get(t.file) ?? 0;
      const last = lanes.map(() => new Map<string, CheckTask>());
      for (const t of tasks) {
        const uses = [t.file, ...(t.previous ? [t.previous] : []), ...(t.subordinates?.reports.map((r) => r.file) ?? [])];
        for (const f of uses) last[laneOf(t)].set(f, t);
      }
      const release = new Map<CheckTask, string[]>();
      for (const m of last) for (const [f, t] of m) release.set(t, [...(release.get(t) ?? []), f]);
      const planned = tasks.map((t) => ({ ...t, release: release.get(t) ?? [] }));
      return spread<CheckTask, Reviewed>(planned, laneOf, (batch) => ({ kind: 'check', tasks: batch }), tick);
    },
    async close() {
      await Promise.all(lanes.map((l) => l.close()));
    },
  };
}
