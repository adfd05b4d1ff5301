/**
 * A fast path for the shape check of the collections that grow with a province: enterprises
 * and supply links (1e5–1e6 and 1e6–1e7 records). zod's strict objects cost a few
 * microseconds per record and allocate a result object per field check; the hand-written
 * checkers here produce the same parsed record (same values, same key order: the schema's,
 * defaults filled in) for the common shapes and give up — return `undefined` — on anything
 * else: a record that is not a plain object, an unknown key, a key present with the value
 * `undefined`, a value zod might reject or transform otherwise. The caller then parses that
 * record with zod, so the result never depends on the fast path (see `safeParseDataset`).
 *
 * Fields are taken from the zod schemas' shapes, in their order; a field without a checker
 * here is parsed by its own zod schema, so a field added to the schema is parsed correctly
 * before anyone writes a checker for it. A property test (test/model/fast-parse.test.ts)
 * checks that the fast path and zod agree on generated valid and corrupted records.
 */
import type * as z from 'zod';
import { Activity, Citation, Enterprise, SegmentRef, SupplyLink } from './schema.js';
import { Basis, EnterpriseStatus, LinkStatus, Role, vocabularyLookup } from './vocabulary.js';

/** Parses a value, or returns undefined when the fast path does not apply. */
type Check = (value: unknown) => unknown;

interface Field {
  key: string;
  check: Check;
  required: boolean;
  /** The schema's default for an absent key (zod's own, computed per record). */
  fill: (() => unknown) | undefined;
}

/** A strict object schema compiled to checkers. */
interface ObjectSpec {
  keys: ReadonlySet<string>;
  fields: readonly Field[];
}

// the schema's checks (schema.ts): Id, DateString, Amount, Year
const ID = /^[^\s/]+$/u;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/u;

const id: Check = (v) => (typeof v === 'string' && ID.test(v) ? v : undefined);
const text: Check = (v) => (typeof v === 'string' ? v : undefined);
const name: Check = (v) => (typeof v === 'string' && v.length >= 1 ? v : undefined);
const amount: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
const year: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200 ? v : undefined);
const date: Check = (v) => (typeof v === 'string' && DATE.test(v) ? v : undefined);
const boolean: Check = (v) => (typeof v === 'boolean' ? v : undefined);

/** A vocabulary (accepted terms mapped to the canonical one): its own lookup table. */
function vocabulary(schema: z.ZodType): Check {
  return vocabularyLookup(schema);
}

function arrayOf(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return undefined;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const parsed = item(v[i]);
      if (parsed === undefined) return undefined;
      out[i] = parsed;
    }
    return out;
  };
}

/** A field left to its own zod schema (rare or intricate fields: records, capacities). */
function viaZod(schema: z.ZodType): Check {
  return (v) => {
    const result = schema.safeParse(v);
    return result.success ? result.data : undefined;
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

function compile(schema: z.ZodType, checks: Readonly<Record<string, Check>>): ObjectSpec {
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  const fields: Field[] = Object.keys(shape).map((key) => {
    const field = shape[key]!;
    const optin = (field as unknown as { _zod: { optin?: string } })._zod.optin;
    return {
      key,
      check: checks[key] ?? viaZod(field),
      required: optin === undefined,
      fill: optin === 'defaulted' ? () => field.parse(undefined) : undefined,
    };
  });
  return { keys: new Set(Object.keys(shape)), fields };
}

function parseObject(spec: ObjectSpec, input: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(input)) return undefined;
  for (const key in input) if (!spec.keys.has(key)) return undefined;
  const out: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = input[field.key];
    if (value === undefined) {
      if (field.required || field.key in input) return undefined;
      if (field.fill) out[field.key] = field.fill();
      continue;
    }
    const parsed = field.check(value);
    if (parsed === undefined) return undefined;
    out[field.key] = parsed;
  }
  return out;
}

const CITATION = compile(Citation, { source: id, locator: text });
const provenance = { basis: vocabulary(Basis), sources: arrayOf((v) => parseObject(CITATION, v)), note: text };
const ACTIVITY = compile(Activity, { chain: id, segment: id, products: arrayOf(name), ...provenance });
const SEGMENT_REF = compile(SegmentRef, { chain: id, segment: id });

