import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/graph/model.js';
import { safeParseDataset } from '../../src/model/parse.js';
import type { Dataset } from '../../src/model/schema.js';
import { datasetArbitrary } from '../support/arbitraries.js';

describe('round trip', () => {
  it('JSON → model → JSON leaves a valid dataset unchanged', () => {
    fc.assert(
      fc.property(datasetArbitrary(), (dataset) => {
        const json = JSON.stringify(dataset);
        const parsed = safeParseDataset(JSON.parse(json), { templates: [] });
        if (!parsed.success) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
        const model = buildModel(parsed.data, { templates: [] });
        expect(JSON.parse(JSON.stringify(model.dataset))).toEqual(JSON.parse(json));
      }),
      { numRuns: 200 },
    );
  });
});

type Corruption = { name: string; apply: (d: any) => { code: string; path: string } | undefined };

/** Corruptions that must always be reported with this code and path. */
const corruptions: Corruption[] = [
  {
    name: 'dangling link target',
    apply: (d) => {
      if (d.links.length === 0) return undefined;
      d.links[0].to = 'ghost';
      return { code: 'unknown_enterprise', path: 'links[0].to' };
    },
  },
  {
    name: 'self link',
    apply: (d) => {
      const last = d.links.length - 1;
      if (last < 1) return undefined;
      d.links[last].to = d.links[last].from;
      return { code: 'self_link', path: `links[${last}].to` };
    },
  },
  {
    name: 'duplicate enterprise id',
    apply: (d) => {
      if (d.enterprises.length < 2) return undefined;
      d.enterprises[1].id = d.enterprises[0].id;
      return { code: 'duplicate_id', path: 'enterprises[1].id' };
    },
  },
  {
    name: 'negative output',
    apply: (d) => {
      if (d.enterprises.length === 0) return undefined;
      d.enterprises[0].output = -1;
      return { code: 'negative_amount', path: 'enterprises[0].output' };
    },
  },
  {
    name: 'non-finite link value',
    apply: (d) => {
      if (d.links.length === 0) return undefined;
      d.links[0].value = Number.NaN;
      return { code: 'non_finite_amount', path: 'links[0].value' };
    },
  },
  {
    name: 'unknown region of an enterprise',
    apply: (d) => {
      if (d.enterprises.length === 0) return undefined;
      d.enterprises[0].region = 'atlantis';
      return { code: 'unknown_region', path: 'enterprises[0].region' };
    },
  },
  {
    name: 'root region made its own ancestor',
    apply: (d) => {
      const last = d.regions.length - 1;
      d.regions[0].parent = d.regions[last].id;
      return { code: 'region_cycle', path: 'regions[0].parent' };
    },
  },
  {
    name: 'flow back to the first segment',
    apply: (d) => {
      const chain = d.chains[0];
      if (chain.segments.length < 2) return undefined;
      chain.flows.push({ from: chain.segments[1].id, to: chain.segments[0].id });
      chain.flows.push({ from: chain.segments[0].id, to: chain.segments[1].id });
      return { code: 'flow_cycle', path: 'chains[0].flows' };
    },
  },
  {
    name: 'production before start',
    apply: (d) => {
      if (d.projects.length === 0) return undefined;
      d.projects[0].productionYear = d.projects[0].startYear - 1;
      return { code: 'production_before_start', path: 'projects[0].productionYear' };
    },
  },
  {
    name: 'unknown field',
    apply: (d) => {
      d.meta.nmae = 'typo';
      return { code: 'unknown_field', path: 'meta' };
    },
  },
  {
    name: 'enterprise segment of another chain',
    apply: (d) => {
      if (d.enterprises.length === 0) return undefined;
      d.enterprises[0].segments = [{ chain: d.chains[0].id, segment: 'no-such-segment' }];
      return { code: 'unknown_segment', path: 'enterprises[0].segments[0].segment' };
    },
  },
];

describe('corruptions', () => {
  it('are always reported with their code and path, never thrown', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.subarray(corruptions, { minLength: 1 }), (dataset: Dataset, picked) => {
        const input = structuredClone(dataset) as any;
        const expected = picked.map((c) => c.apply(input)).filter((x) => x !== undefined);
        let result: ReturnType<typeof safeParseDataset> | undefined;
        expect(() => (result = safeParseDataset(input, { templates: [] }))).not.toThrow();
        if (expected.length === 0) return;
        expect(result!.success).toBe(false);
        const found = result!.success ? [] : result!.issues.map((i) => ({ code: i.code, path: i.path }));
        for (const issue of expected) expect(found).toContainEqual(issue);
      }),
      { numRuns: 300 },
    );
  });

  it('never throw on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = safeParseDataset(value);
        expect(result.success).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
