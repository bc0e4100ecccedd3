import type { PDFParse } from 'pdf-parse';
import { recognise } from './ocr.js';
import { hasTextLayer, joinPages, type PageContent, type PagedText } from './pages.js';
import type { ReadOptions } from './options.js';

export type PdfText = ({ ok: true } & PagedText) | { ok: false; reason: string };

/** Scans are rendered at 150 dpi for OCR: enough for 3 mm (10.5 pt) characters, and fast. */
export const OCR_DPI = 150;

/**
 * pdf.js's legacy build (the one pdf-parse loads, in pdf.mjs and again in its worker module) carries
 * core-js, which replaces `Array.prototype.push` and `JSON.parse` with polyfills for the whole thread
 * (for spec corners: array lengths past 2^32, JSON.parse's source text). The polyfilled push cost 7 % of
 * a PDF page and slowed every later document read by the same worker; nothing here needs those
 * corners, so the engine's own are put back once pdf.js is loaded. Captured when this module loads,
 * before pdf.js ever is.
 */
const NATIVE = { push: Array.prototype.push, parse: JSON.parse };
function restoreNatives(): void {
  if (Array.prototype.push !== NATIVE.push) Array.prototype.push = NATIVE.push;
  if (JSON.parse !== NATIVE.parse) JSON.parse = NATIVE.parse;
}

/**
 * How the text layer is read. `textOnlyFonts` comes from our patch of pdf.js (patches/pdfjs-dist+*.patch,
 * applied on install by patch-package): a composite TrueType font is not decompressed and repaired into a
 * renderable font program — text needs each glyph's Unicode (ToUnicode CMap) and advance (the PDF's /W),
 * never its outlines, and the repair was 70 % of a page. Only fonts whose text cannot depend on the program
 * qualify (the patch says which), so the text is the same with or without it; without the patch the option
 * is ignored. Fonts so loaded cannot be drawn, so a document opened this way is never rendered (`Renderer`).
 */
const TEXT_LAYER = { textOnlyFonts: true };

/**
 * PDF → text, one page after another, remembering where each page starts for provenance.
 * A page without a text layer (a scan) is rendered by pdf.js and read by OCR, up to
 * `ocrMaxPages` pages per file; pages with a text layer are never OCR'd.
 */
export async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<PdfText> {
  let parser: PDFParse | undefined;
  let renderer: Renderer | undefined;
  try {
    const PDFParse = await loadPdfParse();
    // pdf.js takes the bytes over (detaches them) when it opens them: the copy to render scans from is made first
    if (options.ocr) renderer = new Renderer(PDFParse, bytes.slice());
    parser = new PDFParse({ data: bytes, ...TEXT_LAYER });
    const result = await parser.getText();
    restoreNatives(); // pdf.js's worker module, loaded with the first document
    return await pagedText(result.pages.map((p) => p.text), options, renderer);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    return { ok: false, reason: `unreadable PDF (${msg.split('\n')[0]})` };
  } finally {
    await parser?.destroy().catch(() => undefined);
    await renderer?.destroy();
    restoreNatives();
  }
}

/** pdf.js is large: it is loaded only when a PDF comes in, so text-only runs start fast. */
async function loadPdfParse(): Promise<typeof PDFParse> {
  const { PDFParse } = await import('pdf-parse');
  restoreNatives();
  return PDFParse;
}

/** The pages' text layers → the file's text, scans read by OCR where allowed. */
async function pagedText(layers: string[], options: ReadOptions, renderer: Renderer | undefined): Promise<PdfText> {
  const scanned = layers.flatMap((t, i) => (hasTextLayer(t) ? [] : [i + 1]));
  if (scanned.length === layers.length && !options.ocr) {
    return { ok: false, reason: 'PDF has no text layer (scanned image?) and OCR is off (--no-ocr)' };
  }
  const ocrPages = options.ocr ? scanned.slice(0, options.ocrMaxPages) : [];
  const pages: PageContent[] = [];
  for (const [i, layer] of layers.entries()) {
    const n = i + 1;
    if (!scanned.includes(n)) pages.push({ kind: 'text', text: layer });
    else if (renderer && ocrPages.includes(n)) {
      const lines = await renderer.page(n).then(recognise).catch((e: Error) => new Error(`OCR of page ${n} failed (${e.message.split('\n')[0]})`));
      if (lines instanceof Error) return { ok: false, reason: lines.message };
      pages.push({ kind: 'ocr', lines });
    }
    else pages.push(options.ocr ? { kind: 'skipped' } : { kind: 'text', text: layer });
  }
  const joined = joinPages(pages);
  if (joined.text.trim() === '') return { ok: false, reason: scanned.length ? 'PDF has no text layer and OCR found no text' : 'PDF has no text' };
  return { ok: true, ...joined };
}

/**
 * Scans rendered for OCR, from a document of their own opened with pdf.js's defaults (full fonts),
 * and only when a page needs it: a page number or stamp printed in a font still comes out drawn.
 */
class Renderer {
  private parser: PDFParse | undefined;
  constructor(private readonly Parser: typeof PDFParse, private readonly bytes: Uint8Array) {}

  page(n: number): Promise<Uint8Array> {
    this.parser ??= new this.Parser({ data: this.bytes });
    return renderPage(this.parser, n);
  }

  async destroy(): Promise<void> {
    await this.parser?.destroy().catch(() => undefined);
  }
}

/** One page as a PNG at OCR_DPI (pdf.js on @napi-rs/canvas, both through pdf-parse). */
async function renderPage(parser: PDFParse, page: number): Promise<Uint8Array> {
  const shot = await parser.getScreenshot({ partial: [page], scale: OCR_DPI / 72, imageDataUrl: false, imageBuffer: true });
  return shot.pages[0].data;
}
