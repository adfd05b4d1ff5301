/**
 * Enterprise name matching. Names in official texts come in short and long forms (九鼎叶片,
 * 九鼎风电叶片, 酒泉九鼎风电叶片有限公司), in traditional or simplified characters, with full-width
 * characters and sometimes with pinyin annotations after each character. Every name and alias
 * of the dataset is reduced to a matching key by `normalizeName` (NFKC, pinyin removal,
 * character-level traditional → simplified, legal suffixes and place qualifiers removed). A
 * query matches when its key equals a key of exactly one enterprise; when it matches several,
 * the result is `ambiguous` and lists them — never a guess. As a fallback, a leading place name
 * of the dataset (酒泉, 甘肃省...) is removed from the query and from the names.
 */
import { normalizeName, placeNameKeys } from '../internal/normalize-name.js';
import type { ChainModel } from './model.js';

/** How a name was matched. */
export type MatchedBy = 'id' | 'name' | 'alias' | 'place-prefix';

/** Result of {@link findEnterprise}. */
export type EnterpriseMatch =
  | { status: 'found'; enterprise: string; name: string; matchedBy: MatchedBy; key: string }
  | { status: 'ambiguous'; candidates: { enterprise: string; name: string }[]; key: string }
  | { status: 'not-found'; key: string };

interface NameIndex {
  exact: Map<string, Map<number, MatchedBy>>;
  prefixed: Map<string, Set<number>>;
  places: string[];
}

const cache = new WeakMap<ChainModel, NameIndex>();

function placeKeys(model: ChainModel): string[] {
  return placeNameKeys(model.dataset.regions.flatMap((region) => [region.name, ...(region.aliases ?? [])]));
}

function stripPlace(key: string, places: readonly string[]): string | undefined {
  for (const place of places) {
    if (key.length > place.length + 1 && key.startsWith(place)) return key.slice(place.length);
  }
  return undefined;
}

function nameIndex(model: ChainModel): NameIndex {
  const cached = cache.get(model);
  if (cached) return cached;
  const places = placeKeys(model);
  const exact = new Map<string, Map<number, MatchedBy>>();
  const prefixed = new Map<string, Set<number>>();
  const add = (key: string, e: number, by: MatchedBy) => {
    if (key === '') return;
    let entry = exact.get(key);
    if (!entry) exact.set(key, (entry = new Map()));
    if (!entry.has(e)) entry.set(e, by);
    const stripped = stripPlace(key, places);
    const bare = stripped ?? key;
    let set = prefixed.get(bare);
    if (!set) prefixed.set(bare, (set = new Set()));
    set.add(e);
  };
  model.dataset.enterprises.forEach((enterprise, e) => {
    add(normalizeName(enterprise.name), e, 'name');
    for (const alias of enterprise.aliases ?? []) add(normalizeName(alias), e, 'alias');
  });
  const index = { exact, prefixed, places };
  cache.set(model, index);
  return index;
}

/**
 * Finds the enterprise a name refers to: by id, by name or alias after normalisation
 * (short/long forms listed as aliases, traditional characters, full-width characters, pinyin
 * annotations, legal suffixes such as 有限公司), or with a leading place name removed.
 * Ambiguous names are reported as ambiguous with their candidates, never guessed.
 *
 * @example
 * findEnterprise(model, '酒泉九鼎風電葉片有限公司');
 * // → { status: 'found', enterprise: 'jiuding-blade', name: '九鼎风电叶片', matchedBy: 'alias', key: '酒泉九鼎风电叶片' }
 */
export function findEnterprise(model: ChainModel, name: string): EnterpriseMatch {
  const { enterprises } = model.index;
  const byId = enterprises.byId.get(name);
  if (byId !== undefined)
    return { status: 'found', enterprise: name, name: model.dataset.enterprises[byId]!.name, matchedBy: 'id', key: name };
  const index = nameIndex(model);
  const key = normalizeName(name);
  const result = (found: Iterable<number>, by: (e: number) => MatchedBy): EnterpriseMatch => {
    const list = [...found].sort((a, b) => a - b);
    if (list.length === 1) {
      const e = list[0]!;
      return { status: 'found', enterprise: enterprises.ids[e]!, name: model.dataset.enterprises[e]!.name, matchedBy: by(e), key };
    }
    return {
      status: 'ambiguous',
      candidates: list.map((e) => ({ enterprise: enterprises.ids[e]!, name: model.dataset.enterprises[e]!.name })),
      key,
    };
  };
  const exact = index.exact.get(key);
  if (exact) return result(exact.keys(), (e) => exact.get(e)!);
  const bare = stripPlace(key, index.places) ?? key;
  const prefixed = index.prefixed.get(bare);
  if (prefixed) return result(prefixed, () => 'place-prefix');
  return { status: 'not-found', key };
}
