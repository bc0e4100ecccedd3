import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { checkAll } from '../src/check/run.js';
import { sourceFromBytes } from '../src/read/source.js';
import { root } from './helpers/context.js';

/** Notices written for the tests in the shapes other provinces print (test/fixtures/notices). */
async function fixture(name: string) {
  const path = join(root, 'test', 'fixtures', 'notices', name);
  const read = await sourceFromBytes(path, readFileSync(path));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}

describe('a Henan notice: 文件 header, 抄送 and 印发 版记, a space-separated annex table', async () => {
  const [r] = await fixture('henan-2023.txt');
  it('header and 版记', () => {
    expect(r.fileNumber?.normalized).toBe('豫人社〔2023〕12号');
    expect(r.issuers.map((i) => i.name)).toEqual(['河南省人力资源和社会保障厅', '河南省财政厅', '河南省乡村振兴局']);
    expect(r.region).toEqual({ name: '河南省', code: '410000' });
    expect([r.signedDate, r.printedDate, r.printedBy, r.disclosure]).toEqual(['2023-03-01', '2023-03-02', '河南省人力资源和社会保障厅办公室', '主动公开']);
    expect(r.copyTo).toEqual(['人力资源社会保障部', '财政部']);
    expect(r.references).toContainEqual(expect.objectContaining({ fileNumber: '人社部发〔2023〕5号', relation: 'implements' }));
  });
  it('figures', () => {
    expect(r.targets.map((t) => [t.comparator, t.value, t.unit])).toEqual([['>=', 200, '万人']]);
    expect(r.subsidies.map((s) => [s.amount, s.cap, s.oneTime])).toEqual([[600, true, true]]);
    expect(r.keyRegions.map((k) => k.count)).toEqual([38]);
    expect(r.tables.map((t) => [t.label, t.kind, t.rows.length, t.declaredTotal])).toEqual([['附件', 'target', 4, { 目标任务: 200 }]]);
    expect(r.contacts[0]).toMatchObject({ person: '王小明', phone: '0371-12345678' });
  });
  it('checks clean: the target matches the annex total', () => {
    expect(checkAll([r]).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('an upward report with every GB/T 9704 版头 element', async () => {
  const [r] = await fixture('report-gbt9704.txt');
  it('份号, 密级, 紧急程度, 签发人 on the file number line, 抄送, 印发', () => {
    expect([r.copyNumber, r.secrecy, r.urgency]).toEqual(['000123', '机密★1年', '特急']);
    expect(r.fileNumber?.normalized).toBe('鲁人社字〔2022〕50号');
    expect(r.signers).toEqual(['张三', '李四']);
    expect(r.docType).toBe('报告');
    expect(r.addressees).toEqual(['人力资源社会保障部']);
    expect(r.attachments.map((a) => a.name)).toEqual(['山东省2022年脱贫人口务工情况统计表', '山东省就业帮扶车间名单']);
    expect([r.signedDate, r.printedDate]).toEqual(['2022-12-20', '2022-12-21']);
    expect(r.copyTo).toEqual(['山东省人民政府办公厅', '山东省财政厅']);
    expect(r.contacts[0]).toMatchObject({ person: '王五', phone: '0531-12345678' });
  });
});

describe('a policy page: metadata block (发文机关/成文日期/发文字号), no 版头, web chrome around it', async () => {
  const [r, ...rest] = await fixture('govcn-page.txt');
  it('is one national notice with the printed facts', () => {
    expect(rest).toEqual([]);
    expect(r.fileNumber?.normalized).toBe('人社部发〔2022〕13号');
    expect(r.title).toBe('人力资源社会保障部国家发展改革委财政部农业农村部国家乡村振兴局关于做好2022年脱贫人口稳岗就业工作的通知');
    expect(r.level).toBe('national');
    // the official names; the short forms as printed stay in `printed`
    expect(r.issuers.map((i) => i.name)).toEqual(['人力资源和社会保障部', '国家发展和改革委员会', '财政部', '农业农村部', '国家乡村振兴局']);
    expect(r.issuers.map((i) => i.printed)).toEqual(['人力资源社会保障部', '国家发展改革委', '财政部', '农业农村部', '国家乡村振兴局']);
    expect(r.signedDate).toBe('2022-03-11');
    expect(r.disclosure).toBe('主动公开');
    expect([r.sections.length, r.sections.reduce((n, s) => n + s.clauses.length, 0)]).toEqual([3, 10]);
  });
});

describe('the metadata block alone fills what the notice does not print', async () => {
  it('成文日期 and 发文字号 from the block', async () => {
    const text = '发文字号：测人社发〔2022〕7号\n成文日期：2022-04-28\n\n测试省人力资源和社会保障厅关于做好测试工作的通知\n\n各市人力资源社会保障局：\n\n一、总体要求\n\n（一）做好工作。认真做好测试工作。\n\n测试省人力资源和社会保障厅\n';
    const { sourceFromBytes } = await import('../src/read/source.js');
    const read = await sourceFromBytes('meta.txt', new TextEncoder().encode(text));
    if (!read.ok) throw new Error(read.reason);
    const out = processSource(read.source);
    if (!out.ok) throw new Error(out.reason);
    const [x] = out.records;
    expect(x.fileNumber?.normalized).toBe('测人社发〔2022〕7号');
    expect(x.signedDate).toBe('2022-04-28');
    expect(x.issuers.map((i) => i.name)).toEqual(['测试省人力资源和社会保障厅']);
  });
});

describe('a joint notice whose 版头 names only the lead body', async () => {
  const [r] = await fixture('joint-lead-header.txt');
  it('takes the issuers from the signature block (the （印章） placeholder aside)', () => {
    expect(r.issuers.map((i) => i.name)).toEqual(['河南省人力资源和社会保障厅', '河南省财政厅']);
    expect(r.signedDate).toBe('2023-03-01');
  });
});
