import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, SEEDS, seedPath } from './helpers/context.js';

const bin = join(root, 'bin', 'notices.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

function badBatch() {
  const dir = mkdtempSync(join(tmpdir(), 'notices-bad-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
  writeFileSync(join(dir, 'shopping.txt'), '买牛奶\n买鸡蛋\n');
  writeFileSync(join(dir, 'truncated.pdf'), '%PDF-1.7\n1 0 obj <<');
  copyFileSync(seedPath(SEEDS.jilin), join(dir, 'jilin.txt'));
  mkdirSync(join(dir, 'nothing-here'));
  return dir;
}

describe('notices extract', () => {
  it('prints a JSON array of records for a folder', () => {
    const r = run('extract', join(root, 'seeds'));
    expect(r.status).toBe(0);
    const records = JSON.parse(r.stdout);
    expect(records).toHaveLength(5);
    expect(records.map((x: { fileNumber: { normalized: string } }) => x.fileNumber.normalized)).toContain('人社部发〔2022〕13号');
  });

  it('reports each bad input on one line, exits non-zero, and still extracts the good file', () => {
    const dir = badBatch();
    const r = run('extract', dir, join(dir, 'nothing-here'));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.find((l) => l.includes('empty.txt'))).toMatch(/empty file/);
    expect(lines.find((l) => l.includes('binary.txt'))).toMatch(/binary/);
    expect(lines.find((l) => l.includes('shopping.txt'))).toMatch(/not a notice/);
    expect(lines.find((l) => l.includes('truncated.pdf'))).toMatch(/PDF/);
    expect(lines.find((l) => l.includes('nothing-here'))).toMatch(/no notice files/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
    const records = JSON.parse(r.stdout);
    expect(records.map((x: { fileNumber: { normalized: string } }) => x.fileNumber.normalized)).toEqual(['吉人社联〔2022〕81号']);
  });

  it('writes per-document JSON and notices.jsonl with --out', () => {
    const out = mkdtempSync(join(tmpdir(), 'notices-out-'));
    const r = run('extract', seedPath(SEEDS.guangdong), '--out', out);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['000_7dc2baf39b3a8626.0.json', '000_7dc2baf39b3a8626.1.json', 'notices.jsonl']);
    const lines = readFileSync(join(out, 'notices.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).source.documentIndex)).toEqual([0, 1]);
  });

  it('streams JSON Lines to stdout', () => {
    const r = run('extract', join(root, 'seeds'), '--format', 'jsonl');
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('is deterministic', () => {
    expect(run('extract', join(root, 'seeds')).stdout).toBe(run('extract', join(root, 'seeds')).stdout);
  });

  it('reads a GB18030-encoded copy of a seed the same as the UTF-8 original', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-gbk-'));
    const text = readFileSync(seedPath(SEEDS.shandong), 'utf8');
    // Node has no GB18030 encoder; glibc's iconv (always on Debian) makes the bytes
    const gb = encodeGb18030(text);
    expect(gb).not.toBeNull();
    writeFileSync(join(dir, 'gbk.txt'), gb!);
    const a = JSON.parse(run('extract', join(dir, 'gbk.txt')).stdout)[0];
    const b = JSON.parse(run('extract', seedPath(SEEDS.shandong)).stdout)[0];
    expect(a.title).toBe(b.title);
    expect(a.fileNumber.normalized).toBe(b.fileNumber.normalized);
  });
});

describe('notices schema', () => {
  it('prints the JSON Schemas', () => {
    const r = run('schema');
    expect(r.status).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(expect.arrayContaining(['notice', 'finding', 'diff']));
  });
  it('--help per verb', () => {
    expect(run('extract', '--help').stdout).toMatch(/--format/);
  });
});

/** Encodes text as GB18030 with iconv from the system, if present. */
function encodeGb18030(text: string): Buffer | null {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
  return r.status === 0 ? r.stdout : null;
}

describe('what counts as a notice', () => {
  it('a short notice with only a title, 主送机关 and plain paragraphs is one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-short-'));
    writeFileSync(join(dir, 'short.txt'), '关于做好春节期间值班工作的通知\n\n各区、各部门：\n\n春节将至，请各单位安排好值班人员，确保通信畅通。\n');
    const r = run('extract', join(dir, 'short.txt'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ title: '关于做好春节期间值班工作的通知', addressees: ['各区', '各部门'] });
  });
  it('a line that merely ends in 通知, with nothing else of a notice, is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-not-'));
    writeFileSync(join(dir, 'memo.txt'), '记得看通知\n\n明天买菜。\n');
    const r = run('extract', join(dir, 'memo.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/memo\.txt: not a notice/);
  });
});
