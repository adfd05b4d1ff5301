/**
 * graphology views of a model, for interop (sigma.js, graphology-metrics, GEXF export) and for
 * the algorithms graphology provides. Built on first use and cached per model; analyses' hot
 * loops use the compact index instead (see ./model.ts).
 *
 * The cached graphs are shared: copy one (`graph.copy()`) before changing it.
 */
import { DirectedGraph, MultiDirectedGraph } from 'graphology';
import type { Citation, Enterprise, Segment } from '../model/schema.js';
import type { EnterpriseStatus, LinkStatus, Role, Stage } from '../model/vocabulary.js';
import type { ChainModel } from './model.js';
import { chainIndex } from './queries.js';

/** Node attributes of the supply network. */
export interface EnterpriseNodeAttributes {
  name: string;
  region: string;
  role?: Role;
  status: EnterpriseStatus;
  output?: number;
  /** `chain/segment` keys the enterprise operates in. */
  segments: string[];
}

/** Edge attributes of the supply network (one edge per supply link). */
export interface SupplyEdgeAttributes {
  /** Position of the link in `dataset.links`. */
  link: number;
  status: LinkStatus;
  value?: number;
  segment?: string;
  product?: string;
  sources?: Citation[];
}

/** Node attributes of a chain's segment-flow graph. */
export interface SegmentNodeAttributes {
  name: string;
  stage: Stage;
  valueShare?: number;
}

/** Edge attributes of a chain's segment-flow graph. */
export interface FlowEdgeAttributes {
  coefficient?: number;
}

/** The supply network as a graphology multigraph. */
export type SupplyGraph = MultiDirectedGraph<EnterpriseNodeAttributes, SupplyEdgeAttributes>;
/** A chain's segment flows as a graphology directed graph. */
export type SegmentGraph = DirectedGraph<SegmentNodeAttributes, FlowEdgeAttributes>;

const supplyCache = new WeakMap<ChainModel, SupplyGraph>();
const segmentCache = new WeakMap<ChainModel, Map<string, SegmentGraph>>();

function nodeAttributes(e: Enterprise): EnterpriseNodeAttributes {
  const attributes: EnterpriseNodeAttributes = {
    name: e.name,
    region: e.region,
    status: e.status,
    segments: e.segments.map((a) => `${a.chain}/${a.segment}`),
  };
  if (e.role !== undefined) attributes.role = e.role;
  if (e.output !== undefined) attributes.output = e.output;
  return attributes;
}

/**
 * The supply network: enterprises as nodes (keyed by id), supply links as directed edges
 * supplier → buyer, keyed `links[k]` or by the link's own id. Built once per model.
 *
 * @example
 * import pagerank from 'graphology-metrics/centrality/pagerank.js';
 * const ranks = pagerank(supplyGraph(model), { getEdgeWeight: 'value' });
 */
export function supplyGraph(model: ChainModel): SupplyGraph {
  const cached = supplyCache.get(model);
  if (cached) return cached;
  const graph: SupplyGraph = new MultiDirectedGraph();
  for (const e of model.dataset.enterprises) graph.addNode(e.id, nodeAttributes(e));
  model.dataset.links.forEach((l, k) => {
    const attributes: SupplyEdgeAttributes = { link: k, status: l.status };
    if (l.value !== undefined) attributes.value = l.value;
    if (l.segment) attributes.segment = `${l.segment.chain}/${l.segment.segment}`;
    if (l.product !== undefined) attributes.product = l.product;
    if (l.sources) attributes.sources = l.sources;
    graph.addDirectedEdgeWithKey(l.id ?? `links[${k}]`, l.from, l.to, attributes);
  });
  supplyCache.set(model, graph);
  return graph;
}

function segmentAttributes(s: Segment): SegmentNodeAttributes {
  const attributes: SegmentNodeAttributes = { name: s.name, stage: s.stage };
  if (s.valueShare !== undefined) attributes.valueShare = s.valueShare;
  return attributes;
}

/**
 * A chain's segment-flow DAG: segments as nodes (keyed by segment id), flows as edges
 * from the supplying segment to the using one. Built once per model and chain.
 *
 * @example
 * import { topologicalGenerations } from 'graphology-dag';
 * topologicalGenerations(segmentGraph(model, 'wind'));
 */
export function segmentGraph(model: ChainModel, chain: string): SegmentGraph {
  const c = chainIndex(model, chain);
  let perChain = segmentCache.get(model);
  if (!perChain) segmentCache.set(model, (perChain = new Map()));
  const cached = perChain.get(chain);
  if (cached) return cached;
  const resolved = model.chains[c]!;
  const graph: SegmentGraph = new DirectedGraph();
  for (const s of resolved.segments) graph.addNode(s.id, segmentAttributes(s));
  for (const f of resolved.flows)
    graph.mergeEdge(f.from, f.to, f.coefficient === undefined ? {} : { coefficient: f.coefficient });
  perChain.set(chain, graph);
  return graph;
}
