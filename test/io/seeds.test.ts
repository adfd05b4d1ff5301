import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeed, SEED_NAMES, seedPath } from '../../src/io/seeds.js';
import { parseDataset } from '../../src/model/parse.js';

describe('loadSeed', () => {
  it('loads every seed as the parser reads its file', async () => {
    for (const name of SEED_NAMES) {
      const expected = parseDataset(JSON.parse(readFileSync(new URL(`../../seeds/${name}.json`, import.meta.url), 'utf8')));
      expect(await loadSeed(name)).toEqual(expected);
    }
  });

  it('finds the seeds folder of the repository and names each file', () => {
    expect(seedPath('jiuquan').replaceAll('\\', '/')).toMatch(/\/seeds\/jiuquan\.json$/u);
  });

  it('refuses an unknown seed, listing the valid ones', () => {
    expect(() => seedPath('beijing' as never)).toThrow(/unknown seed "beijing"; the seeds: jiuquan, linfen, wuwei, yuncheng/u);
  });
});
