import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { splitAgencies } from '../src/lexicon/agencies.js';
import { fixtureRecords, headerOf, recordsOfText } from './helpers/context.js';

// Real web copies nobody on the project had seen (test/fixtures/real 48–57, see its README): law
// databases' pages, policy pages' metadata tables, a document site's chrome. The expected values were
// read off the texts by hand: the 落款, the 发文字号 line, the date as printed, the official names.

const all = async (name: string) => fixtureRecords(`real/${name}`);
const one = async (name: string) => (await all(name))[0];
const names = (r: NoticeRecord) => r.issuers.map((i) => i.name);
const header = headerOf;

const fromText = recordsOfText;

describe('a policy page prints its metadata table as field: value pairs, several to a line', () => {
  it('a county page: 生成日期… 文号: (empty) is metadata, not a 主送机关; the title below it is the title (2019)', async () => {
    const r = await one('48_taihu-xianzhengfu-gongzuo-guize-2019.txt');
    expect(header(r)).toEqual([
      '太湖县人民政府关于印发《太湖县人民政府工作规则》的通知', null, ['太湖县人民政府'], '2019-01-17', 'county', '安徽省安庆市太湖县',
    ]);
  });
  it('an HTML page runs its fields into one paragraph: 文号 :晋政发〔2018〕13号 is read there; no title is printed (2018)', async () => {
    const r = await one('49_shanxi-jinzhengfa-zengshou-2018.html');
    expect(header(r)).toEqual([null, '晋政发〔2018〕13号', ['山西省人民政府'], '2018-03-27', 'provincial', '山西省']);
  });
  it('a law database names its fields 发文标题, 发文文号, 发文部门, 发文时间 (a joint 公告 of three bodies, 2016)', async () => {
    const r = await one('55_guizhou-caizheng-guoshui-dishui-gonggao-2016.txt');
    expect(r.title).toBe('贵州省财政贵州省国家税务局贵州省地方税务局关于全面推开营业税改征增值税试点有关税收征收管理事项的公告');
    expect(r.fileNumber?.normalized).toBe('贵州省国家税务局公告2016年第6号');
    expect(names(r)).toEqual(['贵州省财政厅', '贵州省地方税务局', '贵州省国家税务局']);
    expect([r.signedDate, r.level, r.region?.name]).toEqual(['2016-04-22', 'provincial', '贵州省']);
  });
  it('a field line after a list bullet, with a cell border instead of a colon, is metadata too', async () => {
    const [r] = await fromText('- 发文字号 | 某政发〔2021〕3号\n\n某某县人民政府关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n请做好防汛工作。\n\n某某县人民政府\n2021年6月1日\n');
    expect(r.fileNumber?.normalized).toBe('某政发〔2021〕3号');
    expect(r.title).toBe('某某县人民政府关于做好防汛工作的通知');
  });
});

describe('a law database prints its heading, the issuing body, then the notice', () => {
  it('heading = the issued rules; the body below it (江西省吉安市人民政府办公室) issues; a year typed with the letter O (2003)', async () => {
    const r = await one('50_jian-shizhengfu-zhengwu-gongkai-2003.txt');
    expect(r.title).toBe('关于印发吉安市市本级政务公开工作实施细则的通知');
    expect(r.fileNumber?.normalized).toBe('吉府发〔2003〕37号');
    expect(names(r)).toEqual(['江西省吉安市人民政府办公室']);
    expect([r.signedDate, r.level, r.region?.name]).toEqual(['2003-12-04', 'municipal', '江西省吉安市']);
  });
  it('the same title above and below the body (中国残疾人联合会): that body issues; the page chrome between is skipped (2007)', async () => {
    const r = await one('52_canlian-quankangban-fuju-2007.txt');
    expect(header(r)).toEqual([
      '关于印发《〈残疾人辅助器具供应服务“十一五”实施方案〉实施办法》的通知', '全康办〔2007〕9号', ['中国残疾人联合会'], '2007-01-23', 'national', null,
    ]);
  });
  it('two ministries on one line between the copies of the title sign a notice dated nowhere (about 1990)', async () => {
    const r = await one('54_caizhengbu-sifabu-laogai-liangjin-1990.txt');
    expect(header(r)).toEqual(['关于返还劳改劳教单位能源交通基金和预算调节基金问题的通知', null, ['财政部', '司法部'], null, 'national', null]);
  });
});

describe('titles and 版头 that web copies print twice', () => {
  it('a title printed as a book title on its own line, 《…的通知》, below 文号《…》 (2016)', async () => {
    const r = await one('51_beijing-jingzhengbanfa-zhengwu-gongkai-2016.txt');
    expect(header(r)).toEqual([
      '北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知', '京政办发〔2016〕26号', ['北京市人民政府办公厅'], '2016-05-28', 'provincial', '北京市',
    ]);
  });
  it('a document site heads its page with the 版头 and a blurb: one notice, one issuer, the title wrapped over a blank line (2009)', async () => {
    const rs = await all('53_hunan-xiangzhengbanfa-gaoxiao-jiuye-2009.txt');
    expect(rs).toHaveLength(1);
    // the copy ends in the body: no 落款, no date
    expect(header(rs[0])).toEqual(['湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知', '湘政办发〔2009〕24号', ['湖南省人民政府办公厅'], null, 'provincial', '湖南省']);
  });
});

describe('issuers named in titles and signatures', () => {
  it('a list heading after the date (上海市社区建设模范居委会 / 1、…) is not a signature: the title names the issuer (2007)', async () => {
    const r = await one('56_shanghai-minzhengju-juweihui-pifu-2007.txt');
    expect(names(r)).toEqual(['上海市民政局']);
    expect([r.fileNumber?.normalized, r.signedDate]).toEqual(['沪民基发〔2007〕39号', '2007-06-25']);
  });
  it('four bodies before 关于 in the title, a party department among them (中共成都市委社会工作部, 2024)', async () => {
    const r = await one('57_chengdu-sibumen-qianrushi-fuwu-2024.txt');
    expect(names(r)).toEqual(['成都市发展和改革委员会', '中共成都市委社会工作部', '成都市规划和自然资源局', '成都市住房和城乡建设局']);
    expect([r.level, r.region?.name, r.signedDate]).toEqual(['municipal', '四川省成都市', null]);
  });
  it('a run of names splits before 中共 as before the region word', () => {
    expect(splitAgencies('某某市财政局中共某某市委组织部某某市人力资源和社会保障局')).toEqual(['某某市财政局', '中共某某市委组织部', '某某市人力资源和社会保障局']);
  });
});

describe('dates typed with letters and digits for 〇', () => {
  it.each([
    ['二OO六年二月二十日', '2006-02-20'],
    ['二oo八年三月五日', '2008-03-05'],
    ['二0一三年十月九日', '2013-10-09'],
  ])('%s', async (date, iso) => {
    const [r] = await fromText(`某某市人民政府关于做好值班工作的通知\n\n各区人民政府：\n\n请做好值班工作。\n\n某某市人民政府\n${date}\n`);
    expect(r.signedDate).toBe(iso);
  });
});
