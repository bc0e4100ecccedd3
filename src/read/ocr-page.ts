/**
 * One page image through the models, with the library's preprocessing: the page fitted
 * (letterboxed) into sides that are multiples of 32, detection on it, the library's box finder,
 * each text line cut from that same image and scaled to the recogniser's 48 px, one recognition
 * call a line, CTC decoding, lines grouped as the library groups them.
 *
 * Measured on the four seeds printed and scanned at 150 dpi (scorer, extract facts): this reads as
 * the library did (207/212); detection at 960 px with crops from the full page lost annex table rows
 * (187/212), and the page stretched rather than letterboxed, crops from the unscaled page, 201/212.
 * Recognising lines in batches was measured slower (padding to the widest line) and changed some
 * lines' text, so lines go one by one.
 */
import type { Sharp } from 'sharp';
import { decodeCtc, type DecodedLine } from './ocr-ctc.js';
import { groupIntoLines, type GroupedLine } from './ocr-lines.js';
import type { OcrModels, Pixels } from './ocr-models.js';
import { detectionSize, rgbaToPlanes, textMask } from './ocr-tensor.js';

/** The recogniser's input height. */
const LINE_HEIGHT = 48;

type SharpOf = (input: Buffer | Uint8Array, options?: import('sharp').SharpOptions) => Sharp;

/** The text lines of one page (RGBA pixels), top to bottom. */
export async function readPage(models: OcrModels, sharp: SharpOf, page: Pixels): Promise<GroupedLine[]> {
  const fitted = await fitted32(sharp, page);
  const mask = await detectText(models, sharp, fitted);
  const lines = await models.findLines(mask, fitted);
  const inputs = await Promise.all(lines.map((l) => scaleToHeight(sharp, l.image, LINE_HEIGHT)));
  const read = [];
  for (let i = 0; i < lines.length; i++) read.push({ ...(await recogniseLine(models, inputs[i])), box: lines[i].box });
  return groupIntoLines(read);
}

/** The detector's text mask (the image's size: it is fitted to multiples of 32 already). */
async function detectText(models: OcrModels, sharp: SharpOf, page: Pixels): Promise<Pixels> {
  const size = detectionSize(page.width, page.height);
  const small = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 4 } })
    .resize({ ...size, fit: 'fill' })
    .raw()
    .toBuffer();
  const output = await run(models, models.detection, rgbaToPlanes(small, size.width, size.height), size);
  const [, , height, width] = output.dims;
  return { data: textMask(output.data as Float32Array), width, height };
}

async function recogniseLine(models: OcrModels, line: Pixels): Promise<DecodedLine> {
  const output = await run(models, models.recognition, rgbaToPlanes(line.data, line.width, line.height), line);
  const [, steps, classes] = output.dims;
  return decodeCtc(output.data as Float32Array, steps, classes, models.dictionary);
}

async function run(models: OcrModels, session: OcrModels['detection'], planes: Float32Array, size: { width: number; height: number }) {
  const input = new models.Tensor('float32', planes, [1, 3, size.height, size.width]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  return outputs[session.outputNames[0]];
}

/** The library's scaling of a line crop (sharp's default kernel, the width in proportion). */
async function scaleToHeight(sharp: SharpOf, image: Pixels, height: number): Promise<Pixels> {
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .resize({ height, fit: 'contain' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function fitted32(sharp: SharpOf, page: Pixels): Promise<Pixels> {
  const size = detectionSize(page.width, page.height);
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 4 } })
    .resize({ ...size, fit: 'contain' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
