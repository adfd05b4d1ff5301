import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEnterprise } from '../../src/graph/find-enterprise.js';
import { segmentGraph, supplyGraph } from '../../src/graph/graphology.js';
import { buildModel, NO_ROLE } from '../../src/graph/model.js';
import {
  downstreamSegments,
  enterprisesIn,
  isLocal,
  isWithinRegion,
  roleIn,
  segmentGenerations,
  upstreamSegments,
} from '../../src/graph/queries.js';
import { ChainError, DatasetError } from '../../src/model/issues.js';
import { parseDataset } from '../../src/model/parse.js';
import { datasetArbitrary } from '../support/arbitraries.js';
import { deepFreeze } from '../support/freeze.js';


const dataset = parseDataset(
  {
    meta: { id: 'demo', name: '示例' },
    regions: [
      { id: 'cn', name: '中国', kind: 'country' },
      { id: 'gansu', name: '甘肃省', kind: 'province', parent: 'cn' },
      { id: 'jiuquan', name: '酒泉市', kind: 'city', parent: 'gansu' },
      { id: 'jq-etdz', name: '酒泉经开区', kind: 'zone', parent: 'jiuquan' },
      { id: 'yumen', name: '玉门市', kind: 'county', parent: 'jiuquan' },
      { id: 'xinjiang', name: '新疆', kind: 'province', parent: 'cn' },
      { id: 'zhejiang', name: '浙江省', kind: 'province', parent: 'cn' },
    ],
    chains: [
      {
        id: 'wind',
        name: '风电装备',
        segments: [
          { id: 'steel', name: '钢材', stage: 'upstream' },
          { id: 'blade', name: '叶片', stage: 'midstream' },
          { id: 'fastener', name: '紧固件', stage: 'midstream' },
          { id: 'turbine', name: '整机', stage: 'midstream' },
          { id: 'farm', name: '风电场', stage: 'downstream' },
        ],
        flows: [
          { from: 'steel', to: 'fastener', coefficient: 0.4 },
          { from: 'blade', to: 'turbine', coefficient: 0.2 },
          { from: 'fastener', to: 'turbine', coefficient: 0.05 },
          { from: 'turbine', to: 'farm', coefficient: 0.5 },
        ],
      },
    ],
    enterprises: [
      { id: 'jiuding', name: '九鼎风电叶片', aliases: ['九鼎叶片', '酒泉九鼎风电叶片有限公司'], region: 'jq-etdz', segments: [{ chain: 'wind', segment: 'blade' }], role: 'supporting', output: 8 },
      { id: 'yunfeng', name: '甘肃省云风智慧风电设备有限公司', aliases: ['云风智慧'], region: 'jq-etdz', segments: [{ chain: 'wind', segment: 'turbine' }], chainRoles: [{ chain: 'wind', role: 'leader' }], parent: 'windey', output: 40 },
      { id: 'ruida', name: '瑞达紧固件', region: 'yumen', segments: [{ chain: 'wind', segment: 'fastener' }], status: 'under-construction' },
      { id: 'goldwind', name: '金风科技', region: 'xinjiang', segments: [{ chain: 'wind', segment: 'turbine' }], role: 'leading' },
      { id: 'windey', name: '运达股份', region: 'zhejiang', segments: [{ chain: 'wind', segment: 'turbine' }] },
      { id: 'ruida-2', name: '瑞达机械', region: 'xinjiang', aliases: ['瑞达'] },
      { id: 'ruida-3', name: '瑞达电气', region: 'zhejiang', aliases: ['瑞达'] },
    ],
    links: [
      { from: 'jiuding', to: 'yunfeng', status: 'brokered', value: 2 },
      { from: 'ruida', to: 'goldwind', status: 'brokered' },
      { from: 'jiuding', to: 'goldwind', value: 1.5, segment: { chain: 'wind', segment: 'blade' } },
    ],
    projects: [{ id: 'p1', name: '瑞达扩产', enterprise: 'ruida', region: 'yumen', chain: 'wind', segment: 'fastener', status: 'under-construction' }],
  },
  { templates: [] },
);
deepFreeze(dataset);
const model = buildModel(dataset, { templates: [] });