/** Checkers of the enterprise fields (the others go to zod). */
export const ENTERPRISE_CHECKS: Readonly<Record<string, Check>> = {
  id,
  name,
  aliases: arrayOf(name),
  region: id,
  segments: arrayOf((v) => parseObject(ACTIVITY, v)),
  role: vocabulary(Role),
  status: vocabulary(EnterpriseStatus),
  output: amount,
  outputYear: year,
  employees: amount,
  aboveScale: boolean,
  parent: id,
  ...provenance,
};

/** Checkers of the supply link fields (the others go to zod). */
export const LINK_CHECKS: Readonly<Record<string, Check>> = {
  id,
  from: id,
  to: id,
  segment: (v) => parseObject(SEGMENT_REF, v),
  product: text,
  value: amount,
  year,
  status: vocabulary(LinkStatus),
  since: date,
  ...provenance,
};

const ENTERPRISE = compile(Enterprise, ENTERPRISE_CHECKS);
const LINK = compile(SupplyLink, LINK_CHECKS);

/**
 * The parsed enterprise, exactly as `Enterprise.parse` gives it, or `undefined` when the fast
 * path does not apply (parse the record with zod then).
 *
 * @example
 * fastParseEnterprise({ id: 'e1', name: '九鼎', region: 'jq', status: '运营' });
 * // → { id: 'e1', name: '九鼎', region: 'jq', segments: [], status: 'operating' }
 */
export function fastParseEnterprise(input: unknown): Record<string, unknown> | undefined {
  return parseObject(ENTERPRISE, input);
}

/**
 * The parsed supply link, exactly as `SupplyLink.parse` gives it, or `undefined` when the fast
 * path does not apply. With `adopt`, a record that already is its parsed form (canonical values,
 * keys in schema order, `status` given) is returned itself rather than copied: for input no one
 * else holds (what the loaders read), a million fewer objects.
 *
 * @example
 * fastParseLink({ from: 'a', to: 'b', value: 1.5 }); // → { from: 'a', to: 'b', value: 1.5, status: 'active' }
 */
export function fastParseLink(input: unknown, options: { adopt?: boolean } = {}): Record<string, unknown> | undefined {
  return LINK_UNROLLED ? parseLinkUnrolled(input, options.adopt === true) : parseObject(LINK, input);
}

/**
 * The keys of a supply link in schema order, as {@link parseLinkUnrolled} spells them out. If
 * the schema's differ, the generic checker is used (and a test fails).
 */
export const LINK_KEYS = ['id', 'from', 'to', 'segment', 'product', 'value', 'year', 'status', 'since', 'extra', 'basis', 'sources', 'note', 'fieldBasis'] as const;
const LINK_UNROLLED = LINK.fields.map((f) => f.key).join() === LINK_KEYS.join();
const LINK_POSITION = new Map<string, number>(LINK_KEYS.map((k, i) => [k, i]));
const checkOf = (key: string) => LINK.fields.find((f) => f.key === key)!.check;
const linkStatus = checkOf('status');
const linkExtra = checkOf('extra');
const linkBasis = checkOf('basis');
const linkSources = checkOf('sources');
const linkFieldBasis = checkOf('fieldBasis');
const fillStatus = LINK.fields.find((f) => f.key === 'status')!.fill!;

/** Whether a value passes the segment reference's checks (as `parseObject(SEGMENT_REF, v)` would), without building it. */
function isSegmentRef(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  let keys = 0;
  for (const key in v) {
    if (key !== 'chain' && key !== 'segment') return false;
    keys++;
  }
  return keys === 2 && id(v.chain) !== undefined && id(v.segment) !== undefined;
}

/** Whether a valid segment reference has its keys in schema order (`chain`, `segment`). */
function isSegmentRefAsParsed(ref: Record<string, unknown>): boolean {
  let i = 0;
  for (const key in ref) if (key !== (i++ === 0 ? 'chain' : 'segment')) return false;
  return i === 2;
}

/**
 * {@link parseObject} for a link, unrolled: a million links are read with plain property
 * loads rather than a lookup per field name (three times faster, measured on 1e6 links).
 */
