/**
 * The segments and flows of one template or chain: no duplicate segment, flows between its own
 * segments (a segment of another chain is named as such), no cycle, and the input coefficients
 * into each segment summing below 1 (`coefficients_not_productive` otherwise).
 * Only the chain's own part is reported; its template's part is reported on the template.
 */
import { findCycle } from '../chains.js';
import type { Path, ReferenceContext } from './context.js';

/** The segments and flows of a template or chain; a chain's template part comes first. */
export interface FlowOwner {
  owner: 'chains' | 'templates';
  ownerIndex: number;
  chainId: string;
  segments: readonly { id: string }[];
  /** Position of the first segment of the record itself (after its template's). */
  ownSegmentsFrom: number;
  flows: readonly { from: string; to: string; coefficient?: number | undefined }[];
  /** Position of the first flow of the record itself (after its template's). */
  ownFlowsFrom: number;
}

/**
 * Checks the segments and flows of one template or chain.
 *
 * @example
 * checkFlows(ctx, new Map(), { owner: 'templates', ownerIndex: 0, chainId: 't', segments, ownSegmentsFrom: 0, flows, ownFlowsFrom: 0 });
 */
export function checkFlows(ctx: ReferenceContext, chainsOfSegment: ReadonlyMap<string, string[]>, o: FlowOwner): void {
  const { add } = ctx;
  const position = segmentPositions(ctx, o);
  const adjacency: number[][] = o.segments.map(() => []);
  const inflow = new Map<string, number>();
  o.flows.forEach((flow, j) => {
    const own = j >= o.ownFlowsFrom;
    const path: Path = [o.owner, o.ownerIndex, 'flows', j - o.ownFlowsFrom];
    let ok = true;
    for (const end of ['from', 'to'] as const) {
      const id = flow[end];
      if (position.has(id)) continue;
      ok = false;
      if (!own || ctx.invalidSegment(o.chainId, id)) continue;
      const elsewhere = (chainsOfSegment.get(id) ?? []).filter((c) => c !== o.chainId);
      if (o.owner === 'chains' && elsewhere.length > 0) add('flow_cross_chain', [...path, end], { chain: o.chainId, id, chains: elsewhere });
      else add('unknown_segment', [...path, end], { chain: o.chainId, id });
    }
    if (!ok) return;
    if (flow.from === flow.to) {
      if (own) add('flow_cycle', [...path, 'to'], { chain: o.chainId, cycle: [flow.from, flow.to] });
      return;
    }
    adjacency[position.get(flow.from)!]!.push(position.get(flow.to)!);
    if (flow.coefficient !== undefined) inflow.set(flow.to, (inflow.get(flow.to) ?? 0) + flow.coefficient);
  });
  const cycle = findCycle(o.segments.length, adjacency);
  if (cycle) add('flow_cycle', [o.owner, o.ownerIndex, 'flows'], { chain: o.chainId, cycle: cycle.map((k) => o.segments[k]!.id) });
  for (const [segment, sum] of inflow) {
    if (sum >= 1)
      add('coefficients_not_productive', [o.owner, o.ownerIndex, 'flows'], {
        chain: o.chainId,
        segment,
        sum: Math.round(sum * 1e6) / 1e6,
      });
  }
}

/** Position of each segment id (its first); reports the record's own duplicates. */
function segmentPositions(ctx: ReferenceContext, o: FlowOwner): Map<string, number> {
  const position = new Map<string, number>();
  o.segments.forEach((segment, j) => {
    const first = position.get(segment.id);
    if (first !== undefined) {
      if (j >= o.ownSegmentsFrom)
        ctx.add('duplicate_id', [o.owner, o.ownerIndex, 'segments', j - o.ownSegmentsFrom, 'id'], {
          kind: 'segment',
          id: segment.id,
          first: first < o.ownSegmentsFrom ? `template segments[${first}]` : `segments[${first - o.ownSegmentsFrom}]`,
        });
    } else position.set(segment.id, j);
  });
  return position;
}
