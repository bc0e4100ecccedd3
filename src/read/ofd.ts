import { nominalWidth, pageText, type Glyph } from './reading-order.js';
import { openZip, type ZipArchive } from './zip.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

/**
 * OFD (GB/T 33190) → text, page by page. An OFD is a ZIP of XML: OFD.xml names the document
 * (DocBody/DocRoot), Document.xml lists the pages (Pages/Page@BaseLoc) and their templates
 * (CommonData/TemplatePage), and each page's Content.xml holds TextObjects (Boundary, CTM,
 * Size) whose TextCodes give a run of characters at X/Y with per-character advances (DeltaX).
 * The characters are placed on the page and read in reading order (reading-order.ts).
 *
 * A page without text but with images (a scan saved as OFD) gives its images, for OCR.
 * Text drawn with glyph codes of an embedded font subset instead of Unicode is refused with a
 * clear reason: its characters cannot be known without the font's outlines.
 */
export interface OfdPage {
  text: string;
  /** the page's images, when it has no text (encoded PNG/JPEG/TIFF/BMP as stored) */
  images: Uint8Array[];
}

export type OfdRead = { ok: true; pages: OfdPage[] } | { ok: false; reason: string };

type XmlElement = Element;

export async function readOfd(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxUnzippedBytes' | 'maxZipEntries'> = DEFAULT_LIMITS): Promise<OfdRead> {
  // the one ZIP reader and its budget (zip.ts), as for every ZIP-based format
  const opened = await openZip(bytes, limits);
  if (!opened.ok) return { ok: false, reason: opened.kind === 'damaged' ? `corrupt OFD (${opened.reason})` : `OFD ${opened.reason}` };
  try {
    const pages = await readPackage(opened.archive);
    if (!pages.ok) return pages;
    return checkReadable(pages.pages);
  } catch (e) {
    return { ok: false, reason: `corrupt OFD (${firstLine(e)})` };
  }
}

