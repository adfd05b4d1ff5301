/**
 * The scope layer: what several analyses share for one (chain, region) and one model — the
 * resolved scope, the enterprise records' extras (chain roles, parents), each supply link's
 * product segment, and small helpers over enterprise indices. Questions import it from here.
 */
export { resolveScope } from './scope.js';
export type { Reason, ResolvedScope, ScopeOptions } from './scope.js';
export { applyChainRoles, markChainRoleMembers, recordExtras, roleCodesInChain } from './record-extras.js';
export type { RecordExtras } from './record-extras.js';
export { linkProductSegment, OTHER_CHAIN, productSegmentCode, UNRESOLVED } from './link-segment.js';
export type { LinkSegmentBasis } from './link-segment.js';
export { distinctSorted, sortedUnique } from './sorted-unique.js';
export { DEFAULT_PRESENT_STATUSES, DEFAULT_SUPPLY_LINK_STATUSES, scopeMembers, statusTable } from './statuses.js';
