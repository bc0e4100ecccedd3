import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiffRecord, type ClauseAlignment } from '../schemas/diff.js';
import type { Clause, NoticeRecord } from '../schemas/notice.js';
import { alignClauses } from '../src/diff/align.js';
import { diffRecords } from '../src/diff/index.js';
import { compareNumbers, regionKey } from '../src/diff/numbers.js';
import { baseSide, redline, targetSide } from '../src/diff/redline.js';
import { commonShingles, compareTexts, coverage, dice, isLink, normalizeClause, stripNumbering } from '../src/diff/similarity.js';
import { formatText } from '../src/diff/format/text.js';
import { pickBase, pickTarget, parseDocumentPath } from '../src/cli/diff.js';
import { root, SEEDS, seedPath, seedRecords } from './helpers/context.js';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const pair = (clauses: ClauseAlignment[], target: string | null, base: string | null) =>
  clauses.find((c) => c.target === target && c.base === base);

let national: NoticeRecord;
let guangdong: NoticeRecord;
let jilin: NoticeRecord;
let shandong: NoticeRecord;
let heilongjiang: NoticeRecord;

beforeAll(async () => {
  [guangdong, national] = await seedRecords(SEEDS.guangdong);
  [jilin] = await seedRecords(SEEDS.jilin);
  [shandong] = await seedRecords(SEEDS.shandong);
  [heilongjiang] = await seedRecords(SEEDS.heilongjiang);
});

const nationalClauses = () => national.sections.flatMap((s) => s.clauses);

/** A copy of `base` whose body is the given clauses, numbered （一）（二）… in order, in one section. */
function withClauses(base: NoticeRecord, texts: string[], extra: Partial<NoticeRecord> = {}): NoticeRecord {
  const span = { line: 1, column: 1 };
  const clauses: Clause[] = texts.map((t, i) => ({
    number: CN[i + 1],
    ordinal: i + 1,
    heading: stripNumbering(t).split('。')[0],
    text: `（${CN[i + 1]}）${stripNumbering(t)}`,
    span,
  }));
  return {
    ...structuredClone(base),
    sections: [{ number: '一', ordinal: 1, heading: '工作任务', text: '', clauses, span }],
    ...extra,
  };
}

describe('similarity', () => {
  it('normalises away numbering, punctuation, whitespace and full-width forms', () => {
    expect(normalizeClause('（十五）压实工作责任。坚持“中央统筹”，\n省负总责；１２３')).toBe('压实工作责任坚持中央统筹省负总责123');
    expect(normalizeClause('十五、压实工作责任')).toBe('压实工作责任');
    expect(stripNumbering('（三）深化东西部劳务协作。')).toBe('深化东西部劳务协作。');
  });

  it('measures reuse as shingle coverage, in both directions', () => {
    const base = '推动就业帮扶车间健康发展壮大升级各地可利用衔接推进乡村振兴补助资金对就业帮扶车间吸纳脱贫人口就业给予奖补';
    const target = '支持就业帮扶车间等就业载体发展要推动就业帮扶车间健康发展壮大升级明确帮扶车间脱贫人口就业比重';
    expect(coverage(base, base)).toBe(1);
    expect(coverage('完全不同的一句话而且很长', base)).toBe(0);
    const s = compareTexts(base, target);
    expect(s.target).toBeGreaterThan(0.3);
    expect(s.base).toBeGreaterThan(0.25);
    expect(s.similarity).toBeGreaterThan(0.25);
    expect(s.similarity).toBeLessThan(1);
    expect(compareTexts(base, base).similarity).toBe(1);
  });

  it('does not link clauses through stock phrases the base repeats across clauses', () => {
    const baseClauses = ['落实就业帮扶政策加大力度按规定落实交通费补贴', '督促落实就业帮扶政策措施共同做好监测和工作调度'];
    const common = commonShingles(baseClauses);
    expect(common.has('就业帮扶政策')).toBe(true);
    const s = compareTexts(baseClauses[0], '各地要落实就业帮扶政策营造良好社会氛围选树典型', common);
    expect(isLink(s)).toBe(false);
  });

  it('keeps a bigram Dice measure for vocabulary overlap', () => {
    expect(dice('脱贫人口务工目标任务表', '脱贫人口务工目标任务表')).toBe(1);
    expect(dice('脱贫人口务工目标任务表', '吸纳脱贫人口务工目标任务表')).toBeGreaterThan(0.8);
    expect(dice('甲乙', '丙丁')).toBe(0);
  });
});

