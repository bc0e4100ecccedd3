import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { processSource } from '../pipelines/document.js';
import { officialName } from '../src/lexicon/agency-names.js';
import { sourceFromBytes } from '../src/read/source.js';
import { fixtureRecords, root } from './helpers/context.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Real notices of other topics, levels and decades (test/fixtures/real, see its README). The
// expected values were read off the texts by hand: the 落款, the 发文字号 line, the date as printed.

const one = async (name: string) => (await fixtureRecords(`real/${name}`))[0];
const names = (r: NoticeRecord) => r.issuers.map((i) => i.name);
const printed = (r: NoticeRecord) => r.issuers.map((i) => i.printed);

async function fromText(text: string, path = 'inline.txt') {
  const read = await sourceFromBytes(path, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  return processSource(read.source);
}

describe('the 落款 of State Council notices (gov.cn copies)', () => {
  it('国务院 alone on its line, padded with NBSP, above a date in Chinese numerals (1981)', async () => {
    const r = await one('01_guowuyuan-mianliang-tangliang-jiangshouliang-1981.txt');
    expect(r.fileNumber?.normalized).toBe('国发〔1981〕88号');
    expect(r.title).toBe('国务院关于棉粮、糖粮挂钩奖售粮几个问题的通知');
    expect(names(r)).toEqual(['国务院']);
    expect(r.signedDate).toBe('1981-05-23');
    expect(r.level).toBe('national');
  });
  it('a 附件 list whose second item ends in 意见 is not an annex title; the signature and date follow it (2004)', async () => {
    const r = await one('08_guobanhan-badong-dizhi-zaihai-fuhan-2004.txt');
    expect(names(r)).toEqual(['国务院办公厅']);
    expect(r.signedDate).toBe('2004-11-04');
    expect(r.attachments.map((a) => a.label)).toEqual(['附件1', '附件2']);
  });
  it('an annex headed 附件1. after the date: its table cells are not signing bodies (2006)', async () => {
    const r = await one('10_guohan-shenzhenwan-kouan-pifu-2006.txt');
    expect(names(r)).toEqual(['国务院']);
    expect(r.signedDate).toBe('2006-12-30');
    expect(r.fileNumber?.normalized).toBe('国函〔2006〕132号');
  });
});

describe('provincial and city notices from pkulaw-style pages', () => {
  it('the 发文字号 in brackets below the title; two bureaus signing on two lines (Zhejiang 2007, road fees)', async () => {
    const r = await one('36_zhejiang-wujiaju-caizhengting-zhandao-wajue-shoufei-2007.txt');
    expect(r.fileNumber?.normalized).toBe('浙价费〔2007〕136号');
    expect(r.addressees[0]).toBe('省建设厅');
    expect(names(r)).toEqual(['浙江省物价局', '浙江省财政厅']);
    expect(r.signedDate).toBe('2007-05-08');
    expect(r.region).toEqual({ name: '浙江省', code: '330000' });
  });
  it('a city: municipal, the region named with its province (Ningbo 2007, 甬政办发)', async () => {
    const r = await one('38_ningbo-zhengbanfa-shangmao-liutong-pingjia-jiangli-2007.txt');
    expect(r.fileNumber?.normalized).toBe('甬政办发〔2007〕153号');
    expect(r.level).toBe('municipal');
    expect(r.region).toEqual({ name: '浙江省宁波市', code: '330200' });
    expect(r.signedDate).toBe('2007-08-07');
  });
  it('a 公告 without 发文字号 or date: nothing invented (Haikou 2020, CRLF)', async () => {
    const r = await one('40_haikou-shuiwuju-shuitu-baochi-shenpi-gonggao-2020.txt');
    expect(r.fileNumber).toBeNull();
    expect(r.signedDate).toBeNull();
    expect(r.docType).toBe('公告');
    expect(r.region).toEqual({ name: '海南省海口市', code: '460100' });
  });
});

describe('file numbers of 公告 printed without brackets', () => {
  it('财政部 税务总局公告2023年第61号 (tax, two central bodies on one line)', async () => {
    const text = '财政部 税务总局关于延续实施支持文化企业发展增值税政策的公告\n财政部 税务总局公告2023年第61号\n现将支持文化企业发展增值税政策公告如下：\n一、对电影主管部门按照各自职能权限批准从事电影制片的企业免征增值税。\n特此公告。\n财政部 税务总局\n2023年9月22日\n';
    const r = await fromText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [rec] = r.records;
    expect(rec.fileNumber).toMatchObject({ raw: '财政部 税务总局公告2023年第61号', normalized: '财政部税务总局公告2023年第61号', year: 2023, serial: 61 });
    expect([rec.title, printed(rec), names(rec), rec.signedDate, rec.level]).toEqual([
      '财政部税务总局关于延续实施支持文化企业发展增值税政策的公告', ['财政部', '税务总局'], ['财政部', '国家税务总局'], '2023-09-22', 'national',
    ]);
  });
});

describe('the 成文日期 wherever the copy puts it', () => {
  it('a 批复 printed with its date between the 发文字号 and the 主送机关 (gov.cn layout, a free-trade zone)', async () => {
    const text = '国务院关于同意在河南省设立中国（河南）自由贸易试验区的批复\n国函〔2017〕12号\n2017年3月15日\n河南省人民政府：\n你省《关于设立中国（河南）自由贸易试验区的请示》收悉。现批复如下：\n一、同意设立中国（河南）自由贸易试验区。\n二、请你省认真组织实施。\n国务院\n';
    const r = await fromText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [rec] = r.records;
    expect([rec.signedDate, rec.addressees, names(rec)]).toEqual(['2017-03-15', ['河南省人民政府'], ['国务院']]);
  });
});

describe('a signature and its date on one line', () => {
  it('国务院办公厅    2017年4月10日 (indented, spaces between): issuer and 成文日期 apart', async () => {
    const text = '国务院办公厅关于加强村级综合服务设施建设的意见\n国办发〔2017〕29号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为加强村级综合服务设施建设，经国务院同意，提出以下意见：\n一、总体要求。\n\u3000\u3000国务院办公厅    2017年4月10日\n（此件公开发布）\n';
    const r = await fromText(text);
    expect(r.ok && [names(r.records[0]), r.records[0].signedDate, r.records[0].issuers[0].span]).toEqual([['国务院办公厅'], '2017-04-10', { line: 6, column: 3 }]);
  });
});

describe('partial copies keep their record', () => {
  it('run-on text that starts at the 主送机关, the signature and date glued before the regulation it issues (Anshun 2023)', async () => {
    const r = await one('39_anshun-shizhengfu-chubeiliang-guanli-banfa-2023.txt');
    expect(r.title).toBeNull();
    // 各县、自治县、区 share the head 人民政府（管委会）: one addressee
    expect(r.addressees[0]).toBe('各县、自治县、区人民政府（管委会）');
    expect(names(r)).toEqual(['安顺市人民政府']);
    expect(r.signedDate).toBe('2023-09-05');
    expect(r.level).toBe('municipal');
    expect(r.region).toEqual({ name: '贵州省安顺市', code: '520400' });
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'missing-field', data: { field: 'title' } }));
  });
  it('a copy cut off mid-sentence, without title or signature, is still a notice by its 主送机关', async () => {
    const text = '各市（州）人力资源社会保障局、财政局：\n\n为做好今年的技能培训工作，现就有关事项通知如下：\n\n一、明确培训对象。各地要将农村转移劳动力纳入培训范围，确保';
    const r = await fromText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records[0].title).toBeNull();
    expect(r.records[0].addressees).toEqual(['各市（州）人力资源社会保障局', '财政局']);
    expect(r.records[0].sections.map((s) => s.number)).toEqual(['一']);
  });
  it('a news article with numbered points is not a notice, and the message says what was missing', async () => {
    const text = '本市举办春季招聘会\n\n记者昨日获悉，本次招聘会有三个特点。\n\n一、岗位多。共有两百家企业参加。\n\n二、服务好。现场提供政策咨询。\n';
    const r = await fromText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/^not a notice \(no title, no 发文字号, no 主送机关, no closing formula, no signature with a date; found only: numbered sections/);
  });
});

