import { VALIDATE_MODES, type ValidateMode } from '../read/options.js';
import { DEFAULT_MAX_BYTES, parseByteSize } from '../read/limits.js';

/** `--max-bytes`, shared by every verb that reads inputs. */
export const maxBytesOption = {
  type: 'string',
  default: String(DEFAULT_MAX_BYTES),
  describe: 'refuse an input larger than this, or a DOCX that unpacks to more (bytes, or 50MB, 2GiB)',
  coerce: (v: string): number => {
    const n = parseByteSize(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--max-bytes: not a size: ${v}`);
    return n;
  },
} as const;

/** `--validate`, shared by the verbs that extract: which records are checked against the schema (a failure is a record-invalid finding). */
export const validateOption = {
  choices: VALIDATE_MODES,
  default: 'sample' as ValidateMode,
  describe: 'check records against the schema: all, a sample of files (1 in 16, by content hash), or none; a record that fails gets a record-invalid finding',
} as const;
