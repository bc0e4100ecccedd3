import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { cleanTitle } from '../src/extract/title.js';
import { isBareMeta } from '../src/segment/classify.js';
import { inferRegion } from '../src/extract/region.js';
import { withoutPinyinReadings } from '../src/normalize/pinyin-notes.js';
import { identity } from '../src/normalize/offsets.js';
import { fixtureRecords, headerOf, recordsOfText } from './helpers/context.js';

// Real web copies from a third held-out set (test/fixtures/real 58–65, see its README): the tune
// half the rules below were written from. The expected values were read off the texts by hand: the
// 落款, the 发文字号 as printed, the title's own words, the official names.

const one = async (name: string) => (await fixtureRecords(`real/${name}`))[0];
const names = (r: NoticeRecord) => r.issuers.map((i) => i.name);
const header = headerOf;

const fromText = recordsOfText;

describe('copies that lost their line breaks', () => {
  it('a town’s cover letter, its 附件 line, 落款, date and annex on one line below a metadata table (2020)', async () => {
    const r = await one('58_lucheng-shanfuzhen-yingji-yuan-2020.txt');
    // the page prints no title; the 落款 names the town with its city and district
    expect(header(r)).toEqual([null, '鹿山政〔2020〕72号', ['温州市鹿城区山福镇人民政府'], '2020-10-22', 'township', '浙江省温州市鹿城区']);
  });
  it('a traffic police 通告 of a few hundred characters, its points run into one paragraph (2024)', async () => {
    const r = await one('62_shuozhou-jiaojing-miaohui-guanzhi-tonggao-2024.txt');
    expect(header(r)).toEqual(['朔州公安交警2024年老城四·八庙会交通管制通告', null, ['朔州市公安局交通警察支队二大队'], '2024-05-11', 'municipal', '山西省朔州市']);
  });
  it('a short 通告 on one line: title, 现通告如下：, points, 特此通告, signature and date', async () => {
    const [r] = await fromText(
      '某某县人民政府关于禁止燃放烟花爆竹的通告 为了保障公共安全，根据有关规定，现通告如下：一、本县城区全年禁止燃放烟花爆竹。二、违反本通告的，由公安机关依法处理。三、本通告自发布之日起施行。特此通告。 某某县人民政府 2020年1月1日\n',
    );
    expect([r.title, names(r), r.signedDate]).toEqual(['某某县人民政府关于禁止燃放烟花爆竹的通告', ['某某县人民政府'], '2020-01-01']);
  });
});

describe('titles as web pages print them', () => {
  it('each line of the title a paragraph of its own: the 发文机关 line above 关于 is part of it (2021)', async () => {
    const r = await one('59_yixian-hongyashan-zhili-tonggao-2021.txt');
    // the copy ends with the 通告's last point: no 落款, no date
    expect(header(r)).toEqual(['易县洪崖山综合治理工作指挥部关于对洪崖山进行集中治理的通告', null, ['易县洪崖山综合治理工作指挥部'], null, 'county', '河北省保定市易县']);
  });
  it('the 文号 in brackets after the title is the 发文字号, not part of the title (2017)', async () => {
    const r = await one('60_yueyang-shiwei-shizhengfu-zhengwu-gongkai-2017.txt');
    expect(header(r)).toEqual([
      '中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知', '岳办发〔2017〕2号',
      ['中共岳阳市委办公室', '岳阳市人民政府办公室'], '2017-01-10', 'municipal', '湖南省岳阳市',
    ]);
  });
  it('a news headline run into the title ends with its 事由: dropped; a district police 分局 is county level (2023)', async () => {
    const r = await one('63_taierzhuang-jiaojing-guhui-guanzhi-tonggao-2023.txt');
    expect(header(r)).toEqual(['关于台儿庄四月初八古会期间交通管制的通告', null, ['枣庄市公安局台儿庄分局交通警察大队'], '2023-05-23', 'county', '山东省枣庄市台儿庄区']);
  });
  it('the column a page posted the title under (政务服务丨…) is not part of it', () => {
    expect(cleanTitle('政务服务丨某某市人民政府关于做好防汛工作的通知').value).toBe('某某市人民政府关于做好防汛工作的通知');
    expect(cleanTitle('权威发布｜关于做好防汛工作的通知').value).toBe('关于做好防汛工作的通知');
  });
  it('a headline that does not repeat the 事由 stays (the words before 关于 are the issuer’s)', () => {
    expect(cleanTitle('某某市人民政府关于做好防汛工作的通知').value).toBe('某某市人民政府关于做好防汛工作的通知');
  });
});

