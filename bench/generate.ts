/**
 * Synthetic province-sized datasets for the benchmark: deterministic (seeded), realistic in
 * shape, written as JSON and as a folder of CSV tables.
 *
 * What a dataset looks like
 * - Chains: 3 (≤ 1 000 firms) or 5 built-in templates (风电, 光伏, 储能, 新能源汽车, 铜基材料),
 *   firms shared 30/25/20/15/10 %. Segments are chosen with weight 0.5 + 5 × valueShare;
 *   one firm in ten also works in a downstream segment it supplies (vertical integration).
 * - Regions: country → the province (`meta.region`) → cities → counties → one development
 *   zone each → parks, and six other provinces. 80 % of firms are in the province, cities
 *   sized by a Zipf law, 60 % of those in a park.
 * - Outputs: lognormal (median 0.3 亿元, σ = 1.6: a few firms of hundreds of 亿元), known for
 *   75 % of firms; employees known for half. The biggest local firms of each chain are 链主
 *   (one per 5 000 firms of the chain, at least one), then 龙头 and 链核.
 * - Links: about `linksPerFirm` per firm, into buyers whose segment has template inflows
 *   (in-degree lognormal, σ = 0.8); the supplier operates in the upstream segment of a flow
 *   into the buyer's segment, from the same county (35 %), city (25 %), province (18 %) or
 *   anywhere (22 %) when such a supplier exists, the larger of two random candidates
 *   (preferential attachment: heavy-tailed out-degree). 92 % name their segment, 35 % have a
 *   value, statuses mostly `active`. Links are written in a seeded random order.
 * - Projects (one per 200 firms), targets and indicators per city and chain, a few citations.
 *
 * JSON: one record per line, written up to 1e5 firms (140 MB). The JSON of 1e6 firms would
 * be about 1.4 GB of text, above V8's longest string (2^29 − 24 characters): `JSON.parse`, and so
 * the JSON loader, cannot read it. CSV is written for every size.
 * CSV: a streaming writer over the library's own table specs and cell formatting
 * (src/io/csv-format.ts), in the form `saveDataset` writes (a test-like check in the benchmark
 * loads both forms and compares them up to 1e4). Not `saveDataset`: it needs the dataset as
 * objects (1e7 links: gigabytes) and first runs its loss check over every record.
 *
 *   npx tsx bench/generate.ts --sizes 1e3,1e4,1e5     (→ bench/out/<size>/dataset.json, csv/)
 */
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCsvLine, recordToRow, TABLES, tableSpec, writeHeader, type TableName } from '../src/io/csv-format.js';
import { createRandom, DEFAULT_SEED, type Random } from '../src/internal/random.js';
import type { DatasetInput } from '../src/model/schema.js';
import { getChainTemplate } from '../src/templates/index.js';

type AnyRecord = Record<string, unknown>;

/** Options of {@link generateDataset}. */
export interface SyntheticOptions {
  /** Number of enterprises. */
  firms: number;
  /** Supply links per firm, on average. Default 10. */
  linksPerFirm?: number;
  /** Seed. Default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Template ids of the chains. Default: 3 chains up to 1 000 firms, else 5. */
  chains?: readonly string[];
}

/** Supply links as columns (the 1e7 links of 1e6 firms would take gigabytes as objects). */
export interface LinkColumns {
  count: number;
  from: Int32Array;
  to: Int32Array;
  /** Global segment index of the product, -1 when not named. */
  segment: Int32Array;
  /** 亿元, NaN when unknown. */
  value: Float64Array;
  /** Index into {@link LINK_STATUS}. */
  status: Uint8Array;
  /** 1 when the link cites a source. */
  cited: Uint8Array;
}

/** A generated dataset: every collection but the links as input records, links as columns. */
export interface SyntheticDataset {
  head: Omit<DatasetInput, 'links'> & { enterprises: AnyRecord[] };
  links: LinkColumns;
  /** `chain` and `segment` of each global segment index. */
  segments: { chain: string; segment: string }[];
  /** Region id of the province the dataset is about. */
  province: string;
  /** The chain with the most firms. */
  mainChain: string;
}

const LINK_STATUS = ['active', 'brokered', 'planned', 'potential', 'ended'] as const;
const DEFAULT_CHAINS = ['wind-power', 'photovoltaic', 'energy-storage', 'new-energy-vehicle', 'copper-materials'];
const CHAIN_SHARE = [0.3, 0.25, 0.2, 0.15, 0.1];

