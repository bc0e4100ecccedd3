import { describe, expect, it } from 'vitest';
import { withoutLoneBorder } from '../src/segment/classify.js';
import { recordsOfText } from './helpers/context.js';

// A page scraped from nested table cells leaves one right border per cell after a line's text.
describe('scraped table borders after a line', () => {
  it('all of them go, one or several', () => {
    expect(withoutLoneBorder('某市人民政府办公室关于表彰先进集体的决定 | |')).toBe('某市人民政府办公室关于表彰先进集体的决定');
    expect(withoutLoneBorder('一九八七年三月七日 |')).toBe('一九八七年三月七日');
    // a line of cells is a table row, not text with a border
    expect(withoutLoneBorder('甲 | 乙 |')).toBe('甲 | 乙 |');
  });

  it('the title under them is read without them', async () => {
    const [r] = await recordsOfText('嘉兴市人民政府办公室关于表彰先进集体的决定 | |\n各县（市、区）人民政府，市政府各部门：\n经市政府研究，决定对先进集体进行表彰。\n嘉兴市人民政府办公室\n2013年12月27日\n');
    expect([r.title, r.issuers.map((i) => i.name), r.signedDate]).toEqual(['嘉兴市人民政府办公室关于表彰先进集体的决定', ['嘉兴市人民政府办公室'], '2013-12-27']);
  });
});

describe('a site’s own heading above a notice', () => {
  it('is not its issuer when the title names another body and nothing signs', async () => {
    const [r] = await recordsOfText('遂宁市水利局\n征集调查\n\n遂宁市人民政府防汛抗旱指挥部办公室关于征求《遂宁市防汛应急预案》修改意见的函\n\n市直有关部门：\n为切实做好防汛减灾工作，请各单位于6月18日前将修改意见反馈至市防汛办。\n');
    expect(r.issuers.map((i) => i.name)).toEqual(['遂宁市人民政府防汛抗旱指挥部办公室']);
  });

  it('a 版头 that the title repeats stays the issuer', async () => {
    const [r] = await recordsOfText('遂宁市水利局\n\n遂宁市水利局关于做好防汛工作的通知\n\n各县（区）水利局：\n请认真做好防汛工作。\n');
    expect(r.issuers.map((i) => i.name)).toEqual(['遂宁市水利局']);
  });
});
