/**
 * fast-check arbitraries of valid datasets in canonical form (English vocabulary, every
 * collection present, defaults filled in), so that parsing returns them unchanged.
 */
import fc from 'fast-check';
import type { Dataset } from '../../src/model/schema.js';
import {
  ENTERPRISE_STATUSES,
  LINK_STATUSES,
  PROJECT_STATUSES,
  ROLES,
  STAGES,
} from '../../src/model/vocabulary.js';

/**
 * An amount in 亿元 as datasets record it: to 万元 precision (0.0001 亿元). Real data have no
 * subnormal numbers, and scaling them (a property some tests check) is then exact enough.
 */
const amount = (max: number) => fc.integer({ min: 0, max: max * 10_000 }).map((n) => n / 10_000);

const names = fc.constantFrom('九鼎风电叶片', '云风智慧', '瑞达紧固件', '正泰新能源', 'Acme', '北方铜业', '大运', '甘肃', '酒泉');

/** Options bounding the size of generated datasets. */
export interface DatasetShape {
  maxRegions?: number;
  maxChains?: number;
  maxSegments?: number;
  maxEnterprises?: number;
  maxLinks?: number;
  maxProjects?: number;
}

/** A valid dataset, canonical form. */
export function datasetArbitrary(shape: DatasetShape = {}): fc.Arbitrary<Dataset> {
  const {
    maxRegions = 6,
    maxChains = 3,
    maxSegments = 6,
    maxEnterprises = 12,
    maxLinks = 20,
    maxProjects = 4,
  } = shape;
  return fc
    .record({
      sourceCount: fc.integer({ min: 1, max: 3 }),
      regionParents: fc.array(fc.nat(), { minLength: 1, maxLength: maxRegions }),
      chains: fc.array(
        fc.record({
          segmentStages: fc.array(fc.constantFrom(...STAGES), { minLength: 1, maxLength: maxSegments }),
          flowPicks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }))),
        }),
        { minLength: 1, maxLength: maxChains },
      ),
      enterprises: fc.array(
        fc.record({
          name: names,
          region: fc.nat(),
          activities: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
          role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
          status: fc.constantFrom(...ENTERPRISE_STATUSES),
          output: fc.option(amount(1000), { nil: undefined }),
          aboveScale: fc.option(fc.boolean(), { nil: undefined }),
          cited: fc.boolean(),
        }),
        { maxLength: maxEnterprises },
      ),
      links: fc.array(
        fc.record({
          from: fc.nat(),
          to: fc.nat(),
          value: fc.option(amount(50), { nil: undefined }),
          status: fc.constantFrom(...LINK_STATUSES),
        }),
        { maxLength: maxLinks },
      ),
      projects: fc.array(
        fc.record({
          region: fc.nat(),
          status: fc.constantFrom(...PROJECT_STATUSES),
          startYear: fc.integer({ min: 2015, max: 2030 }),
          delay: fc.integer({ min: 0, max: 3 }),
          expectedOutput: fc.option(amount(100), { nil: undefined }),
          segment: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
        }),
        { maxLength: maxProjects },
      ),
      targetValue: amount(2000),
    })
    .map((g) => {
      const sources = Array.from({ length: g.sourceCount }, (_, i) => ({ id: `doc-${i}`, title: `文件 ${i}` }));
      const regions = g.regionParents.map((p, i) => ({
        id: `r${i}`,
        name: `地区${i}`,
        kind: (i === 0 ? 'province' : 'zone') as 'province' | 'zone',
        ...(i === 0 ? {} : { parent: `r${p % i}` }),
      }));
      const chains = g.chains.map((c, ci) => {
        const segments = c.segmentStages.map((stage, si) => ({ id: `s${si}`, name: `环节${si}`, stage }));
        const seen = new Set<string>();
        const flows: Dataset['chains'][number]['flows'] = [];
        for (const [a, b, coefficient] of c.flowPicks) {
          const from = a % segments.length;
          const to = b % segments.length;
          // edges only from lower to higher index: always a DAG
          if (from >= to || seen.has(`${from}-${to}`)) continue;
          seen.add(`${from}-${to}`);
          flows.push({ from: `s${from}`, to: `s${to}`, ...(coefficient === undefined ? {} : { coefficient: coefficient / 100 }) });
        }
        // keep every receiving segment's coefficient sum below 1
        for (const f of flows) {
          const into = flows.filter((x) => x.to === f.to && x.coefficient !== undefined).length;
          if (f.coefficient !== undefined && into * 0.3 >= 1) delete f.coefficient;
        }
        return { id: `c${ci}`, name: `产业链${ci}`, segments, flows };
      });
      const enterprises = g.enterprises.map((e, i) => {
        const activities = new Map<string, { chain: string; segment: string }>();
        for (const [a, b] of e.activities) {
          const chain = chains[a % chains.length]!;
          const segment = chain.segments[b % chain.segments.length]!;
          activities.set(`${chain.id}/${segment.id}`, { chain: chain.id, segment: segment.id });
        }
        return {
          id: `e${i}`,
          name: `${e.name}${i}`,
          region: regions[e.region % regions.length]!.id,
          segments: [...activities.values()],
          ...(e.role === undefined ? {} : { role: e.role }),
          status: e.status,
          ...(e.output === undefined ? {} : { output: e.output, outputYear: 2023 }),
          ...(e.aboveScale === undefined ? {} : { aboveScale: e.aboveScale }),
          ...(e.cited ? { basis: 'cited' as const, sources: [{ source: 'doc-0', locator: `line ${i + 1}` }] } : {}),
        };
      });
      const links: Dataset['links'] = [];
      if (enterprises.length >= 2) {
        for (const l of g.links) {
          const from = l.from % enterprises.length;
          let to = l.to % enterprises.length;
          if (to === from) to = (to + 1) % enterprises.length;
          links.push({
            from: enterprises[from]!.id,
            to: enterprises[to]!.id,
            ...(l.value === undefined ? {} : { value: l.value }),
            status: l.status,
            product: `p${links.length}`,
          });
        }
      }
      const projects = g.projects.map((p, i) => {
        const seg = p.segment && chains[p.segment[0] % chains.length]!;
        return {
          id: `p${i}`,
          name: `项目${i}`,
          region: regions[p.region % regions.length]!.id,
          status: p.status,
          startYear: p.startYear,
          productionYear: p.startYear + p.delay,
          ...(p.expectedOutput === undefined ? {} : { expectedOutput: p.expectedOutput }),
          ...(seg ? { chain: seg.id, segment: seg.segments[p.segment![1] % seg.segments.length]!.id } : {}),
        };
      });
      const dataset: Dataset = {
        meta: { id: 'generated', name: '生成的数据集', region: 'r0' },
        sources,
        regions,
        templates: [],
        chains,
        enterprises,
        links,
        projects,
        targets: [
          { id: 't0', scope: { region: 'r0' }, metric: 'output', kind: 'target', value: g.targetValue, comparator: '>=', year: 2025 },
        ],
        indicators: [],
      };
      return dataset;
    });
}
