import { describe, expect, it } from 'vitest';
import { SEEDS, seedRecords, sourceOf, textAt } from './helpers/context.js';
import type { NoticeRecord } from '../schemas/notice.js';

const names = (r: NoticeRecord) => r.issuers.map((i) => i.name);
const clauseCount = (r: NoticeRecord) => r.sections.reduce((n, s) => n + s.clauses.length, 0);

describe('seed 000: a forwarding notice followed by the national notice', async () => {
  const [gd, nat] = await seedRecords(SEEDS.guangdong);
  it('splits the file into two documents', async () => {
    expect((await seedRecords(SEEDS.guangdong)).length).toBe(2);
    expect([gd.source.documentIndex, nat.source.documentIndex]).toEqual([0, 1]);
  });
  it('reads the Guangdong header', () => {
    expect(gd.fileNumber?.normalized).toBe('粤人社发〔2022〕15号');
    expect(gd.title).toBe('转发人力资源社会保障部发展改革委财政部农业农村部国家乡村振兴局关于做好2022年脱贫人口稳岗就业工作的通知');
    expect(gd.docType).toBe('通知');
    expect(names(gd)).toEqual(['广东省人力资源和社会保障厅', '广东省发展和改革委员会', '广东省财政厅', '广东省农业农村厅', '广东省乡村振兴局']);
    expect(gd.level).toBe('provincial');
    expect(gd.region).toEqual({ name: '广东省', code: '440000' });
    expect(gd.signedDate).toBe('2022-04-21');
    expect(gd.references).toContainEqual(expect.objectContaining({ fileNumber: '人社部发〔2022〕13号', relation: 'forwards' }));
    expect(gd.sections.length).toBe(5);
    expect(clauseCount(gd)).toBe(0);
    expect(gd.contacts.map((c) => c.person)).toEqual(['梁文嘉', '黄卫娟', '夏铮', '刘红']);
    expect(gd.addressees[0]).toBe('各地级以上市人力资源社会保障局');
  });
  it('reads the national header, 附注 and 版记', () => {
    expect(nat.fileNumber).toMatchObject({ normalized: '人社部发〔2022〕13号', prefix: '人社部发', year: 2022, serial: 13 });
    expect(nat.title).toBe('人力资源社会保障部发展改革委财政部农业农村部国家乡村振兴局关于做好2022年脱贫人口稳岗就业工作的通知');
    // the official names; the short forms as printed stay in `printed`
    expect(names(nat)).toEqual(['人力资源和社会保障部', '国家发展和改革委员会', '财政部', '农业农村部', '国家乡村振兴局']);
    expect(nat.issuers.map((i) => i.printed)).toEqual(['人力资源社会保障部', '国家发展改革委', '财政部', '农业农村部', '国家乡村振兴局']);
    expect(nat.level).toBe('national');
    expect(nat.region).toBeNull();
    expect(nat.signedDate).toBeNull();
    expect(nat.printedDate).toBe('2022-03-18');
    expect(nat.printedBy).toBe('人力资源社会保障部办公厅');
    expect(nat.disclosure).toBe('主动公开');
    expect(nat.sections.map((s) => s.clauses.length)).toEqual([2, 5, 3]);
    expect(nat.attachments.map((a) => a.label)).toEqual(['附件1', '附件2']);
  });
});

describe('seed 001 (Jilin): title above the file number, wrapped lines, signature at the end', async () => {
  const [r] = await seedRecords(SEEDS.jilin);
  it('reads the header and structure', () => {
    expect(r.fileNumber?.raw.replace(/\s/g, '')).toBe('吉人社联〔2022〕81号');
    expect(r.fileNumber?.normalized).toBe('吉人社联〔2022〕81号');
    expect(r.title).toBe('关于做好2022年脱贫人口稳岗就业工作的通知');
    expect(names(r)).toEqual(['吉林省人力资源和社会保障厅', '吉林省发展和改革委员会', '吉林省财政厅', '吉林省农业农村厅', '吉林省乡村振兴局']);
    expect(r.region?.name).toBe('吉林省');
    expect([r.signedDate, r.printedDate, r.disclosure]).toEqual([null, null, null]);
    expect(r.sections.length).toBe(3);
    expect(clauseCount(r)).toBe(11);
    expect(r.references).toContainEqual(expect.objectContaining({ fileNumber: '人社部发〔2022〕13号', relation: 'implements' }));
    expect(r.references.map((x) => x.fileNumber)).toContain('吉扶办联〔2019〕122号');
  });
  it('joins hard line breaks inside a clause', () => {
    const c = r.sections[0].clauses[0];
    expect(c.number).toBe('一');
    expect(c.heading).toBe('保持规模稳定');
    expect(c.text).toContain('帮助有劳动能力和就业意愿的脱贫人口实现就业');
  });
});

