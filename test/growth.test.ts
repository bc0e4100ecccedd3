import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { trimPhrase } from '../src/extract/numbers.js';
import type { Source } from '../src/read/source.js';
import { SEEDS, seedPath } from './helpers/context.js';
import { growth, MAX_RATIO } from './helpers/growth.js';

const seed = readFileSync(seedPath(SEEDS.shandong), 'utf8');
const CUT = seed.indexOf('（二）聚力聚焦');
/** The notice with `inner` inserted between two clauses of its body. */
const insideBody = (inner: string) => seed.slice(0, CUT) + inner + seed.slice(CUT);

const source = (text: string, extra: Partial<Source> = {}): Source => ({ path: 'shape.txt', sha256: '0', format: 'text', text, ...extra });
let records = 0;
const extract = (text: string) => {
  const r = processSource(source(text));
  records += r.ok ? r.records.length : 0;
};

describe('linear time on pathological shapes (doubling the input ≤ 2.5× the time)', () => {
  it('200k blank lines', () => {
    expect(growth((n) => insideBody('\n'.repeat(n)), 100_000, extract)).toBeLessThan(MAX_RATIO);
  });

  it('a 1 MB line of clauses, amounts and sentences (run-on text)', () => {
    const piece = '（三）推动脱贫人口就业，每人补贴500元，对吸纳就业的企业给予补助；';
    expect(growth((n) => insideBody(piece.repeat(n / piece.length) + '\n'), 500_000, extract)).toBeLessThan(MAX_RATIO);
  });

  it('80k 、 in one clause', () => {
    expect(growth((n) => insideBody(`（三）重点地区包括${'、'.repeat(n)}等。\n`), 40_000, extract)).toBeLessThan(MAX_RATIO);
  });

  it('a long run of spaces inside a clause', () => {
    expect(growth((n) => insideBody(`（三）补助${' '.repeat(n)}资金\n`), 200_000, extract)).toBeLessThan(MAX_RATIO);
  });

  it('30k table rows in an annex', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `第${i}市\t${i}\t${2 * i}\n`).join('');
    expect(growth((n) => `${seed}\n附件\n\n各市目标任务表\n\n市\t人数\t金额\n${rows(n)}合计\t1\t2\n`, 15_000, extract)).toBeLessThan(MAX_RATIO);
  });

  it('table rows each followed by a short line without tabs (a merged group row: the table goes on)', () => {
    const rows = (n: number) => Array.from({ length: n / 2 }, (_, i) => `第${i}市\t${i}\t${2 * i}\n东部地区\n`).join('');
    expect(growth((n) => `${seed}\n附件\n\n各市目标任务表\n\n市\t人数\t金额\n${rows(n)}合计\t1\t2\n`, 10_000, extract)).toBeLessThan(MAX_RATIO);
  });

  it('a 2,000-page text layer', () => {
    const page = Array.from({ length: 30 }, (_, i) => `按照要求落实第${i}项补助政策，推动工作。\n`).join('');
    const pages = (n: number) => insideBody(page.repeat(n));
    const runPdf = (text: string) => {
      const pageStarts = [0];
      for (let at = text.indexOf('\f'); at >= 0; at = text.indexOf('\f', at + 1)) pageStarts.push(at);
      processSource(source(text, { format: 'pdf', pageStarts }));
    };
    expect(growth(pages, 1_000, runPdf)).toBeLessThan(MAX_RATIO);
  });

  it('one 120 KB sentence of amounts', () => {
    const piece = '推动脱贫人口就业，补贴500元，';
    expect(growth((n) => insideBody(`（三）${piece.repeat(n / piece.length)}。\n`), 60_000, extract)).toBeLessThan(MAX_RATIO);
  });

  it('trimPhrase on a long run of punctuation that does not reach the end', () => {
    const trim = (s: string) => void trimPhrase(s);
    expect(growth((n) => `${'、'.repeat(n)}甲${'，'.repeat(n)}乙`, 1_000_000, trim)).toBeLessThan(MAX_RATIO);
    expect(trimPhrase('、，“补贴”；。')).toBe('补贴');
    expect(trimPhrase('，，')).toBe('');
  });

  it('the measure itself tells a quadratic path from a linear one', () => {
    // every pair of characters compared: doubling the input is four times the work
    const pairs = (t: string) => {
      let sum = 0;
      for (let i = 0; i < t.length; i++) for (let j = 0; j < t.length; j++) sum += i ^ j;
      if (sum < 0) throw new Error('unreachable');
    };
    expect(growth((n) => 'x'.repeat(n), 3000, pairs)).toBeGreaterThan(3);
  });

  it('still reads the notice around the shapes', () => {
    expect(records).toBeGreaterThan(0);
    const r = processSource(source(insideBody('\n'.repeat(1000))));
    expect(r.ok && r.records[0].title).toBe('山东省人力资源和社会保障厅 山东省发展和改革委员会 山东省财政厅 山东省农业农村厅 山东省乡村振兴局关于做好2022年脱贫人口稳岗就业工作的通知'.replace(/ /g, ''));
  });
});
