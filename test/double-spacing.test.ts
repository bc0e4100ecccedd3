import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { isDoubleSpaced, undoubleSpacing } from '../src/normalize/double-spacing.js';
import { identity } from '../src/normalize/offsets.js';
import { SEEDS, seedPath } from './helpers/context.js';

/**
 * A copy with a blank line after every line (each printed line in its own <p>) reads as the printed
 * notice: its title printed over three lines, its five signing bodies and its annex table's rows.
 */
const doubled = (text: string) => text.replace(/\n/g, '\n\n');
const lines = (n: number, sep: string) => Array.from({ length: n }, (_, i) => `第${i + 1}行内容`).join(sep);

function header(text: string) {
  const r = processSource({ path: 'copy.txt', sha256: '0', format: 'text', text });
  if (!r.ok) throw new Error(r.reason);
  const x = r.records[0];
  return { title: x.title, fileNumber: x.fileNumber?.normalized, issuers: x.issuers.map((i) => i.name), signedDate: x.signedDate, rows: x.tables.map((t) => t.rows.length) };
}

describe('double-spaced copies', () => {
  it('tells a text whose lines all stand apart from one that groups lines', () => {
    expect(isDoubleSpaced(lines(10, '\n\n'))).toBe(true);
    // CRLF and a line of spaces count as blank
    expect(isDoubleSpaced(lines(10, '\r\n \u3000\r\n'))).toBe(true);
    expect(isDoubleSpaced(lines(10, '\n'))).toBe(false);
    // two lines in twenty together (10 %) is a text that groups lines, not a doubled copy
    expect(isDoubleSpaced(lines(18, '\n\n') + '\n' + lines(2, '\n'))).toBe(false);
    // too short to judge
    expect(isDoubleSpaced(lines(5, '\n\n'))).toBe(false);
  });

  it('halves each run of line breaks, keeping the map back to the source', () => {
    const source = `${lines(8, '\n\n')}\n\n\n\n末行`;
    const out = undoubleSpacing(identity(source));
    expect(out.value).toBe(`${lines(8, '\n')}\n\n末行`);
    // 末行 still points at where it stands in the source
    const from = out.map[out.value.indexOf('末行')];
    expect(source.slice(from, from + 2)).toBe('末行');
    expect(from).toBe(source.indexOf('末行'));
  });

  it('the Heilongjiang seed doubled reads as printed: title over three lines, five bodies, the annex rows', () => {
    const printed = readFileSync(seedPath(SEEDS.heilongjiang), 'utf8');
    const expected = {
      title: '黑龙江省人力资源和社会保障厅黑龙江省发展和改革委员会黑龙江省财政厅黑龙江省农业农村厅黑龙江省乡村振兴局关于做好2022年脱贫人口稳岗就业工作的通知',
      fileNumber: '黑人社发〔2022〕18号',
      issuers: ['黑龙江省人力资源和社会保障厅', '黑龙江省发展和改革委员会', '黑龙江省财政厅', '黑龙江省农业农村厅', '黑龙江省乡村振兴局'],
    };
    expect(header(printed)).toMatchObject(expected);
    expect(header(doubled(printed))).toEqual(header(printed));
  });

  it('a State Council notice of 1996 doubled: the title that starts with two bodies is not cut', () => {
    const printed = readFileSync(join(__dirname, 'fixtures', 'real', 'gold-03_guobanfa-qinhua-rijun-huaxue-wuqi-1996.txt'), 'utf8');
    expect(header(doubled(printed))).toMatchObject({
      title: '国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知',
      issuers: ['国务院办公厅', '中央军委办公厅'],
      signedDate: '1996-06-29',
    });
  });
});
