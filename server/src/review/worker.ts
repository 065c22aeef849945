/**
 * The review's worker thread: a Session over the batches the pool hands it, answering the pool's
 * requests in order, each with the time it took (the pool hands a slow lane less). Bundled as
 * dist/review-worker.js (scripts/build.mjs).
 */
import { parentPort, workerData } from 'worker_threads';
import { Session, type Job, type JobSettings } from './job';
export type Request = Job & { id: number };
export type Reply = { ready: true } | { id: number; result: unknown[]; ms: number } | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  const session = new Session(workerData as JobSettings);
  // Requests are answered one after another, in order (a PDF read is asynchronous).
  let queue = Promise.resolve();
  port.on('message', (request: Request) => {
    queue = queue.then(async () => {
      try {
        const started = performance.now();
        const result = await session.run(request);
        port.postMessage({ id: request.id, result, ms: performance.now() - started } satisfies Reply);
      } catch (e) {
        port.postMessage({ id: request.id, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) } satisfies Reply);
      }
    });
  });
  // The modules are loaded: the pool hands out work from now on, not to a thread still loading.
  port.postMessage({ ready: true } satisfies Reply);
}
