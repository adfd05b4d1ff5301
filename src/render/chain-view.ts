/**
 * What the chain renderers (map, ECharts, DOT) draw: a chain's segments in flow order, each with
 * its state from {@link findGaps} and its local enterprises, and the flows between them.
 */
import { findGaps, GAP_CODES, type FillingEntry, type GapCode, type GapsResult } from '../analysis/gaps/index.js';
import { resolveScope } from '../analysis/scope/index.js';
import type { ChainModel } from '../graph/model.js';
import { isLocalIdx, segmentGenerations } from '../graph/queries.js';
import { ChainError } from '../model/issues.js';
import type { EnterpriseStatus, Role, Stage } from '../model/vocabulary.js';

/** A local enterprise of a segment. */
export interface EnterpriseView {
  id: string;
  name: string;
  aliases: string[];
  status: EnterpriseStatus;
  role: Role | null;
  /** 链主 of the chain (its `chainRoles` entry for the chain, else its `role`). */
  leader: boolean;
  /** Output, 亿元; null when unknown. */
  output: number | null;
}

/** A segment as drawn. */
export interface SegmentView {
  id: string;
  name: string;
  stage: Stage;
  /** Column (topological generation) of the segment; segments on a cycle get the last column. */
  generation: number;
  /** `missing` (缺链) or `thin` (短板) from the gap findings, else `present`. */
  state: 'present' | 'thin' | 'missing';
  /** Kinds of gap found in the segment. */
  findings: GapCode[];
  /** Projects and enterprises filling a gap of the segment. */
  filling: FillingEntry[];
  /** Outside supply of local buyers (from the external-dependency finding), else null. */
  external: { suppliers: string[]; buyers: string[]; externalShare: number } | null;
  /** Σ output of local present firms, 亿元; null when unknown. */
  localOutput: number | null;
  /** Local enterprises of the segment, any status: 链主 first, then present ones, in dataset order. */
  enterprises: EnterpriseView[];
}

/** A chain ready to draw. */
export interface ChainView {
  chain: string;
  chainName: string;
  region: string;
  regionName: string;
  /** Segment ids by column, 上游 → 下游. */
  columns: string[][];
  segments: SegmentView[];
  flows: { from: string; to: string; coefficient: number | null }[];
  gaps: GapsResult;
}

/** Options shared by the chain renderers. */
export interface ChainViewOptions {
  /** Chain id (required). */
  chain: string;
  /** Region id; covers its sub-regions. Default: `meta.region`. */
  region?: string;
  /** Gaps computed beforehand by `findGaps` for the same chain and region. Default: computed. */
  gaps?: GapsResult;
}

const PRESENT_ORDER: Record<EnterpriseStatus, number> = {
  operating: 0,
  'under-construction': 1,
  signed: 2,
  planned: 3,
  prospect: 4,
  closed: 5,
};

/**
 * Collects what a chain map shows: columns from `segmentGenerations`, segment states from
 * `findGaps`, local enterprises (the region and its sub-regions, any status) per segment.
 *
 * @example
 * const view = chainView(model, { chain: 'wind-power', region: 'jiuquan' });
 * view.segments.filter((s) => s.state === 'missing').map((s) => s.name); // ['钢材', …]
 */
export function chainView(model: ChainModel, options: ChainViewOptions): ChainView {
  const scope = resolveScope(model, options, true);
  const c = scope.chainIndex!;
  const chain = model.chains[c]!;
  const gaps = options.gaps ?? findGaps(model, { chain: chain.id, region: scope.region });
  if (gaps.chain !== chain.id || gaps.region !== scope.region)
    throw new ChainError('invalid_argument', `the gaps given are for ${gaps.chain} in ${gaps.region}, not ${chain.id} in ${scope.region}`, {
      chain: chain.id,
      region: scope.region,
    });
  const { index, dataset } = model;
  const s0 = index.segments.chainStart[c]!;

  const generations = segmentGenerations(model, chain.id);
  const placed = new Set(generations.flat());
  const leftover = chain.segments.map((s) => s.id).filter((id) => !placed.has(id));
  const columns = leftover.length > 0 ? [...generations, leftover] : generations;
  const generationOf = new Map<string, number>();
  columns.forEach((col, g) => col.forEach((id) => generationOf.set(id, g)));

  const isLeader = (e: number) => {
    const record = dataset.enterprises[e]!;
    return (record.chainRoles?.find((r) => r.chain === chain.id)?.role ?? record.role) === 'leader';
  };

  const segments: SegmentView[] = chain.segments.map((segment, j) => {
    const s = s0 + j;
    // a segment's one row and the findings of its other aspects
    const found = gaps.findings.filter((f) => f.segment === segment.id).flatMap((f) => [f, ...f.also]);
    const codes = GAP_CODES.filter((code) => found.some((f) => f.code === code));
    const state = codes.includes('missing_segment') ? 'missing' : codes.includes('thin_segment') ? 'thin' : 'present';
    const filling: FillingEntry[] = [];
    const seen = new Set<string>();
    for (const f of found)
      for (const entry of f.beingFilledBy) {
        const key = `${entry.project ?? ''}|${entry.enterprise ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        filling.push(entry);
      }
    const externalFinding = found.find((f) => f.code === 'external_dependency');
    const external =
      externalFinding && externalFinding.code === 'external_dependency'
        ? { suppliers: externalFinding.suppliers, buyers: externalFinding.buyers, externalShare: externalFinding.externalShare }
        : null;
    const local: number[] = [];
    const { offsets, items } = index.segments.enterprises;
    for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
      const e = items[k]!;
      if (isLocalIdx(model, e, scope.regionIndex)) local.push(e);
    }
    // 链主 first, then by status (operating first), then dataset order: one numeric key per firm,
    // (leader ? 0 : 1, status order, index), sorted as numbers (exact: below 2^53)
    const n = index.enterprises.ids.length;
    const keys = new Float64Array(local.length);
    for (let q = 0; q < local.length; q++) {
      const e = local[q]!;
      keys[q] = ((isLeader(e) ? 0 : 8) + PRESENT_ORDER[dataset.enterprises[e]!.status]) * n + e;
    }
    keys.sort();
    const enterprises: EnterpriseView[] = [];
    for (let q = 0; q < keys.length; q++) {
      const e = keys[q]! % n;
      if (q > 0 && keys[q] === keys[q - 1]) continue; // listed twice in the segment
      const record = dataset.enterprises[e]!;
      enterprises.push({
        id: record.id,
        name: record.name,
        aliases: record.aliases ?? [],
        status: record.status,
        role: record.chainRoles?.find((r) => r.chain === chain.id)?.role ?? record.role ?? null,
        leader: isLeader(e),
        output: record.output ?? null,
      });
    }
    const stateRow = gaps.segments.find((x) => x.segment === segment.id);
    return {
      id: segment.id,
      name: segment.name,
      stage: segment.stage,
      generation: generationOf.get(segment.id) ?? columns.length - 1,
      state,
      findings: codes,
      filling,
      external,
      localOutput: stateRow?.localOutput ?? null,
      enterprises,
    };
  });

  return {
    chain: chain.id,
    chainName: chain.name,
    region: scope.region,
    regionName: dataset.regions[scope.regionIndex]!.name,
    columns,
    segments,
    flows: chain.flows.map((f) => ({ from: f.from, to: f.to, coefficient: f.coefficient ?? null })),
    gaps,
  };
}
