import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCluster } from '../../src/analysis/cluster/index.js';
import { findGaps } from '../../src/analysis/gaps/index.js';
import { estimateOutput } from '../../src/analysis/output/index.js';
import { assessResilience } from '../../src/analysis/resilience/index.js';
import { compareScenarios, withChanges } from '../../src/analysis/scenarios/index.js';
import { buildModel } from '../../src/graph/model.js';
import { ChainError, DatasetError } from '../../src/model/issues.js';
import { parseDataset } from '../../src/model/parse.js';
import type { ChainTemplate, DatasetInput } from '../../src/model/schema.js';
import { datasetArbitrary } from '../support/arbitraries.js';
import { deepFreeze } from '../support/freeze.js';
import { seedModel } from '../support/seeds.js';


/*
 * A chain from a custom template (not built in): steel → blade → turbine. Zone z: the turbine
 * maker T (链主, output 40) buys blades from the outside firm O; the local blade maker is
 * missing. Scenario: recruit a blade maker N into z, supplying T.
 */
const template: ChainTemplate = {
  id: 'mini-wind',
  name: '小风电',
  segments: [
    { id: 'steel', name: '钢材', stage: 'upstream' },
    { id: 'blade', name: '叶片', stage: 'midstream' },
    { id: 'turbine', name: '整机', stage: 'downstream' },
  ],
  flows: [
    { from: 'steel', to: 'blade', coefficient: 0.3 },
    { from: 'blade', to: 'turbine', coefficient: 0.2 },
  ],
};
const input: DatasetInput = {
  meta: { id: 'scenario', name: '招商模拟', region: 'z' },
  regions: [
    { id: 'cn', name: '中国', kind: 'country' },
    { id: 'z', name: '开发区', kind: 'zone', parent: 'cn' },
    { id: 'x', name: '外省', kind: 'province', parent: 'cn' },
  ],
  chains: [{ id: 'wind', name: '风电', template: 'mini-wind' }],
  enterprises: [
    { id: 'T', name: '整机厂', region: 'z', segments: [{ chain: 'wind', segment: 'turbine' }], chainRoles: [{ chain: 'wind', role: 'leader' }], output: 40, outputYear: 2023 },
    { id: 'S', name: '钢厂', region: 'z', segments: [{ chain: 'wind', segment: 'steel' }], output: 10, outputYear: 2023 },
    { id: 'O', name: '外地叶片', region: 'x', segments: [{ chain: 'wind', segment: 'blade' }], parent: 'T' },
  ],
  links: [{ id: 'o-t', from: 'O', to: 'T', segment: { chain: 'wind', segment: 'blade' }, value: 8 }],
  projects: [{ id: 'p-o', name: '外地叶片扩产', enterprise: 'O', region: 'x', status: 'signed' }],
  targets: [{ id: 't', scope: { region: 'z', chain: 'wind' }, metric: 'output', value: 80, year: 2025 }],
};
const dataset = deepFreeze(parseDataset(input, { templates: [template] }));
const model = buildModel(dataset, { templates: [template] });
const snapshot = JSON.stringify(dataset);

const recruit = {
  addEnterprises: [
    { id: 'N', name: '新叶片厂', region: 'z', segments: [{ chain: 'wind', segment: 'blade' }], status: '在产', output: 6, outputYear: 2023 },
  ],
  addLinks: [
    { from: 'N', to: 'T', segment: { chain: 'wind', segment: 'blade' }, value: 6, status: '在供' },
    { from: 'S', to: 'N', segment: { chain: 'wind', segment: 'steel' }, value: 2 },
  ],
};

