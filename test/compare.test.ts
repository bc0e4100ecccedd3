import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/context.js';

const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), ...args], { encoding: 'utf8', cwd: root });

describe('notices compare', () => {
  it('one row per notice with targets, allocations, subsidies and similarity to the national notice', () => {
    const r = run('compare', join(root, 'seeds'));
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(5);
    const hlj = rows.find((x: { fileNumber: string }) => x.fileNumber === '黑人社发〔2022〕18号');
    expect(hlj.province).toBe('黑龙江省');
    expect(hlj.allocated).toEqual([19.67]);
    expect(hlj.subsidyAmounts).toEqual([200, 500, 1000, 1000, 500]);
    expect(hlj.similarity).toBeGreaterThan(0.3);
    expect(hlj.similarity).toBeLessThan(1);
    const nat = rows.find((x: { level: string }) => x.level === 'national');
    expect(nat.similarity).toBeNull();
  });
  it('CSV has a header and one line per notice; HTML is a standalone page', () => {
    const csv = run('compare', join(root, 'seeds'), '--format', 'csv').stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^path,documentIndex,fileNumber,province/);
    expect(csv).toHaveLength(6);
    const html = run('compare', join(root, 'seeds'), '--format', 'html').stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('吉人社联〔2022〕81号');
  });
});
