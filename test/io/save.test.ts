import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainError, parseDataset, type Dataset } from '../../src/index.js';
import { csvLosses, loadDataset, saveDataset } from '../../src/node.js';
import { fixture, tempDir } from '../fixtures/io/fixtures.js';
import { datasetArbitrary } from './arbitraries.js';

const basic = () => JSON.parse(readFileSync(fixture('basic.json'), 'utf8')) as Dataset;

describe('saving and loading back', () => {
  it('writes JSON with 2-space indent and a trailing newline, and reads it back equal', async () => {
    const file = join(tempDir(), 'out', 'basic.json');
    await saveDataset(basic(), file);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(fixture('basic.json'), 'utf8'));
    expect(await loadDataset(file)).toEqual(basic());
  });

  it('writes YAML and reads it back equal', async () => {
    const file = join(tempDir(), 'basic.yaml');
    await saveDataset(basic(), file);
    expect(readFileSync(file, 'utf8')).toContain('name: 示例开发区锂电池产业链\n');
    expect(await loadDataset(file)).toEqual(basic());
  });

  it('writes a CSV folder (UTF-8 with BOM, every table) and reads it back equal', async () => {
    const dir = join(tempDir(), 'csv');
    await saveDataset(basic(), `${dir}/`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(
      [
        'activities',
        'capacities',
        'chains',
        'enterprises',
        'flows',
        'indicators',
        'links',
        'meta',
        'projects',
        'regions',
        'segments',
        'sources',
        'targets',
        'template_flows',
        'template_segments',
        'templates',
      ].map((name) => `${name}.csv`),
    );
    const links = readFileSync(join(dir, 'links.csv'), 'utf8');
    expect(links).toBe(
      '\uFEFFid,from,to,chain,segment,product,value,year,status,since,basis,sources,note,fieldBasis,合同号\r\n' +
        ',alpha,beta,battery,materials,磷酸铁锂,12.5,2023,active,,,,,,HT-001\r\n' +
        ',beta,gamma,battery,cells,电芯,,2024,brokered,,,,,,\r\n',
    );
    expect(readFileSync(join(dir, 'meta.csv'), 'utf8')).toBe(
      '\uFEFFkey,value\r\nid,demo-zone\r\nname,示例开发区锂电池产业链\r\nupdated,2024-05-01\r\nregion,demo-zone\r\n',
    );
    expect(await loadDataset(dir)).toEqual(basic());
  });

  it('writes CSV to an existing folder given without a trailing slash, or with format: csv', async () => {
    const dir = tempDir();
    await saveDataset(basic(), dir);
    expect(await loadDataset(dir)).toEqual(basic());
    const other = join(tempDir(), 'named');
    await saveDataset(basic(), other, { format: 'csv' });
    expect(await loadDataset(other)).toEqual(basic());
  });

  it('quotes cells with commas, quotes and line breaks', async () => {
    const data = basic();
    data.enterprises[0]!.name = '甲, "材料"\n公司';
    const dir = join(tempDir(), 'quoted');
    await saveDataset(data, dir, { format: 'csv' });
    expect(readFileSync(join(dir, 'enterprises.csv'), 'utf8')).toContain(',"甲, ""材料""\n公司",');
    expect(await loadDataset(dir)).toEqual(data);
  });

  it('round-trips templates and chains built on them through CSV', async () => {
    const data = basic();
    data.templates = [
      {
        id: 'mini',
        name: '迷你模板',
        aliases: ['小模板'],
        segments: [
          { id: 'ore', name: '矿石', stage: 'upstream', basis: 'estimated', fieldBasis: { name: 'inferred' } },
          { id: 'metal', name: '金属', stage: 'midstream' },
        ],
        flows: [{ from: 'ore', to: 'metal', coefficient: 0.2, note: '估算' }],
      },
    ];
    data.chains.push({ id: 'metal', name: '金属', template: 'mini', segments: [{ id: 'alloy', name: '合金', stage: 'downstream' }], flows: [{ from: 'metal', to: 'alloy' }] });
    const dir = tempDir();
    await saveDataset(data, dir);
    expect(readFileSync(join(dir, 'template_flows.csv'), 'utf8')).toBe(
      '\uFEFFtemplate,from,to,coefficient,basis,sources,note,fieldBasis\r\nmini,ore,metal,0.2,,,估算,\r\n',
    );
    expect(await loadDataset(dir)).toEqual(data);
  });

  it('does not read a stale table of an earlier save back', async () => {
    const dir = tempDir();
    await saveDataset(basic(), dir);
    const data = { ...basic(), projects: [] };
    data.enterprises = data.enterprises.map(({ capacity: _, ...e }) => e);
    await saveDataset(data, dir);
    expect((await loadDataset(dir)).projects).toEqual([]);
  });

  it('refuses a path whose format it cannot tell', async () => {
    const error = await saveDataset(basic(), join(tempDir(), 'data.txt')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainError);
    expect((error as ChainError).code).toBe('invalid_argument');
  });
});

