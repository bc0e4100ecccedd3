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

describe('numbering followed across the text', () => {
  it('clauses run together inside each section line (seed 002)', async () => {
    const src = readFileSync(seedPath(SEEDS.shandong), 'utf8');
    // join every clause line onto its section heading's line
    const joined = src.replace(/\n(?=（[一二三四五六七八九十]+）)/g, '');
    expect(joined.split('\n').filter((l) => /^（[一二三四五六七八九十]+）/.test(l)).length).toBe(0);
    const [r] = await extract(joined);
    const [orig] = await seedRecords(SEEDS.shandong);
    expect(summary(r)).toEqual(summary(orig));
  });

  it('an enumeration inside a clause is not a clause', async () => {
    const text =
      '测人社发〔2022〕1号\n\n测试省人力资源和社会保障厅关于做好测试工作的通知\n\n各市人力资源社会保障局：\n\n一、总体要求\n\n（一）稳定规模。做好工作。\n\n（二）聚焦重点。重点包括：（一）重点帮扶县；（二）易地搬迁安置区。\n\n（三）落实政策。落实好各项政策。\n\n测试省人力资源和社会保障厅\n\n2022年4月1日\n';
    const [r] = await extract(text);
    expect(r.sections[0].clauses.map((c) => c.number)).toEqual(['一', '二', '三']);
  });
});

describe('a whole notice on one line', () => {
  it('seed 001 with every line break removed: the same record, signing bodies included', async () => {
    const src = readFileSync(seedPath(SEEDS.jilin), 'utf8').replace(/\s*\n\s*/g, '');
    const [r] = await extract(src);
    const [orig] = await seedRecords(SEEDS.jilin);
    expect(summary(r)).toEqual(summary(orig));
  });
});
