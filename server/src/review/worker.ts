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
  // Requests are answered one after another, in order (a PDF read is asynchronous).
  let queue = Promise.resolve();
  port.on('message', (request: Request) => {
    queue = queue.then(async () => {
      try {
        port.postMessage({ id: request.id, result: await session.run(request) });
      } catch (e) {
        port.postMessage({ id: request.id, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
      }
    });
  });
}