describe('seed 002 (Shandong): issuers in the title and a wrapped signature block', async () => {
  const [r] = await seedRecords(SEEDS.shandong);
  it('reads the header', () => {
    expect(r.fileNumber?.normalized).toBe('鲁人社字〔2022〕48号');
    expect(names(r)).toEqual(['山东省人力资源和社会保障厅', '山东省发展和改革委员会', '山东省财政厅', '山东省农业农村厅', '山东省乡村振兴局']);
    expect(r.signedDate).toBe('2022-04-27');
    expect(r.disclosure).toBe('主动公开');
    expect(r.attachments.map((a) => a.title)).toEqual(['2022年度各市脱贫人口务工目标任务表', '2022年度各市吸纳中西部省份脱贫人口务工目标任务表']);
    expect([r.sections.length, clauseCount(r)]).toEqual([3, 10]);
  });
});

describe('seed 004 (Heilongjiang)', async () => {
  const [r] = await seedRecords(SEEDS.heilongjiang);
  it('reads the header, half-width clause brackets and the contact e-mail', () => {
    expect(r.fileNumber?.normalized).toBe('黑人社发〔2022〕18号');
    expect(names(r)).toHaveLength(5);
    expect(r.region?.code).toBe('230000');
    expect([r.sections.length, clauseCount(r)]).toEqual([7, 18]);
    expect(r.sections[6].clauses.map((c) => c.number)).toEqual(['十五', '十六', '十七', '十八']);
    expect(r.contacts.map((c) => c.email)).toContain('swjyzzb@163.com');
    expect(r.references.some((x) => x.title?.includes('关于做好2022年脱贫人口稳岗就业工作的通知'))).toBe(true);
  });
});

describe('provenance: the source text at a span is the extracted value', async () => {
  for (const name of Object.values(SEEDS)) {
    it(name, async () => {
      const src = sourceOf(name);
      for (const r of await seedRecords(name)) {
        if (r.fileNumber?.span) expect(textAt(src, r.fileNumber.span, 2)).toBe(r.fileNumber.normalized.slice(0, 2));
        if (r.titleSpan) expect(textAt(src, r.titleSpan)).toBe(r.title[0]);
        for (const i of r.issuers) if (i.span) expect(textAt(src, i.span)).toBe(i.name[0]);
        for (const s of r.sections) for (const c of s.clauses) expect(textAt(src, c.span, 1)).toMatch(/[（(]/);
        for (const c of r.contacts) if (c.person && c.span) expect(textAt(src, c.span)).toBe(c.person[0]);
      }
    });
  }
});

describe('附注 variants', () => {
  it.each([
    ['（此件主动公开）', '主动公开'],
    ['（此件公开发布）', '公开发布'],
    ['（此件依申请公开）', '依申请公开'],
    ['公开方式：主动公开', '主动公开'],
    ['信息公开选项：主动公开', '主动公开'],
  ])('%s', async (line, expected) => {
    const { processSource } = await import('../pipelines/document.js');
    const { sourceFromBytes } = await import('../src/read/source.js');
    const text = `测人社发〔2022〕1号\n\n测试省人力资源和社会保障厅关于做好测试工作的通知\n\n各市人力资源社会保障局：\n\n一、总体要求\n\n（一）做好工作。认真做好测试工作。\n\n测试省人力资源和社会保障厅\n\n2022年4月1日\n\n${line}\n`;
    const read = await sourceFromBytes('d.txt', new TextEncoder().encode(text));
    if (!read.ok) throw new Error(read.reason);
    const r = processSource(read.source);
    if (!r.ok) throw new Error(r.reason);
    expect(r.records[0].disclosure).toBe(expected);
  });
});

describe('发文字号 bracket forms', () => {
  it.each(['鲁人社字〔2022〕48号', '鲁人社字（2022）48号', '鲁人社字[2022]48号', '鲁人社字 〔2022〕 48 号', '鲁人社字【2022】48号', '鲁人社字﹝2022﹞48号', '鲁人社字(2022)第48号', '鲁人社字［2022］48号'])('%s', async (printed) => {
    const { processSource } = await import('../pipelines/document.js');
    const { sourceFromBytes } = await import('../src/read/source.js');
    const text = `${printed}\n\n山东省人力资源和社会保障厅关于做好测试工作的通知\n\n各市人力资源社会保障局：\n\n一、总体要求\n\n（一）做好工作。认真做好测试工作。\n\n山东省人力资源和社会保障厅\n\n2022年4月1日\n`;
    const read = await sourceFromBytes('fn.txt', new TextEncoder().encode(text));
    if (!read.ok) throw new Error(read.reason);
    const r = processSource(read.source);
    if (!r.ok) throw new Error(r.reason);
    expect(r.records[0].fileNumber).toMatchObject({ normalized: '鲁人社字〔2022〕48号', raw: printed, year: 2022, serial: 48 });
  });
});
