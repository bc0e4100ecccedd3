/**
 * Output into a pipe whose reader has gone (`notices extract seeds | head -c 10`): the reader took
 * what it wanted, so the run ends quietly with exit 0, as `cat` and `seq` do — no stack trace, no
 * "internal error". Any other write error on stdout is a real failure, named in one line.
 */

/** The error codes of a write to a pipe or socket that the reader closed. */
const CLOSED = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

export const isClosedPipe = (e: unknown): boolean => CLOSED.has((e as NodeJS.ErrnoException | null)?.code ?? '');

/** Installs the handler once per process, on stdout (where every verb writes its output). */
export function endQuietlyWhenPipeCloses(stream: NodeJS.WriteStream = process.stdout): void {
  if (stream.listeners('error').includes(onError)) return;
  stream.on('error', onError);
}

function onError(e: Error): void {
  if (isClosedPipe(e)) process.exit(0);
  process.stderr.write(`notices: cannot write the output: ${e.message}\n`);
  process.exit(74); // EX_IOERR
}
