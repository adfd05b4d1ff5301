/**
 * A leader's supply subgraph (step 1 of singlePointsOfFailure): every firm from which the leader
 * is reachable along counted links (with a chain, links whose product segment belongs to
 * another chain are left out), found by a reverse breadth-first search over the cached in-link
 * rows of ./input-rows.ts. Nodes are numbered in the order met, the leader 0; the successor rows
 * are the reversed supply edges buyer → supplier (the flow graph rooted at the leader whose
 * dominators are sought), the predecessor rows the supply edges supplier → buyers.
 *
 * Cost: linear in the subgraph's firms and links, plus O(firms) to clear the numbering; the
 * arrays are scratch arrays of the caller's scope. Edge tables grow into new, twice as long
 * scratch arrays: at most about twice their final size in use.
 */
import type { Rows } from '../../graph/algorithms/csr.js';
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import { cachedRow, supplyRows } from './input-rows.js';

/** The leader's supply subgraph, over local node numbers. */
export interface LeaderSubgraph {
  /** Nodes, the leader first. */
  n: number;
  /** Enterprise index of each node. */
  nodes: Int32Array;
  /** Counted links in the subgraph. */
  m: number;
  /** buyer → supplier rows: the edges of node i, in the order of its in-links. */
  succ: Rows;
  /** Input group of each edge of `succ` (its product segment; < 0 when unknown). */
  edgeGroup: Int32Array;
  /** supplier → buyer rows, in edge order. */
  pred: Rows;
  /** Input group of each entry of `pred`. */
  predGroup: Int32Array;
}

/**
 * `buffer`, or a scratch copy twice as long when `size` entries do not leave room for one more
 * (the old one stays taken until the scope ends: at most twice the final length in all).
 */
function grown(s: Scratch, buffer: Int32Array, size: number): Int32Array {
  if (size < buffer.length) return buffer;
  const copy = s.int32(Math.max(16, buffer.length * 2));
  copy.set(buffer);
  return copy;
}

/**
 * The upstream subgraph, numbered in breadth-first order from the leader (node 0), with its
 * reversed supply edges buyer → supplier in the order met: node by node, a node's in-links in
 * order (so the edges of node i form row i of the successor rows).
 */
function upstreamSearch(
  model: ChainModel,
  leader: number,
  chainIdx: number,
  counted: Uint8Array,
  sc: Scratch,
): { n: number; nodes: Int32Array; m: number; succOffsets: Int32Array; edgeTo: Int32Array; edgeGroup: Int32Array } {
  const { links, segments, enterprises } = model.index;
  const ne = enterprises.ids.length;
  const inOffsets = links.in.offsets;
  const rows = supplyRows(model);
  const rowAt = rows.at;
  const local = sc.int32(ne, -1);
  const nodes = sc.int32(ne);
  let n = 0;
  nodes[n++] = leader;
  local[leader] = 0;
  const succOffsets = sc.int32(ne + 1);
  let edgeTo: Int32Array = sc.int32(1024);
  let edgeGroup: Int32Array = sc.int32(1024);
  let m = 0;
  for (let head = 0; head < n; head++) {
    const b = nodes[head]!;
    let at = rowAt[b]!;
    if (at < 0) at = cachedRow(model, rows, b);
    const end = at + inOffsets[b + 1]! - inOffsets[b]!;
    const { from, status, group } = rows;
    for (let r = at; r < end; r++) {
      if (!counted[status[r]!]) continue;
      const g = group[r]!;
      if (chainIdx >= 0 && g >= 0 && segments.chain[g] !== chainIdx) continue;
      const s = from[r]!;
      if (local[s] === -1) {
        local[s] = n;
        nodes[n++] = s;
      }
      if (m === edgeTo.length) {
        edgeTo = grown(sc, edgeTo, m);
        edgeGroup = grown(sc, edgeGroup, m);
      }
      edgeTo[m] = local[s]!;
      edgeGroup[m] = g;
      m++;
    }
    succOffsets[head + 1] = m;
  }
  return { n, nodes, m, succOffsets, edgeTo, edgeGroup };
}

/**
 * The leader's supply subgraph (see the file header), in scratch arrays of `sc`'s scope.
 *
 * @example
 * withScratch(model, (s) => leaderSubgraph(model, leader, -1, counted, s).n - 1); // upstream firms
 */
export function leaderSubgraph(model: ChainModel, leader: number, chainIdx: number, counted: Uint8Array, sc: Scratch): LeaderSubgraph {
  const { n, nodes, m, succOffsets, edgeTo, edgeGroup } = upstreamSearch(model, leader, chainIdx, counted, sc);
  const succ: Rows = { offsets: succOffsets.subarray(0, n + 1), items: edgeTo.subarray(0, m) };
  // predecessor rows (supplier → buyers, in edge order) by counting, with the group of each entry
  const predOffsets = sc.int32(n + 1);
  for (let j = 0; j < m; j++) predOffsets[edgeTo[j]! + 1]!++;
  for (let v = 0; v < n; v++) predOffsets[v + 1]! += predOffsets[v]!;
  const predItems = sc.int32(m);
  const predGroup = sc.int32(m);
  const cursor = sc.copy(predOffsets.subarray(0, n));
  for (let i = 0; i < n; i++)
    for (let j = succOffsets[i]!; j < succOffsets[i + 1]!; j++) {
      const at = cursor[edgeTo[j]!]!++;
      predItems[at] = i;
      predGroup[at] = edgeGroup[j]!;
    }
  return { n, nodes, m, succ, edgeGroup, pred: { offsets: predOffsets, items: predItems }, predGroup };
}