describe('redline', () => {
  it('rebuilds both texts and reads as phrases', () => {
    const base = nationalClauses()[0].text;
    const target = jilin.sections[0].clauses[0].text;
    const ops = redline(base, target);
    expect(baseSide(ops)).toBe(base);
    expect(targetSide(ops)).toBe(target);
    expect(ops.find((o) => o.op === 'insert' && o.text.includes('11.29'))).toBeTruthy();
    // no confetti: no one-character equalities between edits
    const inner = ops.slice(1, -1).filter((o) => o.op === 'equal');
    expect(inner.filter((o) => o.text.length === 1).length).toBeLessThanOrEqual(1);
  });

  it('keeps a long shared passage even when the province rewrote everything around it', () => {
    const base = '甲乙丙丁戊己庚辛壬癸。衔接推进乡村振兴补助资金支持的优势特色产业项目，优先吸纳脱贫人口就业。子丑寅卯辰巳午未申酉。';
    const target = `开展“春风行动”等系列活动，主动对接当地用工单位，提供精准就业岗位，促进务工增收。衔接推进乡村振兴补助资金支持的优势特色产业项目，优先吸纳脱贫人口就业。另有本省的许多新增内容和具体措施要求。`;
    const ops = redline(base, target);
    expect(ops.some((o) => o.op === 'equal' && o.text.includes('衔接推进乡村振兴补助资金支持的优势特色产业项目'))).toBe(true);
  });

  it('is a single equal op for equal texts', () => {
    expect(redline('同一段话', '同一段话')).toEqual([{ op: 'equal', text: '同一段话' }]);
  });
});

describe('alignClauses on the seeds (national = 000 document 1)', () => {
  it('national against itself: every clause unchanged, similarity 1', () => {
    const d = diffRecords(national, national);
    expect(d.clauses).toHaveLength(10);
    expect(d.clauses.every((c) => c.status === 'unchanged' && c.similarity === 1 && c.base === c.target)).toBe(true);
    expect(d.similarity).toBe(1);
    expect(d.counts).toEqual({ unchanged: 10, modified: 0, added: 0, removed: 0 });
    expect(d.numbers).toEqual([]);
  });

  it('Shandong follows the national order clause by clause', () => {
    const c = alignClauses(national, shandong);
    for (const n of ['三', '五', '六', '八', '十']) {
      const p = pair(c, n, n);
      expect(p, `山东 ${n} ↔ ${n}`).toBeTruthy();
      expect(p!.status).toBe('modified');
    }
    expect(c.filter((x) => x.status === 'added' || x.status === 'removed')).toEqual([]);
  });

  it('Heilongjiang: renumbered, moved, split, and four clauses of its own', () => {
    const c = alignClauses(national, heilongjiang);
    for (const [t, b] of [['九', '六'], ['十五', '八'], ['十六', '九'], ['十七', '十']]) {
      expect(pair(c, t, b), `黑 ${t} ↔ ${b}`).toBeTruthy();
    }
    for (const t of ['十二', '十三', '十四', '十八']) expect(pair(c, t, null)?.status, `黑 ${t} added`).toBe('added');
    // national （七） is split into 黑 （十） and （十一）
    expect(pair(c, '十', '七')?.tags).toContain('split');
    expect(pair(c, '十一', '七')?.tags).toContain('split');
    // 黑 （九） adds 省级责任单位: an implementation of national （六）
    expect(pair(c, '九', '六')?.tags).toContain('implementation');
    // every target clause appears, in order
    const targets = c.map((x) => x.target).filter((x) => x !== null);
    expect([...new Set(targets)]).toEqual(heilongjiang.sections.flatMap((s) => s.clauses.map((x) => x.number)));
  });

  it('Jilin: 九↔八, 十↔九, 十一↔十, 七 added, national 三 removed', () => {
    const c = alignClauses(national, jilin);
    for (const [t, b] of [['九', '八'], ['十', '九'], ['十一', '十']]) expect(pair(c, t, b), `吉 ${t} ↔ ${b}`).toBeTruthy();
    expect(pair(c, '七', null)?.status).toBe('added');
    expect(pair(c, null, '三')?.status).toBe('removed');
    // （五） keeps the 雨露计划+ clause of the national notice inside its training clause
    expect(pair(c, '五', '六')?.status).toBe('modified');
    // the removed clause sits where it stood in the national order: after the row of national （二）
    const at = c.findIndex((x) => x.base === '三');
    expect(c[at - 1].base).toBe('二');
  });

  it('validates against the DiffRecord schema, with counts that add up', () => {
    for (const t of [jilin, shandong, heilongjiang]) {
      const d = diffRecords(national, t);
      expect(DiffRecord.safeParse(d).success).toBe(true);
      const n = d.counts.unchanged + d.counts.modified + d.counts.added + d.counts.removed;
      expect(n).toBe(d.clauses.length);
      expect(d.similarity).toBeGreaterThan(0.3);
      expect(d.similarity).toBeLessThan(0.95);
      expect(d.base).toBe('人社部发〔2022〕13号');
    }
  });
});