describe('saving data the CSV form cannot hold', () => {
  it('fails listing every value that would be lost, and writes nothing', async () => {
    const data = basic();
    data.enterprises[0]!.chainRoles = [{ chain: 'battery', role: 'core', basis: 'inferred' }];
    data.chains[0]!.aliases = ['锂离子电池|LIB'];
    data.links[0]!.sources = [{ source: 's1', locator: '第2段; 表3' }];
    data.regions[0]!.name = ' 示例省';
    const dir = join(tempDir(), 'lossy');
    const error = await saveDataset(data, `${dir}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainError);
    const lost = [
      'regions[0].name',
      'chains[0].aliases[0]',
      'chains[0].aliases',
      'enterprises[0].chainRoles[0].basis',
      'links[0].sources[0].locator',
      'links[0].sources',
    ];
    expect((error as ChainError).details).toEqual({ format: 'csv', lost });
    expect((error as ChainError).message).toBe(
      [
        'cannot save as CSV: 6 value(s) have no place in the CSV form or would read back differently (无法保存为 CSV：以下数据会丢失):',
        ...lost.map((path) => `  ${path}`),
        'Save as .json or .yaml instead, or remove these values.',
      ].join('\n'),
    );
    expect(() => readdirSync(dir)).toThrow();
    expect(csvLosses(basic())).toEqual([]);
  });

  it('reports fields the schema does not have and extra keys that collide with a column', () => {
    const data = basic() as Dataset & { extraTopLevel?: unknown };
    data.extraTopLevel = 1;
    data.links[0]!.extra = { 编号: 'L-1', 备注2: 'ok' };
    expect(csvLosses(data)).toEqual(['extraTopLevel', 'links[0].extra["编号"]']);
  });

  it('accepts empty values and numbers in extra, which read back as absent and as text', async () => {
    const data = basic();
    data.enterprises[0]!.aliases = [];
    data.links[0]!.extra = { 合同号: 'HT-001', 金额: 12, 已签: true, 空: null };
    expect(csvLosses(data)).toEqual([]);
    const dir = tempDir();
    await saveDataset(data, dir);
    const back = await loadDataset(dir);
    expect(back.enterprises[0]!.aliases).toBeUndefined();
    expect(back.links[0]!.extra).toEqual({ 合同号: 'HT-001', 金额: '12', 已签: 'true' });
  });
});

describe('round-trip properties', () => {
  it('loads back what it saved as JSON, for any small valid dataset', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(), async (input) => {
        const data = parseDataset(input, { templates: [] });
        const file = join(dir, `d${n++}.json`);
        await saveDataset(data, file);
        expect(await loadDataset(file, { templates: [] })).toEqual(data);
      }),
      { numRuns: 60 },
    );
  });

  it('loads back what it saved as YAML, for any small valid dataset', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(), async (input) => {
        const data = parseDataset(input, { templates: [] });
        const file = join(dir, `d${n++}.yaml`);
        await saveDataset(data, file);
        expect(await loadDataset(file, { templates: [] })).toEqual(data);
      }),
      { numRuns: 60 },
    );
  });

  it('loads back what it saved as CSV, for any small dataset the CSV form can hold', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(datasetArbitrary({ csvSafe: true }), async (input) => {
        const data = parseDataset(input, { templates: [] });
        expect(csvLosses(data)).toEqual([]);
        const folder = join(dir, `d${n++}`);
        await saveDataset(data, folder, { format: 'csv' });
        expect(await loadDataset(folder, { templates: [] })).toEqual(data);
      }),
      { numRuns: 40 },
    );
  });

  it('never writes a CSV folder that reads back differently: it saves exactly, or refuses', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(), async (input) => {
        const data = parseDataset(input, { templates: [] });
        const folder = join(dir, `d${n++}`);
        const lost = csvLosses(data);
        if (lost.length > 0) {
          await expect(saveDataset(data, folder, { format: 'csv' })).rejects.toBeInstanceOf(ChainError);
          return;
        }
        await saveDataset(data, folder, { format: 'csv' });
        expect(normalise(await loadDataset(folder, { templates: [] }))).toEqual(normalise(data));
      }),
      { numRuns: 40 },
    );
  });
});

/** Applies what the CSV form documents: empty values are absent, `extra` values are text. */
function normalise(value: unknown, inExtra = false): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((v) => normalise(v, inExtra));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const n = normalise(v, inExtra || key === 'extra');
      if (n !== undefined) out[key] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (value === null || value === '') return undefined;
  if (inExtra && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}
