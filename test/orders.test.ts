import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { splitList } from '../src/extract/elements.js';
import { sourceFromBytes } from '../src/read/source.js';
import { fixtureRecords } from './helpers/context.js';

// Orders (令): GB/T 9704-2012 10.2 prints the issuer's name + 令 as the mark, the 令号 below it, the
// promulgating sentence, the signer and the date, and no title; the regulation follows. The
// expected values are read off the fixtures (test/fixtures/shapes/README.md).

const record = async (name: string) => (await fixtureRecords(`shapes/${name}`))[0];

async function fromText(text: string) {
  const read = await sourceFromBytes('inline.txt', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  return processSource(read.source);
}

describe('an order is a notice, known by the regulation it promulgates', () => {
  it('a provincial order with the year in its number: issuer from the mark, title from the regulation, articles as the structure', async () => {
    const r = await record('order-provincial.txt');
    expect(r.verdict.kind).toBe('notice');
    expect(r.fileNumber).toMatchObject({ raw: '〔2010〕第15号', normalized: '河北省人民政府令〔2010〕第15号', year: 2010, serial: 15, span: { line: 2, column: 1 } });
    expect(r.title).toBe('河北省人工影响天气管理规定');
    expect(r.docType).toBe('令');
    expect(r.issuers.map((i) => i.name)).toEqual(['河北省人民政府']);
    expect([r.level, r.region?.name, r.signedDate]).toEqual(['provincial', '河北省', '2010-12-25']);
    // 第一章 总则 with its four articles
    expect(r.sections.map((s) => s.clauses.length)).toEqual([4]);
  });

  it('a State Council order numbered without a year takes the year it was signed', async () => {
    const r = await record('order-national.txt');
    expect(r.fileNumber).toMatchObject({ normalized: '中华人民共和国国务院令第748号', prefix: '中华人民共和国国务院令', year: 2021, serial: 748 });
    expect([r.title, r.docType]).toEqual(['地下水管理条例', '令']);
    expect(r.issuers.map((i) => i.name)).toEqual(['国务院']);
    expect([r.level, r.region, r.signedDate]).toEqual(['national', null, '2021-10-21']);
  });

  it('a web copy: title first, the mark run into the number, articles right after the date', async () => {
    const r = await record('order-webcopy.txt');
    expect(r.fileNumber?.normalized).toBe('上海市人民政府令第25号');
    expect([r.title, r.docType]).toEqual(['上海市住宅物业管理规定实施细则', '令']);
    expect(r.issuers.map((i) => i.name)).toEqual(['上海市人民政府']);
    expect([r.region?.name, r.signedDate]).toEqual(['上海市', '2019-12-30']);
    expect(r.sections.flatMap((s) => s.clauses).length).toBe(2);
  });

  it('a 主席令 counts in Chinese numerals; without the regulation below, the title is the 《》 it promulgates', async () => {
    const r = await fromText(
      '中华人民共和国主席令\n第八十四号\n\n《全国人民代表大会常务委员会关于修改〈中华人民共和国律师法〉的决定》已由中华人民共和国第十四届全国人民代表大会常务委员会第二十四次会议于2026年8月28日通过，现予公布，自2026年9月1日起施行。\n\n中华人民共和国主席　习近平\n2026年8月28日\n',
    );
    if (!r.ok) throw new Error(r.reason);
    const rec = r.records[0];
    expect(rec.fileNumber).toMatchObject({ normalized: '中华人民共和国主席令第八十四号', serial: 84, year: 2026 });
    expect(rec.title).toBe('全国人民代表大会常务委员会关于修改〈中华人民共和国律师法〉的决定');
    expect(rec.signedDate).toBe('2026-08-28');
  });

  it('a 第N号 line without an order mark above it is no file number', async () => {
    const r = await fromText('关于做好值班工作的通知\n第3号\n\n各区、各部门：\n\n请做好值班工作，按照有关规定落实值班制度。\n\n特此通知。\n\n某某市人民政府办公室\n2024年1月5日\n');
    if (!r.ok) throw new Error(r.reason);
    expect(r.records[0].fileNumber).toBeNull();
  });
});

describe('主送机关 lists: 、 separates bodies, not the words that share one head', () => {
  it.each([
    ['各省、自治区、直辖市人民政府，国务院各部委、各直属机构', ['各省、自治区、直辖市人民政府', '国务院各部委', '各直属机构']],
    ['各县、自治县、区人民政府（管委会），市政府各工作部门', ['各县、自治县、区人民政府（管委会）', '市政府各工作部门']],
    ['各市、县人民政府，省政府各部门', ['各市、县人民政府', '省政府各部门']],
    ['各区、各部门', ['各区', '各部门']],
    ['省发展改革委、财政厅、人力资源社会保障厅', ['省发展改革委', '财政厅', '人力资源社会保障厅']],
    ['各县（市、区）人民政府、各有关单位', ['各县（市、区）人民政府', '各有关单位']],
  ])('%s', (list, expected) => {
    expect(splitList(list)).toEqual(expected);
  });
});