describe('alignClauses on a synthetic province', () => {
  /**
   * Made from the national clauses: （三） deleted, （十） moved up, （五） given local amounts, a new
   * clause inserted, （七） split in two, （八）+（九） merged into one.
   */
  function synthetic() {
    const n = nationalClauses().map((c) => stripNumbering(c.text));
    const seven = n[6];
    const cut = seven.indexOf('制定公布');
    const texts = [
      n[0].replace('全国', '全省').replace('3000万人', '11.29万人').replace('各省份目标任务具体见附件。', ''),
      n[1],
      n[9],
      n[3],
      n[4] + '每吸纳1名脱贫人口就业，给予1000元一次性奖补。（省级责任单位：省人社厅、省财政厅按职责分工负责）',
      '做好统计报送。各市人社部门要于每季度结束后3个工作日内，向省人社厅报送就业帮扶工作季度推进情况总结。',
      n[5],
      seven.slice(0, cut),
      '强化政策宣传。' + seven.slice(cut),
      n[7] + n[8],
    ];
    return withClauses(national, texts, { level: 'provincial', region: { name: '吉林省', code: '220000' } });
  }

  it('finds every move, deletion, edit, insertion, split and merge', () => {
    const c = alignClauses(national, synthetic());
    const rows = c.map((x) => `${x.target ?? '-'}←${x.base ?? '-'}:${x.status}`);
    expect(rows).toEqual([
      '一←一:modified',
      '二←二:unchanged',
      '-←三:removed',
      '三←十:unchanged',
      '四←四:unchanged',
      '五←五:modified',
      '六←-:added',
      '七←六:unchanged',
      '八←七:modified',
      '九←七:modified',
      '十←八:modified',
      '十←九:modified',
    ]);
    expect(pair(c, '五', '五')!.tags).toContain('implementation');
    expect(pair(c, '一', '一')!.tags).toContain('implementation');
    expect(pair(c, '八', '七')!.tags).toContain('split');
    expect(pair(c, '九', '七')!.tags).toContain('split');
    expect(pair(c, '十', '八')!.tags).toContain('merged');
    expect(pair(c, '十', '九')!.tags).toContain('merged');
    expect(pair(c, '四', '四')!.ops).toEqual([{ op: 'equal', text: stripNumbering(nationalClauses()[3].text) }]);
    const five = pair(c, '五', '五')!;
    expect(five.ops.filter((o) => o.op === 'insert').map((o) => o.text).join('')).toContain('1000元');
    expect(five.ops.some((o) => o.op === 'delete')).toBe(false);
  });

  it('renumbering alone changes nothing: the same clauses in reverse order are all unchanged', () => {
    const n = nationalClauses().map((c) => c.text).reverse();
    const d = diffRecords(national, withClauses(national, n));
    expect(d.counts).toEqual({ unchanged: 10, modified: 0, added: 0, removed: 0 });
    expect(pair(d.clauses, '一', '十')).toBeTruthy();
    expect(d.similarity).toBe(1);
  });

  it('a notice on another subject shares nothing', () => {
    const other = withClauses(national, [
      '加强森林草原防火工作。各地要落实防火责任制，开展隐患排查整治，确保不发生重大森林火灾。',
      '做好汛期安全生产。加强水库堤防巡查，及时转移危险区域群众，储备抢险物资。',
    ]);
    const d = diffRecords(national, other);
    expect(d.counts).toEqual({ unchanged: 0, modified: 0, added: 2, removed: 10 });
    expect(d.similarity).toBe(0);
  });

  it('the overall similarity falls as text is dropped', () => {
    const n = nationalClauses().map((c) => c.text);
    const half = diffRecords(national, withClauses(national, n.slice(0, 5)));
    const most = diffRecords(national, withClauses(national, n.slice(0, 9)));
    expect(half.similarity).toBeLessThan(most.similarity);
    expect(most.similarity).toBeLessThan(1);
  });
});

