/**
 * "Did you mean …" for unknown references: each `unknown_*` issue gets, when one is close
 * enough, the id of the record of that collection it most likely meant (`qs-cathod` →
 * `qs-cathode`), in `params.suggestion` and in its message. A reference that spells a record's
 * name or alias instead of its id (`九鼎叶片`) is matched after name normalisation; otherwise ids
 * and names are compared by a bounded edit distance (../../internal/near-miss.ts).
 *
 * Runs only when there are unknown references, over the input as given (records that failed
 * the shape check are candidates too: their ids are what the user meant). Bounded: once
 * {@link SUGGESTION_BUDGET} candidate comparisons are spent, the remaining issues go without a
 * suggestion, so a file of a million bad references costs no more than a few thousand good ones.
 */
import { closestKey } from '../../internal/near-miss.js';
import { normalizeName } from '../../internal/normalize-name.js';
import { createIssue, type DatasetIssue, type IssueCode, type Locale } from '../issues.js';
import type { ChainTemplate } from '../schema.js';

/** The candidate comparisons all suggestions of one dataset may cost together. */
export const SUGGESTION_BUDGET = 2_000_000;

/** A record a reference may have meant. */
interface Candidate {
  id: string;
  name?: string;
  aliases: string[];
}

const COLLECTION_OF: Partial<Record<IssueCode, string>> = {
  unknown_region: 'regions',
  unknown_chain: 'chains',
  unknown_template: 'templates',
  unknown_enterprise: 'enterprises',
  unknown_source: 'sources',
  unknown_project: 'projects',
};

function candidatesOf(records: unknown): Candidate[] {
  if (!Array.isArray(records)) return [];
  const out: Candidate[] = [];
  for (const record of records) {
    const r = record as { id?: unknown; name?: unknown; title?: unknown; aliases?: unknown } | null;
    if (typeof r?.id !== 'string') continue;
    const name = typeof r.name === 'string' ? r.name : typeof r.title === 'string' ? r.title : undefined;
    const aliases = Array.isArray(r.aliases) ? r.aliases.filter((a): a is string => typeof a === 'string') : [];
    out.push(name === undefined ? { id: r.id, aliases } : { id: r.id, name, aliases });
  }
  return out;
}

/** The candidate lists of an input, built on first use. */
function candidateLists(input: Record<string, unknown>, templates: readonly ChainTemplate[]) {
  const cache = new Map<string, Candidate[]>();
  return (code: IssueCode, params: Record<string, unknown>): Candidate[] => {
    const chain = typeof params.chain === 'string' ? params.chain : undefined;
    const key = code === 'unknown_segment' ? `segments/${chain}` : (COLLECTION_OF[code] ?? '');
    let list = cache.get(key);
    if (list) return list;
    if (code === 'unknown_segment') {
      const chains = Array.isArray(input.chains) ? (input.chains as { id?: unknown; template?: unknown; segments?: unknown }[]) : [];
      const owner = chains.find((c) => c?.id === chain);
      const own = Array.isArray(input.templates)
        ? (input.templates as ({ id?: unknown; segments?: unknown } | null)[]).find((t) => t?.id === owner?.template)
        : undefined;
      const template = (own ?? templates.find((t) => t.id === owner?.template))?.segments;
      list = [...candidatesOf(owner?.segments), ...candidatesOf(template)];
    } else if (code === 'unknown_template') list = [...candidatesOf(input.templates), ...candidatesOf(templates)];
    else list = candidatesOf(input[key]);
    cache.set(key, list);
    return list;
  };
}

/** The normalised names and aliases of each list, built once per list on first use. */
const nameKeys = new WeakMap<readonly Candidate[], Map<string, number[]>>();

function namesOf(list: readonly Candidate[]): Map<string, number[]> {
  let keys = nameKeys.get(list);
  if (keys) return keys;
  keys = new Map();
  list.forEach((c, i) => {
    for (const name of new Set([c.name, ...c.aliases].filter((n): n is string => n !== undefined).map(normalizeName))) {
      const at = keys!.get(name);
      if (at) at.push(i);
      else keys!.set(name, [i]);
    }
  });
  nameKeys.set(list, keys);
  return keys;
}

/** The candidate a reference most likely meant, and the comparisons it cost. */
function nearest(query: string, list: readonly Candidate[]): { found: Candidate | undefined; cost: number } {
  const named = namesOf(list).get(normalizeName(query));
  if (named?.length === 1) return { found: list[named[0]!], cost: 1 };
  const byId = closestKey(query, list.map((c) => c.id));
  if (byId >= 0) return { found: list[byId], cost: list.length };
  const names = list.map((c) => c.name ?? '');
  const byName = closestKey(query, names);
  return { found: byName >= 0 && names[byName] !== '' ? list[byName] : undefined, cost: 2 * list.length };
}

/**
 * The issues with a near-miss suggestion added to each unknown reference that has one (a new
 * issue object; the others are returned as they are). Deterministic: the closest candidate,
 * ties to the first in the input.
 *
 * @example
 * suggestNearMisses(issues, input, chainTemplates, 'zh-CN')[0].message
 * // → '未知企业 "qs-cathod"；是否应为 "qs-cathode"（青山正极）？'
 */
export function suggestNearMisses(
  issues: DatasetIssue[],
  input: unknown,
  templates: readonly ChainTemplate[],
  locale: Locale,
): DatasetIssue[] {
  if (input === null || typeof input !== 'object' || !issues.some((i) => i.code === 'unknown_segment' || i.code in COLLECTION_OF)) return issues;
  const lists = candidateLists(input as Record<string, unknown>, templates);
  let budget = SUGGESTION_BUDGET;
  return issues.map((issue) => {
    if (issue.code !== 'unknown_segment' && !(issue.code in COLLECTION_OF)) return issue;
    const id = issue.params.id;
    if (typeof id !== 'string' || budget <= 0) return issue;
    const list = lists(issue.code, issue.params);
    const { found, cost } = nearest(id, list);
    budget -= cost;
    if (!found || found.id === id) return issue;
    const suggestion = found.name === undefined ? { id: found.id } : { id: found.id, name: found.name };
    return createIssue(issue.code, issue.pathSegments, { ...issue.params, suggestion }, locale, issue.severity);
  });
}
