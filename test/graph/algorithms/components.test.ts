import { describe, expect, it } from 'vitest';
import { weaklyConnectedComponents } from '../../../src/graph/algorithms/components.js';
import { simpleGraph } from '../../../src/graph/algorithms/simple-graph.js';
import { KARATE_EDGES, KARATE_ORDER } from '../../fixtures/karate.js';

const karate = simpleGraph(
  KARATE_ORDER,
  KARATE_EDGES.map((e) => e[0]),
  KARATE_EDGES.map((e) => e[1]),
);

describe('karate club reference values (NetworkX)', () => {
  it('is one connected component', () => {
    const c = weaklyConnectedComponents(karate);
    expect(c.count).toBe(1);
    expect(c.sizes).toEqual([34]);
  });
});

describe('small graphs by hand', () => {
  // a triangle 0-1-2 with a pendant 3 on 0: d = [3, 2, 2, 1], one triangle
  const g = simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3]);

  it('components are numbered by smallest node, with the largest marked', () => {
    const c = weaklyConnectedComponents(simpleGraph(6, [1, 3, 4], [3, 4, 5]));
    expect([...c.membership]).toEqual([0, 1, 2, 1, 1, 1]);
    expect(c.sizes).toEqual([1, 4, 1]);
    expect(c.largest).toBe(1);
  });
});