const SYLLABLES = ['华', '鼎', '瑞', '恒', '泰', '隆', '鑫', '昌', '盛', '源', '通', '达', '宏', '丰', '安', '信', '晟', '嘉', '德', '永'];
const SUFFIXES = ['有限公司', '股份有限公司', '科技有限公司', '集团有限公司', '新材料有限公司'];

function pickWeighted(random: Random, cumulative: readonly number[]): number {
  const u = random.float() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * Generates a synthetic dataset (deterministic for a seed).
 *
 * @example
 * const data = generateDataset({ firms: 1000 });
 * data.links.count; // ≈ 10 000
 */
export function generateDataset(options: SyntheticOptions): SyntheticDataset {
  const ne = options.firms;
  const linksPerFirm = options.linksPerFirm ?? 10;
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const chainIds = options.chains ?? (ne <= 1000 ? DEFAULT_CHAINS.slice(0, 3) : DEFAULT_CHAINS);
  const templates = chainIds.map((id) => {
    const t = getChainTemplate(id);
    if (!t) throw new Error(`unknown template ${id}`);
    return t;
  });

  // sources
  const sources = [
    { id: 's1', title: '示范省产业链链长制工作方案', publisher: '示范省工业和信息化厅', date: '2023-03' },
    { id: 's2', title: '示范省规模以上工业企业名录', publisher: '示范省统计局', date: '2024-02' },
    { id: 's3', title: '示范省产业大脑供需对接清单', publisher: '示范省产业大脑', date: '2024-05-20' },
    { id: 's4', title: '各市开发区招商引资项目台账', date: '2024' },
  ];

  // regions: a tree, in depth-first order
  const regions: AnyRecord[] = [];
  const province = 'prov';
  regions.push({ id: 'cn', name: '中国', kind: 'country' });
  regions.push({ id: province, name: '示范省', kind: 'province', parent: 'cn', basis: 'cited', sources: [{ source: 's1' }] });
  const cityCount = ne <= 1000 ? 4 : 14;
  const cities: { id: string; name: string; counties: { id: string; zone: string; parks: string[] }[] }[] = [];
  for (let c = 0; c < cityCount; c++) {
    const id = `c${c}`;
    const name = `${SYLLABLES[c % 20]}${SYLLABLES[(c * 7 + 3) % 20]}市`;
    regions.push({ id, name, kind: 'city', parent: province });
    const counties: { id: string; zone: string; parks: string[] }[] = [];
    const nCounties = ne <= 1000 ? 2 : random.int(6, 10);
    for (let k = 0; k < nCounties; k++) {
      const county = `${id}-k${k}`;
      regions.push({ id: county, name: `${name.slice(0, 2)}${SYLLABLES[(k * 3 + c) % 20]}县`, kind: k === 0 ? 'district' : 'county', parent: id });
      const zone = `${county}-z`;
      regions.push({ id: zone, name: `${name.slice(0, 2)}${SYLLABLES[(k * 3 + c) % 20]}经济开发区`, aliases: ['开发区'], kind: 'zone', parent: county });
      const parks: string[] = [];
      const nParks = random.int(2, 4);
      for (let p = 0; p < nParks; p++) {
        const park = `${zone}-p${p}`;
        regions.push({ id: park, name: `${SYLLABLES[(p + k + c) % 20]}${SYLLABLES[(p * 5 + 1) % 20]}产业园`, kind: 'park', parent: zone });
        parks.push(park);
      }
      counties.push({ id: county, zone, parks });
    }
    cities.push({ id, name, counties });
  }
  const outside: string[] = [];
  for (let o = 0; o < 6; o++) {
    const id = `po${o}`;
    regions.push({ id, name: `外省${o + 1}`, kind: 'province', parent: 'cn' });
    outside.push(id);
  }
  // Euler positions, to find a region subtree's firms of a segment by binary search
  const regionIndex = new Map<string, number>();
  regions.forEach((r, i) => regionIndex.set(r.id as string, i));
  const parentOf = new Int32Array(regions.length).fill(-1);
  regions.forEach((r, i) => {
    if (r.parent !== undefined) parentOf[i] = regionIndex.get(r.parent as string)!;
  });
  // regions are listed depth-first, so a subtree is the contiguous index range [i, leave[i])
  const leave = new Int32Array(regions.length);
  for (let i = regions.length - 1; i >= 0; i--) {
    if (leave[i] === 0) leave[i] = i + 1;
    const p = parentOf[i]!;
    if (p >= 0) leave[p] = Math.max(leave[p]!, leave[i]!);
  }
  const cityWeights = cumulate(cities.map((_, c) => 1 / (c + 1)));

  // chains and segments
  const segments: { chain: string; segment: string }[] = [];
  const chainStart: number[] = [];
  const segWeights: number[][] = [];
  const segNames: string[] = [];
  const inflows: { from: number; weight: number }[][] = [];
  const downstream: number[][] = [];
  templates.forEach((t) => {
    const start = segments.length;
    chainStart.push(start);
    const local = new Map<string, number>();
    t.segments.forEach((s, j) => {
      local.set(s.id, j);
      segments.push({ chain: t.id, segment: s.id });
      segNames.push(s.name);
      inflows.push([]);
      downstream.push([]);
    });
    segWeights.push(cumulate(t.segments.map((s) => 0.5 + 5 * (s.valueShare ?? 0.05))));
    for (const f of t.flows) {
      const a = start + local.get(f.from)!;
      const b = start + local.get(f.to)!;
      inflows[b]!.push({ from: a, weight: f.coefficient ?? 0.05 });
      downstream[a]!.push(b);
    }
  });
  chainStart.push(segments.length);
  const inflowWeights = inflows.map((list) => cumulate(list.map((x) => x.weight)));
  const chainWeights = cumulate(CHAIN_SHARE.slice(0, templates.length));
  const chains = templates.map((t, i) => ({
    id: t.id,
    name: `${t.name}产业链`,
    template: t.id,
    basis: 'cited',
    sources: [{ source: 's1', locator: `第${i + 2}条` }],
  }));

  // enterprises
  const ESTATUS = ['operating', 'under-construction', 'signed', 'planned', 'prospect', 'closed'];
  const estatusWeights = cumulate([86, 4, 3, 2, 3, 2]);
  const size = new Float64Array(ne); // true output, known or not
  const region = new Int32Array(ne);
  const chainOf = new Int32Array(ne);
  const segA = new Int32Array(ne);
  const segB = new Int32Array(ne).fill(-1);
  const countyOf = new Int32Array(ne);
  const cityOf = new Int32Array(ne);
  const provOf = new Int32Array(ne);
  const enterprises: AnyRecord[] = [];
  for (let i = 0; i < ne; i++) {
    const c = pickWeighted(random, chainWeights);
    chainOf[i] = c;
    const s = chainStart[c]! + pickWeighted(random, segWeights[c]!);
    segA[i] = s;
    if (random.chance(0.1) && downstream[s]!.length > 0) segB[i] = downstream[s]![random.int(0, downstream[s]!.length - 1)]!;
    let regionId: string;
    if (random.chance(0.8)) {
      const city = cities[pickWeighted(random, cityWeights)]!;
      const county = city.counties[random.int(0, city.counties.length - 1)]!;
      const u = random.float();
      regionId = u < 0.6 ? county.parks[random.int(0, county.parks.length - 1)]! : u < 0.7 ? county.zone : county.id;
      countyOf[i] = regionIndex.get(county.id)!;
      cityOf[i] = regionIndex.get(city.id)!;
      provOf[i] = regionIndex.get(province)!;
    } else {
      regionId = outside[random.int(0, outside.length - 1)]!;
      countyOf[i] = cityOf[i] = provOf[i] = regionIndex.get(regionId)!;
    }
    region[i] = regionIndex.get(regionId)!;
    size[i] = 0.3 * Math.exp(1.6 * random.normal());
    const seg = segments[s]!;
    const name = `${SYLLABLES[random.int(0, 19)]}${SYLLABLES[random.int(0, 19)]}${segNames[s]}${SUFFIXES[random.int(0, SUFFIXES.length - 1)]}`;
    const e: AnyRecord = { id: `e${i}`, name, region: regionId };
    const acts: AnyRecord[] = [{ chain: seg.chain, segment: seg.segment }];
    if (segB[i]! >= 0) acts.push({ chain: segments[segB[i]!]!.chain, segment: segments[segB[i]!]!.segment });
    e.segments = acts;
    e.status = ESTATUS[pickWeighted(random, estatusWeights)];
    if (random.chance(0.75)) {
      e.output = round(size[i]!, 4);
      e.outputYear = 2023;
      e.aboveScale = size[i]! >= 0.2;
    }
    if (random.chance(0.5)) e.employees = Math.max(1, Math.round(size[i]! * 60 * Math.exp(0.5 * random.normal())));
    const u = random.float();
    if (u < 0.03) {
      e.basis = 'cited';
      e.sources = [{ source: 's2', locator: `第${random.int(1, 400)}页` }];
    } else if (u < 0.08) {
      e.basis = 'inferred';
      if (e.output !== undefined) e.fieldBasis = { output: 'estimated' };
    }
    enterprises.push(e);
  }
  // roles: the biggest local operating firms of each chain lead it
  for (let c = 0; c < templates.length; c++) {
    const local: number[] = [];
    let members = 0;
    for (let i = 0; i < ne; i++) {
      if (chainOf[i] !== c) continue;
      members++;
      if (provOf[i] === regionIndex.get(province)) local.push(i);
    }
    local.sort((a, b) => size[b]! - size[a]! || a - b);
    const leaders = Math.max(1, Math.round(members / 5000));
    local.forEach((i, rank) => {
      const e = enterprises[i]!;
      if (rank < leaders) {
        e.role = 'leader';
        e.status = 'operating';
        if (rank % 2 === 0) e.chainRoles = [{ chain: templates[c]!.id, role: 'leader' }];
      } else if (rank < 3 * leaders) e.role = 'leading';
      else if (rank < 8 * leaders) e.role = 'core';
      else if (random.chance(0.3)) e.role = 'supporting';
    });
  }

  // links, per buyer, then shuffled
  const buyers: number[] = [];
  for (let i = 0; i < ne; i++) if (inflows[segA[i]!]!.length > 0 || (segB[i]! >= 0 && inflows[segB[i]!]!.length > 0)) buyers.push(i);
  const target = Math.round(linksPerFirm * ne);
  const mean = buyers.length > 0 ? target / buyers.length : 0;
  // firms of each segment sorted by region position, for subtree ranges
  const bySeg: number[][] = segments.map(() => []);
  for (let i = 0; i < ne; i++) {
    bySeg[segA[i]!]!.push(i);
    if (segB[i]! >= 0) bySeg[segB[i]!]!.push(i);
  }
  const segFirms = bySeg.map((list) => Int32Array.from(list.sort((a, b) => region[a]! - region[b]! || a - b)));
  const segKeys = segFirms.map((list) => list.map((i) => region[i]!));
  const lowerBound = (keys: Int32Array, key: number) => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const capacity = Math.ceil(target * 1.1) + 16;
  let from = new Int32Array(capacity);
  let to = new Int32Array(capacity);
  let lsegment = new Int32Array(capacity);
  let count = 0;
  const grow = () => {
    const next = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    from = next(from);
    to = next(to);
    lsegment = next(lsegment);
  };
  const chosen: number[] = [];
  for (const b of buyers) {
    const degree = Math.max(1, Math.round(mean * Math.exp(0.8 * random.normal() - 0.32)));
    const own = [segA[b]!, segB[b]!].filter((s) => s >= 0 && inflows[s]!.length > 0);
    chosen.length = 0;
    for (let d = 0; d < degree; d++) {
      const t = own[random.int(0, own.length - 1)]!;
      const flows = inflows[t]!;
      const f = flows[pickWeighted(random, inflowWeights[t]!)]!;
      const list = segFirms[f.from]!;
      const keys = segKeys[f.from]!;
      if (list.length === 0) continue;
      const u = random.float();
      const tiers = u < 0.35 ? [countyOf[b]!, cityOf[b]!, provOf[b]!, 0] : u < 0.6 ? [cityOf[b]!, provOf[b]!, 0] : u < 0.78 ? [provOf[b]!, 0] : [0];
      let supplier = -1;
      for (const r of tiers) {
        const lo = lowerBound(keys, r);
        const hi = lowerBound(keys, leave[r]!);
        if (hi <= lo) continue;
        for (let attempt = 0; attempt < 4 && supplier < 0; attempt++) {
          const x = list[lo + random.int(0, hi - lo - 1)]!;
          const y = list[lo + random.int(0, hi - lo - 1)]!;
          const pick = size[x]! >= size[y]! ? x : y;
          if (pick !== b && !chosen.includes(pick)) supplier = pick;
        }
        if (supplier >= 0) break;
      }
      if (supplier < 0) continue;
      chosen.push(supplier);
      if (count === from.length) grow();
      from[count] = supplier;
      to[count] = b;
      lsegment[count] = random.chance(0.92) ? f.from : -1;
      count++;
    }
  }
  // shuffle (Fisher–Yates), and attributes in the final order
  const order = Int32Array.from({ length: count }, (_, k) => k);
  for (let k = count - 1; k > 0; k--) {
    const j = random.int(0, k);
    const x = order[k]!;
    order[k] = order[j]!;
    order[j] = x;
  }
  const links: LinkColumns = {
    count,
    from: new Int32Array(count),
    to: new Int32Array(count),
    segment: new Int32Array(count),
    value: new Float64Array(count),
    status: new Uint8Array(count),
    cited: new Uint8Array(count),
  };
  const statusWeights = cumulate([84, 6, 5, 3, 2]);
  for (let k = 0; k < count; k++) {
    const o = order[k]!;
    links.from[k] = from[o]!;
    links.to[k] = to[o]!;
    links.segment[k] = lsegment[o]!;
    links.value[k] = random.chance(0.35) ? round(Math.min(size[from[o]!]!, size[to[o]!]!) * 0.2 * Math.exp(0.5 * random.normal()), 4) : Number.NaN;
    links.status[k] = pickWeighted(random, statusWeights);
    links.cited[k] = random.chance(0.005) ? 1 : 0;
  }

  // projects
  const PSTATUS = ['planned', 'signed', 'under-construction', 'in-production', 'at-capacity', 'cancelled'];
  const pstatusWeights = cumulate([20, 25, 25, 20, 5, 5]);
  const nProjects = Math.max(5, Math.round(ne / 200));
  const pending = new Map<number, number[]>(); // segment → signed / under-construction local firms
  for (let i = 0; i < ne; i++) {
    const st = enterprises[i]!.status;
    if ((st === 'signed' || st === 'under-construction') && provOf[i] === regionIndex.get(province)) {
      const list = pending.get(segA[i]!) ?? [];
      list.push(i);
      pending.set(segA[i]!, list);
    }
  }
  const projects: AnyRecord[] = [];
  for (let k = 0; k < nProjects; k++) {
    const c = pickWeighted(random, chainWeights);
    const s = chainStart[c]! + pickWeighted(random, segWeights[c]!);
    const city = cities[pickWeighted(random, cityWeights)]!;
    const county = city.counties[random.int(0, city.counties.length - 1)]!;
    const investment = round(5 * Math.exp(random.normal()), 2);
    const startYear = random.int(2022, 2026);
    const p: AnyRecord = {
      id: `p${k}`,
      name: `${city.name}${segNames[s]}项目${k + 1}`,
      chain: segments[s]!.chain,
      segment: segments[s]!.segment,
      region: county.parks[random.int(0, county.parks.length - 1)]!,
      investment,
      status: PSTATUS[pickWeighted(random, pstatusWeights)],
      startYear,
    };
    if (random.chance(0.8)) p.expectedOutput = round(investment * (0.8 + 1.2 * random.float()), 2);
    if (random.chance(0.6)) p.productionYear = startYear + random.int(1, 2);
    if (random.chance(0.5)) p.jobs = random.int(50, 2000);
    const candidates = pending.get(s);
    if (candidates && random.chance(0.3)) p.enterprise = `e${candidates[random.int(0, candidates.length - 1)]!}`;
    if (random.chance(0.2)) {
      p.basis = 'cited';
      p.sources = [{ source: 's4', locator: `第${k + 1}行` }];
    }
    projects.push(p);
  }

  // targets and indicators
  const targets: AnyRecord[] = [
    { id: 't-prov', scope: { region: province }, metric: 'output', value: 10_000, growth: 15, year: 2025, comparator: '>', basis: 'cited', sources: [{ source: 's1' }] },
  ];
  const indicators: AnyRecord[] = [];
  const cityOutput = new Map<number, number>();
  for (let i = 0; i < ne; i++) {
    const o = enterprises[i]!.output;
    if (typeof o === 'number' && provOf[i] === regionIndex.get(province)) cityOutput.set(cityOf[i]!, (cityOutput.get(cityOf[i]!) ?? 0) + o);
  }
  cities.forEach((city, c) => {
    const base = cityOutput.get(regionIndex.get(city.id)!) ?? 0;
    targets.push({ id: `t-${city.id}`, scope: { region: city.id }, metric: 'output', value: round(base * 1.5, 1), year: 2025, growth: 12 });
    indicators.push({ id: `i-${city.id}-2023`, scope: { region: city.id }, metric: 'output', value: round(base, 1), growth: round(5 + 10 * random.float(), 1), year: 2023 });
    if (c < templates.length)
      targets.push({
        id: `t-${city.id}-${templates[c]!.id}`,
        scope: { region: city.id, chain: templates[c]!.id },
        metric: 'output',
        kind: 'expectation',
        value: 200,
        condition: '产业链形成后',
      });
  });

  let mainChain = 0;
  for (let c = 1; c < templates.length; c++) if (CHAIN_SHARE[c]! > CHAIN_SHARE[mainChain]!) mainChain = c;
  return {
    head: {
      meta: { id: `synthetic-${ne}`, name: `合成数据集（${ne} 家企业）`, region: province, language: 'zh-CN', updated: '2024-06' },
      sources,
      regions: regions as DatasetInput['regions'],
      chains: chains as DatasetInput['chains'],
      enterprises: enterprises as DatasetInput['enterprises'] & AnyRecord[],
      projects: projects as DatasetInput['projects'],
      targets: targets as DatasetInput['targets'],
      indicators: indicators as DatasetInput['indicators'],
    },
    links,
    segments,
    province,
    mainChain: templates[mainChain]!.id,
  };
}

/** The input record of link `k`. */
export function linkRecord(data: SyntheticDataset, k: number): AnyRecord {
  const { links } = data;
  const record: AnyRecord = { from: `e${links.from[k]!}`, to: `e${links.to[k]!}` };
  const s = links.segment[k]!;
  if (s >= 0) record.segment = { chain: data.segments[s]!.chain, segment: data.segments[s]!.segment };
  const v = links.value[k]!;
  if (!Number.isNaN(v)) {
    record.value = v;
    record.year = 2023;
  }
  record.status = LINK_STATUS[links.status[k]!];
  if (links.cited[k]) {
    record.basis = 'cited';
    record.sources = [{ source: 's3' }];
  }
  return record;
}

/**
 * The whole dataset as input objects (links materialised).
 *
 * @example
 * parseDataset(toDatasetInput(generateDataset({ firms: 1000 })));
 */
export function toDatasetInput(data: SyntheticDataset): DatasetInput {
  const links: AnyRecord[] = new Array(data.links.count);
  for (let k = 0; k < data.links.count; k++) links[k] = linkRecord(data, k);
  return { ...data.head, links } as DatasetInput;
}

/** A buffered writer of a text file. */
function textWriter(path: string) {
  const stream = createWriteStream(path);
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) await new Promise<void>((done) => stream.once('drain', done));
  };
  return {
    async write(text: string) {
      buffer += text;
      if (buffer.length >= 1 << 20) await flush();
    },
    async close() {
      await flush();
      await new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
    },
  };
}

