/**
 * Evidence status of a firm (see ./index.ts): whether the data measure the firm at all, so that
 * its rank can confirm or contradict a declaration.
 *
 * A firm is `measured` when a component that carries weight in the composite rests on a record
 * about the firm itself: its output (产值) is known and `output` is used, or it has at least one
 * recorded local supply link and one of the link components (`partners`, `linkValue`,
 * `pagerank`, `betweenness`) is used. Otherwise it is `insufficient_data`: its zeros say that
 * nothing is recorded, not that it is small or unconnected. `potential` never makes a firm
 * measured: it counts the local firms in the segments next to the firm's, a property of the
 * segment's neighbourhood in the dataset, not of the firm.
 *
 * Rule: a declared 链主 whose evidence is `insufficient_data` is shown as declared with
 * "数据不足以验证" (not enough data to verify), never flagged `declared_leader_low`; a flag needs
 * data that contradicts the declaration (cf. Gereffi, Humphrey & Sturgeon 2005 on lead firms:
 * leadership is a matter of size and governance of the chain's links, which must be observed).
 */
import type { LeaderComponentInfo, LeaderEntry } from './types.js';

/** The link-based components: each speaks of a firm only when it has a recorded local link. */
const LINK_COMPONENTS = new Set(['partners', 'linkValue', 'pagerank', 'betweenness']);

/**
 * `measured` or `insufficient_data` for one firm, from its values and the components in use.
 *
 * @example
 * evidenceOf({ output: null, suppliers: 0, buyers: 0 }, infos); // 'insufficient_data'
 */
export function evidenceOf(
  values: Pick<LeaderEntry['values'], 'output' | 'suppliers' | 'buyers'>,
  infos: readonly LeaderComponentInfo[],
): LeaderEntry['evidence'] {
  const used = (name: string) => infos.some((c) => c.name === name && c.available && c.usedWeight > 0);
  if (values.output !== null && used('output')) return 'measured';
  const linked = values.suppliers + values.buyers > 0;
  if (linked && [...LINK_COMPONENTS].some(used)) return 'measured';
  return 'insufficient_data';
}