describe('compareNumbers', () => {
  it('Heilongjiang 19.67 matches its national row', () => {
    const n = compareNumbers(national, heilongjiang);
    expect(n).toContainEqual(expect.objectContaining({ region: '黑龙江', base: 19.67, target: 19.67, status: 'match' }));
  });

  it('Jilin 11.29 differs from its national row 10.73', () => {
    const n = compareNumbers(national, jilin);
    expect(n).toEqual([expect.objectContaining({ region: '吉林', base: 10.73, target: 11.29, status: 'differs' })]);
  });

  it('Shandong: each national row against the target Shandong sets for it (the one reading of src/figures/province.ts)', () => {
    // 附件1 allocates 17.88万人 to 山东; its text sets 外出务工不低于40.6万人 (its own 附件1: 国定 17.88 + 省定 22.68);
    // 附件2 allocates 20.8万人 intake; its text sets 吸纳…来鲁就业不低于20.8万人
    const n = compareNumbers(national, shandong);
    expect(n).toEqual([
      expect.objectContaining({ region: '山东', base: 17.88, target: 40.6, status: 'differs' }),
      expect.objectContaining({ region: '山东', base: 20.8, target: 20.8, status: 'match' }),
    ]);
  });

  it('Guangdong 387.6 matches the national 附件2 row', () => {
    const n = compareNumbers(national, guangdong);
    expect(n).toContainEqual(expect.objectContaining({ region: '广东', base: 387.6, status: 'match' }));
  });

  it('missing when the province states no figure; nothing for a national target', () => {
    const bare = withClauses(national, ['加强组织领导。各地要高度重视。'], { region: { name: '河南省', code: '410000' }, targets: [], tables: [] });
    expect(compareNumbers(national, bare)).toEqual([expect.objectContaining({ region: '河南', base: 205.42, target: null, status: 'missing' })]);
    expect(compareNumbers(national, national)).toEqual([]);
  });

  it('looks a province up by its short name, a city by its own', () => {
    const as = (name: string, level: NoticeRecord['level']) => regionKey({ ...national, level, region: { name, code: '' } });
    expect(as('吉林省', 'provincial')).toEqual({ label: '吉林', names: ['吉林', '吉林省'] });
    expect(as('济南市', 'municipal')).toEqual({ label: '济南', names: ['济南市', '济南'] });
    expect(as('吉林市', 'municipal')).toEqual({ label: '吉林市', names: ['吉林市'] });
    expect(regionKey(national)).toBeNull();
  });

  it('a city notice is compared with its row in the provincial annexes', () => {
    const jinan = withClauses(national, ['保持务工规模稳定。推动全市吸纳中西部脱贫人口来济就业不低于4.18万人。'], {
      level: 'municipal',
      region: { name: '济南市', code: '370100' },
      targets: [],
      tables: [],
    });
    const n = compareNumbers(shandong, jinan);
    expect(n).toContainEqual(expect.objectContaining({ region: '济南', base: 4.18, target: 4.18, status: 'match' }));
    expect(n.filter((x) => x.base === 1 || x.base === 0.96).map((x) => x.status)).toEqual(['missing', 'missing']);
  });

  it('an unrelated figure is reported as differing, not matched', () => {
    const t = withClauses(national, ['保持规模稳定。推动全省脱贫人口务工规模不低于200万人。'], {
      region: { name: '河南省', code: '410000' },
      targets: [],
      tables: [],
    });
    expect(compareNumbers(national, t)).toEqual([expect.objectContaining({ base: 205.42, target: 200, status: 'differs' })]);
  });
});

