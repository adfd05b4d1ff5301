import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/internal/normalize-name.js';
import {
  findReferenceFirm,
  getReferenceFirm,
  matchReferenceFirm,
  referenceFirms,
  referenceFirmsFor,
  referenceGaps,
  referenceGroupOf,
} from '../../src/reference/index.js';
import type { Exchange } from '../../src/reference/index.js';
import { chainTemplates } from '../../src/templates/index.js';

/**
 * Segments being added to the built-in templates in parallel (coordinated ids). Listed here so
 * references to them are accepted before the templates carry them; once a template has the
 * segment, the test checks it against the template like any other, and the entry is harmless.
 */
const NEW_SEGMENTS: Record<string, readonly string[]> = {
  'wind-power': ['main-control', 'nacelle-cover', 'hydraulic-cooling', 'box-transformer'],
  photovoltaic: ['ribbon', 'quartz-crucible', 'diamond-wire', 'combiner-boxes'],
  'new-energy-vehicle': ['axles', 'thermal-management', 'tyres', 'dies-casting', 'commercial-vehicle-parts'],
  'fine-chemical': ['dyes-pigments', 'coatings', 'catalysts'],
  'coal-mining-machinery': ['auxiliary-transport', 'hoisting-ventilation', 'coal-preparation', 'picks-bolts', 'mining-cables'],
  'green-building-materials': ['gypsum-board', 'ceramics-sanitary', 'bipv', 'admixtures'],
  'energy-storage': ['structural-parts'],
  'solar-thermal': ['heat-transfer-oil'],
};

/** Place-specific segments leaving the generic template: the directory must not reference them. */
const REMOVED_SEGMENTS: Record<string, readonly string[]> = {
  'intelligent-equipment': ['cleaning-equipment', 'plate-making'],
};

/**
 * The templates the directory covers: the fourteen built-in templates it was compiled for. A
 * template added later is checked for valid references at once, and for coverage once its
 * firms are compiled and its id is added here.
 */
const COVERED_TEMPLATES = [
  'wind-power', 'photovoltaic', 'solar-thermal', 'energy-storage', 'hydrogen', 'smart-grid', 'petrochemical',
  'coal-chemical', 'fine-chemical', 'new-energy-vehicle', 'copper-materials', 'green-building-materials',
  'intelligent-equipment', 'coal-mining-machinery',
];

/** Every segment of the given templates: their own plus the new ones, minus the removed. */
function expectedSegments(templateIds?: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const template of chainTemplates) {
    if (templateIds && !templateIds.includes(template.id)) continue;
    const ids = new Set([...template.segments.map((s) => s.id), ...(NEW_SEGMENTS[template.id] ?? [])]);
    for (const removed of REMOVED_SEGMENTS[template.id] ?? []) ids.delete(removed);
    out.set(template.id, ids);
  }
  return out;
}

const PROVINCES = new Set(
  '北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省 内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 香港特别行政区 澳门特别行政区'.split(' '),
);

/** Stock-code shapes per exchange (A shares: main board and STAR in Shanghai, main board and ChiNext in Shenzhen). */
const CODE_PATTERN: Record<Exchange, RegExp> = {
  SSE: /^(60[0-35]\d{3}|688\d{3}|689\d{3})$/,
  SZSE: /^(00[0-3]\d{3}|30[01]\d{3})$/,
  BSE: /^([48]\d{5}|920\d{3})$/,
  HKEX: /^\d{4,5}$/,
};

const firms = referenceFirms();

