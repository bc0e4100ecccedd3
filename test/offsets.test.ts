import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, identity, type Edit, type Text } from '../src/normalize/offsets.js';

/**
 * The source map's definition, position by position: kept characters keep their source offset, a
 * replacement of the same length maps character to character, any other inserted character maps to
 * the offset of the place it was inserted at; map[length] is the source's end.
 */
function reference(text: { value: string; map: number[] }, edits: Edit[]): { value: string; map: number[] } {
  const kept: Edit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) if (!kept.length || e.start >= kept[kept.length - 1].end) kept.push(e);
  let value = '';
  const map: number[] = [];
  let pos = 0;
  for (const e of kept) {
    for (; pos < e.start; pos++) (value += text.value[pos]), map.push(text.map[pos]);
    for (let k = 0; k < e.insert.length; k++) map.push(e.insert.length === e.end - e.start ? text.map[e.start + k] : text.map[e.start]);
    value += e.insert;
    pos = e.end;
  }
  for (; pos < text.value.length; pos++) (value += text.value[pos]), map.push(text.map[pos]);
  map.push(text.map[text.value.length]);
  return { value, map };
}

const edits = (length: number) =>
  fc.array(
    fc.tuple(fc.nat(length), fc.nat(4), fc.constantFrom('', 'x', 'yz', '\n', 'abcd')).map(([start, span, insert]): Edit => ({ start, end: Math.min(length, start + span), insert })),
    { maxLength: 12 },
  );

describe('source map as runs', () => {
  it('hand-derived: delete, same-length replace, insert', () => {
    // 'a  b' → delete the two spaces (1–3): 'ab', b from 3
    expect(Array.from(applyEdits(identity('a  b'), [{ start: 1, end: 3, insert: '' }]).map)).toEqual([0, 3, 4]);
    // 'abc' → replace b by B (same length), insert '\n\n' at 3
    const t = applyEdits(identity('abc'), [
      { start: 1, end: 2, insert: 'B' },
      { start: 3, end: 3, insert: '\n\n' },
    ]);
    expect(t.value).toBe('aBc\n\n');
    expect(Array.from(t.map)).toEqual([0, 1, 2, 3, 3, 3]);
  });
  it('a chain of edits maps every position as the definition says', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).chain((s) => fc.tuple(fc.constant(s), fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 4 }))),
        fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 4, maxLength: 4 }),
        ([s, steps], seeds) => {
          let text: Text = identity(s);
          let ref = { value: s, map: Array.from({ length: s.length + 1 }, (_, i) => i) };
          for (let k = 0; k < steps.length; k++) {
            const es = fc.sample(edits(text.value.length), { numRuns: 1, seed: seeds[k] })[0];
            // every other step starts from a plain Text, as one built outside the module would be
            if (steps[k]) text = { value: text.value, map: Int32Array.from(text.map) };
            text = applyEdits(text, es);
            ref = reference(ref, es);
            expect(text.value).toBe(ref.value);
            expect(Array.from(text.map)).toEqual(ref.map);
          }
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
  it('a spread copy keeps the map', () => {
    const t = applyEdits(identity('a b'), [{ start: 1, end: 2, insert: '' }]);
    expect(Array.from({ ...t }.map)).toEqual([0, 2, 3]);
  });
});
