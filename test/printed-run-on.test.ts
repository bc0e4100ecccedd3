import { describe, expect, it } from 'vitest';
import { processSource, type FileResult } from '../pipelines/document.js';
import { undoPrintedRunOn } from '../src/normalize/hard-wrap.js';
import { identity } from '../src/normalize/offsets.js';
import type { Source } from '../src/read/source.js';

// A run-on web copy (the whole notice on one line) saved as PDF: the text layer breaks it at the
// right margin, every line about as long as the widest (digits are narrower than ideographs, so the
// counts differ by a few), and no line ends a paragraph. Made by hand from the shape of a real one.
const runOn =
  '各县、区人民政府，市政府各工作部门：现将《遵义市市级储备粮管理办法》印发给你们，请认真抓好贯彻落实。遵义市人民政府2023年9月5日（此件公开发布）' +
  '遵义市市级储备粮管理办法第一条为加强市级储备粮管理，保障市级储备粮数量真实、质量良好和储存安全，有效发挥市级储备粮的宏观调控作用，维护粮食市场稳定，结合本市实际，制定本办法。' +
  '第二条本办法所称市级储备粮，是指市人民政府储备用于调节全市粮食供需平衡、稳定粮食市场以及应对重大自然灾害和其他突发事件等情况的原粮、成品粮和食用植物油。' +
  ['三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].map((n) => `第${n}条市发展改革委负责市级储备粮行政管理，对市级储备粮的数量、质量和储存安全实施监督检查，市财政局负责安排并及时拨付有关费用。`).join('') +
  '第十三条本办法自印发之日起施行。';
/** Lines of 30 characters, two more where a line holds digits (their glyphs are half as wide). */
function printed(text: string): string {
  const lines: string[] = [];
  for (let at = 0; at < text.length; ) {
    const width = /\d/.test(text.slice(at, at + 30)) ? 32 : 30;
    lines.push(text.slice(at, at + width));
    at += width;
  }
  return lines.join('\n');
}
const pdf = (text: string): Source => ({ path: 'copy.pdf', sha256: '0', format: 'pdf', text, pageStarts: [0] });

describe('a run-on text printed on pages', () => {
  it('is one line again: every line reaches the margin', () => {
    const text = printed(runOn);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(8);
    expect(undoPrintedRunOn(identity(text)).value).toBe(runOn);
  });

  it('gives the record the run-on copy gives: the 落款’s date and the level read from inside the line', () => {
    const fromPrint = processSource(pdf(printed(runOn)));
    const fromLine = processSource({ path: 'copy.txt', sha256: '0', format: 'text', text: runOn });
    expect(fromPrint.ok && fromLine.ok).toBe(true);
    const header = (r: FileResult) => (r.ok ? r.records.map((x) => [x.title, x.issuers.map((i) => i.name), x.signedDate, x.level, x.addressees]) : null);
    expect(header(fromPrint)).toEqual(header(fromLine));
    // read by hand: 遵义市人民政府2023年9月5日 after the cover letter, 各县、区人民政府，市政府各工作部门 before it
    expect(header(fromPrint)![0].slice(2)).toEqual(['2023-09-05', 'municipal', ['各县、区人民政府', '市政府各工作部门']]);
  });

  it('a notice laid out in paragraphs keeps its line breaks (short lines end paragraphs)', () => {
    const paragraphs = ['遵义市人民政府关于印发遵义市市级储备粮管理办法的通知', '各县、区人民政府，市政府各工作部门：', printed(runOn.slice(38, 150)), printed(runOn.slice(150, 260)), '遵义市人民政府', '2023年9月5日'].join('\n');
    expect(undoPrintedRunOn(identity(paragraphs)).value).toBe(paragraphs);
  });
});

describe('a regulation run on into its cover letter', () => {
  it('its name glued to its first article (no chapters) is a line of its own, so the 落款 above it is read', () => {
    // cover letter, 落款 and date, then 遵义市市级储备粮管理办法第一条…: the name ends in 办法 (a 文种)
    const result = processSource({ path: 'copy.txt', sha256: '0', format: 'text', text: runOn });
    const [r] = result.ok ? result.records : [];
    expect([r.issuers.map((i) => i.name), r.region?.name, r.signedDate]).toEqual([['遵义市人民政府'], '贵州省遵义市', '2023-09-05']);
  });
});
