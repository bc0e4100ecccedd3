import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseAlignment } from '../schemas/diff.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { extractText } from '../src/api/extract.js';
import { familiesOf } from '../src/compare/families.js';
import { pairWithParents } from '../src/compare/national.js';
import { diffRecords } from '../src/diff/index.js';
import { CONTENT_SIMILARITY_THRESHOLD, forwardedBy, parentOf } from '../src/diff/national.js';
import { fixtureRecords, root, SEEDS, seedRecords } from './helpers/context.js';

const pair = (rows: ClauseAlignment[], target: string | null, base: string | null) =>
  rows.find((c) => c.targetClause === target && c.baseClause === base && (target === null || base === null || c.status === 'unchanged' || c.status === 'modified'));
const linked = (rows: ClauseAlignment[]) => rows.filter((c) => c.baseClause && c.targetClause).map((c) => [c.targetClause, c.baseClause]);

let national: NoticeRecord;
let jilin: NoticeRecord;
let changchun: NoticeRecord;
let shanghai: NoticeRecord;
let minhang: NoticeRecord;

beforeAll(async () => {
  national = (await seedRecords(SEEDS.guangdong)).find((r) => r.level === 'national')!;
  [jilin] = await seedRecords(SEEDS.jilin);
  [changchun] = await fixtureRecords('families/changchun-2022.txt');
  [shanghai] = await fixtureRecords('real/05_baozhangxing-zulin-zhufang-2021.md');
  [minhang] = await fixtureRecords('families/minhang-2022.txt');
});

describe('one level: the seeds', () => {
  it('吉林 against the national notice, clause by printed path', () => {
    const d = diffRecords(national, jilin);
    // read off the two texts: 吉林 三、（九）压实工作责任 is national 三、（八）; （十）加强组织领导 is （九）; （十一）营造良好氛围 is （十）
    expect(pair(d.clauses, '三（九）', '三（八）')).toBeTruthy();
    expect(pair(d.clauses, '三（十）', '三（九）')).toBeTruthy();
    expect(pair(d.clauses, '三（十一）', '三（十）')).toBeTruthy();
    for (const c of d.clauses) {
      if (c.target !== null) expect(c.targetClause).toMatch(new RegExp(`（${c.target}）$`));
      if (c.base !== null) expect(c.baseClause).toMatch(new RegExp(`（${c.base}）$`));
    }
  });
});

describe('three levels: national → 吉林 → 长春 (a city built from 吉林 with items)', () => {
  it('each finds its parent by the 发文字号 it cites', () => {
    const all = [national, jilin, changchun];
    expect(parentOf(jilin, all)).toMatchObject({ parent: national, by: 'fileNumber' });
    expect(parentOf(changchun, all)).toMatchObject({ parent: jilin, by: 'fileNumber' });
    expect(parentOf(national, all)).toBeNull();
  });

  it('长春 items align with the 吉林 clauses they restate', () => {
    const d = diffRecords(jilin, changchun);
    // changchun-2022.txt: (二)1 and 2 are the two halves of 吉林 （九）; (三)1 and 2 come from （十）, (三)3 from （十一）
    expect(pair(d.clauses, '二（二）1', '三（九）')?.tags).toEqual(expect.arrayContaining(['split', 'demoted']));
    expect(pair(d.clauses, '二（二）2', '三（九）')).toBeTruthy();
    expect(pair(d.clauses, '二（三）1', '三（十）')).toBeTruthy();
    expect(pair(d.clauses, '二（三）2', '三（十）')).toBeTruthy();
    expect(pair(d.clauses, '二（三）3', '三（十一）')).toBeTruthy();
    expect(pair(d.clauses, '一（一）', '一（一）')).toBeTruthy();
    // 吉林's （三）–（八） (二、重点工作内容) have nothing in 长春
    for (const n of ['三', '四', '五', '六', '七', '八']) expect(pair(d.clauses, null, `二（${n}）`)?.status).toBe('removed');
    expect(d.clauses.filter((c) => c.unit === 'item' && c.baseClause).length).toBe(5);
  });

  it('the family is one tree of three levels, its matrix following national clauses down to 长春 items', () => {
    const records = [national, jilin, changchun];
    const [family, ...none] = familiesOf(records, pairWithParents(records));
    expect(none).toEqual([]);
    expect(family.root.record).toBe(national);
    expect(family.root.children.map((c) => c.record)).toEqual([jilin]);
    expect(family.root.children[0].children.map((c) => c.record)).toEqual([changchun]);
    const row = family.rows.find((r) => r.path === '三（八）')!; // national 压实工作责任
    const [atJilin, atChangchun] = row.cells;
    expect(atJilin?.paths).toEqual(['三（九）']);
    expect(atChangchun?.paths.sort()).toEqual(['二（二）1', '二（二）2']);
    // national 二（三） 深化东西部劳务协作: 吉林 has no counterpart, so neither has 长春
    const east = family.rows.find((r) => r.path === '二（三）')!;
    expect(east.cells.map((c) => c?.status)).toEqual(['removed', 'removed']);
    // adoption: 长春 keeps 吉林's （一）（九）（十）（十一） of its 11 clauses
    expect(family.root.children[0].children[0].adoption).toBeCloseTo(4 / 11, 3);
  });
});

