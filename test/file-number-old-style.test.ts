import { describe, expect, it } from 'vitest';
import { findFileNumbers } from '../src/extract/file-number.js';
import { processSource } from '../pipelines/document.js';
import { sourceFromBytes } from '../src/read/source.js';

// Until about 1990 a 发文字号 put the year first, in two digits: （87）国发12号, (85)财税字第12号.
// Expected values read by hand: the prefix as printed, the year 19xx, the serial.
describe('发文字号 with the year first (1980s)', () => {
  it('parses to the same normalized form as the bracketed year', () => {
    expect(findFileNumbers('（87）国发12号').map((f) => f.value)).toEqual([
      { raw: '（87）国发12号', normalized: '国发〔1987〕12号', prefix: '国发', year: 1987, serial: 12 },
    ]);
    expect(findFileNumbers('(85)财税字第12号')[0].value.normalized).toBe('财税字〔1985〕12号');
  });
  it('a modern number wins when a line has both forms', () => {
    expect(findFileNumbers('国发〔2019〕3号（87）国发12号')[0].value.normalized).toBe('国发〔2019〕3号');
  });
  it('as the header line of a notice: the notice’s own number, not a body line', async () => {
    const text = '国务院关于加强管理的通知\n（87）国发12号\n各省、自治区、直辖市人民政府：\n现将有关事项通知如下：\n一、加强管理。\n国务院\n一九八七年二月三日\n';
    const read = await sourceFromBytes('inline.txt', new TextEncoder().encode(text));
    if (!read.ok) throw new Error(read.reason);
    const r = await processSource(read.source);
    expect(r.ok && [r.records[0].fileNumber?.normalized, r.records[0].title, r.records[0].signedDate]).toEqual([
      '国发〔1987〕12号', '国务院关于加强管理的通知', '1987-02-03',
    ]);
  });
});
