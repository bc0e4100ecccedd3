import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/document.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { artifactLocation } from '../src/check/format/sarif.js';
import { recordFileNames } from '../src/emit/json.js';
import { decode } from '../src/read/detect.js';
import { readDocx } from '../src/read/docx.js';
import { htmlToText, MAX_HTML_DEPTH, MAX_TABLE_COLUMNS } from '../src/read/html.js';
import { limitsFor, parseByteSize } from '../src/read/limits.js';
import { openZip } from '../src/read/zip.js';
import { root, SEEDS, seedPath, seedRecords } from './helpers/context.js';
import { gb18030 } from './helpers/encode.js';
import { docxBomb, zip } from './helpers/zip.js';

const bin = join(root, 'bin', 'notices.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
const tmp = () => mkdtempSync(join(tmpdir(), 'notices-robust-'));
const seedText = (name: string) => readFileSync(seedPath(name), 'utf8');

describe('ZIP unpack limits (src/read/zip.ts)', () => {
  const cap = { maxUnzippedBytes: 1_000_000, maxZipEntries: 100 };

  it('counts what the entries really unpack to, and gives each entry\'s bytes', async () => {
    const a = Buffer.alloc(300_000, 'x');
    const b = Buffer.from('hello');
    const r = await openZip(zip([{ name: 'a', data: a }, { name: 'b', data: b, store: true }]), cap);
    expect(r.ok && [r.archive.names, r.archive.unzippedBytes, r.archive.text('b'), r.archive.bytes('a')?.length]).toEqual([['a', 'b'], 300_005, 'hello', 300_000]);
  });

  it('refuses an archive that unpacks past the cap, even when its headers claim a small size', async () => {
    const honest = zip([{ name: 'word/document.xml', data: Buffer.alloc(2_000_000, 'a') }]);
    const lying = zip([{ name: 'word/document.xml', data: Buffer.alloc(2_000_000, 'a'), declaredSize: 10 }]);
    for (const archive of [honest, lying]) {
      expect(archive.length).toBeLessThan(10_000);
      const r = await openZip(archive, cap);
      expect(r).toMatchObject({ ok: false, kind: 'limit' });
      expect(!r.ok && r.reason).toMatch(/unpacks to more than 1 MB .* word\/document\.xml/);
    }
  });

  it('refuses too many entries, and names damage as damage', async () => {
    const many = zip(Array.from({ length: 101 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x'), store: true })));
    expect(await openZip(many, cap)).toMatchObject({ ok: false, kind: 'limit', reason: 'ZIP archive holds 101 entries (at most 100 are read)' });
    const archive = zip([{ name: 'a', data: Buffer.alloc(1000, 'x') }]);
    expect(await openZip(archive.subarray(0, archive.length - 30), cap)).toMatchObject({ ok: false, kind: 'damaged' });
  });

  it('a DOCX bomb is refused before mammoth inflates it', async () => {
    const bomb = docxBomb(3_000_000);
    const r = await readDocx(bomb, limitsFor(1_000_000));
    expect(r).toEqual({ ok: false, reason: 'DOCX unpacks to more than 1 MB (a ZIP bomb, or raise --max-bytes), reached in word/document.xml' });
    // under a cap it fits, the same archive is read
    const small = await readDocx(docxBomb(2000, '字'), limitsFor(1_000_000));
    expect(small.ok && small.text.trim()).toBe('字'.repeat(2000));
  });
});

describe('OFD packages under the same caps', () => {
  it('an OFD whose page content inflates past the cap is refused with the limit named', async () => {
    const ofd = zip([
      { name: 'OFD.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>') },
      { name: 'Doc_0/Pages/Page_0/Content.xml', data: Buffer.alloc(3_000_000, ' ') },
    ]);
    const { readOfd } = await import('../src/read/ofd.js');
    expect(await readOfd(ofd, limitsFor(1_000_000))).toEqual({ ok: false, reason: 'OFD unpacks to more than 1 MB (a ZIP bomb, or raise --max-bytes), reached in Doc_0/Pages/Page_0/Content.xml' });
  });
});

describe('HTML nesting', () => {
  const nested = (depth: number) => `<!doctype html><html><body>${'<div>'.repeat(depth)}正文${'</div>'.repeat(depth)}</body></html>`;

  it(`reads a page nested ${MAX_HTML_DEPTH - 10} deep`, () => {
    const r = htmlToText(nested(MAX_HTML_DEPTH - 10));
    expect(r.ok && r.text.trim()).toBe('正文');
  });

  it('refuses a page nested 3,000 deep with its depth, instead of overflowing the stack', async () => {
    // html > body > 3,000 div > text: 3,003 levels below the document
    expect(htmlToText(nested(3000))).toEqual({ ok: false, reason: `HTML nested 3003 elements deep (at most ${MAX_HTML_DEPTH} are read)` });
    const dir = tmp();
    writeFileSync(join(dir, 'deep.html'), nested(3000));
    const r = await processFile(join(dir, 'deep.html'));
    expect(r).toMatchObject({ ok: false, reason: `HTML nested 3003 elements deep (at most ${MAX_HTML_DEPTH} are read)` });
  });
});

describe('HTML tables as wide as colspan allows', () => {
  it(`write at most ${MAX_TABLE_COLUMNS} columns; cells past that share the last one`, () => {
    const row = `<tr>${Array.from({ length: 20 }, (_, i) => `<td colspan="1000">c${i}</td>`).join('')}</tr>`;
    const r = htmlToText(`<table>${row.repeat(3)}</table>`);
    if (!r.ok) throw new Error(r.reason);
    const lines = r.text.split('\n').filter((l) => l.includes('c0'));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.split('\t')).toHaveLength(MAX_TABLE_COLUMNS);
      // c0 in column 1, c1 at column 1001 → past the cap: every later cell in the last column
      expect(line.split('\t')[0]).toBe('c0');
      expect(line.split('\t')[MAX_TABLE_COLUMNS - 1]).toBe(Array.from({ length: 19 }, (_, i) => `c${i + 1}`).join(''));
    }
  });

  it('an ordinary colspan still keeps cells under their headers', () => {
    const r = htmlToText('<table><tr><th>地区</th><th colspan="2">目标</th></tr><tr><td>甲</td><td>1</td><td>2</td></tr></table>');
    expect(r.ok && r.text.split('\n')).toEqual(['地区\t目标\t', '甲\t1\t2']);
  });
});

describe('--max-bytes', () => {
  it('parses sizes', () => {
    expect([parseByteSize('50MB'), parseByteSize('50M'), parseByteSize('2GiB'), parseByteSize('512k'), parseByteSize('1200'), parseByteSize('x')]).toEqual([50_000_000, 50_000_000, 2 * 1024 ** 3, 512_000, 1200, Number.NaN]);
  });

  it('refuses a larger file on one line and still extracts the others; a bad value is a usage error', () => {
    // seed 004 is 12,689 bytes, seed 001 7,823
    const r = run('extract', seedPath(SEEDS.heilongjiang), seedPath(SEEDS.jilin), '--max-bytes', '10kB');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`notices: ${seedPath(SEEDS.heilongjiang)}: 12.7 kB, larger than --max-bytes 10000 (10 kB)`);
    expect(JSON.parse(r.stdout).map((x: NoticeRecord) => x.fileNumber?.normalized)).toEqual(['吉人社联〔2022〕81号']);
    const bad = run('extract', seedPath(SEEDS.jilin), '--max-bytes', 'lots');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^notices: --max-bytes: not a size: lots/);
  });
});

