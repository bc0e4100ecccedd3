/**
 * One page image through the models: detection on the page (sides rounded to multiples of 32),
 * the library's box finder, each text line cut from the page and scaled to the recogniser's 48 px,
 * one recognition call a line, CTC decoding, lines grouped as the library groups them.
 *
 * Detection at a smaller size (960 px) with the crops still cut from the full page was faster and
 * read body text as well, but lost annex table rows on the seed scans (see DETECTION_LONG_SIDE).
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
  const mask = await detectText(models, sharp, page);
  const lines = await models.findLines(mask, page);
  const inputs = await Promise.all(lines.map((l) => scaleToHeight(sharp, l.image, LINE_HEIGHT)));
  const read = [];
  for (let i = 0; i < lines.length; i++) read.push({ ...(await recogniseLine(models, inputs[i])), box: lines[i].box });
  return groupIntoLines(read);
}

/** The detector's text mask, at detection size. */
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
