import { describe, expect, it } from 'vitest';
import { safeParseDataset } from '../src/model/parse.js';
import { ChainTemplate } from '../src/model/schema.js';
import { SEGMENT_KINDS, STAGES } from '../src/model/vocabulary.js';
import { isIndustryClass, segmentsForIndustryCode } from '../src/templates/industry-codes/index.js';
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
  it('has the eighteen templates in a fixed order with unique ids', () => {
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
      'agri-food',
      'wood-furniture',
      'biopharma',
      'logistics',
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

  it.each(byTemplate)('%s has 8–24 segments with kebab-case ids, Chinese names and every stage', (_, t) => {
    expect(t.segments.length).toBeGreaterThanOrEqual(8);
    expect(t.segments.length).toBeLessThanOrEqual(24);
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

  // The notes say value shares are the value added implied by the coefficients for a stated
  // final-demand mix (rounded to 0.01, floor 0.01): check that claim against the mix each note
  // states, so that coefficients, shares and notes cannot drift apart.
  it.each(byTemplate)('%s value shares match the value added implied by its coefficients', (id, t) => {
    const y = FINAL_DEMAND[id]!;
    expect(Object.keys(y).every((s) => t.segments.some((x) => x.id === s))).toBe(true);
    const ids = t.segments.map((s) => s.id);
    const coefficientFlowsFrom = (from: string) => t.flows.filter((f) => f.from === from && f.coefficient !== undefined);
    // x = y + A x over a DAG: iterate until stable
    let x = new Map(ids.map((s) => [s, y[s] ?? 0]));
    for (let k = 0; k <= ids.length; k++) {
      x = new Map(ids.map((s) => [s, (y[s] ?? 0) + coefficientFlowsFrom(s).reduce((sum, f) => sum + f.coefficient! * x.get(f.to)!, 0)]));
    }
    const inputs = inflows(t);
    const valueAdded = new Map(ids.map((s) => [s, x.get(s)! * (1 - (inputs.get(s) ?? 0))]));
    const total = [...valueAdded.values()].reduce((a, b) => a + b, 0);
    for (const s of t.segments) {
      const expected = Math.max(0.01, valueAdded.get(s.id)! / total);
      // rounding to 0.01 and the adjustment that makes the shares sum to 1
      expect(Math.abs(s.valueShare! - expected), s.id).toBeLessThanOrEqual(0.016);
    }
  });

  it.each(byTemplate)('%s gives every segment a value share, the shares summing to 1', (_, t) => {
    for (const s of t.segments) expect(s.valueShare, s.id).toBeGreaterThan(0);
    const total = t.segments.reduce((sum, s) => sum + (s.valueShare ?? 0), 0);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(0.005);
  });

  it.each(byTemplate)('%s gives every segment a kind and GB/T 4754-2017 classes of the table', (_, t) => {
    for (const s of t.segments) {
      expect(SEGMENT_KINDS, s.id).toContain(s.kind);
      expect(s.industryCodes?.length ?? 0, s.id).toBeGreaterThan(0);
      for (const code of s.industryCodes ?? []) expect(isIndustryClass(code), `${s.id}: ${code}`).toBe(true);
      expect(new Set(s.industryCodes).size, s.id).toBe(s.industryCodes?.length);
    }
  });

  it.each(byTemplate)('%s names its strategic emerging categories and the sources of its policy flags', (_, t) => {
    for (const s of t.segments) {
      if (s.emergingCategory) expect(EMERGING_TOP_LEVEL[s.emergingCategory.code], s.id).toBe(s.emergingCategory.name);
      for (const flag of s.policy ?? []) {
        expect(flag.source, s.id).toMatch(/《.+》/u);
        expect(flag.note?.length ?? 0, s.id).toBeGreaterThan(0);
      }
    }
  });
});

/** 战略性新兴产业分类(2018): the nine top-level categories (领域). */
const EMERGING_TOP_LEVEL: Record<string, string> = {
  '1': '新一代信息技术产业',
  '2': '高端装备制造产业',
  '3': '新材料产业',
  '4': '生物产业',
  '5': '新能源汽车产业',
  '6': '新能源产业',
  '7': '节能环保产业',
  '8': '数字创意产业',
  '9': '相关服务业',
};

/** The final-demand mix each template's note states its value shares on. */
const FINAL_DEMAND: Record<string, Record<string, number>> = {
  'biopharma': { 'formulations': 1, 'patent-medicines': 1, 'biologics': 1, 'medical-devices': 1, 'veterinary-drugs': 0.2, 'decoction-pieces': 0.2, 'distribution': 0.3, 'pharma-equipment': 0.1 },
  'logistics': { 'express-delivery': 1, 'supply-chain-management': 1, 'trade': 1, 'road-freight': 1, 'rail-freight': 0.3, 'forwarding-multimodal': 0.3, 'cold-chain': 0.3, 'transport-vehicles': 0.3, 'warehousing': 0.2, 'logistics-equipment': 0.2 },
  'agri-food': { 'meat-products': 1, 'dairy': 1, 'beer': 1, 'wine-spirits': 1, 'processed-foods': 1, 'fruit-vegetable-products': 1, 'cold-chain-distribution': 0.2 },
  'wood-furniture': { 'furniture': 1, 'custom-furnishing': 0.5, 'wood-products': 0.3, 'furniture-retail': 0.2 },
  'wind-power': { 'wind-farm': 1, 'operation-maintenance': 0.1 },
  'photovoltaic': { 'pv-plant': 1, 'operation-maintenance': 0.05 },
  'solar-thermal': { 'csp-plant': 1, 'operation-maintenance': 0.05 },
  'energy-storage': { 'storage-station': 1, 'operation-maintenance': 0.05 },
  'hydrogen': { 'green-ammonia-methanol': 1, 'industrial-hydrogen': 1, 'fuel-cell-vehicles': 1, 'refuelling-stations': 1, 'alkaline-electrolysers': 0.4, 'pem-electrolysers': 0.1, 'electrolysis-bop': 0.2 },
  'smart-grid': { 'transmission-substation': 1, 'distribution-grid': 1, 'grid-operation': 1, 'dispatch-software': 0.1 },
  'petrochemical': { 'fuel-distribution': 1, 'plastics-processing': 1, 'rubber-products': 1, 'fibre-textiles': 1 },
  'coal-chemical': { 'coking': 1, 'coal-to-olefins': 1, 'coal-to-liquids': 1, 'coal-to-gas': 1, 'coal-to-glycol': 1, 'carbide-pvc': 1, 'methanol-derivatives': 1, 'fertilisers': 1, 'coal-based-new-materials': 1 },
  'fine-chemical': { 'fluorosilicon-materials': 1, 'electronic-chemicals': 1, 'battery-chemicals': 1, 'pharma-intermediates': 1, 'agrochemicals': 1, 'additives': 1, 'dyes-pigments': 1, 'coatings': 1 },
  'new-energy-vehicle': { 'sales-services': 1, 'charging-swapping': 0.05, 'battery-recycling': 0.02 },
  'copper-materials': { 'magnet-wire': 1, 'cables': 1, 'special-cables': 1, 'copper-foil': 1, 'copper-strip': 1, 'copper-clad-laminate': 1, 'tubes-bars': 1 },
  'green-building-materials': { 'green-construction': 1, 'energy-retrofit': 1 },
  'intelligent-equipment': { 'equipment-integration': 1, 'industrial-robots': 0.5, 'cnc-machine-tools': 0.5, 'auto-parts': 0.5, 'maintenance-services': 0.2 },
  'coal-mining-machinery': { 'complete-systems': 1, 'auxiliary-transport': 0.15, 'hoisting-ventilation': 0.15, 'coal-preparation': 0.1, 'picks-bolts': 0.1, 'mining-cables': 0.05, 'after-sales-remanufacturing': 0.15 },
};

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

  it('keeps the segment ids other modules refer to, with the segments added for issue 16', () => {
    const has = (template: string, segment: string) => getChainTemplate(template)!.segments.some((s) => s.id === segment);
    const added: [string, string][] = [
      ['wind-power', 'main-control'], ['wind-power', 'nacelle-cover'], ['wind-power', 'hydraulic-cooling'], ['wind-power', 'box-transformer'],
      ['photovoltaic', 'ribbon'], ['photovoltaic', 'quartz-crucible'], ['photovoltaic', 'diamond-wire'], ['photovoltaic', 'combiner-boxes'],
      ['new-energy-vehicle', 'axles'], ['new-energy-vehicle', 'thermal-management'], ['new-energy-vehicle', 'tyres'],
      ['new-energy-vehicle', 'dies-casting'], ['new-energy-vehicle', 'commercial-vehicle-parts'],
      ['fine-chemical', 'dyes-pigments'], ['fine-chemical', 'coatings'], ['fine-chemical', 'catalysts'],
      ['coal-mining-machinery', 'auxiliary-transport'], ['coal-mining-machinery', 'hoisting-ventilation'],
      ['coal-mining-machinery', 'coal-preparation'], ['coal-mining-machinery', 'picks-bolts'], ['coal-mining-machinery', 'mining-cables'],
      ['green-building-materials', 'gypsum-board'], ['green-building-materials', 'ceramics-sanitary'],
      ['green-building-materials', 'bipv'], ['green-building-materials', 'admixtures'],
      ['energy-storage', 'structural-parts'], ['solar-thermal', 'heat-transfer-oil'],
    ];
    expect(added.filter(([t, s]) => !has(t, s))).toEqual([]);
    // place-specific segments live in the datasets that need them, not in the generic template
    expect(has('intelligent-equipment', 'cleaning-equipment')).toBe(false);
    expect(has('intelligent-equipment', 'plate-making')).toBe(false);
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
      'main-control',
      'hydraulic-cooling',
      'nacelle-cover',
      'fasteners',
      'cables',
      'tower',
      'box-transformer',
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
      'structural-parts',
      'system-integration',
      'flow-batteries',
      'compressed-air',
      'storage-station',
      'operation-maintenance',
    ]);
  });
});

