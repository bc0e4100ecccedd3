// Lays a text notice out as an OFD (GB/T 33190), the way a typesetting program exports one:
// A4 pages, 12 pt text wrapped at the type area, one TextObject per printed line with a
// TextCode giving each character's advance (DeltaX), tab stops for table cells, page numbers.
// Usage: node scripts/seed-to-ofd.mjs SEED.txt OUT.ofd
// The package holds only what a minimal valid OFD needs: OFD.xml (DocBody, DocInfo, DocRoot),
// Document.xml (CommonData with MaxUnitID, PageArea and PublicRes; Pages), PublicRes.xml (one
// font) and Pages/Page_N/Content.xml (a Layer of TextObjects).
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';

const [seed, out] = process.argv.slice(2);
if (!seed || !out) {
  console.error('usage: node scripts/seed-to-ofd.mjs SEED.txt OUT.ofd');
  process.exit(2);
}

const PAGE = { width: 210, height: 297, left: 28, top: 37, textWidth: 156, bottom: 260 };
const SIZE = 4.233; // 12 pt in mm
const LEADING = SIZE * 1.5;
const TAB = SIZE * 4;
const OFD_NS = 'http://www.ofdspec.org/2016';

// what a reader sees of the Markdown-ish seeds (as scripts/seeds-to-pdf.mjs prints them)
const rendered = (s) => s.replace(/\*\*/g, '').replace(/^#{1,6} /gm, '').replace(/^- /gm, '').replace(/^---\s*$/gm, '');
const wide = (ch) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch);
const advance = (ch) => (wide(ch) ? SIZE : SIZE / 2);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (v) => String(Math.round(v * 1000) / 1000);

// line-breaking rules of Chinese typesetting (禁则): these never start a line, those never end one
const NO_START = /[，。、；：？！）》」』】〕”’%‰·…—,.;:?!)\]]/;
const NO_END = /[（《「『【〔“‘(\[]/;

/** A source line → printed lines, each a list of runs { x, text, deltas, size } (a tab starts a new run). */
function layoutLine(line) {
  line = line.replace(/\s+$/, '');
  // a table row is set on one line, in a smaller size when it is wide (as a table autofits)
  if (line.includes('\t')) return [placeRow(line, Math.min(SIZE, SIZE * (PAGE.textWidth / rowWidth(line, SIZE))))];
  const printed = [];
  let rest = [...line];
  while (rest.length) {
    const n = breakAt(rest);
    printed.push(placeRow(rest.slice(0, n).join(''), SIZE));
    rest = rest.slice(n);
  }
  return printed.length ? printed : [[]];
}

/** How many characters fit on the line, moved back so a Latin word, a 禁则 pair stays whole. */
function breakAt(chars) {
  let width = 0;
  let n = 0;
  while (n < chars.length && width + advance(chars[n]) <= PAGE.textWidth) width += advance(chars[n++]);
  if (n === chars.length) return n;
  let k = n;
  while (k > 1 && /[A-Za-z0-9@._\-]/.test(chars[k]) && /[A-Za-z0-9@._\-]/.test(chars[k - 1])) k--;
  if (k <= 1) k = n;
  while (k > 1 && (NO_START.test(chars[k]) || NO_END.test(chars[k - 1]))) k--;
  return k > 1 ? k : n;
}

// a cell starts at the next tab stop, at least 1.5 characters after the previous one (cell padding)
const tabStop = (x, size) => Math.max((Math.floor(x / (size * 4)) + 1) * size * 4, x + size * 1.5);

function rowWidth(line, size) {
  let x = 0;
  for (const ch of line) x = ch === '\t' ? tabStop(x, size) : x + (advance(ch) * size) / SIZE;
  return x;
}

function placeRow(line, size) {
  const runs = [];
  let run = null;
  let x = 0;
  for (const ch of line) {
    const w = (advance(ch) * size) / SIZE;
    if (ch === '\t') {
      x = tabStop(x, size);
      run = null;
    } else if (ch === ' ' && !run) x += w;
    else {
      if (!run) runs.push((run = { x, text: '', deltas: [], size }));
      if (run.text) run.deltas.push((advance([...run.text].at(-1)) * size) / SIZE);
      run.text += ch;
      x += w;
    }
  }
  return runs;
}

const lines = rendered(readFileSync(seed, 'utf8')).split(/\r?\n/).flatMap(layoutLine);
const perPage = Math.floor((PAGE.bottom - PAGE.top) / LEADING);
const pages = [];
for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));

let id = 1;
const pageXml = (page, n) => {
  const objects = [];
  page.forEach((runs, row) => {
    const baseline = PAGE.top + row * LEADING + SIZE;
    for (const run of runs) {
      if (run.text.trim() === '') continue;
      const width = run.deltas.reduce((a, b) => a + b, 0) + (advance([...run.text].at(-1)) * run.size) / SIZE;
      const deltaX = run.deltas.length ? ` DeltaX="${run.deltas.map(num).join(' ')}"` : '';
      objects.push(
        `<ofd:TextObject ID="${id++}" Boundary="${num(PAGE.left + run.x)} ${num(baseline - run.size)} ${num(width)} ${num(run.size * 1.2)}" Font="1" Size="${num(run.size)}">` +
          `<ofd:TextCode X="0" Y="${num(run.size)}"${deltaX}>${esc(run.text)}</ofd:TextCode></ofd:TextObject>`,
      );
    }
  });
  const folio = `— ${n} —`;
  objects.push(
    `<ofd:TextObject ID="${id++}" Boundary="${num(PAGE.width / 2 - 10)} ${num(PAGE.height - 20)} 20 ${num(SIZE * 1.2)}" Font="1" Size="${num(SIZE)}">` +
      `<ofd:TextCode X="0" Y="${num(SIZE)}">${folio}</ofd:TextCode></ofd:TextObject>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="${OFD_NS}"><ofd:Content><ofd:Layer ID="${id++}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
};

const zip = new JSZip();
const pageRefs = [];
pages.forEach((page, i) => {
  const pageId = id++;
  zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, pageXml(page, i + 1));
  pageRefs.push(`<ofd:Page ID="${pageId}" BaseLoc="Pages/Page_${i}/Content.xml"/>`);
});
const date = '2024-01-01'; // fixed, so the fixture is byte-stable
zip.file(
  'OFD.xml',
  `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="${OFD_NS}" DocType="OFD" Version="1.0"><ofd:DocBody><ofd:DocInfo><ofd:DocID>${'0'.repeat(32)}</ofd:DocID><ofd:CreationDate>${date}</ofd:CreationDate><ofd:Creator>policy-notices scripts/seed-to-ofd.mjs</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
);
zip.file(
  'Doc_0/Document.xml',
  `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="${OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pageRefs.join('')}</ofd:Pages></ofd:Document>`,
);
zip.file(
  'Doc_0/PublicRes.xml',
  `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="${OFD_NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
);
// fixed dates inside the ZIP too, so the same seed always gives the same bytes
for (const f of Object.values(zip.files)) f.date = new Date(Date.UTC(2024, 0, 1));
writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log(`${out}: ${pages.length} pages`);
