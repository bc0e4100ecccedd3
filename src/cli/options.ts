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
