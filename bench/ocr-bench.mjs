#!/usr/bin/env node
// OCR against its floor, the bare models: `node bench/ocr-bench.mjs [IMAGE|PDF …] [--rounds N] [--library]
// [--text-layer DIR] [--json]` (after `npm run build`; pin it with `taskset -c 1` for steady figures).
//
// For every page image (a PDF's pages are rendered at 150 dpi as src/read/pdf.ts renders them):
//   ours    the whole OCR step of src/read/ocr.ts on the image bytes: decode, scale, detect, box
//           finder, crops, recognise, decode, group (`recognise`)
//   floor   the same models alone in onnxruntime on the same inputs: one detection call at the
//           detection size plus one recognition call per text line, the inputs made beforehand
//   library (--library) @gutenye/ocr-node's own `detect` on the image, as the reader ran before
// Times are CPU seconds of this process (user + system: onnxruntime's and libvips' threads
// included), the minimum of --rounds runs (default 3). Characters are the page's text without
// whitespace. --text-layer DIR: for an image named NAME-pN.png/jpg whose DIR/NAME.pdf exists, the
// characters' edit distance (whitespace removed) of the OCR text against page N of that PDF's text layer.
// Default pages: test/fixtures/formats/govcheck-test.png and the first two pages of 001-scan.pdf.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 1).length > 0 : false;
};
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : dflt;
};
const rounds = Number(option('--rounds', 3));
const textLayerDir = option('--text-layer', null);
const withLibrary = flag('--library');
const asJson = flag('--json');
const maxPdfPages = Number(option('--pdf-pages', 2));
const fixtures = join(root, 'test', 'fixtures', 'formats');
const inputs = args.length ? args : [join(fixtures, 'govcheck-test.png'), join(fixtures, '001-scan.pdf')];

const { recognise, MAX_OCR_SIDE } = await import('../dist/src/read/ocr.js');
const { loadModels } = await import('../dist/src/read/ocr-models.js');
const { detectionSize, rgbaToPlanes, textMask } = await import('../dist/src/read/ocr-tensor.js');
const { OCR_DPI } = await import('../dist/src/read/pdf.js');
const { default: sharp } = await import('sharp');
const { PDFParse } = await import('pdf-parse');
const { default: DiffMatchPatch } = await import('diff-match-patch');

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const chars = (s) => s.replace(/\s+/g, '').length;

/** The page images: image files as they are, PDF pages rendered like the reader renders them. */
async function pageImages(path) {
  if (!path.endsWith('.pdf')) return [{ name: basename(path), bytes: readFileSync(path), renderSeconds: 0 }];
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(path)) });
  const { total } = await parser.getInfo();
  const pages = [];
  for (let n = 1; n <= Math.min(total, maxPdfPages); n++) {
    const t = cpu();
    const shot = await parser.getScreenshot({ partial: [n], scale: OCR_DPI / 72, imageDataUrl: false, imageBuffer: true });
    pages.push({ name: `${basename(path)} p${n}`, bytes: shot.pages[0].data, renderSeconds: cpu() - t });
  }
  await parser.destroy();
  return pages;
}

/** The model inputs of one page, made outside the timing: the detection tensor and every line's. */
async function modelInputs(models, bytes) {
  const { data, info } = await sharp(bytes)
    .resize({ width: MAX_OCR_SIDE, height: MAX_OCR_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha(1)
    .raw()
    .toBuffer({ resolveWithObject: true });
  // as src/read/ocr-page.ts: the page letterboxed into multiples of 32, detected and cut from that
  const size = detectionSize(info.width, info.height);
  const small = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).resize({ ...size, fit: 'contain' }).raw().toBuffer();
  const page = { data: small, ...size };
  const det = new models.Tensor('float32', rgbaToPlanes(small, size.width, size.height), [1, 3, size.height, size.width]);
  const out = (await models.detection.run({ [models.detection.inputNames[0]]: det }))[models.detection.outputNames[0]];
  const lines = await models.findLines({ data: textMask(out.data), width: out.dims[3], height: out.dims[2] }, page);
  const rec = [];
  for (const line of lines) {
    const { data: d, info: i } = await sharp(line.image.data, { raw: { width: line.image.width, height: line.image.height, channels: 4 } })
      .resize({ height: 48, fit: 'contain' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    rec.push(new models.Tensor('float32', rgbaToPlanes(d, i.width, i.height), [1, 3, i.height, i.width]));
  }
  return { det, rec, size };
}

/** CPU seconds of the bare model calls: detection once, recognition once a line. */
async function floorSeconds(models, inputs) {
  let t = cpu();
  await models.detection.run({ [models.detection.inputNames[0]]: inputs.det });
  const det = cpu() - t;
  t = cpu();
  for (const r of inputs.rec) await models.recognition.run({ [models.recognition.inputNames[0]]: r });
  return { det, rec: cpu() - t };
}

let library = null;
async function libraryText(bytes) {
  if (!library) {
    const { default: Ocr } = await import('@gutenye/ocr-node');
    library = await Ocr.create({ onnxOptions: { intraOpNumThreads: 1, interOpNumThreads: 1, extra: { session: { intra_op: { allow_spinning: '0' } } } } });
  }
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  const bounded = Math.max(width, height) <= MAX_OCR_SIDE ? bytes : await sharp(bytes).resize({ width: MAX_OCR_SIDE, height: MAX_OCR_SIDE, fit: 'inside' }).png().toBuffer();
  const lines = await library.detect(bounded);
  return lines.map((l) => l.text).join('\n');
}

/** Page N of DIR/NAME.pdf's text layer, for an image named NAME-pN.*. */
async function textLayerOf(name) {
  const m = /^(.+)-p(\d+)\.\w+$/.exec(name);
  const pdf = m && textLayerDir ? join(textLayerDir, `${m[1]}.pdf`) : null;
  if (!pdf || !existsSync(pdf)) return null;
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(pdf)) });
  const { text } = await parser.getText({ partial: [Number(m[2])] });
  await parser.destroy();
  return text.replace(/-- \d+ of \d+ --/g, '');
}

