/**
 * The seed datasets — the chains of the library's first users, built from five official texts
 * (seeds/README.md) — shipped inside the package, so that examples and notebooks run anywhere.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChainError } from '../model/issues.js';
import type { Dataset } from '../model/schema.js';
import { loadDataset } from './load.js';

/** Names of the seed datasets: 酒泉, 临汾, 武威, 运城. */
export const SEED_NAMES = ['jiuquan', 'linfen', 'wuwei', 'yuncheng'] as const;

/** A seed dataset's name. */
export type SeedName = (typeof SEED_NAMES)[number];

/** The folder that holds the seeds: `seeds/` of the package, found upwards from this module. */
function seedFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'seeds');
    if (existsSync(join(candidate, `${SEED_NAMES[0]}.json`))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new ChainError('invalid_argument', 'the seeds/ folder of the package is missing', {});
    dir = parent;
  }
}

/**
 * The path of a seed dataset's JSON file inside the installed package.
 *
 * @example
 * seedPath('jiuquan'); // → '/…/node_modules/industrial-chain/seeds/jiuquan.json'
 */
export function seedPath(name: SeedName): string {
  if (!(SEED_NAMES as readonly string[]).includes(name))
    throw new ChainError('invalid_argument', `unknown seed "${String(name)}"; the seeds: ${SEED_NAMES.join(', ')}`, { valid: [...SEED_NAMES] });
  return join(seedFolder(), `${name}.json`);
}

/**
 * Loads a seed dataset shipped with the package (validated, like {@link loadDataset}).
 *
 * @example
 * const model = buildModel(await loadSeed('jiuquan'));
 * findGaps(model, { chain: 'wind-power' }).summary;
 */
export async function loadSeed(name: SeedName): Promise<Dataset> {
  return loadDataset(seedPath(name));
}
