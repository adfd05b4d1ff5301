import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatIssue, type Dataset, type DatasetIssue } from '../../src/index.js';
import { loadDataset, readDatasetInput, safeLoadDataset } from '../../src/node.js';
import { copyFixture, fixture, gb18030Copy, writeText } from '../fixtures/io/fixtures.js';

const basicJson = () => JSON.parse(readFileSync(fixture('basic.json'), 'utf8')) as Dataset;

async function issuesOf(dir: string): Promise<DatasetIssue[]> {
  const result = await safeLoadDataset(dir, { locale: 'en' });
  if (result.success) throw new Error('expected the dataset to be invalid');
  return result.issues;
}

describe('loading a folder of CSV files', () => {
  it('loads the CSV tables to exactly the data of the equivalent JSON file', async () => {
    expect(await loadDataset(fixture('csv-basic'))).toEqual(basicJson());
  });

  it('reads every table it knows and lists the files', async () => {
    const result = await safeLoadDataset(fixture('csv-basic'));
    expect(result.success && result.files.map((f) => f.slice(fixture('csv-basic').length + 1))).toEqual([
      'meta.csv',
      'sources.csv',
      'regions.csv',
      'chains.csv',
      'segments.csv',
      'flows.csv',
      'enterprises.csv',
      'activities.csv',
      'links.csv',
      'projects.csv',
      'capacities.csv',
      'targets.csv',
      'indicators.csv',
    ]);
  });

  it('reads numbers with thousands separators and full-width digits, percentages, 是/否 and Chinese headers', async () => {
    const data = await loadDataset(fixture('csv-basic'));
    const alpha = data.enterprises[0]!;
    expect([alpha.output, alpha.employees, alpha.aboveScale, data.enterprises[1]!.aboveScale]).toEqual([1234.5, 1200, true, false]);
    expect(data.chains[0]!.segments[0]!.valueShare).toBe(0.25);
    expect(data.targets[1]!.growth).toBe(15);
    // 编号,名称,kind,上级
    expect(data.regions[2]).toEqual({ id: 'demo-zone', name: '示例经济技术开发区', kind: 'zone', parent: 'city' });
    // meta.csv `updated,2024/5/1`
    expect(data.meta.updated).toBe('2024-05-01');
  });

  it('puts unknown columns into extra, as text', async () => {
    const data = await loadDataset(fixture('csv-basic'));
    expect(data.enterprises.map((e) => e.extra)).toEqual([{ 联系人: '张三' }, undefined, undefined]);
    expect(data.links.map((l) => l.extra)).toEqual([{ 合同号: 'HT-001' }, undefined]);
  });

  it('takes an enterprise’s segments from a `segments` column and from activities.csv', async () => {
    const data = await loadDataset(fixture('csv-basic'));
    expect(data.enterprises.map((e) => e.segments.map((s) => `${s.chain}/${s.segment}`))).toEqual([
      ['battery/materials'],
      ['battery/cells'],
      ['battery/packs'],
    ]);
  });

  it('reads files with and without a UTF-8 BOM', async () => {
    // enterprises.csv of the fixture starts with a BOM and uses CRLF; the other files do not
    expect(readFileSync(fixture('csv-basic', 'enterprises.csv'))[0]).toBe(0xef);
    const dir = copyFixture('csv-basic');
    writeFileSync(join(dir, 'meta.csv'), `\uFEFF${readFileSync(join(dir, 'meta.csv'), 'utf8')}`);
    expect(await loadDataset(dir)).toEqual(basicJson());
  });

  it('reads GB18030 files (Excel on Chinese Windows) the same as UTF-8', async () => {
    const dir = gb18030Copy('csv-basic');
    expect(readFileSync(join(dir, 'meta.csv')).includes(iconv.encode('示例', 'gb18030'))).toBe(true);
    expect(await loadDataset(dir)).toEqual(basicJson());
    expect(await loadDataset(dir, { encoding: 'gb18030' })).toEqual(basicJson());
  });

  it('reports GB18030 files as invalid_encoding when told they are UTF-8', async () => {
    const dir = gb18030Copy('csv-basic');
    const result = await safeLoadDataset(dir, { encoding: 'utf8', locale: 'en' });
    expect(!result.success && result.issues.map((i) => [i.code, i.path]).slice(0, 2)).toEqual([
      ['invalid_encoding', 'meta.csv'],
      ['invalid_encoding', 'sources.csv'],
    ]);
  });

  it('treats missing optional tables as empty', async () => {
    const dir = copyFixture('csv-basic');
    for (const file of ['sources', 'chains', 'segments', 'flows', 'enterprises', 'activities', 'links', 'projects', 'capacities', 'targets', 'indicators'])
      rmSync(join(dir, `${file}.csv`));
    const data = await loadDataset(dir);
    expect(data.regions).toHaveLength(3);
    expect([data.chains, data.enterprises, data.links, data.templates]).toEqual([[], [], [], []]);
  });

  it('builds templates from template_segments.csv and template_flows.csv', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'template_segments.csv', 'template,id,name,stage\nmini,ore,矿石,上游\nmini,metal,金属,中游\n');
    writeText(dir, 'template_flows.csv', 'template,from,to,coefficient\nmini,ore,metal,0.2\n');
    writeText(dir, 'chains.csv', `${readFileSync(join(dir, 'chains.csv'), 'utf8')}metal,金属,,mini,,,\n`);
    const data = await loadDataset(dir);
    expect(data.templates).toEqual([
      {
        id: 'mini',
        name: 'mini',
        segments: [
          { id: 'ore', name: '矿石', stage: 'upstream' },
          { id: 'metal', name: '金属', stage: 'midstream' },
        ],
        flows: [{ from: 'ore', to: 'metal', coefficient: 0.2 }],
      },
    ]);
    expect(data.chains[1]).toEqual({ id: 'metal', name: '金属', template: 'mini', segments: [], flows: [] });
  });
});

