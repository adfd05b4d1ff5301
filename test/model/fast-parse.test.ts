import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_CHECKS, fastParseEnterprise, fastParseLink, LINK_CHECKS, LINK_KEYS } from '../../src/model/fast-parse.js';
import { buildModel } from '../../src/graph/model.js';
import { safeParseDataset, takeParsedLinkEnds } from '../../src/model/parse.js';
import { suggestNearMisses } from '../../src/model/references/index.js';
import { Enterprise, SupplyLink } from '../../src/model/schema.js';
import { datasetArbitrary } from '../support/arbitraries.js';
import { safeParseDataset as referenceParse } from './parse-reference.js';

/** A value with its key order made visible to `toEqual`. */
const ordered = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(ordered)
    : v !== null && typeof v === 'object'
      ? Object.keys(v).map((k) => [k, ordered((v as Record<string, unknown>)[k])])
      : v;

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

// values zod accepts (some transformed: Chinese terms) and values it rejects, per kind of field
const ID = { ok: ['e1', 'jiuding-blade', '九鼎', 'a.b', 'x\u0000y'], bad: ['', 'a b', 'a/b', ' x', 1, null, {}, [], true] };
const TEXT = { ok: ['九鼎风电叶片', 'x', ''], bad: [1, null, ['x']] };
const NAME = { ok: ['九鼎风电叶片', 'x'], bad: ['', 1, null] };
const AMOUNT = { ok: [0, 1.5, 1e6, 0.0001, 12], bad: [-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null] };
const YEAR = { ok: [1900, 2023, 2200], bad: [1899, 2201, 2023.5, '2023', Number.NaN] };
const DATE = { ok: ['2024', '2024-05', '2024-05-01'], bad: ['2024-5', '24', 2024, '2024-05-01T00'] };
const BOOL = { ok: [true, false], bad: ['true', 1, null] };
const BASIS = { ok: ['cited', '引用', 'estimated', '推断'], bad: ['quoted', '', 1] };
const SOURCES = {
  ok: [[{ source: 's1' }], [{ source: 's1', locator: '第3段' }], [], [{ locator: 'x', source: 's2' }]],
  bad: [[{ source: 's 1' }], [{ source: 's1', x: 1 }], {}, [null], [{ source: 's1', locator: undefined }], 's1'],
};
const FIELD_BASIS = { ok: [{ output: 'estimated' }, {}, { region: '引用' }], bad: [{ output: 'bad' }, [], 'x'] };
const EXTRA = { ok: [{ 备注: 'v', n: 1, b: true, z: null }, {}], bad: [{ k: {} }, { k: Number.NaN }, []] };
const PROVENANCE = { basis: BASIS, sources: SOURCES, note: TEXT, fieldBasis: FIELD_BASIS };

const LINK_FIELDS = {
  id: ID,
  from: ID,
  to: ID,
  segment: {
    ok: [{ chain: 'wind', segment: 'blades' }, { segment: 'blades', chain: 'wind' }],
    bad: [{ chain: 'wind' }, { chain: 'wind', segment: 'blades', x: 1 }, 'wind/blades', { chain: 'w', segment: 'a b' }],
  },
  product: TEXT,
  value: AMOUNT,
  year: YEAR,
  status: { ok: ['active', '在供', '撮合', 'ended', 'potential'], bad: ['Active', '', 1] },
  since: DATE,
  extra: EXTRA,
  ...PROVENANCE,
};

