import { describe, expect, it } from 'vitest';
import { recordsOfText } from './helpers/context.js';

// A web copy of a cover letter without its annex, run together on one line: the 附件 line's list name,
// the 落款 and the date glued together, and the page's empty fields glued after them.
const body =
  '各县（市、区）人民政府，市政府各部门、直属各单位：今年5月，嘉兴市城乡一体化公共图书馆服务体系顺利通过第一批国家公共文化服务体系示范项目验收评审，并作为优秀项目受到表彰。' +
  '为总结经验，表彰先进，经市政府研究，决定对在创建工作中取得显著成绩的14个先进集体和25名先进个人进行表彰。希望受表彰的先进集体和先进个人再接再厉，争取更大的进步。' +
  '各级、各部门（单位）要以先进为榜样，进一步解放思想，改革创新，真抓实干，为推进文化强市建设作出新的贡献。';
const title = '嘉兴市人民政府办公室关于表彰第一批国家公共文化服务体系示范项目创建工作先进集体和先进个人的决定';

describe('the end of a run-on cover letter', () => {
  it('附件 list name + 落款 + date + a page’s empty fields: signed by the body, dated', async () => {
    const [r] = await recordsOfText(`${title}\n${body}附件：第一批国家公共文化服务体系示范项目创建工作先进集体和先进个人名单嘉兴市人民政府办公室2013年12月27日作者：信息来源： |\n`);
    expect([r.issuers.map((i) => i.name), r.signedDate, r.level]).toEqual([['嘉兴市人民政府办公室'], '2013-12-27', 'municipal']);
  });

  it('a list’s name (名单) is never read as a signing body, whatever it starts with', async () => {
    const [r] = await recordsOfText(`${title}\n${body}附件：国家公共文化服务体系示范项目先进个人名单嘉兴市人民政府办公室2013年12月27日\n`);
    expect(r.issuers.map((i) => i.name)).toEqual(['嘉兴市人民政府办公室']);
  });
});
