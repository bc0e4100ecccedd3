import { describe, it, expect } from 'vitest';
import { extractKeyRegions } from '../src/extract/key-regions.js';
import { contextsFromString, seedContexts, SEEDS, sourceOf, textAt } from './helpers/context.js';

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
