import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { inferRegion } from '../src/extract/region.js';
import { wrapWidth } from '../src/normalize/hard-wrap.js';
import { FORMER_DIVISIONS } from '../src/lexicon/former-divisions.js';
import { allDivisions, divisionByCode } from '../src/lexicon/regions.js';
import { fixtureRecords, headerOf, recordsOfText } from './helpers/context.js';

// Real web copies from a fourth held-out set (test/fixtures/real 66–73, see its README): the tune
// half the rules below were written from. The expected values were read off the texts by hand: the
// 落款, the 发文字号 as printed, the title's own words, the official names; a value the copy does
// not print is null.

const one = async (name: string) => (await fixtureRecords(`real/${name}`))[0];
const names = (r: NoticeRecord) => r.issuers.map((i) => i.name);
const header = headerOf;
const fromText = recordsOfText;

describe('a title that names its issuing body first takes no line above it but more bodies’ names', () => {
  it('a repost’s cut-off headline in 《 above a title wrapped over three lines (2023)', async () => {
    const r = await one('66_guangdong-yuefuban-minjian-touzi-2023.txt');
    expect(header(r)).toEqual([
      '广东省人民政府办公厅关于印发广东省进一步加鼎力度支持民间投资生长实行方案的通知', '粤府办〔2023〕5号', ['广东省人民政府办公厅'], '2023-03-17', 'provincial', '广东省',
    ]);
  });
  it('a headline with a figure above the title is not part of it', async () => {
    const [r] = await fromText('2021年第3期\n某某市人民政府关于\n做好防汛工作的通知\n各县（市、区）人民政府：\n现就做好防汛工作通知如下，请遵照执行。\n某某市人民政府\n2021年6月1日\n');
    expect(r.title).toBe('某某市人民政府关于做好防汛工作的通知');
  });
  it('issuing bodies wrapped over lines, one name split between two, still make one title', async () => {
    const [r] = await fromText(
      '某某省人力资源和社会保障厅 某某省\n发展和改革委员会 某某省财政厅关于做好\n就业工作的通知\n各市人力资源社会保障局：\n现就做好就业工作通知如下，请遵照执行。\n某某省人力资源和社会保障厅\n2022年5月1日\n',
    );
    expect(r.title).toBe('某某省人力资源和社会保障厅某某省发展和改革委员会某某省财政厅关于做好就业工作的通知');
  });
});

describe('a notice quoted below a page’s own text', () => {
  it('a writing guide’s 例文 in traditional characters with readings: the title above its 主送机关 (2004)', async () => {
    const r = await one('67_shanghai-biaozhang-liuxiang-yaoming-jueding-2004.txt');
    // the decision's date stands alone (no 落款): its issuer is the body its title names
    expect(header(r)).toEqual(['上海市人民政府关于表彰刘翔、姚明等31名运动员、教练员的决定', null, ['上海市人民政府'], '2004-09-03', 'provincial', '上海市']);
  });
  it('a lead-in ending in a colon, then a title with its 主送机关 below', async () => {
    const [r] = await fromText(
      '通知的写法如下：\n1.标题。由发文机关、事由和文种组成。\n例文\n某某县人民政府关于开展植树活动的通知\n各乡镇人民政府，县直各单位：\n现就开展植树活动通知如下，请遵照执行。\n某某县人民政府\n2020年3月1日\n',
    );
    expect([r.title, names(r), r.signedDate]).toEqual(['某某县人民政府关于开展植树活动的通知', ['某某县人民政府'], '2020-03-01']);
  });
  it('a title-like line in the body with no 主送机关 below it is no title', async () => {
    const [r] = await fromText(
      '各乡镇人民政府，县直各单位：\n现将有关事项通知如下：\n某某县人民政府关于开展植树活动的通知\n一、各单位要按时完成植树任务。\n某某县人民政府\n2020年3月1日\n',
    );
    expect(r.title).toBeNull();
  });
});

describe('a page headed with the name of the document the notice issues', () => {
  it('a wiki mirror’s heading, the notice’s own title two lines below it (2011)', async () => {
    const r = await one('68_zhoukou-zhouzheng-guifanxing-wenjian-2011.txt');
    // the mirror prints 文件 as 檔案 throughout: the title keeps the words as printed
    expect(header(r)).toEqual(['周口市人民政府关于印发周口市规范性档案管理规定的通知', '周政〔2011〕53号', ['周口市人民政府'], '2011-07-28', 'municipal', '河南省周口市']);
  });
  it('a heading that the title below does not issue stays the title', async () => {
    const [r] = await fromText('某某市人民政府关于做好防汛工作的通知\n某某市人民政府关于做好抗旱工作的通知\n各县（市、区）人民政府：\n现就有关事项通知如下。\n某某市人民政府\n2021年6月1日\n');
    expect(r.title).toBe('某某市人民政府关于做好防汛工作的通知');
  });
});

