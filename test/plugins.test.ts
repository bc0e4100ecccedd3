import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import { extractRecord } from '../src/extract/document.js';
import { extractors, runExtractors, type NamedExtractor } from '../src/extract/plugins.js';
import { NoticeRecord } from '../schemas/notice.js';
import { SEEDS, seedContexts } from './helpers/context.js';

const throwing = (name: string): NamedExtractor => ({
  name,
  fields: ['tables'],
  run: () => {
    throw new Error('cannot read cell (3, 2)\n    at annexTables');
  },
});

describe('extractors as named plugins', async () => {
  const [ctx] = await seedContexts(SEEDS.shandong);

  it('every extractor has a distinct name and fills distinct fields', () => {
    const names = extractors.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const fields = extractors.flatMap((e) => e.fields);
    expect(new Set(fields).size).toBe(fields.length);
    // everything but the source, the version and the findings comes from a plugin
    expect(fields.sort()).toEqual(Object.keys(NoticeRecord.shape).filter((k) => !['schemaVersion', 'source', 'findings'].includes(k)).sort());
  });

  it('a throwing extractor leaves its fields empty, names itself in an error finding, and the rest of the record stands', () => {
    const plugins = extractors.map((e) => (e.name === 'tables' ? throwing('tables') : e));
    const record = runExtractors(ctx, plugins);
    const whole = extractRecord(ctx);
    expect(whole.tables.length).toBe(2); // the seed's two annex tables, read when nothing fails
    expect(record.tables).toEqual([]);
    expect(record.findings).toEqual([
      {
        rule: 'extractor-failed',
        severity: 'error',
        message: 'extractor tables failed: cannot read cell (3, 2); its fields are left empty',
        span: null,
        data: { extractor: 'tables', error: 'cannot read cell (3, 2)' },
      },
    ]);
    expect(record.title).toBe(whole.title);
    expect(record.subsidies).toEqual(whole.subsidies);
    expect(NoticeRecord.safeParse(record).success).toBe(true);
  });

  it('the pipeline keeps the extractor-failed finding ahead of the check findings', () => {
    const record = runExtractors(ctx, [throwing('broken')]);
    expect(record.findings.map((f) => f.rule)).toEqual(['extractor-failed']);
    expect(record.findings[0].data.extractor).toBe('broken');
  });

  it('timings are collected per extractor name when asked for', () => {
    const timings = new Map<string, number>();
    runExtractors(ctx, extractors, timings);
    expect([...timings.keys()]).toEqual(extractors.map((e) => e.name));
    for (const ms of timings.values()) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('a real document has no extractor-failed finding', () => {
    const r = processSource(ctx.source);
    expect(r.ok && r.records.flatMap((x) => x.findings).filter((f) => f.rule === 'extractor-failed')).toEqual([]);
  });
});