describe('output names keep the input’s relative path', () => {
  const rec = (path: string, documentIndex = 0) => ({ source: { path, documentIndex } }) as NoticeRecord;

  it('two notice.txt in different folders, and two notices differing only in extension, get their own names', () => {
    const records = [rec('/in/a/notice.txt'), rec('/in/b/notice.txt'), rec('/in/b/notice.txt', 1), rec('/in/c/x.txt'), rec('/in/c/x.md'), rec('/in/c/y.pdf')];
    const nameOf = recordFileNames(records);
    expect(records.map(nameOf)).toEqual(['a/notice.0.json', 'b/notice.0.json', 'b/notice.1.json', 'c/x.txt.0.json', 'c/x.md.0.json', 'c/y.0.json']);
  });

  it('a single file or a flat folder keeps plain names', () => {
    expect([rec('/in/notice.txt')].map(recordFileNames([rec('/in/notice.txt')]))).toEqual(['notice.0.json']);
  });

  it('notices extract --out writes one file per input, none overwritten', () => {
    const input = tmp();
    const out = tmp();
    for (const d of ['a', 'b']) {
      mkdirSync(join(input, d));
      writeFileSync(join(input, d, 'notice.txt'), readFileSync(seedPath(d === 'a' ? SEEDS.jilin : SEEDS.heilongjiang)));
    }
    const r = run('extract', input, '--out', out);
    expect(r.status).toBe(0);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(['a', 'a/notice.0.json', 'b', 'b/notice.0.json', 'notices.jsonl']);
    expect(JSON.parse(readFileSync(join(out, 'a', 'notice.0.json'), 'utf8')).fileNumber.normalized).toBe('吉人社联〔2022〕81号');
    expect(JSON.parse(readFileSync(join(out, 'b', 'notice.0.json'), 'utf8')).fileNumber.normalized).toBe('黑人社发〔2022〕18号');
  });
});

