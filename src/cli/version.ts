/**
 * The package's version, read at run time from the package.json above the running file, so
 * that the built `dist/cli.js` and the sources run with tsx report the same version.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'industrial-chain';

/**
 * Finds the version in the nearest package.json named `industrial-chain` above `from`
 * (default: this module's folder). Returns `undefined` when there is none.
 */
export function readVersion(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = from;
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no (readable) package.json here: keep climbing
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
