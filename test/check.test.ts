import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { processFile, processSource } from '../pipelines/document.js';
import { formatSarif } from '../src/check/format/sarif.js';
import { checkAll, allRules, extractionRules } from '../src/check/run.js';
import { sourceFromBytes } from '../src/read/source.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { root, SEEDS, seedPath, seedRecords } from './helpers/context.js';

async function recordsOf(text: string, path = 'example.txt'): Promise<NoticeRecord[]> {
  const read = await sourceFromBytes(path, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}

const docsDir = join(root, 'docs', 'rules');
const docs = readdirSync(docsDir).filter((f) => f.endsWith('.md'));

describe('every rule has a doc page', () => {
  it.each(allRules.map((r) => r.id))('%s', (id) => expect(docs).toContain(`${id}.md`));
});

describe('rule doc examples (remark-lint style: the docs are the tests)', () => {
  for (const file of docs) {
    const id = file.replace(/\.md$/, '');
    const md = readFileSync(join(docsDir, file), 'utf8');
    const blocks = [...md.matchAll(/```notice (pass|fail)\n([\s\S]*?)```/g)].map((m) => ({ kind: m[1], text: m[2] }));
    // a rule raised during extraction (an extractor that throws) has no notice text that fails it
    const kinds = extractionRules.some((r) => r.id === id) ? ['pass'] : ['fail', 'pass'];
    it(`${id} has ${kinds.length === 2 ? 'a passing and a failing example' : 'a passing example'}`, () => expect([...new Set(blocks.map((b) => b.kind))].sort()).toEqual(kinds));
    for (const [k, b] of blocks.entries()) {
      it(`${id}: example ${k + 1} (${b.kind}) ${b.kind === 'pass' ? 'raises no warning or error' : 'is flagged'}`, async () => {
        const findings = checkAll(await recordsOf(b.text)).filter((f) => f.rule === id);
        if (b.kind === 'pass') expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
        else expect(findings.filter((f) => f.severity !== 'info').length).toBeGreaterThan(0);
      });
    }
  }
});

describe('the seeds', async () => {
  const records = (await Promise.all(Object.values(SEEDS).map(seedRecords))).flat();
  const findings = checkAll(records);
  it('yield no error: every gap is explained by rounding', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('national 附件2 rows add up to 877.9 against 877.7 declared, within the bound of 8 rows at one decimal', () => {
    const f = findings.find((x) => x.rule === 'table-sum-mismatch' && x.data.table === '附件2' && x.fileNumber === '人社部发〔2022〕13号');
    expect(f).toMatchObject({ severity: 'info', data: { sum: 877.9, declared: 877.7, bound: 0.45 } });
  });
  it('Jilin sets more than its national allocation (info)', () => {
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'allocation-mismatch', severity: 'info', fileNumber: '吉人社联〔2022〕81号', data: expect.objectContaining({ allocated: 10.73, set: 11.29 }) }));
  });
  it('Shandong 40.6 is read as the sum of its two columns', () => {
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'target-table-mismatch', severity: 'info', fileNumber: '鲁人社字〔2022〕48号' }));
  });
  it('Heilongjiang and Guangdong match their allocations; Shandong sets 40.6 against 17.88 and its annex restates the 17.88 (one reading)', () => {
    const alloc = findings.filter((f) => f.rule === 'allocation-mismatch');
    expect(alloc.map((f) => f.fileNumber)).toEqual(['吉人社联〔2022〕81号', '鲁人社字〔2022〕48号']);
    expect(alloc[1]).toMatchObject({
      severity: 'info',
      data: { allocated: 17.88, set: 40.6, adopted: { total: 17.88 }, composed: { total: 40.56 } },
    });
  });
  it('document findings are also in the record', () => {
    const hlj = records.find((r) => r.fileNumber?.normalized === '黑人社发〔2022〕18号')!;
    expect(hlj.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['amount-missing-unit', 'missing-field']));
  });
});

describe('notices check (CLI)', () => {
  const bin = join(root, 'bin', 'notices.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

  it('exits 0 on the seeds and prints stylish text with a summary line', () => {
    const r = run('check', join(root, 'seeds'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\s+\d+:\d+\s+info\s+.+table-sum-mismatch$/m);
    expect(r.stdout).toMatch(/\d+ findings \(0 errors, \d+ warnings, \d+ info\)/);
  });

  it('a table corrupted on purpose (one cell off by 10) is an error and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-corrupt-'));
    const text = readFileSync(seedPath(SEEDS.heilongjiang), 'utf8').replace('1\t哈尔滨\t2.55', '1\t哈尔滨\t12.55');
    writeFileSync(join(dir, 'corrupt.txt'), text);
    const r = run('check', join(dir, 'corrupt.txt'), '--format', 'json');
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'table-sum-mismatch', severity: 'error', path: join(dir, 'corrupt.txt') }));
  });

  it('on the worker pool (8 files or more) finds what checkAll finds over the same records in process, in the same order', async () => {
    // the workers hand back each document's located findings and corpus view, not the record
    const dir = mkdtempSync(join(tmpdir(), 'notices-check-pool-'));
    const names = Object.values(SEEDS);
    for (let i = 0; i < 10; i++) writeFileSync(join(dir, `${String(i).padStart(2, '0')}_${names[i % names.length]}`), readFileSync(seedPath(names[i % names.length])));
    const r = run('check', dir, '--format', 'json', '--jobs', '2', '--quiet');
    const files = readdirSync(dir).sort();
    const records: NoticeRecord[] = [];
    for (const f of files) {
      const one = await processFile(join(dir, f));
      if (one.ok) records.push(...one.records);
    }
    const expected = checkAll(records);
    expect(expected.filter((f) => f.rule === 'allocation-mismatch').length).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('--max-warnings 0 fails on warnings', () => {
    expect(run('check', seedPath(SEEDS.jilin), '--max-warnings', '0').status).toBe(1);
    expect(run('check', seedPath(SEEDS.jilin)).status).toBe(0);
  });

  it('SARIF output validates against the SARIF 2.1.0 JSON Schema', async () => {
    const r = run('check', join(root, 'seeds'), '--format', 'sarif');
    const sarif = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'sarif-2.1.0.schema.json'), 'utf8'));
    // the published schema's `language` pattern is not valid with the u flag; compile patterns without it
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    // the formats the SARIF schema uses, checked (not ignored): an absolute URI, a URI reference
    // (relative to %SRCROOT%) and an RFC 3339 date-time
    const parses = (s: string, base?: string) => URL.canParse(s, base);
    ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && parses(s));
    ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s) && parses(s, 'file:///srcroot/'));
    ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)));
    const validate = ajv.compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('formatSarif lists every rule, and the findings reading adds', () => {
    const s = formatSarif([]) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    expect(s.runs[0].tool.driver.rules.map((r) => r.id)).toEqual([...allRules.map((r) => r.id), 'encoding-repaired', 'table-repaired', 'table-unrepaired', 'table-unread', 'record-invalid']);
  });
});
