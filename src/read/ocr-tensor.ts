/**
 * Pixels to model input and model output to pixels, in typed arrays. @gutenye/ocr-common does the
 * same with `push` per pixel, two array spreads and `Float32Array.from` (seconds a page: more than
 * the detection model itself); the formula here is the library's, so the models see the same numbers.
 */

/** Both PP-OCR models take sides that are multiples of this. */
const BASE = 32;

/**
 * The long side detection runs at at most: the page itself (already bounded by MAX_OCR_SIDE in
 * ocr.ts), as the library ran it. Detecting at 960 px (~80 dpi for A4) was 3–5× faster for the
 * detector, but on the four seeds printed and scanned at 150 dpi it lost annex table rows and lone
 * cells (scorer: tables 21/24 → 13/24, table cells 17/17 → 8/17, one target), so it is not the default.
 */
export const DETECTION_LONG_SIDE = 2000;

/** The detector's probability above which a pixel is text (the library's value). */
export const TEXT_THRESHOLD = 0.03;

/** Detection input size: the long side at most `longSide`, both sides multiples of 32 (stretched, not padded). */
export function detectionSize(width: number, height: number, longSide = DETECTION_LONG_SIDE): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  const side = (n: number) => Math.max(BASE, Math.round((n * scale) / BASE) * BASE);
  return { width: side(width), height: side(height) };
}

/**
 * RGBA pixels as the models' input: three planes B, G, R (in that order, as the library feeds
 * them), each value / 255, no mean or std (the library found that reads better than PaddleOCR's
 * normalisation). Alpha is dropped.
 */
export function rgbaToPlanes(rgba: Uint8Array, width: number, height: number): Float32Array {
  const n = width * height;
  const planes = new Float32Array(3 * n);
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    planes[p] = rgba[i + 2] / 255;
    planes[n + p] = rgba[i + 1] / 255;
    planes[2 * n + p] = rgba[i] / 255;
  }
  return planes;
}

/** The detector's probability map as the black and white RGBA image the library's box finder reads. */
export function textMask(probabilities: Float32Array, threshold = TEXT_THRESHOLD): Uint8Array {
  const mask = new Uint8Array(probabilities.length * 4);
  for (let p = 0, i = 0; p < probabilities.length; p++, i += 4) {
    const v = probabilities[p] > threshold ? 255 : 0;
    mask[i] = v;
    mask[i + 1] = v;
    mask[i + 2] = v;
    mask[i + 3] = 255;
  }
  return mask;
}
