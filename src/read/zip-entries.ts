import type JSZip from 'jszip';

/**
 * Reading entries of an OFD package. The package's caps (--max-bytes unpacked, entry count) are
 * checked first by zip-limits.ts, as for every ZIP-based format; this budget is a second guard
 * while inflating: each entry is streamed and abandoned as soon as it passes its cap.
 */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;

export class ZipBudget {
  private used = 0;
  constructor(
    private readonly zip: JSZip,
    private readonly perEntry = MAX_ENTRY_BYTES,
    private readonly total = MAX_PACKAGE_BYTES,
  ) {}

  has(name: string): boolean {
    return this.zip.file(name) !== null;
  }

  /** The entry's bytes, null when it is missing; throws when a cap is passed. */
  async bytes(name: string): Promise<Uint8Array | null> {
    const file = this.zip.file(name);
    if (!file) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = file.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          size += chunk.length;
          this.used += chunk.length;
          if (size > this.perEntry || this.used > this.total) {
            stream.pause();
            stream.removeAllListeners('data');
            reject(new Error(`${name} inflates past ${Math.round(Math.min(this.perEntry, this.total) / 1048576)} MiB`));
            return;
          }
          chunks.push(chunk);
        })
        .on('error', reject)
        .on('end', () => resolve());
    });
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  async text(name: string): Promise<string | null> {
    const bytes = await this.bytes(name);
    return bytes && new TextDecoder('utf-8').decode(bytes);
  }
}
