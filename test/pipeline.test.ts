import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/context.js';

const runDefault = (out: string) => spawnSync(process.execPath, [join(root, 'dist', 'pipelines', 'default.js'), join(root, 'seeds'), out, '--quiet'], { encoding: 'utf8' });

describe('npm start (pipelines/default.ts)', () => {
  const out = mkdtempSync(join(tmpdir(), 'notices-start-'));
  writeFileSync(join(out, 'gone.0.json'), '{}'); // left by an earlier run over a notice since removed
  const first = runDefault(out);

  it('writes every output of the main job', () => {
    expect(first.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '000_7dc2baf39b3a8626.0.json',
      '000_7dc2baf39b3a8626.1.json',
      '001_73b8f0cfdb9dd94c.0.json',
      '002_bdd7c925ac202672.0.json',
      '004_d97d9c69bb401369.0.json',
      'check.sarif',
      'compare.html',
      'diffs',
      'notices.jsonl',
      'notices.sqlite',
      'report.html',
    ]);
    expect(readdirSync(join(out, 'diffs'))).toHaveLength(4);
    expect(readFileSync(join(out, 'notices.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
    expect(JSON.parse(readFileSync(join(out, 'check.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('the store holds the seeds, their findings and diffs, and a second run gives the same', () => {
    const counts = () => {
      const db = new Database(join(out, 'notices.sqlite'), { readonly: true });
      const c = ['documents', 'findings', 'diffs', 'table_rows'].map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get());
      db.close();
      return c;
    };
    const before = counts();
    expect(before[0]).toBe(5);
    expect(before[2]).toBe(4);
    expect(runDefault(out).status).toBe(0);
    expect(counts()).toEqual(before);
  });

  it('is deterministic: the records and the report of two runs are byte-identical', () => {
    const a = readFileSync(join(out, 'notices.jsonl'), 'utf8');
    const report = readFileSync(join(out, 'report.html'));
    runDefault(out);
    expect(readFileSync(join(out, 'notices.jsonl'), 'utf8')).toBe(a);
    expect(readFileSync(join(out, 'report.html')).equals(report)).toBe(true);
  });
});
