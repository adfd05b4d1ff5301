/**
 * The firms in scope: per-model columns (each firm's chains and its role in each, its output
 * year), the firms of the region active in the chain, the base year they imply, the chain
 * leaders among them, and the firms an estimate lists.
 */
import type { ChainModel } from '../../graph/model.js';
import { largestPositions } from '../../internal/largest.js';
import type { Scratch } from '../../internal/scratch.js';
import { ENTERPRISE_STATUSES, ROLES, type ProjectStatus } from '../../model/vocabulary.js';

export const ST_OPERATING = ENTERPRISE_STATUSES.indexOf('operating');
export const ST_CLOSED = ENTERPRISE_STATUSES.indexOf('closed');
export const ST_PROSPECT = ENTERPRISE_STATUSES.indexOf('prospect');
/** Status of the project a non-operating enterprise implies, by enterprise status code. */
export const IMPLIED_STATUS: (ProjectStatus | undefined)[] = ENTERPRISE_STATUSES.map((s) =>
  s === 'under-construction' || s === 'signed' || s === 'planned' ? s : s === 'prospect' ? 'planned' : undefined,
);
export const NO_ROLE_CODE = 255;
export const ROLE_CODE = new Map<string, number>(ROLES.map((r, i) => [r, i]));
export const NO_YEAR = -2_147_483_648;

/**
 * Columns of a model every estimate reads, derived once per model (a model is never mutated):
 * each enterprise's distinct chains (those of its segments, then of its chain roles; ascending)
 * with its role in each (the chain role, else its own role), and its output year.
 */
export interface EnterpriseColumns {
  /** CSR over enterprises: chain indices, ascending. */
  chainOff: Int32Array;
  chainItems: Int32Array;
  /** Role code (index into ROLES, or NO_ROLE_CODE) in each chain of `chainItems`. */
  chainRole: Uint8Array;
  /** `outputYear`, or NO_YEAR. */
  outputYear: Int32Array;
}

const columnCache = new WeakMap<ChainModel, EnterpriseColumns>();

/**
 * The model's {@link EnterpriseColumns}, derived on the first call and cached.
 *
 * @example
 * enterpriseColumns(model).outputYear[e]; // NO_YEAR when e has none
 */
export function enterpriseColumns(model: ChainModel): EnterpriseColumns {
  const cached = columnCache.get(model);
  if (cached) return cached;
  const { dataset, index } = model;
  const E = index.enterprises;
  const S = index.segments;
  const chainIds = index.chains.ids;
  const n = E.ids.length;
  const chainOff = new Int32Array(n + 1);
  let chainItems = new Int32Array(n + 16);
  let chainRole = new Uint8Array(n + 16);
  const outputYear = new Int32Array(n);
  const list: number[] = [];
  let len = 0;
  for (let e = 0; e < n; e++) {
    const rec = dataset.enterprises[e]!;
    outputYear[e] = rec.outputYear ?? NO_YEAR;
    list.length = 0;
    for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) {
      const c = S.chain[E.segments.items[k]!]!;
      if (!list.includes(c)) list.push(c);
    }
    const chainRoles = rec.chainRoles;
    if (chainRoles !== undefined)
      for (const r of chainRoles) {
        const c = index.chains.byId.get(r.chain);
        if (c !== undefined && !list.includes(c)) list.push(c);
      }
    if (list.length > 1) list.sort((x, y) => x - y);
    if (len + list.length > chainItems.length) {
      const grown = new Int32Array(2 * chainItems.length + list.length);
      grown.set(chainItems);
      chainItems = grown;
      const grownRoles = new Uint8Array(grown.length);
      grownRoles.set(chainRole);
      chainRole = grownRoles;
    }
    for (const c of list) {
      const role = chainRoles?.find((r) => r.chain === chainIds[c])?.role ?? rec.role;
      chainItems[len] = c;
      chainRole[len] = role === undefined ? NO_ROLE_CODE : ROLE_CODE.get(role)!;
      len++;
    }
    chainOff[e + 1] = len;
  }
  const columns: EnterpriseColumns = { chainOff, chainItems: chainItems.slice(0, len), chainRole: chainRole.slice(0, len), outputYear };
  columnCache.set(model, columns);
  return columns;
}

/** Firms of the region active in the chain (all with chain −1), ascending. */
export function firmsInScope(s: Scratch, regionEnts: Int32Array, chain: number, chainOff: Int32Array, chainItems: Int32Array): Int32Array {
  if (chain < 0) return s.copy(regionEnts).sort();
  const out = s.int32(regionEnts.length);
  let n = 0;
  for (let q = 0; q < regionEnts.length; q++) {
    const e = regionEnts[q]!;
    let found = false;
    for (let k = chainOff[e]!; k < chainOff[e + 1]! && !found; k++) found = chainItems[k] === chain;
    if (found) out[n++] = e;
  }
  return out.subarray(0, n).sort();
}

/**
 * Latest output year of the operating firms with an output and its year; −1 if none.
 *
 * @example
 * latestOutputYear(firms, E.status, E.output, outputYear); // e.g. 2024, or −1
 */
export function latestOutputYear(firms: Int32Array, status: Uint8Array, output: Float64Array, outputYear: Int32Array): number {
  let latest = -1;
  for (let q = 0; q < firms.length; q++) {
    const e = firms[q]!;
    if (status[e] === ST_OPERATING && !Number.isNaN(output[e]!) && outputYear[e] !== NO_YEAR) latest = Math.max(latest, outputYear[e]!);
  }
  return latest;
}

/**
 * Firms with a leader role by chain (those not closed), each list ascending.
 *
 * @example
 * leadersOf(firms, E.status, chainOff, chainItems, chainRole, leaderRole, nChains)[c]; // leaders of chain c
 */
export function leadersOf(
  firms: Int32Array,
  status: Uint8Array,
  chainOff: Int32Array,
  chainItems: Int32Array,
  chainRole: Uint8Array,
  leaderRole: Uint8Array,
  nChains: number,
): number[][] {
  const out: number[][] = Array.from({ length: nChains }, () => []);
  for (let q = 0; q < firms.length; q++) {
    const e = firms[q]!;
    if (status[e] === ST_CLOSED) continue;
    for (let k = chainOff[e]!; k < chainOff[e + 1]!; k++) if (leaderRole[chainRole[k]!] === 1) out[chainItems[k]!]!.push(e);
  }
  return out;
}

/**
 * Enterprises with a non-zero entry, ascending.
 *
 * @example
 * firmsListed(s, Uint8Array.of(0, 1, 0, 4)); // Int32Array [1, 3]
 */
export function firmsListed(s: Scratch, kinds: Uint8Array): Int32Array {
  let n = 0;
  for (let e = 0; e < kinds.length; e++) if (kinds[e] !== 0) n++;
  const out = s.int32(n);
  for (let e = 0, q = 0; e < kinds.length; e++) if (kinds[e] !== 0) out[q++] = e;
  return out;
}

/**
 * The `limit` firms of `listed` with the largest expected output in the last year (`entExp` row
 * `entRow[e]`, width nY; NaN counts as −∞), ties to the earlier in the list, kept in list order.
 *
 * @example
 * largestFirms(s, listed, entRow, entExp, nY, 100); // the 100 largest, in list order
 */
export function largestFirms(s: Scratch, listed: Int32Array, entRow: Int32Array, entExp: Float64Array, nY: number, limit: number): Int32Array {
  const key = s.float64(listed.length);
  for (let q = 0; q < listed.length; q++) key[q] = entExp[entRow[listed[q]!]! * nY + nY - 1]!;
  return largestPositions(key, limit, s).map((q) => listed[q]!);
}