describe('segmentsForIndustryCode', () => {
  it('finds the segments that list a class, with or without the section letter', () => {
    const at = (code: string) => segmentsForIndustryCode(code).map((s) => `${s.template}/${s.segment}`);
    expect(at('3841')).toEqual(['energy-storage/cells', 'energy-storage/pack', 'energy-storage/bms', 'energy-storage/system-integration', 'new-energy-vehicle/power-battery', 'copper-materials/nev-batteries']);
    expect(at('C3415')).toEqual(['wind-power/blades', 'wind-power/pitch-yaw', 'wind-power/turbine-assembly']);
    expect(at('3848')).toEqual([]);
  });

  it('finds the segments under a group, a division or a section by their classes', () => {
    const battery = segmentsForIndustryCode('384');
    expect(battery.every((s) => s.codes.every((c) => c.startsWith('384')))).toBe(true);
    expect(battery.map((s) => s.segment)).toContain('flow-batteries');
    const mining = segmentsForIndustryCode('B').map((s) => `${s.template}/${s.segment}`);
    expect(mining).toContain('coal-mining-machinery/coal-mines');
    expect(mining).toContain('copper-materials/copper-mining');
    expect(mining).not.toContain('coal-mining-machinery/shearers');
  });

  it('searches the templates it is given', () => {
    const wind = getChainTemplate('wind-power')!;
    expect(segmentsForIndustryCode('3415', [wind]).map((s) => s.segment)).toEqual(['blades', 'pitch-yaw', 'turbine-assembly']);
    expect(segmentsForIndustryCode('3415', [])).toEqual([]);
  });
});
