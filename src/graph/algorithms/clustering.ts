/**
 * Clustering of a simple undirected graph from its triangle counts: the local clustering
 * coefficient c_i = 2T_i / (d_i(d_i − 1)) (0 when d_i < 2), their unweighted mean (NetworkX
 * `average_clustering`: nodes of degree < 2 count as 0) and the transitivity 3·triangles /
 * connected triples.
 *
 * References: Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of 'small-world'
 * networks. Nature 393, 440–442 (clustering coefficient); Newman, M. E. J. (2010). Networks: An
 * Introduction, Oxford University Press (transitivity); NetworkX (Hagberg, Schult & Swart 2008) for the conventions.
 */
import { ChainError } from '../../model/issues.js';
import type { SimpleGraph } from './simple-graph.js';
import { triangleCounts } from './triangles.js';

function checkTriangles(graph: SimpleGraph, triangles: Int32Array): void {
  if (triangles.length !== graph.order)
    throw new ChainError('invalid_argument', `triangle counts cover ${triangles.length} nodes, the graph has ${graph.order}`, {
      triangles: triangles.length,
      order: graph.order,
    });
}

/**
 * Local clustering coefficient of each node (unweighted): 2T_i / (d_i(d_i − 1)), 0 when the
 * degree is below 2 (as NetworkX `clustering`).
 *
 * @example
 * clusteringCoefficients(simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3])); // [1/3, 1, 1, 0]
 *
 * @param triangles `triangleCounts(graph)` when already computed (it is the O(m^1.5) part).
 */
export function clusteringCoefficients(graph: SimpleGraph, triangles: Int32Array = triangleCounts(graph)): number[] {
  checkTriangles(graph, triangles);
  const result: number[] = [];
  for (let i = 0; i < graph.order; i++) {
    const d = graph.offsets[i + 1]! - graph.offsets[i]!;
    result.push(d < 2 ? 0 : (2 * triangles[i]!) / (d * (d - 1)));
  }
  return result;
}

/**
 * Average clustering coefficient: the mean of the local coefficients over all nodes, nodes of
 * degree below 2 counting as 0 (NetworkX `average_clustering` with its defaults). 0 for an
 * empty graph.
 *
 * @example
 * averageClustering(simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3])); // (1/3 + 1 + 1 + 0) / 4
 *
 * @param triangles `triangleCounts(graph)` when already computed (it is the O(m^1.5) part).
 */
export function averageClustering(graph: SimpleGraph, triangles?: Int32Array): number {
  if (graph.order === 0) return 0;
  return clusteringCoefficients(graph, triangles ?? triangleCounts(graph)).reduce((a, b) => a + b, 0) / graph.order;
}

/**
 * Transitivity (global clustering): 3 × triangles / connected triples. 0 when the graph has no
 * connected triple (as NetworkX `transitivity`).
 *
 * @example
 * transitivity(simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3])); // 3 / 5
 *
 * @param triangles `triangleCounts(graph)` when already computed (it is the O(m^1.5) part).
 */
export function transitivity(graph: SimpleGraph, triangles: Int32Array = triangleCounts(graph)): number {
  checkTriangles(graph, triangles);
  let closed = 0;
  let triples = 0;
  for (let i = 0; i < graph.order; i++) {
    const d = graph.offsets[i + 1]! - graph.offsets[i]!;
    closed += triangles[i]!;
    triples += (d * (d - 1)) / 2;
  }
  return triples === 0 ? 0 : closed / triples;
}
