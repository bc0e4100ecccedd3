import { spawnSync } from 'node:child_process';

/**
 * Text → GB18030 bytes. Node's TextDecoder reads GB18030 but there is no encoder; Python 3 (on
 * every machine the project runs on) has one.
 */
export function gb18030(text: string): Buffer {
  const r = spawnSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gb18030"))'], { input: text });
  if (r.status !== 0) throw new Error(`python3 could not encode GB18030: ${r.stderr}`);
  return r.stdout;
}