describe('Shanghai notices: municipal bureaus, districts, street offices', () => {
  it('a municipal bureau of a 直辖市 is provincial; 附件: alone on its line starts the 附件 list, not an annex', async () => {
    const r = await one('01_lvhua-huanwei-gongzi-fuli-2023.md');
    expect(r.level).toBe('provincial');
    expect(r.region).toEqual({ name: '上海市', code: '310000' });
    expect(names(r)).toEqual(['上海市绿化和市容管理局']);
    expect(r.signedDate).toBe('2023-08-23');
    expect(r.attachments.map((a) => a.label)).toEqual(['附件1', '附件2']);
  });
  it('a district office: county level, the district as region, the date in Chinese numerals', async () => {
    const r = await one('02_songjiang-huanwei-zhigong-shouru-2013.md');
    expect(r.level).toBe('county');
    expect(r.region).toEqual({ name: '上海市松江区', code: '310117' });
    expect(r.signedDate).toBe('2013-05-20');
  });
  it('an annex table printed one cell per line (ragged rows, split dates) is read, not reported unread (Jiading land reduction, 2014)', async () => {
    const r = await one('09_jiading-jianlianghua-renwu-2014.md');
    // nine towns (江桥镇 … 菊园新区) and a 合计 row: rows and sums in test/tables-layouts.test.ts
    expect(r.tables.map((t) => [t.label, t.unit, t.rows.length])).toEqual([['附件', '公顷', 9]]);
    expect(r.findings.filter((f) => f.rule === 'table-unread')).toEqual([]);
  });
  it('a street office (街道办事处): township level, its district as region', async () => {
    const r = await one('11_touqiao-jiedao-jianlianghua-fangan-2024.md');
    expect(r.level).toBe('township');
    expect(r.region).toEqual({ name: '上海市奉贤区', code: '310120' });
    expect(r.fileNumber?.normalized).toBe('奉头街〔2024〕13号');
  });
});