/**
 * Writes the dataset as JSON, one record per line (streamed: the links never exist as objects
 * all at once).
 *
 * @example
 * await writeJson(generateDataset({ firms: 1000 }), 'bench/out/1e3/dataset.json');
 */
export async function writeJson(data: SyntheticDataset, path: string): Promise<void> {
  const out = textWriter(path);
  const { head } = data;
  await out.write(`{\n"meta": ${JSON.stringify(head.meta)}`);
  const list = async (name: string, count: number, item: (k: number) => unknown) => {
    await out.write(`,\n"${name}": [`);
    for (let k = 0; k < count; k++) await out.write(`${k === 0 ? '\n' : ',\n'}${JSON.stringify(item(k))}`);
    await out.write('\n]');
  };
  for (const name of ['sources', 'regions', 'chains', 'enterprises', 'projects', 'targets', 'indicators'] as const) {
    const records = (head as unknown as Record<string, unknown[]>)[name]!;
    await list(name, records.length, (k) => records[k]);
  }
  await list('links', data.links.count, (k) => linkRecord(data, k));
  await out.write('\n}\n');
  await out.close();
}

/**
 * Writes the dataset as a folder of CSV tables, in the form `saveDataset` writes (every table,
 * BOM, CRLF), streaming the links.
 *
 * @example
 * await writeCsv(generateDataset({ firms: 1000 }), 'bench/out/1e3/csv');
 */