describe('other copies of the tune half (values read off the texts)', () => {
  it('a 穗府办 page in traditional characters whose title names no body: the 落款 does (2006)', async () => {
    const r = await one('69_guangzhou-suifuban-zhengfu-gongzuo-baogao-2006.txt');
    expect(header(r)).toEqual(['关于印发2006年政府工作报告要求重点做好的工作事项的通知', '穗府办〔2006〕19号', ['广州市人民政府办公厅'], '2006-04-28', 'municipal', '广东省广州市']);
  });
  it('a prefecture’s 行政公署 under a bulleted metadata list (2021)', async () => {
    const r = await one('70_ali-xingshu-gongzuo-guize-2021.txt');
    expect(header(r)).toEqual(['阿里地区行政公署关于印发《阿里地区行政公署工作规则》的通知', '阿行发〔2021〕42号', ['阿里地区行政公署'], '2021-11-09', 'municipal', '西藏自治区阿里地区']);
  });
  it('a 函 that starts at its 主送机关, in traditional characters with readings (2018)', async () => {
    const r = await one('71_huizhou-anweiban-guapai-duban-han-2018.txt');
    expect(header(r)).toEqual([null, null, ['惠州市安全生产委员会办公室'], '2018-04-17', 'municipal', '广东省惠州市']);
  });
  it('a 请示 whose 发文字号 is run into its title (2020)', async () => {
    const r = await one('72_jiading-fangguanju-nongmin-jizhong-juzhu-qingshi-2020.txt');
    // the 落款 prints 嘉定区…管理局; the line above the title gives the full name, with the city
    expect(header(r)).toEqual([
      '关于将我区2020年度外冈镇、马陆镇两个《农民相对集中居住实施方案》函报市住建委的请示', '嘉房管〔2020〕59号', ['上海市嘉定区住房保障和房屋管理局'], '2020-05-08', 'county', '上海市嘉定区',
    ]);
  });
  it('a cover notice without its title, signed by a county-level city renamed in 2021 (2024)', async () => {
    const r = await one('73_lufeng-changwu-huiyi-yishi-guize-2024.txt');
    expect(header(r)).toEqual([null, null, ['禄丰市人民政府'], '2024-11-20', 'county', '云南省楚雄彝族自治州禄丰市']);
  });
});

describe('a county-level name since renamed or made a district', () => {
  it('places a notice signed with it in the division that holds it now (增城市 → 广州市增城区, 2014)', async () => {
    const [r] = await fromText('增城市人民政府关于加强森林防火工作的通知\n各镇人民政府，市府直属各单位：\n现就加强森林防火工作通知如下，请认真贯彻执行。\n增城市人民政府\n2010年3月1日\n');
    expect([r.level, r.region?.name]).toEqual(['county', '广东省广州市增城区']);
  });
  it('a former county of a municipality and a former district merged into another', () => {
    expect(inferRegion(['崇明县人民政府'], null, '')).toEqual({ level: 'county', region: { name: '上海市崇明区', code: '310151' } });
    expect(inferRegion(['上海市南汇区人民政府'], null, '')).toEqual({ level: 'county', region: { name: '上海市浦东新区', code: '310115' } });
    expect(inferRegion(['禄丰县人民政府'], null, '')).toEqual({ level: 'county', region: { name: '云南省楚雄彝族自治州禄丰市', code: '532302' } });
  });
  it('the table maps each former name once, to a county-level division, and shadows no current name', () => {
    const current = new Set(allDivisions().map((d) => d.name));
    const formers = FORMER_DIVISIONS.map(([f]) => f);
    expect(new Set(formers).size).toBe(formers.length);
    expect(formers.filter((f) => current.has(f))).toEqual([]);
    expect(FORMER_DIVISIONS.filter(([, code]) => divisionByCode(code)?.kind !== 'county').map(([f]) => f)).toEqual([]);
  });
});

