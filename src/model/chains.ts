/**
 * Chains resolved against their templates: a chain that names a `template` takes the
 * template's segments and flows first, then adds its own.
 */
import type { Chain, ChainTemplate, Flow, Segment } from './schema.js';

/** A chain with its segments and flows resolved from its template and its own lists. */
export interface ResolvedChain {
  id: string;
  name: string;
  aliases: string[];
  template?: string;
  segments: Segment[];
  flows: Flow[];
  /** Number of segments taken from the template (they come first in `segments`). */
  templateSegmentCount: number;
  /** Number of flows taken from the template (they come first in `flows`). */
  templateFlowCount: number;
}

/**
 * Resolves a chain against a template lookup. An unknown template resolves to the chain's own
 * segments only (validation reports it).
 */
export function resolveChain(chain: Chain, templates: ReadonlyMap<string, ChainTemplate>): ResolvedChain {
  const template = chain.template === undefined ? undefined : templates.get(chain.template);
  const segments = template ? [...template.segments, ...chain.segments] : [...chain.segments];
  const flows = template ? [...template.flows, ...chain.flows] : [...chain.flows];
  const resolved: ResolvedChain = {
    id: chain.id,
    name: chain.name,
    aliases: chain.aliases ?? [],
    segments,
    flows,
    templateSegmentCount: template ? template.segments.length : 0,
    templateFlowCount: template ? template.flows.length : 0,
  };
  if (chain.template !== undefined) resolved.template = chain.template;
  return resolved;
}

/**
 * Finds one cycle in a directed graph given as adjacency lists over `0..n-1`, or `undefined`.
 * Iterative depth-first search, so deep graphs do not overflow the stack.
 */
export function findCycle(n: number, adjacency: readonly (readonly number[])[]): number[] | undefined {
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const parent = new Int32Array(n).fill(-1);
  const nextEdge = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const stack = [root];
    state[root] = 1;
    while (stack.length > 0) {
      const node = stack[stack.length - 1]!;
      const edges = adjacency[node] ?? [];
      const i = nextEdge[node]!;
      if (i < edges.length) {
        nextEdge[node] = i + 1;
        const next = edges[i]!;
        if (state[next] === 0) {
          state[next] = 1;
          parent[next] = node;
          stack.push(next);
        } else if (state[next] === 1) {
          const cycle = [next];
          for (let at = node; at !== next; at = parent[at]!) cycle.push(at);
          cycle.push(next);
          return cycle.reverse();
        }
      } else {
        state[node] = 2;
        stack.pop();
      }
    }
  }
  return undefined;
}
