import { describe, it, expect } from 'vitest';
import { extractKeyRegions } from '../src/extract/key-regions.js';
import { contextsFromString, seedContexts, SEEDS, sourceOf, textAt } from './helpers/context.js';
import { fixture, runOn, halfWidth } from './helpers/figures.js';

const notice = (...clauses: string[]) =>
  `关于做好稳岗就业工作的通知\n\n各市人民政府：\n\n一、重点地区\n${clauses.map((c, i) => `（${'一二三四五六七八九十'[i]}）${c}`).join('\n')}\n\n某某省人力资源和社会保障厅\n2022年5月1日\n`;

const brief = (r: { kind: string; count: number | null }) => [r.kind, r.count];

describe('extractKeyRegions on the seeds', () => {
  it('Guangdong: the forwarding notice names two kinds without counts; the national notice counts 160 counties', async () => {
    const [gd, national] = await seedContexts(SEEDS.guangdong);
    expect(extractKeyRegions(gd).map(brief)).toEqual([
      ['易地搬迁大型安置区', null],
      ['国家乡村振兴重点帮扶县', null],
    ]);
    const k = extractKeyRegions(national);
    expect(k.map(brief)).toEqual([
      ['国家乡村振兴重点帮扶县', 160],
      ['易地搬迁集中安置区', null],
    ]);
    expect(textAt(sourceOf(SEEDS.guangdong), k[0].span, 3)).toBe('160');
  });

  it('Jilin: provincial counties and resettlement areas, no counts', async () => {
    const [ctx] = await seedContexts(SEEDS.jilin);
    expect(extractKeyRegions(ctx).map(brief)).toEqual([
      ['省级乡村振兴重点帮扶县', null],
      ['易地搬迁集中安置区', null],
    ]);
  });

  it('Shandong: 20 counties, 39 resettlement areas, 16 Yellow River flood-plain areas', async () => {
    const [ctx] = await seedContexts(SEEDS.shandong);
    const k = extractKeyRegions(ctx);
    expect(k.map(brief)).toEqual([
      ['省乡村振兴重点帮扶县', 20],
      ['易地扶贫搬迁集中安置区', 39],
      ['黄河滩区居民迁建安置区', 16],
    ]);
    const src = sourceOf(SEEDS.shandong);
    expect(k.map((r) => textAt(src, r.span, 2))).toEqual(['20', '39', '16']);
  });

  it('Heilongjiang: 13 counties; later uncounted mentions (and the heading before it) add nothing', async () => {
    const [ctx] = await seedContexts(SEEDS.heilongjiang);
    expect(extractKeyRegions(ctx).map(brief)).toEqual([['乡村振兴重点帮扶县', 13]]);
  });
});

describe('extractKeyRegions on edge sentences', () => {
  it('counts only where printed; one entry per family when never counted', async () => {
    const [ctx] = await contextsFromString(
      notice('将5个易地搬迁安置点和省级重点帮扶县作为重点。', '支持省级重点帮扶县发展，支持重点帮扶县产业。', '每个重点帮扶县至少建设1个就业帮扶车间。'),
    );
    expect(extractKeyRegions(ctx).map(brief)).toEqual([
      ['易地搬迁安置点', 5],
      ['省级重点帮扶县', null],
    ]);
  });

  it('distinct counts of the same family are kept', async () => {
    const [ctx] = await contextsFromString(notice('将160个国家乡村振兴重点帮扶县和20个省乡村振兴重点帮扶县作为重点地区。'));
    expect(extractKeyRegions(ctx).map(brief)).toEqual([
      ['国家乡村振兴重点帮扶县', 160],
      ['省乡村振兴重点帮扶县', 20],
    ]);
  });

  it('counts of things that are not places are ignored', async () => {
    const [ctx] = await contextsFromString(notice('每个市创建1—2个劳务品牌培育基地，新建3个就业帮扶车间，3个月内完成。'));
    expect(extractKeyRegions(ctx)).toEqual([]);
  });
});