/** Is this ZIP an OFD package? (its root holds OFD.xml) */
export function isOfdPackage(names: string[]): boolean {
  return names.some((n) => n.replace(/^\//, '').toLowerCase() === 'ofd.xml');
}

async function readPackage(zip: ZipArchive): Promise<OfdRead> {
  const ofdXml = await xml(zip, 'OFD.xml');
  if (!ofdXml) return { ok: false, reason: 'not an OFD package (no OFD.xml)' };
  const docRoot = textOf(first(ofdXml, 'DocRoot'));
  if (!docRoot) return { ok: false, reason: 'OFD.xml names no document (DocBody/DocRoot)' };
  const docPath = resolve('', docRoot);
  const doc = await xml(zip, docPath);
  if (!doc) return { ok: false, reason: `OFD document ${docPath} is missing` };
  const docDir = dirOf(docPath);
  const media = await mediaFiles(zip, doc, docDir);
  const templates = new Map<string, string>();
  for (const t of all(doc, 'TemplatePage')) templates.set(t.getAttribute('ID') ?? '', resolve(docDir, t.getAttribute('BaseLoc') ?? ''));
  const pages: OfdPage[] = [];
  for (const p of all(first(doc, 'Pages') ?? doc, 'Page')) {
    const content = await xml(zip, resolve(docDir, p.getAttribute('BaseLoc') ?? ''));
    if (!content) return { ok: false, reason: `OFD page ${p.getAttribute('BaseLoc')} is missing` };
    const layers = [content];
    for (const t of all(content, 'Template')) {
      const templatePath = templates.get(t.getAttribute('TemplateID') ?? '');
      const template = templatePath ? await xml(zip, templatePath) : null;
      if (template) layers.push(template);
    }
    pages.push(await pageOf(zip, layers, media));
  }
  if (pages.length === 0) return { ok: false, reason: 'OFD document has no pages' };
  return { ok: true, pages };
}

async function pageOf(zip: ZipArchive, layers: XmlElement[], media: Map<string, string>): Promise<OfdPage> {
  const glyphs = layers.flatMap((layer) => all(layer, 'TextObject').flatMap(glyphsOf));
  const text = pageText(glyphs);
  const images: Uint8Array[] = [];
  if (text.trim() === '') {
    for (const layer of layers) {
      for (const img of all(layer, 'ImageObject')) {
        const file = media.get(img.getAttribute('ResourceID') ?? '');
        const bytes = file ? await zip.bytes(file) : null;
        if (bytes) images.push(bytes);
      }
    }
  }
  return { text, images };
}

/** Every character of a TextObject, placed on the page (Boundary origin + CTM of the run's positions). */
export function glyphsOf(obj: XmlElement): Glyph[] {
  const [bx, by] = numbers(obj.getAttribute('Boundary'));
  const ctm = numbers(obj.getAttribute('CTM'));
  const [a, b, c, d, e, f] = ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0];
  const scale = Math.sqrt(Math.abs(a * d - b * c)) || 1;
  const size = (Number(obj.getAttribute('Size')) || 3.5) * scale;
  const glyphs: Glyph[] = [];
  let x = 0;
  let y = 0;
  for (const code of all(obj, 'TextCode')) {
    // X/Y may be left out on a TextCode that continues where the previous one ended
    if (code.hasAttribute('X')) x = Number(code.getAttribute('X'));
    if (code.hasAttribute('Y')) y = Number(code.getAttribute('Y'));
    const dx = deltas(code.getAttribute('DeltaX'));
    const dy = deltas(code.getAttribute('DeltaY'));
    const chars = [...textOf(code)];
    chars.forEach((ch, i) => {
      const advance = i < dx.length ? dx[i] : nominalWidth(ch, size / scale);
      glyphs.push({ text: ch, x: bx + a * x + c * y + e, y: by + b * x + d * y + f, width: advance * scale, size });
      x += advance;
      if (i < dy.length) y += dy[i];
    });
  }
  return glyphs.filter((g) => g.text.trim() !== '');
}

/** DeltaX/DeltaY: numbers, where `g N v` stands for N times v. */
export function deltas(attr: string | null): number[] {
  const tokens = (attr ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const v = Number(tokens[i + 2]);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out.map((v) => (Number.isFinite(v) ? v : 0));
}

/** MultiMedia ID → file path in the package, from the document's PublicRes and DocumentRes. */
async function mediaFiles(zip: ZipArchive, doc: XmlElement, docDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ref of [...all(doc, 'PublicRes'), ...all(doc, 'DocumentRes')]) {
    const resPath = resolve(docDir, textOf(ref));
    const res = await xml(zip, resPath);
    if (!res) continue;
    const base = resolve(dirOf(resPath), res.getAttribute('BaseLoc') ?? '');
    for (const m of all(res, 'MultiMedia')) {
      const file = textOf(first(m, 'MediaFile'));
      if (file) out.set(m.getAttribute('ID') ?? '', resolve(base, file));
    }
  }
  return out;
}

/**
 * Text that is mostly private-use or replacement characters comes from a font subset whose
 * codes map to glyphs only; no text at all is fine here when the pages have images (OCR).
 */
function checkReadable(pages: OfdPage[]): OfdRead {
  const chars = [...pages.map((p) => p.text).join('')].filter((ch) => ch.trim() !== '');
  const unmapped = chars.filter((ch) => /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f]/.test(ch)).length;
  if (chars.length > 0 && unmapped / chars.length > 0.3) {
    return { ok: false, reason: 'OFD text is drawn with glyph codes of an embedded font that have no Unicode mapping; its characters cannot be read' };
  }
  if (chars.length === 0 && pages.every((p) => p.images.length === 0)) return { ok: false, reason: 'OFD has no text and no images' };
  return { ok: true, pages };
}

/* XML helpers: OFD elements are looked up by local name, whatever the namespace prefix. */

async function xml(zip: ZipArchive, path: string): Promise<XmlElement | null> {
  const source = await zip.text(path);
  if (source === null) return null;
  const { DOMParser } = await import('@xmldom/xmldom');
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: (msg: string) => errors.push(msg), fatalError: (msg: string) => errors.push(msg) } }).parseFromString(source, 'text/xml');
  if (errors.length || !doc.documentElement) throw new Error(`${path}: ${errors[0] ?? 'not XML'}`);
  return doc.documentElement;
}

function all(el: XmlElement, localName: string): XmlElement[] {
  return Array.from(el.getElementsByTagNameNS('*', localName));
}

function first(el: XmlElement, localName: string): XmlElement | null {
  return all(el, localName)[0] ?? null;
}

function textOf(el: XmlElement | null): string {
  return el?.textContent?.trim() ?? '';
}

function numbers(attr: string | null): number[] {
  return (attr ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** A location in the package: absolute (`/Doc_0/…`) or relative to the referring file's folder. */
function resolve(dir: string, loc: string): string {
  const parts = (loc.startsWith('/') ? loc : `${dir}/${loc}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].replace(/\s+/g, ' ').trim() || 'unknown error';
}