describe('issuers', () => {
  it('a 主席令 is issued by 中华人民共和国主席, not the body a law database files the law under (2000)', async () => {
    const r = await one('61_zhuxiling-tongyong-yuyan-wenzi-fa-2000.txt');
    expect(header(r)).toEqual(['中华人民共和国国家通用语言文字法', '中华人民共和国主席令第37号', ['中华人民共和国主席'], '2000-10-31', 'national', null]);
  });
  it('a 主席令 whose 《》 names the standing committee’s decision is still the head of state’s', async () => {
    const [r] = await fromText(
      '中华人民共和国主席令\n第八十四号\n\n《全国人民代表大会常务委员会关于修改〈中华人民共和国律师法〉的决定》已由中华人民共和国第十四届全国人民代表大会常务委员会第二十四次会议于2026年8月28日通过，现予公布，自2026年9月1日起施行。\n\n中华人民共和国主席　习近平\n2026年8月28日\n',
    );
    expect([names(r), r.level]).toEqual([['中华人民共和国主席'], 'national']);
  });
  it('the province a law database puts before the city government gives way to the title’s name (2010)', async () => {
    const r = await one('64_shuozhou-shizhengfu-kuangshan-baozhengjin-2010.txt');
    expect(header(r)).toEqual([
      '朔州市人民政府关于印发朔州市矿山环境恢复治理保证金预备金使用管理办法的通知', '朔政发〔2010〕71号', ['朔州市人民政府'], '2010-06-09', 'municipal', '山西省朔州市',
    ]);
  });
  it('the signature right above the date after an 附件 line that ends in a word the list check does not know', async () => {
    const [r] = await fromText('各乡镇人民政府，县直各单位：\n现将有关事项通知如下，请遵照执行。\n\n附件：某某县防汛应急预案\n\n某某县人民政府办公室\n2021年6月1日\n');
    expect([names(r), r.signedDate]).toEqual([['某某县人民政府办公室'], '2021-06-01']);
  });
});

describe('dates', () => {
  it('a page’s 发布日期 is not the notice’s 成文日期: a copy without its 落款 has no signed date', async () => {
    const [r] = await fromText(
      '某某市人民政府关于做好防汛工作的通知\n- 发布日期:2021-07-19\n- 浏览次数:\n某某市人民政府\n关于做好防汛工作的通知\n某政字〔2021〕30号\n各县（市、区）人民政府：\n为做好防汛工作，现通知如下：\n一、提高认识。各地要高度重视防汛工作。\n',
    );
    expect([r.fileNumber?.normalized, r.signedDate]).toEqual(['某政字〔2021〕30号', null]);
  });
});

describe('pinyin readings printed after characters', () => {
  it('a page in traditional characters with readings after them reads as the notice (2017)', async () => {
    const r = await one('65_shanghai-hufufa-zhengwu-chengxin-2017.txt');
    expect(header(r)).toEqual(['上海市人民政府印发《关于本市加强政务诚信建设的实施意见》的通知', '沪府发〔2017〕92号', ['上海市人民政府'], '2017-12-20', 'provincial', '上海市']);
  });
  it('only a bracketed syllable with a tone mark right after a character goes', () => {
    const out = (s: string) => withoutPinyinReadings(identity(s)).value;
    expect(out('發(fā)文機(jī)關(guān)')).toBe('發文機關');
    expect(out('滬府發（fā）〔2017〕92號(hào)')).toBe('滬府發〔2017〕92號');
    // no tone mark, or not after a character: text, not a reading
    expect(out('附件(a)和表(1)')).toBe('附件(a)和表(1)');
    expect(out('Beijing (běi) 2020')).toBe('Beijing (běi) 2020');
  });
});

describe('regions named down the chain', () => {
  it('a city and one of its districts before a town: the district', () => {
    expect(inferRegion(['温州市鹿城区山福镇人民政府'], null, '')).toEqual({ level: 'township', region: { name: '浙江省温州市鹿城区', code: '330302' } });
  });
  it('a city bureau’s 分局 named after a district sits in it; one named after no district stays in the city', () => {
    expect(inferRegion(['枣庄市公安局台儿庄分局'], null, '')).toEqual({ level: 'county', region: { name: '山东省枣庄市台儿庄区', code: '370405' } });
    expect(inferRegion(['枣庄市公安局交通警察支队'], null, '')).toEqual({ level: 'municipal', region: { name: '山东省枣庄市', code: '370400' } });
  });
});