describe('another topic and level: 上海市 保障性租赁住房 (corpus 05) → 闵行区, not cited', () => {
  it('is paired by content similarity, above the threshold and shown', () => {
    const choice = parentOf(minhang, [shanghai, minhang, national, jilin]);
    expect(choice?.parent).toBe(shanghai);
    expect(choice?.by).toBe('content');
    expect(choice!.similarity!).toBeGreaterThanOrEqual(CONTENT_SIMILARITY_THRESHOLD);
  });

  it('items pair with the clause of the right section (二（一） is not 三（一）)', () => {
    const d = diffRecords(shanghai, minhang);
    // minhang-2022.txt was written from these paragraphs of 05 (see test/fixtures/families/README.md)
    expect(linked(d.clauses).sort()).toEqual(
      [
        ['二（一）1', '二（一）'],
        ['二（一）2', '二（一）'],
        ['二（二）1', '二（二）'],
        ['二（二）2', '二（二）'],
        ['二（三）', '二（三）'],
        ['三（四）1', '三（一）'],
        ['三（四）2', '三（一）'],
        ['三（五）', '三（二）'],
      ].sort(),
    );
  });

  it('a split clause: each item is redlined against the sentences it draws on, every base sentence once', () => {
    const d = diffRecords(shanghai, minhang);
    const baseSide = (c: ClauseAlignment) => c.ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
    const one = pair(d.clauses, '二（一）1', '二（一）')!;
    const two = pair(d.clauses, '二（一）2', '二（一）')!;
    // item 1 was written from 05's 加强…空间规划 paragraph, item 2 from its 公共租赁住房 paragraph
    expect(baseSide(one)).toContain('加强保障性租赁住房空间规划');
    expect(baseSide(one)).not.toContain('公共租赁住房统一纳入');
    expect(baseSide(two)).toContain('公共租赁住房统一纳入');
    // 05's 系统评估廉租住房… sentence is in neither item: shown deleted exactly once
    const both = baseSide(one) + baseSide(two);
    expect(both.split('系统评估廉租住房').length - 1).toBe(1);
  });

  it('a notice on another topic is not paired with a higher one (浦东 节能 against 上海市 住房)', async () => {
    const [pudong] = await fixtureRecords('real/07_pudong-jieneng-ditan-zijin-2025.md');
    expect(parentOf(pudong, [shanghai, national])).toBeNull();
  });
});

