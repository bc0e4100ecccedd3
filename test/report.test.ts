import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { nationalFor } from '../src/diff/national.js';
import { excerptAt } from '../src/report/excerpt.js';
import { renderReport } from '../src/report/index.js';
import { reportModel } from '../src/report/model.js';
import { root, SEEDS, seedPath, seedRecords, sourceOf, textAt } from './helpers/context.js';

let guangdong: NoticeRecord;
let national: NoticeRecord;
let jilin: NoticeRecord;
let shandong: NoticeRecord;
let heilongjiang: NoticeRecord;
let all: NoticeRecord[];

beforeAll(async () => {
  [guangdong, national] = await seedRecords(SEEDS.guangdong);
  [jilin] = await seedRecords(SEEDS.jilin);
  [shandong] = await seedRecords(SEEDS.shandong);
  [heilongjiang] = await seedRecords(SEEDS.heilongjiang);
  all = [guangdong, national, jilin, shandong, heilongjiang];
});

/** A second national notice on another topic, and a province that cites it by file number. */
function anotherNational(): { other: NoticeRecord; follower: NoticeRecord } {
  const other = structuredClone(national);
  other.fileNumber = { ...other.fileNumber!, normalized: '人社部发〔2023〕7号', raw: '人社部发〔2023〕7号', year: 2023, serial: 7 };
  other.title = '关于另一项工作的通知';
  other.source = { ...other.source, path: 'other-national.txt', documentIndex: 0 };
  const follower = structuredClone(jilin);
  follower.source = { ...follower.source, path: 'follower.txt', documentIndex: 0 };
  follower.region = { name: '河北省', code: '130000' };
  follower.references = [{ fileNumber: '人社部发〔2023〕7号', title: null, relation: 'implements', span: null }];
  return { other, follower };
}

describe('the national notice a record implements', () => {
  it('is the one it cites by file number among several, else by title, else the one with a similar title; none for a national notice or another topic', () => {
    const { other, follower } = anotherNational();
    const records = [national, other, jilin, follower, heilongjiang];
    expect(nationalFor(follower, records)).toBe(other);
    expect(nationalFor(jilin, records)).toBe(national); // cites 人社部发〔2022〕13号
    // 黑龙江 cites 《关于做好2022年脱贫人口稳岗就业工作的通知》 by title only
    expect(nationalFor({ ...heilongjiang, references: heilongjiang.references.filter((r) => !r.fileNumber) }, records)).toBe(national);
    // no reference at all: its title says 关于做好2022年脱贫人口稳岗就业工作的通知 like the national one, not 关于另一项工作
    const citesNothing = { ...follower, references: [] };
    expect(nationalFor(citesNothing, [other, national, citesNothing])).toBe(national);
    // a notice on another topic is not paired with whatever national notice is among the inputs
    // (its body too: a body that reuses the national clauses would make it an adaptation, paired by content)
    const otherTopic = { ...citesNothing, title: '浙江省物价局、省财政厅关于城市道路占道、挖掘收费有关问题的通知', sections: [] };
    expect(nationalFor(otherTopic, [national, otherTopic])).toBeNull();
    expect(nationalFor(national, records)).toBeNull();
    expect(nationalFor(jilin, [jilin, shandong])).toBeNull();
  });
});

