import { Worker } from 'node:worker_threads';
import { fail } from '../util/result.js';

/** One file handed to a worker: its place in the batch and its path. */
export interface Assignment {
  index: number;
  path: string;
}
/** What a worker says of a file: the task's value, or the first line of what it threw. */
export type Report = { index: number; value: unknown } | { index: number; error: string };
/** A worker's start-up data (src/batch/host.ts). */
export interface HostData {
  module: string;
  /** null for a worker started before its batch was known: the task then comes as the first message */
  task: Record<string, unknown> | null;
  /** two Int32 cells the worker writes: the file it is on (CURRENT, -1 between files) and since when (STARTED) */
  state: SharedArrayBuffer;
  /** Date.now() when the batch began: STARTED counts milliseconds from it */
  epoch: number;
}
export const CURRENT = 0;
export const STARTED = 1;

export interface PoolOptions {
  jobs: number;
  timeoutMs: number;
  /** the task module (its default export runs one file) */
  module: URL;
  task: Record<string, unknown>;
  /** the young generation of each worker's heap, MB */
  youngMb: number;
  /** how far past the next file to emit files may be assigned (bounds the results held back) */
  ahead: number;
  /** hosts already started (src/batch/prestart.ts): used when they load `module`, else stopped */
  started?: Host[];
}

/**
 * Files a worker holds at once: the one it runs and the next, so it never waits for the main
 * thread between files; more would only make a crash or a timeout re-send more.
 */
const QUEUE_DEPTH = 2;

/** A worker thread running the host, with the cells it writes (which file, since when). */
export interface Host {
  worker: Worker;
  state: Int32Array;
  /** Date.now() when the host was started: its STARTED cell counts from it */
  epoch: number;
  /** the task module it loads */
  module: string;
}

/** Starts a host thread that loads `module`; `task` null when it is told later (src/batch/prestart.ts). */
export function startHost(module: URL, youngMb: number, task: Record<string, unknown> | null): Host {
  const buffer = new SharedArrayBuffer(8);
  const epoch = Date.now();
  const data: HostData = { module: module.href, task, state: buffer, epoch };
  const worker = new Worker(hostUrl(), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: youngMb } });
  const state = new Int32Array(buffer);
  Atomics.store(state, CURRENT, -1);
  return { worker, state, epoch, module: module.href };
}

/** A live worker, the files assigned to it in order (the first is running or next) and its state cells. */
interface Member extends Host {
  queue: number[];
  /** set when the pool ended this worker (time budget, end of batch): its exit is not a crash */
  retired: boolean;
  /** it has reported a file: a worker that dies before that may not have loaded its task module */
  reported: boolean;
  error: string | null;
}

/**
 * Runs every file on `jobs` worker threads and calls `settle` with each file's outcome as it is
 * known (in any order). A file that throws, kills its worker or overruns the time budget becomes that
 * file's failure; the worker is replaced and the files queued on it go to the pool again.
 */
export function startPool(files: string[], options: PoolOptions, settle: (index: number, outcome: unknown) => void) {
  const settled = new Set<number>();
  const resend: number[] = [];
  const members = new Set<Member>();
  let next = 0;
  let emitted = 0;
  let stopped = false;

  const finish = (index: number, outcome: unknown) => {
    if (settled.has(index)) return;
    settled.add(index);
    settle(index, outcome);
  };
  const nextFile = (): number | null => {
    if (resend.length > 0) return resend.shift()!;
    if (next < files.length && next - emitted < options.ahead) return next++;
    return null;
  };
  const feed = (m: Member) => {
    while (!m.retired && m.queue.length < QUEUE_DEPTH) {
      const index = nextFile();
      if (index === null) return;
      m.queue.push(index);
      m.worker.postMessage({ index, path: files[index] } satisfies Assignment);
    }
  };
  const feedAll = () => members.forEach(feed);

  const spawn = (started?: Host) => {
    const host = started ?? startHost(options.module, options.youngMb, options.task);
    if (started) started.worker.postMessage({ task: options.task });
    const m: Member = { ...host, queue: [], retired: false, reported: false, error: null };
    const worker = m.worker;
    worker.ref();
    members.add(m);
    worker.on('message', (report: Report) => {
      m.reported = true;
      const at = m.queue.indexOf(report.index);
      if (at >= 0) m.queue.splice(at, 1);
      finish(report.index, 'error' in report ? fail(files[report.index], `worker crashed: ${report.error}`) : report.value);
      feed(m);
    });
    worker.on('error', (e) => (m.error = (e?.message ?? String(e)).split('\n')[0]));
    worker.on('exit', (code) => {
      members.delete(m);
      if (!m.retired) {
        // the file it was on, or, when it died before reporting any (its task module did not load),
        // the first file it held: every death settles a file, so replacements cannot go on forever
        const current = Atomics.load(m.state, CURRENT);
        const blamed = current >= 0 ? current : m.reported ? null : (m.queue[0] ?? null);
        if (blamed !== null) finish(blamed, fail(files[blamed], `worker crashed: ${m.error ?? `the worker exited with code ${code}`}`));
      }
      replace(m);
    });
    feed(m);
  };
  /** the files a gone worker still held go to the others, and a new worker takes its place while files remain */
  const replace = (m: Member) => {
    resend.push(...m.queue.filter((i) => !settled.has(i)));
    resend.sort((a, b) => a - b);
    if (!stopped && (resend.length > 0 || next < files.length)) spawn();
    feedAll();
  };

  const overdue = () => {
    const now = Date.now();
    for (const m of members) {
      const current = Atomics.load(m.state, CURRENT);
      if (m.retired || current < 0 || now - m.epoch - Atomics.load(m.state, STARTED) <= options.timeoutMs) continue;
      finish(current, fail(files[current], `timed out after ${options.timeoutMs / 1000} s (the time budget per file, --timeout)`));
      m.retired = true;
      void m.worker.terminate();
    }
  };
  const timer = setInterval(overdue, Math.min(250, Math.max(10, options.timeoutMs / 20)));
  // workers started while the command line was read, when they run this batch's task module
  const started = (options.started ?? []).filter((h) => h.module === options.module.href).slice(0, options.jobs);
  for (const h of options.started ?? []) if (!started.includes(h)) void h.worker.terminate();
  for (const h of started) spawn(h);
  for (let j = started.length; j < options.jobs; j++) spawn();

  return {
    /** the consumer took every file before `count`: assign further ahead */
    emitted(count: number) {
      emitted = count;
      feedAll();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      const all = [...members];
      all.forEach((m) => (m.retired = true));
      await Promise.all(all.map((m) => m.worker.terminate()));
    },
  };
}

/** The compiled host next to this module (vitest runs the sources; workers always run the build). */
function hostUrl(): URL {
  const here = new URL('./host.js', import.meta.url);
  return here.pathname.includes('/dist/') ? here : new URL(here.href.replace(/\/src\/batch\/host\.js$/, '/dist/src/batch/host.js'));
}
