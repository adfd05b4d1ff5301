/**
 * Golden hashes of the library's results, for restructures that must not change a byte:
 * every seed's report (JSON in both locales, Markdown, HTML), every analysis on every seed
 * chain and region through the public API, and the report of generated datasets.
 *
 *   npx tsx scripts/golden-hashes.ts                    seeds only
 *   npx tsx scripts/golden-hashes.ts --sizes 1e3,1e4    seeds and generated sizes (bench/out)
 *   npx tsx scripts/golden-hashes.ts > before.txt; (change); … > after.txt; diff before.txt after.txt
 *
 * Each line is `<name> <sha256>`; a call that throws is hashed by its error's message, so an
 * error that changes shows too. Imports go through the package's entry points only, so the
 * script outlives any move of the files behind them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  assessResilience,
  buildModel,
  buildReport,
  findGaps,
  estimateOutput,
  parseDataset,
  rankLeaders,
  recommendRecruits,
  renderReport,
  reportYears,
  scoreCluster,
  simulateDisruption,
  singlePointsOfFailure,
  suggestMatches,
  supplyCentrality,
  type ChainModel,
} from '../src/index.js';
import { loadDataset } from '../src/node.js';
import { ensureDataset, parseSizes } from '../bench/generate.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function hash(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return createHash('sha256').update(text).digest('hex');
}

function line(name: string, compute: () => unknown): void {
  let digest: string;
  try {
    digest = hash(compute());
  } catch (error) {
    digest = `throws:${hash(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}`;
  }
  process.stdout.write(`${name} ${digest}\n`);
}

function reports(name: string, model: ChainModel, runs: number): void {
  for (const locale of ['zh-CN', 'en'] as const) line(`${name} report json ${locale}`, () => buildReport(model, { locale, runs }));
  line(`${name} report md`, () => renderReport(model, { format: 'md', runs }));
  line(`${name} report html`, () => renderReport(model, { format: 'html', runs }));
}

/** Every analysis on every chain of the model, in its default region and in each region. */
function analyses(name: string, model: ChainModel): void {
  const { chains, regions, enterprises } = model.index;
  const regionIds = [undefined, ...regions.ids];
  const years = reportYears(model, model.dataset.meta.region ?? regions.ids[0]!);
  for (const chain of chains.ids) {
    for (const region of regionIds) {
      const at = `${name} ${chain} ${region ?? '-'}`;
      const scope = region === undefined ? { chain } : { chain, region };
      line(`${at} gaps`, () => findGaps(model, scope));
      line(`${at} recruits`, () => recommendRecruits(model, scope));
      line(`${at} cluster`, () => scoreCluster(model, scope));
      line(`${at} output`, () => estimateOutput(model, { ...scope, years: years.length > 0 ? years : [2025, 2030], runs: 500 }));
      line(`${at} leaders`, () => rankLeaders(model, scope));
      line(`${at} matches`, () => suggestMatches(model, scope));
      line(`${at} centrality`, () => supplyCentrality(model, scope));
      line(`${at} resilience`, () => assessResilience(model, scope));
    }
  }
  line(`${name} leaders all`, () => rankLeaders(model, {}));
  line(`${name} matches all`, () => suggestMatches(model, {}));
  for (let e = 0; e < enterprises.ids.length; e++) {
    const id = enterprises.ids[e]!;
    line(`${name} disruption ${id}`, () => simulateDisruption(model, { remove: { enterprises: [id] } }));
    line(`${name} spof ${id}`, () => singlePointsOfFailure(model, { leader: id }));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, 'no-analyses': { type: 'boolean' } } });
  const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.json')).sort();
  for (const file of seeds) {
    const model = buildModel(parseDataset(JSON.parse(readFileSync(join(root, 'seeds', file), 'utf8'))));
    const name = file.replace(/\.json$/, '');
    reports(name, model, 2000);
    if (!values['no-analyses']) analyses(name, model);
  }
  for (const size of values.sizes ? parseSizes(values.sizes) : []) {
    const folder = await ensureDataset(size, { log: (text) => process.stderr.write(`${text}\n`) });
    const model = buildModel(await loadDataset(join(folder, 'dataset.json')));
    line(`generated ${size} report json`, () => buildReport(model, { runs: 1000 }));
    if (size <= 10_000) line(`generated ${size} report html`, () => renderReport(model, { format: 'html', runs: 1000 }));
  }
}

await main();