describe('metamorphic: edits to a real regulation with items (浦东 节能低碳, corpus 07) are detected as such', () => {
  const source = readFileSync(join(root, 'test/fixtures/real/07_pudong-jieneng-ditan-zijin-2025.md'), 'utf8');
  const recordOf = async (text: string) => (await extractText(text, { path: 'edited.md' })).records[0];
  let base: NoticeRecord;
  beforeAll(async () => {
    base = await recordOf(source);
  });

  it('renumbering with full-width instead of half-width brackets changes nothing', async () => {
    const full = source.replace(/\((\d{1,2}|[一二三四五六七八九十]+)\)/g, '（$1）');
    expect(full).not.toBe(source);
    const d = diffRecords(base, await recordOf(full));
    expect(d.clauses.every((c) => c.status === 'unchanged' && c.baseClause === c.targetClause && c.tags.length === 0)).toBe(true);
    expect(d.clauses.some((c) => c.targetClause === '第八条（三）1（2）')).toBe(true);
    // 第八条（三） holds items: its lead 「(三)工业通信业节能低碳发展支持标准如下：」 is a unit of its own, kept
    expect(pair(d.clauses, '第八条（三）', '第八条（三）')?.unit).toBe('lead');
  });

  it('renumbering after an inserted item: the old items pair with their shifted numbers', async () => {
    const inserted = source
      .replace('(1)绿色低碳工艺升级', '(1)零碳园区创建。支持开展零碳园区和零碳工厂创建，按项目给予一次性奖励。\n\n(2)绿色低碳工艺升级')
      .replace('(2)节能技术改造项目', '(3)节能技术改造项目')
      .replace('(3)节能产品应用', '(4)节能产品应用')
      .replace('(4)合同能源管理项目', '(5)合同能源管理项目');
    const d = diffRecords(base, await recordOf(inserted));
    expect(pair(d.clauses, '第八条（三）1（1）', null)?.status).toBe('added');
    for (const k of [1, 2, 3, 4]) expect(pair(d.clauses, `第八条（三）1（${k + 1}）`, `第八条（三）1（${k}）`)?.status).toBe('unchanged');
    expect(d.clauses.some((c) => c.tags.includes('moved'))).toBe(false);
  });

  it('merging two sub-items: one target unit with both bases, tagged merged', async () => {
    const merged = source
      .replace(/\n\n\(2\)节能技术改造项目。/, '另外，节能技术改造项目。')
      .replace('(3)节能产品应用', '(2)节能产品应用')
      .replace('(4)合同能源管理项目', '(3)合同能源管理项目');
    const d = diffRecords(base, await recordOf(merged));
    const rows = d.clauses.filter((c) => c.targetClause === '第八条（三）1（1）');
    expect(rows.map((c) => c.baseClause).sort()).toEqual(['第八条（三）1（1）', '第八条（三）1（2）']);
    for (const c of rows) expect(c.tags).toContain('merged');
    expect(pair(d.clauses, '第八条（三）1（2）', '第八条（三）1（3）')?.status).toBe('unchanged');
    expect(d.clauses.some((c) => c.status === 'removed' || c.status === 'added')).toBe(false);
  });

  it('moving an article (第十二条 before 第九条, renumbered): only it is moved', async () => {
    const lines = source.split('\n');
    const at = (head: string) => lines.findIndex((l) => l.startsWith(head));
    const [i9, i12, i13] = [at('第九条'), at('第十二条'), at('第十三条')];
    const renumber = (ls: string[], from: string, to: string) => ls.map((l) => (l.startsWith(from) ? to + l.slice(from.length) : l));
    const moved = [
      ...lines.slice(0, i9),
      ...renumber(lines.slice(i12, i13), '第十二条', '第九条'),
      ...renumber(renumber(renumber(lines.slice(i9, i12), '第十一条', '第十二条'), '第十条', '第十一条'), '第九条', '第十条'),
      ...lines.slice(i13),
    ].join('\n');
    const d = diffRecords(base, await recordOf(moved));
    const movedRows = d.clauses.filter((c) => c.tags.includes('moved'));
    expect(movedRows.map((c) => [c.targetClause, c.baseClause])).toEqual([['第九条', '第十二条']]);
    expect(pair(d.clauses, '第十条', '第九条')?.status).toBe('unchanged');
  });

  it('promoting an item to the level above: 第八条（三）3 becomes 第八条（八）', async () => {
    const lines = source.split('\n');
    const item = lines.findIndex((l) => l.startsWith('3. 企业氮氧化物超量减排'));
    const text = lines[item].replace(/^3\. /, '');
    const last = lines.findIndex((l) => l.startsWith('(七)区政府确定的其他节能低碳项目') || (l.startsWith('(七)') && lines.indexOf(l) > item));
    const edited = [...lines.slice(0, item), ...lines.slice(item + 1, last + 1), '', `(八)${text}`, ...lines.slice(last + 1)].join('\n');
    const d = diffRecords(base, await recordOf(edited));
    expect(pair(d.clauses, '第八条（八）', '第八条（三）3')?.tags).toContain('promoted');
  });
});

