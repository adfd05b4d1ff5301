/**
 * Saving datasets: JSON, YAML, or a folder of CSV files, chosen by the path or `format`.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { ChainError } from '../model/issues.js';
import type { Dataset } from '../model/schema.js';
import { writeCsvFolder } from './csv-write.js';
import { writeParquetFolder } from './parquet-write.js';
import { stringifyJson } from './json.js';
import { stringifyYaml } from './yaml.js';

/** A file format of {@link saveDataset}. */
export type SaveFormat = 'json' | 'yaml' | 'csv' | 'parquet';

/** Options of {@link saveDataset}. */
export interface SaveOptions {
  /**
   * The format. Default: from the path: `.json`, `.yaml`/`.yml`, or `csv` for a path ending
   * in `/` or naming an existing folder. `parquet` (a folder of Parquet tables) is never guessed.
   */
  format?: SaveFormat;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function formatOf(path: string, format: SaveFormat | undefined): Promise<SaveFormat> {
  if (format !== undefined) return format;
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  if (/[/\\]$/u.test(path) || (await isDirectory(path))) return 'csv';
  throw new ChainError(
    'invalid_argument',
    `cannot tell the format of "${path}": use .json, .yaml, .yml, a folder path ending in "/", or options.format`,
    { path, formats: ['json', 'yaml', 'csv'] },
  );
}

/**
 * Saves a dataset as JSON (2-space indent, UTF-8, trailing newline), YAML, or a folder of CSV
 * files (UTF-8 with BOM, one file per table). Parent folders are created. Every write is atomic
 * (./atomic.ts): a process killed mid-save leaves the complete old file or folder, or the
 * complete new one. A CSV folder that holds other files is refused, as the swap would drop
 * them. Saving as CSV throws
 * a `ChainError` (`invalid_argument`, `details.lost`) listing every value the CSV form cannot
 * hold, before writing anything.
 *
 * @example
 * await saveDataset(dataset, 'out/jiuquan.json');
 * await saveDataset(dataset, 'out/jiuquan/'); // meta.csv, regions.csv, chains.csv, ...
 * await saveDataset(dataset, 'out/jiuquan-parquet', { format: 'parquet' }); // meta.parquet, ...
 */
export async function saveDataset(dataset: Dataset, path: string, options: SaveOptions = {}): Promise<void> {
  const format = await formatOf(path, options.format);
  if (format === 'csv') {
    await writeCsvFolder(dataset, path);
    return;
  }
  if (format === 'parquet') {
    await writeParquetFolder(dataset, path);
    return;
  }
  const text = format === 'json' ? stringifyJson(dataset) : stringifyYaml(dataset);
  await writeFileAtomic(path, text);
}
