import { fail, type Failure, type Result } from '../util/result.js';

/** Extracts one file; should not reject (a failure is a value), but a rejection is caught anyway. */
export type FileRunner<T> = (file: string) => Promise<Result<T>>;

/** One input of a batch: a file to run, or the failure its path already gave (no such file, empty folder). */
export type BatchItem = string | Failure;

export interface InOrderOptions {
  /** How many files may be in flight at once (at least 1). */
  window?: number;
  /** Checked before each file is started: once aborted, the next pull rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Runs `run` over the files of `items` with up to `window` of them in flight, and yields every
 * item's result in input order, whatever order they finish in: a result that is ready early waits
 * in its slot. Nothing new is started until the caller pulls, so breaking out of a `for await`
 * loop stops the batch.
 *
 * This is the seam for a worker pool: in-process extraction is CPU-bound, so `extractFiles` uses
 * window 1 with the in-process runner; a pool passes its own runner (a call into a worker) and its
 * size as the window, and the order, back-pressure and error handling stay here.
 */
export async function* inOrder<T>(items: readonly BatchItem[], run: FileRunner<T>, options: InOrderOptions = {}): AsyncGenerator<Result<T>> {
  const window = Math.max(1, options.window ?? 1);
  const inFlight: Promise<Result<T>>[] = [];
  let next = 0;
  const refill = () => {
    options.signal?.throwIfAborted();
    while (next < items.length && inFlight.length < window) inFlight.push(start(items[next++], run));
  };
  refill();
  while (inFlight.length > 0) {
    yield await inFlight.shift()!;
    refill();
  }
}

function start<T>(item: BatchItem, run: FileRunner<T>): Promise<Result<T>> {
  if (typeof item !== 'string') return Promise.resolve(item);
  // a runner that throws anyway (a bug, a dead worker) still gives a value, so the batch goes on
  return Promise.resolve(item)
    .then(run)
    .catch((e: unknown) => fail(item, `internal error while extracting: ${(e as Error)?.message ?? e}`));
}
