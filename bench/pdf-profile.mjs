#!/usr/bin/env node
// `node bench/pdf-profile.mjs FILE.pdf… [--reps N] [--split [--full-fonts]]`: our PDF reader over the files, N passes, CPU time
// per page (run it under `node --cpu-prof` for where the time goes; bench/profile-top.mjs summarises the profile).
// --split: where a page's time goes in pdf.js, without a profiler: each page's text read twice in one document,
// the second time with its fonts already loaded (pdf.js keeps them per document), so first − second is the cost of
// loading the page's fonts (font program parse and repair, ToUnicode CMap) and second is the rest (content stream,
// text items). The document is opened as src/read/pdf.ts opens it (`textOnlyFonts`, our pdf.js patch); --full-fonts
// opens it with pdf.js's defaults (every font repaired into a renderable program), for the comparison.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const reps = Number(opt('--reps', 10));
const files = args.filter((a) => a.endsWith('.pdf'));
const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

if (args.includes('--split')) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const best = {};
  for (let k = 0; k <= reps; k++) {
    const t = { open: 0, first: 0, again: 0 };
    let pages = 0;
    for (const b of bytes) {
      let c = cpuMs();
      const doc = await pdfjs.getDocument({ data: b.slice(), verbosity: 0, textOnlyFonts: !args.includes('--full-fonts') }).promise;
      t.open += cpuMs() - c;
      for (let i = 1; i <= doc.numPages; i++, pages++) {
        const page = await doc.getPage(i);
        c = cpuMs();
        await page.getTextContent();
        t.first += cpuMs() - c;
        c = cpuMs();
        await page.getTextContent();
        t.again += cpuMs() - c;
      }
      await doc.destroy();
    }
    // the first pass warms the JIT up
    if (k) for (const [key, v] of Object.entries(t)) best[key] = Math.min(best[key] ?? Infinity, v / pages);
  }
  const fonts = best.first - best.again;
  console.log(`per page, CPU ms (fastest of ${reps}): open ${best.open.toFixed(2)}, text ${best.first.toFixed(2)} = fonts ${fonts.toFixed(2)} (${((100 * fonts) / best.first).toFixed(0)} %) + the rest ${best.again.toFixed(2)}`);
} else {
  const { readPdf } = await import('../dist/src/read/pdf.js');
  const { DEFAULT_READ_OPTIONS } = await import('../dist/src/read/options.js');
  await readPdf(bytes[0].slice(), DEFAULT_READ_OPTIONS);
  let pages = 0;
  const cpu0 = cpuMs();
  const t0 = performance.now();
  for (let k = 0; k < reps; k++) for (const b of bytes) { const r = await readPdf(b.slice(), DEFAULT_READ_OPTIONS); if (r.ok) pages += r.pageStarts.length; }
  console.log(`${pages} pages: ${((performance.now() - t0) / pages).toFixed(1)} ms wall, ${((cpuMs() - cpu0) / pages).toFixed(1)} ms CPU per page`);
}
