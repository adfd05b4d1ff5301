/**
 * Vitest global setup: the end-to-end tests run the built executable (`dist/cli.js`), so this
 * builds it first when it is missing or older than any source file — with the CLI entry of
 * tsup.config.ts, so what the tests run is what `npm run build` ships. A fresh clone's
 * `npm install` already builds (the `prepare` script); then this costs one directory walk.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import configs from '../../tsup.config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

export default async function setup(): Promise<void> {
  const cli = join(root, 'dist', 'cli.js');
  const sources = Math.max(newestSource(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (builtAt(cli) >= sources) return;
  const list = (Array.isArray(configs) ? configs : [configs]) as Options[];
  const config = list.find((c) => typeof c.entry === 'object' && !Array.isArray(c.entry) && 'cli' in c.entry);
  if (config === undefined) throw new Error('tsup.config.ts has no `cli` entry');
  await build({ ...config, silent: true });
}
