/**
 * Sizes where spreading a list into a call's arguments (`Math.max(...xs)`, `push(...xs)`)
 * overflows the stack: a few hundred thousand items. No timing here (see bench/).
 */
import { describe, expect, it } from 'vitest';
import { scoreCluster } from '../src/analysis/cluster/index.js';
import { buildModel } from '../src/graph/model.js';
import { parseDataset, safeParseDataset } from '../src/model/parse.js';

const N = 300_000;

const base = {
  meta: { id: 'big', name: '大', region: 'zone' },
  regions: [{ id: 'zone', name: '开发区', kind: 'zone' }],
  chains: [{ id: 'c', name: '链', segments: [{ id: 's', name: '环节', stage: 'upstream' }] }],
};

describe('at hundreds of thousands of records', () => {
  it('reports every issue of a dataset whose links all name unknown firms', () => {
    const input = {
      ...base,
      enterprises: [{ id: 'e0', name: '企业', region: 'zone' }],
      links: Array.from({ length: N }, (_, k) => ({ from: 'e0', to: `ghost${k}`, extra: { n: k % 2 === 0 ? 'x' : {} } })),
    };
    const result = safeParseDataset(input, { templates: [], locale: 'en' });
    expect(result.success).toBe(false);
    if (result.success) return;
    // half the links are malformed too (an object in `extra`): the shape check fails, and every
    // link's references are checked record by record
    expect(result.issues.filter((i) => i.code !== 'unknown_enterprise' && i.path.startsWith('links['))).toHaveLength(N / 2);
    expect(result.issues.filter((i) => i.code === 'unknown_enterprise')).toHaveLength(N);
    expect(result.issues.at(-1)!.path).toBe(`links[${N - 1}].to`);
  });

  it('scores the concentration of a cluster of that many firms', () => {
    const dataset = parseDataset(
      {
        ...base,
        enterprises: Array.from({ length: N }, (_, i) => ({
          id: `e${i}`,
          name: `企业${i}`,
          region: 'zone',
          segments: [{ chain: 'c', segment: 's' }],
          output: i === 7 ? 1000 : 1,
        })),
      },
      { templates: [] },
    );
    const score = scoreCluster(buildModel(dataset, { templates: [] }), { chain: 'c', communityLimit: 0 });
    const concentration = score.components.find((c) => c.id === 'concentration')!;
    // largest firm 1000 of a total 1000 + (N − 1) × 1
    expect(concentration.raw.largestShare).toBeCloseTo(1000 / (1000 + N - 1), 12);
  });
});
