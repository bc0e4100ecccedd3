/** Magic bytes and encodings: decides what a file is before anything tries to parse it. */

export type Format = 'text' | 'markdown' | 'pdf' | 'docx' | 'html' | 'ofd' | 'doc' | 'image';

export type BinaryKind = 'pdf' | 'zip' | 'ole' | 'image' | 'binary';

/** Signatures of the binary containers a notice arrives in (an OLE compound file is Word 97 or WPS). */
const SIGNATURES: { kind: Exclude<BinaryKind, 'binary'>; magic: number[] }[] = [
  { kind: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'zip', magic: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'ole', magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'image', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG
  { kind: 'image', magic: [0xff, 0xd8, 0xff] }, // JPEG
  { kind: 'image', magic: [0x49, 0x49, 0x2a, 0x00] }, // TIFF, little-endian
  { kind: 'image', magic: [0x4d, 0x4d, 0x00, 0x2a] }, // TIFF, big-endian
];

export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  for (const { kind, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return kind;
  }
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return n > 0 && control / n > 0.05 ? 'binary' : null;
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312). */
export function decode(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      return null;
    }
  }
}

/** Markdown signals: headings, emphasis, thematic breaks, pipe tables, front matter. */
export function looksLikeMarkdown(text: string, path: string): boolean {
  if (/\.(md|markdown)$/i.test(path)) return true;
  return /^(#{1,6} |---\s*$|\|.*\|\s*$|> |[-*+] \S)|\*\*[^*\n]+\*\*/m.test(text);
}
