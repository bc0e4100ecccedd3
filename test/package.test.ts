import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/context.js';

// The quick half of the package check, on every `npm test`: what `npm pack` would ship and what the
// export map resolves to. scripts/package-test.mjs (run by .ci/run) installs the real tarball.

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packed = () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  expect(r.status).toBe(0);
  const [info] = JSON.parse(r.stdout);
  return { paths: (info.files as { path: string }[]).map((f) => f.path), unpackedSize: info.unpackedSize as number };
};

/** Every file an `exports` target names, the `*` of a pattern expanded over the files on disk. */
function exportTargets(): string[] {
  const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  return targets.flatMap((t) => {
    const path = t.replace(/^\.\//, '');
    if (!path.includes('*')) return [path];
    const [dir, pattern] = [path.slice(0, path.lastIndexOf('/')), path.slice(path.lastIndexOf('/') + 1)];
    const [before, after] = pattern.split('*');
    return readdirSync(join(root, dir))
      .filter((f) => f.startsWith(before) && f.endsWith(after))
      .map((f) => `${dir}/${f}`);
  });
}

describe('the package', () => {
  const { paths, unpackedSize } = packed();

  it('ships every export target, the types, the bin and the JSON Schemas', () => {
    const wanted = [...exportTargets(), pkg.types.replace(/^\.\//, ''), ...Object.values(pkg.bin as Record<string, string>), 'LICENSE', 'README.md'];
    expect(wanted).toContain('schemas/notice.schema.json');
    expect(wanted.filter((p) => !paths.includes(p))).toEqual([]);
  });

  it('ships no tests, fixtures, seeds or TypeScript sources, and stays small', () => {
    expect(paths.filter((p) => /^(test|seeds|bench|docs|scripts|out|node_modules)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    expect(unpackedSize).toBeLessThan(2_000_000); // about 0.65 MB now: the build and its declarations
  });

  it('better-sqlite3 is optional', () => {
    expect(pkg.dependencies['better-sqlite3']).toBeUndefined();
    expect(pkg.optionalDependencies['better-sqlite3']).toMatch(/^\^12\./);
  });

  it('the export map resolves by name and hides the internals', () => {
    // a package may import itself by name through its own export map
    const script = `
      const api = await import('policy-notices');
      const { NoticeRecord } = await import('policy-notices/schemas');
      const schema = (await import('policy-notices/schemas/diff.schema.json', { with: { type: 'json' } })).default;
      const hidden = await import('policy-notices/dist/src/cli/main.js').then(() => 'importable', (e) => e.code);
      console.log(JSON.stringify({ extractFiles: typeof api.extractFiles, parse: typeof NoticeRecord.parse, diffSchema: typeof schema.properties, hidden }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ extractFiles: 'function', parse: 'function', diffSchema: 'object', hidden: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });
});
