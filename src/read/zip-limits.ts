import { inflateRawSync } from 'node:zlib';
import { formatBytes, type ReadLimits } from './limits.js';

/**
 * Checks what a ZIP archive (DOCX, and later OFD or other ZIP-based formats) unpacks to before a
 * library inflates it whole: a 200 KB file can hold gigabytes of one repeated character.
 *
 * The sizes an archive declares can lie, so every entry is inflated here with a ceiling on its
 * output (zlib's `maxOutputLength`) — the real size, found without ever holding more than the
 * budget left. Reads the central directory itself (EOCD → one header per entry); ZIP64 archives
 * and encrypted or exotic compression methods are refused, as a notice never needs them.
 */
export type ZipCheck = { ok: true; entries: number; unzippedBytes: number } | ZipProblem;

/** `damaged`: not a readable archive; `limit`: over a cap; `unsupported`: ZIP64, encryption, exotic compression. */
export interface ZipProblem {
  ok: false;
  kind: 'damaged' | 'limit' | 'unsupported';
  reason: string;
}

const problem = (kind: ZipProblem['kind'], reason: string): ZipProblem => ({ ok: false, kind, reason });

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

export function checkZip(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxUnzippedBytes' | 'maxZipEntries'>): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const listed = centralDirectory(bytes, view);
  if (!listed.ok) return listed;
  const { entries } = listed;
  if (entries.length > limits.maxZipEntries) return problem('limit', `ZIP archive holds ${entries.length} entries (at most ${limits.maxZipEntries} are read)`);
  let total = 0;
  for (const e of entries) {
    const data = entryData(bytes, view, e);
    if (!data) return problem('damaged', `ZIP entry ${e.name} lies outside the file`);
    const left = limits.maxUnzippedBytes - total;
    const size = unpackedSize(data, e, left);
    if (size === 'unsupported') return problem('unsupported', `ZIP entry ${e.name} is encrypted or uses compression method ${e.method}`);
    if (size === 'corrupt') return problem('damaged', `ZIP entry ${e.name} does not inflate`);
    if (size === 'over') return problem('limit', `unpacks to more than ${formatBytes(limits.maxUnzippedBytes)} (a ZIP bomb, or raise --max-bytes), reached in ${e.name}`);
    total += size;
  }
  return { ok: true, entries: entries.length, unzippedBytes: total };
}

/** The entries listed in the central directory, found through the end-of-central-directory record. */
function centralDirectory(bytes: Uint8Array, view: DataView): { ok: true; entries: Entry[] } | ZipProblem {
  // the EOCD is 22 bytes plus a comment of up to 65,535 bytes, at the very end
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return problem('damaged', 'no ZIP central directory: truncated?');
  const count = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || start === 0xffffffff) return problem('unsupported', 'ZIP64 archive (not read)');
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return problem('damaged', 'ZIP central directory is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** An entry's compressed bytes: after its local header, whose name and extra field lengths may differ from the central copy. */
function entryData(bytes: Uint8Array, view: DataView, e: Entry): Uint8Array | null {
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  const from = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (from + e.compressedSize > bytes.length) return null;
  return bytes.subarray(from, from + e.compressedSize);
}

function unpackedSize(data: Uint8Array, e: Entry, budget: number): number | 'over' | 'unsupported' | 'corrupt' {
  if (e.flags & 1) return 'unsupported'; // encrypted
  if (e.method === 0) return data.length > budget ? 'over' : data.length;
  if (e.method !== 8) return 'unsupported';
  try {
    // one byte more than the budget: reaching it means the entry is over, whatever it declares
    const size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
    return size > budget ? 'over' : size;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError ? 'over' : 'corrupt';
  }
}