describe('reference directory: integrity', () => {
  it('has several hundred firms', () => {
    expect(firms.length).toBeGreaterThanOrEqual(300);
  });

  it('has unique ids in kebab case and unique registered names', () => {
    const ids = firms.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const keys = firms.map((f) => normalizeName(f.name));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('has well-formed stock codes, unique per exchange', () => {
    const seen = new Map<string, string>();
    for (const firm of firms) {
      for (const { exchange, code } of firm.listing ?? []) {
        expect(code, `${firm.id} ${exchange}`).toMatch(CODE_PATTERN[exchange]);
        const key = `${exchange}:${code}`;
        expect(seen.get(key), `${key} listed twice`).toBeUndefined();
        seen.set(key, firm.id);
      }
      if (firm.listing) expect(firm.listing.length, firm.id).toBeGreaterThan(0);
    }
  });

  it('references only segments of the built-in templates (or the coordinated new ones)', () => {
    const expected = expectedSegments();
    for (const firm of firms) {
      expect(firm.segments.length, firm.id).toBeGreaterThan(0);
      for (const { template, segment } of firm.segments) {
        expect(expected.get(template)?.has(segment), `${firm.id}: ${template}/${segment}`).toBe(true);
      }
      const refs = firm.segments.map((s) => `${s.template}/${s.segment}`);
      expect(new Set(refs).size, `${firm.id} repeats a segment`).toBe(refs.length);
    }
  });

  it('has valid parents without cycles, and a group for every firm', () => {
    for (const firm of firms) {
      if (firm.parent === undefined) continue;
      expect(firm.parent, firm.id).not.toBe(firm.id);
      expect(getReferenceFirm(firm.parent), `${firm.id}.parent`).toBeDefined();
      const seen = new Set([firm.id]);
      let at = getReferenceFirm(firm.parent);
      while (at?.parent !== undefined) {
        expect(seen.has(at.id), `cycle through ${at.id}`).toBe(false);
        seen.add(at.id);
        at = getReferenceFirm(at.parent);
      }
      expect(referenceGroupOf(firm.id)?.parent).toBeUndefined();
    }
  });

  it('places every headquarters in a province-level division and a named city', () => {
    for (const firm of firms) {
      expect(PROVINCES.has(firm.province), `${firm.id}: ${firm.province}`).toBe(true);
      expect(firm.city, firm.id).toMatch(/^(\p{Script=Han}{1,10}(市|州|地区|盟)|香港)$/u);
    }
  });

  it('states provenance on every entry', () => {
    for (const firm of firms) {
      expect(firm.basis).toBe('inferred');
      expect(firm.asOf, firm.id).toBeGreaterThanOrEqual(2023);
      expect(firm.asOf, firm.id).toBeLessThanOrEqual(2026);
      expect(firm.note.length, firm.id).toBeGreaterThan(0);
      expect(firm.products.length, firm.id).toBeGreaterThan(0);
      expect(firm.shortNames.length, firm.id).toBeGreaterThan(0);
      expect(new Set(firm.tags).size, firm.id).toBe(firm.tags.length);
    }
  });
});

describe('reference directory: names', () => {
  it('finds every firm by its id, registered name, short names and former names', () => {
    for (const firm of firms) {
      for (const name of [firm.id, firm.name, ...firm.shortNames, ...(firm.formerNames ?? [])]) {
        const match = findReferenceFirm(name);
        expect(match.status === 'found' ? match.firm : match, `${firm.id} by "${name}"`).toBe(firm.id);
      }
    }
  });

  it('resolves traditional and full-width forms, legal suffixes and a subsidiary\'s group', () => {
    expect(findReferenceFirm('寧德時代新能源科技股份有限公司')).toMatchObject({ status: 'found', firm: 'catl', group: 'catl', matchedBy: 'name' });
    expect(findReferenceFirm('弗迪電池')).toMatchObject({ status: 'found', firm: 'fudi-battery', group: 'byd', matchedBy: 'name' });
    expect(findReferenceFirm('瓦轴')).toMatchObject({ status: 'found', firm: 'zwz', matchedBy: 'short-name' });
    expect(findReferenceFirm('南高齿')).toMatchObject({ status: 'found', firm: 'ngc', group: 'china-transmission' });
    expect(findReferenceFirm('ＣＡＴＬ')).toMatchObject({ status: 'found', firm: 'catl' });
    expect(findReferenceFirm('浙江运达风电股份有限公司')).toMatchObject({ status: 'found', firm: 'windey', matchedBy: 'former-name' });
    expect(findReferenceFirm('中材锂膜有限公司')).toMatchObject({ status: 'found', firm: 'sinoma-lithium-film', group: 'sinoma-st' });
  });

  it('strips a leading place name only when asked, and never guesses', () => {
    expect(findReferenceFirm('酒泉日月重工')).toEqual({ status: 'not-found', key: '酒泉日月重工' });
    expect(findReferenceFirm('酒泉日月重工', { places: ['酒泉市'] })).toMatchObject({ status: 'found', firm: 'riyue', matchedBy: 'place-prefix' });
    expect(findReferenceFirm('九鼎风电叶片').status).toBe('not-found');
  });

  it('recognises the seeds\' national firms by name or alias, and not their local firms', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const seed = JSON.parse(readFileSync(resolve(root, 'seeds/jiuquan.json'), 'utf8')) as {
      enterprises: { id: string; name: string; aliases?: string[] }[];
    };
    const matched = Object.fromEntries(
      seed.enterprises.map((e) => [e.id, matchReferenceFirm(e, { places: ['酒泉市', '甘肃省'] })?.firm]),
    );
    const byName = (name: string) => matched[seed.enterprises.find((e) => e.name === name)!.id];
    expect(byName('明阳智慧能源集团股份有限公司')).toBe('mingyang');
    expect(byName('运达能源科技集团股份有限公司')).toBe('windey');
    expect(byName('金风科技')).toBe('goldwind');
    expect(byName('九鼎风电叶片')).toBeUndefined();
    expect(byName('瑞达紧固件')).toBeUndefined();
  });
});

describe('reference directory: coverage', () => {
  /** Firms of one segment counted once per group, so a parent and its subsidiary count once. */
  const groupsIn = (template: string, segment: string) =>
    new Set(referenceFirmsFor(template, segment).map((f) => referenceGroupOf(f.id)!.id));

  it('names three firms from distinct groups in every segment, or says why not', () => {
    const gaps = new Map(referenceGaps().map((g) => [`${g.template}/${g.segment}`, g]));
    const uncovered: string[] = [];
    const expected = expectedSegments(COVERED_TEMPLATES);
    expect([...expected.keys()].sort()).toEqual([...COVERED_TEMPLATES].sort());
    for (const [template, segments] of expected) {
      for (const segment of segments) {
        if (groupsIn(template, segment).size < 3 && !gaps.has(`${template}/${segment}`)) uncovered.push(`${template}/${segment}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('keeps gap records only for valid, thinly covered segments, each with a reason', () => {
    const expected = expectedSegments();
    const keys = referenceGaps().map((g) => `${g.template}/${g.segment}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const gap of referenceGaps()) {
      expect(expected.get(gap.template)?.has(gap.segment), `${gap.template}/${gap.segment}`).toBe(true);
      expect(groupsIn(gap.template, gap.segment).size, `stale gap ${gap.template}/${gap.segment}`).toBeLessThan(3);
      expect(gap.reason.length).toBeGreaterThan(20);
    }
  });

  it('names the leading firms a recruiter asks for first', () => {
    const ids = (template: string, segment: string) => referenceFirmsFor(template, segment).map((f) => f.id);
    expect(ids('new-energy-vehicle', 'power-battery')).toEqual(expect.arrayContaining(['catl', 'fudi-battery', 'gotion']));
    expect(ids('wind-power', 'bearings')).toEqual(expect.arrayContaining(['xinqianglian', 'lyc', 'zwz']));
    expect(ids('wind-power', 'gearbox')).toEqual(expect.arrayContaining(['ngc', 'cqgb', 'delijia']));
    expect(getReferenceFirm('catl')?.listing).toEqual([
      { exchange: 'SZSE', code: '300750' },
      { exchange: 'HKEX', code: '03750' },
    ]);
    expect(referenceFirmsFor('wind-power', 'no-such-segment')).toEqual([]);
  });
});

describe('reference directory: packaging', () => {
  it('is not reachable from the main entry', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
    const seen = new Set<string>();
    const stack = [resolve(src, 'index.ts')];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
        const target = resolve(dirname(file), `${spec}.ts`);
        stack.push(target);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].filter((file) => file.includes('/src/reference/'))).toEqual([]);
  });
});
