import { describe, expect, it } from 'vitest';
import { inferRegion } from '../src/extract/region.js';
import { processSource } from '../pipelines/document.js';
import { sourceFromBytes } from '../src/read/source.js';

// A town or street office often signs without its district (七宝镇人民政府): the district comes from
// the rest of its chain. Expected regions read off the names by hand (闵行区 is 310112 in GB/T 2260).
const MINHANG = { name: '上海市闵行区', code: '310112' };

async function record(text: string, path = 'inline.txt') {
  const read = await sourceFromBytes(path, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = await processSource(read.source);
  if (!r.ok) throw new Error('no record');
  return r.records[0];
}

const body = '各村民委员会：\n现将有关事项通知如下：\n一、加强值守。\n特此通知。\n';

describe('a town office without its district', () => {
  it('named with its district in the 落款: township, the district as region (unchanged)', () => {
    expect(inferRegion(['闵行区七宝镇人民政府'], null, '')).toEqual({ level: 'township', region: MINHANG });
  });
  it('alone and nowhere placed: township, no region (nothing is guessed)', () => {
    expect(inferRegion(['七宝镇人民政府'], null, '')).toEqual({ level: 'township', region: null });
  });
  it('its Party committee co-signing with the district in its name places it', async () => {
    const r = await record(`关于做好防汛工作的通知\n${body}中共闵行区七宝镇委员会\n七宝镇人民政府\n2021年6月1日\n`);
    expect([r.level, r.region]).toEqual(['township', MINHANG]);
  });
  it('an addressee naming the district places it', async () => {
    const r = await record(`关于做好防汛工作的通知\n闵行区各有关单位，各村民委员会：\n现将有关事项通知如下：\n一、加强值守。\n特此通知。\n七宝镇人民政府\n2021年6月1日\n`);
    expect([r.level, r.region]).toEqual(['township', MINHANG]);
  });
  it('the page’s 发布单位 naming the district places it; the 落款 keeps its printed name', async () => {
    const r = await record(`---\n标题: 七宝镇关于做好防汛工作的通知\n发布单位: 上海市闵行区七宝镇人民政府\n---\n\n# 七宝镇关于做好防汛工作的通知\n\n${body}七宝镇人民政府\n2021年6月1日\n`, 'inline.md');
    expect([r.level, r.region, r.issuers.map((i) => i.name)]).toEqual(['township', MINHANG, ['七宝镇人民政府']]);
  });
  it('an addressee naming only the province-level city does not place the town (it says nothing of the district)', () => {
    expect(inferRegion(['七宝镇人民政府'], null, '', ['上海市各有关单位'])).toEqual({ level: 'township', region: null });
  });
});

describe('a seal placeholder printed after the signing body', () => {
  it('（盖章） after one body, （印章） after each of two side by side: the bodies sign, the placeholders do not', async () => {
    const head = '关于加强管理的通知\n各区县人民政府：\n现将有关事项通知如下：\n一、加强管理。\n';
    const one = await record(`${head}长沙市人民政府办公厅（盖章）\n2019年3月6日\n`);
    expect([one.issuers.map((i) => i.name), one.region?.name, one.signedDate]).toEqual([['长沙市人民政府办公厅'], '湖南省长沙市', '2019-03-06']);
    const two = await record(`${head}长沙市财政局（印章）    长沙市人力资源和社会保障局（印章）\n2019年3月6日\n`);
    expect(two.issuers.map((i) => i.name)).toEqual(['长沙市财政局', '长沙市人力资源和社会保障局']);
  });
});

describe('a district several cities have, placed by the city’s own file-number abbreviation', () => {
  it('和平区 with 沈和政发 is Shenyang’s (210102), with 津和政发 Tianjin’s (120101)', () => {
    const fn = (prefix: string) => ({ raw: '', normalized: '', prefix, year: 2019, serial: 3, span: null });
    expect(inferRegion(['和平区人民政府'], fn('沈和政发'), '')).toEqual({ level: 'county', region: { name: '辽宁省沈阳市和平区', code: '210102' } });
    expect(inferRegion(['和平区人民政府'], fn('津和政发'), '')).toEqual({ level: 'county', region: { name: '天津市和平区', code: '120101' } });
    expect(inferRegion(['沈阳市人民政府'], fn('沈政发'), '')).toEqual({ level: 'municipal', region: { name: '辽宁省沈阳市', code: '210100' } });
  });
});
