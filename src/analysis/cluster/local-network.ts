/**
 * The local supply network of a score: the counted links into the chain's local firms and those
 * among them, gathered in one sequential pass over the supply links.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';

/**
 * The counted links (status in `linkOk`, segment in `[segStart, segEnd)` or not given) into the
 * nodes (enterprise indices, ascending; node `i` is `nodes[i]`), and those among them, from one
 * sequential pass over the link arrays (the matching links, counted per node) and a pass over
 * the matches placing them: grouped by buyer (resp. supplier) node, in link order within a node,
 * as walks over the nodes' CSR rows would list them (the CSR keeps input order), without their
 * random access. In a function of its own so that V8 optimises the loops on their own. Every
 * array comes from `s`.
 *
 * @example
 * const { inputLinks, localLinks } = gatherLinks(model, nodes, segStart, segEnd, linkOk, scratch);
 */
export function gatherLinks(
  model: ChainModel,
  nodes: readonly number[],
  segStart: number,
  segEnd: number,
  linkOk: Uint8Array,
  s: Scratch,
) {
  const { links } = model.index;
  const { from, to, segment, status, value } = links;
  const linkCount = from.length;
  const n = nodes.length;
  const inStart = s.int32(n + 1);
  const localStart = s.int32(n + 1);
  // one bit per enterprise, set for the nodes, and the number of nodes before each 32-bit word:
  // the node number of a node is its rank among the set bits (nodes are ascending). N/4 bytes,
  // which stay in cache where a table of node numbers (4N bytes) does not.
  const words = (model.index.enterprises.ids.length + 31) >>> 5;
  const isNode = s.int32(words);
  const before = s.int32(words);
  for (let i = 0; i < n; i++) isNode[nodes[i]! >>> 5]! |= 1 << (nodes[i]! & 31);
  for (let w = 1; w < words; w++) before[w] = before[w - 1]! + bitCount(isNode[w - 1]!);
  // the matches are links into the nodes: at most the sum of the nodes' in-degrees
  let bound = 0;
  const inOffsets = links.in.offsets;
  for (let i = 0; i < n; i++) bound += inOffsets[nodes[i]! + 1]! - inOffsets[nodes[i]!]!;
  const matches = s.int32(bound);
  let matched = 0;
  for (let k = 0; k < linkCount; k++) {
    // the sequential arrays first: most links are of another chain's product or not counted
    const seg = segment[k]!;
    if ((seg >= 0 && (seg < segStart || seg >= segEnd)) || !linkOk[status[k]!]) continue;
    const buyer = to[k]!;
    const buyerWord = isNode[buyer >>> 5]!;
    if ((buyerWord & (1 << (buyer & 31))) === 0) continue;
    matches[matched++] = k;
    inStart[before[buyer >>> 5]! + bitCount(buyerWord & ((1 << (buyer & 31)) - 1)) + 1]!++;
    const supplier = from[k]!;
    const supplierWord = isNode[supplier >>> 5]!;
    if ((supplierWord & (1 << (supplier & 31))) !== 0)
      localStart[before[supplier >>> 5]! + bitCount(supplierWord & ((1 << (supplier & 31)) - 1)) + 1]!++;
  }
  for (let i = 0; i < n; i++) {
    inStart[i + 1]! += inStart[i]!;
    localStart[i + 1]! += localStart[i]!;
  }
  const inputLinks = { supplier: s.int32(inStart[n]!), value: s.float64(inStart[n]!) };
  const localLinks = { from: s.int32(localStart[n]!), to: s.int32(localStart[n]!), value: s.float64(localStart[n]!) };
  // the matches ascend, so this pass reads the link arrays in order too
  for (let m = 0; m < matched; m++) {
    const k = matches[m]!;
    const buyer = to[k]!;
    const b = before[buyer >>> 5]! + bitCount(isNode[buyer >>> 5]! & ((1 << (buyer & 31)) - 1));
    const supplier = from[k]!;
    const v = value[k]!;
    let at = inStart[b]!++;
    inputLinks.supplier[at] = supplier;
    inputLinks.value[at] = v;
    const supplierWord = isNode[supplier >>> 5]!;
    if ((supplierWord & (1 << (supplier & 31))) === 0) continue;
    const a = before[supplier >>> 5]! + bitCount(supplierWord & ((1 << (supplier & 31)) - 1));
    at = localStart[a]!++;
    localLinks.from[at] = a;
    localLinks.to[at] = b;
    localLinks.value[at] = v;
  }
  return { inputLinks, localLinks };
}

/** Number of set bits of a 32-bit integer (SWAR popcount). */
function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
