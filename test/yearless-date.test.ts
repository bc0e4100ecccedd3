import { describe, expect, it } from 'vitest';
import { recordsOfText } from './helpers/context.js';

// A web copy of a 通告 that dropped the year of its 成文日期: the 落款 stands over 5月22日 alone.
const notice = (closing: string) =>
  `为改善中心城区道路交通秩序，根据《中华人民共和国道路交通安全法》相关规定，现通告如下：\n一、黄标车限行路段：钟山大道明湖高架桥至德宏高架桥之间。\n二、本通告自公布之日起实施。\n${closing}\n`;

describe('a 落款 over a month and day without the year', () => {
  it('is read as the signature; the date stays unknown', async () => {
    const [r] = await recordsOfText(notice('六盘水市公安局交通警察支队\n5月22日'));
    expect([r.issuers.map((i) => i.name), r.signedDate, r.level, r.region?.name]).toEqual([['六盘水市公安局交通警察支队'], null, 'municipal', '贵州省六盘水市']);
  });

  it('in Chinese numerals too', async () => {
    const [r] = await recordsOfText(notice('六盘水市公安局交通警察支队\n五月二十二日'));
    expect(r.issuers.map((i) => i.name)).toEqual(['六盘水市公安局交通警察支队']);
  });

  it('a month and day that does not end the text under a body is no date line', async () => {
    const [r] = await recordsOfText(notice('报名时间：\n5月22日\n请按时报名。'));
    expect(r.issuers).toEqual([]);
  });
});
