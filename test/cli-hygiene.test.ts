import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryRefusal, looksLike } from '../src/read/file-kind.js';
import { describeSkipped } from '../src/cli/paths.js';
import { formatText } from '../src/check/format/text.js';
import type { LocatedFinding } from '../schemas/finding.js';
import { root, SEEDS, seedPath } from './helpers/context.js';

const bin = join(root, 'bin', 'notices.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

/** Runs the CLI with stdout read by a reader that closes after `bytes` bytes (`| head -c N`). */
function pipedInto(bytes: number, ...args: string[]): Promise<{ code: number | null; stderr: string; got: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let got = 0;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (got >= bytes) child.stdout.destroy(); // the reader has what it wanted and goes away
    });
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

/** A folder with one seed, an ELF program renamed .pdf, and files a walk must skip (not notice formats). */
function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'notices-mixed-'));
  copyFileSync(seedPath(SEEDS.jilin), join(dir, 'jilin.txt'));
  // the ELF header: 0x7f 'E' 'L' 'F', 64-bit, little-endian, then zeros (binary by its NUL bytes)
  const elf = new Uint8Array(64);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  writeFileSync(join(dir, 'fake.pdf'), elf);
  writeFileSync(join(dir, 'tool.exe'), elf);
  writeFileSync(join(dir, 'meta.json'), '{}\n');
  writeFileSync(join(dir, 'more.json'), '[]\n');
  return dir;
}

