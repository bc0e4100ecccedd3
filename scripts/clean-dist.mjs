// `prepack`: start the tarball's build from an empty dist/, so a module deleted from the sources
// (or left by another branch) is never shipped. The incremental build info lives in dist/ too,
// so it goes with it and the next build is a full one.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
