/**
 * Parsing a dataset: zod's shape checks, then cross-reference checks, all issues at once.
 *
 * When the shape check fails, every record is parsed on its own so that the records that are
 * well-formed still get their cross-reference checks; references to a malformed record are not
 * reported a second time as unknown.
 *
 * Scale (1e6 links and more): enterprises and links go through hand-written checkers that give
 * zod's result or give up (./fast-parse.ts); zod parses what they give up on, and the whole
 * dataset again when anything is invalid, so issues are exactly zod's. The cross-reference
 * checks look each link end up once, find duplicate links without a key string per link, and
 * build issue paths only for issues. The link ends found are handed to `buildModel`
 * ({@link takeParsedLinkEnds}).
 */
import type * as z from 'zod';
import { findCycle, resolveChain, type ResolvedChain } from './chains.js';
import { fastParseEnterprise, fastParseLink, parseRecords } from './fast-parse.js';
import { createIssue, DatasetError, type DatasetIssue, type IssueCode, type Locale } from './issues.js';
import {
  COLLECTIONS,
  Dataset,
  Enterprise,
  SupplyLink,
  type ChainTemplate,
  type CollectionName,
  type Dataset as DatasetType,
  type DatasetInput,
  Meta,
} from './schema.js';
import { chainTemplates } from '../templates/index.js';
import { checkIndustryCodes } from './industry-codes.js';

/** Options of {@link parseDataset} and {@link safeParseDataset}. */
export interface ParseOptions {
  /** Locale of the issue messages. Default `'zh-CN'`. */
  locale?: Locale;
  /**
   * Templates chains may refer to, besides the dataset's own `templates`. Default: the
   * library's built-in templates ({@link chainTemplates}). Pass `[]` to use only the dataset's.
   */
  templates?: readonly ChainTemplate[];
}

/** Result of {@link safeParseDataset}. */
export type SafeParseResult =
  | { success: true; data: DatasetType; warnings: DatasetIssue[] }
  | { success: false; issues: DatasetIssue[] };

type Path = (string | number)[];

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** Converts a zod issue to a dataset issue, naming the offending value. */
function fromZodIssue(issue: z.core.$ZodIssue, input: unknown, prefix: Path, locale: Locale): DatasetIssue {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const received = valueAt(input, issue.path);
  let code: IssueCode;
  let params: Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) {
        code = 'missing_field';
        params = { expected: issue.expected };
      } else if (issue.expected === 'number' && typeof received === 'number') {
        code = 'non_finite_amount';
        params = { received };
      } else {
        code = 'invalid_type';
        params = { expected: issue.expected, received };
      }
      break;
    case 'invalid_value':
      code = 'invalid_value';
      params = { received, allowed: issue.values };
      break;
    case 'unrecognized_keys':
      code = 'unknown_field';
      params = { keys: issue.keys };
      break;
    case 'too_small':
      if (issue.origin === 'number' && Number(issue.minimum) === 0 && typeof received === 'number' && received < 0) {
        code = 'negative_amount';
        params = { received };
      } else {
        code = 'too_small';
        params = { received, minimum: issue.minimum };
      }
      break;
    case 'too_big':
      code = 'too_big';
      params = { received, maximum: issue.maximum };
      break;
    case 'invalid_format':
      code = 'invalid_format';
      params = { received, detail: issue.message };
      break;
    case 'custom': {
      const custom = (issue.params as { code?: IssueCode } | undefined)?.code;
      code = custom ?? 'invalid_value';
      params = { received, detail: issue.message };
      break;
    }
    default:
      code = 'invalid_value';
      params = { received, detail: issue.message };
  }
  return createIssue(code, path, params, locale);
}

/** The templates a dataset's chains can refer to: its own first, then the given ones. */
export function templateLookup(
  data: Pick<DatasetType, 'templates'>,
  templates: readonly ChainTemplate[] = chainTemplates,
): Map<string, ChainTemplate> {
  const lookup = new Map<string, ChainTemplate>();
  for (const t of templates) lookup.set(t.id, t);
  for (const t of data.templates) lookup.set(t.id, t);
  return lookup;
}