describe('a 成文日期 in brackets under the title (a law database’s layout)', () => {
  // the layout of 国家教育委员会关于新建普通高等学校有关问题的通知 (1985) as a law database prints it,
  // shortened: the date in brackets is the 成文日期, not a remark of the title like （试行）
  const text = '国家教育委员会关于新建普通高等学校有关问题的通知\n（一九八五年十一月二十五日）\n\n鉴于近几年来在新建普通高等学校方面出现的一些问题，现就今后新建普通高等学校的有关问题作如下通知：\n一、在今后一段时间内，加强现有学校的整顿、建设是当务之急。\n二、新建学校要严格按照规定的程序报批。\n';
  it('is the signed date, and the title stays without it', async () => {
    const [r] = await fromText(text);
    expect(r.title).toBe('国家教育委员会关于新建普通高等学校有关问题的通知');
    expect(r.signedDate).toBe('1985-11-25');
  });
  it('a bracketed remark that is not a date still belongs to the title', async () => {
    const [r] = await fromText(text.replace('（一九八五年十一月二十五日）', '（试行）'));
    expect(r.title).toBe('国家教育委员会关于新建普通高等学校有关问题的通知（试行）');
    expect(r.signedDate).toBeNull();
  });
});

describe('a last paragraph run on into 特此通告, the 落款 and the date (a page that kept its paragraphs only)', () => {
  // the closing of a 2023 traffic police 通告 as a news page prints it, shortened
  const text = '关于对体育馆周边道路实施临时交通管制的通告\n\n为保障活动顺利进行，我支队决定对体育馆周边道路实施临时交通管制。现通告如下：\n一、管制时间为2023年1月20日17时至22时。\n二、管制期间禁止一切车辆通行。因交通管制给广大市民出行带来的不便，敬请谅解。 特此通告 汕尾市公安局交通警察支队 2023年1月20日\n';
  it('the police 支队 signs it on that date', async () => {
    const [r] = await fromText(text);
    expect(names(r)).toEqual(['汕尾市公安局交通警察支队']);
    expect(r.signedDate).toBe('2023-01-20');
  });
  it('a paragraph that only ends with a date in a sentence keeps it', async () => {
    const [r] = await fromText(text.replace('。 特此通告 汕尾市公安局交通警察支队 2023年1月20日', '，管制至2023年1月20日'));
    expect(names(r)).toEqual([]);
    expect(r.signedDate).toBeNull();
  });
});

describe('a law database’s field list without separators', () => {
  // the fields above a 1986 State Council notice as a law database prints them, one per line, no colon
  const fields = '发文机关国务院办公厅\n发文日期1986年07月07日\n时效性现行有效\n发文字号国办发〔1986〕53号\n施行日期1986年07月07日\n效力级别国务院规范性文件\n';
  const body = '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n经国务院领导批准，现将有关问题通知如下：\n一、办公室由水电部代管。\n二、办公室设在水电部。\n国务院办公厅\n一九八六年七月七日\n';
  it('is page matter: no field line is taken for the title', async () => {
    const [r] = await fromText(fields + body);
    expect(r.title).toBeNull();
    expect(r.fileNumber?.normalized).toBe('国办发〔1986〕53号');
    expect(names(r)).toEqual(['国务院办公厅']);
    expect(r.signedDate).toBe('1986-07-07');
  });
  it('a field is a key and a date, or a key that takes a word and a short word; a long run after the key is not', () => {
    expect(isBareMeta('施行日期1986年07月07日')).toBe(true);
    expect(isBareMeta('时效性现行有效')).toBe(true);
    expect(isBareMeta('效力级别国务院规范性文件')).toBe(true);
    // punctuation, or more than a short word after the key: a sentence
    expect(isBareMeta('时效性要求高的事项，各地要抓紧办理。')).toBe(false);
    expect(isBareMeta('时效性要求高的事项各地要抓紧办理完毕不得拖延')).toBe(false);
    expect(isBareMeta('施行日期由各地自行确定')).toBe(false);
  });
});

describe('a body that names itself without its place in its own title', () => {
  // a county's 决定 as its portal prints it (2024, shortened): the title says 县人民政府, the page's field 发文单位 the full name
  const page = '县人民政府关于给予县城管执法局集体嘉奖的决定\n\n索引号: 01105619X/2024-05584 文号: 嘉政发〔2024〕1号\n\n主题分类: 政务公开 发文单位: 嘉鱼县人民政府\n\n各镇人民政府，县政府各部门：\n近日，我县遭受了低温雨雪冰冻灾害。县政府研究决定，给予县城管执法局集体嘉奖。\n2024年2月6日\n';
  it('takes the place from the page: 嘉鱼县人民政府, county level', async () => {
    const [r] = await fromText(page);
    expect(names(r)).toEqual(['嘉鱼县人民政府']);
    expect(r.level).toBe('county');
  });
  it('a page field naming another body gives no place', async () => {
    const [r] = await fromText(page.replace('发文单位: 嘉鱼县人民政府', '发文单位: 嘉鱼县财政局'));
    expect(names(r)).toEqual(['县人民政府']);
  });
});
