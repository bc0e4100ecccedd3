import { extname } from 'node:path';

/**
 * Why binary bytes that no reader takes are refused, named against what the file's extension
 * promised: an ELF program renamed `notice.pdf` is `not a PDF (starts like an ELF executable)`,
 * not the puzzling "binary file, not text". Signatures: the format specifications' magic numbers
 * (ELF, PE "MZ", Mach-O, gzip, 7z, RAR, GIF, BMP, WebP, SQLite, class files, WebAssembly).
 */
const LOOKS_LIKE: { name: string; magic: (number | null)[] }[] = [
  { name: 'an ELF executable', magic: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a Windows executable', magic: [0x4d, 0x5a] },
  { name: 'a Mach-O executable', magic: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'a Mach-O executable', magic: [0xfe, 0xed, 0xfa, 0xcf] },
  { name: 'a Java class file', magic: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'a WebAssembly module', magic: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'a gzip archive', magic: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'a bzip2 archive', magic: [0x42, 0x5a, 0x68] },
  { name: 'an XZ archive', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'a GIF image', magic: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a BMP image', magic: [0x42, 0x4d] },
  { name: 'a WebP image', magic: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { name: 'an SQLite database', magic: [...'SQLite format 3'].map((c) => c.charCodeAt(0)) },
];

/** What each notice extension promises, as a reader would say it. */
const PROMISED: Record<string, string> = {
  '.pdf': 'a PDF', '.docx': 'a Word document (.docx)', '.doc': 'a Word 97 document (.doc)', '.wps': 'a WPS document',
  '.ofd': 'an OFD document', '.png': 'a PNG image', '.jpg': 'a JPEG image', '.jpeg': 'a JPEG image', '.tif': 'a TIFF image',
  '.tiff': 'a TIFF image', '.html': 'an HTML page', '.htm': 'an HTML page', '.txt': 'text', '.text': 'text', '.md': 'Markdown text',
  '.markdown': 'Markdown text',
};

export function looksLike(bytes: Uint8Array): string | null {
  const hit = LOOKS_LIKE.find(({ magic }) => bytes.length >= magic.length && magic.every((b, i) => b === null || bytes[i] === b));
  return hit?.name ?? null;
}

/** `not a PDF (starts like an ELF executable)`; `not text (binary content no reader recognises)` when nothing is recognised. */
export function binaryRefusal(path: string, bytes: Uint8Array): string {
  const promised = PROMISED[extname(path).toLowerCase()] ?? 'text';
  const seen = looksLike(bytes);
  return `not ${promised} (${seen ? `starts like ${seen}` : 'binary content no reader recognises'})`;
}
