import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestMatches, type MatchOptions } from '../../../src/analysis/matches/index.js';
import { buildModel } from '../../../src/graph/model.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';

/*
 * suggestMatches scores only the buyers whose bound on their pairs' scores reaches the
 * `limit`-th best score found so far. These tests check that a limited call returns exactly the
 * head of the full ranking (where every pair is scored), with ties, across chains, regions and
 * options.
 */

/*
 * Ties, hand-checked. One turbine maker T (output 10, park P) and five blade makers B0..B4, all
 * output 5 in park P: every pair scores the same, demand 0.2·10 → 1, capacity 5/5 → 1, same site
 * → 1, no outside sourcing recorded (component unused): score (.4 + .2 + .2) / .8 = 1. A second
 * turbine maker U (output 1, outside the park) has the same five candidates with demand 0.2/2 =
 * 0.1 and no co-location: (.04 + .2 + 0) / .8 = 0.3. Ties are broken by demand, then dataset order
 * of the supplier.
 */
const tied: DatasetInput = {
  meta: { id: 'tied', name: '并列', region: 'city' },
  regions: [
    { id: 'city', name: '市', kind: 'city' },
    { id: 'zone', name: '开发区', kind: 'zone', parent: 'city' },
    { id: 'P', name: '园区', kind: 'park', parent: 'zone' },
  ],
  chains: [
    {
      id: 'wind',
      name: '风电',
      segments: [
        { id: 'blades', name: '叶片', stage: 'midstream' },
        { id: 'turbine', name: '整机', stage: 'downstream' },
      ],
      flows: [{ from: 'blades', to: 'turbine', coefficient: 0.2 }],
    },
  ],
  enterprises: [
    { id: 'U', name: '整机乙', region: 'city', segments: [{ chain: 'wind', segment: 'turbine' }], output: 1 },
    ...[0, 1, 2, 3, 4].map((i) => ({ id: `B${i}`, name: `叶片${i}`, region: 'P', segments: [{ chain: 'wind', segment: 'blades' }], output: 5 })),
    { id: 'T', name: '整机甲', region: 'P', segments: [{ chain: 'wind', segment: 'turbine' }], output: 10 },
  ],
  links: [],
};
const tiedModel = buildModel(deepFreeze(parseDataset(tied, { templates: [] })), { templates: [] });
const pairs = (r: ReturnType<typeof suggestMatches>) => r.matches.map((m) => `${m.supplier}→${m.buyer}`);

describe('suggestMatches with a limit', () => {
  it('breaks ties by dataset order of the supplier, and ties share a rank (hand-checked)', () => {
    const all = suggestMatches(tiedModel, { limit: Infinity });
    expect(all.candidates).toBe(10);
    expect(pairs(all)).toEqual([...[0, 1, 2, 3, 4].map((i) => `B${i}→T`), ...[0, 1, 2, 3, 4].map((i) => `B${i}→U`)]);
    expect(all.matches.map((m) => m.rank)).toEqual([1, 1, 1, 1, 1, 6, 6, 6, 6, 6]);
    expect(all.matches[0]!.score).toBeCloseTo(1, 12);
    expect(all.matches[5]!.score).toBeCloseTo(0.3, 12);
    expect(pairs(suggestMatches(tiedModel, { limit: 2 }))).toEqual(['B0→T', 'B1→T']);
    expect(pairs(suggestMatches(tiedModel, { limit: 7 }))).toEqual(['B0→T', 'B1→T', 'B2→T', 'B3→T', 'B4→T', 'B0→U', 'B1→U']);
    expect(suggestMatches(tiedModel, { limit: 7 }).matches).toEqual(all.matches.slice(0, 7));
  });

  it('rounds a fractional limit down', () => {
    expect(pairs(suggestMatches(tiedModel, { limit: 2.5 }))).toEqual(['B0→T', 'B1→T']);
    expect(suggestMatches(tiedModel, { limit: 0.5 }).matches).toEqual([]);
  });

  it('returns exactly the head of the full ranking, for any chain, region and options (random datasets)', () => {
    const options = fc.record({
      buyers: fc.constantFrom<'any' | 'local'>('any', 'local'),
      excludeLinked: fc.constantFrom<'any' | 'active'>('any', 'active'),
      weights: fc.option(
        fc.record({ demand: fc.constantFrom(0, 0.4, 1), outside: fc.constantFrom(0, 0.2), capacity: fc.constantFrom(0, 0.2, 1), colocation: fc.constantFrom(0, 0.2, 1) }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(datasetArbitrary({ maxEnterprises: 30, maxLinks: 30 }), options, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 8 }), (ds, o, regionPick, chainPick, k) => {
        const m = buildModel(deepFreeze(ds), { templates: [] });
        const region = ds.regions[regionPick % ds.regions.length]!.id;
        const chain = chainPick % (ds.chains.length + 1) === ds.chains.length ? undefined : ds.chains[chainPick % (ds.chains.length + 1)]!.id;
        const base: MatchOptions = { ...o, region, ...(chain === undefined ? {} : { chain }) };
        const all = suggestMatches(m, { ...base, limit: Infinity });
        const head = suggestMatches(m, { ...base, limit: k });
        expect(head.matches).toEqual(all.matches.slice(0, k));
        expect(head.candidates).toBe(all.candidates);
        expect(head.components).toEqual(all.components);
        expect(head.notes).toEqual(all.notes);
      }),
      { numRuns: 200 },
    );
  });
});