describe('a run-on copy whose 落款 is glued to the last item of its 附件 line', () => {
  // a cover notice of two provincial bodies with two annexes, every line break gone (shortened)
  const cover =
    '浙江省物价局浙江省财政厅关于城市道路占道收费有关问题的通知各市物价局、财政局：现将城市道路占道收费有关问题通知如下，请遵照执行。一、占道费按日计收。二、本通知自2007年6月1日起执行。' +
    '附件：1. 浙江省城市道路占道收费项目和标准　　2. 浙江省城市道路挖掘修复费收费标准浙江省物价局浙江省财政厅二○○七年五月八日　　';
  it('the annex’s own mark after the date (附件1：) tells the 落款: each body read back from the date', async () => {
    const [r] = await fromText(`${cover}附件1：　　浙江省城市道路占道收费项目和标准　　单位：元/天·平方米\n`);
    expect([names(r), r.signedDate]).toEqual([['浙江省物价局', '浙江省财政厅'], '2007-05-08']);
  });
  it('a central body glued to the last item, the annex marked 附件1 before its title', async () => {
    const [r] = await fromText(
      '国务院关于某某口岸区范围的批复国函〔2006〕132号广东省人民政府：你省请示收悉。现批复如下：一、同意口岸区范围。二、土地使用期限自口岸启用之日起计算。附件1.口岸区的查验区界址点坐标    2.口岸区桥面界址点坐标国务院                 二〇〇六年十二月三十日        附件1.口岸区的查验区界址点坐标\n',
    );
    expect([names(r), r.signedDate]).toEqual([['国务院'], '2006-12-30']);
  });
  it('a date in a sentence after the 附件 line, with no annex after it, is no 落款', async () => {
    const [r] = await fromText(`${cover.replace('二○○七年五月八日　　', '')}二○○七年五月八日前印发的收费标准同时废止。\n`);
    expect(r.signedDate).toBeNull();
  });
});

describe('a copy hard-wrapped at a fixed width', () => {
  // a city government's cover notice (shortened), every line cut after 20 characters as an e-mail does
  const notice = [
    '安顺市人民政府关于印发安顺市储备粮管理办法的通知',
    '各县、区人民政府，市政府各工作部门：',
    '现将《安顺市储备粮管理办法》印发给你们，请认真抓好贯彻落实。安顺市人民政府2023年9月5日',
    '（此件公开发布）',
    '安顺市储备粮管理办法',
    '第一条 为加强市级储备粮管理，保障市级储备粮数量真实、质量良好和储存安全，有效发挥市级储备粮的宏观调控作用，制定本办法。',
    '第二条 本办法适用于市级储备粮的计划、储存、轮换、动用和监督检查等活动。',
  ].join('\n');
  const wrapped = notice.split('\n').map((l) => l.match(/.{1,20}/gu)!.join('\n')).join('\n');
  it('gets its lines back: the signature and the date cut across two lines read whole', async () => {
    expect(wrapped).toContain('安顺市人民政府202\n3年9月5日');
    expect(wrapWidth(wrapped.split('\n'))).toBe(20);
    const [r] = await fromText(`${wrapped}\n`);
    expect([r.title, names(r), r.signedDate]).toEqual(['安顺市人民政府关于印发安顺市储备粮管理办法的通知', ['安顺市人民政府'], '2023-09-05']);
  });
  it('a text whose lines vary in length, or a column of short lines, is not wrapped', () => {
    expect(wrapWidth(notice.split('\n'))).toBe(0);
    expect(wrapWidth(['一二三四五六', '一二三四五六', '一二三四五六', '一二三四五六', '一二三四五六', '一二三四五六', '一二三四五六', '一二三四五六'])).toBe(0);
  });
});

describe('rules read off the held half’s report (after its blind score)', () => {
  it('a title line that ends in a scraped table’s right border (…的通知 |) is the title without it', async () => {
    const [r] = await fromText('某某市人民政府关于做好防汛工作的通知 |\n各县（市、区）人民政府：\n现就做好防汛工作通知如下，请遵照执行。\n某某市人民政府\n2021年6月1日\n');
    expect(r.title).toBe('某某市人民政府关于做好防汛工作的通知');
  });
  it('a central body of three characters that a title names first issues a copy without its 落款', async () => {
    const [r] = await fromText('国务院关于推动某某地区高质量发展的意见\n国发〔2023〕16号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为推动高质量发展，现提出如下意见。\n一、总体要求\n');
    expect([names(r), r.level]).toEqual([['国务院'], 'national']);
  });
  it('a local short form of three characters (市政府关于…) names no issuer', async () => {
    const [r] = await fromText('市政府关于做好防汛工作的通知\n各县（市、区）人民政府：\n为做好防汛工作，现通知如下。\n一、提高认识。\n');
    expect(names(r)).toEqual([]);
  });
});
