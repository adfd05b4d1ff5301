/**
 * Templates and chains: each chain's template exists, then each template's and each chain's
 * segments and flows (./flows.ts), chains with their template's segments and flows resolved.
 */
import { chainTemplates } from '../../templates/index.js';
import { resolveChain, type ResolvedChain } from '../chains.js';
import type { ChainTemplate, Dataset } from '../schema.js';
import type { ReferenceContext } from './context.js';
import { checkFlows } from './flows.js';

/** The segments of the dataset's chains, templates resolved. */
export interface ChainSegments {
  /** Segment ids of each chain. */
  segmentsOfChain: Map<string, Set<string>>;
  /** Chains each segment id belongs to, in dataset order. */
  chainsOfSegment: Map<string, string[]>;
}

/**
 * The templates a dataset's chains can refer to: its own first, then the given ones.
 *
 * @example
 * templateLookup(dataset).get('wind-power')?.segments.length;
 */
export function templateLookup(
  data: Pick<Dataset, 'templates'>,
  templates: readonly ChainTemplate[] = chainTemplates,
): Map<string, ChainTemplate> {
  const lookup = new Map<string, ChainTemplate>();
  for (const t of templates) lookup.set(t.id, t);
  for (const t of data.templates) lookup.set(t.id, t);
  return lookup;
}

/**
 * Reports unknown templates of chains, then checks the flows of every template and of every
 * chain (with its template's part); returns the chains' segments for the references to them.
 *
 * @example
 * checkChains(ctx, chainTemplates).segmentsOfChain.get('wind')?.has('blade');
 */
export function checkChains(ctx: ReferenceContext, templates: readonly ChainTemplate[]): ChainSegments {
  const { data } = ctx;
  const lookup = templateLookup(data, templates);
  const segmentsOfChain = new Map<string, Set<string>>();
  const chainsOfSegment = new Map<string, string[]>();
  const resolved: ResolvedChain[] = [];
  data.chains.forEach((chain, i) => {
    if (chain.template !== undefined && !lookup.has(chain.template)) {
      if (!ctx.invalid('templates', chain.template)) ctx.add('unknown_template', ['chains', i, 'template'], { id: chain.template });
    }
    const r = resolveChain(chain, lookup);
    resolved.push(r);
    const ids = new Set(r.segments.map((s) => s.id));
    segmentsOfChain.set(chain.id, ids);
    for (const id of ids) chainsOfSegment.set(id, [...(chainsOfSegment.get(id) ?? []), chain.id]);
  });
  data.templates.forEach((t, i) =>
    checkFlows(ctx, chainsOfSegment, { owner: 'templates', ownerIndex: i, chainId: t.id, segments: t.segments, ownSegmentsFrom: 0, flows: t.flows, ownFlowsFrom: 0 }),
  );
  resolved.forEach((r, i) =>
    checkFlows(ctx, chainsOfSegment, {
      owner: 'chains',
      ownerIndex: i,
      chainId: r.id,
      segments: r.segments,
      ownSegmentsFrom: r.templateSegmentCount,
      flows: r.flows,
      ownFlowsFrom: r.templateFlowCount,
    }),
  );
  return { segmentsOfChain, chainsOfSegment };
}