describe('text format', () => {
  it('shows pairs, status, similarity and an inline redline without colour when not a terminal', () => {
    const out = formatText(diffRecords(national, jilin), { color: false });
    expect(out).not.toMatch(/\x1b\[/);
    // units by printed path: 吉林 三、（九） against national 三、（八）; 吉林 二、（七） has no counterpart
    expect(out).toMatch(/三（九） ← 三（八）\s+modified\s+\d+%/);
    expect(out).toMatch(/二（七） ← —\s+added/);
    expect(out).toContain('base as parent: cites its 发文字号');
    expect(out).toContain('{+11.29万人');
    expect(out).toMatch(/吉林\s+10\.73 → 11\.29\s+differs/);
  });

  it('colours with ANSI when asked', () => {
    expect(formatText(diffRecords(national, jilin), { color: true })).toMatch(/\x1b\[32m/);
  });
});

describe('notices diff (CLI)', () => {
  const bin = join(root, 'bin', 'notices.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

  it('picks the national document out of a file that holds several', () => {
    const r = run('diff', seedPath(SEEDS.heilongjiang), '--against', seedPath(SEEDS.guangdong));
    expect(r.status, r.stderr).toBe(0);
    const d = DiffRecord.parse(JSON.parse(r.stdout));
    expect(d.base).toBe('人社部发〔2022〕13号');
    expect(d.basePath).toMatch(/000_7dc2baf39b3a8626\.txt#1$/);
    expect(d.target).toBe('黑人社发〔2022〕18号');
  });

  it('path#N picks a document explicitly, for the target and the base', () => {
    const r = run('diff', `${seedPath(SEEDS.guangdong)}#0`, '--against', `${seedPath(SEEDS.guangdong)}#1`);
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.target).toBe('粤人社发〔2022〕15号');
    expect(d.base).toBe('人社部发〔2022〕13号');
  });

  it('prints text and HTML', () => {
    const text = run('diff', seedPath(SEEDS.jilin), '--against', seedPath(SEEDS.guangdong), '--format', 'text');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('吉人社联〔2022〕81号');
    expect(text.stdout).not.toMatch(/\x1b\[/);
    const html = run('diff', seedPath(SEEDS.jilin), '--against', seedPath(SEEDS.guangdong), '--format', 'html');
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
  });

  it('bad input: one line on stderr naming the path and the reason, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-diff-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = run('diff', empty, '--against', seedPath(SEEDS.guangdong));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`notices: ${empty}: empty file`]);
    const missing = run('diff', seedPath(SEEDS.jilin), '--against', join(dir, 'nope.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^notices: .*nope\.txt: no such file or directory$/);
    const noDoc = run('diff', seedPath(SEEDS.jilin), '--against', `${seedPath(SEEDS.guangdong)}#7`);
    expect(noDoc.status).toBe(1);
    expect(noDoc.stderr).toMatch(/#7: no document 7/);
  });

  it('document selection rules', () => {
    expect(parseDocumentPath('a/b.txt#2')).toEqual({ path: 'a/b.txt', index: 2 });
    expect(parseDocumentPath('a/b.txt')).toEqual({ path: 'a/b.txt', index: null });
    expect(pickTarget([guangdong, national], null)).toBe(guangdong);
    // Guangdong forwards a notice issued above it: the cover stays the target
    expect(pickTarget([guangdong, national], null)).toBe(guangdong);
    // 吉林 cites 人社部发〔2022〕13号: the base is chosen as cited
    expect(pickBase([guangdong, national], null, jilin)).toEqual({ base: national, pairing: { by: 'fileNumber', similarity: null, threshold: null } });
    expect(pickBase([guangdong, national], null, guangdong)?.base).toBe(national);
    expect(pickBase([guangdong, national], 0, jilin)).toEqual({ base: guangdong, pairing: { by: 'given', similarity: null, threshold: null } });
  });
});
