/**
 * The local firms of a chain (in dataset order): its declared 链主, and the others as the
 * 配套清单 — each with its segments, output and the firms it supplies, locally and outside.
 */
import { isLocalIdx } from '../../../graph/queries.js';
import type { ResolvedChain } from '../../../model/chains.js';
import { LINK_STATUSES, type Role } from '../../../model/vocabulary.js';
import { largestOf } from './largest.js';
import type { ReportRun } from './run.js';
import type { SupportingRow } from './types.js';

/** Link statuses that count as supplying (the others are planned, potential or ended). */
const SUPPLYING_STATUSES = new Set(['active', 'brokered']);

/** The local firms of a chain by enterprise position, with the chain's segments each works in. */
export interface ChainFirms {
  chain: ResolvedChain;
  /** Segment positions within the chain, per local firm. */
  segmentsOf: Map<number, number[]>;
  /** Every local firm of the chain, in dataset order. */
  local: number[];
  /** Its role in this chain (its chain role, else its role), null when none is recorded. */
  roleOf: (e: number) => Role | null;
}

/**
 * The local firms of a chain: those in the scope region that work in one of its segments.
 *
 * @example
 * chainFirms(run, model.chains[0]).local.length;
 */
export function chainFirms(run: ReportRun, chain: ResolvedChain): ChainFirms {
  const { model } = run;
  const { dataset, index } = model;
  const c = index.chains.byId.get(chain.id)!;
  const s0 = index.segments.chainStart[c]!;
  const s1 = index.segments.chainStart[c + 1]!;
  const segmentsOf = new Map<number, number[]>();
  for (let s = s0; s < s1; s++)
    for (let k = index.segments.enterprises.offsets[s]!; k < index.segments.enterprises.offsets[s + 1]!; k++) {
      const e = index.segments.enterprises.items[k]!;
      if (!isLocalIdx(model, e, run.scope.regionIndex)) continue;
      const segs = segmentsOf.get(e);
      if (segs) segs.push(s - s0);
      else segmentsOf.set(e, [s - s0]);
    }
  const roleOf = (e: number): Role | null => {
    const record = dataset.enterprises[e]!;
    return record.chainRoles?.find((x) => x.chain === chain.id)?.role ?? record.role ?? null;
  };
  return { chain, segmentsOf, local: [...segmentsOf.keys()].sort((a, b) => a - b), roleOf };
}

/**
 * The 配套清单: local firms that are not 链主 of the chain, cut to the list limit (the largest by
 * output kept).
 *
 * @example
 * supportingRows(run, chainFirms(run, model.chains[0])).map((f) => f.name);
 */
export function supportingRows(run: ReportRun, firms: ChainFirms): SupportingRow[] {
  const { listLimit } = run.settings;
  const { dataset } = run.model;
  let supporting = firms.local.filter((e) => firms.roleOf(e) !== 'leader');
  if (supporting.length > listLimit) {
    run.truncated.push({ chain: firms.chain.id, list: 'supporting', shown: listLimit, total: supporting.length });
    supporting = largestOf(supporting, (e) => dataset.enterprises[e]!.output, listLimit);
  }
  return supporting.map((e) => supportingRow(run, firms, e));
}

function supportingRow(run: ReportRun, firms: ChainFirms, e: number): SupportingRow {
  const { model } = run;
  const { dataset, index } = model;
  const record = dataset.enterprises[e]!;
  const localBuyers: string[] = [];
  const outsideBuyers: string[] = [];
  for (let q = index.links.out.offsets[e]!; q < index.links.out.offsets[e + 1]!; q++) {
    const k = index.links.out.items[q]!;
    if (!SUPPLYING_STATUSES.has(LINK_STATUSES[index.links.status[k]!]!)) continue;
    const buyer = index.links.to[k]!;
    const name = dataset.enterprises[buyer]!.name;
    const list = isLocalIdx(model, buyer, run.scope.regionIndex) ? localBuyers : outsideBuyers;
    if (!list.includes(name)) list.push(name);
  }
  return {
    id: record.id,
    name: record.name,
    role: firms.roleOf(e),
    status: record.status,
    region: record.region,
    regionName: dataset.regions[index.enterprises.region[e]!]!.name,
    segments: firms.segmentsOf.get(e)!.map((j) => firms.chain.segments[j]!.name),
    output: record.output ?? null,
    localBuyers,
    outsideBuyers,
  };
}