describe('issuers: as printed, and their official names', () => {
  it('市交通委 and 市公安局 signing on two lines of a Shanghai notice are two bodies of 上海市 (traffic, not employment)', async () => {
    const text = [
      '关于加强本市道路交通安全管理工作的通知',
      '沪交委〔2021〕12号',
      '',
      '各区交通委、公安分局：',
      '',
      '一、加强源头管理。各区要落实道路交通安全责任。',
      '',
      '特此通知。',
      '',
      '市交通委',
      '市公安局',
      '2021年3月5日',
    ].join('\n');
    const r = await fromText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [rec] = r.records;
    expect(printed(rec)).toEqual(['市交通委', '市公安局']);
    expect(names(rec)).toEqual(['上海市交通委员会', '上海市公安局']);
    expect(rec.region).toEqual({ name: '上海市', code: '310000' });
  });
  it('the same two short forms side by side on one 落款 line, the spacing lost: two bodies, named by the title', async () => {
    const text = '上海市交通委员会 上海市公安局关于加强本市道路交通安全管理工作的通知\n各区交通委、公安分局：\n一、加强源头管理。各区要落实道路交通安全责任。\n特此通知。\n市交通委                市公安局\n2021年3月5日\n';
    const r = await fromText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [rec] = r.records;
    expect(printed(rec)).toEqual(['市交通委', '市公安局']);
    expect(names(rec)).toEqual(['上海市交通委员会', '上海市公安局']);
    expect([rec.level, rec.region?.name]).toEqual(['provincial', '上海市']);
  });
  it('a branch of a vertically managed system is one body, placed in its province (tax, not employment)', async () => {
    const text = '关于开展2024年度科技型中小企业评价工作的通知\n苏科技发〔2024〕45号\n各设区市科技局：\n现就有关事项通知如下：\n一、评价对象\n江苏省科学技术厅\n江苏省财政厅\n国家税务总局江苏省税务局\n2024年3月1日\n';
    const r = await fromText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(names(r.records[0])).toEqual(['江苏省科学技术厅', '江苏省财政厅', '国家税务总局江苏省税务局']);
    expect(r.records[0].level).toBe('provincial');
    const alone = await fromText(text.replace('江苏省科学技术厅\n江苏省财政厅\n', ''));
    expect(alone.ok && [alone.records[0].level, alone.records[0].region?.name]).toEqual(['provincial', '江苏省']);
  });
  it('a template’s placeholder place name (XX省数据安全厅文件) still names the issuer', async () => {
    const r = await fromText('绝密★启用前\nXX省数据安全厅文件\n关于生成特定格式测试文件的通知\n各市数据局：\n现将有关事项通知如下：\n一、按要求生成文件。\n');
    expect(r.ok && [names(r.records[0]), r.records[0].secrecy]).toEqual([['XX省数据安全厅'], '绝密★启用前']);
  });
  it('省/市/区 abbreviations resolve against the notice’s own region; short forms of departments expand', () => {
    expect(officialName('省财政厅', { province: '浙江省', city: null, county: null })).toBe('浙江省财政厅');
    expect(officialName('市发展改革委', { province: '浙江省', city: '宁波市', county: null })).toBe('宁波市发展和改革委员会');
    expect(officialName('区绿化市容局', { province: '上海市', city: '上海市', county: '上海市松江区' })).toBe('上海市松江区绿化和市容管理局');
    expect(officialName('区政府', { province: '上海市', city: '上海市', county: '上海市嘉定区' })).toBe('上海市嘉定区人民政府');
    expect(officialName('发展改革委', { province: null, city: null, county: null })).toBe('国家发展和改革委员会');
  });
  it('a name the lexicon does not know, or a region word with no region to resolve it, stays as printed', () => {
    expect(officialName('北京交通大学', { province: null, city: null, county: null })).toBe('北京交通大学');
    expect(officialName('省财政厅', { province: null, city: null, county: null })).toBe('省财政厅');
    expect(officialName('浙江省物价局', { province: '浙江省', city: null, county: null })).toBe('浙江省物价局');
  });
});

