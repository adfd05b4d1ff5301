/**
 * The dataset parser as it was before the fast paths (src/model/fast-parse.ts, the duplicate
 * check and scratch paths of src/model/parse.ts): the oracle of test/model/fast-parse.test.ts.
 * Kept verbatim but for its imports; not used by the library.
 */
/**
 * Parsing a dataset: zod's shape checks, then cross-reference checks, all issues at once.
 *
 * When the shape check fails, every record is parsed on its own so that the records that are
 * well-formed still get their cross-reference checks; references to a malformed record are not
 * reported a second time as unknown.
 */
import type * as z from 'zod';
import { findCycle, resolveChain, type ResolvedChain } from '../../src/model/chains.js';
import { createIssue, DatasetError, type DatasetIssue, type IssueCode, type Locale } from '../../src/model/issues.js';
import {
  COLLECTIONS,
  Dataset,
  type ChainTemplate,
  type CollectionName,
  type Dataset as DatasetType,
  type DatasetInput,
  Meta,
} from '../../src/model/schema.js';
import { chainTemplates } from '../../src/templates/index.js';

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

/**
 * Cross-reference checks over a shape-valid (possibly partial) dataset.
 */
function checkReferences(
  data: DatasetType,
  templates: readonly ChainTemplate[],
  invalidRecords: Invalid,
  locale: Locale,
): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const add = (code: IssueCode, path: Path, params: Record<string, unknown>, severity: 'error' | 'warning' = 'error') =>
    issues.push(createIssue(code, path, params, locale, severity));
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

  // enterprises
  data.enterprises.forEach((e, i) => {
    checkRegion(e.region, ['enterprises', i, 'region']);
    e.segments.forEach((a, j) =>
      checkSegment(a.chain, a.segment, ['enterprises', i, 'segments', j, 'segment'], ['enterprises', i, 'segments', j, 'chain']),
    );
    e.chainRoles?.forEach((r, j) => checkChain(r.chain, ['enterprises', i, 'chainRoles', j, 'chain']));
    if (e.parent === e.id) add('self_link', ['enterprises', i, 'parent'], { id: e.id });
    else checkEnterprise(e.parent, ['enterprises', i, 'parent']);
  });

  // links
  const seenLinks = new Map<string, number>();
  data.links.forEach((link, i) => {
    checkEnterprise(link.from, ['links', i, 'from']);
    checkEnterprise(link.to, ['links', i, 'to']);
    if (link.from === link.to) add('self_link', ['links', i, 'to'], { id: link.from });
    if (link.segment) checkSegment(link.segment.chain, link.segment.segment, ['links', i, 'segment', 'segment'], ['links', i, 'segment', 'chain']);
    const key = `${link.from}\u0000${link.to}\u0000${link.segment?.chain ?? ''}/${link.segment?.segment ?? ''}\u0000${link.product ?? ''}`;
    const first = seenLinks.get(key);
    if (first !== undefined) add('duplicate_link', ['links', i], { from: link.from, to: link.to, first: `links[${first}]` }, 'warning');
    else seenLinks.set(key, i);
  });

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
  const walk = (value: unknown, path: Path, cited: boolean) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i], cited));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const citations = record.sources as { source: string }[] | undefined;
    if (citations) {
      citations.forEach((c, j) => {
        if (!sources.has(c.source) && !invalid('sources', c.source))
          add('unknown_source', [...path, 'sources', j, 'source'], { id: c.source });
      });
    }
    const hasCitation = cited || (citations !== undefined && citations.length > 0);
    if (record.basis === 'cited' && !hasCitation) add('citation_missing', [...path, 'basis'], {});
    for (const key of Object.keys(record)) {
      if (key === 'sources' || BASIS_OWNER_SKIP.has(key)) continue;
      const child = record[key];
      if (child !== null && typeof child === 'object') walk(child, [...path, key], hasCitation);
    }
  };
  for (const name of ['regions', 'templates', 'chains', 'enterprises', 'links', 'projects', 'targets', 'indicators'] as const) {
    walk(data[name], [name], false);
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

/**
 * Parses and validates a dataset without throwing. Returns every issue at once, each with a
 * `code`, a `path` such as `links[3].to` and a message in the chosen locale.
 *
 * @example
 * const result = safeParseDataset(json, { locale: 'en' });
 * if (!result.success) for (const issue of result.issues) console.log(issue.path, issue.message);
 */
export function safeParseDataset(input: unknown, options: ParseOptions = {}): SafeParseResult {
  const locale = options.locale ?? 'zh-CN';
  const templates = options.templates ?? chainTemplates;
  const shape = Dataset.safeParse(input);
  let issues: DatasetIssue[];
  if (shape.success) {
    issues = checkReferences(shape.data, templates, { ids: new Map(), segments: new Set() }, locale);
  } else {
    issues = shape.error.issues.map((issue) => fromZodIssue(issue, input, [], locale));
    if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
      const partial = parsePartially(input as Record<string, unknown>);
      const found = checkReferences(partial.data, templates, partial.invalid, locale);
      issues.push(...remapPaths(found, partial.positions, locale));
    }
  }
  const errors = issues.filter((i) => i.severity === 'error');
  if (shape.success && errors.length === 0) return { success: true, data: shape.data, warnings: issues };
  return { success: false, issues };
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
