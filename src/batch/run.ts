import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Host } from './pool.js';
import type { Failure } from '../util/result.js';

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
 * pool, each file is isolated: a worker that throws, dies or overruns the time budget becomes that
 * file's failure (the worker is replaced) and the batch goes on.
 */
export async function* runBatch<T>(files: string[], inProcess: (path: string) => Promise<Outcome<T>>, options: BatchOptions = {}): AsyncGenerator<Outcome<T>> {
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  if (files.length < (options.poolFrom ?? POOL_FROM)) {
    for (const h of takeStarted()) void h.worker.terminate();
    for (const path of files) yield await inProcess(path);
    return;
  }
  const started = takeStarted();
  const { startPool } = await import('./pool.js');
  const done = new Map<number, Outcome<T>>();
  let wake: (() => void) | null = null;
  const pool = startPool(
    files,
    { jobs, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, module: options.worker ?? workerUrl(), task: options.task ?? {}, youngMb: YOUNG_GENERATION_MB, ahead: jobs * AHEAD_PER_JOB, started },
    (index, outcome) => {
      // the document worker answers with JSON text (see worker.ts); another worker module may answer with the value
      done.set(index, (typeof outcome === 'string' ? JSON.parse(outcome) : outcome) as Outcome<T>);
      wake?.();
    },
  );
  try {
    for (let emitted = 0; emitted < files.length; ) {
      if (!done.has(emitted)) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      for (; done.has(emitted); emitted++) {
        const outcome = done.get(emitted)!;
        done.delete(emitted);
        yield outcome;
      }
      pool.emitted(emitted);
    }
  } finally {
    await pool.stop();
  }
}

/** The compiled worker next to this module (vitest runs the sources; workers always run the build). */
function workerUrl(): URL {
  const here = new URL('./worker.js', import.meta.url);
  return here.pathname.includes('/dist/') ? here : new URL(here.href.replace(/\/src\/batch\/worker\.js$/, '/dist/src/batch/worker.js'));
}

/** Workers started while the command line was read (prestartWorkers), until a batch takes them. */
let prestarted: Host[] = [];
const takeStarted = (): Host[] => prestarted.splice(0);

/**
 * Starts the document workers before the command line is parsed and the paths are listed, when the
 * arguments name a folder or 8 paths or more (a batch that will use the pool): a worker takes ~0.15 s
 * to load its modules, which then overlaps the main thread's own start-up instead of following it.
 * The workers do not hold the process open until a batch takes them; one that finds fewer files, or
 * another task module, stops them. `--jobs N` is read here as the CLI reads it (a whole number ≥ 1).
 */
export async function prestartWorkers(args: string[]): Promise<void> {
  const jobs = jobsArgument(args);
  if (jobs === null || !looksLikeBatch(args)) return;
  const { startHost } = await import('./pool.js');
  for (let j = 0; j < jobs; j++) {
    const host = startHost(workerUrl(), YOUNG_GENERATION_MB, null);
    host.worker.unref();
    prestarted.push(host);
  }
}

function jobsArgument(args: string[]): number | null {
  const at = args.findIndex((a) => a === '--jobs' || a.startsWith('--jobs='));
  if (at < 0) return defaultJobs();
  const value = args[at].startsWith('--jobs=') ? args[at].slice(7) : args[at + 1];
  return value !== undefined && /^[1-9]\d{0,3}$/.test(value) ? Number(value) : null;
}

/**
 * POOL_FROM paths or more, counting a folder's entries (a folder's own folders as one each): the
 * batch will very likely use the pool. An option's value (--out's folder) is not a path.
 */
function looksLikeBatch(args: string[]): boolean {
  const paths = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1].startsWith('-') && !args[i - 1].includes('=')));
  let count = 0;
  for (const p of paths) {
    count += entriesOf(p);
    if (count >= POOL_FROM) return true;
  }
  return false;
}

function entriesOf(path: string): number {
  try {
    return statSync(path).isDirectory() ? readdirSync(path).length : 1;
  } catch {
    return 1;
  }
}
