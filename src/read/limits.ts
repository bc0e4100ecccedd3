/**
 * How much one input may hold. A batch meets files of any size; past these a file is refused
 * with one line naming the limit, before it can take the machine's memory from the others.
 */
export interface ReadLimits {
  /** bytes of the file itself (`--max-bytes`) */
  maxBytes: number;
  /** bytes a ZIP-based file (DOCX) may unpack to, all entries together */
  maxUnzippedBytes: number;
  /** entries a ZIP-based file may hold */
  maxZipEntries: number;
}

export const DEFAULT_MAX_BYTES = 50_000_000;

/** An unpacked DOCX holds its text as XML, several times the size of the text: the cap follows the file cap. */
export const limitsFor = (maxBytes = DEFAULT_MAX_BYTES): ReadLimits => ({ maxBytes, maxUnzippedBytes: maxBytes, maxZipEntries: 10_000 });

export const DEFAULT_LIMITS: ReadLimits = limitsFor();

/** `50000000`, `50MB`, `50M`, `2GiB`, `512k` → bytes (decimal units for kB/MB/GB, binary for KiB/MiB/GiB). */
export function parseByteSize(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?)b?\s*$/i.exec(value);
  if (!m) return Number.NaN;
  const power = ' kmg'.indexOf(m[2].toLowerCase() || ' ');
  return Math.floor(Number(m[1]) * (m[3] ? 1024 : 1000) ** power);
}

/** `52428800` → `52.4 MB`: sizes in messages. */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${+(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}
