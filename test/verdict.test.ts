import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { isPolicyText, verdictOf } from '../src/extract/verdict.js';
import { sourceFromBytes } from '../src/read/source.js';
import { root } from './helpers/context.js';

// A verdict instead of a refusal: the expectations are read off the texts by hand (which GB/T 9704
// elements each prints), not taken from the program's output.

async function fromText(text: string, path = 'inline.txt') {
  const read = await sourceFromBytes(path, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  return processSource(read.source);
}

/** Seed 002 (Shandong) from its first 一、 to the last sentence of its body: no header, no 落款. */
function shandongBody(): string {
  const lines = readFileSync(join(root, 'seeds', '002_bdd7c925ac202672.txt'), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^\s*一、/.test(l));
  const end = lines.findIndex((l) => l.startsWith('附件：'));
  return lines.slice(start, end).join('\n') + '\n';
}

describe('a body-only policy text gives a record', () => {
  it('the Shandong notice cut to its body: sections, targets, kind body, confidence below 1', async () => {
    const r = await fromText(shandongBody());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records).toHaveLength(1);
    const [d] = r.records;
    // 一、明确目标任务 二、落实帮扶政策 三、加强组织保障
    expect(d.sections.map((s) => s.number)).toEqual(['一', '二', '三']);
    // 不低于40.6万人, 不低于20.8万人 (clause （一）)
    expect(d.targets.map((t) => [t.comparator, t.value, t.unit])).toEqual([
      ['>=', 40.6, '万人'],
      ['>=', 20.8, '万人'],
    ]);
    expect(d.verdict.kind).toBe('body');
    expect(d.verdict.confidence).toBeLessThan(1);
    expect(d.verdict.signals).toEqual(expect.arrayContaining(['正文编号', '层次结构', '政策用语']));
    expect(d.verdict.missing).toEqual(expect.arrayContaining(['标题', '发文字号', '落款', '成文日期']));
    expect(d.title).toBeNull();
  });

  it('a 办法 pasted from 第一章 总则: articles and a purpose clause', async () => {
    const text = [
      '第一章 总则',
      '第一条 为规范城市绿道建设管理，根据有关法律法规，结合本市实际，制定本办法。',
      '第二条 本办法适用于本市行政区域内绿道的规划、建设和管理。',
      '第二章 建设管理',
      '第三条 各区应当按照规划建设绿道，到2025年全市绿道总长度不低于2000公里。',
      '',
    ].join('\n');
    const r = await fromText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.records[0].verdict;
    expect(v.kind).toBe('body');
    expect(v.signals).toEqual(expect.arrayContaining(['条款', '总则', '制定目的']));
    expect(v.confidence).toBeGreaterThan(0);
    expect(v.confidence).toBeLessThan(0.5);
  });

  it('a body that opens with 为深入贯彻落实《…》 and numbered points', async () => {
    const text = '为深入贯彻落实《国务院关于进一步做好稳就业工作的意见》，现提出以下措施。\n一、扩大就业岗位。各地要落实稳岗政策。\n二、加强培训。鼓励企业开展培训。\n';
    const r = await fromText(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.records[0].verdict.signals).toContain('制定目的');
  });
});

describe('text without any policy signal is refused, naming what was looked for', () => {
  it('a price list', async () => {
    const r = await fromText('苹果 5元一斤\n香蕉 3元一斤\n西瓜 2元一斤\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^not a notice \(no title, no 发文字号, no 主送机关, no closing formula, no signature with a date;.*no 第X条 articles/);
  });
  it('a README with numbered points', async () => {
    const r = await fromText('安装说明\n\n一、下载程序。\n\n二、双击运行。\n\n三、完成安装。\n');
    expect(r.ok).toBe(false);
  });
});

describe('verdictOf (signals → kind and confidence)', () => {
  it('every frame element: a notice with confidence 1', () => {
    const v = verdictOf(['版头', '发文字号', '标题', '发文机关', '主送', '落款', '成文日期', '印发', '正文编号']);
    expect(v).toEqual({ kind: 'notice', confidence: 1, signals: expect.any(Array), missing: [] });
  });
  it('no title: a partial copy, below any notice', () => {
    const v = verdictOf(['主送', '落款', '成文日期', '发文机关', '正文编号']);
    expect(v.kind).toBe('partial');
    expect(v.missing).toEqual(['版头', '发文字号', '标题', '印发']);
    expect(v.confidence).toBeLessThan(0.7);
    expect(v.confidence).toBeGreaterThanOrEqual(0.4);
  });
  it('more signals never lower the confidence within a kind (metamorphic)', () => {
    const base = verdictOf(['条款']);
    const more = verdictOf(['条款', '总则', '制定目的']);
    expect(base.kind).toBe('body');
    expect(more.confidence).toBeGreaterThan(base.confidence);
  });
  it('numbered points alone are not a policy text; with a title and a date they are', () => {
    expect(isPolicyText(['正文编号'])).toBe(false);
    expect(isPolicyText(['标题', '成文日期', '正文编号'])).toBe(true);
  });
});

describe('a whole notice', () => {
  it('seed 002 (header, 发文字号, title, 主送, 落款, date) is a notice with high confidence', async () => {
    const text = readFileSync(join(root, 'seeds', '002_bdd7c925ac202672.txt'), 'utf8');
    const r = await fromText(text, '002.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.records[0].verdict;
    expect(v.kind).toBe('notice');
    expect(v.signals).toEqual(expect.arrayContaining(['发文字号', '标题', '主送', '落款', '成文日期']));
    expect(v.confidence).toBeGreaterThanOrEqual(0.7);
  });
});
