/**
 * Local supply shares of the induced-output model: from the valued active/brokered supply links
 * into local buyers of the chain where known, else 0 where no local firm is in the segment, else
 * `localShare` (0.3); the planner's `localShares` override all three.
 */
import type { EstimateContext } from './context.js';
import { ST_CLOSED, ST_PROSPECT } from './firms.js';
import type { PipeItem } from './pipeline.js';
import type { InducedSegment } from './types.js';

/** Value of valued links into buyers in scope by segment of a chain: from suppliers in the region and from any. */
export interface LinkValues {
  local: Float64Array;
  all: Float64Array;
}

/**
 * Value of active/brokered links of known value into buyers in scope, by chain of the buyer and
 * product segment (given, else the supplier's one segment in the chain); from suppliers in the
 * region (`local`) and from any (`all`). One pass over the links serves every chain; each
 * chain's sums add its links in link order, as a pass per chain would.
 *
 * @example
 * valuedLinksByChain(ctx, [c])[c]!.local; // value of local supply by segment of chain c
 */
export function valuedLinksByChain(ctx: EstimateContext, chainsInScope: readonly number[]): (LinkValues | undefined)[] {
  const { model, s: arena, firms, scopeRegion, scopeChain } = ctx;
  const { index } = model;
  const E = index.enterprises;
  const S = index.segments;
  const { chainOff, chainItems } = ctx.columns;
  const { enter: regionEnter, leave: regionLeave } = index.regions;
  const nE = E.ids.length;
  const nScope = firms.length;
  const byChain: (LinkValues | undefined)[] = [];
  for (const c of chainsInScope) {
    const n = S.chainStart[c + 1]! - S.chainStart[c]!;
    byChain[c] = { local: new Float64Array(n), all: new Float64Array(n) };
  }
  // whether each firm is in scope, and whether it is located in the region, in typed arrays:
  // at 1e7 links, following a list per buyer or a firm's region costs a cache miss per link
  const buyerInScope = arena.uint8(nE);
  for (let q = 0; q < nScope; q++) buyerInScope[firms[q]!] = 1;
  const inRegion = arena.uint8(nE);
  const regionLo = regionEnter[scopeRegion]!;
  const regionHi = regionLeave[scopeRegion]!;
  for (let e = 0; e < nE; e++) {
    const re = regionEnter[E.region[e]!]!;
    inRegion[e] = regionLo <= re && re < regionHi ? 1 : 0;
  }
  const L = index.links;
  for (let l = 0; l < L.from.length; l++) {
    const v = L.value[l]!;
    if (Number.isNaN(v) || (L.status[l] !== 0 && L.status[l] !== 1)) continue;
    const buyer = L.to[l]!;
    if (buyerInScope[buyer] === 0) continue;
    const supplier = L.from[l]!;
    // with a chain scope, every firm in scope is active in that chain, the only one summed
    // (kc = −1 stands for it); else the buyer's chains
    const k0 = scopeChain >= 0 ? -1 : chainOff[buyer]!;
    const k1 = scopeChain >= 0 ? 0 : chainOff[buyer + 1]!;
    for (let kc = k0; kc < k1; kc++) {
      const c = kc < 0 ? scopeChain : chainItems[kc]!;
      const sums = byChain[c];
      if (sums === undefined) continue;
      let s = L.segment[l]!;
      if (s < 0) {
        let own = 0;
        for (let k = E.segments.offsets[supplier]!; k < E.segments.offsets[supplier + 1]!; k++)
          if (S.chain[E.segments.items[k]!] === c) (own++, (s = E.segments.items[k]!));
        if (own !== 1) continue;
      }
      if (S.chain[s] !== c) continue;
      const start = S.chainStart[c]!;
      sums.all[s - start]! += v;
      if (inRegion[supplier] === 1) sums.local[s - start]! += v;
    }
  }
  return byChain;
}

/**
 * Segments with a firm in scope that is neither closed nor a prospect, or a counted project.
 *
 * @example
 * segmentsWithFirms(ctx, pipes)[s]; // 1 when a local firm or counted project is in segment s
 */
export function segmentsWithFirms(ctx: EstimateContext, pipes: readonly PipeItem[]): Uint8Array {
  const { model, firms } = ctx;
  const E = model.index.enterprises;
  const present = new Uint8Array(model.index.segments.keys.length);
  for (let q = 0; q < firms.length; q++) {
    const e = firms[q]!;
    const st = E.status[e]!;
    if (st === ST_CLOSED || st === ST_PROSPECT) continue;
    for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) present[E.segments.items[k]!] = 1;
  }
  for (let i = 0; i < pipes.length; i++) {
    const segs = pipes[i]!.segs;
    if (pipes[i]!.counted) for (let k = 0; k < segs.length; k++) present[segs[k]!] = 1;
  }
  return present;
}

/**
 * Each segment's local share and its source, for the segments [start, start + n) of a chain.
 *
 * @example
 * localShares(start, n, links, present, new Map(), 0.3).sources; // e.g. ['links', 'no-local-firm', 'default']
 */
export function localShares(
  start: number,
  n: number,
  links: LinkValues,
  present: Uint8Array,
  overrides: ReadonlyMap<number, number>,
  defaultShare: number,
): { shares: number[]; sources: InducedSegment['localShareSource'][] } {
  const { local: localValue, all: allValue } = links;
  const shares: number[] = [];
  const sources: InducedSegment['localShareSource'][] = [];
  for (let i = 0; i < n; i++) {
    const override = overrides.get(start + i);
    if (override !== undefined) (shares.push(override), sources.push('option'));
    else if (allValue[i]! > 0) (shares.push(localValue[i]! / allValue[i]!), sources.push('links'));
    else if (!present[i]) (shares.push(0), sources.push('no-local-firm'));
    else (shares.push(defaultShare), sources.push('default'));
  }
  return { shares, sources };
}
