import type { Failure } from '../util/result.js';

/** One line per bad input, naming the path and the reason; never a stack trace. */
export function reportFailure(f: Failure): void {
  process.stderr.write(`notices: ${f.path}: ${f.reason}\n`);
}

/** A counter on stderr for long batches; silent when stderr is not a terminal or with --quiet. */
export function progress(total: number, quiet: boolean) {
  const live = !quiet && process.stderr.isTTY && total > 1;
  let done = 0;
  return {
    tick(label: string) {
      done++;
      if (live) process.stderr.write(`\r\x1b[K[${done}/${total}] ${label.slice(-60)}`);
    },
    end() {
      if (live) process.stderr.write('\r\x1b[K');
    },
  };
}
