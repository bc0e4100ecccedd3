import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { sourceFromBytes } from '../src/read/source.js';
import type { NoticeRecord } from '../schemas/notice.js';

// Figures a notice prints that are not targets (issue 19): eligibility thresholds, what an applicant
// must bring, what was reached in the past, a plant's capacity. Each case pairs the figure that is
// not a target with one in the same notice that is, so the test fails both ways. Sentences quoted
// from real notices where marked; the expected values were read off them by hand.

async function targets(lines: string[], signed = '2024年3月1日'): Promise<string[]> {
  const text = ['关于做好有关工作的通知', '各区人民政府：', '现将有关事项通知如下：', ...lines, '特此通知。', '某某市人民政府', signed, ''].join('\n');
  const read = await sourceFromBytes('inline.txt', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = await processSource(read.source);
  if (!r.ok) throw new Error('no record');
  return r.records[0].targets.map((t: NoticeRecord['targets'][number]) => `${t.value}${t.unit}`);
}

const GOAL = '五、工作目标\n到2025年，全市森林覆盖率达到82%以上，新增公园100座以上。';

describe('not targets', () => {
  it('the items of a list of conditions (Shanghai 廉租住房 2021: 人均住房居住面积低于7平方米)', async () => {
    expect(await targets([
      '一、申请条件',
      '同时符合下列条件的本市城镇居民家庭，可以申请廉租住房保障：',
      '（一）家庭成员在本市实际居住，具有本市城镇常住户口连续满3年；',
      '（二）家庭人均住房居住面积低于7平方米（含7平方米）；',
      GOAL,
    ])).toEqual(['82%', '100座']);
  });
  it('a means test outside a list (Shanghai 保障性租赁住房 2021: 人均住房建筑面积低于15平方米)', async () => {
    expect(await targets([
      '一、准入标准',
      '住房困难的面积标准原则上按照家庭在本市一定区域范围内人均住房建筑面积低于15平方米确定。',
      GOAL,
    ])).toEqual(['82%', '100座']);
  });
  it('what an applicant’s project must have (装机容量不低于500千瓦)', async () => {
    expect(await targets(['一、支持范围', '申报的分布式光伏项目装机容量不低于500千瓦，且已并网运行。', GOAL])).toEqual(['82%', '100座']);
  });
  it('a figure reached in a year before the notice’s own', async () => {
    expect(await targets(['一、工作基础', '2023年，全市森林覆盖率达到80.9%，城镇新增就业58.2万人。', GOAL])).toEqual(['82%', '100座']);
  });
  it('the same sentence in a notice of that year sets a target (the notice’s date decides)', async () => {
    expect(await targets(['一、工作目标', '2023年，全市森林覆盖率达到80.9%。'], '2023年1月5日')).toEqual(['80.9%']);
  });
  it('a sentence that looks back (国办函〔2005〕21号: 近5年来，…工业用水重复利用率达到80.9%)', async () => {
    expect(await targets([
      '一、基本情况',
      '近5年来，全国城市平均年节水量约35亿立方米，重复利用率提高到70.7%，其中工业用水重复利用率达到80.9%。',
      GOAL,
    ], '2005年3月3日')).toEqual(['82%', '100座']);
  });
  it('a capacity per year or per day (800万吨/年, 300吨/日, 年产50万吨)', async () => {
    expect(await targets(['一、建设内容', '建设年产800万吨/年的生产基地，日处理能力达到300吨/日，年产钢材50万吨。', GOAL])).toEqual(['82%', '100座']);
  });
});