export async function writeCsv(data: SyntheticDataset, folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const { head } = data;
  const table = async (name: TableName, rows: () => Iterable<[AnyRecord, Record<string, string>]>) => {
    const spec = tableSpec(name);
    const out = textWriter(join(folder, `${name}.csv`));
    await out.write(`\uFEFF${formatCsvLine(writeHeader(spec, []))}\r\n`);
    for (const [record, keys] of rows()) await out.write(`${formatCsvLine(recordToRow(spec, record, keys, []))}\r\n`);
    await out.close();
  };
  const meta = head.meta as AnyRecord;
  writeFileSync(
    join(folder, 'meta.csv'),
    `\uFEFF${['key,value', ...Object.entries(meta).map(([k, v]) => formatCsvLine([k, String(v)]))].join('\r\n')}\r\n`,
  );
  const plain = (records: readonly unknown[] | undefined) =>
    function* (): Iterable<[AnyRecord, Record<string, string>]> {
      for (const r of records ?? []) yield [r as AnyRecord, {}];
    };
  const none = plain([]);
  for (const spec of TABLES) {
    switch (spec.name) {
      case 'sources':
      case 'regions':
      case 'chains':
      case 'enterprises':
      case 'projects':
      case 'targets':
      case 'indicators':
        await table(spec.name, plain((head as unknown as Record<string, unknown[]>)[spec.name]));
        break;
      case 'activities':
        await table('activities', function* () {
          for (const e of head.enterprises) for (const a of e.segments as AnyRecord[]) yield [a, { enterprise: e.id as string }];
        });
        break;
      case 'links':
        await table('links', function* () {
          for (let k = 0; k < data.links.count; k++) yield [linkRecord(data, k), {}];
        });
        break;
      default:
        await table(spec.name, none);
    }
  }
}

