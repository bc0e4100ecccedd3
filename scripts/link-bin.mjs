// npm does not link a package's own `bin` into its node_modules/.bin, so `npx notices` inside a
// fresh clone would not find the CLI. Link it here (run by `prepare` after the build).
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const binDir = join(root, 'node_modules', '.bin');
const target = join(root, 'bin', 'notices.js');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'notices');
rmSync(link, { force: true });
symlinkSync(relative(binDir, target), link);
chmodSync(target, 0o755);
