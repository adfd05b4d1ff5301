/**
 * industrial-chain/reference: a directory of real Chinese firms per segment of the built-in
 * chain templates — listed companies with exchange and stock code, large unlisted groups and
 * their subsidiaries — for recruitment lists (招商清单) that can name whom to approach.
 *
 * Shipped as a separate entry so the main entry stays small: nothing here is loaded until this
 * entry is imported, and the name index is built on the first lookup.
 *
 * Every entry is `basis: 'inferred'`: summarised from public knowledge of each industry as of
 * its `asOf` year, never from a single source document, and limited to what is certain (a
 * stock code that is not certain is left out and the note says so). Segments for which fewer
 * than three firms can be named carry a {@link ReferenceGap} with the reason.
 *
 * Names resolve like `findEnterprise` of the main entry: every name, short name and former
 * name is reduced by the same `normalizeName` (NFKC, traditional → simplified, legal suffixes
 * such as 股份有限公司 and 集团 removed), and an optional list of place names is stripped from
 * the front as a fallback (酒泉金风 → 金风). A subsidiary reports its group through `parent`.
 */
import { normalizeName, placeNameKeys } from '../internal/normalize-name.js';
import { directoryFirms, directoryGaps } from './firms/all.js';
import type { ReferenceFirm, ReferenceGap, ReferenceMatch, ReferenceMatchedBy } from './types.js';

export type {
  Exchange,
  Listing,
  ReferenceFirm,
  ReferenceGap,
  ReferenceMatch,
  ReferenceMatchedBy,
  ReferenceTag,
  SegmentRef,
} from './types.js';

interface DirectoryIndex {
  byId: Map<string, ReferenceFirm>;
  bySegment: Map<string, ReferenceFirm[]>;
  byKey: Map<string, Map<string, ReferenceMatchedBy>>;
}

let index: DirectoryIndex | undefined;

const segmentKey = (template: string, segment: string): string => `${template}\u0000${segment}`;

function addKey(byKey: DirectoryIndex['byKey'], name: string, firm: string, by: ReferenceMatchedBy): void {
  const key = normalizeName(name);
  if (key === '') return;
  let entry = byKey.get(key);
  if (!entry) byKey.set(key, (entry = new Map()));
  // a firm's registered name outranks its short and former names for the same key
  if (!entry.has(firm)) entry.set(firm, by);
}

function directoryIndex(): DirectoryIndex {
  if (index) return index;
  const byId = new Map<string, ReferenceFirm>();
  const bySegment = new Map<string, ReferenceFirm[]>();
  const byKey: DirectoryIndex['byKey'] = new Map();
  for (const firm of directoryFirms) {
    byId.set(firm.id, firm);
    for (const { template, segment } of firm.segments) {
      const key = segmentKey(template, segment);
      const list = bySegment.get(key);
      if (list) list.push(firm);
      else bySegment.set(key, [firm]);
    }
    addKey(byKey, firm.name, firm.id, 'name');
    for (const name of firm.shortNames) addKey(byKey, name, firm.id, 'short-name');
    for (const name of firm.formerNames ?? []) addKey(byKey, name, firm.id, 'former-name');
  }
  index = { byId, bySegment, byKey };
  return index;
}

/**
 * Every firm of the directory, in a fixed order (by template file, then as listed).
 *
 * @example
 * import { referenceFirms } from 'industrial-chain/reference';
 * referenceFirms().filter((f) => f.listing?.some((l) => l.exchange === 'HKEX')).length; // firms listed in Hong Kong
 */
export function referenceFirms(): readonly ReferenceFirm[] {
  return directoryFirms;
}

/**
 * Segments for which the directory names fewer than three firms, each with the reason.
 *
 * @example
 * import { referenceGaps } from 'industrial-chain/reference';
 * referenceGaps().find((g) => g.template === 'wind-power' && g.segment === 'main-control')?.reason;
 */
export function referenceGaps(): readonly ReferenceGap[] {
  return directoryGaps;
}

/**
 * A firm by its id.
 *
 * @example
 * import { getReferenceFirm } from 'industrial-chain/reference';
 * getReferenceFirm('catl')?.listing; // [{ exchange: 'SZSE', code: '300750' }, { exchange: 'HKEX', code: '03750' }]
 */
export function getReferenceFirm(id: string): ReferenceFirm | undefined {
  return directoryIndex().byId.get(id);
}

/**
 * The firms operating in one segment of a built-in template, in directory order; empty when
 * none are named (see {@link referenceGaps} for why).
 *
 * @example
 * import { referenceFirmsFor } from 'industrial-chain/reference';
 * referenceFirmsFor('wind-power', 'bearings').map((f) => f.shortNames[0]); // ['恒润股份', '新强联', '洛阳LYC', '瓦轴集团', '力星股份']
 */
