// Prints each seed to PDF with headless Chromium and a CJK font (`fonts-wqy-zenhei`), so PDF input
// can be tested on the same facts as the text seeds. Run once by hand: its output is committed in
// test/fixtures/pdf/, so the tests need neither a browser nor the font.
// Usage: [CHROMIUM=/path/to/chromium] node scripts/seeds-to-pdf.mjs OUTDIR [files…]
// (CHROMIUM defaults to Debian's /usr/bin/chromium; the environment is passed on, so LD_LIBRARY_PATH
// and FONTCONFIG_FILE reach a packaged build.)
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2] ?? join(root, 'out', 'pdf');
const files = process.argv.slice(3).length ? process.argv.slice(3) : readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f));
mkdirSync(out, { recursive: true });
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
// what a reader sees of the Markdown-ish seeds: no emphasis markers, heading hashes, bullets or rules
const rendered = (s) => s.replace(/\*\*/g, '').replace(/^#{1,6} /gm, '').replace(/^- /gm, '').replace(/^---\s*$/gm, '');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-zygote'],
});
try {
  const page = await browser.newPage();
  for (const file of files) {
    // tab-stops keep table cells apart in the PDF's text layer
    await page.setContent(`<!doctype html><meta charset="utf-8"><style>body{font-family:"WenQuanYi Zen Hei",sans-serif;white-space:pre-wrap;tab-size:8;font-size:11pt}</style><body>${escape(rendered(readFileSync(file, 'utf8')))}</body>`);
    const pdf = join(out, basename(file).replace(/\.[^.]+$/, '.pdf'));
    await page.pdf({ path: pdf, format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } });
    console.log(pdf);
  }
} finally {
  await browser.close();
}
