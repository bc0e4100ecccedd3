import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import type { NoticeRecord } from '../schemas/notice.js';

/**
 * A notice copied with every line break gone (pasted into one spreadsheet cell, a web page without
 * paragraphs) reads as the same header as the printed one. The expected values were read off the
 * printed texts by hand (State Council notices of 1981–2018, test/fixtures/real): the title, the
 * 发文字号 under it, the bodies that sign and the date under them.
 */
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'real', name), 'utf8');
const oneLine = (text: string) => text.replace(/\r?\n+/g, '');

function header(text: string): Pick<NoticeRecord, 'title' | 'signedDate'> & { fileNumber: string | null; issuers: string[] } {
  const r = processSource({ path: 'run-on.txt', sha256: '0', format: 'text', text });
  if (!r.ok) throw new Error(r.reason);
  const x = r.records[0];
  return { title: x.title, fileNumber: x.fileNumber?.normalized ?? null, issuers: x.issuers.map((i) => i.name), signedDate: x.signedDate };
}

const CASES = [
  {
    // a 批复 of 525 characters, no numbered items: its title glued to 国函〔1996〕95号, two bodies apart by spaces before the date
    file: 'gold-05_guohan-wujing-houqinbu-qianzhi-pifu-1996.txt',
    title: '国务院、中央军委关于同意武警总部后勤部机关等迁址新建的批复',
    fileNumber: '国函〔1996〕95号',
    issuers: ['国务院', '中央军委'],
    signedDate: '1996-11-05',
  },
  {
    // the title's last words 的通知 before 国办发: the pattern alone would read 通知国办发 as the 机关代字
    file: 'gold-03_guobanfa-qinhua-rijun-huaxue-wuqi-1996.txt',
    title: '国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知',
    fileNumber: '国办发〔1996〕25号',
    issuers: ['国务院办公厅', '中央军委办公厅'],
    signedDate: '1996-06-29',
  },
  {
    // a 转发 cover: 意见 inside the title is not its end; the report it forwards (its own title glued to 国务院：,
    // signed 国家地震局) is not the cover's issuer
    file: 'gold-02_guobanfa-dizhen-fangyu-zhuanfa-1996.txt',
    title: '国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知',
    fileNumber: '国办发〔1996〕2号',
    issuers: ['国务院办公厅'],
    signedDate: '1996-02-05',
  },
  {
    // signed 国务院 alone (no 厅/局/政府 ending), the issued 办法 run on after the date
    file: 'gold-13_guofa-geshui-zhuanxiang-fujia-kouchu-2018.txt',
    title: '国务院关于印发个人所得税专项附加扣除暂行办法的通知',
    fileNumber: '国发〔2018〕41号',
    issuers: ['国务院'],
    signedDate: '2018-12-13',
  },
  {
    // 1981: the title printed with spaced letters (几 个 问 题 的 通 知), the date in Chinese numerals
    file: '01_guowuyuan-mianliang-tangliang-jiangshouliang-1981.txt',
    title: '国务院关于棉粮、糖粮挂钩奖售粮几个问题的通知',
    fileNumber: '国发〔1981〕88号',
    issuers: ['国务院'],
    signedDate: '1981-05-23',
  },
];

describe('a notice run together on one line reads as printed', () => {
  for (const c of CASES) {
    it(`${c.file}: as printed and on one line`, () => {
      const expected = { title: c.title, fileNumber: c.fileNumber, issuers: c.issuers, signedDate: c.signedDate };
      expect(header(fixture(c.file))).toEqual(expected);
      expect(header(oneLine(fixture(c.file)))).toEqual(expected);
    });
  }

  it('a title and its 发文字号 on one line of an otherwise printed notice go on two lines', () => {
    const printed = fixture('gold-05_guohan-wujing-houqinbu-qianzhi-pifu-1996.txt').replace(/的批复\s*\n\s*国函/, '的批复国函');
    expect(printed).toContain('的批复国函〔1996〕95号');
    expect(header(printed)).toMatchObject({ title: '国务院、中央军委关于同意武警总部后勤部机关等迁址新建的批复', fileNumber: '国函〔1996〕95号' });
  });

  it('a sentence that cites a notice and its number is not split as a title', () => {
    // 《…的通知》（国发〔2018〕41号）: the 》 stands between, so the number is not glued to a title
    const text = fixture('gold-05_guohan-wujing-houqinbu-qianzhi-pifu-1996.txt').replace('收悉', '收悉。按照《国务院关于印发个人所得税专项附加扣除暂行办法的通知》（国发〔2018〕41号）办理');
    expect(header(text).fileNumber).toBe('国函〔1996〕95号');
  });
});
