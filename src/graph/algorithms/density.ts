/**
 * Density of a simple undirected graph: 2m / (n(n − 1)), the share of node pairs that are
 * linked (Newman, M. E. J. (2010). Networks: An Introduction. Oxford University Press;
 * NetworkX `density` for the convention at n < 2).
 */
import type { SimpleGraph } from './simple-graph.js';

/**
 * Density of a simple undirected graph: 2m / (n(n − 1)), the share of node pairs that are
 * linked. 0 for fewer than two nodes (as NetworkX).
 *
 * @example
 * density(simpleGraph(3, [0, 1], [1, 2])); // 2/3
 */
export function density(graph: SimpleGraph): number {
  const n = graph.order;
  return n < 2 ? 0 : (2 * graph.size) / (n * (n - 1));
}
