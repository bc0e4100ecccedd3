// Prints each seed to PDF with headless Chromium (Debian `chromium` + `fonts-wqy-zenhei`),
// so PDF input can be tested on the same facts as the text seeds. Usage: node scripts/seeds-to-pdf.mjs OUTDIR [files…]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2] ?? join(root, 'out', 'pdf');
const files = process.argv.slice(3).length ? process.argv.slice(3) : readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f));
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'seeds-pdf-'));
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
// what a reader sees of the Markdown-ish seeds: no emphasis markers, heading hashes, bullets or rules
const rendered = (s) => s.replace(/\*\*/g, '').replace(/^#{1,6} /gm, '').replace(/^- /gm, '').replace(/^---\s*$/gm, '');
for (const file of files) {
  const html = join(work, basename(file) + '.html');
  // tab-stops keep table cells apart in the PDF's text layer
  writeFileSync(html, `<!doctype html><meta charset="utf-8"><style>body{font-family:"WenQuanYi Zen Hei",sans-serif;white-space:pre-wrap;tab-size:8;font-size:11pt}</style><body>${escape(rendered(readFileSync(file, 'utf8')))}</body>`);
  const pdf = join(out, basename(file).replace(/\.[^.]+$/, '.pdf'));
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`], { stdio: 'ignore' });
  console.log(pdf);
}