/** Sizes as written on the command line: `1e3`, `10000`, `1e5`. */
export function parseSizes(text: string): number[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 10) throw new Error(`not a size: ${s}`);
      return n;
    });
}

/** Label of a size: 1000 → `1e3`. */
export function sizeLabel(n: number): string {
  const e = Math.log10(n);
  return Number.isInteger(e) ? `1e${e}` : String(n);
}

const here = dirname(fileURLToPath(import.meta.url));
/** Folder of generated datasets (gitignored). */
export const OUT = resolve(here, 'out');

/** Largest size written as JSON (see the header). */
export const JSON_LIMIT = 100_000;

/**
 * Generates one size into `bench/out/<size>/` unless it is there already (a `done` marker).
 * Returns the folder.
 *
 * @example
 * const folder = await ensureDataset(1000);
 */
export async function ensureDataset(firms: number, options: { force?: boolean; log?: (line: string) => void } = {}): Promise<string> {
  const folder = join(OUT, sizeLabel(firms));
  const marker = join(folder, 'done');
  if (!options.force && existsSync(marker)) return folder;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const log = options.log ?? (() => undefined);
  let t = performance.now();
  const data = generateDataset({ firms });
  log(`${sizeLabel(firms)}: generated ${firms} firms, ${data.links.count} links in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (firms <= JSON_LIMIT) {
    t = performance.now();
    await writeJson(data, join(folder, 'dataset.json'));
    log(`${sizeLabel(firms)}: wrote dataset.json in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  t = performance.now();
  await writeCsv(data, join(folder, 'csv'));
  log(`${sizeLabel(firms)}: wrote csv/ in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  writeFileSync(
    marker,
    `${JSON.stringify({ firms, links: data.links.count, mainChain: data.mainChain, province: data.province, chains: data.head.chains.map((c) => c.id) })}\n`,
  );
  return folder;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--sizes');
  const sizes = parseSizes(at >= 0 ? args[at + 1]! : '1e3,1e4,1e5');
  const force = args.includes('--force');
  for (const n of sizes) await ensureDataset(n, { force, log: (line) => console.log(line) });
}