describe('withChanges', () => {
  it('returns a new model with the additions, parsed (Chinese terms) and indexed; the original is untouched', () => {
    const after = withChanges(model, recruit);
    expect(after).not.toBe(model);
    expect(after.dataset.enterprises.map((e) => e.id)).toEqual(['T', 'S', 'O', 'N']);
    expect(after.dataset.enterprises[3]!.status).toBe('operating');
    expect(after.dataset.links[1]!.status).toBe('active');
    expect(after.index.links.from.length).toBe(3);
    // the custom template is still resolved
    expect(after.index.segments.keys).toEqual(['wind/steel', 'wind/blade', 'wind/turbine']);
    expect(after.index.flows.from.length).toBe(2);
    expect(JSON.stringify(model.dataset)).toBe(snapshot);
    expect(model.index.enterprises.ids).toEqual(['T', 'S', 'O']);
  });

  it('removes an enterprise with its links and projects, and clears references to it', () => {
    const after = withChanges(model, { removeEnterprises: ['T'] });
    expect(after.dataset.enterprises.map((e) => e.id)).toEqual(['S', 'O']);
    expect(after.dataset.enterprises[1]!.parent).toBeUndefined();
    expect(after.dataset.links).toEqual([]);
    const gone = withChanges(model, { removeEnterprises: ['O'] });
    expect(gone.dataset.projects).toEqual([]);
    expect(JSON.stringify(model.dataset)).toBe(snapshot);
  });

  it('removes links by id or by supplier and buyer, and projects by id', () => {
    expect(withChanges(model, { removeLinks: ['o-t'] }).dataset.links).toEqual([]);
    expect(withChanges(model, { removeLinks: [{ from: 'O', to: 'T', segment: { chain: 'wind', segment: 'blade' } }] }).dataset.links).toEqual([]);
    expect(withChanges(model, { removeProjects: ['p-o'] }).dataset.projects).toEqual([]);
  });

  it('changes nothing when nothing is asked', () => {
    expect(withChanges(model, {}).dataset).toEqual(model.dataset);
  });

  it('validates the changed dataset and reports every issue', () => {
    let error: unknown;
    try {
      withChanges(model, { addLinks: [{ from: 'ghost', to: 'T' }], addEnterprises: [{ id: 'S', name: '重复', region: 'z' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate_id', 'enterprises[3].id'],
      ['unknown_enterprise', 'links[1].from'],
    ]);
  });

  it('throws ChainErrors for ids that are not there to remove', () => {
    expect(() => withChanges(model, { removeEnterprises: ['nobody'] })).toThrow(ChainError);
    expect(() => withChanges(model, { removeProjects: ['nope'] })).toThrow(ChainError);
    expect(() => withChanges(model, { removeLinks: [{ from: 'S', to: 'T' }] })).toThrow(ChainError);
  });

  it('round-trips any valid dataset unchanged, and never mutates it (random datasets)', () => {
    fc.assert(
      fc.property(datasetArbitrary(), (ds) => {
        const frozen = deepFreeze(ds);
        const m = buildModel(frozen, { templates: [] });
        const same = withChanges(m, {});
        expect(same.dataset).toEqual(frozen);
        if (ds.enterprises.length > 0) {
          const id = ds.enterprises[0]!.id;
          const less = withChanges(m, { removeEnterprises: [id] });
          expect(less.dataset.links.every((l) => l.from !== id && l.to !== id)).toBe(true);
          expect(less.dataset.enterprises).toHaveLength(ds.enterprises.length - 1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('compareScenarios', () => {
  const after = withChanges(model, recruit);
  const diff = compareScenarios(model, after, { chain: 'wind', runs: 400, seed: 11 });

  it('lists what changed in the data', () => {
    expect(diff.scope).toEqual({ region: 'z', chain: 'wind' });
    expect(diff.changes).toEqual({
      enterprises: { added: ['N'], removed: [] },
      links: { added: ['N→T (wind/blade)', 'S→N (wind/steel)'], removed: [] },
      projects: { added: [], removed: [] },
    });
  });

  it('shows the blade gap filled: one segment less missing, its finding resolved', () => {
    // before: steel and turbine present, blade missing (T buys blades from outside)
    expect(diff.gaps.counts.present).toEqual({ before: 2, after: 3, delta: 1 });
    expect(diff.gaps.counts.missing).toEqual({ before: 1, after: 0, delta: -1 });
    expect(diff.gaps.resolved).toContainEqual(expect.objectContaining({ code: 'missing_segment', segment: 'blade', severityAfter: null }));
    expect(diff.gaps.added.every((g) => g.severityBefore === null)).toBe(true);
  });

  it('reports the same numbers as running each analysis on each model', () => {
    const before = { chain: 'wind', region: 'z' };
    expect(diff.gaps.counts.findings).toEqual({
      before: findGaps(model, before).summary.findings,
      after: findGaps(after, before).summary.findings,
      delta: findGaps(after, before).summary.findings - findGaps(model, before).summary.findings,
    });
    const cb = scoreCluster(model, { ...before, seed: 11 }).total;
    const ca = scoreCluster(after, { ...before, seed: 11 }).total;
    expect(diff.cluster.total).toEqual({ before: cb, after: ca, delta: cb !== null && ca !== null ? ca - cb : null });
    // the target year 2025 is the default year; the same seed on both sides
    expect(diff.output.years).toEqual([2025]);
    const ob = estimateOutput(model, { ...before, years: [2025], runs: 400, seed: 11 }).byYear[0]!;
    expect(diff.output.byYear[0]!.before.expected).toBe(ob.expected);
    expect(diff.output.byYear[0]!.delta.expected).toBeCloseTo(diff.output.byYear[0]!.after.expected - ob.expected, 12);
  });

  it('shows local supply replacing a single outside source in the resilience summary', () => {
    // before: T's one input segment (blade) single-sourced from O → 1 of 1;
    // after: T blade {O, N}, N steel {S} → 1 of 2 single-sourced
    expect(diff.resilience.singleSourceShare).toEqual({ before: 1, after: 0.5, delta: -0.5 });
    // the leader's single points of failure: before O (its only blade source); after, blades
    // come from O or N, but N alone brings steel from S → N and S are critical for steel
    expect(diff.resilience.leaderPointsOfFailure).toEqual({ before: 1, after: 2, delta: 1 });
    expect(diff.resilience.singleSourceShare.after).toBe(assessResilience(after, { chain: 'wind', region: 'z' }).singleSourceShare);
    expect(diff.reason.zh).toContain('缺失环节 1 → 0');
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });

  it('shows no difference between a model and itself', () => {
    const same = compareScenarios(model, withChanges(model, {}), { chain: 'wind', runs: 200 });
    expect(Object.values(same.gaps.counts).every((c) => c.delta === 0)).toBe(true);
    expect([...same.gaps.added, ...same.gaps.resolved, ...same.gaps.changed]).toEqual([]);
    expect(same.cluster.total.delta ?? 0).toBe(0);
    expect(same.output.byYear.every((y) => y.delta.expected === 0 && y.delta.p90 === 0)).toBe(true);
  });

  it('says so when it has no year to estimate output for', () => {
    const bare = buildModel(parseDataset({ ...input, targets: [], enterprises: input.enterprises!.map(({ outputYear: _y, ...e }) => e) }, { templates: [template] }), {
      templates: [template],
    });
    const r = compareScenarios(bare, bare, { chain: 'wind' });
    expect(r.output).toMatchObject({ available: false, years: [], byYear: [] });
  });

  it('requires a chain', () => {
    expect(() => compareScenarios(model, after, { chain: undefined as unknown as string })).toThrow(ChainError);
  });
});

// golden: what if 九鼎叶片 had not been brokered into 云风智慧 (酒泉, doc-003)?
const jiuquan = seedModel('jiuquan');

describe('scenarios on the 酒泉 seed', () => {
  it('removing the 九鼎 → 云风 deal removes the only local supply link of the wind chain', () => {
    const without = withChanges(jiuquan, { removeLinks: ['jiuding-yunfeng'] });
    const r = compareScenarios(jiuquan, without, { chain: 'wind-power', runs: 200 });
    expect(r.changes.links.removed).toEqual(['jiuding-yunfeng']);
    expect(r.resilience.singleSourceInputs).toEqual({ before: 1, after: 0, delta: -1 });
    expect(r.gaps.counts.missing.delta).toBe(0);
  });
});