const ENTERPRISE_FIELDS = {
  id: ID,
  name: NAME,
  aliases: { ok: [['九鼎叶片'], [], ['a', 'b']], bad: [[''], [1], 'x'] },
  region: ID,
  segments: {
    ok: [[{ chain: 'wind', segment: 'blades' }], [], [{ chain: 'wind', segment: 'blades', products: ['叶片'], basis: '引用', sources: [{ source: 's1' }] }]],
    bad: [[{ chain: 'wind' }], [{ chain: 'wind', segment: 'blades', products: [''] }], {}, [{ chain: 'wind', segment: 'blades', y: 2 }]],
  },
  role: { ok: ['leader', '链主', '配套企业', 'other'], bad: ['boss', 1] },
  chainRoles: { ok: [[{ chain: 'wind', role: '链主' }], []], bad: [[{ chain: 'wind' }], [{ chain: 'wind', role: 'x' }]] },
  status: { ok: ['operating', '在建', '关停', 'prospect'], bad: ['open', null] },
  output: AMOUNT,
  outputYear: YEAR,
  capacity: { ok: [[{ value: 4, unit: 'GWh' }], [{ value: 1, unit: 'MW', product: '电池', year: 2024 }]], bad: [[{ value: -1, unit: 'GWh' }], [{ unit: 'GWh' }]] },
  employees: AMOUNT,
  aboveScale: BOOL,
  parent: ID,
  extra: EXTRA,
  ...PROVENANCE,
};

type Pools = Record<string, { ok: readonly unknown[]; bad: readonly unknown[] }>;

/** Records: each field absent, valid, invalid or explicitly undefined; keys in any order, sometimes an unknown one. */
function recordArbitrary(fields: Pools, validOnly: boolean): fc.Arbitrary<Record<string, unknown>> {
  const entry = (key: string) => {
    const { ok, bad } = fields[key]!;
    const value = validOnly
      ? pick(ok)
      : fc.oneof({ weight: 40, arbitrary: pick(ok) }, { weight: 2, arbitrary: pick(bad) }, { weight: 1, arbitrary: fc.constant(undefined) });
    return fc.option(value.map((v) => [key, v] as const), { nil: null, freq: 3 });
  };
  const keys = Object.keys(fields);
  return fc
    .tuple(
      fc.tuple(...keys.map(entry)),
      fc.boolean(),
      validOnly ? fc.constant(false) : fc.boolean().map((b) => b && Math.random() < 0.2),
      fc.nat(),
    )
    .map(([entries, reverse, unknown, seed]) => {
      const list = entries.filter((e): e is readonly [string, unknown] => e !== null);
      // required fields of the valid records
      if (validOnly) for (const key of ['id', 'from', 'to', 'name', 'region']) if (key in fields && !list.some(([k]) => k === key)) list.push([key, fields[key]!.ok[0]]);
      if (reverse) list.reverse();
      if (seed % 5 === 0) list.push(list.shift() ?? ['note', 'x']);
      const record: Record<string, unknown> = Object.fromEntries(list);
      if (unknown) record.colour = 'blue';
      return record;
    });
}

