import { DEFAULT_MAX_BYTES, parseByteSize } from '../read/limits.js';

/**
 * Options shared by several verbs, each with its check: a bad value is a usage error (exit 2) that
 * names the option and what it takes, never a value silently clamped or ignored. Help hides yargs'
 * type labels (`usageConfiguration({ 'hide-types': true })` in main.ts), so every description says
 * what the option takes and its default itself.
 */

/** A coerce that throws becomes yargs' usage error: `notices: --jobs: …` and exit 2 (main.ts). */
export function wholeNumber(option: string, min: number) {
  return (v: unknown): number => {
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (String(v).trim() === '' || !Number.isInteger(n) || n < min) throw new Error(`--${option}: expected a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
    return n;
  };
}

export function positiveNumber(option: string) {
  return (v: unknown): number => {
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (String(v).trim() === '' || !Number.isFinite(n) || n <= 0) throw new Error(`--${option}: expected a number > 0, got ${JSON.stringify(v)}`);
    return n;
  };
}

/** `--max-bytes`, shared by every verb that reads inputs. */
export const maxBytesOption = {
  type: 'string',
  default: String(DEFAULT_MAX_BYTES),
  describe: 'refuse an input larger than this, or a DOCX that unpacks to more: bytes, or 50MB, 2GiB (default 50MB)',
  coerce: (v: string): number => {
    const n = parseByteSize(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--max-bytes: not a size: ${v}`);
    return n;
  },
} as const;

/** `--quiet`, shared by every verb that reads a batch. */
export const quietOption = {
  type: 'boolean',
  default: false,
  describe: 'no progress counter and no summary line on stderr (failures are still reported)',
} as const;

/** The `<paths..>` positional: its type is for the parser, help shows only the description. */
export const pathsPositional = (describe: string) => ({ type: 'string', array: true, demandOption: true, describe }) as const;
