import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { sourceFromBytes } from '../src/read/source.js';

// Shapes of web copies met in real pages (a held-out set's misses, shortened here); the expected
// values are read off the texts.

async function record(text: string) {
  const read = await sourceFromBytes('page.txt', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records[0];
}

describe('web copies', () => {
  it('a metadata table that lost its colons: its rows are metadata, the 文号 is read, the title stands alone', async () => {
    const r = await record(
      [
        '当前位置:首页 > 政务公开 > 自治区文件',
        '索 引 号 主题分类 综合政务 \\ 其他',
        '发布机构 自治区人民政府 文  号 内政发〔2013〕62号',
        '成文日期 2013-07-02',
        '内蒙古自治区人民政府关于印发《内蒙古自治区人民政府工作规则》的通知',
        '发布日期:2013-07-02 12:41 信息来源:自治区人民政府办公厅',
        '',
        '各盟行政公署、市人民政府，各旗县人民政府：',
        '',
        '《内蒙古自治区人民政府工作规则》已经2013年6月17日自治区人民政府第五次常务会议审议通过，现予印发。',
        '',
        '2013年7月2日',
      ].join('\n'),
    );
    expect(r.title).toBe('内蒙古自治区人民政府关于印发《内蒙古自治区人民政府工作规则》的通知');
    expect(r.fileNumber?.normalized).toBe('内政发〔2013〕62号');
    expect(r.issuers.map((i) => i.name)).toEqual(['内蒙古自治区人民政府']);
    expect([r.level, r.region?.name]).toEqual(['provincial', '内蒙古自治区']);
  });

  it('a title line that starts with its 发文字号: the number is the 发文字号, the rest the title', async () => {
    const r = await record(
      '盘政发〔2010〕22号 盘锦市人民政府关于表彰第二十二届农田基本建设“大禹杯”竞赛优胜单位和先进单位的决定\n各县、区人民政府，市政府各部门、各直属机构：\n为表彰先进，市政府决定，对优胜单位和先进单位予以表彰。\n\n盘锦市人民政府\n二○一○年十二月十日\n',
    );
    expect(r.fileNumber?.normalized).toBe('盘政发〔2010〕22号');
    expect(r.title).toBe('盘锦市人民政府关于表彰第二十二届农田基本建设“大禹杯”竞赛优胜单位和先进单位的决定');
    expect(r.signedDate).toBe('2010-12-10');
  });

  it('a date cell that kept the table border after it still closes the notice under its signature', async () => {
    const r = await record(
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为加强政府系统的法制建设，现就规章备案的有关事项通知如下：\n一、报送备案的规章一律铅印或打印。\n二、备案报告应加盖本部门的印章。\n国务院办公厅\n一九八七年三月七日 |\n',
    );
    expect(r.signedDate).toBe('1987-03-07');
    expect(r.issuers.map((i) => i.name)).toEqual(['国务院办公厅']);
  });

  it("a document site's blurb and a heading repeating the issued document's name stay out of the title", async () => {
    const r = await record(
      [
        '阿拉善盟行政公署办公室公文处理实施细则及文种式样.docx',
        '- 文档编号:5043956',
        '- 格式:DOCX',
        '《阿拉善盟行政公署办公室公文处理实施细则及文种式样.docx》由会员分享，可在线阅读，更多相关《阿拉善盟行政公署办公室公文处理实施细则及文种式样.docx(9页珍藏版)》请在冰豆网上搜索。',
        '阿拉善盟行政公署办公室公文处理实施细则及文种式样',
        '阿拉善盟行政公署办公室关于印发阿拉善盟行政公署办公室公文处理实施细则及文种式样的通知',
        '（阿署办发〔2007〕22号）',
        '各旗人民政府，行署各委、办、局：',
        '现将修改完善后的《阿拉善盟行政公署办公室公文处理细则及文种式样》印发给你们，望认真贯彻执行。',
        '二○○七年六月五日',
      ].join('\n'),
    );
    expect(r.title).toBe('阿拉善盟行政公署办公室关于印发阿拉善盟行政公署办公室公文处理实施细则及文种式样的通知');
    expect(r.fileNumber?.normalized).toBe('阿署办发〔2007〕22号');
    expect(r.issuers.map((i) => i.name)).toEqual(['阿拉善盟行政公署办公室']);
    expect(r.signedDate).toBe('2007-06-05');
  });

  it('a sentence that merely starts with a metadata word is not metadata', async () => {
    const r = await record('关于做好值班工作的通知\n各区、各部门：\n发布机构应当按照有关规定做好值班工作，加强值守。\n\n某某市人民政府办公室\n2024年1月5日\n');
    expect(r.title).toBe('关于做好值班工作的通知');
    expect(r.addressees).toEqual(['各区', '各部门']);
    expect(r.provenance.signedDate).toBe('body');
    expect(r.fileNumber).toBeNull();
  });
});
