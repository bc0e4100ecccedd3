import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/document.js';
import { runBatch, type Outcome } from '../src/batch/run.js';
import { asTexts } from '../src/emit/record-text.js';
import { root, SEEDS, seedPath } from './helpers/context.js';

const flaky = new URL('./fixtures/workers/flaky.mjs', import.meta.url);
const collect = async <T>(it: AsyncGenerator<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const never = async (path: string): Promise<Outcome<{ records: string[] }>> => ({ ok: false, path, reason: 'ran in process' });

describe('batch runner (worker pool)', () => {
  it('yields outcomes in input order even when later files finish first', async () => {
    const files = ['a.slow', 'b', 'c.slow', 'd', 'e', 'f.slow', 'g', 'h', 'i', 'j'];
    const out = await collect(runBatch(files, never, { jobs: 3, worker: flaky, poolFrom: 1 }));
    expect(out.map((o) => o.path)).toEqual(files);
    expect(out.every((o) => o.ok)).toBe(true);
    expect(out.map((o) => (o.ok ? o.records[0] : null))).toEqual(files.map((f) => f.toUpperCase()));
  });

  it('goes on past the look-ahead window (many more files than workers)', async () => {
    // the first file holds one worker while the other fills the window; when it is done, everything
    // submitted is done too, and the runner must submit more before it waits again
    const files = Array.from({ length: 100 }, (_, i) => (i === 0 ? `f${i}.slow` : `f${i}`));
    const out = await collect(runBatch(files, never, { jobs: 2, worker: flaky, poolFrom: 1 }));
    expect(out.map((o) => o.path)).toEqual(files);
    expect(out.every((o) => o.ok)).toBe(true);
  });

  it('a worker that throws, dies or overruns its budget becomes that file’s failure; the batch goes on', async () => {
    const files = ['a', 'b.throw', 'c', 'd.exit', 'e', 'f.hang', 'g'];
    const out = await collect(runBatch(files, never, { jobs: 2, worker: flaky, poolFrom: 1, timeoutMs: 1500 }));
    expect(out.map((o) => o.path)).toEqual(files);
    expect(out.filter((o) => o.ok).map((o) => o.path)).toEqual(['a', 'c', 'e', 'g']);
    const reason = (p: string) => out.find((o) => o.path === p && !o.ok) as { reason: string };
    expect(reason('b.throw').reason).toBe('worker crashed: boom in the extractor');
    expect(reason('d.exit').reason).toMatch(/^worker crashed: .*exit/i);
    expect(reason('f.hang').reason).toBe('timed out after 1.5 s (the time budget per file, --timeout)');
  });

  it('the files queued on a worker that dies or overruns its budget still run, each once, on its replacement', async () => {
    // one worker holds the file it runs and the next: both deaths leave a queued file behind
    const files = ['a.exit', 'b', 'c.hang', 'd', 'e'];
    const out = await collect(runBatch(files, never, { jobs: 1, worker: flaky, poolFrom: 1, timeoutMs: 500 }));
    expect(out.map((o) => o.path)).toEqual(files);
    expect(out.map((o) => (o.ok ? o.records[0] : o.reason))).toEqual([
      'worker crashed: the worker exited with code 3',
      'B',
      'timed out after 0.5 s (the time budget per file, --timeout)',
      'D',
      'E',
    ]);
  });

  it('a task module that cannot load fails each file with the reason, and the batch ends', async () => {
    const broken = new URL('./fixtures/workers/broken.mjs', import.meta.url);
    const out = await collect(runBatch(['a', 'b', 'c'], never, { jobs: 2, worker: broken, poolFrom: 1 }));
    expect(out).toEqual(['a', 'b', 'c'].map((path) => ({ ok: false, path, reason: 'worker crashed: cannot load the task module' })));
  });

  it('below the pool threshold the files run in this thread', async () => {
    const out = await collect(runBatch(['x', 'y'], never, { worker: flaky }));
    expect(out).toEqual([
      { ok: false, path: 'x', reason: 'ran in process' },
      { ok: false, path: 'y', reason: 'ran in process' },
    ]);
  });

  it('the pool gives the same records as the single-threaded pipeline (the compiled worker)', async () => {
    const files = Object.values(SEEDS).map(seedPath);
    const pooled = await collect(runBatch(files, processFile, { jobs: 2, poolFrom: 1 }));
    const inline = await Promise.all(files.map((f) => processFile(f)));
    expect(pooled).toEqual(inline);
  });

  it('asked for text, the pool hands back each record as its JSON Lines line or JSON array element', async () => {
    const files = Object.values(SEEDS).map(seedPath);
    const inline = await Promise.all(files.map((f) => processFile(f)));
    const lines = await collect(runBatch(files, never, { jobs: 2, poolFrom: 1, task: { form: 'jsonl' } }));
    const elements = await collect(runBatch(files, never, { jobs: 2, poolFrom: 1, task: { form: 'json-array' } }));
    inline.forEach((r, i) => {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      // one line per record: the record's JSON and a newline; one element per record: its indented JSON
      expect(lines[i]).toEqual({ ok: true, path: r.path, texts: r.records.map((x) => JSON.stringify(x) + '\n') });
      expect(elements[i]).toEqual({ ok: true, path: r.path, texts: r.records.map((x) => '  ' + JSON.stringify(x, null, 2).split('\n').join('\n  ')) });
    });
    // a failure stays a failure, whatever the form
    expect(asTexts({ ok: false, path: 'x', reason: 'empty file' }, 'jsonl')).toEqual({ ok: false, path: 'x', reason: 'empty file' });
  });
});

describe('notices extract --jobs / --timeout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notices-batch-'));
  for (let k = 0; k < 3; k++) for (const name of Object.values(SEEDS)) cpSync(seedPath(name), join(dir, `${k}_${name}`));
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), ...args], { encoding: 'utf8' });

  it('a batch over the pool prints the same JSON Lines as one thread', () => {
    const one = cli('extract', dir, '--format', 'jsonl', '--jobs', '1');
    const two = cli('extract', dir, '--format', 'jsonl', '--jobs', '2');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split('\n')).toHaveLength(15); // 12 files, seed 000 holds two documents
  });

  it('the JSON array on stdout is the same records, printed as JSON.stringify(records, null, 2), from the pool as from this thread', () => {
    const records = cli('extract', dir, '--format', 'jsonl', '--jobs', '2').stdout.trim().split('\n').map((l) => JSON.parse(l));
    const expected = JSON.stringify(records, null, 2) + '\n';
    expect(cli('extract', dir, '--jobs', '2').stdout).toBe(expected);
    // fewer than 8 files run in the main thread: the same bytes
    const few = Object.values(SEEDS).slice(0, 3).map(seedPath);
    const fewRecords = cli('extract', ...few, '--format', 'jsonl').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(cli('extract', ...few).stdout).toBe(JSON.stringify(fewRecords, null, 2) + '\n');
  });

  it('workers started while the command line is read do not keep a refused command running', () => {
    // the folder holds 12 files, so the workers start before the handler refuses sqlite without --out
    // and returns (no process.exit: only the workers could keep the process alive)
    const r = spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'extract', dir, '--format', 'sqlite'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('notices: --format sqlite needs --out DIR\n');
  });

  it('every file over its time budget gets one error line naming it, and the exit code is 1', () => {
    const r = cli('extract', dir, '--format', 'jsonl', '--timeout', '0.001');
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(line).toMatch(new RegExp(`^notices: ${dir}/\\d_\\d{3}_\\w+\\.txt: timed out after 0.001 s \\(the time budget per file, --timeout\\)$`));
  });
});
