import { describe, expect, it } from 'vitest';
import { safeParseDataset } from '../src/model/parse.js';
import { ChainTemplate } from '../src/model/schema.js';
import { STAGES } from '../src/model/vocabulary.js';
import { chainTemplates, getChainTemplate } from '../src/templates/index.js';

const byTemplate = chainTemplates.map((t) => [t.id, t] as const);

function datasetUsing(template: string) {
  return { meta: { id: 't', name: 't' }, regions: [], chains: [{ id: 'c', name: 'c', template }] };
}

/** Segment ids reachable from `start` along flows (excluding `start` itself). */
function reachable(t: ChainTemplate, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const f of t.flows) {
      if (f.from === at && !seen.has(f.to)) {
        seen.add(f.to);
        stack.push(f.to);
      }
    }
  }
  return seen;
}

/** Sum of input coefficients per receiving segment. */
function inflows(t: ChainTemplate): Map<string, number> {
  const sums = new Map<string, number>();
  for (const f of t.flows) if (f.coefficient !== undefined) sums.set(f.to, (sums.get(f.to) ?? 0) + f.coefficient);
  return sums;
}

describe('chainTemplates', () => {
  it('has the fourteen templates in a fixed order with unique ids', () => {
    expect(chainTemplates.map((t) => t.id)).toEqual([
      'wind-power',
      'photovoltaic',
      'solar-thermal',
      'energy-storage',
      'hydrogen',
      'smart-grid',
      'petrochemical',
      'coal-chemical',
      'fine-chemical',
      'new-energy-vehicle',
      'copper-materials',
      'green-building-materials',
      'intelligent-equipment',
      'coal-mining-machinery',
    ]);
    expect(new Set(chainTemplates.map((t) => t.id)).size).toBe(chainTemplates.length);
  });

  it.each(byTemplate)('%s parses with ChainTemplate.parse without change', (_, t) => {
    expect(ChainTemplate.parse(t)).toStrictEqual(t);
  });

  it.each(byTemplate)('%s is valid as the template of a dataset chain', (id) => {
    const result = safeParseDataset(datasetUsing(id), { locale: 'en' });
    expect(result.success ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([]);
    expect(result.success && result.warnings).toEqual([]);
  });

  it('the dataset check used above rejects a template with a cycle or unproductive coefficients', () => {
    const wind = getChainTemplate('wind-power')!;
    const cyclic = { ...wind, flows: [...wind.flows, { from: 'operation-maintenance', to: 'steel' }] };
    const unproductive = {
      ...wind,
      flows: [...wind.flows, { from: 'steel', to: 'turbine-assembly', coefficient: 0.4 }],
    };
    const codes = (t: ChainTemplate) => {
      const r = safeParseDataset(datasetUsing('wind-power'), { templates: [t] });
      return r.success ? [] : r.issues.map((i) => i.code);
    };
    expect(codes(cyclic)).toEqual(['flow_cycle']);
    expect(codes(unproductive)).toEqual(['coefficients_not_productive']);
  });

  it.each(byTemplate)('%s has 8–20 segments with kebab-case ids, Chinese names and every stage', (_, t) => {
    expect(t.segments.length).toBeGreaterThanOrEqual(8);
    expect(t.segments.length).toBeLessThanOrEqual(20);
    for (const s of t.segments) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      expect(s.name).toMatch(/\p{Script=Han}/u);
      expect(s.products?.length ?? 0).toBeGreaterThan(0);
    }
    expect(new Set(t.segments.map((s) => s.id)).size).toBe(t.segments.length);
    for (const stage of STAGES) expect(t.segments.some((s) => s.stage === stage)).toBe(true);
  });

  it.each(byTemplate)('%s has no alias shared by two segments or repeating a name', (_, t) => {
    const owner = new Map<string, string>();
    for (const s of t.segments) {
      for (const label of [s.name, ...(s.aliases ?? [])]) {
        const first = owner.get(label);
        expect(first === undefined || first === s.id, `"${label}" on ${first} and ${s.id}`).toBe(true);
        owner.set(label, s.id);
      }
      expect(s.aliases ?? []).not.toContain(s.name);
      expect(new Set(s.aliases).size).toBe(s.aliases?.length ?? 0);
    }
  });

  it.each(byTemplate)('%s connects every segment and leads every segment to a downstream one', (_, t) => {
    const ids = new Set(t.segments.map((s) => s.id));
    const stageOf = new Map(t.segments.map((s) => [s.id, STAGES.indexOf(s.stage)]));
    const pairs = new Set<string>();
    for (const f of t.flows) {
      expect(ids.has(f.from) && ids.has(f.to), `${f.from} → ${f.to}`).toBe(true);
      expect(stageOf.get(f.to)!, `${f.from} → ${f.to} goes against the stage order`).toBeGreaterThanOrEqual(
        stageOf.get(f.from)!,
      );
      pairs.add(`${f.from}→${f.to}`);
    }
    expect(pairs.size, 'duplicate flows').toBe(t.flows.length);
    for (const s of t.segments) {
      expect(t.flows.some((f) => f.from === s.id || f.to === s.id), `${s.id} is in no flow`).toBe(true);
      if (s.stage === 'downstream') continue;
      const ahead = [...reachable(t, s.id)];
      expect(
        ahead.some((id) => t.segments.find((x) => x.id === id)!.stage === 'downstream'),
        `${s.id} leads to no downstream segment`,
      ).toBe(true);
    }
  });

  it.each(byTemplate)('%s keeps input coefficients productive and marks them as estimates', (_, t) => {
    for (const [segment, sum] of inflows(t)) expect(sum, segment).toBeLessThan(1);
    for (const f of t.flows) {
      if (f.coefficient === undefined) continue;
      expect(f.coefficient).toBeGreaterThan(0);
      expect(f.basis).toBe('estimated');
      expect(f.note?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it.each(byTemplate)('%s states its provenance', (_, t) => {
    expect(t.basis).toBe('inferred');
    expect(t.note?.length ?? 0).toBeGreaterThan(100);
    expect(t.sources).toBeUndefined();
  });

  it.each(byTemplate)('%s keeps value shares within one and marks them as estimates', (_, t) => {
    const shares = t.segments.filter((s) => s.valueShare !== undefined);
    const total = shares.reduce((sum, s) => sum + s.valueShare!, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
    for (const s of shares) expect(s.fieldBasis).toEqual({ valueShare: 'estimated' });
  });

  // The notes say value shares are the value added implied by the coefficients, with one final
  // product: check that claim, so that coefficients and shares cannot drift apart.
  it.each(byTemplate.filter(([, t]) => t.segments.some((s) => s.valueShare !== undefined)))(
    '%s value shares match the value added implied by its coefficients',
    (_, t) => {
      const ids = t.segments.map((s) => s.id);
      const coefficientFlowsFrom = (id: string) => t.flows.filter((f) => f.from === id && f.coefficient !== undefined);
      const finals = t.segments.filter((s) => s.valueShare !== undefined && coefficientFlowsFrom(s.id).length === 0);
      expect(finals).toHaveLength(1);
      // x = y + A x over a DAG: iterate until stable
      let x = new Map(ids.map((id) => [id, id === finals[0]!.id ? 1 : 0]));
      for (let k = 0; k <= ids.length; k++) {
        x = new Map(
          ids.map((id) => [
            id,
            (id === finals[0]!.id ? 1 : 0) + coefficientFlowsFrom(id).reduce((sum, f) => sum + f.coefficient! * x.get(f.to)!, 0),
          ]),
        );
      }
      const inputs = inflows(t);
      for (const s of t.segments) {
        const valueAdded = x.get(s.id)! * (1 - (inputs.get(s.id) ?? 0));
        if (valueAdded === 0) expect(s.valueShare, s.id).toBeUndefined();
        else expect(Math.abs(s.valueShare! - valueAdded), s.id).toBeLessThanOrEqual(0.025);
      }
    },
  );
});

describe('getChainTemplate', () => {
  it('finds the wind template, whose blades (叶片) feed turbine assembly', () => {
    const wind = getChainTemplate('wind-power');
    expect(wind).toBe(chainTemplates[0]);
    const blades = wind!.segments.find((s) => s.aliases?.includes('叶片'));
    expect(blades?.id).toBe('blades');
    const assembly = wind!.segments.find((s) => s.aliases?.includes('整机'));
    expect(assembly?.id).toBe('turbine-assembly');
    expect(wind!.flows).toContainEqual(expect.objectContaining({ from: 'blades', to: 'turbine-assembly' }));
  });

  it('returns undefined for an unknown id', () => {
    expect(getChainTemplate('no-such-chain')).toBeUndefined();
    expect(getChainTemplate('')).toBeUndefined();
  });

  it('fixes the segment ids of wind-power', () => {
    expect(getChainTemplate('wind-power')!.segments.map((s) => s.id)).toEqual([
      'steel',
      'glass-fibre',
      'resin-core',
      'permanent-magnets',
      'castings-forgings',
      'main-shaft',
      'bearings',
      'blades',
      'gearbox',
      'generator',
      'converter',
      'pitch-yaw',
      'fasteners',
      'cables',
      'tower',
      'foundation-piles',
      'turbine-assembly',
      'wind-farm',
      'operation-maintenance',
    ]);
  });

  it('fixes the segment ids of energy-storage', () => {
    expect(getChainTemplate('energy-storage')!.segments.map((s) => s.id)).toEqual([
      'lithium-resources',
      'cathode',
      'anode',
      'electrolyte',
      'separator',
      'current-collectors',
      'vanadium-materials',
      'cells',
      'pack',
      'bms',
      'pcs',
      'ems',
      'thermal-management',
      'system-integration',
      'flow-batteries',
      'compressed-air',
      'storage-station',
      'operation-maintenance',
    ]);
  });
});
