import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/document.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { root, SEEDS, seedRecords } from './helpers/context.js';

// PDFs printed from the seeds once by scripts/seeds-to-pdf.mjs (headless Chromium + a CJK font) and committed
const dir = join(root, 'test', 'fixtures', 'pdf');
const pdfOf = (seed: string) => join(dir, seed.replace(/\.txt$/, '.pdf'));

async function extractPdf(seed: string): Promise<NoticeRecord[]> {
  const r = await processFile(pdfOf(seed));
  if (!r.ok) throw new Error(`${r.path}: ${r.reason}`);
  return r.records;
}

describe('PDF input (printed from the seeds)', () => {
  it('gives the same header facts as the text', async () => {
    for (const seed of [SEEDS.guangdong, SEEDS.heilongjiang, SEEDS.jilin]) {
      const fromPdf = await extractPdf(seed);
      const fromText = await seedRecords(seed);
      expect(fromPdf.map((r) => r.fileNumber?.normalized)).toEqual(fromText.map((r) => r.fileNumber?.normalized));
      expect(fromPdf.map((r) => r.title)).toEqual(fromText.map((r) => r.title));
      expect(fromPdf.map((r) => r.issuers.map((i) => i.name))).toEqual(fromText.map((r) => r.issuers.map((i) => i.name)));
      expect(fromPdf.map((r) => r.sections.length)).toEqual(fromText.map((r) => r.sections.length));
      expect(fromPdf.map((r) => r.source.format)).toEqual(fromPdf.map(() => 'pdf'));
    }
  });

  it('reads annex tables whose cells the text layer separates with spaces', async () => {
    const [, nat] = await extractPdf(SEEDS.guangdong);
    expect(nat.tables.map((t) => [t.label, t.rows.length, Object.values(t.declaredTotal ?? {})])).toEqual([
      ['附件1', 25, [3019.17]],
      ['附件2', 8, [877.7]],
    ]);
    expect(nat.tables[0].rows.find((r) => r.region === '黑龙江')?.values).toEqual({ 目标任务: 19.67 });
  });

  it('a one-cell-per-line table whose blank cells the text layer lost: the 合计 places them (seed 002)', async () => {
    const [pdf] = await extractPdf(SEEDS.shandong);
    const [text] = await seedRecords(SEEDS.shandong);
    const cells = (r: NoticeRecord) => r.tables.map((t) => [t.kind, t.rows.map((row) => [row.region, Object.values(row.values)]), Object.values(t.declaredTotal ?? {})]);
    expect(cells(pdf)).toEqual(cells(text));
    expect(pdf.tables[0].rows.find((r) => r.region === '青岛')?.values).toEqual({ '目标任务/国定标准': null, '目标任务/省定标准': 0.29 });
  });

  it('cells placed by the totals are marked inferred, the table says so, and a finding tells the sums cannot check them', async () => {
    const [pdf] = await extractPdf(SEEDS.shandong);
    const [table] = pdf.tables;
    expect(table.repairedFrom).toBe('totals');
    // the seed prints no 国定标准 figure for these four cities (blank cells the text layer dropped)
    expect(table.rows.filter((r) => r.inferred).map((r) => r.region)).toEqual(['青岛', '东营', '烟台', '威海']);
    expect(table.rows.find((r) => r.region === '济南')?.inferred).toBeUndefined();
    const repaired = pdf.findings.filter((f) => f.rule === 'table-repaired');
    expect(repaired.map((f) => [f.severity, f.data.label, f.data.rows])).toEqual([['info', '附件1', ['青岛', '东营', '烟台', '威海']]]);
    // the text seed has its blank cells as printed: nothing inferred there
    const [text] = await seedRecords(SEEDS.shandong);
    expect(text.tables.some((t) => t.repairedFrom || t.rows.some((r) => r.inferred))).toBe(false);
    expect(text.findings.some((f) => f.rule === 'table-repaired')).toBe(false);
  });

  it('a blank reporting template is a form (seed 004 附件2)', async () => {
    const [r] = await extractPdf(SEEDS.heilongjiang);
    expect(r.tables.map((t) => t.kind)).toEqual(['target', 'form']);
  });

  it('spans carry the page number', async () => {
    const [, nat] = await extractPdf(SEEDS.guangdong);
    expect(nat.fileNumber?.span?.page).toBeGreaterThan(1);
    expect(nat.tables[1].span.page).toBeGreaterThanOrEqual(nat.tables[0].span.page!);
  });

  it('the PDF is a real PDF', () => {
    expect(readFileSync(pdfOf(SEEDS.jilin)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
