/**
 * Runs the web build of the language server (dist/web/server.js) the way a browser runs it: in
 * a worker thread of its own, with a dedicated web worker's globals and nothing of Node's — the
 * bundle runs in a fresh `vm` context that has `self`, `postMessage`, message events, timers,
 * TextEncoder/TextDecoder, URL and console, and no `require`, `process`, `Buffer` or
 * `setImmediate`. A bundle that reached for any of those would fail here as in vscode.dev.
 *
 * Started by test/lsp/client.ts (`server: 'web'`) with workerData = { bundle }: the messages
 * of the worker thread are the worker's messages.
 */
import { readFileSync } from 'node:fs';
import * as vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

type Listener = (event: unknown) => void;

const port = parentPort!;
const bundle: string = (workerData as { bundle: string }).bundle;
const listeners: Record<string, Listener[]> = { message: [], error: [], unhandledrejection: [], messageerror: [] };
let onmessage: Listener | null = null;

// Messages from the client arrive as objects of this realm: handed over as JSON, the server
// gets objects of its own realm, as a browser's structured clone would give it.
let parseInContext: (json: string) => unknown = JSON.parse;
port.on('message', (data: unknown) => {
  const event = { data: parseInContext(JSON.stringify(data)) };
  onmessage?.(event);
  for (const l of listeners.message) l(event);
});
process.on('uncaughtException', (error) => {
  for (const l of listeners.error) l({ error, message: String(error) });
  if (!listeners.error.length) throw error;
});
process.on('unhandledRejection', (reason) => {
  for (const l of listeners.unhandledrejection) l({ reason });
});

const scope: Record<string, unknown> = {
  postMessage: (data: unknown) => port.postMessage(data),
  addEventListener: (type: string, listener: Listener) => (listeners[type] ??= []).push(listener),
  removeEventListener: (type: string, listener: Listener) => {
    const list = listeners[type] ?? [];
    if (list.includes(listener)) list.splice(list.indexOf(listener), 1);
  },
  close: () => process.exit(0),
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  queueMicrotask,
  console,
  TextEncoder,
  TextDecoder,
  URL,
  URLSearchParams,
  atob,
  btoa,
  performance,
  structuredClone,
};
Object.defineProperty(scope, 'onmessage', {
  get: () => onmessage,
  set: (handler: Listener | null) => (onmessage = handler),
});
const context = vm.createContext(scope);
vm.runInContext('self = globalThis;', context);
parseInContext = vm.runInContext('(json) => JSON.parse(json)', context) as (json: string) => unknown;
vm.runInContext(readFileSync(bundle, 'utf8'), context, { filename: bundle });