describe('SARIF artifact locations', () => {
  it('are the inputs’ paths relative to the working folder, against %SRCROOT%', () => {
    expect(artifactLocation('seeds/a b.txt', '/repo')).toEqual({ uri: 'seeds/a%20b.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/repo/seeds/x.txt', '/repo')).toEqual({ uri: 'seeds/x.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/elsewhere/x.txt', '/repo')).toEqual({ uri: 'file:///elsewhere/x.txt' });
  });

  it('notices check --format sarif: no example.invalid, every result under %SRCROOT%', () => {
    const r = run('check', 'seeds', '--format', 'sarif');
    expect(r.stdout).not.toContain('example.invalid');
    const sarif = JSON.parse(r.stdout);
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${root.endsWith('/') ? root : root + '/'}`);
    const locations = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => x.locations[0].physicalLocation.artifactLocation);
    const seeds = Object.values(SEEDS).map((s) => ({ uri: `seeds/${s}`, uriBaseId: '%SRCROOT%' }));
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) expect(seeds).toContainEqual(l);
  });
});

describe('damaged text', () => {
  const recordsOf = async (name: string, bytes: Uint8Array) => {
    const dir = tmp();
    writeFileSync(join(dir, name), bytes);
    const r = await processFile(join(dir, name));
    if (!r.ok) throw new Error(r.reason);
    return r.records;
  };

  it('a UTF-8 file cut inside its last character: that character is U+FFFD, and a finding says where', async () => {
    const text = seedText(SEEDS.jilin).trimEnd() + '\n附件：无'; // ends in a 3-byte character
    const bytes = Buffer.from(text);
    const cut = bytes.subarray(0, bytes.length - 1);
    const decoded = decode(cut)!;
    expect(decoded.text).toBe(text.slice(0, -1) + '\ufffd');
    const [r] = await recordsOf('cut.txt', cut);
    expect(r.fileNumber?.normalized).toBe('吉人社联〔2022〕81号');
    const f = r.findings.find((x) => x.rule === 'encoding-repaired')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/ends inside a UTF-8 character/);
    const lines = text.split('\n');
    expect(f.span).toEqual({ line: lines.length, column: lines[lines.length - 1].length });
  });

  it('UTF-16 with a byte-order mark reads like the UTF-8 file', async () => {
    const text = seedText(SEEDS.jilin);
    const [expected] = await seedRecords(SEEDS.jilin);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16(); // FFFE → FEFF and every unit big-endian
    for (const [name, bytes] of [['le.txt', le], ['be.txt', be]] as const) {
      const [r] = await recordsOf(name, bytes);
      expect([r.fileNumber, r.title, r.sections.length, r.targets.length]).toEqual([expected.fileNumber, expected.title, expected.sections.length, expected.targets.length]);
      expect(r.findings.some((f) => f.rule === 'encoding-repaired')).toBe(false);
    }
  });

  it('GBK lines inside a UTF-8 file are decoded line by line, with a finding naming them', async () => {
    const lines = seedText(SEEDS.jilin).split('\n');
    // the title (line 1) and one clause line pasted in from a GBK page
    const gbkLine = lines.findIndex((l) => l.includes('（二）'));
    const bytes = Buffer.concat(lines.map((l, i) => (i === 0 || i === gbkLine ? gb18030(l) : Buffer.from(l)) as Buffer).flatMap((b, i) => (i < lines.length - 1 ? [b, Buffer.from('\n')] : [b])));
    const decoded = decode(bytes)!;
    expect(decoded.text).toBe(lines.join('\n'));
    const [r] = await recordsOf('mixed.txt', bytes);
    expect(r.title).toBe('关于做好2022年脱贫人口稳岗就业工作的通知');
    const f = r.findings.find((x) => x.rule === 'encoding-repaired')!;
    expect(f.data).toEqual({ kind: 'mixed-gb18030', lines: [1, gbkLine + 1] });
    expect(f.span).toEqual({ line: 1, column: 1 });
  });

  it('a whole GB18030 file is still GB18030, with no finding', async () => {
    const [r] = await recordsOf('gbk.txt', gb18030(seedText(SEEDS.jilin)));
    expect(r.fileNumber?.normalized).toBe('吉人社联〔2022〕81号');
    expect(r.findings.some((f) => f.rule === 'encoding-repaired')).toBe(false);
  });
});
