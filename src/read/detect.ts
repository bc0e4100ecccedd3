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
  // UTF-16 text is half NUL bytes: its byte-order mark says it is text
  if (utf16Bom(bytes)) return null;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return n > 0 && control / n > 0.05 ? 'binary' : null;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Something the decoder had to repair, at an offset of the decoded text. Reported as an
 * `encoding-repaired` finding, so damaged input is never silently taken for clean.
 */
export interface DecodeRepair {
  offset: number;
  message: string;
  data: Record<string, unknown>;
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** `mixed`: UTF-8 with some lines in GB18030 (a file pasted together from two sources) */
  mixed?: boolean;
  repairs: DecodeRepair[];
}

const utf16Bom = (b: Uint8Array): 'utf-16le' | 'utf-16be' | null => (b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : null);

function strict(label: Encoding, bytes: Uint8Array): string | null {
  try {
    // TextDecoder drops a UTF-8 BOM by default
    return strictDecoder(label).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * One strict decoder per encoding, made on first use: a decode call without `stream` starts afresh
 * (a failed one leaves nothing behind), and making a decoder per file cost more than decoding a notice.
 */
const strictDecoders = new Map<Encoding, TextDecoder>();
function strictDecoder(label: Encoding): TextDecoder {
  let decoder = strictDecoders.get(label);
  if (!decoder) strictDecoders.set(label, (decoder = new TextDecoder(label, { fatal: true })));
  return decoder;
}

/**
 * UTF-16 with BOM; else UTF-8 (with or without BOM); else a UTF-8 file cut inside its last
 * character (a broken download: that character becomes U+FFFD); else GB18030 (a superset of GBK
 * and GB2312); else, line by line, UTF-8 with some lines in GB18030. Null when too little of the
 * file decodes to call it text.
 */
export function decode(bytes: Uint8Array): Decoded | null {
  const bom = utf16Bom(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes.subarray(2)), encoding: bom, repairs: [] };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', repairs: [] };
  return cutUtf8(bytes) ?? wholeGb18030(bytes) ?? lineByLine(bytes);
}

/** A UTF-8 file whose last 1–3 bytes start a character that never ends. */
function cutUtf8(bytes: Uint8Array): Decoded | null {
  const tail = incompleteUtf8Tail(bytes);
  if (tail === 0) return null;
  const head = strict('utf-8', bytes.subarray(0, bytes.length - tail));
  if (head === null) return null;
  return {
    text: head + '\ufffd',
    encoding: 'utf-8',
    repairs: [{ offset: head.length, message: `the file ends inside a UTF-8 character (a cut download?): its last ${tail} byte(s) are replaced with U+FFFD`, data: { kind: 'cut-utf8', bytes: tail } }],
  };
}

/** Bytes at the end that open a UTF-8 sequence without all of its continuation bytes (0 if none). */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const needs = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    return needs > k ? k : 0;
  }
  return 0;
}

/** GB18030 for the whole file, unless some lines are UTF-8 Chinese (then the file is mixed). */
function wholeGb18030(bytes: Uint8Array): Decoded | null {
  const text = strict('gb18030', bytes);
  if (text === null) return null;
  // GB18030 accepts most byte pairs, so UTF-8 lines also "decode" — as mojibake
  if (splitLines(bytes).some(isUtf8Chinese)) return null;
  return { text, encoding: 'gb18030', repairs: [] };
}

/**
 * Each line in UTF-8 if it is valid UTF-8, else in GB18030, else UTF-8 with U+FFFD for the bad
 * bytes. Accepted when at most one line in ten of those with non-ASCII bytes needs U+FFFD.
 */
function lineByLine(bytes: Uint8Array): Decoded | null {
  const gbLines: number[] = [];
  const badLines: number[] = [];
  let nonAscii = 0;
  const parts: string[] = [];
  splitLines(bytes).forEach((line, i) => {
    if (!isAscii(line)) nonAscii++;
    const utf8 = strict('utf-8', line);
    if (utf8 !== null) return parts.push(utf8);
    const gb = strict('gb18030', line);
    if (gb !== null) {
      gbLines.push(i + 1);
      return parts.push(gb);
    }
    badLines.push(i + 1);
    parts.push(new TextDecoder('utf-8').decode(line));
  });
  if (badLines.length * 10 > nonAscii) return null;
  const text = parts.join('');
  const lineStart = lineStarts(text);
  const repairs: DecodeRepair[] = [];
  if (gbLines.length) {
    repairs.push({
      offset: lineStart[gbLines[0] - 1],
      message: `${gbLines.length} line(s) in GBK/GB18030 inside a UTF-8 file (line ${listed(gbLines)}): decoded line by line`,
      data: { kind: 'mixed-gb18030', lines: gbLines },
    });
  }
  if (badLines.length) {
    repairs.push({
      offset: lineStart[badLines[0] - 1],
      message: `${badLines.length} line(s) neither UTF-8 nor GB18030 (line ${listed(badLines)}): bad bytes replaced with U+FFFD`,
      data: { kind: 'undecodable', lines: badLines },
    });
  }
  return { text, encoding: 'utf-8', mixed: gbLines.length > 0, repairs };
}

/** Lines with their line feed, so the parts join back to the whole file. */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

const isAscii = (bytes: Uint8Array) => bytes.every((b) => b < 0x80);

/**
 * A line that is UTF-8 Chinese beyond chance: it decodes as UTF-8 with two or more CJK
 * characters. Short GBK runs can happen to be valid UTF-8 (a lead byte C2–DF before a trail
 * 80–BF); two whole 3-byte CJK sequences in a valid line almost never are.
 */
function isUtf8Chinese(line: Uint8Array): boolean {
  if (isAscii(line)) return false;
  const text = strict('utf-8', line);
  return text !== null && /[\u4e00-\u9fff][^]*[\u4e00-\u9fff]/.test(text);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

const listed = (lines: number[]) => (lines.length > 5 ? `${lines.slice(0, 5).join(', ')} …` : lines.join(', '));

/** Markdown signals: headings, emphasis, thematic breaks, pipe tables, front matter. */
export function looksLikeMarkdown(text: string, path: string): boolean {
  if (/\.(md|markdown)$/i.test(path)) return true;
  return /^(#{1,6} |---\s*$|\|.*\|\s*$|> |[-*+] \S)|\*\*[^*\n]+\*\*/m.test(text);
}
