/** Duplicate supply links: the same supplier, buyer, segment and product as an earlier link. */
import type { Dataset } from '../schema.js';

/** What makes two links duplicates: supplier, buyer, segment and product. */
const linkKey = (link: Dataset['links'][number]) =>
  `${link.from}\u0000${link.to}\u0000${link.segment?.chain ?? ''}/${link.segment?.segment ?? ''}\u0000${link.product ?? ''}`;

/**
 * For each link, the position of the first earlier link with the same {@link linkKey}, or -1.
 * Links are visited supplier by supplier (a counting sort, stable), and a buyer seen twice for
 * one supplier is the only case that builds key strings: a million links need no million
 * strings. Falls back to a key per link when an end is not a known enterprise or an enterprise
 * id holds U+0000 (the key's separator), where the shortcut might part links the key joins.
 *
 * @example
 * firstDuplicates(links, from, to, enterprisePositions, enterprises.length); // → Int32Array [-1, -1, 0, …]
 */
export function firstDuplicates(
  links: Dataset['links'],
  from: Int32Array,
  to: Int32Array,
  enterprises: ReadonlyMap<string, number>,
  slots: number,
): Int32Array {
  const n = links.length;
  const first = new Int32Array(n).fill(-1);
  let exact = from.every((f) => f >= 0) && to.every((t) => t >= 0);
  if (exact) for (const id of enterprises.keys()) if (id.includes('\u0000')) exact = false;
  if (!exact) {
    const seen = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const key = linkKey(links[k]!);
      const j = seen.get(key);
      if (j !== undefined) first[k] = j;
      else seen.set(key, k);
    }
    return first;
  }
  const offsets = new Int32Array(slots + 1);
  for (let k = 0; k < n; k++) offsets[from[k]! + 1]!++;
  for (let f = 0; f < slots; f++) offsets[f + 1]! += offsets[f]!;
  const cursor = offsets.slice(0, slots);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[cursor[from[k]!]!++] = k;
  const stamp = new Int32Array(slots).fill(-1);
  const firstOfBuyer = new Int32Array(slots);
  let keyed: Map<string, number> | undefined;
  for (let f = 0; f < slots; f++) {
    for (let q = offsets[f]!; q < offsets[f + 1]!; q++) {
      const k = order[q]!;
      const t = to[k]!;
      if (stamp[t] !== f) {
        stamp[t] = f;
        firstOfBuyer[t] = k;
        continue;
      }
      // the same supplier and buyer again: segment and product decide
      keyed ??= new Map();
      const j = firstOfBuyer[t]!;
      const keyOfFirst = linkKey(links[j]!);
      if (!keyed.has(keyOfFirst)) keyed.set(keyOfFirst, j);
      const key = linkKey(links[k]!);
      const earlier = keyed.get(key);
      if (earlier !== undefined) first[k] = earlier;
      else keyed.set(key, k);
    }
  }
  return first;
}