describe('report model', () => {
  it('puts national notices first, then the files in name order, whatever order they arrive in', () => {
    const labels = reportModel({ records: [heilongjiang, jilin, national, shandong, guangdong] }).entries.map((e) => e.label);
    expect(labels).toEqual(['全国', '广东省', '吉林省', '山东省', '黑龙江省']);
  });

  it('builds one matrix per national notice, each province under the one it cites', () => {
    const { other, follower } = anotherNational();
    const model = reportModel({ records: [national, other, jilin, follower, shandong] });
    expect(model.matrices).toHaveLength(2);
    const byNational = Object.fromEntries(model.matrices.map((m) => [m.national.record.fileNumber!.normalized, m.columns.map((c) => c.label)]));
    expect(byNational['人社部发〔2022〕13号']).toEqual(['吉林省', '山东省']);
    expect(byNational['人社部发〔2023〕7号']).toEqual(['河北省']);
  });

  it('lists a province with no national notice among the inputs without a diff', async () => {
    const model = reportModel({ records: [jilin, shandong] });
    expect(model.matrices).toEqual([]);
    expect(model.entries.every((e) => e.pairing === null && e.row.similarity === null)).toBe(true);
    const html = await renderReport({ records: [jilin, shandong] });
    expect(html.match(/输入中没有它贯彻的国家文件：不作比对/g)).toHaveLength(2);
    expect(html).toContain('输入中没有国家文件。');
  });

  it('gives notices of the same province distinct labels', () => {
    const second = structuredClone(jilin);
    second.source = { ...second.source, path: 'jilin-2.txt' };
    second.fileNumber = { ...second.fileNumber!, normalized: '吉人社联〔2022〕99号' };
    const labels = reportModel({ records: [jilin, second] }).entries.map((e) => e.label);
    expect(new Set(labels).size).toBe(2);
    expect(labels).toContain('吉林省 吉人社联〔2022〕99号');
  });
});

describe('finding excerpts', () => {
  it('reads back the phrase a finding points at, with the position in the source', () => {
    const finding = heilongjiang.findings.find((f) => f.rule === 'amount-missing-unit')!;
    const excerpt = excerptAt(heilongjiang, finding.span)!;
    // the seed prints 给予一次性1000的奖励补贴 — 1000 without 元 — in clause （七）
    expect(excerpt.text).toContain('一次性1000的奖励补贴');
    expect(excerpt.where).toContain('七');
    // and the position is where the seed prints that amount
    expect(textAt(sourceOf(SEEDS.heilongjiang), finding.span!, 4)).toBe('1000');
  });

  it('falls back to the clause that contains the position, and to nothing without one', () => {
    const clause = jilin.sections[1].clauses[0];
    const inside = { line: clause.span.line + 1, column: 3 };
    expect(excerptAt(jilin, inside)?.where).toBe(`条款（${clause.number}）`);
    expect(excerptAt(jilin, null)).toBeNull();
  });
});

describe('report HTML', () => {
  it('is self-contained: no external script, style, image or font', async () => {
    const html = await renderReport({ records: all });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<link|<img|<iframe|\bsrc=|url\(|@import/i);
    // the only URLs are SVG's XML namespaces
    expect([...html.matchAll(/https?:\/\/[^"\s)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
  });

  it('escapes text from the notices', async () => {
    const evil = structuredClone(jilin);
    evil.title = '<script>alert(1)</script>';
    evil.targets[0].metric = '<img src=x onerror=alert(1)>';
    const html = await renderReport({ records: [national, evil] });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
  });

  it('is deterministic: the same records in any order give the same bytes', async () => {
    const a = await renderReport({ records: all });
    const b = await renderReport({ records: [...all].reverse() });
    expect(b).toBe(a);
  });
});

describe('notices report', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), ...args], { encoding: 'utf8', cwd: root });

  it('writes the page to --out, or to stdout, the same bytes either way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-report-'));
    const file = join(dir, 'nested', 'report.html');
    const written = run('report', join(root, 'seeds'), '--out', file);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    const printed = run('report', join(root, 'seeds'));
    expect(printed.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    expect(printed.stdout).toContain('吉人社联〔2022〕81号');
  });

  it('reports a bad input on stderr, exits 1, and still writes the report of the good ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-report-bad-'));
    copyFileSync(seedPath(SEEDS.jilin), join(dir, 'jilin.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = run('report', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt/);
    expect(r.stdout).toContain('吉人社联〔2022〕81号');
    expect(r.stdout).toContain('不作比对');
  });

  it('is listed in --help', () => {
    expect(run('--help').stdout).toMatch(/notices report <paths\.\.>/);
    expect(run('report', '--help').stdout).toMatch(/--out/);
  });
});