interface Partial {
  data: DatasetType;
  invalid: Invalid;
  /** For each collection, the input position of each record that parsed. */
  positions: Map<CollectionName, number[]>;
}

/** What failed the shape check: ids of malformed records and `owner/segment` keys of malformed segments. */
interface Invalid {
  ids: Map<CollectionName, Set<string>>;
  segments: Set<string>;
}

/**
 * Parses a malformed record once its offending optional fields are left out, so that its other
 * fields still get cross-reference checks. The left-out fields have been reported already.
 * Returns undefined when the record cannot be parsed that way (a required field is bad).
 */
function parseWithoutBadFields(
  schema: z.ZodType,
  record: unknown,
  onDropped: (key: string, item: unknown) => void,
): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  let candidate = record as Record<string, unknown>;
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = schema.safeParse(candidate);
    if (result.success) return result.data;
    const badKeys = new Set<string>();
    // a bad item of a list field (one malformed segment of a chain) leaves out that item only
    const badItems = new Map<string, Set<number>>();
    for (const issue of result.error.issues) {
      const [key, item] = issue.path;
      if (typeof key === 'string' && typeof item === 'number' && Array.isArray(candidate[key])) {
        if (!badItems.has(key)) badItems.set(key, new Set());
        badItems.get(key)!.add(item);
      } else if (typeof key === 'string') badKeys.add(key);
      else if (issue.code === 'unrecognized_keys') for (const k of issue.keys) badKeys.add(k);
      else return undefined;
    }
    const next: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(candidate)) {
      if (badKeys.has(key)) continue;
      const items = badItems.get(key);
      if (items) for (const i of items) onDropped(key, (value as unknown[])[i]);
      next[key] = items ? (value as unknown[]).filter((_, i) => !items.has(i)) : value;
    }
    candidate = next;
  }
  return undefined;
}

/** Parses what can be parsed of an input whose shape check failed, record by record. */
function parsePartially(input: Record<string, unknown>): Partial {
  const invalidIds = new Map<CollectionName, Set<string>>();
  const invalidSegments = new Set<string>();
  const positions = new Map<CollectionName, number[]>();
  const data: Record<string, unknown> = {};
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const schema = COLLECTIONS[name] as unknown as z.ZodType;
    const raw = input[name];
    const parsed: unknown[] = [];
    const at: number[] = [];
    const invalid = new Set<string>();
    if (Array.isArray(raw)) {
      for (const [i, record] of raw.entries()) {
        const owner = (record as { id?: unknown } | null)?.id;
        const data = parseWithoutBadFields(schema, record, (key, item) => {
          const id = (item as { id?: unknown } | null)?.id;
          if (key === 'segments' && typeof id === 'string') invalidSegments.add(`${String(owner)}/${id}`);
        });
        if (data !== undefined) {
          parsed.push(data);
          at.push(i);
        } else {
          const id = (record as { id?: unknown } | null)?.id;
          if (typeof id === 'string') invalid.add(id);
        }
      }
    }
    data[name] = parsed;
    invalidIds.set(name, invalid);
    positions.set(name, at);
  }
  const meta = Meta.safeParse(input.meta);
  // a malformed meta has been reported; its region reference is then not checked
  data.meta = meta.success ? meta.data : { id: '-', name: '-' };
  return { data: data as DatasetType, invalid: { ids: invalidIds, segments: invalidSegments }, positions };
}

/** Maps issue paths of a partially parsed dataset back to the input's record positions. */
function remapPaths(issues: DatasetIssue[], positions: Map<CollectionName, number[]>, locale: Locale): DatasetIssue[] {
  return issues.map((issue) => {
    const [name, index, ...rest] = issue.pathSegments;
    const at = positions.get(name as CollectionName);
    if (at === undefined || typeof index !== 'number') return issue;
    const params = { ...issue.params };
    for (const key of ['first'] as const) {
      const m = typeof params[key] === 'string' ? /^(\w+)\[(\d+)\]$/u.exec(params[key] as string) : null;
      const firstAt = m ? positions.get(m[1] as CollectionName) : undefined;
      if (m && firstAt) params[key] = `${m[1]}[${firstAt[Number(m[2])] ?? m[2]}]`;
    }
    return createIssue(issue.code, [name!, at[index] ?? index, ...rest], params, locale, issue.severity);
  });
}

