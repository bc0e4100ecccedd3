import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { formatBytes, type ReadLimits } from './limits.js';

/**
 * The one ZIP reader of every ZIP-based format (DOCX, OFD): yauzl reads the central directory and
 * inflates, and one budget applies to the whole archive. A 200 KB file can hold gigabytes of one
 * repeated character, and the sizes an archive declares can lie, so every entry is streamed and
 * counted as it inflates, and the archive is abandoned the moment the count passes the budget
 * (`--max-bytes`) or the entry count passes its cap — nothing past the budget is ever held.
 * Each entry is inflated once; readers then take its bytes from the archive.
 */
export type ZipOpen = { ok: true; archive: ZipArchive } | ZipProblem;

/** `damaged`: not a readable archive; `limit`: over a cap; `unsupported`: encrypted, exotic compression. */
export interface ZipProblem {
  ok: false;
  kind: 'damaged' | 'limit' | 'unsupported';
  reason: string;
}

export interface ZipArchive {
  /** entry names in the order of the central directory (folders left out) */
  names: string[];
  unzippedBytes: number;
  has(name: string): boolean;
  bytes(name: string): Uint8Array | null;
  text(name: string): string | null;
}

const problem = (kind: ZipProblem['kind'], reason: string): ZipProblem => ({ ok: false, kind, reason });

/** The part of yauzl's API used here (it ships no types). */
interface YauzlEntry {
  fileName: string;
}
interface YauzlZipFile {
  entryCount: number;
  readEntry(): void;
  openReadStream(entry: YauzlEntry, cb: (err: Error | null, stream?: Readable) => void): void;
  close(): void;
  on(event: 'entry', cb: (e: YauzlEntry) => void): void;
  on(event: 'end', cb: () => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
}
interface Yauzl {
  fromBuffer(buffer: Buffer, options: Record<string, boolean>, cb: (err: Error | null, zip?: YauzlZipFile) => void): void;
}
const yauzl = (): Yauzl => createRequire(import.meta.url)('yauzl') as Yauzl;

type Limits = Pick<ReadLimits, 'maxUnzippedBytes' | 'maxZipEntries'>;

export function openZip(bytes: Uint8Array, limits: Limits): Promise<ZipOpen> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    // sizes are checked by counting, not by trusting the headers: yauzl's own check would call a lie damage
    yauzl().fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return resolve(problem('damaged', err?.message ?? 'not a ZIP archive'));
      if (zip.entryCount > limits.maxZipEntries) {
        zip.close();
        return resolve(problem('limit', `ZIP archive holds ${zip.entryCount} entries (at most ${limits.maxZipEntries} are read)`));
      }
      readEntries(zip, limits).then(resolve);
    });
  });
}

function readEntries(zip: YauzlZipFile, limits: Limits): Promise<ZipOpen> {
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: ZipOpen) => {
      if (done) return;
      done = true;
      if (!r.ok) zip.close();
      resolve(r);
    };
    zip.on('error', (e) => finish(problem('damaged', e.message)));
    zip.on('end', () => finish({ ok: true, archive: archiveOf(entries, total) }));
    zip.on('entry', (entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return finish(openProblem(entry.fileName, err));
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limits.maxUnzippedBytes) {
            stream.destroy();
            return finish(problem('limit', `unpacks to more than ${formatBytes(limits.maxUnzippedBytes)} (a ZIP bomb, or raise --max-bytes), reached in ${entry.fileName}`));
          }
          chunks.push(chunk);
        });
        stream.on('error', (e: Error) => finish(problem('damaged', `ZIP entry ${entry.fileName} does not inflate (${e.message})`)));
        stream.on('end', () => {
          if (done) return;
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

function openProblem(name: string, err: Error | null | undefined): ZipProblem {
  const message = err?.message ?? 'cannot be opened';
  if (/encrypted|compression method/i.test(message)) return problem('unsupported', `ZIP entry ${name} is encrypted or uses an unsupported compression method`);
  return problem('damaged', `ZIP entry ${name}: ${message}`);
}

function archiveOf(entries: Map<string, Uint8Array>, unzippedBytes: number): ZipArchive {
  const names = [...entries.keys()];
  // OFD paths are written with and without a leading slash, and the spec does not fix their case
  const find = (name: string) => entries.get(name) ?? entries.get(name.replace(/^\//, '')) ?? null;
  return {
    names,
    unzippedBytes,
    has: (name) => find(name) !== null,
    bytes: find,
    text: (name) => {
      const b = find(name);
      return b && new TextDecoder('utf-8').decode(b);
    },
  };
}

/** The entry names of an archive, from its central directory only (nothing inflated); null when it is not readable. */
export function zipNames(bytes: Uint8Array, maxEntries: number): Promise<string[] | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    yauzl().fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return resolve(null);
      const names: string[] = [];
      zip.on('error', () => resolve(null));
      zip.on('end', () => resolve(names));
      zip.on('entry', (e) => {
        names.push(e.fileName);
        if (names.length >= maxEntries) {
          zip.close();
          return resolve(names);
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}