describe('buildModel', () => {
  it('keeps the dataset as given and never mutates it (deep-frozen input)', () => {
    expect(model.dataset).toBe(dataset);
    expect(Object.isFrozen(model.dataset.links[0])).toBe(true);
  });

  it('indexes enterprises in dataset order with compact columns', () => {
    const { enterprises } = model.index;
    expect(enterprises.ids).toEqual(['jiuding', 'yunfeng', 'ruida', 'goldwind', 'windey', 'ruida-2', 'ruida-3']);
    expect([...enterprises.output.slice(0, 3)]).toEqual([8, 40, Number.NaN]);
    expect(enterprises.role[4]).toBe(NO_ROLE);
    expect([...enterprises.segments.offsets]).toEqual([0, 1, 2, 3, 4, 5, 5, 5]);
  });

  it('builds CSR supply adjacency in both directions with link values', () => {
    const { links } = model.index;
    expect([...links.out.offsets]).toEqual([0, 2, 2, 3, 3, 3, 3, 3]);
    expect([...links.out.items]).toEqual([0, 2, 1]);
    expect([...links.in.offsets]).toEqual([0, 0, 1, 1, 3, 3, 3, 3]);
    expect([...links.in.items]).toEqual([0, 1, 2]);
    expect([...links.value]).toEqual([2, Number.NaN, 1.5]);
    expect([...links.segment]).toEqual([-1, -1, 1]);
  });

  it('numbers segments globally and indexes flows both ways', () => {
    const { segments, flows } = model.index;
    expect(segments.keys).toEqual(['wind/steel', 'wind/blade', 'wind/fastener', 'wind/turbine', 'wind/farm']);
    expect([...flows.coefficient]).toEqual([0.4, 0.2, 0.05, 0.5]);
    expect([...segments.enterprises.offsets]).toEqual([0, 0, 1, 2, 5, 5]);
  });

  it('finds the enterprises of a region and its sub-regions as one range', () => {
    expect(enterprisesIn(model, { region: 'jiuquan' })).toEqual(['jiuding', 'yunfeng', 'ruida']);
    expect(enterprisesIn(model, { region: 'jq-etdz' })).toEqual(['jiuding', 'yunfeng']);
    expect(enterprisesIn(model, { region: 'cn' })).toHaveLength(7);
    expect(enterprisesIn(model, { region: 'xinjiang' })).toEqual(['goldwind', 'ruida-2']);
  });

  it('throws a DatasetError for a dataset with broken references', () => {
    const broken = { ...dataset, links: [{ from: 'jiuding', to: 'ghost', status: 'active' as const }] };
    expect(() => buildModel(broken, { templates: [] })).toThrow(DatasetError);
  });
});

