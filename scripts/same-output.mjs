#!/usr/bin/env node
// Byte-identical output check for speed work: builds a corpus of text notices in a temp dir (every
// .txt/.md notice under the given source dirs, plus deterministic variants: CRLF line ends, cut heads
// and tails, Markdown emphasis, blank lines doubled, two notices joined), runs
// `notices extract --format jsonl` with a reference checkout and with this one, and compares the bytes.
//
//   node scripts/same-output.mjs --base /path/to/reference/checkout [--files 2000] [--src DIR ...] [--keep]
//
// The reference is a checkout built before the change (its bin/notices.js runs its dist/).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const base = opt('--base');
if (!base) {
  console.error('usage: same-output.mjs --base REFERENCE_CHECKOUT [--files N] [--src DIR ...]');
  process.exit(2);
}
const FILES = Number(opt('--files', 2000));
const srcDirs = argv.flatMap((a, i) => (a === '--src' ? [argv[i + 1]] : []));
if (!srcDirs.length) srcDirs.push(join(root, 'seeds'), join(root, 'test', 'fixtures'));

const walk = (d) =>
  readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : /\.(txt|md)$/.test(f) ? [p] : [];
  });
const texts = srcDirs.flatMap(walk).sort().map((p) => [p.split('/').pop(), readFileSync(p, 'utf8')]);

/** Deterministic variants: each keeps a notice's shape but moves offsets, line ends and syntax. */
const variants = [
  (t) => t,
  (t) => t.replace(/\n/g, '\r\n'),
  (t) => t.split('\n').slice(3).join('\n'),
  (t) => t.split('\n').slice(0, -5).join('\n'),
  (t) => t.replace(/^([一二三四五六七八九十]+、[^\n]*)$/gm, '**$1**'),
  (t) => t.replace(/\n/g, '\n\n'),
  (t, other) => `${t}\n\n${other}`,
  (t) => t.replace(/^(.+)$/m, '# $1'),
  (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  (t) => t.replace(/。/g, '。 '),
];
const dir = mkdtempSync(join(tmpdir(), 'same-output-'));
for (let i = 0; i < FILES; i++) {
  const [name, text] = texts[i % texts.length];
  const k = Math.floor(i / texts.length) % variants.length;
  const other = texts[(i * 7 + 3) % texts.length][1];
  const ext = name.endsWith('.md') ? '.md' : '.txt';
  writeFileSync(join(dir, `${String(i).padStart(5, '0')}_v${k}_${name.replace(/\.(txt|md)$/, '')}${ext}`), variants[k](text, other));
}

const run = (checkout) => {
  const r = spawnSync(process.execPath, [join(checkout, 'bin', 'notices.js'), 'extract', dir, '--format', 'jsonl', '--quiet', '--jobs', '2'], {
    encoding: 'buffer',
    maxBuffer: 1 << 30,
  });
  return { out: r.stdout, status: r.status, err: r.stderr.toString().slice(0, 2000) };
};
const ref = run(base);
const ours = run(root);
console.log(`${FILES} files from ${texts.length} notices × ${variants.length} variants in ${dir}`);
console.log(`reference: exit ${ref.status}, ${ref.out.length} bytes; this checkout: exit ${ours.status}, ${ours.out.length} bytes`);
let same = ref.status === ours.status && Buffer.compare(ref.out, ours.out) === 0;
if (!same) {
  const a = ref.out.toString('utf8').split('\n');
  const b = ours.out.toString('utf8').split('\n');
  let shown = 0;
  for (let i = 0; i < Math.max(a.length, b.length) && shown < 3; i++) {
    if (a[i] === b[i]) continue;
    shown++;
    let c = 0;
    while (a[i]?.[c] === b[i]?.[c]) c++;
    console.log(`line ${i + 1} differs at column ${c}:\n  ref:  …${a[i]?.slice(Math.max(0, c - 80), c + 120)}\n  ours: …${b[i]?.slice(Math.max(0, c - 80), c + 120)}`);
  }
  if (ours.err) console.log(ours.err);
}
console.log(same ? 'IDENTICAL' : 'DIFFERENT');
if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
process.exit(same ? 0 : 1);
