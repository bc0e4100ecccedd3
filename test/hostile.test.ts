// The hostile batch of issue 11: one folder of bad files next to good ones. Every bad file is
// named on stderr with its reason, every good one is extracted, each document gets its own
// output file, and a second run writes the same bytes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, SEEDS, seedPath } from './helpers/context.js';
import { gb18030 } from './helpers/encode.js';
import { docxBomb } from './helpers/zip.js';

// 200,000 blank lines before a notice, the figure (the layout pass is linear: seconds, not minutes)
const BLANK_LINES = Number(process.env.HOSTILE_BLANK_LINES ?? 200_000);

const dir = mkdtempSync(join(tmpdir(), 'notices-hostile-'));
const input = join(dir, 'batch');
const seed = (name: string) => readFileSync(seedPath(name));

/** name → bytes; the bad ones with the reason their stderr line must give. */
const bad: Record<string, [Uint8Array, RegExp]> = {
  'empty.txt': [new Uint8Array(0), /^empty file$/],
  // a PNG header and IHDR chunk: NUL bytes in the first few
  'photo.txt': [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), /^unreadable image \(/],
  'broken.pdf': [readFileSync(join(root, 'test', 'fixtures', 'pdf', '001_73b8f0cfdb9dd94c.pdf')).subarray(0, 20_000), /PDF/],
  'deep.html': [Buffer.from(`<!doctype html><html><body>${'<div>'.repeat(3000)}${seed(SEEDS.jilin)}${'</div>'.repeat(3000)}</body></html>`), /^HTML nested 3003 elements deep/],
  // 64 MiB of one character in a DOCX of about 64 KB: past the default 50 MB cap
  'bomb.docx': [docxBomb(64 * 1024 * 1024), /^DOCX unpacks to more than 50 MB/],
};

const good: Record<string, Uint8Array> = {
  ...Object.fromEntries(Object.values(SEEDS).map((s) => [`seeds/${s}`, seed(s)])),
  'a/notice.txt': seed(SEEDS.jilin),
  'b/notice.txt': seed(SEEDS.heilongjiang),
  // a download cut one byte into its last character (（完） ends in a 3-byte ）)
  'truncated-utf8.txt': Buffer.concat([seed(SEEDS.shandong), Buffer.from('（完）')]).subarray(0, -1),
  'gb18030.txt': gb18030(seed(SEEDS.heilongjiang).toString('utf8')),
  'blank-lines.txt': Buffer.concat([Buffer.alloc(BLANK_LINES, '\n'), seed(SEEDS.jilin)]),
};

const runInto = (out: string) => spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'extract', input, '--out', out, '--quiet'], { encoding: 'utf8', cwd: root });
const filesUnder = (d: string) => readdirSync(d, { recursive: true }).map(String).filter((f) => f.includes('.')).sort();

let first: ReturnType<typeof runInto>;
const out1 = join(dir, 'out1');
const out2 = join(dir, 'out2');

beforeAll(() => {
  for (const [name, bytes] of [...Object.entries(bad).map(([n, [b]]) => [n, b] as const), ...Object.entries(good)]) {
    mkdirSync(join(input, name, '..'), { recursive: true });
    writeFileSync(join(input, name), bytes);
  }
  first = runInto(out1);
});

describe('a hostile batch', () => {
  it('exits 1 and names every bad file on stderr, once, with its reason', () => {
    expect(first.status).toBe(1);
    const lines = first.stderr.trim().split('\n');
    expect(lines).toHaveLength(Object.keys(bad).length);
    for (const [name, [, reason]] of Object.entries(bad)) {
      const line = lines.find((l) => l.startsWith(`notices: ${join(input, name)}: `));
      expect(line, name).toBeDefined();
      expect(line!.slice(`notices: ${join(input, name)}: `.length)).toMatch(reason);
    }
  });

  it('extracts every good file: 10 records (the seeds give 5, one file holding two notices)', () => {
    const records = readFileSync(join(out1, 'notices.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(10);
    const fileNumbers = records.map((r) => `${r.source.path.slice(input.length + 1)} ${r.fileNumber?.normalized}`).sort();
    expect(fileNumbers).toEqual(
      [
        'a/notice.txt 吉人社联〔2022〕81号',
        'b/notice.txt 黑人社发〔2022〕18号',
        'blank-lines.txt 吉人社联〔2022〕81号',
        'gb18030.txt 黑人社发〔2022〕18号',
        `seeds/${SEEDS.guangdong} 粤人社发〔2022〕15号`,
        `seeds/${SEEDS.guangdong} 人社部发〔2022〕13号`,
        `seeds/${SEEDS.jilin} 吉人社联〔2022〕81号`,
        `seeds/${SEEDS.shandong} 鲁人社字〔2022〕48号`,
        `seeds/${SEEDS.heilongjiang} 黑人社发〔2022〕18号`,
        'truncated-utf8.txt 鲁人社字〔2022〕48号',
      ].sort(),
    );
    const cut = records.find((r) => r.source.path.endsWith('truncated-utf8.txt'));
    expect(cut.findings.map((f: { rule: string }) => f.rule)).toContain('encoding-repaired');
  });

  it('writes one output per document, nothing overwritten', () => {
    const json = filesUnder(out1).filter((f) => f.endsWith('.json'));
    expect(json).toEqual(
      [
        'a/notice.0.json',
        'b/notice.0.json',
        'blank-lines.0.json',
        'gb18030.0.json',
        `seeds/${SEEDS.guangdong.replace('.txt', '')}.0.json`,
        `seeds/${SEEDS.guangdong.replace('.txt', '')}.1.json`,
        `seeds/${SEEDS.jilin.replace('.txt', '')}.0.json`,
        `seeds/${SEEDS.shandong.replace('.txt', '')}.0.json`,
        `seeds/${SEEDS.heilongjiang.replace('.txt', '')}.0.json`,
        'truncated-utf8.0.json',
      ].sort(),
    );
  });

  it('gives byte-identical output on a second run', () => {
    const second = runInto(out2);
    expect(second.status).toBe(first.status);
    expect(second.stderr).toBe(first.stderr);
    expect(filesUnder(out2)).toEqual(filesUnder(out1));
    for (const f of filesUnder(out1)) expect(readFileSync(join(out2, f)).equals(readFileSync(join(out1, f))), f).toBe(true);
  });
});