const BASIS_OWNER_SKIP = new Set(['extra', 'fieldBasis']);

/** What makes two links duplicates: supplier, buyer, segment and product. */
const linkKey = (link: DatasetType['links'][number]) =>
  `${link.from}\u0000${link.to}\u0000${link.segment?.chain ?? ''}/${link.segment?.segment ?? ''}\u0000${link.product ?? ''}`;

/**
 * For each link, the position of the first earlier link with the same {@link linkKey}, or -1.
 * Links are visited supplier by supplier (a counting sort, stable), and a buyer seen twice for
 * one supplier is the only case that builds key strings: a million links need no million
 * strings. Falls back to a key per link when an end is not a known enterprise or an enterprise
 * id holds U+0000 (the key's separator), where the shortcut might part links the key joins.
 */
function firstDuplicates(
  links: DatasetType['links'],
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

/**
 * Cross-reference checks over a shape-valid (possibly partial) dataset.
 */
function checkReferences(
  data: DatasetType,
  templates: readonly ChainTemplate[],
  invalidRecords: Invalid,
  locale: Locale,
  ends?: { from?: Int32Array; to?: Int32Array },
): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  // `path` may be a scratch array the caller reuses (the per-record loops below): copied here,
  // on the rare path that has an issue
  const add = (code: IssueCode, path: Path, params: Record<string, unknown>, severity: 'error' | 'warning' = 'error') =>
    issues.push(createIssue(code, [...path], params, locale, severity));
  const invalid = (name: CollectionName, id: string) => invalidRecords.ids.get(name)?.has(id) ?? false;
  const invalidSegment = (chain: string, segment: string) => invalidRecords.segments.has(`${chain}/${segment}`);

  // duplicate ids, per collection
  const indexOf = <T extends { id?: string | undefined }>(name: CollectionName, records: readonly T[]) => {
    const index = new Map<string, number>();
    records.forEach((record, i) => {
      if (record.id === undefined) return;
      const first = index.get(record.id);
      if (first !== undefined) add('duplicate_id', [name, i, 'id'], { kind: name, id: record.id, first: `${name}[${first}]` });
      else index.set(record.id, i);
    });
    return index;
  };
  const sources = indexOf('sources', data.sources);
  const regions = indexOf('regions', data.regions);
  indexOf('templates', data.templates);
  const chains = indexOf('chains', data.chains);
  const enterprises = indexOf('enterprises', data.enterprises);
  indexOf('links', data.links);
  indexOf('projects', data.projects);
  indexOf('targets', data.targets);
  indexOf('indicators', data.indicators);

  const checkRegion = (id: string | undefined, path: Path) => {
    if (id !== undefined && !regions.has(id) && !invalid('regions', id)) add('unknown_region', path, { id });
  };
  const checkEnterprise = (id: string | undefined, path: Path) => {
    if (id !== undefined && !enterprises.has(id) && !invalid('enterprises', id)) add('unknown_enterprise', path, { id });
  };
  const checkChain = (id: string | undefined, path: Path): boolean => {
    if (id === undefined) return false;
    if (chains.has(id)) return true;
    if (!invalid('chains', id)) add('unknown_chain', path, { id });
    return false;
  };

  // region hierarchy
  data.regions.forEach((region, i) => {
    if (region.parent === region.id) add('region_cycle', ['regions', i, 'parent'], { cycle: [region.id, region.id] });
    else checkRegion(region.parent, ['regions', i, 'parent']);
  });
  {
    const adjacency = data.regions.map((region) => {
      const parent = region.parent === undefined || region.parent === region.id ? undefined : regions.get(region.parent);
      return parent === undefined ? [] : [parent];
    });
    const cycle = findCycle(data.regions.length, adjacency);
    if (cycle) add('region_cycle', ['regions', cycle[0]!, 'parent'], { cycle: cycle.map((i) => data.regions[i]!.id) });
  }
  checkRegion(data.meta.region, ['meta', 'region']);

  // templates and chains: segments, flows, cycles, coefficients
  const lookup = templateLookup(data, templates);
  const segmentsOfChain = new Map<string, Set<string>>();
  const chainsOfSegment = new Map<string, string[]>();
  const resolved: ResolvedChain[] = [];
  data.chains.forEach((chain, i) => {
    if (chain.template !== undefined && !lookup.has(chain.template)) {
      if (!invalid('templates', chain.template)) add('unknown_template', ['chains', i, 'template'], { id: chain.template });
    }
    const r = resolveChain(chain, lookup);
    resolved.push(r);
    const ids = new Set(r.segments.map((s) => s.id));
    segmentsOfChain.set(chain.id, ids);
    for (const id of ids) chainsOfSegment.set(id, [...(chainsOfSegment.get(id) ?? []), chain.id]);
  });

  const checkFlows = (
    owner: 'chains' | 'templates',
    ownerIndex: number,
    chainId: string,
    segments: readonly { id: string }[],
    ownSegmentsFrom: number,
    flows: readonly { from: string; to: string; coefficient?: number | undefined }[],
    ownFlowsFrom: number,
  ) => {
    const position = new Map<string, number>();
    segments.forEach((segment, j) => {
      const first = position.get(segment.id);
      if (first !== undefined) {
        if (j >= ownSegmentsFrom)
          add('duplicate_id', [owner, ownerIndex, 'segments', j - ownSegmentsFrom, 'id'], {
            kind: 'segment',
            id: segment.id,
            first: first < ownSegmentsFrom ? `template segments[${first}]` : `segments[${first - ownSegmentsFrom}]`,
          });
      } else position.set(segment.id, j);
    });
    const adjacency: number[][] = segments.map(() => []);
    const inflow = new Map<string, number>();
    flows.forEach((flow, j) => {
      const own = j >= ownFlowsFrom;
      const path: Path = [owner, ownerIndex, 'flows', j - ownFlowsFrom];
      let ok = true;
      for (const end of ['from', 'to'] as const) {
        const id = flow[end];
        if (position.has(id)) continue;
        ok = false;
        if (!own || invalidSegment(chainId, id)) continue;
        const elsewhere = (chainsOfSegment.get(id) ?? []).filter((c) => c !== chainId);
        if (owner === 'chains' && elsewhere.length > 0) add('flow_cross_chain', [...path, end], { chain: chainId, id, chains: elsewhere });
        else add('unknown_segment', [...path, end], { chain: chainId, id });
      }
      if (!ok) return;
      if (flow.from === flow.to) {
        if (own) add('flow_cycle', [...path, 'to'], { chain: chainId, cycle: [flow.from, flow.to] });
        return;
      }
      adjacency[position.get(flow.from)!]!.push(position.get(flow.to)!);
      if (flow.coefficient !== undefined) inflow.set(flow.to, (inflow.get(flow.to) ?? 0) + flow.coefficient);
    });
    const cycle = findCycle(segments.length, adjacency);
    if (cycle) add('flow_cycle', [owner, ownerIndex, 'flows'], { chain: chainId, cycle: cycle.map((k) => segments[k]!.id) });
    for (const [segment, sum] of inflow) {
      if (sum >= 1)
        add('coefficients_not_productive', [owner, ownerIndex, 'flows'], {
          chain: chainId,
          segment,
          sum: Math.round(sum * 1e6) / 1e6,
        });
    }
  };
  data.templates.forEach((t, i) => checkFlows('templates', i, t.id, t.segments, 0, t.flows, 0));
  resolved.forEach((r, i) =>
    checkFlows('chains', i, r.id, r.segments, r.templateSegmentCount, r.flows, r.templateFlowCount),
  );

  const checkSegment = (chain: string | undefined, segment: string | undefined, path: Path, chainPath: Path) => {
    if (segment !== undefined && chain === undefined) {
      add('segment_without_chain', path, { id: segment });
      return;
    }
    if (!checkChain(chain, chainPath) || segment === undefined) return;
    if (!segmentsOfChain.get(chain!)!.has(segment) && !invalidSegment(chain!, segment))
      add('unknown_segment', path, { chain, id: segment });
  };

  // enterprises and links: a million records, so their paths are scratch arrays filled in place
  const at: Path = ['enterprises', 0, 'region'];
  const segmentAt: Path = ['enterprises', 0, 'segments', 0, 'segment'];
  const chainAt: Path = ['enterprises', 0, 'segments', 0, 'chain'];
  for (let i = 0; i < data.enterprises.length; i++) {
    const e = data.enterprises[i]!;
    at[1] = segmentAt[1] = chainAt[1] = i;
    at[2] = 'region';
    checkRegion(e.region, at);
    for (let j = 0; j < e.segments.length; j++) {
      const a = e.segments[j]!;
      segmentAt[3] = chainAt[3] = j;
      checkSegment(a.chain, a.segment, segmentAt, chainAt);
    }
    e.chainRoles?.forEach((r, j) => checkChain(r.chain, ['enterprises', i, 'chainRoles', j, 'chain']));
    at[2] = 'parent';
    if (e.parent === e.id) add('self_link', at, { id: e.id });
    else checkEnterprise(e.parent, at);
  }

  // links: each end is looked up once, for the reference check and the duplicate check
  const nl = data.links.length;
  const fromIndex = new Int32Array(nl);
  const toIndex = new Int32Array(nl);
  for (let i = 0; i < nl; i++) {
    const link = data.links[i]!;
    fromIndex[i] = enterprises.get(link.from) ?? -1;
    toIndex[i] = enterprises.get(link.to) ?? -1;
  }
  if (ends) (ends.from = fromIndex), (ends.to = toIndex);
  const duplicateOf = firstDuplicates(data.links, fromIndex, toIndex, enterprises, data.enterprises.length);
  at[0] = segmentAt[0] = chainAt[0] = 'links';
  segmentAt.length = chainAt.length = 4;
  segmentAt[2] = chainAt[2] = 'segment';
  segmentAt[3] = 'segment';
  chainAt[3] = 'chain';
  for (let i = 0; i < nl; i++) {
    const link = data.links[i]!;
    at[1] = segmentAt[1] = chainAt[1] = i;
    at[2] = 'from';
    if (fromIndex[i]! < 0 && !invalid('enterprises', link.from)) add('unknown_enterprise', at, { id: link.from });
    at[2] = 'to';
    if (toIndex[i]! < 0 && !invalid('enterprises', link.to)) add('unknown_enterprise', at, { id: link.to });
    if (link.from === link.to) add('self_link', at, { id: link.from });
    if (link.segment) checkSegment(link.segment.chain, link.segment.segment, segmentAt, chainAt);
    const first = duplicateOf[i]!;
    if (first >= 0) add('duplicate_link', ['links', i], { from: link.from, to: link.to, first: `links[${first}]` }, 'warning');
  }

  // projects
  data.projects.forEach((p, i) => {
    checkRegion(p.region, ['projects', i, 'region']);
    checkEnterprise(p.enterprise, ['projects', i, 'enterprise']);
    checkSegment(p.chain, p.segment, ['projects', i, 'segment'], ['projects', i, 'chain']);
    if (p.startYear !== undefined && p.productionYear !== undefined && p.productionYear < p.startYear)
      add('production_before_start', ['projects', i, 'productionYear'], {
        field: 'productionYear',
        year: p.productionYear,
        before: 'startYear',
        beforeYear: p.startYear,
      });
    if (p.productionYear !== undefined && p.fullCapacityYear !== undefined && p.fullCapacityYear < p.productionYear)
      add('production_before_start', ['projects', i, 'fullCapacityYear'], {
        field: 'fullCapacityYear',
        year: p.fullCapacityYear,
        before: 'productionYear',
        beforeYear: p.productionYear,
      });
  });

  // targets and indicators
  for (const name of ['targets', 'indicators'] as const) {
    data[name].forEach((t, i) => {
      checkRegion(t.scope.region, [name, i, 'scope', 'region']);
      checkChain(t.scope.chain, [name, i, 'scope', 'chain']);
    });
  }

  // citations: every `sources` list anywhere below the top-level collections; a fact whose
  // basis is "cited" needs a citation of its own or one from the record it belongs to
  // `path` is a stack, pushed and popped in place (copied by `add`): this visits every object
  // below a million links
  const path: Path = [];
  const walk = (value: unknown, cited: boolean) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], cited);
        path.pop();
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const citations = record.sources as { source: string }[] | undefined;
    if (citations) {
      for (let j = 0; j < citations.length; j++) {
        const c = citations[j]!;
        if (!sources.has(c.source) && !invalid('sources', c.source)) {
          path.push('sources', j, 'source');
          add('unknown_source', path, { id: c.source });
          path.length -= 3;
        }
      }
    }
    const hasCitation = cited || (citations !== undefined && citations.length > 0);
    if (record.basis === 'cited' && !hasCitation) {
      path.push('basis');
      add('citation_missing', path, {});
      path.pop();
    }
    // for-in: no key array per object; parsed records are plain objects
    for (const key in record) {
      if (key === 'sources' || BASIS_OWNER_SKIP.has(key)) continue;
      const child = record[key];
      if (child !== null && typeof child === 'object') {
        path.push(key);
        walk(child, hasCitation);
        path.pop();
      }
    }
  };
  for (const name of ['regions', 'templates', 'chains', 'enterprises', 'links', 'projects', 'targets', 'indicators'] as const) {
    path.push(name);
    walk(data[name], false);
    path.pop();
  }

  // fieldBasis names fields of the record it is on
  for (const name of ['regions', 'chains', 'enterprises', 'links', 'projects', 'targets', 'indicators'] as const) {
    const shape = (COLLECTIONS[name] as unknown as { shape: Record<string, unknown> }).shape;
    (data[name] as { fieldBasis?: Record<string, string> }[]).forEach((record, i) => {
      for (const field of Object.keys(record.fieldBasis ?? {})) {
        if (!(field in shape)) add('unknown_field', [name, i, 'fieldBasis', field], { keys: [field] });
      }
    });
  }
  return issues;
}

