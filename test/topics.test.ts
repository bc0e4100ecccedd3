import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { processSource } from '../pipelines/document.js';
import { checkAll } from '../src/check/run.js';
import { compareNumbers } from '../src/diff/numbers.js';
import { nationalFor } from '../src/diff/national.js';
import { unitsAgree } from '../src/lexicon/units.js';
import { decimalsOf, halfUnit } from '../src/util/precision.js';
import { sourceFromBytes } from '../src/read/source.js';

// Rules that once knew only 万人 and 脱贫/搬迁, tried on other topics: farmland (万亩), land
// reduction (公顷), industrial parks. The notices are short ones written for these tests; the
// expected values follow from their figures by hand.

async function recordsOf(text: string, path: string): Promise<NoticeRecord[]> {
  const read = await sourceFromBytes(path, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}

const NATIONAL = `农业农村部 财政部关于下达2023年高标准农田建设任务的通知
农建发〔2023〕9号

各省、自治区、直辖市农业农村厅（局、委）、财政厅（局）：

一、明确建设任务。2023年全国新建高标准农田不少于4500万亩，各省任务见附件。

特此通知。

农业农村部
财政部
2023年3月1日

附件

2023年高标准农田建设任务表

单位：万亩

序号\t省份\t建设任务
1\t河北\t300
2\t山西\t120
3\t河南\t450
\t合计\t870
`;

const province = (target: string) => `河南省农业农村厅 河南省财政厅关于做好2023年高标准农田建设工作的通知
豫农建〔2023〕3号

各省辖市农业农村局、财政局：

根据《农业农村部 财政部关于下达2023年高标准农田建设任务的通知》（农建发〔2023〕9号），现就有关事项通知如下：

一、明确目标任务。全省新建高标准农田不少于${target}万亩，重点支持12个粮食生产核心区和3个国家级现代农业产业园区。

特此通知。

河南省农业农村厅
河南省财政厅
2023年3月20日
`;

describe('allocation-mismatch and diff numbers in any unit (万亩 of farmland)', () => {
  it('a province that sets less than its 万亩 allocation gets a warning naming the unit', async () => {
    const records = [...(await recordsOf(NATIONAL, 'national.txt')), ...(await recordsOf(province('420'), 'henan.txt'))];
    const henan = records.find((r) => r.region?.name === '河南省')!;
    expect(henan.targets.map((t) => [t.value, t.unit])).toContainEqual([420, '万亩']);
    const f = checkAll(records).filter((x) => x.rule === 'allocation-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', data: { allocated: 450, set: 420 } });
    expect(f[0].message).toContain('420万亩');
  });
  it('a province that sets exactly its allocation is silent; the diff pairs the figures as a match', async () => {
    const records = [...(await recordsOf(NATIONAL, 'national.txt')), ...(await recordsOf(province('450'), 'henan.txt'))];
    expect(checkAll(records).filter((x) => x.rule === 'allocation-mismatch')).toEqual([]);
    const [national, henan] = records;
    expect(nationalFor(henan, records)).toBe(national); // it cites 农建发〔2023〕9号
    expect(compareNumbers(national, henan)).toContainEqual(expect.objectContaining({ base: 450, target: 450, status: 'match' }));
  });
  it('counted parks and production zones are key regions, not targets', async () => {
    const [henan] = await recordsOf(province('450'), 'henan.txt');
    expect(henan.keyRegions.map((k) => [k.kind, k.count])).toEqual([
      ['粮食生产核心区', 12],
      ['国家级现代农业产业园区', 3],
    ]);
  });
});

describe('target-table-mismatch in 公顷 (land reduction, a district notice)', () => {
  const notice = (total: string) => `上海市嘉定区人民政府关于下达2014年度低效建设用地减量化任务的通知
嘉府发〔2014〕41号

各镇人民政府、街道办事处：

一、任务目标。2014年全区完成低效建设用地减量化不少于${total}公顷，各镇任务见附件。

特此通知。

上海市嘉定区人民政府
2014年8月12日

附件

2014年度减量化任务分解表

单位：公顷

序号\t镇\t减量化任务
1\t华亭镇\t40.5
2\t外冈镇\t35.2
3\t徐行镇\t24.3
\t合计\t100.0
`;
  it('a target the table total meets is consistent (100 公顷 against 合计 100.0)', async () => {
    const [r] = await recordsOf(notice('100'), 'jiading.txt');
    expect(r.level).toBe('county');
    expect(r.targets.map((t) => [t.comparator, t.value, t.unit])).toContainEqual(['>=', 100, '公顷']);
    expect(checkAll([r]).filter((f) => f.rule === 'target-table-mismatch')).toEqual([]);
  });
  it('a target of 120 公顷 that the 100.0 total cannot meet is an error', async () => {
    const [r] = await recordsOf(notice('120'), 'jiading.txt');
    const f = checkAll([r]).filter((x) => x.rule === 'target-table-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', data: { target: 120, total: 100 } });
  });
});

describe('units and printed precision: one decision each', () => {
  it('units agree by name (名 is 人), never a share with a count', () => {
    expect(unitsAgree('万人', '万名')).toBe(true);
    expect(unitsAgree('公顷', '万亩')).toBe(false);
    expect(unitsAgree(null, '公顷')).toBe(true);
    expect(unitsAgree(null, '%')).toBe(false);
    expect(unitsAgree('元/人', null)).toBe(false);
  });
  it('decimals and half a unit of the last printed digit', () => {
    expect(decimalsOf('79.80')).toBe(2);
    expect(decimalsOf('3,000')).toBe(0);
    expect(decimalsOf(null, 20.8)).toBe(1);
    expect(halfUnit('79.80')).toBe(0.005);
    expect(halfUnit('3000')).toBe(0.5);
    expect(halfUnit(null)).toBe(0);
  });
});