describe('pointing CSV issues at their cells', () => {
  it('reports an unknown enterprise in links.csv at its cell', async () => {
    const dir = copyFixture('csv-basic');
    writeText(
      dir,
      'links.csv',
      'from,to,chain,segment,product,value,year,status,合同号\nalpha,beta,battery,materials,磷酸铁锂,12.5,2023,在供,HT-001\nbeta,jiuding,battery,cells,电芯,,2024,撮合,\n',
    );
    expect(await issuesOf(dir)).toEqual([
      {
        code: 'unknown_enterprise',
        severity: 'error',
        path: 'links.csv:3:2',
        pathSegments: ['links.csv', 3, 2],
        params: { id: 'jiuding', datasetPath: 'links[1].to', file: 'links.csv', row: 3, column: 2 },
        message: 'unknown enterprise "jiuding"',
      },
    ]);
  });

  it('renders relocated messages in the chosen locale', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'links.csv', 'from,to\nalpha,jiuding\n');
    const result = await safeLoadDataset(dir);
    expect(!result.success && result.issues.map((i) => formatIssue(i))).toEqual(['links.csv:2:2: 未知企业 "jiuding"']);
  });

  it('reports a bad number at its cell', async () => {
    const dir = copyFixture('csv-basic');
    const text = readFileSync(join(dir, 'enterprises.csv'), 'utf8').replace('乙电芯公司,demo-zone,配套,,88,', '乙电芯公司,demo-zone,配套,,88亿x,');
    writeText(dir, 'enterprises.csv', text);
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path, i.params.datasetPath, i.params.received])).toEqual([
      ['invalid_type', 'enterprises.csv:3:6', 'enterprises[1].output', '88亿x'],
    ]);
    expect(formatIssue(issues[0]!)).toBe('enterprises.csv:3:6: expected a number, got "88亿x"');
  });

  it('reports an invalid value of a nested record (a segment of a chain) at its cell', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'segments.csv', 'chain,id,name,stage\nbattery,materials,正极材料,上上游\nbattery,cells,电芯,中游\nbattery,packs,电池包,下游\n');
    const issues = await issuesOf(dir);
    expect([issues[0]!.code, issues[0]!.path, issues[0]!.params.datasetPath]).toEqual([
      'invalid_value',
      'segments.csv:2:4',
      'chains[0].segments[0].stage',
    ]);
    // safeParseDataset also reports references to the chain's segments, left out with the bad
    // one; each of those is at its own cell too
    for (const issue of issues) expect(issue.path).toMatch(/^\w+\.csv:\d+:\d+$/u);
  });

  it('reports a bad segment given in the enterprises.csv `segments` column at that cell', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'enterprises.csv', readFileSync(join(dir, 'enterprises.csv'), 'utf8').replace('battery/packs', 'battery/pack'));
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path, i.params.datasetPath])).toEqual([
      ['unknown_segment', 'enterprises.csv:4:12', 'enterprises[2].segments[0].segment'],
    ]);
  });

  it('points duplicate ids at both rows', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'regions.csv', '编号,名称,kind,上级\nprov,示例省,省,\ncity,示例市,city,prov\ndemo-zone,示例经济技术开发区,开发区,city\ncity,重复,city,prov\n');
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path, i.params.first, i.params.firstDatasetPath])).toEqual([
      ['duplicate_id', 'regions.csv:5:1', 'regions.csv:3', 'regions[1]'],
    ]);
  });

  it('points issues about a whole list at the first row of its table, and meta issues at their key', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'flows.csv', 'chain,from,to\nbattery,materials,cells\nbattery,cells,packs\nbattery,packs,materials\n');
    writeText(dir, 'meta.csv', 'key,value\nid,demo-zone\nname,示例\nregion,nowhere\n');
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path, i.params.datasetPath])).toEqual([
      ['unknown_region', 'meta.csv:4:2', 'meta.region'],
      ['flow_cycle', 'flows.csv:2', 'chains[0].flows'],
    ]);
  });

  it('reports an unknown column of a table without `extra` once, at its header', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'regions.csv', '编号,名称,kind,上级,人口\nprov,示例省,省,,2500\ncity,示例市,city,prov,300\ndemo-zone,示例经济技术开发区,开发区,city,\n');
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path, i.params.keys])).toEqual([['unknown_field', 'regions.csv:1:5', ['人口']]]);
    const read = await readDatasetInput(dir);
    expect(read.success).toBe(false);
  });

  it('reports a value under no header at its cell', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'flows.csv', 'chain,from,to,coefficient\nbattery,materials,cells,0.3,oops\nbattery,cells,packs,0.5\n');
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid_csv', 'flows.csv:2:5']]);
  });

  it('reports rows of child tables naming an unknown owner at the owner cell', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'flows.csv', 'chain,from,to,coefficient\nbattery,materials,cells,0.3\nbatery,cells,packs,0.5\n');
    writeText(dir, 'activities.csv', 'enterprise,chain,segment\nalpha,battery,materials\nbeta,battery,cells\n,battery,cells\n');
    writeText(dir, 'capacities.csv', 'kind,owner,value,unit\n企业,beta,10,GWh\n工厂,p1,5,GWh\n');
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_chain', 'flows.csv:3:1'],
      ['missing_field', 'activities.csv:4:1'],
      ['invalid_value', 'capacities.csv:3:1'],
    ]);
  });

  it('reports an unclosed quote as invalid_csv and does not validate', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'links.csv', 'from,to,product\nalpha,beta,"磷酸铁锂\n');
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid_csv', 'links.csv:2']]);
  });

  it('requires meta.csv', async () => {
    const dir = copyFixture('csv-basic');
    rmSync(join(dir, 'meta.csv'));
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['file_not_found', 'meta.csv']]);
  });

  it('warns about CSV files that are not tables', async () => {
    const dir = copyFixture('csv-basic');
    writeText(dir, 'link.csv', 'from,to\n');
    const result = await safeLoadDataset(dir);
    expect(result.success && result.warnings.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['unexpected_file', 'warning', 'link.csv'],
    ]);
  });
});