const adoptLink = (input: unknown) => fastParseLink(input, { adopt: true });

/**
 * The shape check of a valid dataset, fast: zod over everything but the enterprises and links,
 * those through the checkers of ./fast-parse.ts (zod for the records they give up on). The
 * same result as `Dataset.safeParse` when that succeeds; undefined when anything is invalid,
 * and the caller runs `Dataset.safeParse` for the issues.
 */
function parseShapeFast(input: unknown, adopt: boolean): DatasetType | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const { enterprises = [], links = [] } = input as { enterprises?: unknown; links?: unknown };
  if (!Array.isArray(enterprises) || !Array.isArray(links)) return undefined;
  const rest = Dataset.safeParse({ ...input, enterprises: [], links: [] });
  if (!rest.success) return undefined;
  const parsedEnterprises = parseRecords(enterprises, fastParseEnterprise, Enterprise);
  if (!parsedEnterprises) return undefined;
  const parsedLinks = parseRecords(links, adopt ? adoptLink : fastParseLink, SupplyLink);
  if (!parsedLinks) return undefined;
  rest.data.enterprises = parsedEnterprises as DatasetType['enterprises'];
  rest.data.links = parsedLinks as DatasetType['links'];
  return rest.data;
}

/**
 * Parses and validates a dataset without throwing. Returns every issue at once, each with a
 * `code`, a `path` such as `links[3].to` and a message in the chosen locale.
 *
 * @example
 * const result = safeParseDataset(json, { locale: 'en' });
 * if (!result.success) for (const issue of result.issues) console.log(issue.path, issue.message);
 */
