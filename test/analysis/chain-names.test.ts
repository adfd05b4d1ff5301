import { describe, expect, it } from 'vitest';
import { compareClusters } from '../../src/analysis/cluster/index.js';
import { singlePointsOfFailure } from '../../src/analysis/resilience/index.js';
import { seedModel } from '../support/seeds.js';

describe('analyses given a chain by its name report the chain id', () => {
  const model = seedModel('yuncheng');

  it('compareClusters: 新能源汽车产业链 is new-energy-vehicle, in the result and its reason', () => {
    const r = compareClusters(model, { chain: '新能源汽车产业链', regions: ['yuncheng-etdz'] });
    expect(r.chain).toBe('new-energy-vehicle');
    expect(r.reason.en).toMatch(/^新能源汽车产业链 \(new-energy-vehicle\) cluster scores: yuncheng-etdz /u);
    expect(r).toEqual(compareClusters(model, { chain: 'new-energy-vehicle', regions: ['yuncheng-etdz'] }));
  });

  it('singlePointsOfFailure: the chain filter given by name', () => {
    const byName = singlePointsOfFailure(model, { leader: 'dayun', chain: '新能源汽车产业链' });
    expect(byName.chain).toBe('new-energy-vehicle');
    expect(byName).toEqual(singlePointsOfFailure(model, { leader: 'dayun', chain: 'new-energy-vehicle' }));
  });
});
