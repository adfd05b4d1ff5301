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
 * checks (./references/, one per collection) look each link end up once, find duplicate links without a key string per link, and
 * build issue paths only for issues. The link ends found are handed to `buildModel`
 * ({@link takeParsedLinkEnds}).
 */
import type * as z from 'zod';
import { fastParseEnterprise, fastParseLink, parseRecords } from './fast-parse.js';
import { checkValues, guardInput } from './guard.js';
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
import { checkReferences, suggestNearMisses, type Invalid } from './references/index.js';

export { templateLookup } from './references/index.js';

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

interface Partial {
  data: DatasetType;
  invalid: Invalid;
  /** For each collection, the input position of each record that parsed. */
  positions: Map<CollectionName, number[]>;
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

/**
 * Never throws: hostile input (too deep, cyclic, throwing getters or proxies) is found by the
 * guard first, and anything the checks still meet becomes an `unreadable_value` issue.
 */
function parse(input: unknown, options: ParseOptions, adopt: boolean): SafeParseResult {
  const locale = options.locale ?? 'zh-CN';
  const guard = guardInput(input, locale);
  if (guard.fatal) return { success: false, issues: guard.issues };
  try {
    return validate(input, options, adopt, guard.issues);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'unexpected value';
    return { success: false, issues: [...guard.issues, createIssue('unreadable_value', [], { detail }, locale)] };
  }
}

function validate(input: unknown, options: ParseOptions, adopt: boolean, guardIssues: DatasetIssue[]): SafeParseResult {
  const locale = options.locale ?? 'zh-CN';
  const templates = options.templates ?? chainTemplates;
  const fast = parseShapeFast(input, adopt);
  const shape = fast ? ({ success: true, data: fast } as const) : Dataset.safeParse(input);
  let issues: DatasetIssue[];
  const ends: { from?: Int32Array; to?: Int32Array } = {};
  if (shape.success) {
    issues = checkReferences(shape.data, templates, { ids: new Map(), segments: new Set() }, locale, ends);
    for (const issue of checkValues(shape.data, locale)) issues.push(issue);
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
  issues = suggestNearMisses(issues, input, templates, locale);
  // guard issues (reserved keys, lone surrogates) first: they say why later ones look odd
  if (guardIssues.length > 0) issues = [...guardIssues, ...issues];
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
