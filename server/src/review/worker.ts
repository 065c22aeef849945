/**
 * The review's worker thread: a Session over its share of the files, answering the pool's
 * requests in order. Bundled as dist/review-worker.js (scripts/build.mjs).
 */
import { parentPort, workerData } from 'worker_threads';
import { Session, type CheckTask, type JobSettings } from './job';

export type Job = { kind: 'facts'; files: string[] } | { kind: 'check'; tasks: CheckTask[] };
export type Request = Job & { id: number };

if (parentPort) {
  const port = parentPort;
  const session = new Session(workerData as JobSettings);
  port.on('message', (request: Request) => {
    try {
      const result = request.kind === 'facts' ? request.files.map((f) => session.facts(f)) : request.tasks.map((t) => session.check(t));
      port.postMessage({ id: request.id, result });
    } catch (e) {
      port.postMessage({ id: request.id, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
    }
  });
}