function editDistance(a, b) {
  const dmp = new DiffMatchPatch();
  return dmp.diff_levenshtein(dmp.diff_main(a.replace(/\s+/g, ''), b.replace(/\s+/g, '')));
}

const min = (xs) => Math.min(...xs);
const models = await loadModels();
await recognise(readFileSync(join(fixtures, 'govcheck-test.png'))); // loads the engine outside the timing
const rows = [];
for (const input of inputs) {
  for (const page of await pageImages(input)) {
    const prepared = await modelInputs(models, page.bytes);
    const det = [];
    const rec = [];
    const ours = [];
    const lib = [];
    let text = '';
    let libText = '';
    for (let r = 0; r < rounds; r++) {
      const f = await floorSeconds(models, prepared);
      det.push(f.det);
      rec.push(f.rec);
      let t = cpu();
      text = (await recognise(page.bytes)).map((l) => l.text).join('\n');
      ours.push(cpu() - t);
      if (withLibrary) {
        t = cpu();
        libText = await libraryText(page.bytes);
        lib.push(cpu() - t);
      }
    }
    const layer = await textLayerOf(page.name);
    const row = {
      page: page.name,
      size: `${prepared.size.width}×${prepared.size.height}`,
      lines: prepared.rec.length,
      chars: chars(text),
      detMs: min(det) * 1000,
      recMs: min(rec) * 1000,
      floorMs: (min(det) + min(rec)) * 1000,
      oursMs: min(ours) * 1000,
      renderMs: page.renderSeconds * 1000,
      libraryMs: withLibrary ? min(lib) * 1000 : null,
      editsOurs: layer === null ? null : editDistance(text, layer),
      editsLibrary: layer === null || !withLibrary ? null : editDistance(libText, layer),
    };
    rows.push(row);
    if (!asJson) report(row);
  }
}
const sum = (key) => rows.reduce((s, r) => s + (r[key] ?? 0), 0);
const total = { floorMs: sum('floorMs'), oursMs: sum('oursMs'), renderMs: sum('renderMs'), libraryMs: withLibrary ? sum('libraryMs') : null, chars: sum('chars') };
if (asJson) console.log(JSON.stringify({ rounds, rows, total }, null, 2));
else {
  const f = (x) => (x / 1000).toFixed(2);
  console.log(
    `- OCR vs bare inference: ${rows.length} pages, ours ${f(total.oursMs)} s CPU against the models alone ${f(total.floorMs)} s = ${(total.oursMs / total.floorMs).toFixed(2)}× ` +
      `(${f(total.oursMs / rows.length)} s per page, ${Math.round(total.chars / (total.oursMs / 1000))} characters/s` +
      (total.renderMs ? `; with pdf.js rendering the PDF pages (+${f(total.renderMs)} s) ${((total.oursMs + total.renderMs) / total.floorMs).toFixed(2)}×` : '') +
      (withLibrary ? `; the library's own step ${f(total.libraryMs)} s = ${(total.libraryMs / total.floorMs).toFixed(2)}× this floor` : '') +
      ')',
  );
}

function report(r) {
  const ms = (x) => Math.round(x).toLocaleString('en');
  const parts = [
    `${r.page} [${r.size}, ${r.lines} lines, ${r.chars} chars]`,
    `det ${ms(r.detMs)} ms + rec ${ms(r.recMs)} ms = floor ${ms(r.floorMs)} ms`,
    `ours ${ms(r.oursMs)} ms = ${(r.oursMs / r.floorMs).toFixed(2)}× floor`,
    `${(r.oursMs / 1000).toFixed(2)} s/page, ${Math.round(r.chars / (r.oursMs / 1000))} chars/s`,
  ];
  if (r.renderMs) parts.push(`render ${ms(r.renderMs)} ms`);
  if (r.libraryMs !== null) parts.push(`library ${ms(r.libraryMs)} ms = ${(r.libraryMs / r.floorMs).toFixed(2)}× floor`);
  if (r.editsOurs !== null) parts.push(`edits vs text layer: ours ${r.editsOurs}${r.editsLibrary !== null ? `, library ${r.editsLibrary}` : ''}`);
  console.log(`- ${parts.join('; ')}`);
}