describe('streaming large CSV files', () => {
  it('reads a 60,000-row GB18030 links.csv and locates an issue on its last row', async () => {
    const dir = copyFixture('csv-basic');
    const rows = ['from,to,product,value'];
    for (let i = 0; i < 60_000; i++) rows.push(`${i % 2 ? 'alpha' : 'beta'},${i % 2 ? 'beta' : 'alpha'},磷酸铁锂正极材料${i},${i}.5`);
    rows.push('alpha,nowhere,电芯,1');
    writeFileSync(join(dir, 'links.csv'), iconv.encode(`${rows.join('\r\n')}\r\n`, 'gb18030'));
    const started = Date.now();
    const result = await safeLoadDataset(dir, { locale: 'en' });
    expect(Date.now() - started).toBeLessThan(20_000);
    const issues = result.success ? [] : result.issues.filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path, i.params.datasetPath])).toEqual([
      ['unknown_enterprise', 'links.csv:60002:2', 'links[60000].to'],
    ]);
    const read = await readDatasetInput(dir);
    const links = read.success ? (read.input as { links: { product: string; value: number }[] }).links : [];
    expect(links).toHaveLength(60_001);
    expect(links[59_999]).toEqual({ from: 'alpha', to: 'beta', product: '磷酸铁锂正极材料59999', value: 59999.5 });
  });
});
