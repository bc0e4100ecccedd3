import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../src/compare/format.js';
import { compareRows } from '../src/compare/rows.js';
import { root, SEEDS, seedRecords } from './helpers/context.js';

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

  it('pairs each national allocation with the province figure it is read against, and counts findings by severity', () => {
    const rows = JSON.parse(run('compare', join(root, 'seeds')).stdout);
    const by = (fileNumber: string) => rows.find((x: { fileNumber: string }) => x.fileNumber === fileNumber);
    // 鲁人社字〔2022〕48号 sets 40.6万 (sent out) and 20.8万 (taken in); the national annexes allocate 17.88 and 20.8
    const shandong = by('鲁人社字〔2022〕48号');
    expect(shandong.allocations.map((a: { allocated: number; target: number }) => [a.allocated, a.target])).toEqual([
      [17.88, 40.6],
      [20.8, 20.8],
    ]);
    expect(shandong.ratio).toBe(2.271); // 40.6 / 17.88
    const jilin = by('吉人社联〔2022〕81号');
    expect(jilin.ratio).toBe(1.052); // 11.29 / 10.73
    expect(jilin.national).toBe('人社部发〔2022〕13号');
    // 黑人社发〔2022〕18号 prints no date and one amount without 元: two warnings
    expect(by('黑人社发〔2022〕18号').findings).toEqual({ error: 0, warning: 2, info: 0 });
    expect(by('黑人社发〔2022〕18号').subsidiesByKind.find((k: { kind: string }) => k.kind === '生产奖补').values).toEqual([1000, 500]);
  });
  it('CSV is UTF-8 with a BOM, a header with the overview columns and one line per notice; HTML is a standalone page', () => {
    const raw = spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'compare', join(root, 'seeds'), '--format', 'csv'], { cwd: root }).stdout as Buffer;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = raw.subarray(3).toString('utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^path,documentIndex,fileNumber,province,/);
    for (const column of ['date', 'targets', 'allocation', 'ratio', 'subsidiesByKind', 'keyRegions', 'similarity', 'unchanged', 'modified', 'added', 'removed', 'errors', 'warnings', 'infos']) {
      expect(csv[0].split(','), column).toContain(column);
    }
    expect(csv).toHaveLength(6);
    const html = run('compare', join(root, 'seeds'), '--format', 'html').stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('吉人社联〔2022〕81号');
  });

  it('CSV never lets a cell start a spreadsheet formula', async () => {
    const [jilin] = await seedRecords(SEEDS.jilin);
    const hostile = structuredClone(jilin);
    hostile.title = '=HYPERLINK("http://example.invalid","x")';
    hostile.subsidies[0].name = '@SUM(1+1)';
    hostile.keyRegions[0].kind = '+cmd';
    hostile.policyMentions = [];
    const csv = formatCsv(compareRows([hostile], new Map()));
    // a cell starts after the start of a line or a comma, optionally inside quotes
    expect(csv).not.toMatch(/(^|\n|,)"?[=+@-]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
    expect(csv).toContain("'@SUM(1+1): 1000元/人");
  });
});
