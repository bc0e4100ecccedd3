// Makes image-only PDFs from the seeds, as a scanner would: each seed is printed to PDF
// (scripts/seeds-to-pdf.mjs, headless Chromium), every page is rendered at 150 dpi in grey
// (pdf.js through pdf-parse), saved as a JPEG, and the JPEGs are wrapped into a PDF with no
// text layer (pdf-lib), one page per image at its physical size.
// Usage: node scripts/seeds-to-scans.mjs OUTDIR [seed.txt…] [--pages N] (N: only the first N pages)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

const DPI = 150;
const JPEG_QUALITY = 60;
const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const pagesAt = args.indexOf('--pages');
const maxPages = pagesAt >= 0 ? Number(args.splice(pagesAt, 2)[1]) : Infinity;
const [out = join(root, 'out', 'scans'), ...named] = args;
const seeds = named.length ? named : readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f));
mkdirSync(out, { recursive: true });

const printed = mkdtempSync(join(tmpdir(), 'seeds-printed-'));
execFileSync(process.execPath, [join(root, 'scripts', 'seeds-to-pdf.mjs'), printed, ...seeds], { stdio: 'ignore' });

for (const seed of seeds) {
  const name = basename(seed).replace(/\.[^.]+$/, '.pdf');
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(join(printed, name))) });
  const { total } = await parser.getInfo();
  const scan = await PDFDocument.create();
  for (let page = 1; page <= Math.min(total, maxPages); page++) {
    const shot = await parser.getScreenshot({ partial: [page], scale: DPI / 72, imageDataUrl: false, imageBuffer: true });
    const { data, width, height } = shot.pages[0];
    const jpeg = await sharp(Buffer.from(data)).flatten({ background: '#ffffff' }).greyscale().jpeg({ quality: JPEG_QUALITY }).toBuffer();
    const image = await scan.embedJpg(jpeg);
    // the page keeps its printed size: pixels at 150 dpi back to points
    scan.addPage([(width * 72) / DPI, (height * 72) / DPI]).drawImage(image, { x: 0, y: 0, width: (width * 72) / DPI, height: (height * 72) / DPI });
  }
  await parser.destroy();
  scan.setCreator('policy-notices scripts/seeds-to-scans.mjs');
  scan.setProducer('pdf-lib');
  scan.setCreationDate(new Date(Date.UTC(2024, 0, 1)));
  scan.setModificationDate(new Date(Date.UTC(2024, 0, 1)));
  const path = join(out, name);
  writeFileSync(path, await scan.save());
  console.log(`${path}: ${Math.min(total, maxPages)} pages`);
}
