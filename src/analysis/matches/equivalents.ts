/**
 * "The same product" across chains: two segments of different chains match when they share a
 * label after `normalizeName` (a segment name, product name or alias) that at least one of them
 * uses as its name or a product name — a shared id alone does not match, nor do two aliases
 * alone; within one chain distinct segments never match (see index.ts).
 */
import type { ChainModel } from '../../graph/model.js';
import { normalizeName } from '../../internal/normalize-name.js';

/** Per segment, the segments of other chains that are "the same product", with the label. */
export interface Equivalents {
  offsets: Int32Array;
  items: Int32Array;
  labels: string[];
}

/**
 * Per segment, the segments of other chains that are the same product, each with the label
 * the match rests on (ascending by segment).
 *
 * @example
 * const { offsets, items, labels } = segmentEquivalents(model);
 */
export function segmentEquivalents(model: ChainModel): Equivalents {
  const { segments } = model.index;
  const ns = segments.keys.length;
  // label → segments using it, and whether as an alias only
  const byLabel = new Map<string, Map<number, boolean>>();
  const add = (label: string, s: number, aliasOnly: boolean) => {
    let uses = byLabel.get(label);
    if (!uses) byLabel.set(label, (uses = new Map()));
    uses.set(s, (uses.get(s) ?? true) && aliasOnly);
  };
  model.chains.forEach((chain, c) => {
    chain.segments.forEach((seg, j) => {
      const s = segments.chainStart[c]! + j;
      for (const name of [seg.name, ...(seg.products ?? [])]) add(normalizeName(name), s, false);
      for (const alias of seg.aliases ?? []) add(normalizeName(alias), s, true);
    });
  });
  const pairs = new Map<number, Map<number, string>>();
  for (const [label, uses] of byLabel) {
    if (uses.size < 2) continue;
    for (const [a, aliasA] of uses)
      for (const [b, aliasB] of uses) {
        if (a === b || segments.chain[a] === segments.chain[b] || (aliasA && aliasB)) continue;
        let row = pairs.get(a);
        if (!row) pairs.set(a, (row = new Map()));
        if (!row.has(b)) row.set(b, label);
      }
  }
  const offsets = new Int32Array(ns + 1);
  const items: number[] = [];
  const labels: string[] = [];
  for (let s = 0; s < ns; s++) {
    const row = [...(pairs.get(s) ?? new Map<number, string>())].sort((x, y) => x[0] - y[0]);
    for (const [t, label] of row) {
      items.push(t);
      labels.push(label);
    }
    offsets[s + 1] = items.length;
  }
  return { offsets, items: Int32Array.from(items), labels };
}