async function regionsOf(...clauses: string[]) {
  const [ctx] = await contextsFromString(notice(...clauses));
  return extractKeyRegions(ctx).map(brief);
}
async function fixtureRegions(text: string) {
  const [ctx] = await contextsFromString(text, 'fixture.txt');
  return extractKeyRegions(ctx).map(brief);
}

describe('extractKeyRegions on wording from other notices', () => {
  it('counts in Chinese numerals', async () => {
    expect(await regionsOf('对全省二十个省级乡村振兴重点帮扶县给予倾斜支持。')).toEqual([['省级乡村振兴重点帮扶县', 20]]);
    expect(await regionsOf('将23个国家乡村振兴重点帮扶县和十四个省级乡村振兴重点帮扶县作为重点地区。')).toEqual([
      ['国家乡村振兴重点帮扶县', 23],
      ['省级乡村振兴重点帮扶县', 14],
    ]);
  });

  it('a counted named kind whatever follows it: 238个…安置点就业帮扶', async () => {
    expect(await regionsOf('抓好全省238个易地扶贫搬迁集中安置点就业帮扶。')).toEqual([['易地扶贫搬迁集中安置点', 238]]);
  });

  it('大型安置区 on its own is a resettlement area, apart from the counted 集中安置点', async () => {
    expect(await regionsOf('聚焦大型安置区，开展专项帮扶。')).toEqual([['大型安置区', null]]);
    expect(await regionsOf('对全省238个易地扶贫搬迁集中安置点和大型安置区实施专项帮扶，对800人以上的大型易地扶贫搬迁安置区开展专项行动。')).toEqual([
      ['易地扶贫搬迁集中安置点', 238],
      ['大型安置区', null],
    ]);
  });

  it('脱贫县 counted, or as the object of support; 脱贫县要… assigns duties and names no priority area', async () => {
    expect(await regionsOf('全省35个脱贫县和10个省级重点帮扶县。')).toEqual([
      ['脱贫县', 35],
      ['省级重点帮扶县', 10],
    ]);
    expect(await regionsOf('加大对脱贫县的支持力度。')).toEqual([['脱贫县', null]]);
    expect(await regionsOf('脱贫县要将稳岗就业作为巩固拓展脱贫攻坚成果的基础性工作。')).toEqual([]);
  });

  it('三区三州, 革命老区, 民族地区 and 边境地区', async () => {
    expect(await regionsOf('向革命老区、民族地区、边境地区倾斜，支持“三区三州”等原深度贫困地区。')).toEqual([
      ['革命老区', null],
      ['民族地区', null],
      ['边境地区', null],
      ['三区三州', null],
      ['深度贫困地区', null],
    ]);
  });

  it('a whole provincial notice (2023 style)', async () => {
    expect(await fixtureRegions(fixture('province-2023.txt'))).toEqual([
      ['国家乡村振兴重点帮扶县', 23],
      ['省级乡村振兴重点帮扶县', 14],
      ['易地扶贫搬迁集中安置点', 238],
      ['大型安置区', null],
      ['革命老区', null],
      ['民族地区', null],
    ]);
  });

  it('a whole notice (2021 style)', async () => {
    expect(await fixtureRegions(fixture('province-2021.txt'))).toEqual([
      ['省级乡村振兴重点帮扶县', 20],
      ['脱贫县', null],
      ['三区三州', null],
      ['深度贫困地区', null],
    ]);
  });

  it('the same notice run on in one paragraph, or with half-width punctuation, gives the same regions', async () => {
    for (const name of ['province-2023.txt', 'province-2021.txt']) {
      const text = fixture(name);
      const expected = await fixtureRegions(text);
      expect(await fixtureRegions(runOn(text))).toEqual(expected);
      expect(await fixtureRegions(halfWidth(text))).toEqual(expected);
      expect(await fixtureRegions(halfWidth(runOn(text)))).toEqual(expected);
    }
  });
});