export function safeParseDataset(input: unknown, options: ParseOptions = {}): SafeParseResult {
  return parse(input, options, false);
}

/**
 * {@link safeParseDataset} for input that nobody else holds (what the loaders have just read):
 * links already in their parsed form are taken over rather than copied, so the result shares
 * objects with the input. Internal to the library (not in the package barrel).
 *
 * @example
 * const read = await readDatasetInput('data/jiuquan'); // then, if nothing else uses read.input:
 * if (read.success) safeParseReadInput(read.input);
 */
export function safeParseReadInput(input: unknown, options: ParseOptions = {}): SafeParseResult {
  return parse(input, options, true);
}

function parse(input: unknown, options: ParseOptions, adopt: boolean): SafeParseResult {
  const locale = options.locale ?? 'zh-CN';
  const templates = options.templates ?? chainTemplates;
  const fast = parseShapeFast(input, adopt);
  const shape = fast ? ({ success: true, data: fast } as const) : Dataset.safeParse(input);
  let issues: DatasetIssue[];
  const ends: { from?: Int32Array; to?: Int32Array } = {};
  if (shape.success) {
    issues = checkReferences(shape.data, templates, { ids: new Map(), segments: new Set() }, locale, ends);
    for (const issue of checkIndustryCodes(shape.data, locale)) issues.push(issue);
  } else {
    issues = shape.error.issues.map((issue) => fromZodIssue(issue, input, [], locale));
    if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
      const partial = parsePartially(input as Record<string, unknown>);
      const found = checkReferences(partial.data, templates, partial.invalid, locale);
      for (const issue of checkIndustryCodes(partial.data, locale)) found.push(issue);
      // one by one: a million issues as arguments would overflow the stack
      for (const issue of remapPaths(found, partial.positions, locale)) issues.push(issue);
    }
  }
  const errors = issues.filter((i) => i.severity === 'error');
  if (shape.success && errors.length === 0) {
    rememberLinkEnds(shape.data, ends.from!, ends.to!);
    return { success: true, data: shape.data, warnings: issues };
  }
  return { success: false, issues };
}

