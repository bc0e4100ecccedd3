import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/api/index.js';
import { QUERIES } from '../src/emit/queries.js';
import { loadInto, openStore, STORE_VERSION } from '../src/emit/sqlite.js';
import type { NoticeRecord } from '../schemas/notice.js';

/**
 * Groups and 小计 in the store (layout 6). The fixture's annex prints one cell per line:
 *   东部片区 / 1 东城街道 40.0 / 2 西城街道 35.5 / 小计 75.5 / 西部片区 / 3 南城街道 24.5 / 小计 24.5 / 合计 100.0
 * so, read by hand: rows 0–1 are under 东部片区 and row 2 under 西部片区; the first 小计 adds up
 * rows 0 up to 2 (40.0 + 35.5 = 75.5), the second row 2 up to 3 (24.5); both agree exactly.
 */
const text = readFileSync(join(__dirname, 'fixtures', 'tables-subtotals.txt'), 'utf8');
// the header 长度（公里） is the column 长度 (its unit in parentheses); 备注 is a second column, blank in every 小计
const COLUMN = '长度';

async function recordOf(source: string, sha: string): Promise<NoticeRecord> {
  const r = await extractText(source, { path: `subtotals-${sha}.txt` });
  if (!r.ok) throw new Error(r.reason);
  return { ...r.records[0], source: { ...r.records[0].source, sha256: sha.repeat(64) } };
}

const tempStore = () => join(mkdtempSync(join(tmpdir(), 'store-subtotals-')), 'notices.sqlite');

type SubtotalRow = { subtotal: number; group_name: string | null; column_name: string; rows_filled: number; row_sum: number; declared: number; gap: number; beyond_rounding: number };

describe('table groups and 小计 in the store (layout 6)', () => {
  it('each row keeps its group, each 小计 its rows, and the example query sums them', async () => {
    const db = openStore(tempStore());
    loadInto(db, [await recordOf(text, 'a')]);
    const rows = db.prepare(`SELECT row_index, region, group_name FROM table_rows WHERE column_name = ? AND is_total = 0 ORDER BY row_index`).all(COLUMN);
    expect(rows).toEqual([
      { row_index: 0, region: '东城街道', group_name: '东部片区' },
      { row_index: 1, region: '西城街道', group_name: '东部片区' },
      { row_index: 2, region: '南城街道', group_name: '西部片区' },
    ]);
    const subtotals = db.prepare(`SELECT position, group_name, from_row, to_row, column_name, value, printed FROM table_subtotals WHERE column_name = ? ORDER BY position`).all(COLUMN);
    expect(subtotals).toEqual([
      { position: 0, group_name: '东部片区', from_row: 0, to_row: 2, column_name: COLUMN, value: 75.5, printed: '75.5' },
      { position: 1, group_name: '西部片区', from_row: 2, to_row: 3, column_name: COLUMN, value: 24.5, printed: '24.5' },
    ]);
    const sums = db.prepare(QUERIES.subtotals.sql).all() as SubtotalRow[];
    expect(sums.map((s) => [s.group_name, s.rows_filled, s.row_sum, s.declared, s.gap, s.beyond_rounding])).toEqual([
      ['东部片区', 2, 75.5, 75.5, 0, 0],
      ['西部片区', 1, 24.5, 24.5, 0, 0],
    ]);
    db.close();
  });

  it('a 小计 misprinted by 1 is beyond rounding; one off by half its last digit is not', async () => {
    const db = openStore(tempStore());
    const misprinted = text.replace('\n75.5\n', '\n76.5\n');
    const rounded = text.replace('\n75.5\n', '\n75.6\n').replace('\n35.5\n', '\n35.55\n');
    expect(misprinted).not.toBe(text);
    loadInto(db, [await recordOf(misprinted, 'b'), await recordOf(rounded, 'c')]);
    const sums = db.prepare(QUERIES.subtotals.sql).all() as SubtotalRow[];
    const east = sums.filter((s) => s.group_name === '东部片区');
    // 40.0 + 35.5 = 75.5 against 76.5: gap −1, far beyond 0.05 + 0.05 + 0.05
    expect(east.find((s) => s.declared === 76.5)).toMatchObject({ row_sum: 75.5, gap: -1, beyond_rounding: 1 });
    // 40.0 + 35.55 = 75.55 against 75.6: gap −0.05, within 0.05 + 0.005 + 0.05
    expect(east.find((s) => s.declared === 75.6)).toMatchObject({ row_sum: 75.55, gap: -0.05, beyond_rounding: 0 });
    db.close();
  });

  it('a layout-5 store is brought up: group_name and table_subtotals filled from the stored records', async () => {
    const path = tempStore();
    const db = openStore(path);
    loadInto(db, [await recordOf(text, 'd')]);
    const expectedRows = db.prepare('SELECT id, group_name FROM table_rows ORDER BY id').all();
    const expectedSubtotals = db.prepare('SELECT table_id, position, group_name, from_row, to_row, column_name, value, printed, half_unit, line FROM table_subtotals ORDER BY id').all();
    expect(expectedSubtotals).toHaveLength(4); // two 小计 × two columns (长度, 备注)
    // write the layout-5 shape back: no table_subtotals, no table_rows.group_name
    db.exec('DROP TABLE table_subtotals; ALTER TABLE table_rows DROP COLUMN group_name;');
    db.pragma('user_version = 5');
    db.close();

    const reopened = openStore(path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(STORE_VERSION);
    expect(reopened.prepare('SELECT id, group_name FROM table_rows ORDER BY id').all()).toEqual(expectedRows);
    expect(reopened.prepare('SELECT table_id, position, group_name, from_row, to_row, column_name, value, printed, half_unit, line FROM table_subtotals ORDER BY id').all()).toEqual(expectedSubtotals);
    expect(reopened.pragma('foreign_key_check')).toEqual([]);
    reopened.close();
  });
});
