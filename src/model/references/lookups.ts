/** Reference checks of a single id: a region, an enterprise, a chain, a segment of a chain. */
import type { Path, ReferenceContext } from './context.js';
import type { KnownIds } from './ids.js';

/** The checks of one reference each; an id that failed the shape check is not reported again. */
export interface Lookups {
  /** `unknown_region` unless the region exists. */
  region: (id: string | undefined, path: Path) => void;
  /** `unknown_enterprise` unless the enterprise exists. */
  enterprise: (id: string | undefined, path: Path) => void;
  /** `unknown_chain` unless the chain exists; whether it does. */
  chain: (id: string | undefined, path: Path) => boolean;
}

/**
 * The lookups over the ids of the dataset.
 *
 * @example
 * lookups(ctx, checkDuplicateIds(ctx)).region('nowhere', ['meta', 'region']); // adds unknown_region
 */
export function lookups(ctx: ReferenceContext, known: KnownIds): Lookups {
  const { add, invalid } = ctx;
  return {
    region: (id, path) => {
      if (id !== undefined && !known.regions.has(id) && !invalid('regions', id)) add('unknown_region', path, { id });
    },
    enterprise: (id, path) => {
      if (id !== undefined && !known.enterprises.has(id) && !invalid('enterprises', id)) add('unknown_enterprise', path, { id });
    },
    chain: (id, path) => {
      if (id === undefined) return false;
      if (known.chains.has(id)) return true;
      if (!invalid('chains', id)) add('unknown_chain', path, { id });
      return false;
    },
  };
}

/** Checks a (chain, segment) reference: a segment needs a chain, and the chain that segment. */
export type SegmentCheck = (chain: string | undefined, segment: string | undefined, path: Path, chainPath: Path) => void;

/**
 * The segment check over the segments of each chain (templates resolved).
 *
 * @example
 * segmentCheck(ctx, refs, new Map([['wind', new Set(['blade'])]]))('wind', 'hub', path, chainPath); // adds unknown_segment
 */
export function segmentCheck(ctx: ReferenceContext, refs: Lookups, segmentsOfChain: ReadonlyMap<string, ReadonlySet<string>>): SegmentCheck {
  const { add } = ctx;
  return (chain, segment, path, chainPath) => {
    if (segment !== undefined && chain === undefined) {
      add('segment_without_chain', path, { id: segment });
      return;
    }
    if (!refs.chain(chain, chainPath) || segment === undefined) return;
    if (!segmentsOfChain.get(chain!)!.has(segment) && !ctx.invalidSegment(chain!, segment)) add('unknown_segment', path, { chain, id: segment });
  };
}
