import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { FULL_NAME_OF_FORM, FORMER_BODIES, STATE_COUNCIL_BODIES } from '../src/lexicon/central-bodies.js';
import { isCentralAgency } from '../src/lexicon/agencies.js';
import { officialName } from '../src/lexicon/agency-names.js';
import { inferRegion } from '../src/extract/region.js';
import { sourceFromBytes } from '../src/read/source.js';
import { root } from './helpers/context.js';

async function record(name: string) {
  const path = join(root, 'test', 'fixtures', 'shapes', name);
  const read = await sourceFromBytes(path, readFileSync(path));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records[0];
}
const none = { province: null, city: null, county: null };

describe('issuers and levels of real shapes', () => {
  it('13 bodies one per line above the date, 中华人民共和国 prefixed: all found, national', async () => {
    const r = await record('national13.txt');
    expect(r.issuers).toHaveLength(13);
    expect(r.issuers[0]).toMatchObject({ printed: '中华人民共和国住房和城乡建设部', name: '住房和城乡建设部' });
    expect(r.issuers.slice(-3).map((i) => i.name)).toEqual(['中国人民银行', '国家铁路局', '中国民用航空局']);
    expect(r.level).toBe('national');
    expect(r.region).toBeNull();
    expect(r.signedDate).toBe('2023-03-01');
  });

  it('中国证券监督管理委员会 (a 直属机构 by its full name) is national', async () => {
    const r = await record('csrc.txt');
    expect(r.issuers.map((i) => i.name)).toEqual(['中国证券监督管理委员会']);
    expect(r.level).toBe('national');
    expect(inferRegion(['中国证券监督管理委员会'], null, '').level).toBe('national');
  });

  it('a 直辖市 district office is county level, placed in its district', async () => {
    const r = await record('baoshan.txt');
    expect(r.level).toBe('county');
    expect(r.region).toEqual({ name: '上海市宝山区', code: '310113' });
  });

  it('a 直辖市 bureau is provincial level, placed in the municipality', () => {
    expect(inferRegion(['上海市绿化和市容管理局'], null, '')).toEqual({ level: 'provincial', region: { name: '上海市', code: '310000' } });
  });

  it('特此通知 glued before the signature is not part of a name; 市交通委员会 and 市公安局 take the names the title prints', async () => {
    const r = await record('glued.txt');
    expect(r.issuers.map((i) => i.printed)).toEqual(['市交通委员会', '市公安局']);
    expect(r.issuers.map((i) => i.name)).toEqual(['上海市交通委员会', '上海市公安局']);
    expect(r.level).toBe('provincial');
    expect(r.region?.code).toBe('310000');
    expect(r.verdict.signals).toContain('结束语');
  });
});

describe('the central bodies lexicon (国发〔2023〕5号, 6号)', () => {
  it('holds the 26 组成部门, 1 直属特设机构 and 14 直属机构 of the 2023 list', () => {
    const count = (c: string) => STATE_COUNCIL_BODIES.filter((b) => b.category === c).length;
    expect(count('组成部门')).toBe(26);
    expect(count('直属特设机构')).toBe(1);
    expect(count('直属机构')).toBe(14);
  });
  it('short forms and the 中华人民共和国 prefix give the full name; every body is central', () => {
    expect(officialName('发展改革委', none)).toBe('国家发展和改革委员会');
    expect(officialName('中华人民共和国财政部', none)).toBe('财政部');
    expect(officialName('民航局', none)).toBe('中国民用航空局');
    for (const b of STATE_COUNCIL_BODIES) expect(isCentralAgency(b.name), b.name).toBe(true);
  });
  it('former names map to their successor, and are national', () => {
    const successor = (n: string) => FORMER_BODIES.find((b) => b.name === n)?.successor;
    expect(successor('劳动和社会保障部')).toBe('人力资源和社会保障部');
    expect(successor('中国银行保险监督管理委员会')).toBe('国家金融监督管理总局');
    expect(FULL_NAME_OF_FORM['银保监会']).toBe('中国银行保险监督管理委员会');
    expect(isCentralAgency('劳动和社会保障部')).toBe(true);
    expect(inferRegion(['国家计委'], null, '').level).toBe('national');
  });
});