/** The link ends found by parsing a dataset, with the id strings they were found for. */
interface LinkEnds {
  enterprises: readonly DatasetType['enterprises'][number][];
  ids: string[];
  from: Int32Array;
  to: Int32Array;
  fromIds: string[];
  toIds: string[];
}

/** Per parsed dataset (by its links array), until `buildModel` takes them. */
const linkEnds = new WeakMap<object, LinkEnds>();

function rememberLinkEnds(data: DatasetType, from: Int32Array, to: Int32Array): void {
  const n = data.links.length;
  if (n === 0) return;
  const fromIds = new Array<string>(n);
  const toIds = new Array<string>(n);
  for (let k = 0; k < n; k++) (fromIds[k] = data.links[k]!.from), (toIds[k] = data.links[k]!.to);
  linkEnds.set(data.links, { enterprises: data.enterprises, ids: data.enterprises.map((e) => e.id), from, to, fromIds, toIds });
}

/**
 * The enterprise position of each link's supplier and buyer, as parsing found them, when the
 * dataset still holds exactly what it held then: the same enterprises array with the same ids,
 * and every link naming the same ids (checked in one pass that mostly compares references).
 * Otherwise, or when asked a second time, undefined. Lets `buildModel` skip a lookup by id per
 * link end (2e7 of them at 1e6 firms, each a cache miss). Internal (not in the package barrel).
 *
 * @example
 * const ends = takeParsedLinkEnds(dataset); // { from, to } right after safeParseDataset, then undefined
 */
export function takeParsedLinkEnds(data: DatasetType): { from: Int32Array; to: Int32Array } | undefined {
  const found = linkEnds.get(data.links);
  if (!found) return undefined;
  linkEnds.delete(data.links);
  const { enterprises, links } = data;
  if (enterprises !== found.enterprises || enterprises.length !== found.ids.length || links.length !== found.from.length) return undefined;
  for (let i = 0; i < enterprises.length; i++) if (enterprises[i]!.id !== found.ids[i]) return undefined;
  for (let k = 0; k < links.length; k++) {
    const link = links[k]!;
    if (link.from !== found.fromIds[k] || link.to !== found.toIds[k]) return undefined;
  }
  return { from: found.from, to: found.to };
}

/**
 * Parses and validates a dataset; throws a {@link DatasetError} carrying every issue.
 *
 * @example
 * const dataset = parseDataset({ meta: { id: 'demo', name: '示例' }, regions: [], chains: [] });
 */
export function parseDataset(input: DatasetInput | unknown, options: ParseOptions = {}): DatasetType {
  const result = safeParseDataset(input, options);
  if (!result.success) throw new DatasetError(result.issues, options.locale);
  return result.data;
}