describe('a 转发/印发 cover notice stands for the document it forwards', () => {
  it('a cover that 印发 a plan of its own level, in the same file, gives way to the plan', () => {
    const cover: NoticeRecord = {
      ...changchun,
      source: { ...changchun.source, path: 'cover.txt', documentIndex: 0 },
      title: '长春市人力资源和社会保障局关于印发稳岗就业工作方案的通知',
      references: [{ fileNumber: null, title: '稳岗就业工作方案', relation: 'forwards', span: null }],
      sections: [],
    };
    const plan: NoticeRecord = { ...changchun, source: { ...changchun.source, path: 'cover.txt', documentIndex: 1 }, title: '稳岗就业工作方案' };
    expect(forwardedBy(cover, [cover, plan])).toBe(plan);
    // the plan prints no citation; its cover cites 吉林's 发文字号: the plan is paired with 吉林, the cover is not paired
    const bare: NoticeRecord = { ...plan, references: [], region: null, level: null };
    const coverCiting: NoticeRecord = { ...cover, references: [...cover.references, { fileNumber: '吉人社联〔2022〕81号', title: null, relation: 'implements', span: null }] };
    const pairs = pairWithParents([jilin, coverCiting, bare]);
    expect(pairs.has(coverCiting)).toBe(false);
    expect(pairs.get(bare)?.parent).toBe(jilin);
    expect(pairs.get(bare)?.choice.by).toBe('fileNumber');
    // a province forwarding the national notice stays itself: the national text is not its adaptation
    const gd = { ...jilin, source: { ...jilin.source, path: 'gd.txt', documentIndex: 0 } };
    const nat = { ...national, source: { ...national.source, path: 'gd.txt', documentIndex: 1 } };
    expect(forwardedBy(gd, [gd, nat])).toBe(gd);
  });
});

describe('the report draws families', () => {
  it('a tree national → 吉林 → 长春 with adoption shares, and the family matrix with 长春 items', async () => {
    const { reportModel } = await import('../src/report/model.js');
    const { familiesHtml } = await import('../src/report/families.js');
    const model = reportModel({ records: [national, jilin, changchun], findings: [] });
    const html = familiesHtml(model.families, model.entries);
    // the tree nests: national's <li> holds 吉林's, which holds 长春's
    const jilinAt = html.indexOf('吉人社联〔2022〕81号');
    const changchunAt = html.indexOf('长人社联〔2022〕27号');
    expect(jilinAt).toBeGreaterThan(0);
    expect(changchunAt).toBeGreaterThan(jilinAt);
    expect(html.slice(jilinAt, changchunAt)).toContain('<ul>');
    expect(html).toContain('采用 36%'); // 4 of 吉林's 11 clauses
    expect(html).toMatch(/<tr data-path="三（八）">.*二（二）1、二（二）2/);
  });
});

describe('content similarity bound', () => {
  it('never falls below the aligned similarity (it prunes candidates soundly)', async () => {
    const { contentBound, contentSimilarity } = await import('../src/diff/national.js');
    const [pudong] = await fixtureRecords('real/07_pudong-jieneng-ditan-zijin-2025.md');
    for (const [p, r] of [
      [national, jilin],
      [jilin, changchun],
      [shanghai, minhang],
      [shanghai, pudong],
      [national, minhang],
    ] as const) {
      expect(contentBound(p, r)).toBeGreaterThanOrEqual(contentSimilarity(p, r) - 1e-9);
    }
    expect(contentBound(shanghai, pudong)).toBeLessThan(CONTENT_SIMILARITY_THRESHOLD);
  });
});

describe('changed figures in the family tree speak the report\'s words', () => {
  it('a part of the total, a lower rate and a dropped figure, each with its Chinese status', async () => {
    const { changedFigures } = await import('../src/compare/families.js');
    const figure = (metric: string, unit: string, base: number | null, target: number | null, status: string) => ({
      metric, unit, base, target, targetUnit: target === null ? null : unit, year: 2025, status, implied: null, of: null, baseSpan: null, targetSpan: null,
    });
    const diff = {
      numbers: [],
      figures: [figure('公园数量', '座', 1000, 230, 'part'), figure('森林覆盖率', '%', 19.5, 17, 'lower'), figure('新建绿道', '公里', 2000, null, 'dropped'), figure('森林覆盖率', '%', 17, 17, 'same'),
        { ...figure('城市建成区绿化覆盖率', '%', 40, 40, 'converted'), targetUnit: '平方公里' }],
    } as unknown as Parameters<typeof changedFigures>[0];
    expect(changedFigures(diff)).toEqual(['公园数量: 1000 → 230座（上级总数中的本地部分）', '森林覆盖率: 19.5 → 17%（低于上级）', '新建绿道: 2000公里 → —（未重述）', '城市建成区绿化覆盖率: 40% → 40平方公里（换算表述）']);
  });
});
