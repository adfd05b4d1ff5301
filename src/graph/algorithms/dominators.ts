/**
 * Immediate dominators of a flow graph by semi-NCA.
 *
 * Method: a node d dominates w when every path from the root to w passes through d; the
 * immediate dominator idom(w) is the dominator of w nearest to it, and the idoms form the
 * dominator tree (unique: any correct algorithm gives the same tree). Semi-NCA (Georgiadis
 * 2005, ch. 2): semidominators as in Lengauer & Tarjan (1979), computed by decreasing DFS
 * preorder number with simple path compression over an iterative depth-first search; then each
 * idom(w) is the nearest common ancestor, in the dominator tree built so far, of w's DFS parent
 * and its semidominator. O(m log n); in practice faster than the almost-linear Lengauer–Tarjan.
 *
 * References
 * - Lengauer, T. & Tarjan, R. E. (1979). A fast algorithm for finding dominators in a flowgraph.
 *   ACM TOPLAS 1(1), 121–141.
 * - Georgiadis, L. (2005). Linear-time algorithms for dominators and related problems. PhD
 *   thesis, Princeton University (semi-NCA, ch. 2).
 */
import type { Scratch } from '../../internal/scratch.js';
import type { Rows } from './csr.js';

/**
 * Immediate dominators of a flow graph rooted at node 0 in which every node is reachable from
 * the root, over successor and predecessor CSR rows: semi-NCA (Georgiadis 2005), i.e.
 * semidominators as in Lengauer & Tarjan with simple path compression over an iterative
 * depth-first search, then each idom as the nearest common ancestor of the DFS parent and the
 * semidominator. O(m log n). Returns idom (idom[0] = 0) and the nodes in DFS preorder (a node's
 * immediate dominator comes before it), both scratch arrays of `sc`'s scope, like its buffers.
 *
 * @example
 * // 0 → 1, 0 → 2, 1 → 3, 2 → 3: node 3 is reached two ways, so only the root dominates it
 * withScratch(owner, (s) => Array.from(dominators(4, succ, pred, s).idom)); // [0, 0, 0, 0]
 */
export function dominators(n: number, succ: Rows, pred: Rows, sc: Scratch): { idom: Int32Array; preorder: Int32Array } {
  // one function: the search, semidominator and idom passes are tight loops over shared buffers
  // depth-first search: preorder number of each node, node of each number, DFS parent (numbers)
  const pre = sc.int32(n, -1);
  const vertex = sc.int32(n);
  const parent = sc.int32(n);
  const next = sc.int32(n);
  const stack = sc.int32(n);
  let count = 0;
  let top = 0;
  pre[0] = 0;
  vertex[count++] = 0;
  stack[top++] = 0;
  next[0] = succ.offsets[0]!;
  while (top > 0) {
    const v = stack[top - 1]!;
    if (next[v]! < succ.offsets[v + 1]!) {
      const w = succ.items[next[v]!++]!;
      if (pre[w] === -1) {
        pre[w] = count;
        vertex[count] = w;
        parent[count] = pre[v]!;
        count++;
        next[w] = succ.offsets[w]!;
        stack[top++] = w;
      }
    } else top--;
  }
  // semidominators, in preorder numbers, by decreasing number; the forest of processed nodes
  // (ancestor, −1 at a root) with labels of least semidominator, compressed iteratively
  const semi = sc.int32(count);
  const label = sc.int32(count);
  const ancestor = sc.int32(count, -1);
  for (let i = 0; i < count; i++) semi[i] = label[i] = i;
  const path = stack; // reused: at most count entries
  for (let i = count - 1; i > 0; i--) {
    const w = vertex[i]!;
    let s = semi[i]!;
    for (let q = pred.offsets[w]!; q < pred.offsets[w + 1]!; q++) {
      const u = pre[pred.items[q]!]!;
      if (u < 0) continue;
      let best = u;
      if (ancestor[u] !== -1) {
        // compress the path from u up to the child of its forest root
        let depth = 0;
        let x = u;
        while (ancestor[ancestor[x]!] !== -1) {
          path[depth++] = x;
          x = ancestor[x]!;
        }
        while (depth > 0) {
          x = path[--depth]!;
          const a = ancestor[x]!;
          if (semi[label[a]!]! < semi[label[x]!]!) label[x] = label[a]!;
          ancestor[x] = ancestor[a]!;
        }
        best = label[u]!;
      }
      if (semi[best]! < s) s = semi[best]!;
    }
    semi[i] = s;
    ancestor[i] = parent[i]!;
  }
  // idom(w) = nearest common ancestor of parent(w) and semi(w) in the dominator tree so far
  const idomNumber = sc.int32(count);
  for (let i = 1; i < count; i++) {
    let d = parent[i]!;
    while (d > semi[i]!) d = idomNumber[d]!;
    idomNumber[i] = d;
  }
  const idom = sc.int32(n, -1);
  idom[0] = 0;
  for (let i = 1; i < count; i++) idom[vertex[i]!] = vertex[idomNumber[i]!]!;
  return { idom, preorder: vertex.subarray(0, count) };
}
