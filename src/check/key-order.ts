import type { z } from 'zod';

/**
 * The key order of a record schema, as data: what `schema.parse` does to the keys of a conforming
 * value (each object's keys in the schema's order, unknown keys dropped), without zod. A pipeline
 * that does not validate a record still writes it as a validated one would be written (the
 * extractors set keys in any order), and need not load zod to do so: a worker loads zod only when
 * it validates a record (validate.ts). notice-key-order.ts is this table for NoticeRecord,
 * generated from the zod schema by `npm run schemas` and compared with it by test/validate.test.ts.
 *
 * 0 is a value kept as it is (string, number, boolean, enum, literal, null, unknown); `keys` an
 * object's fields in order; `each` an array's element; `values` a record's values.
 */
export type KeyOrder = 0 | { keys: [string, KeyOrder][] } | { each: KeyOrder } | { values: KeyOrder };

/** The key order of a zod schema. Covers the kinds the record schemas use; any other kind throws (extend this walk). */
export function orderOf(schema: z.ZodType): KeyOrder {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return { keys: Object.keys(shape).map((key) => [key, orderOf(shape[key])]) };
    }
    case 'array':
      return { each: orderOf(def.element as z.ZodType) };
    case 'record':
      return { values: orderOf(def.valueType as z.ZodType) };
    case 'nullable':
    case 'optional':
      return orderOf(def.innerType as z.ZodType);
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'unknown':
    case 'any':
      return 0;
    default:
      throw new Error(`orderOf: a schema of kind '${def.type}' (what its parse outputs is not worked out here)`);
  }
}

/** A function that copies a value the way the schema's parse would output it. */
export type Shaper = (value: unknown) => unknown;

/** What `schema.parse` returns for a conforming value, without checking it, from the schema's key order. */
export function shaperFrom(order: KeyOrder): Shaper {
  if (order === 0) return keptAsIs;
  if ('keys' in order) {
    // keys and their shapers in two arrays read by index: a record has thousands of fields, and a
    // batch copies too few records for this to be optimised, so no iterator or destructuring per field
    const keys = order.keys.map(([key]) => key);
    const shapers = order.keys.map(([, field]) => shaperFrom(field));
    return (value) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const from = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (key in from) out[key] = shapers[k] === keptAsIs ? from[key] : shapers[k](from[key]);
      }
      return out;
    };
  }
  if ('each' in order) {
    const element = shaperFrom(order.each);
    // an array of kept values is copied as it is (what mapping each to itself gives)
    if (element === keptAsIs) return (value) => (Array.isArray(value) ? value.slice() : value);
    return (value) => (Array.isArray(value) ? value.map((v) => element(v)) : value);
  }
  const element = shaperFrom(order.values);
  return (value) => {
    if (value === null || typeof value !== 'object') return value;
    const from = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(from)) out[key] = element(from[key]);
    return out;
  };
}

/** The shaper of a value kept as it is (one function, so a field's shaper can be told to be it). */
const keptAsIs: Shaper = (value) => value;

/** The TypeScript module that holds a key order (notice-key-order.ts, written by `npm run schemas`). */
export function keyOrderModule(name: string, order: KeyOrder, from: string): string {
  const quote = (key: string) => `'${key.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  const print = (o: KeyOrder, indent: string): string => {
    if (o === 0) return '0';
    if ('each' in o) return `{ each: ${print(o.each, indent)} }`;
    if ('values' in o) return `{ values: ${print(o.values, indent)} }`;
    const inner = indent + '  ';
    return `{\n${inner}keys: [\n${o.keys.map(([key, field]) => `${inner}  [${quote(key)}, ${print(field, inner + '  ')}],\n`).join('')}${inner}],\n${indent}}`;
  };
  return [
    `// Generated from ${from} by \`npm run schemas\` (src/cli/write-schemas.ts): do not edit.`,
    `// The key order NoticeRecord.parse gives a record, without zod (key-order.ts).`,
    `import type { KeyOrder } from './key-order.js';`,
    ``,
    `export const ${name}: KeyOrder = ${print(order, '')};`,
    ``,
  ].join('\n');
}