export function referenceFirmsFor(template: string, segment: string): readonly ReferenceFirm[] {
  return directoryIndex().bySegment.get(segmentKey(template, segment)) ?? [];
}

/**
 * The group a firm belongs to: the top of its `parent` chain, or the firm itself.
 *
 * @example
 * import { referenceGroupOf } from 'industrial-chain/reference';
 * referenceGroupOf('fudi-battery')?.shortNames[0]; // '比亚迪'
 */
export function referenceGroupOf(id: string): ReferenceFirm | undefined {
  const { byId } = directoryIndex();
  let firm = byId.get(id);
  const seen = new Set<string>();
  while (firm?.parent !== undefined && !seen.has(firm.id)) {
    seen.add(firm.id);
    const parent = byId.get(firm.parent);
    if (!parent) break;
    firm = parent;
  }
  return firm;
}

/**
 * Options of {@link findReferenceFirm}.
 *
 * @example
 * const options: FindReferenceFirmOptions = { places: ['酒泉市', '甘肃省'] };
 */
export interface FindReferenceFirmOptions {
  /**
   * Place names that may precede a firm's name in a local text (`['酒泉市', '甘肃省']`): when
   * a name matches nothing, a leading place name is removed (from the query only) and the
   * rest is looked up again. Default none.
   */
  places?: readonly string[];
}

function matchKey(key: string, by: ReferenceMatchedBy | undefined): ReferenceMatch | undefined {
  const { byKey, byId } = directoryIndex();
  const entry = byKey.get(key);
  if (!entry) return undefined;
  const ids = [...entry.keys()];
  if (ids.length > 1) {
    return { status: 'ambiguous', candidates: ids.map((id) => ({ firm: id, name: byId.get(id)!.name })), key };
  }
  const id = ids[0]!;
  const group = referenceGroupOf(id)!;
  return { status: 'found', firm: id, name: byId.get(id)!.name, group: group.id, matchedBy: by ?? entry.get(id)!, key };
}

/**
 * Finds the directory firm a name refers to: by id, by registered, short or former name after
 * the same normalisation as `findEnterprise` (traditional characters, full-width characters,
 * legal suffixes such as 有限公司 and 集团), or with a leading place name of `options.places`
 * removed. A name shared by several firms is reported as ambiguous, never guessed. `group` is
 * the firm's group (a subsidiary's parent at the top of its chain).
 *
 * @example
 * import { findReferenceFirm } from 'industrial-chain/reference';
 * findReferenceFirm('弗迪電池有限公司');
 * // → { status: 'found', firm: 'fudi-battery', name: '弗迪电池有限公司', group: 'byd', matchedBy: 'name', key: '弗迪电池' }
 * findReferenceFirm('酒泉金风科技', { places: ['酒泉市'] }).status; // 'found' (金风科技)
 */
export function findReferenceFirm(name: string, options: FindReferenceFirmOptions = {}): ReferenceMatch {
  const { byId } = directoryIndex();
  const direct = byId.get(name);
  if (direct) {
    return { status: 'found', firm: direct.id, name: direct.name, group: referenceGroupOf(direct.id)!.id, matchedBy: 'id', key: name };
  }
  const key = normalizeName(name);
  const exact = matchKey(key, undefined);
  if (exact) return exact;
  for (const place of placeNameKeys(options.places ?? [])) {
    if (key.length > place.length + 1 && key.startsWith(place)) {
      const stripped = matchKey(key.slice(place.length), 'place-prefix');
      if (stripped) return stripped;
    }
  }
  return { status: 'not-found', key };
}

/**
 * Recognises a dataset's enterprise as a directory firm: its name first, then each alias, the
 * first that resolves wins. Ambiguous names are skipped; `undefined` when nothing resolves.
 *
 * @example
 * import { matchReferenceFirm } from 'industrial-chain/reference';
 * matchReferenceFirm({ name: '明阳智慧能源集团股份有限公司', aliases: ['明阳智能'] })?.firm; // 'mingyang'
 */
export function matchReferenceFirm(
  enterprise: { name: string; aliases?: readonly string[] },
  options: FindReferenceFirmOptions = {},
): Extract<ReferenceMatch, { status: 'found' }> | undefined {
  for (const name of [enterprise.name, ...(enterprise.aliases ?? [])]) {
    const match = findReferenceFirm(name, options);
    if (match.status === 'found') return match;
  }
  return undefined;
}
