// A real headless Chromium for the browser tests, on any machine `npm ci` ran on:
// Debian's /usr/bin/chromium when it is installed, otherwise the Chromium that the npm package
// @sparticuz/chromium ships inside itself (brotli-compressed: no download at install or run time).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// headless, and nothing that would reach the network or a GPU
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface Executable {
  path: string;
  /** extra environment for the browser process (shared libraries, fonts) */
  env: Record<string, string>;
  /** flags the build needs besides FLAGS */
  args: string[];
}

/**
 * Launches headless Chromium; close it with `browser.close()`. Playwright gives every launch a
 * fresh user-data-dir of its own (and deletes it on close), so no profile leaks between tests.
 */
export async function launchChromium(): Promise<Browser> {
  const exe: Executable = existsSync(SYSTEM_CHROMIUM) ? { path: SYSTEM_CHROMIUM, env: {}, args: [] } : packagedChromium();
  return chromium.launch({
    executablePath: exe.path,
    headless: true,
    args: [...FLAGS, ...exe.args],
    env: { ...process.env, ...exe.env } as Record<string, string>,
  });
}

/** The packaged build, unpacked once per package version into the temp folder (shared by test workers). */
function packagedChromium(): Executable {
  const require = createRequire(import.meta.url);
  // the package's "exports" hide package.json: climb from its entry point (build/cjs/index.cjs)
  const pkgDir = dirname(dirname(dirname(require.resolve('@sparticuz/chromium'))));
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(tmpdir(), `notices-sparticuz-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) unpack(join(pkgDir, 'bin'), dir);
  return {
    path: join(dir, 'chromium'),
    env: {
      // libnss3/libnspr4/libexpat as the build expects them, ahead of whatever the system has (or lacks)
      LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
    // this build is chrome-headless-shell, made for sandboxes that forbid a zygote
    args: ['--no-zygote'],
  };
}

/** Unpacks into a private folder and renames it into place, so concurrent workers never see half a binary. */
function unpack(binDir: string, dir: string): void {
  const work = mkdtempSync(`${dir}.partial-`);
  try {
    writeFileSync(join(work, 'chromium'), brotliDecompressSync(readFileSync(join(binDir, 'chromium.br'))));
    chmodSync(join(work, 'chromium'), 0o755);
    for (const archive of ['al2023.tar.br', 'swiftshader.tar.br', 'fonts.tar.br']) {
      untar(brotliDecompressSync(readFileSync(join(binDir, archive))), work);
    }
    // the package's fonts.conf points at Lambda paths: ours lists its own fonts and the system's
    writeFileSync(
      join(work, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${join(dir, 'fonts')}</dir><dir>/usr/share/fonts</dir><cachedir>${join(dir, 'fonts-cache')}</cachedir></fontconfig>\n`,
    );
    renameSync(work, dir);
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    // another worker finished first: use its copy
    if (existsSync(join(dir, 'chromium'))) return;
    throw e;
  }
}

/** Regular files and folders of a POSIX (ustar) archive; the package's archives hold nothing else. */
function untar(tar: Buffer, into: string): void {
  const field = (block: Buffer, from: number, length: number) => block.subarray(from, from + length).toString('utf8').replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const prefix = field(header, 345, 155);
    const name = (prefix ? prefix + '/' : '') + field(header, 0, 100);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const body = tar.subarray(at + 512, at + 512 + size);
    if (name.split('/').includes('..')) throw new Error(`unsafe path in Chromium archive: ${name}`);
    if (type === '5') mkdirSync(join(into, name), { recursive: true });
    else if (type === '0') {
      mkdirSync(dirname(join(into, name)), { recursive: true });
      writeFileSync(join(into, name), body, { mode: parseInt(field(header, 100, 8).trim() || '644', 8) });
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}
