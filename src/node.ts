/**
 * industrial-chain/node: reading and writing dataset files (JSON, YAML, folders of CSV tables
 * exported from Excel, folders of Parquet tables). Node-only; the main entry has no file
 * system access.
 *
 * Explicit named re-exports only.
 */

/**
 * Loads and validates a dataset; throws a `DatasetError` carrying every issue.
 *
 * @example
 * import { loadDataset } from 'industrial-chain/node';
 * const dataset = await loadDataset('data/jiuquan.json');
 */
export { loadDataset } from './io/load.js';

/**
 * Loads and validates a dataset without throwing: `{ success, data, warnings, files }` or
 * `{ success: false, issues }`, issues at `file:line:column` or `links.csv:row:column`.
 *
 * @example
 * import { safeLoadDataset } from 'industrial-chain/node';
 * const result = await safeLoadDataset('data/jiuquan/', { locale: 'en' });
 * if (!result.success) console.log(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
 */
export { safeLoadDataset } from './io/load.js';

/**
 * Reads a dataset file or CSV folder into plain input, without validating it.
 *
 * @example
 * import { readDatasetInput } from 'industrial-chain/node';
 * const read = await readDatasetInput('data/jiuquan.yaml');
 * if (read.success) console.log(read.files);
 */
export { readDatasetInput } from './io/load.js';

/**
 * Saves a dataset as `.json`, `.yaml`/`.yml`, a folder of CSV files (`format: 'csv'` or a
 * path ending in `/`), or a folder of Parquet files (`format: 'parquet'`).
 *
 * @example
 * import { saveDataset } from 'industrial-chain/node';
 * await saveDataset(dataset, 'out/jiuquan.yaml');
 * await saveDataset(dataset, 'out/jiuquan/');
 */
export { saveDataset } from './io/save.js';

/**
 * Lists the dataset paths whose values a CSV folder cannot hold; empty when saving as CSV
 * loses nothing.
 *
 * @example
 * import { csvLosses } from 'industrial-chain/node';
 * csvLosses(dataset); // → ['enterprises[0].chainRoles[0].basis']
 */
export { csvLosses } from './io/csv-write.js';

/**
 * Types of the loaders and of `saveDataset`.
 *
 * @example
 * import type { LoadOptions, LoadResult } from 'industrial-chain/node';
 * const options: LoadOptions = { encoding: 'gb18030', locale: 'en' };
 */
export type { LoadOptions, LoadResult, ReadInputResult } from './io/load.js';

/**
 * The text encoding option of the loaders: `'auto'` (default), `'utf8'` or `'gb18030'`.
 *
 * @example
 * import type { LoadEncoding } from 'industrial-chain/node';
 * const encoding: LoadEncoding = 'gb18030';
 */
export type { LoadEncoding } from './io/encoding.js';

/**
 * Options and formats of `saveDataset`.
 *
 * @example
 * import type { SaveOptions } from 'industrial-chain/node';
 * const options: SaveOptions = { format: 'csv' };
 */
export type { SaveFormat, SaveOptions } from './io/save.js';

/**
 * The seed datasets shipped in the package (酒泉, 临汾, 武威, 运城): their names, paths and a
 * loader, so that examples and notebooks run without a clone of the repository.
 *
 * @example
 * import { loadSeed } from 'industrial-chain/node';
 * const dataset = await loadSeed('yuncheng');
 */
export { loadSeed, seedPath, SEED_NAMES } from './io/seeds.js';

/**
 * The name of a seed dataset: `'jiuquan' | 'linfen' | 'wuwei' | 'yuncheng'`.
 *
 * @example
 * import type { SeedName } from 'industrial-chain/node';
 * const name: SeedName = 'jiuquan';
 */
export type { SeedName } from './io/seeds.js';
