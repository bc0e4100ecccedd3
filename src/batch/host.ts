import { parentPort, workerData } from 'node:worker_threads';
import type { Assignment, HostData, Report } from './pool.js';
import { CURRENT, STARTED } from './pool.js';

/**
 * A worker thread of the batch pool (src/batch/pool.ts): runs the task module's default export on each
 * file the main thread assigns, one at a time, in the order assigned, and reports each result.
 *
 * The main thread keeps a few files queued here, so finishing one file starts the next without a
 * round trip through the main thread (on two cores the main thread is often not scheduled at once).
 * Before each file the worker writes which file it is on and since when into memory the main thread
 * reads: that is how the main thread enforces the time budget and names the file a crash was on.
 */
const data = workerData as HostData;
const port = parentPort!;
const state = new Int32Array(data.state);
const inbox: Assignment[] = [];
let arrived: (() => void) | null = null;
// a worker started before its batch was known (src/batch/prestart.ts) is told its task first
let task = data.task;

// listen before loading the task module: assignments sent meanwhile wait in the inbox
port.on('message', (message: Assignment | { task: Record<string, unknown> }) => {
  if ('task' in message) task = message.task;
  else inbox.push(message);
  arrived?.();
});

const run = (await import(data.module)).default as (task: Record<string, unknown>) => Promise<unknown>;

for (;;) {
  while (inbox.length === 0 || task === null) await new Promise<void>((resolve) => (arrived = resolve));
  arrived = null;
  const { index, path } = inbox.shift()!;
  Atomics.store(state, STARTED, Date.now() - data.epoch);
  Atomics.store(state, CURRENT, index);
  let report: Report;
  try {
    report = { index, value: await run({ ...task, path }) };
  } catch (e) {
    report = { index, error: firstLine(e) };
  }
  Atomics.store(state, CURRENT, -1);
  port.postMessage(report);
}

function firstLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0];
}
