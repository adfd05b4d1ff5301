/**
 * Names for ids: every option that takes a chain, region, segment or enterprise id also takes
 * what a planner types — its name or an alias (`风电装备制造产业链`, `风电`, `酒泉`, `九鼎叶片`),
 * in traditional or full-width characters, or the id in another letter case. Enterprises are
 * matched by {@link findEnterprise}; chains, regions and segments by the same normalisation
 * (`normalizeName`), and also without a trailing 产业链/产业 (chains) or administrative suffix
 * 省/市/县/区 … (regions), so `酒泉` finds 酒泉市. A name that fits several records is an
 * `ambiguous_name` error listing them, never a guess; an unknown one lists the valid choices
 * and the closest id. Called only when the id lookup has failed, so ids cost nothing more.
 */
import { closestKey } from '../internal/near-miss.js';
import { normalizeName } from '../internal/normalize-name.js';
import { ChainError, type Locale } from '../model/issues.js';
import { ambiguousMessages, CHOICE_LIMIT, unknownMessages, type Choice, type LookupKind } from '../model/lookup-messages.js';
import { findEnterprise } from './find-enterprise.js';
import type { ChainModel } from './model.js';

/** A named record as matched here: its id, name and aliases. */
interface Named {
  id: string;
  name: string;
  aliases?: readonly string[] | undefined;
}

const CHAIN_SUFFIX = /(?:产业链|产业|链)$/u;
const REGION_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|省|市|县|区|盟|旗)$/u;

/** Position of the records a name (or an id in another case) matches; [] when none. */
function matchName(records: readonly Named[], query: string, suffix: RegExp): number[] {
  const lower = query.toLowerCase();
  const byId = records.flatMap((r, i) => (r.id.toLowerCase() === lower ? [i] : []));
  if (byId.length > 0) return byId;
  const key = normalizeName(query);
  if (key === '') return [];
  const keysOf = (r: Named) => [r.name, ...(r.aliases ?? [])].map(normalizeName);
  const exact = records.flatMap((r, i) => (keysOf(r).includes(key) ? [i] : []));
  if (exact.length > 0) return exact;
  const bare = (k: string) => {
    const stripped = k.replace(suffix, '');
    return stripped.length >= 2 ? stripped : k;
  };
  const wanted = bare(key);
  return records.flatMap((r, i) => (keysOf(r).some((k) => bare(k) === wanted) ? [i] : []));
}

function choicesOf(records: readonly Named[]): Choice[] {
  return records.map((r) => ({ id: r.id, name: r.name }));
}

/** The closest record by id or name, for "did you mean". */
function nearestChoice(records: readonly Named[], query: string): Choice | undefined {
  let k = closestKey(query, records.map((r) => r.id));
  if (k < 0) k = closestKey(query, records.map((r) => r.name));
  return k < 0 ? undefined : { id: records[k]!.id, name: records[k]!.name };
}

const CODES = { chain: 'unknown_chain', region: 'unknown_region', segment: 'unknown_segment', enterprise: 'unknown_enterprise' } as const;

/** Resolves a query among records, or throws the `ChainError` that says why not. */
function resolveAmong(kind: LookupKind, records: readonly Named[], query: string, suffix: RegExp, locale: Locale, chain?: string): number {
  const found = matchName(records, query, suffix);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const candidates = found.map((i) => ({ id: records[i]!.id, name: records[i]!.name }));
    throw new ChainError('ambiguous_name', ambiguousMessages(kind, query, candidates), { kind, name: query, candidates }, locale);
  }
  const suggestion = nearestChoice(records, query);
  const context = { ...(chain === undefined ? {} : { chain }), ...(suggestion ? { suggestion } : {}) };
  const details = { id: query, ...context, valid: records.map((r) => r.id) };
  throw new ChainError(CODES[kind], unknownMessages(kind, query, choicesOf(records), context), details, locale);
}

/**
 * The index of the chain an id, name or alias names; throws a `ChainError` (unknown, listing the
 * chains, or ambiguous, listing the candidates) otherwise.
 *
 * @example
 * resolveChainName(model, '风电装备制造产业链') // → 0 (the chain `wind-power`)
 */
export function resolveChainName(model: ChainModel, query: string, locale: Locale = 'zh-CN'): number {
  return resolveAmong('chain', model.chains, query, CHAIN_SUFFIX, locale);
}

/**
 * The index of the region an id, name or alias names (`酒泉` for 酒泉市); throws a `ChainError`
 * otherwise.
 *
 * @example
 * resolveRegionName(model, '酒泉') // → the index of `jiuquan`
 */
export function resolveRegionName(model: ChainModel, query: string, locale: Locale = 'zh-CN'): number {
  return resolveAmong('region', model.dataset.regions, query, REGION_SUFFIX, locale);
}

/**
 * The position, within chain `c`, of the segment an id, name or alias names; throws a
 * `ChainError` otherwise.
 *
 * @example
 * resolveSegmentName(model, 0, '叶片') // → the position of `blade` in the chain
 */
export function resolveSegmentName(model: ChainModel, c: number, query: string, locale: Locale = 'zh-CN'): number {
  const chain = model.chains[c]!;
  return resolveAmong('segment', chain.segments, query, CHAIN_SUFFIX, locale, chain.id);
}

/**
 * The index of the enterprise an id, name or alias names, matched as {@link findEnterprise}
 * does; throws a `ChainError` otherwise (an unknown one with the first enterprises and the
 * closest id, an ambiguous one with its candidates).
 *
 * @example
 * resolveEnterpriseName(model, '酒泉九鼎風電葉片有限公司') // → the index of `jiuding-blade`
 */
export function resolveEnterpriseName(model: ChainModel, query: string, locale: Locale = 'zh-CN'): number {
  const match = findEnterprise(model, query);
  const { enterprises } = model.dataset;
  if (match.status === 'found') return model.index.enterprises.byId.get(match.enterprise)!;
  if (match.status === 'ambiguous') {
    const candidates = match.candidates.map((c) => ({ id: c.enterprise, name: c.name }));
    throw new ChainError('ambiguous_name', ambiguousMessages('enterprise', query, candidates), { kind: 'enterprise', name: query, candidates }, locale);
  }
  const lower = query.toLowerCase();
  const byCase = enterprises.findIndex((e) => e.id.toLowerCase() === lower);
  if (byCase >= 0 && !enterprises.some((e, i) => i !== byCase && e.id.toLowerCase() === lower)) return byCase;
  const suggestion = nearestChoice(enterprises, query);
  const context = suggestion ? { suggestion } : {};
  // a province has 1e5 firms: the message lists the first few, details only their count
  const choices = choicesOf(enterprises.slice(0, CHOICE_LIMIT));
  const messages = unknownMessages('enterprise', query, choices, { ...context, total: enterprises.length });
  throw new ChainError('unknown_enterprise', messages, { id: query, ...context, validCount: enterprises.length }, locale);
}