describe('closed pipes end quietly', () => {
  // each of these prints far more than 10 bytes; the reader leaves after 10 (`| head -c 10`)
  for (const args of [['extract', 'seeds'], ['extract', 'seeds', '--format', 'jsonl'], ['check', 'seeds', '--format', 'json'], ['report', 'seeds']]) {
    it(`notices ${args.join(' ')} | head -c 10: exit 0, nothing on stderr`, async () => {
      const r = await pipedInto(10, ...args);
      expect(r.got).toBeGreaterThanOrEqual(10);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  }
});

describe('option values are checked (usage error, exit 2)', () => {
  for (const [option, value, says] of [
    ['--jobs', '-3', /--jobs: expected a whole number ≥ 1, got "-3"/],
    ['--jobs', '0', /--jobs: expected a whole number ≥ 1, got "0"/],
    ['--jobs', '1.5', /--jobs: expected a whole number ≥ 1/],
    ['--timeout', 'abc', /--timeout: expected a number > 0, got "abc"/],
    ['--timeout', '0', /--timeout: expected a number > 0/],
    ['--ocr-max-pages', '-1', /--ocr-max-pages: expected a whole number ≥ 0/],
  ] as const) {
    it(`extract ${option} ${value}`, () => {
      const r = run('extract', seedPath(SEEDS.jilin), option, value);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(says);
      expect(r.stdout).toBe('');
    });
  }

  it('a good value still runs (--jobs 2 --timeout 30 on one file)', () => {
    const r = run('extract', seedPath(SEEDS.jilin), '--jobs', '2', '--timeout', '30', '--quiet');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('check --max-warnings takes -1 and up, not 1.5', () => {
    expect(run('check', seedPath(SEEDS.jilin), '--max-warnings', '1.5').status).toBe(2);
  });

  it('a verb without paths says what is missing in plain words', () => {
    const r = run('extract');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('notices: name the file(s) or folder(s) to read');
  });

  it('a mistyped verb gets a suggestion', () => {
    const r = run('extrct', 'seeds');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Did you mean extract\?/);
  });
});

describe('help', () => {
  for (const verb of ['extract', 'check', 'compare', 'diff', 'report']) {
    it(`${verb} --help shows no type labels and describes every option`, () => {
      const help = run(verb, '--help').stdout;
      expect(help).not.toMatch(/\[(array|string|number|boolean|required)\]|\[default:/);
      // every option line (`  --name   description`) carries a description on its line
      const options = help.split('\n').filter((l) => /^\s{1,8}(-\w, )?--[\w-]+/.test(l));
      expect(options.length).toBeGreaterThan(2);
      for (const line of options) expect(line, line).toMatch(/^\s+(-\w, )?--[\w-]+\s{2,}\S/);
    });
  }
});

describe('messages', () => {
  it('a missing file reads the same in extract and diff', () => {
    const missing = join(root, 'no-such-notice.txt');
    const extract = run('extract', missing);
    const diff = run('diff', missing, '--against', seedPath(SEEDS.guangdong));
    const line = `notices: ${missing}: no such file or directory`;
    expect(extract.stderr.split('\n')).toContain(line);
    expect(diff.stderr.split('\n')).toContain(line);
    expect([extract.status, diff.status]).toEqual([1, 1]);
  });

  it('bytes that contradict the extension are named: not a PDF (starts like an ELF executable)', () => {
    const dir = mixedFolder();
    const r = run('extract', join(dir, 'fake.pdf'));
    expect(r.stderr).toContain(`${join(dir, 'fake.pdf')}: not a PDF (starts like an ELF executable)`);
    expect(r.status).toBe(1);
  });

  it('files a folder walk skips are counted in the summary line', () => {
    const dir = mixedFolder();
    const out = join(mkdtempSync(join(tmpdir(), 'notices-out-')), 'out.json');
    const fd = openSync(out, 'w');
    // stdout to a file (not a pipe): the summary line is printed
    const r = spawnSync(process.execPath, [bin, 'extract', dir], { encoding: 'utf8', cwd: root, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(r.status).toBe(1); // fake.pdf
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(1);
    const lines = r.stderr.trim().split('\n');
    // jilin.txt and fake.pdf read (fake.pdf failed), tool.exe, meta.json, more.json skipped
    expect(lines.at(-1)).toBe(
      'notices: read 2 files (1 document); wrote 1 record to stdout; 1 input could not be read; skipped 3 files of unknown type: .exe, .json',
    );
  });

  it('schema ends with a summary line like every verb: what it wrote; none with --quiet or into a pipe', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'notices-out-')), 'schemas.json');
    const fd = openSync(out, 'w');
    const r = spawnSync(process.execPath, [bin, 'schema'], { encoding: 'utf8', cwd: root, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(r.status).toBe(0);
    // the four published schemas (schemas/index.ts): notice, finding, located-finding, diff
    const names = Object.keys(JSON.parse(readFileSync(out, 'utf8')) as object);
    expect(names).toEqual(['notice', 'finding', 'located-finding', 'diff']);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^notices: wrote 4 JSON Schemas \(notice, finding, located-finding, diff; schema version 1, revision \d+\) to stdout\n$/);
    expect(run('schema', '--quiet').stderr).toBe('');
    // spawnSync's stdout is a pipe: as `notices schema | jq`, nothing lands on stderr
    expect(run('schema').stderr).toBe('');
  });

  it('--quiet drops the summary, not the failure lines', () => {
    const dir = mixedFolder();
    const r = run('extract', dir, '--quiet', '--out', join(dir, 'out'));
    expect(r.stderr.trim().split('\n')).toEqual([`notices: ${join(dir, 'fake.pdf')}: not a PDF (starts like an ELF executable)`]);
  });

  it('check ends with a summary that counts unreadable inputs, and exits 1 for them', () => {
    const dir = mixedFolder();
    const r = run('check', dir, '--quiet');
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ findings \(0 errors, \d+ warnings, \d+ info\); 1 input could not be read/);
    expect(r.status).toBe(1);
  });

  it('looksLike and binaryRefusal by hand', () => {
    expect(looksLike(Uint8Array.from([0x4d, 0x5a, 0x90, 0]))).toBe('a Windows executable');
    expect(looksLike(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toBe('a gzip archive');
    expect(looksLike(Uint8Array.from([0, 1, 2, 3]))).toBeNull();
    expect(binaryRefusal('x.PNG', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46]))).toBe('not a PNG image (starts like an ELF executable)');
    expect(binaryRefusal('x.txt', Uint8Array.from([0, 0, 0, 0]))).toBe('not text (binary content no reader recognises)');
    expect(describeSkipped([])).toBeNull();
    expect(describeSkipped(['a/x.JSON', 'b/README'])).toBe('skipped 2 files of unknown type: (no extension), .json');
  });
});

describe('check text output', () => {
  const f = (path: string, documentIndex: number, line: number | null, rule = 'r'): LocatedFinding => ({
    path, documentIndex, fileNumber: documentIndex ? 'N〔2022〕1号' : 'P〔2022〕2号', rule, severity: 'warning', message: `m${line}`,
    span: line === null ? null : { line, column: 1 }, data: {},
  });

  it('groups by document (file#N where a file holds several) and sorts each by line', () => {
    const text = formatText([f('a.txt', 0, 82), f('a.txt', 0, 25), f('a.txt', 1, 194), f('b.txt', 0, 9), f('a.txt', 0, null)]);
    const heads = text.split('\n').filter((l) => l && !l.startsWith(' ') && !/findings/.test(l));
    expect(heads).toEqual(['a.txt#0  P〔2022〕2号', 'a.txt#1  N〔2022〕1号', 'b.txt  P〔2022〕2号']);
    const firstBlock = text.split('\n\n')[0].split('\n').slice(1).map((l) => l.trim().split(/\s+/)[0]);
    expect(firstBlock).toEqual(['0:0', '25:1', '82:1']);
  });

  it('seeds: 000 is two blocks, and every block is sorted by line', () => {
    const r = run('check', 'seeds', '--quiet');
    const blocks = r.stdout.trim().split('\n\n').slice(0, -1);
    expect(blocks.map((b) => b.split('\n')[0].split('  ')[0])).toEqual(
      expect.arrayContaining([`seeds/${SEEDS.guangdong}#0`, `seeds/${SEEDS.guangdong}#1`]),
    );
    for (const b of blocks) {
      const lines = b.split('\n').slice(1).map((l) => Number(l.trim().split(':')[0]));
      expect(lines).toEqual([...lines].sort((x, y) => x - y));
    }
  });
});
