/**
 * Which firms and which links count in a scope: lookup tables over status codes, the default
 * statuses (firms present at the place; existing supply relations), and the enterprises of a
 * (region, chain) scope. Shared by the centrality, leader, match and resilience analyses.
 *
 * Cost: the members of a scope are one pass over the region's firms, with each firm's declared
 * chain roles read from a per-model cache (compressed rows of chain indices, built once), so
 * scoping needs no record lookups.
 */
import type { ChainModel } from '../../graph/model.js';
import { enterprisesInRegionIdx } from '../../graph/queries.js';
import type { Scratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import { ENTERPRISE_STATUSES, type EnterpriseStatus, type LinkStatus } from '../../model/vocabulary.js';

/** Link statuses that count as an existing supply relation by default. */
export const DEFAULT_SUPPLY_LINK_STATUSES: readonly LinkStatus[] = ['active', 'brokered'];
/** Enterprise statuses analysed by default: every firm present at the place (not closed, not a mere prospect). */
export const DEFAULT_PRESENT_STATUSES: readonly EnterpriseStatus[] = [
  'operating',
  'under-construction',
  'signed',
  'planned',
];

/**
 * A lookup table over status codes: 1 for the given statuses. Throws a {@link ChainError} for an
 * unknown status.
 *
 * @example
 * const counted = statusTable(['active', 'brokered'], LINK_STATUSES);
 * counted[model.index.links.status[k]]; // 1 when link k counts
 */
export function statusTable(values: readonly string[], all: readonly string[]): Uint8Array {
  const table = new Uint8Array(all.length);
  for (const v of values) {
    const code = all.indexOf(v);
    if (code < 0) throw new ChainError('invalid_argument', `unknown status "${v}"`, { id: v, valid: all });
    table[code] = 1;
  }
  return table;
}

const roleChainsCache = new WeakMap<ChainModel, { offsets: Int32Array; items: Int32Array }>();

/**
 * Per enterprise, the chain index of each of its `chainRoles` entries (−1 for a chain the model
 * does not know), in compressed rows; cached per model, so that scoping needs no record lookups.
 */
function roleChains(model: ChainModel): { offsets: Int32Array; items: Int32Array } {
  let rows = roleChainsCache.get(model);
  if (rows === undefined) {
    const records = model.dataset.enterprises;
    const chainById = model.index.chains.byId;
    const offsets = new Int32Array(records.length + 1);
    const items: number[] = [];
    for (let e = 0; e < records.length; e++) {
      for (const r of records[e]!.chainRoles ?? []) items.push(chainById.get(r.chain) ?? -1);
      offsets[e + 1] = items.length;
    }
    rows = { offsets, items: Int32Array.from(items) };
    roleChainsCache.set(model, rows);
  }
  return rows;
}

/**
 * The enterprises of a scope: located in the region or its sub-regions, operating in the chain
 * (or holding a `chainRoles` entry for it) when one is given, with one of the given statuses;
 * ascending enterprise indices. With a scratch scope `s`, the result is taken from it (valid only
 * inside that scope).
 *
 * @example
 * scopeMembers(model, regionIndex(model, 'jiuquan'), chainIndex(model, 'wind-power')); // Int32Array of enterprise indices
 */
export function scopeMembers(
  model: ChainModel,
  regionIdx: number,
  chainIdx: number | undefined,
  statuses: readonly EnterpriseStatus[] = DEFAULT_PRESENT_STATUSES,
  s?: Scratch,
): Int32Array {
  const { enterprises, segments } = model.index;
  const allowed = statusTable(statuses, ENTERPRISE_STATUSES);
  const roles = chainIdx === undefined ? undefined : roleChains(model);
  const inRegion = enterprisesInRegionIdx(model, regionIdx);
  // in the scratch scope, straight into an array as long as the region's firms; else a list
  const buffer = s ? s.int32(inRegion.length) : undefined;
  const picked: number[] = [];
  let count = 0;
  for (const e of inRegion) {
    if (!allowed[enterprises.status[e]!]) continue;
    if (chainIdx !== undefined) {
      let inChain = false;
      for (let k = enterprises.segments.offsets[e]!; k < enterprises.segments.offsets[e + 1]!; k++)
        if (segments.chain[enterprises.segments.items[k]!] === chainIdx) inChain = true;
      // a firm with a declared role in the chain belongs to it even where its segment is not recorded
      if (!inChain)
        for (let k = roles!.offsets[e]!; k < roles!.offsets[e + 1]!; k++) if (roles!.items[k] === chainIdx) inChain = true;
      if (!inChain) continue;
    }
    if (buffer) buffer[count++] = e;
    else picked.push(e);
  }
  return buffer ? buffer.subarray(0, count).sort() : Int32Array.from(picked).sort();
}
