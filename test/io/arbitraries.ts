/**
 * fast-check arbitraries of small valid datasets (as input: `parseDataset` them before use).
 *
 * `csvSafe` datasets hold only what the CSV form holds exactly: text without surrounding space
 * or list separators, no empty lists, no per-item provenance on chain roles.
 */
import fc from 'fast-check';
import type { DatasetInput } from '../../src/index.js';

export interface DatasetArbitraryOptions {
  /** Generate only data the CSV form can hold. Default false. */
  csvSafe?: boolean;
}

const TRICKY = ['上游', 'yes', 'no', 'null', '~', '1.0', '007', '2024-05', 'a: b', '- x', '"quoted"', "it's", '#hash', 'x,y', '=SUM(A1)', '𠀀字', '链主'];
const TRICKY_PADDED = ['  padded  ', 'line\nbreak', 'tab\there', 'a|b', '甲、乙', 'x;y', ''];

function textArb(csvSafe: boolean): fc.Arbitrary<string> {
  if (csvSafe) {
    const alphabet = fc.constantFrom(...'abcXYZ019 ,."-=#电池材料锂链主上游\n'.split(''));
    return fc.oneof(
      fc
        .string({ unit: alphabet, minLength: 1, maxLength: 8 })
        .filter((s) => s.trim() === s && s !== ''),
      fc.constantFrom(...TRICKY),
    );
  }
  return fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.constantFrom(...TRICKY, ...TRICKY_PADDED.filter((s) => s !== '')));
}

const idArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/u);
const uniqueIds = (min: number, max: number) => fc.uniqueArray(idArb, { minLength: min, maxLength: max });
const yearArb = fc.integer({ min: 1990, max: 2060 });
// + 0 turns -0 into 0: JSON has no negative zero
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
);
const dateArb = fc
  .tuple(yearArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 2 }))
  .map(([y, m, d, parts]) =>
    [String(y), String(m).padStart(2, '0'), String(d).padStart(2, '0')].slice(0, parts + 1).join('-'),
  );

/** Picks an optional value: absent or one drawn from `arb`. */
function maybe<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

/** Drops keys whose value is undefined (as a hand-written dataset would not have them). */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A small valid dataset: regions in a hierarchy, 1–2 chains with acyclic flows, enterprises,
 * links, projects, targets, indicators, sources and citations.
 *
 * @example
 * fc.assert(fc.property(datasetArbitrary(), (input) => parseDataset(input) !== undefined));
 */
