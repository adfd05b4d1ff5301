/** Loading the seed datasets of seeds/ in tests, through the public parser. */
import { readFileSync } from 'node:fs';
import { buildModel, type ChainModel } from '../../src/graph/model.js';
import { parseDataset } from '../../src/model/parse.js';
import type { Dataset } from '../../src/model/schema.js';
import { deepFreeze } from './freeze.js';

/** A seed dataset (`jiuquan`, `yuncheng`, `linfen`, `wuwei`), parsed and deep-frozen. */
export function seedDataset(name: string): Dataset {
  const text = readFileSync(new URL(`../../seeds/${name}.json`, import.meta.url), 'utf8');
  return deepFreeze(parseDataset(JSON.parse(text)));
}

/** The model of a seed dataset (deep-frozen, so tests also check that nothing mutates it). */
export function seedModel(name: string): ChainModel {
  return buildModel(seedDataset(name));
}
