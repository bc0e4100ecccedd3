import { imagePages, recognise } from './ocr.js';
import type { ReadOptions } from './options.js';
import { joinPages, type PageContent, type PagedText } from './pages.js';

export type ImageText = ({ ok: true } & PagedText) | { ok: false; reason: string };

/** A photo or scan saved as PNG, JPEG or TIFF: every page goes to OCR (up to ocrMaxPages). */
export async function readImage(bytes: Uint8Array, options: ReadOptions): Promise<ImageText> {
  if (!options.ocr) return { ok: false, reason: 'image file, and OCR is off (--no-ocr)' };
  let pages: PageContent[];
  try {
    const { pages: images, total } = await imagePages(bytes, options.ocrMaxPages);
    pages = [];
    for (const image of images) pages.push({ kind: 'ocr', lines: await recognise(image) });
    for (let n = images.length; n < total; n++) pages.push({ kind: 'skipped' });
  } catch (e) {
    return { ok: false, reason: `unreadable image (${firstLine(e)})` };
  }
  const joined = joinPages(pages);
  if (joined.text.trim() === '') return { ok: false, reason: 'OCR found no text in the image' };
  return { ok: true, ...joined };
}

/** OCR of the images on OFD pages that have no text (a scan saved as OFD). */
export async function ocrImagePages(pages: { text: string; images: Uint8Array[] }[], options: ReadOptions): Promise<PageContent[]> {
  const out: PageContent[] = [];
  let ocrd = 0;
  for (const page of pages) {
    if (page.text.trim() !== '' || page.images.length === 0 || !options.ocr) out.push({ kind: 'text', text: page.text });
    else if (ocrd >= options.ocrMaxPages) out.push({ kind: 'skipped' });
    else {
      ocrd++;
      const lines = [];
      for (const image of page.images) lines.push(...(await recognise(image)));
      out.push({ kind: 'ocr', lines });
    }
  }
  return out;
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].replace(/\s+/g, ' ').trim() || 'unknown error';
}
