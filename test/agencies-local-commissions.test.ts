import { describe, expect, it } from 'vitest';
import { splitAgencies } from '../src/lexicon/agencies.js';
import { recordsOfText } from './helpers/context.js';

// Since 2018 every city and county has a 卫生健康委员会 (before it, a 卫生和计划生育委员会, 卫生计生委)
// and a 发展和改革委员会 (发展改革委): local bodies named as the central ones are, after their place.
describe('a local commission named as the central one is', () => {
  it('is one body, its place part of its name', () => {
    expect(splitAgencies('杭州市卫生健康委员会')).toEqual(['杭州市卫生健康委员会']);
    expect(splitAgencies('绍兴市卫生计生委')).toEqual(['绍兴市卫生计生委']);
    expect(splitAgencies('绍兴市发展改革委')).toEqual(['绍兴市发展改革委']);
  });

  it('central bodies run together still split, and so do two local bodies of one place', () => {
    expect(splitAgencies('国家发展改革委财政部')).toEqual(['国家发展改革委', '财政部']);
    expect(splitAgencies('财政部国家市场监督管理总局')).toEqual(['财政部', '国家市场监督管理总局']);
    expect(splitAgencies('杭州市卫生健康委杭州市财政局')).toEqual(['杭州市卫生健康委', '杭州市财政局']);
  });

  it('signs a notice: issuer, level and region', async () => {
    const [r] = await recordsOfText('绍兴市卫生健康委员会关于做好工作的通知\n各区、县（市）有关单位：\n现将有关事项通知如下，请遵照执行。\n绍兴市卫生健康委员会\n2021年2月22日\n');
    expect([r.issuers.map((i) => i.name), r.level, r.region?.name]).toEqual([['绍兴市卫生健康委员会'], 'municipal', '浙江省绍兴市']);
  });
});
