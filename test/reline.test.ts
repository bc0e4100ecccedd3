import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sourceFromBytes } from '../src/read/source.js';
import { processSource } from '../pipelines/document.js';
import { SEEDS, seedPath, seedRecords } from './helpers/context.js';

async function extract(text: string) {
  const read = await sourceFromBytes('variant.txt', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}

const summary = (r: Awaited<ReturnType<typeof seedRecords>>[number]) => ({
  fileNumber: r.fileNumber?.normalized,
  title: r.title,
  issuers: r.issuers.map((i) => i.name),
  region: r.region?.name,
  signedDate: r.signedDate,
  disclosure: r.disclosure,
  sections: r.sections.length,
  clauses: r.sections.reduce((n, s) => n + s.clauses.length, 0),
  targets: r.targets.map((t) => t.value),
  keyRegions: r.keyRegions.map((k) => k.count),
  policyMentions: r.policyMentions,
});

describe('text variants of the seeds give the same record', () => {
  it('run-on text: every line break removed (seed 002 up to its annexes)', async () => {
    const src = readFileSync(seedPath(SEEDS.shandong), 'utf8');
    const body = src.split('附件1\n')[0];
    const [r] = await extract(body.replace(/\s*\n\s*/g, ''));
    const [orig] = await seedRecords(SEEDS.shandong);
    expect(summary(r)).toEqual(summary(orig));
  });

  it('run-on text keeps spans pointing into the source', async () => {
    const src = readFileSync(seedPath(SEEDS.heilongjiang), 'utf8').split('附件 1:')[0].replace(/\n+/g, '');
    const [r] = await extract(src);
    expect(r.fileNumber?.normalized).toBe('黑人社发〔2022〕18号');
    const c = r.sections[6].clauses[0];
    expect(c.number).toBe('十五');
    expect(src.slice(c.span.column - 1, c.span.column + 3)).toBe('(十五)');
  });

  it('half-width punctuation and brackets', async () => {
    const src = readFileSync(seedPath(SEEDS.shandong), 'utf8');
    const hw = src.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';').replace(/〔/g, '[').replace(/〕/g, ']');
    const [r] = await extract(hw);
    const [orig] = await seedRecords(SEEDS.shandong);
    expect(summary(r)).toEqual(summary(orig));
  });

  it('web-page noise around the notice', async () => {
    const src = readFileSync(seedPath(SEEDS.jilin), 'utf8');
    const noisy = `首页 > 政策文件 > 通知公告\n字号：大 中 小  打印本页\n发布时间：2022-05-01 浏览次数：1024\n\n${src}\n\n【打印】【关闭】\n扫一扫在手机打开当前页\n`;
    const [r] = await extract(noisy);
    const [orig] = await seedRecords(SEEDS.jilin);
    expect(summary(r)).toEqual(summary(orig));
  });
});
