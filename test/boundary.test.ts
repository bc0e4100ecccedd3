import { describe, expect, it, vi } from 'vitest';

// A reader library that throws (pdf-parse on a hostile file, a stack overflow deep in a parser):
// the file fails on its own, the caller gets a value, never an exception.
vi.mock('../src/read/pdf.js', () => ({
  readPdf: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

const { processFile } = await import('../pipelines/document.js');

describe('reading runs inside the error boundary', () => {
  it('a reader that throws fails only its file, with one line naming the error', async () => {
    const r = await processFile('hostile.pdf', new TextEncoder().encode('%PDF-1.7 …'));
    expect(r).toEqual({ ok: false, path: 'hostile.pdf', reason: 'internal error while reading: RangeError: Maximum call stack size exceeded' });
  });

  it('other files are not touched by it', async () => {
    const r = await processFile('notice.txt', new TextEncoder().encode('关于做好2022年脱贫人口稳岗就业工作的通知\n\n吉人社联〔2022〕81号\n\n一、明确目标任务\n'));
    expect(r.ok).toBe(true);
  });
});
