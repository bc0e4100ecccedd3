import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognise } from '../src/read/ocr.js';
import { decodeCtc } from '../src/read/ocr-ctc.js';
import { groupIntoLines, type BoxText } from '../src/read/ocr-lines.js';
import { detectionSize, rgbaToPlanes, textMask } from '../src/read/ocr-tensor.js';
import { root } from './helpers/context.js';

describe('model input and output in typed arrays', () => {
  it('detection runs at the page size rounded to multiples of 32, or scaled to a given long side, never enlarged', () => {
    // an A4 page at 150 dpi: 1241 / 32 = 38.8 → 39 × 32, 1754 / 32 = 54.8 → 55 × 32
    expect(detectionSize(1241, 1754)).toEqual({ width: 1248, height: 1760 });
    // at 960 px: 1241 × 960/1754 = 679.2 px → 21 × 32
    expect(detectionSize(1241, 1754, 960)).toEqual({ width: 672, height: 960 });
    // small enough already: 300 → 9 × 32, 200 → 6 × 32
    expect(detectionSize(300, 200)).toEqual({ width: 288, height: 192 });
    expect(detectionSize(10, 10)).toEqual({ width: 32, height: 32 });
  });

  it('pixels become three planes B, G, R scaled to 0..1, alpha dropped', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 51, 102, 7]);
    const planes = rgbaToPlanes(rgba, 2, 1);
    const expected = [0, 102 / 255, 0, 51 / 255, 1, 0]; // B of both pixels, then G, then R
    expect(planes).toHaveLength(6);
    expected.forEach((v, i) => expect(planes[i]).toBeCloseTo(v, 6));
  });

  it('the text mask is white where the probability passes 0.03, opaque everywhere', () => {
    expect([...textMask(new Float32Array([0.5, 0.01, 0.03]))]).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
  });
});

describe('CTC decoding', () => {
  const dictionary = ['甲', '乙', '丙'];
  const steps = (rows: number[][]) => new Float32Array(rows.flat());

  it('drops blanks and repeats, keeps a character repeated across a blank, averages the kept probabilities', () => {
    // classes: 0 blank, 1 甲, 2 乙, 3 丙
    const probabilities = steps([
      [0.05, 0.9, 0.03, 0.02],
      [0.1, 0.8, 0.05, 0.05],
      [0.7, 0.1, 0.1, 0.1],
      [0.1, 0.7, 0.1, 0.1],
      [0.2, 0.1, 0.1, 0.6],
    ]);
    const line = decodeCtc(probabilities, 5, 4, dictionary);
    expect(line.text).toBe('甲甲丙');
    expect(line.mean).toBeCloseTo((0.9 + 0.7 + 0.6) / 3, 6);
  });

  it('a tie goes to the first class; only blanks read as no text with confidence 0', () => {
    expect(decodeCtc(steps([[0.5, 0.5, 0, 0]]), 1, 4, dictionary)).toEqual({ text: '', mean: 0 });
    expect(decodeCtc(steps([[0.1, 0.4, 0.4, 0.1]]), 1, 4, dictionary).text).toBe('甲');
  });
});

describe('boxes grouped into lines as the library groups them', () => {
  const box = (x: number, y: number, w: number, h: number) => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
  const at = (text: string, x: number, y: number, mean = 0.9): BoxText => ({ text, mean, box: box(x, y, 40, 20) });

  it('boxes on one midline join left to right with a space; lines go top to bottom; unsure boxes are dropped', () => {
    const a = at('乙', 100, 10, 0.8);
    const b = at('甲', 10, 12, 1);
    const lines = groupIntoLines([at('丙', 10, 60), a, at('丁', 10, 100, 0.4), b]);
    expect(lines.map((l) => l.text)).toEqual(['甲 乙', '丙']);
    expect(lines[0].box).toEqual([b.box[0], a.box[1], a.box[2], b.box[3]]);
    expect(lines[0].mean).toBeCloseTo(0.9, 6);
  });

  it('a box between two lines joins the one the last contour started (the library reads contours in reverse)', () => {
    // height 20 → a box joins a line whose first box's midline is less than 10 px from its own.
    // Contour order P, Q, R; read R (midline 50), Q (42: joins R), P (34: 16 px from R, a line of its own).
    const lines = groupIntoLines([at('P', 0, 24), at('Q', 50, 32), at('R', 100, 40)]);
    expect(lines.map((l) => l.text)).toEqual(['P', 'Q R']);
  });
});

describe('recognising a page', () => {
  it('reads a scanned notice page, its boxes in the pixels of the page as read', async () => {
    // govcheck-test.png: 1240 × 1754; the title runs across most of the width about a third of the way down
    const handlers = () => [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];
    const before = handlers();
    const lines = await recognise(readFileSync(join(root, 'test', 'fixtures', 'formats', 'govcheck-test.png')));
    // loading the engine leaves the process's error handling as it was (opencv.js adds handlers of its own)
    expect(handlers()).toEqual(before);
    const title = lines.find((l) => l.text.startsWith('关于生成特定格式测试文件的通知'));
    expect(title?.box.y).toBeGreaterThan(1754 / 4);
    expect(title?.box.y).toBeLessThan(1754 / 2);
    expect(title?.box.x).toBeLessThan(1240 / 4);
    expect(title!.box.x + title!.box.width).toBeGreaterThan((1240 * 3) / 4);
    for (const l of lines) expect(l.box.x + l.box.width).toBeLessThanOrEqual(1248); // fitted into 1248 × 1760
    expect(lines[0].text).toBe('绝密★启用前');
  }, 240_000); // loading the models and one page: seconds of CPU, minutes of wall time on a loaded machine
});
