/**
 * What the analyses need from the enterprise records beyond the compact index — the
 * `chainRoles` entries and each firm's `parent` — read once per model and cached, and the role
 * of every enterprise in one chain (its `chainRoles` entry for the chain, else its overall role).
 */
import type { ChainModel } from '../../graph/model.js';
import { ROLES } from '../../model/vocabulary.js';

/**
 * What the analyses need from the enterprise records beyond the compact index, read once per
 * model (one walk over `dataset.enterprises`; the model is never mutated): the `chainRoles`
 * entries (the first one per enterprise and chain, as `find` picks it) and each firm's `parent`
 * as an enterprise index.
 */
export interface RecordExtras {
  /** Enterprise of each chainRoles entry (ascending). */
  roleEnterprise: Int32Array;
  /** Chain index of each entry (entries for chains the model does not have are left out). */
  roleChain: Int32Array;
  /** Role code of each entry (index into ROLES). */
  roleCode: Uint8Array;
  /** Enterprise index of each firm's `parent`, -1 when none or not an enterprise of the dataset; null when no firm has one. */
  parent: Int32Array | null;
}

const extrasCache = new WeakMap<ChainModel, RecordExtras>();

/**
 * The {@link RecordExtras} of a model, computed on first use and cached (the model is
 * immutable). Internal to the analyses (not in the package barrel).
 *
 * @example
 * const { parent } = recordExtras(model);
 * parent?.[e]; // enterprise index of e's parent group company, -1 when none
 */
export function recordExtras(model: ChainModel): RecordExtras {
  let extras = extrasCache.get(model);
  if (extras) return extras;
  const { enterprises: ents, chains } = model.index;
  const records = model.dataset.enterprises;
  const roleEnterprise: number[] = [];
  const roleChain: number[] = [];
  const roleCode: number[] = [];
  let parent: Int32Array | null = null;
  for (let e = 0; e < records.length; e++) {
    const record = records[e]!;
    const roles = record.chainRoles;
    if (roles !== undefined && roles.length > 0) {
      const first = roleChain.length;
      for (const entry of roles) {
        const c = chains.byId.get(entry.chain);
        if (c === undefined) continue;
        let seen = false;
        for (let i = first; i < roleChain.length && !seen; i++) seen = roleChain[i] === c;
        if (seen) continue;
        roleEnterprise.push(e);
        roleChain.push(c);
        roleCode.push(ROLES.indexOf(entry.role));
      }
    }
    if (record.parent !== undefined) {
      parent ??= new Int32Array(records.length).fill(-1);
      parent[e] = ents.byId.get(record.parent) ?? -1;
    }
  }
  extras = {
    roleEnterprise: Int32Array.from(roleEnterprise),
    roleChain: Int32Array.from(roleChain),
    roleCode: Uint8Array.from(roleCode),
    parent,
  };
  extrasCache.set(model, extras);
  return extras;
}

/**
 * The role code (index into ROLES, or NO_ROLE) of every enterprise in chain index `c`: its
 * `chainRoles` entry for the chain, else its overall role. Internal to the analyses.
 *
 * @example
 * const roles = roleCodesInChain(model, chainIndex(model, 'wind-power'));
 * roles[e] === ROLES.indexOf('leader'); // e is a 链主 of the wind-power chain
 */
export function roleCodesInChain(model: ChainModel, c: number): Uint8Array {
  return applyChainRoles(model, c, model.index.enterprises.role.slice());
}

/**
 * Overwrites `codes` (a copy of the overall roles) with the `chainRoles` entries for chain index
 * `c`; returns it. {@link roleCodesInChain} into an array of the caller's (e.g. a scratch copy).
 *
 * @example
 * const roles = applyChainRoles(model, c, scratch.copy(model.index.enterprises.role));
 */
export function applyChainRoles(model: ChainModel, c: number, codes: Uint8Array): Uint8Array {
  const { roleEnterprise, roleChain, roleCode } = recordExtras(model);
  for (let i = 0; i < roleChain.length; i++) if (roleChain[i] === c) codes[roleEnterprise[i]!] = roleCode[i]!;
  return codes;
}

/**
 * Marks enterprises with a `chainRoles` entry for chain index `c` (`mask[e] = value`).
 * Internal to the analyses.
 *
 * @example
 * const members = new Uint8Array(model.index.enterprises.ids.length);
 * markChainRoleMembers(model, c, members, 1); // members[e] = 1 for firms with a role in chain c
 */
export function markChainRoleMembers(model: ChainModel, c: number, mask: Uint8Array, value: number): void {
  const { roleEnterprise, roleChain } = recordExtras(model);
  for (let i = 0; i < roleChain.length; i++) if (roleChain[i] === c) mask[roleEnterprise[i]!] = value;
}
