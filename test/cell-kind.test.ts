import { describe, it, expect } from 'vitest';
import { cellKind } from '../src/extract/cell-kind.js';

describe('cellKind', () => {
  it('reads a figure with its thousands separators, sign and percent, spaces and all', () => {
    const k = cellKind(' 1,234.5 ');
    expect(k.flat).toBe('1,234.5');
    expect(k.numeric).toBe(true);
    expect(k.value).toBe(1234.5);
    expect(cellKind('-3').numeric).toBe(true);
    expect(cellKind('12%').value).toBe(12);
    expect(cellKind('1 000').value).toBe(1000);
    // a figure with a note in brackets is a value, but not a bare figure
    expect(cellKind('120（扩招）').numeric).toBe(false);
    expect(cellKind('120（扩招）').value).toBe(120);
    expect(cellKind('青岛市').value).toBe(null);
  });

  it('tells a placeholder in a row from a blank in a stream: 、 and 空 are placeholders only', () => {
    for (const t of ['—', '/', '…', '无']) {
      expect(cellKind(t).placeholder).toBe(true);
      expect(cellKind(t).blank).toBe(true);
    }
    for (const t of ['、', '空']) {
      expect(cellKind(t).placeholder).toBe(true);
      expect(cellKind(t).blank).toBe(false);
    }
    expect(cellKind('').blank).toBe(true);
    expect(cellKind('').placeholder).toBe(false);
    expect(cellKind('0').placeholder).toBe(false);
  });

  it('counts 小计 as a sum label of a stream, not as the total of a row table', () => {
    expect(cellKind('合 计').total).toBe(true);
    expect(cellKind('全省合计').total).toBe(true);
    expect(cellKind('全省').total).toBe(true);
    expect(cellKind('小计').total).toBe(false);
    expect(cellKind('小计').totalLabel).toBe(true);
    expect(cellKind('全市小计').totalLabel).toBe(true);
    expect(cellKind('东部片区小计').totalLabel).toBe(false);
    expect(cellKind('合计').totalLabel).toBe(true);
  });

  it('names the group of a 小计, and nothing for a bare one', () => {
    expect(cellKind('东部片区小计').subtotalGroup).toBe('东部片区');
    expect(cellKind('小计').subtotalGroup).toBe('');
    expect(cellKind('合计').subtotalGroup).toBe(null);
  });

  it('reads 序号 printed in digits or Chinese numerals, and the 序号 header', () => {
    expect(cellKind('3').seq).toBe(3);
    expect(cellKind('十二').seq).toBe(12);
    expect(cellKind('12345').seqLike).toBe(false);
    expect(cellKind('12345').seq).toBe(null);
    expect(cellKind('一、城区').seq).toBe(null);
    expect(cellKind('序 号').seqHeader).toBe(true);
    expect(cellKind('No.').seqHeader).toBe(true);
    expect(cellKind('序号1').seqHeader).toBe(false);
  });

  it('gives the same kind for the same text', () => {
    expect(cellKind('合计')).toBe(cellKind('合计'));
  });
});