describe('queries', () => {
  it('tests locality through the region tree', () => {
    expect(isLocal(model, 'jiuding', 'jiuquan')).toBe(true);
    expect(isLocal(model, 'jiuding', 'gansu')).toBe(true);
    expect(isLocal(model, 'ruida', 'jq-etdz')).toBe(false);
    expect(isLocal(model, 'goldwind', 'jiuquan')).toBe(false);
    expect(isWithinRegion(model, 'yumen', 'cn')).toBe(true);
    expect(isWithinRegion(model, 'gansu', 'jiuquan')).toBe(false);
  });

  it('filters enterprises by chain, segment, region and status', () => {
    expect(enterprisesIn(model, { chain: 'wind', segment: 'turbine' })).toEqual(['yunfeng', 'goldwind', 'windey']);
    expect(enterprisesIn(model, { chain: 'wind', segment: 'turbine', region: 'jiuquan' })).toEqual(['yunfeng']);
    expect(enterprisesIn(model, { chain: 'wind', region: 'jiuquan', statuses: ['operating'] })).toEqual(['jiuding', 'yunfeng']);
    expect(enterprisesIn(model, { chain: 'wind' })).toEqual(['jiuding', 'yunfeng', 'ruida', 'goldwind', 'windey']);
  });

  it('walks segment flows up and down, one step or transitively', () => {
    expect(upstreamSegments(model, 'wind', 'turbine')).toEqual(['blade', 'fastener']);
    expect(upstreamSegments(model, 'wind', 'turbine', { transitive: true })).toEqual(['blade', 'fastener', 'steel']);
    expect(downstreamSegments(model, 'wind', 'steel')).toEqual(['fastener']);
    expect(downstreamSegments(model, 'wind', 'steel', { transitive: true })).toEqual(['fastener', 'turbine', 'farm']);
    expect(segmentGenerations(model, 'wind')).toEqual([['steel', 'blade'], ['fastener'], ['turbine'], ['farm']]);
  });

  it('gives per-chain roles precedence over the overall role', () => {
    expect(roleIn(model, 'yunfeng', 'wind')).toBe('leader');
    expect(roleIn(model, 'goldwind', 'wind')).toBe('leading');
    expect(roleIn(model, 'windey', 'wind')).toBeUndefined();
  });

  it('throws a ChainError with the valid choices for unknown ids', () => {
    let error: unknown;
    try {
      enterprisesIn(model, { region: 'atlantis' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChainError);
    expect((error as ChainError).code).toBe('unknown_region');
    expect((error as ChainError).details.valid).toContain('jiuquan');
    expect(() => upstreamSegments(model, 'wind', 'hub')).toThrow(
      '产业链 "wind" 中没有环节 "hub"；该产业链中的环节：steel（钢材）、blade（叶片）、fastener（紧固件）、turbine（整机）、farm（风电场）',
    );
  });
});

describe('graphology views', () => {
  it('builds the supply network once, with link attributes', () => {
    const graph = supplyGraph(model);
    expect(graph).toBe(supplyGraph(model));
    expect(graph.order).toBe(7);
    expect(graph.size).toBe(3);
    expect(graph.getEdgeAttributes('links[2]')).toEqual({ link: 2, status: 'active', value: 1.5, segment: 'wind/blade' });
    expect(graph.outNeighbors('jiuding')).toEqual(['yunfeng', 'goldwind']);
    expect(graph.getNodeAttribute('goldwind', 'role')).toBe('leading');
  });

  it('builds a chain segment DAG with coefficients', () => {
    const graph = segmentGraph(model, 'wind');
    expect(graph.order).toBe(5);
    expect(graph.getEdgeAttribute('blade', 'turbine', 'coefficient')).toBe(0.2);
    expect(graph.inNeighbors('turbine')).toEqual(['blade', 'fastener']);
  });

  it('matches the CSR adjacency on generated datasets', () => {
    fc.assert(
      fc.property(datasetArbitrary(), (generated) => {
        const m = buildModel(generated, { templates: [] });
        const graph = supplyGraph(m);
        const { links, enterprises } = m.index;
        for (let e = 0; e < enterprises.ids.length; e++) {
          const csr = [...links.out.items.subarray(links.out.offsets[e]!, links.out.offsets[e + 1]!)].map((k) => enterprises.ids[links.to[k]!]);
          // graphology groups a node's edges by neighbour: compare as multisets
          expect(graph.outEdges(enterprises.ids[e]!).map((edge) => graph.target(edge)).sort()).toEqual(csr.sort());
        }
        for (const region of m.index.regions.ids) {
          const expected = generated.enterprises.filter((x) => isWithinRegion(m, x.region, region)).map((x) => x.id);
          expect(enterprisesIn(m, { region })).toEqual(expected);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('findEnterprise', () => {
  it('resolves short, long, traditional and full-width forms to one enterprise', () => {
    for (const name of ['九鼎叶片', '九鼎风电叶片', '酒泉九鼎风电叶片有限公司', '酒泉九鼎風電葉片有限公司', '九鼎風電葉片', '九鼎叶片（甘肃）有限公司']) {
      expect(findEnterprise(model, name)).toMatchObject({ status: 'found', enterprise: 'jiuding' });
    }
    expect(findEnterprise(model, '云风智慧')).toMatchObject({ status: 'found', enterprise: 'yunfeng', matchedBy: 'alias' });
    expect(findEnterprise(model, '甘肅省雲風智慧風電設備有限公司')).toMatchObject({ status: 'found', enterprise: 'yunfeng', matchedBy: 'name' });
    expect(findEnterprise(model, '雲風智慧')).toMatchObject({ status: 'found', enterprise: 'yunfeng' });
  });

  it('strips pinyin annotations left by converters', () => {
    expect(findEnterprise(model, '瑞達(dá)緊(jǐn)固件')).toMatchObject({ status: 'found', enterprise: 'ruida' });
  });

  it('matches by id and by a leading place name', () => {
    expect(findEnterprise(model, 'goldwind')).toMatchObject({ status: 'found', matchedBy: 'id' });
    expect(findEnterprise(model, '酒泉瑞达紧固件')).toMatchObject({ status: 'found', enterprise: 'ruida', matchedBy: 'place-prefix' });
    expect(findEnterprise(model, '甘肃云风智慧')).toMatchObject({ status: 'found', enterprise: 'yunfeng', matchedBy: 'place-prefix' });
  });

  it('reports ambiguous names with their candidates instead of guessing', () => {
    expect(findEnterprise(model, '瑞达')).toEqual({
      status: 'ambiguous',
      key: '瑞达',
      candidates: [
        { enterprise: 'ruida-2', name: '瑞达机械' },
        { enterprise: 'ruida-3', name: '瑞达电气' },
      ],
    });
  });

  it('reports names it cannot find', () => {
    expect(findEnterprise(model, '明阳智慧')).toEqual({ status: 'not-found', key: '明阳智慧' });
  });
});
