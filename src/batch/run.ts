import { availableParallelism } from 'node:os';
import { fail, type Failure } from '../util/result.js';

/** What a file becomes: its records, or one failure naming the path and the reason. */
export type Outcome<T> = ({ ok: true; path: string } & T) | Failure;

export interface BatchOptions {
  /** worker threads (default: the machine's cores) */
  jobs?: number;
  /** time budget per file in milliseconds, counted from when a worker takes it */
  timeoutMs?: number;
  /** the worker module (default: ./worker.js, the document pipeline) */
  worker?: URL;
  /** what every worker task carries besides the path (e.g. the reading limits) */
  task?: Record<string, unknown>;
  /** fewer files than this run in this thread, without a pool (default 8) */
  poolFrom?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const POOL_FROM = 8;
/**
 * The young generation of each worker's heap. A document's garbage is short-lived (texts, maps,
 * match arrays): a small nursery is swept often and cheaply and keeps each worker's RSS flat
 * (V8's default lets it grow to 16–32 MB per semi-space per worker).
 */
const YOUNG_GENERATION_MB = Number(process.env.NOTICES_YOUNG_MB ?? 4);
/** Finished results held back until every earlier file is done, per worker (bounds memory). */
const AHEAD_PER_JOB = 16;

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/**
 * Runs `inProcess` or a worker over every file and yields the outcomes in input order. With a
 * pool, each file is isolated: a worker that throws, dies or overruns the time budget becomes
 * that file's failure (the worker is replaced) and the batch goes on.
 */
export async function* runBatch<T>(files: string[], inProcess: (path: string) => Promise<Outcome<T>>, options: BatchOptions = {}): AsyncGenerator<Outcome<T>> {
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  if (files.length < (options.poolFrom ?? POOL_FROM)) {
    for (const path of files) yield await inProcess(path);
    return;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: (options.worker ?? workerUrl()).href,
    minThreads: jobs,
    maxThreads: jobs,
    concurrentTasksPerWorker: 1,
    idleTimeout: 1_000,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const done = new Map<number, Outcome<T>>();
  let wake: (() => void) | null = null;
  let submitted = 0;
  let emitted = 0;
  let running = 0;
  const start = (i: number) => {
    running++;
    runTask<T>(pool, files[i], options.task ?? {}, timeoutMs).then((outcome) => {
      running--;
      done.set(i, outcome);
      wake?.();
    });
  };
  // keep every worker busy, but never run too far ahead of the file to emit next
  const fill = () => {
    while (running < jobs && submitted < files.length && submitted - emitted < jobs * AHEAD_PER_JOB) start(submitted++);
  };
  try {
    while (emitted < files.length) {
      fill();
      while (done.has(emitted)) {
        const outcome = done.get(emitted)!;
        done.delete(emitted++);
        yield outcome;
      }
      // emitting made room ahead: submit again before waiting, or nothing may be left to wake us
      fill();
      if (emitted < files.length && !done.has(emitted)) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    await pool.destroy();
  }
}

/** One task with its own time budget: running ≤ jobs, so a submitted task starts at once. */
async function runTask<T>(pool: import('piscina').Piscina, path: string, task: Record<string, unknown>, timeoutMs: number): Promise<Outcome<T>> {
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  try {
    const result: unknown = await pool.run({ ...task, path }, { signal: abort.signal });
    // the document worker answers with JSON text (see worker.ts); another worker module may answer with the value
    return (typeof result === 'string' ? JSON.parse(result) : result) as Outcome<T>;
  } catch (e) {
    if (timedOut) return fail(path, `timed out after ${formatSeconds(timeoutMs)} s (the time budget per file, --timeout)`);
    return fail(path, `worker crashed: ${((e as Error)?.message ?? String(e)).split('\n')[0]}`);
  } finally {
    clearTimeout(timer);
  }
}

const formatSeconds = (ms: number) => String(ms / 1000);

/** The compiled worker next to this module (vitest runs the sources; workers always run the build). */
function workerUrl(): URL {
  const here = new URL('./worker.js', import.meta.url);
  return here.pathname.includes('/dist/') ? here : new URL(here.href.replace(/\/src\/batch\/worker\.js$/, '/dist/src/batch/worker.js'));
}
