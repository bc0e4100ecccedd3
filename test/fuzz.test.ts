// Property tests (fast-check): random damage to real notices — the seeds and the corpus fixtures —
// never crashes the pipeline, every record it gives passes its schema, every span points inside
// the file, and the same bytes give the same output twice.
//
// Runs are seeded so CI is repeatable; FUZZ_SEED and FUZZ_RUNS explore further
// (`FUZZ_SEED=$RANDOM FUZZ_RUNS=500 npx vitest run test/fuzz.test.ts`). A failure prints the
// seed and the shrunk mutation list that reproduces it.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/document.js';
import { NoticeRecord } from '../schemas/notice.js';
import { decode } from '../src/read/detect.js';
import { root, SEEDS, seedPath } from './helpers/context.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20221130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const fixtures = join(root, 'test', 'fixtures', 'notices');
const corpus: { name: string; text: string }[] = [
  ...Object.values(SEEDS).map((s) => ({ name: s, text: readFileSync(seedPath(s), 'utf8') })),
  ...readdirSync(fixtures)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(fixtures, f), 'utf8') })),
];

/** One kind of damage, at positions given as fractions of the text so it applies to any notice. */
type Mutation =
  | { kind: 'cut'; at: number; keep: 'head' | 'tail' }
  | { kind: 'duplicate'; from: number; to: number }
  | { kind: 'reorder'; a: number; b: number }
  | { kind: 'drop'; from: number; to: number }
  | { kind: 'control'; at: number; char: string }
  | { kind: 'hugeLine'; at: number; unit: string; times: number }
  | { kind: 'insert'; at: number; text: string };

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u200b', '\ufeff', '\u2028', '\r', '\ufffd'];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: frac, keep: fc.constantFrom('head' as const, 'tail' as const) }),
  fc.record({ kind: fc.constant('duplicate' as const), from: frac, to: frac }),
  fc.record({ kind: fc.constant('reorder' as const), a: frac, b: frac }),
  fc.record({ kind: fc.constant('drop' as const), from: frac, to: frac }),
  fc.record({ kind: fc.constant('control' as const), at: frac, char: fc.constantFrom(...CONTROL) }),
  fc.record({ kind: fc.constant('hugeLine' as const), at: frac, unit: fc.constantFrom('字', '一、', '1', ' ', '\t', '（一）', '合计'), times: fc.integer({ min: 1000, max: 20_000 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: frac, text: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
);

const lineIndex = (lines: string[], f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const at = (f: number) => Math.floor(f * text.length);
  switch (m.kind) {
    case 'cut':
      return m.keep === 'head' ? text.slice(0, at(m.at)) : text.slice(at(m.at));
    case 'duplicate': {
      const [i, j] = [lineIndex(lines, m.from), lineIndex(lines, m.to)].sort((x, y) => x - y);
      return [...lines.slice(0, j + 1), ...lines.slice(i, j + 1), ...lines.slice(j + 1)].join('\n');
    }
    case 'reorder': {
      const [i, j] = [lineIndex(lines, m.a), lineIndex(lines, m.b)];
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'drop': {
      const [i, j] = [lineIndex(lines, m.from), lineIndex(lines, m.to)].sort((x, y) => x - y);
      return [...lines.slice(0, i), ...lines.slice(j + 1)].join('\n');
    }
    case 'control':
      return text.slice(0, at(m.at)) + m.char + text.slice(at(m.at));
    case 'hugeLine':
      return text.slice(0, at(m.at)) + m.unit.repeat(Math.ceil(m.times / m.unit.length)) + text.slice(at(m.at));
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
  }
}

/** Every `{ line, column }` object in a record, with where it was found. */
function spans(value: unknown, path = ''): { path: string; line: number; column: number }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => spans(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = typeof o.line === 'number' && typeof o.column === 'number' ? [{ path, line: o.line, column: o.column }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => spans(v, `${path}.${k}`))];
}

/** The whole property for one damaged file; returns what a second run must reproduce. */
async function checkOne(name: string, bytes: Uint8Array): Promise<string> {
  const result = await processFile(name, bytes);
  if (!result.ok) {
    // a refusal is a value naming the file and a reason on one line
    expect(result.path).toBe(name);
    expect(result.reason).toMatch(/^[^\n]+$/);
    return JSON.stringify(result);
  }
  // spans count lines and UTF-16 columns in the file as decoded (text input here)
  const lines = decode(bytes)!.text.split('\n');
  for (const record of result.records) {
    const parsed = NoticeRecord.safeParse(record);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
    for (const s of spans(record)) {
      expect(s.line, `${s.path} line`).toBeGreaterThanOrEqual(1);
      expect(s.line, `${s.path} line`).toBeLessThanOrEqual(lines.length);
      expect(s.column, `${s.path} column`).toBeGreaterThanOrEqual(1);
      expect(s.column, `${s.path} column`).toBeLessThanOrEqual(lines[s.line - 1].length + 1);
    }
  }
  return JSON.stringify(result);
}

const params = (runs: number) => ({ seed: SEED, numRuns: runs, endOnFailure: true });

describe('fuzzing the seeds and corpus fixtures', () => {
  it('text mutations never crash; records valid, spans inside, two runs identical', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (doc, mutations) => {
        const damaged = mutations.reduce(apply, doc.text);
        const bytes = new TextEncoder().encode(damaged);
        const first = await checkOne(doc.name, bytes);
        expect(await checkOne(doc.name, bytes)).toBe(first);
      }),
      params(RUNS),
    );
  });

  it('byte damage (a cut anywhere, even inside a character; a flipped byte) never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...corpus), frac, fc.option(fc.tuple(frac, fc.integer({ min: 0, max: 255 }))), async (doc, cutAt, flip) => {
        const full = new TextEncoder().encode(doc.text);
        const bytes = full.slice(0, Math.max(1, Math.floor(cutAt * full.length)));
        if (flip) bytes[Math.floor(flip[0] * (bytes.length - 1))] = flip[1];
        const first = await checkOne(doc.name, bytes);
        expect(await checkOne(doc.name, bytes)).toBe(first);
      }),
      params(RUNS),
    );
  });

  it('the corpus itself passes the property undamaged (the generator has something to break)', async () => {
    let records = 0;
    for (const doc of corpus) {
      const r = await processFile(doc.name, new TextEncoder().encode(doc.text));
      expect(r.ok, doc.name).toBe(true);
      if (r.ok) records += r.records.length;
      await checkOne(doc.name, new TextEncoder().encode(doc.text));
    }
    expect(records).toBeGreaterThanOrEqual(corpus.length);
  });
});
