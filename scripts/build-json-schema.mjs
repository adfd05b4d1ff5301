/**
 * Writes schema/dataset.schema.json: the JSON Schema of a dataset, generated from the zod
 * schema of the built package (run after tsup: `npm run build`).
 *
 * Input mode (`io: 'input'`): the schema describes files as written, so enumerated fields list
 * the Chinese synonyms too (stage: 上游/中游/下游) and fields with defaults are optional.
 * Editors that read `$schema` validate and complete datasets with it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { Dataset } from '../dist/index.js';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));

const { $schema, ...generated } = z.toJSONSchema(Dataset, { io: 'input', unrepresentable: 'any' });
const schema = {
  $schema,
  $id: `https://unpkg.com/${pkg.name}@${pkg.version}/schema/dataset.schema.json`,
  title: 'industrial-chain dataset (产业链数据集)',
  description:
    'A dataset of Chinese industrial chains: regions, chains and their segments, enterprises, supply links, projects, targets and indicators, with provenance.',
  ...generated,
};

await mkdir(new URL('schema/', root), { recursive: true });
const out = new URL('schema/dataset.schema.json', root);
await writeFile(out, `${JSON.stringify(schema, null, 2)}\n`, 'utf8');
console.log(`wrote ${out.pathname.slice(root.pathname.length)}`);