describe('fast path of the shape check', () => {
  it('knows the schema fields it checks', () => {
    expect([...LINK_KEYS]).toEqual(Object.keys(SupplyLink.shape));
    for (const key of Object.keys(LINK_CHECKS)) expect(Object.keys(SupplyLink.shape)).toContain(key);
    for (const key of Object.keys(ENTERPRISE_CHECKS)) expect(Object.keys(Enterprise.shape)).toContain(key);
  });

  for (const [name, fields, fast, schema] of [
    ['supply links', LINK_FIELDS, fastParseLink, SupplyLink],
    ['enterprises', ENTERPRISE_FIELDS, fastParseEnterprise, Enterprise],
  ] as const) {
    it(`gives what zod gives, key order included, or gives up (${name})`, () => {
      let fastHits = 0;
      let zodRejects = 0;
      fc.assert(
        fc.property(recordArbitrary(fields as Pools, false), (record) => {
          const expected = schema.safeParse(record);
          const got = fast(record);
          if (!expected.success) zodRejects++;
          if (got === undefined) return;
          fastHits++;
          expect(expected.success).toBe(true);
          expect(ordered(got)).toEqual(ordered(expected.data));
        }),
        { numRuns: 3000 },
      );
      // both outcomes occur: the test exercises the fast path and the give-up path
      expect(fastHits).toBeGreaterThan(100);
      expect(zodRejects).toBeGreaterThan(100);
    });

    it(`takes the fast path for valid records in any key order (${name})`, () => {
      fc.assert(
        fc.property(recordArbitrary(fields as Pools, true), (record) => {
          const expected = schema.parse(record);
          // capacities and chain roles are left to zod; the record still takes the fast path
          const got = fast(record);
          expect(got).toBeDefined();
          expect(ordered(got)).toEqual(ordered(expected));
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('takes over a link that is already its parsed form, and only such a link (adopt)', () => {
    fc.assert(
      fc.property(recordArbitrary(LINK_FIELDS as Pools, false), (record) => {
        const expected = SupplyLink.safeParse(record);
        const got = fastParseLink(record, { adopt: true });
        if (got === undefined) {
          expect(fastParseLink(record)).toBeUndefined();
          return;
        }
        expect(expected.success).toBe(true);
        expect(ordered(got)).toEqual(ordered(expected.data));
      }),
      { numRuns: 3000 },
    );
    const canonical = { from: 'a', to: 'b', segment: { chain: 'wind', segment: 'blades' }, value: 2, status: 'active' };
    expect(fastParseLink(canonical, { adopt: true })).toBe(canonical);
    expect(fastParseLink(canonical)).not.toBe(canonical);
    for (const other of [
      { to: 'b', from: 'a', status: 'active' },
      { from: 'a', to: 'b', status: '在供' },
      { from: 'a', to: 'b' },
      { from: 'a', to: 'b', segment: { segment: 'blades', chain: 'wind' }, status: 'active' },
      { from: 'a', to: 'b', status: 'active', sources: [{ source: 's1' }] },
    ])
      expect(fastParseLink(other, { adopt: true })).not.toBe(other);
  });

  it('gives up on objects that are not plain, and on a __proto__ key', () => {
    const link = JSON.parse('{"from":"a","to":"b","__proto__":{"x":1}}') as unknown;
    expect(fastParseLink(link)).toBeUndefined();
    expect(fastParseLink(Object.assign(Object.create(null), { from: 'a', to: 'b' }))).toBeUndefined();
    expect(fastParseLink({ from: 'a', to: 'b' })).toEqual({ from: 'a', to: 'b', status: 'active' });
  });
});

type Mutation = (d: Record<string, any>, n: number) => void;

const mutations: Mutation[] = [
  // duplicate a link (same supplier, buyer, segment and product), or a near-duplicate
  (d, n) => d.links.length > 0 && d.links.splice(n % (d.links.length + 1), 0, { ...d.links[n % d.links.length] }),
  (d, n) => d.links.length > 0 && d.links.push({ ...d.links[n % d.links.length], product: 'other' }),
  (d, n) => d.links.length > 0 && d.links.push({ ...d.links[n % d.links.length], segment: undefined }),
  // unknown and malformed ends
  (d, n) => d.links.length > 0 && (d.links[n % d.links.length].from = 'ghost'),
  (d, n) => d.links.length > 0 && (d.links[n % d.links.length].to = 'a b'),
  (d, n) => d.links.length > 0 && (d.links[n % d.links.length].to = d.links[n % d.links.length].from),
  // field values zod transforms or rejects
  (d, n) => d.links.length > 0 && (d.links[n % d.links.length].status = '撮合'),
  (d, n) => d.links.length > 0 && (d.links[n % d.links.length].value = -2),
  (d, n) => d.links.length > 0 && (d.links[n % d.links.length].colour = 'red'),
  (d, n) => d.links.length > 0 && (d.links[n % d.links.length].segment = { chain: 'nope', segment: 'x' }),
  (d, n) => d.enterprises.length > 0 && (d.enterprises[n % d.enterprises.length].status = '在建'),
  (d, n) => d.enterprises.length > 0 && (d.enterprises[n % d.enterprises.length].output = Number.NaN),
  (d, n) => d.enterprises.length > 0 && delete d.enterprises[n % d.enterprises.length].name,
  (d, n) => d.enterprises.length > 0 && (d.enterprises[n % d.enterprises.length].region = 'nowhere'),
  (d, n) => d.enterprises.length > 0 && (d.enterprises[n % d.enterprises.length].sources = [{ source: 'ghost-doc' }]),
  (d, n) => d.enterprises.length > 0 && (d.enterprises[n % d.enterprises.length].basis = 'cited'),
  (d, n) => d.enterprises.length > 1 && (d.enterprises[n % d.enterprises.length].id = d.enterprises[(n + 1) % d.enterprises.length].id),
  // an id holding the duplicate key's separator
  (d, n) => {
    if (d.enterprises.length === 0) return;
    const e = d.enterprises[n % d.enterprises.length];
    const old = e.id;
    e.id = `${old}\u0000x`;
    for (const l of d.links) if (l.from === old) l.from = e.id;
  },
  (d) => (d.links = 'none'),
  (d) => (d.regions[0].kind = 'planet'),
];

describe('safeParseDataset', () => {
  it('gives the same result as before the fast paths, on valid and corrupted datasets', () => {
    fc.assert(
      fc.property(datasetArbitrary({ maxLinks: 30 }), fc.array(fc.tuple(fc.nat(mutations.length - 1), fc.nat()), { maxLength: 3 }), fc.constantFrom('zh-CN', 'en') as fc.Arbitrary<'zh-CN' | 'en'>, (dataset, picks, locale) => {
        const input = JSON.parse(JSON.stringify(dataset)) as Record<string, any>;
        for (const [m, n] of picks) {
          try {
            mutations[m]!(input, n);
          } catch {
            // a mutation that does not apply to what an earlier one left (links no longer a list)
          }
        }
        const copy = structuredClone(input);
        const pristine = structuredClone(input);
        const got = safeParseDataset(input, { templates: [], locale });
        const expected = referenceParse(copy, { templates: [], locale });
        // the oracle predates near-miss suggestions: add them the library's way
        if (!expected.success) expected.issues = suggestNearMisses(expected.issues, pristine, [], locale);
        expect(ordered(got)).toEqual(ordered(expected));
      }),
      { numRuns: 400 },
    );
  });
});

describe('link ends found by parsing', () => {
  it('give buildModel the same model as looking ids up', () => {
    fc.assert(
      fc.property(datasetArbitrary({ maxLinks: 30 }), (dataset) => {
        const parsed = safeParseDataset(JSON.parse(JSON.stringify(dataset)), { templates: [] });
        if (!parsed.success) throw new Error('invalid');
        const copy = structuredClone(parsed.data);
        const viaParse = buildModel(parsed.data, { templates: [] });
        const viaLookup = buildModel(copy, { templates: [] });
        expect(viaParse.index.links).toEqual(viaLookup.index.links);
      }),
      { numRuns: 200 },
    );
  });

  it('are not used once the dataset has changed, nor twice', () => {
    const input = {
      meta: { id: 'd', name: 'd', region: 'r' },
      regions: [{ id: 'r', name: 'r', kind: 'zone' }],
      chains: [],
      enterprises: ['a', 'b', 'c'].map((id) => ({ id, name: id, region: 'r' })),
      links: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
    };
    const changedLink = safeParseDataset(input, { templates: [] });
    const changedIds = safeParseDataset(input, { templates: [] });
    const unchanged = safeParseDataset(input, { templates: [] });
    if (!changedLink.success || !changedIds.success || !unchanged.success) throw new Error('invalid');
    changedLink.data.links[1]!.to = 'a';
    expect(Array.from(buildModel(changedLink.data, { templates: [] }).index.links.to)).toEqual([1, 0]);
    changedIds.data.enterprises[0]!.id = 'z';
    changedIds.data.links[0]!.from = 'z';
    changedIds.data.enterprises.reverse();
    expect(Array.from(buildModel(changedIds.data, { templates: [] }).index.links.from)).toEqual([2, 1]);
    expect(takeParsedLinkEnds(unchanged.data)).toEqual({ from: Int32Array.from([0, 1]), to: Int32Array.from([1, 2]) });
    expect(takeParsedLinkEnds(unchanged.data)).toBeUndefined();
  });
});
