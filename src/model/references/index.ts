/**
 * Cross-reference checks over a shape-valid (possibly partial) dataset: one check per
 * collection, run in a fixed order so that issues always come out in the same order.
 *
 * Scale (1e6 links and more): the checks over enterprises and links fill scratch paths in place
 * and build an issue's path only for an issue; each link end is looked up once, for the
 * reference check and the duplicate check (./duplicates.ts, no key string per link), and the
 * positions found are handed back for `buildModel`.
 */
import type { DatasetIssue, Locale } from '../issues.js';
import type { ChainTemplate, Dataset } from '../schema.js';
import { checkChains } from './chains.js';
import { checkCitations } from './citations.js';
import { referenceContext, type Invalid } from './context.js';
import { checkEnterprises } from './enterprises.js';
import { checkFieldBasis } from './field-basis.js';
import { checkDuplicateIds } from './ids.js';
import { checkLinks, type LinkEnds } from './links.js';
import { lookups, segmentCheck } from './lookups.js';
import { checkProjects } from './projects.js';
import { checkRegions } from './regions.js';
import { checkScopes } from './scopes.js';

export type { Invalid } from './context.js';
export type { LinkEnds } from './links.js';
export { templateLookup } from './chains.js';
export { suggestNearMisses } from './suggest.js';

/**
 * Every cross-reference issue of `data`. References to records in `invalidRecords` (those that
 * failed the shape check, reported already) are not reported as unknown. When `ends` is given,
 * it receives the enterprise position of each link's supplier and buyer.
 *
 * @example
 * const issues = checkReferences(dataset, chainTemplates, { ids: new Map(), segments: new Set() }, 'en');
 * issues.map((i) => i.code); // → ['unknown_region', 'duplicate_link', …]
 */
export function checkReferences(
  data: Dataset,
  templates: readonly ChainTemplate[],
  invalidRecords: Invalid,
  locale: Locale,
  ends?: LinkEnds,
): DatasetIssue[] {
  const ctx = referenceContext(data, invalidRecords, locale);
  const known = checkDuplicateIds(ctx);
  const refs = lookups(ctx, known);
  checkRegions(ctx, known, refs);
  const { segmentsOfChain } = checkChains(ctx, templates);
  const checkSegment = segmentCheck(ctx, refs, segmentsOfChain);
  checkEnterprises(ctx, refs, checkSegment);
  checkLinks(ctx, known, checkSegment, ends);
  checkProjects(ctx, refs, checkSegment);
  checkScopes(ctx, refs);
  checkCitations(ctx, known);
  checkFieldBasis(ctx);
  return ctx.issues;
}