function parseLinkUnrolled(input: unknown, adopt: boolean): Record<string, unknown> | undefined {
  if (!isPlainObject(input)) return undefined;
  let present = 0;
  let last = -1;
  // whether `input` is its own parsed form: keys in schema order, every value as parsed
  let same = adopt;
  for (const key in input) {
    const at = LINK_POSITION.get(key);
    if (at === undefined) return undefined;
    if (at < last) same = false;
    last = at;
    present++;
  }
  const { id: linkId, from, to, segment, product, value, year: linkYear, status, since, extra, basis, sources, note, fieldBasis } = input;
  // check every field first, then build the parsed link only when `input` is not it already
  let defined = 2;
  if (linkId !== undefined) {
    if (id(linkId) === undefined) return undefined;
    defined++;
  }
  if (id(from) === undefined || id(to) === undefined) return undefined;
  if (segment !== undefined) {
    if (!isSegmentRef(segment)) return undefined;
    if (!isSegmentRefAsParsed(segment)) same = false;
    defined++;
  }
  if (product !== undefined) {
    if (typeof product !== 'string') return undefined;
    defined++;
  }
  if (value !== undefined) {
    if (amount(value) === undefined) return undefined;
    defined++;
  }
  if (linkYear !== undefined) {
    if (year(linkYear) === undefined) return undefined;
    defined++;
  }
  let parsedStatus: unknown;
  if (status !== undefined) {
    parsedStatus = linkStatus(status);
    if (parsedStatus === undefined) return undefined;
    if (parsedStatus !== status) same = false;
    defined++;
  } else same = false;
  if (since !== undefined) {
    if (date(since) === undefined) return undefined;
    defined++;
  }
  let parsedExtra: unknown;
  let parsedBasis: unknown;
  let parsedSources: unknown;
  let parsedFieldBasis: unknown;
  if (extra !== undefined) {
    if ((parsedExtra = linkExtra(extra)) === undefined) return undefined;
    if (parsedExtra !== extra) same = false;
    defined++;
  }
  if (basis !== undefined) {
    if ((parsedBasis = linkBasis(basis)) === undefined) return undefined;
    if (parsedBasis !== basis) same = false;
    defined++;
  }
  if (sources !== undefined) {
    if ((parsedSources = linkSources(sources)) === undefined) return undefined;
    if (parsedSources !== sources) same = false;
    defined++;
  }
  if (note !== undefined) {
    if (typeof note !== 'string') return undefined;
    defined++;
  }
  if (fieldBasis !== undefined) {
    if ((parsedFieldBasis = linkFieldBasis(fieldBasis)) === undefined) return undefined;
    if (parsedFieldBasis !== fieldBasis) same = false;
    defined++;
  }
  // a key present with the value undefined: zod's to judge
  if (defined !== present) return undefined;
  if (same) return input;
  const out: Record<string, unknown> = {};
  if (linkId !== undefined) out.id = linkId;
  out.from = from;
  out.to = to;
  if (segment !== undefined) out.segment = parseObject(SEGMENT_REF, segment);
  if (product !== undefined) out.product = product;
  if (value !== undefined) out.value = value;
  if (linkYear !== undefined) out.year = linkYear;
  out.status = status !== undefined ? parsedStatus : fillStatus();
  if (since !== undefined) out.since = since;
  if (extra !== undefined) out.extra = parsedExtra;
  if (basis !== undefined) out.basis = parsedBasis;
  if (sources !== undefined) out.sources = parsedSources;
  if (note !== undefined) out.note = note;
  if (fieldBasis !== undefined) out.fieldBasis = parsedFieldBasis;
  return out;
}

/**
 * Parses a list of records: the fast path for each, zod for the records it gives up on.
 * Returns undefined as soon as a record is invalid (the caller then runs zod over the whole
 * dataset, for its issues).
 *
 * @example
 * parseRecords(links, fastParseLink, SupplyLink); // → parsed links, or undefined
 */
export function parseRecords(records: readonly unknown[], fast: (input: unknown) => unknown, schema: z.ZodType): unknown[] | undefined {
  const out = new Array<unknown>(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    let parsed = fast(record);
    if (parsed === undefined) {
      const result = schema.safeParse(record);
      if (!result.success) return undefined;
      parsed = result.data;
    }
    out[i] = parsed;
  }
  return out;
}
