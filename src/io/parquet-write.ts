/**
 * Writing a dataset as a folder of Parquet files, one per table, with the tables and columns
 * of the CSV form (./csv-format.ts): numbers as DOUBLE, booleans as BOOLEAN, everything else
 * as UTF-8 STRING holding the CSV cell text (lists `a|b`, citations `s1:p. 3;s2`), empty
 * values as null. Written with hyparquet-writer (pure JavaScript, the companion of the
 * hyparquet reader, snappy-compressed), loaded on first use.
 *
 * The Parquet form holds what the CSV form holds, and numbers and booleans only where they
 * are typed: the save fails before writing anything when a value would be lost. The folder is
 * written next to its destination and swapped in, so a reader sees the old tables or the new
 * ones, never a mix; a destination holding anything but these tables is refused, not replaced.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ColumnSource } from 'hyparquet-writer';
import { ChainError, formatPath } from '../model/issues.js';
import type { Dataset } from '../model/schema.js';
import { formatCell, getField, TABLES, type ColumnSpec } from './csv-format.js';
import { csvLosses, metaRows, prepareTables, type PreparedTable } from './csv-write.js';

type AnyRecord = Record<string, unknown>;

const NUMBER_KINDS = new Set(['number', 'percent', 'fraction']);
/** Kinds written as JSON, exactly, where CSV text could not hold every value (a locator with `;`). */
const JSON_KINDS = new Set(['citations', 'fieldBasis', 'chainRoles']);
/** Losses of the CSV form in those columns, which the Parquet form does not have: `enterprises[3].sources[2].locator`. */
const JSON_COLUMN_LOSS = /^[a-z_]+\[\d+\]\.(?:[a-z]+\[\d+\]\.)?(?:sources|fieldBasis|chainRoles)(?:$|[.[])/u;
const TABLE_FILES = new Set(['meta.parquet', ...TABLES.map((t) => `${t.name}.parquet`)]);

const textOrNull = (text: string) => (text === '' ? null : text);

function extraText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return textOrNull(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One writable column's values, typed; the dataset paths whose values it cannot hold go to `lost`. */
function columnValues(table: PreparedTable, column: ColumnSpec, lost: string[]): ColumnSource {
  const key = column.field.startsWith('@') ? column.field.slice(1) : undefined;
  const typed = key === undefined && (NUMBER_KINDS.has(column.kind) || column.kind === 'boolean');
  const json = JSON_KINDS.has(column.kind);
  const wanted = column.kind === 'boolean' ? 'boolean' : 'number';
  const data: unknown[] = [];
  for (const { record, keys, path } of table.rows()) {
    const value = key === undefined ? getField(record, column.keys) : keys[key];
    if (value === undefined || value === null) data.push(null);
    else if (json) data.push(typeof value === 'object' && Object.keys(value).length === 0 ? null : value);
    else if (!typed) data.push(textOrNull(formatCell(value, column.kind)));
    else if (typeof value === wanted) data.push(value);
    else {
      lost.push(formatPath([...path, ...column.keys]));
      data.push(null);
    }
  }
  const type = json ? 'JSON' : !typed ? 'STRING' : column.kind === 'boolean' ? 'BOOLEAN' : 'DOUBLE';
  return { name: column.name, data: data as ColumnSource['data'], type };
}

/** The columns of one table: its writable columns, then one column per `extra` key. */
function tableColumns(table: PreparedTable, lost: string[]): ColumnSource[] {
  const columns = table.spec.columns.filter((c) => !c.readOnly).map((c) => columnValues(table, c, lost));
  for (const extraKey of table.extraKeys) {
    const values: unknown[] = [];
    for (const { record } of table.rows()) values.push((record.extra as AnyRecord | undefined)?.[extraKey] ?? null);
    // a key whose values are all numbers (or all booleans) keeps its type, which CSV cannot
    const present = values.filter((value) => value !== null);
    const same = (type: string) => present.length > 0 && present.every((value) => typeof value === type);
    if (same('number')) columns.push({ name: extraKey, data: values as (number | null)[], type: 'DOUBLE' });
    else if (same('boolean')) columns.push({ name: extraKey, data: values as (boolean | null)[], type: 'BOOLEAN' });
    else columns.push({ name: extraKey, data: values.map(extraText), type: 'STRING' });
  }
  return columns;
}

const SHOWN = 20;

function lossError(lost: readonly string[]): ChainError {
  const more = lost.length > SHOWN ? [`  ... and ${lost.length - SHOWN} more`] : [];
  return new ChainError(
    'invalid_argument',
    [
      `cannot save as Parquet: ${lost.length} value(s) have no place in the Parquet form or would read back differently (无法保存为 Parquet：以下数据会丢失):`,
      ...lost.slice(0, SHOWN).map((path) => `  ${path}`),
      ...more,
      'Save as .json or .yaml instead, or remove these values.',
    ].join('\n'),
    { format: 'parquet', lost },
  );
}

/** Refuses a destination that is a file, or a folder holding anything but Parquet tables. */
async function checkDestination(folder: string): Promise<boolean> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
  const foreign = isFolder ? (await readdir(folder)).filter((name) => !TABLE_FILES.has(name)) : [basename(folder)];
  if (foreign.length > 0)
    throw new ChainError(
      'invalid_argument',
      `cannot save as Parquet into "${folder}": it holds ${isFolder ? `files that are not Parquet tables (${foreign.slice(0, SHOWN).join(', ')})` : 'a file'}, which the save would replace; choose an empty or new folder`,
      { format: 'parquet', path: folder, foreign },
    );
  return true;
}

/** Writes the files into a sibling temporary folder, then swaps it in for `folder`. */
async function replaceFolder(folder: string, files: ReadonlyMap<string, ArrayBuffer>): Promise<void> {
  const target = resolve(folder);
  const exists = await checkDestination(target);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temporary = join(parent, `.${basename(target)}.tmp-${tag}`);
  await mkdir(temporary);
  try {
    for (const [name, bytes] of files) await writeFile(join(temporary, name), new Uint8Array(bytes));
    if (!exists) {
      await rename(temporary, target);
      return;
    }
    const old = join(parent, `.${basename(target)}.old-${tag}`);
    await rename(target, old);
    try {
      await rename(temporary, target);
    } catch (error) {
      await rename(old, target);
      throw error;
    }
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/**
 * Writes a dataset as a folder of Parquet files, one per table (`meta.parquet` with columns
 * `key` and `value`, then every table of the CSV form, empty ones with their columns and no
 * rows). Throws a `ChainError` (`invalid_argument`, `details.lost`) before writing anything
 * when the Parquet form cannot hold all the data. Returns the paths written.
 *
 * @example
 * await writeParquetFolder(dataset, 'out/jiuquan-parquet');
 */
export async function writeParquetFolder(dataset: Dataset | AnyRecord, folder: string): Promise<string[]> {
  const data = dataset as AnyRecord;
  const lost = csvLosses(data).filter((path) => !JSON_COLUMN_LOSS.test(path));
  const tables = prepareTables(data).map((table) => ({ table, columns: tableColumns(table, lost) }));
  if (lost.length > 0) throw lossError([...new Set(lost)]);

  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const files = new Map<string, ArrayBuffer>();
  const meta = metaRows(data);
  files.set(
    'meta.parquet',
    parquetWriteBuffer({
      columnData: [
        { name: 'key', data: meta.map((row) => row[0]!), type: 'STRING' },
        { name: 'value', data: meta.map((row) => row[1]!), type: 'STRING' },
      ],
    }),
  );
  for (const { table, columns } of tables) files.set(`${table.spec.name}.parquet`, parquetWriteBuffer({ columnData: columns }));
  await replaceFolder(folder, files);
  return [...files.keys()].map((name) => join(folder, name));
}
