import { describe, it, expect } from 'vitest';
import { flat } from '../src/extract/flat.js';

describe('flat', () => {
  it('removes every kind of whitespace a cell can carry', () => {
    expect(flat('青 岛\t市')).toBe('青岛市');
    expect(flat('\u3000合\u00a0计\r\n')).toBe('合计');
    expect(flat('1\u2002000\ufeff')).toBe('1000');
  });
  it('leaves a cell without whitespace as it is', () => {
    expect(flat('目标任务（万人）')).toBe('目标任务（万人）');
    expect(flat('')).toBe('');
    expect(flat('12.5%')).toBe('12.5%');
  });
});