describe('metamorphic: the same notice with its line breaks removed', () => {
  const text = readFileSync(join(root, 'test/fixtures/real/36_zhejiang-wujiaju-caizhengting-zhandao-wajue-shoufei-2007.txt'), 'utf8');
  const notice = text.slice(0, text.indexOf('附件1：')); // the notice, without its annex tables
  const header = (r: NoticeRecord) => [r.fileNumber?.normalized, r.title, names(r), r.signedDate, r.region?.name];
  const joined = (s: string) => s.split('\n').map((l) => l.trim()).join('');
  it.each([
    ['everything on one line: title, bracketed 发文字号, 主送机关, body, signature and date', joined(notice)],
    ['the body on one line, the 附件 list, signature and date below it', joined(notice.slice(0, notice.indexOf('附件：1'))) + '\n' + notice.slice(notice.indexOf('附件：1'))],
  ])('Zhejiang 2007, %s, gives the same header', async (_, variant) => {
    const base = await one('36_zhejiang-wujiaju-caizhengting-zhandao-wajue-shoufei-2007.txt');
    const r = await fromText(variant);
    expect(r.ok).toBe(true);
    if (r.ok) expect(header(r.records[0])).toEqual(header(base));
  });
});

describe('more real notices: joint 落款, no 落款, HTML and pkulaw copies (fixtures 41–47)', () => {
  it('seven bodies signing one per line, the Party department and the customs district by their full names (Shanghai 2024)', async () => {
    const r = await one('41_shanghai-shangwuwei-qibumen-shoufa-jingji-2024.md');
    expect(r.fileNumber?.normalized).toBe('沪商规〔2024〕4号');
    expect(names(r)).toEqual([
      '上海市商务委员会', '中国共产党上海市委员会宣传部', '上海市财政局', '上海市公安局',
      '上海市市场监督管理局', '上海市绿化和市容管理局', '中华人民共和国上海海关',
    ]);
    expect(r.signedDate).toBe('2024-05-15');
    expect([r.level, r.region?.name]).toEqual(['provincial', '上海市']);
  });
  it('two bureaus on one 落款 line, spaced apart; no 发文字号 printed (Shanghai 2022)', async () => {
    const r = await one('42_shanghai-shengtai-guihua-turang-zeren-weiyuanhui-2022.md');
    expect(names(r)).toEqual(['上海市生态环境局', '上海市规划和自然资源局']);
    expect(r.fileNumber).toBeNull();
    expect(r.signedDate).toBe('2022-09-13');
  });
  it('a 批复 with only a date below 特此批复: the district government of the title issues it (Chongming 2018)', async () => {
    const r = await one('43_chongming-quzhengfu-xinhezhen-zhengdi-pifu-2018.md');
    expect(names(r)).toEqual(['上海市崇明区人民政府']);
    expect(r.fileNumber?.normalized).toBe('沪崇府复〔2018〕4号');
    expect([r.level, r.region?.name, r.signedDate]).toEqual(['county', '上海市崇明区', '2018-01-22']);
  });
  it('a date in Chinese numerals after the 附件 list, no signing name: the title’s commission (Shanghai 2016)', async () => {
    const r = await one('44_shanghai-jianwei-xiangou-shenhe-qianzhi-2016.md');
    expect(names(r)).toEqual(['上海市住房和城乡建设管理委员会']);
    expect(r.signedDate).toBe('2016-07-20');
    expect(r.fileNumber?.normalized).toBe('沪建房管〔2016〕567号');
  });
  it('a gov.cn page as HTML: metadata table, title over three lines, 落款 padded with &nbsp; (国发 2018)', async () => {
    const r = await one('45_guofa-boao-lecheng-yaopin-2018.html');
    expect(r.title).toBe('国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定');
    expect([r.fileNumber?.normalized, names(r), r.signedDate, r.level]).toEqual(['国发〔2018〕43号', ['国务院'], '2018-12-21', 'national']);
  });
  it('a pkulaw copy: the date right under the 主送 text, no signing name; the city with its province (Xinyu 2012)', async () => {
    const r = await one('46_xinyu-shizhengfu-bangongshi-lvse-jianzhu-2012.txt');
    expect(r.fileNumber?.normalized).toBe('余府发〔2012〕3号');
    expect(names(r)).toEqual(['新余市人民政府办公室']);
    expect([r.signedDate, r.level, r.region?.name]).toEqual(['2012-01-09', 'municipal', '江西省新余市']);
  });
});