export function datasetArbitrary(options: DatasetArbitraryOptions = {}): fc.Arbitrary<DatasetInput> {
  const csvSafe = options.csvSafe ?? false;
  const text = textArb(csvSafe);
  const list = fc.array(text, { minLength: csvSafe ? 1 : 0, maxLength: 3 });

  return fc
    .record({
      ids: uniqueIds(40, 40),
      metaName: text,
      sourceCount: fc.integer({ min: 0, max: 2 }),
      regionCount: fc.integer({ min: 1, max: 3 }),
      segmentCounts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
      enterpriseCount: fc.integer({ min: 0, max: 4 }),
      seed: fc.array(fc.nat(1000), { minLength: 200, maxLength: 200 }),
      texts: fc.array(text, { minLength: 60, maxLength: 60 }),
      lists: fc.array(maybe(list), { minLength: 30, maxLength: 30 }),
      amounts: fc.array(maybe(amountArb), { minLength: 30, maxLength: 30 }),
      years: fc.array(yearArb, { minLength: 10, maxLength: 10 }),
      dates: fc.array(maybe(dateArb), { minLength: 6, maxLength: 6 }),
      extras: fc.array(
        maybe(
          fc.dictionary(
            fc.constantFrom('联系人', '合同号', 'contact', 'remark2'),
            csvSafe ? text : fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)),
            { minKeys: 1, maxKeys: 2 },
          ),
        ),
        { minLength: 12, maxLength: 12 },
      ),
    })
    .map((g): DatasetInput => {
      // deterministic picks from the generated numbers, so shrinking stays meaningful
      let cursor = 0;
      const pick = (n: number) => (n <= 0 ? 0 : g.seed[cursor++ % g.seed.length]! % n);
      const flag = () => pick(2) === 1;
      let t = 0;
      const nextText = () => g.texts[t++ % g.texts.length]!;
      // a name blank after trimming is invalid (blank_name): keep the text, make it a name
      const nextName = () => {
        const text = nextText();
        return text.trim() === '' ? `名${text.trim()}` : text;
      };
      let l = 0;
      const nextList = () => g.lists[l++ % g.lists.length];
      let a = 0;
      const nextAmount = () => g.amounts[a++ % g.amounts.length];
      let y = 0;
      const nextYear = () => g.years[y++ % g.years.length]!;
      let d = 0;
      const nextDate = () => g.dates[d++ % g.dates.length];
      let x = 0;
      const nextExtra = () => g.extras[x++ % g.extras.length];
      let i = 0;
      const nextId = () => g.ids[i++]!;

      const sources = Array.from({ length: g.sourceCount }, () =>
        compact({ id: nextId(), title: nextText(), publisher: flag() ? nextText() : undefined, date: nextDate() }),
      );
      const cite = () =>
        sources.length > 0 && flag()
          ? [compact({ source: sources[pick(sources.length)]!.id, locator: flag() ? nextText() : undefined })]
          : undefined;
      const provenance = () =>
        compact({ basis: flag() ? (['inferred', 'estimated'] as const)[pick(2)] : undefined, sources: cite(), note: flag() ? nextText() : undefined });

      const regions: Record<string, unknown>[] = [];
      for (let r = 0; r < g.regionCount; r++) {
        regions.push(
          compact({
            id: nextId(),
            name: nextName(),
            aliases: nextList(),
            kind: (['province', 'city', '开发区', 'park'] as const)[pick(4)],
            parent: r > 0 ? (regions[pick(r)]!.id as string) : undefined,
            ...provenance(),
          }),
        );
      }
      const regionId = () => regions[pick(regions.length)]!.id as string;

      const chains = g.segmentCounts.map((count) => {
        const segments = Array.from({ length: count }, () =>
          compact({
            id: nextId(),
            name: nextName(),
            stage: (['upstream', 'midstream', 'downstream', '上游'] as const)[pick(4)],
            products: nextList(),
            valueShare: flag() ? pick(101) / 100 : undefined,
            ...provenance(),
          }),
        );
        const flows: Record<string, unknown>[] = [];
        for (let s = 1; s < segments.length; s++) {
          if (flag())
            flows.push(compact({ from: segments[pick(s)]!.id, to: segments[s]!.id, coefficient: flag() ? pick(31) / 100 : undefined }));
        }
        return compact({
          id: nextId(),
          name: nextName(),
          aliases: nextList(),
          description: flag() ? nextText() : undefined,
          segments,
          flows,
          ...provenance(),
        });
      });
      const segmentRef = () => {
        const chain = chains[pick(chains.length)]!;
        return { chain: chain.id as string, segment: chain.segments[pick(chain.segments.length)]!.id as string };
      };

      const enterprises = Array.from({ length: g.enterpriseCount }, () =>
        compact({
          id: nextId(),
          name: nextName(),
          aliases: nextList(),
          region: regionId(),
          segments: Array.from({ length: pick(3) }, () => compact({ ...segmentRef(), products: nextList(), ...provenance() })),
          role: flag() ? (['leader', '配套', 'core'] as const)[pick(3)] : undefined,
          chainRoles: flag() ? [{ chain: chains[0]!.id as string, role: 'core' as const }] : undefined,
          status: flag() ? (['operating', '在建', 'prospect'] as const)[pick(3)] : undefined,
          output: nextAmount(),
          outputYear: flag() ? nextYear() : undefined,
          capacity: flag()
            ? [compact({ value: nextAmount() ?? 1, unit: nextText(), product: flag() ? nextText() : undefined, year: flag() ? nextYear() : undefined })]
            : undefined,
          employees: flag() ? pick(5000) : undefined,
          aboveScale: flag() ? flag() : undefined,
          extra: nextExtra(),
          fieldBasis: flag() ? { output: 'estimated' as const } : undefined,
          ...provenance(),
        }),
      );

      const links: Record<string, unknown>[] = [];
      if (enterprises.length >= 2) {
        for (let k = pick(5); k > 0; k--) {
          const from = pick(enterprises.length);
          const to = (from + 1 + pick(enterprises.length - 1)) % enterprises.length;
          links.push(
            compact({
              id: flag() ? `link-${links.length}` : undefined,
              from: enterprises[from]!.id,
              to: enterprises[to]!.id,
              segment: flag() ? segmentRef() : undefined,
              product: flag() ? nextText() : undefined,
              value: nextAmount(),
              year: flag() ? nextYear() : undefined,
              status: flag() ? (['active', '撮合', 'planned'] as const)[pick(3)] : undefined,
              since: nextDate(),
              extra: nextExtra(),
              ...provenance(),
            }),
          );
        }
      }

      const projects = Array.from({ length: pick(3) }, () => {
        const start = nextYear();
        const ref = flag() ? segmentRef() : undefined;
        return compact({
          id: nextId(),
          name: nextName(),
          enterprise: enterprises.length > 0 && flag() ? (enterprises[pick(enterprises.length)]!.id as string) : undefined,
          chain: ref?.chain,
          segment: ref?.segment,
          region: regionId(),
          investment: nextAmount(),
          startYear: flag() ? start : undefined,
          productionYear: flag() ? start + pick(3) : undefined,
          status: (['planned', '签约', 'in-production'] as const)[pick(3)],
          phase: flag() ? nextText() : undefined,
          capacity: flag() ? [{ value: pick(100), unit: 'MW' }] : undefined,
          extra: nextExtra(),
          ...provenance(),
        });
      });

      const scope = () => compact({ region: regionId(), chain: flag() ? (chains[pick(chains.length)]!.id as string) : undefined });
      const targets = Array.from({ length: pick(3) }, () => {
        const value = nextAmount();
        return compact({
          id: nextId(),
          scope: scope(),
          metric: (['output', '产值', 'jobs'] as const)[pick(3)],
          kind: flag() ? ('expectation' as const) : undefined,
          value: value ?? (flag() ? undefined : 10),
          growth: value === undefined || flag() ? pick(30) - 5 : undefined,
          unit: flag() ? nextText() : undefined,
          year: flag() ? nextYear() : undefined,
          condition: flag() ? nextText() : undefined,
          ...provenance(),
        });
      });
      const indicators = Array.from({ length: pick(3) }, () =>
        compact({
          id: nextId(),
          scope: scope(),
          metric: 'output' as const,
          value: pick(1000),
          growth: flag() ? pick(200) / 10 : undefined,
          year: nextYear(),
          period: flag() ? nextText() : undefined,
          ...provenance(),
        }),
      );

      return {
        meta: compact({ id: nextId(), name: g.metaName, updated: nextDate(), region: regions[0]!.id as string, note: flag() ? nextText() : undefined }),
        sources,
        regions,
        chains,
        enterprises,
        links,
        projects,
        targets,
        indicators,
      } as DatasetInput;
    });
}
