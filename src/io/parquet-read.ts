/**
 * Reading a folder of Parquet files (`meta.parquet`, `enterprises.parquet`, `links.parquet`...,
 * the tables and columns of the CSV form) into dataset input, so that tables prepared in
 * DuckDB, Spark or a data warehouse come in without a CSV detour.
 *
 * Library: hyparquet (pure JavaScript, no dependencies, MIT, maintained at github.com/hyparam),
 * with hyparquet-compressors for the ZSTD/GZIP/Brotli/LZ4 files engines write; loaded on first
 * use, so CSV and JSON users never load it. Measured on the generated 1e5 province's links
 * (1,005,821 rows, 14 columns, 13.6 MB as Parquet, 50 MB as CSV), decoding every column into JS
 * arrays, same 2-core machine and run (load average 12–17, so ratios, not times): hyparquet
 * 5.5–10 s at 380–460 MiB; DuckDB's Node client (@duckdb/node-api: 70 MB of native bindings,
 * which install here without scripts) 24–27 s into JS arrays (`getColumnsJS`) at 1.2 GiB;
 * apache-arrow reads no Parquet by itself (it needs parquet-wasm). The whole folder through this reader takes 0.63–0.79× the time of
 * readCsvFolder on the same tables, and load + validate 0.83×.
 *
 * Columns are read whole (hyparquet's column chunks, never its row objects); each row then
 * becomes a record as in the CSV reader, through the same header binding and cell conversions
 * (./csv-format.ts), and the tables are joined by the CSV reader's `assemble`, so both forms
 * report the same issues at the same places. Rows are numbered as in the CSV form: row 1 is the
 * header (the column names), the first row of data is row 2.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileMetaData, SchemaTree } from 'hyparquet';
import type { DatasetIssue, Locale } from '../model/issues.js';
import { parseCell, setField, TABLES, type CellKind, type ColumnSpec, type TableName, type TableSpec } from './csv-format.js';
import { assemble, bindTableHeader, metaVisitor, type CsvReadResult, type ReadTable } from './csv-read.js';
import { CsvOrigins, fileIssue } from './locate.js';

/** What a Parquet column holds, as far as the CSV form cares. */
type ValueType = 'string' | 'json' | 'list' | 'number' | 'boolean' | 'date' | 'other';

/** Whether a LIST column (three levels: list, repeated group, element) holds strings. */
function listOfStrings(tree: SchemaTree): boolean {
  const item = tree.children[0]?.children[0];
  return item !== undefined && item.children.length === 0 && valueType(item).type === 'string';
}

/** The value type of a top-level Parquet column, and the name of its physical/logical type. */
function valueType(tree: SchemaTree): { type: ValueType; label: string } {
  const { element } = tree;
  const logical = element.logical_type?.type;
  const named = logical ?? element.converted_type ?? element.type ?? 'GROUP';
  // UTF8 is the older name of STRING, which the README and the issues use
  const label = named === 'UTF8' ? 'STRING' : named;
  // a LIST of strings (DuckDB's VARCHAR[]) for a list column; other nested columns are not read
  if (label === 'LIST' && listOfStrings(tree)) return { type: 'list', label };
  if (tree.children.length > 0 || element.repetition_type === 'REPEATED') return { type: 'other', label };
  if (logical === 'DECIMAL' || element.converted_type === 'DECIMAL') return { type: 'number', label };
  switch (element.type) {
    case 'BYTE_ARRAY':
      if (label === 'JSON') return { type: 'json', label };
      return { type: label === 'BYTE_ARRAY' || label === 'STRING' || label === 'ENUM' ? 'string' : 'other', label };
    case 'INT32':
      if (label === 'DATE') return { type: 'date', label };
      return { type: label === 'INT32' || label.startsWith('INT') || label.startsWith('UINT') ? 'number' : 'other', label };
    case 'INT64':
      return { type: label === 'INT64' || label.startsWith('INT') || label.startsWith('UINT') ? 'number' : 'other', label };
    case 'FLOAT':
    case 'DOUBLE':
      return { type: 'number', label };
    case 'BOOLEAN':
      return { type: 'boolean', label };
    default:
      return { type: 'other', label };
  }
}

const NUMBER_KINDS: ReadonlySet<CellKind> = new Set(['number', 'percent', 'fraction']);
/** Kinds whose values are objects: a JSON column may hold them as they are in the dataset. */
const OBJECT_KINDS: ReadonlySet<CellKind> = new Set(['citations', 'fieldBasis', 'chainRoles', 'segmentRefs']);

/** The Parquet types a column of the CSV form accepts, as said in issues and in the README. */
function accepted(column: ColumnSpec | undefined): { types: ReadonlySet<ValueType>; expected: string } {
  if (column === undefined) return { types: new Set(['string', 'number', 'boolean', 'date']), expected: 'STRING, a number, BOOLEAN or DATE' };
  if (NUMBER_KINDS.has(column.kind) && !column.field.startsWith('@')) return { types: new Set(['number']), expected: 'DOUBLE, FLOAT or INT' };
  if (column.kind === 'boolean') return { types: new Set(['boolean']), expected: 'BOOLEAN' };
  if (column.kind === 'date') return { types: new Set(['string', 'date']), expected: 'STRING or DATE' };
  if (OBJECT_KINDS.has(column.kind)) return { types: new Set(['string', 'json']), expected: 'STRING or JSON' };
  if (column.kind === 'list') return { types: new Set(['string', 'json', 'list']), expected: 'STRING, JSON or a LIST of STRING' };
  return { types: new Set(['string']), expected: 'STRING (UTF-8)' };
}

const isoDate = (value: Date) => value.toISOString().slice(0, 10);

/** Text of a value of any accepted type, as a CSV cell would hold it. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return isoDate(value);
  return String(value);
}

/** Converts one Parquet value of a column to its record value, or undefined for none. */
function converter(column: ColumnSpec | undefined, type: ValueType): (value: unknown) => unknown {
  if (column === undefined && (type === 'number' || type === 'boolean'))
    return (value) => (value === null || value === undefined ? undefined : typeof value === 'bigint' ? Number(value) : value);
  if (column === undefined || column.field.startsWith('@')) {
    return (value) => {
      if (value === null || value === undefined) return undefined;
      const text = asText(value).trim();
      return text === '' ? undefined : text;
    };
  }
  const kind = column.kind;
  if (type === 'number') return (value) => (value === null || value === undefined ? undefined : typeof value === 'bigint' ? Number(value) : value);
  if (type === 'boolean') return (value) => (value === null ? undefined : value);
  if (type === 'date') return (value) => (value instanceof Date ? isoDate(value) : undefined);
  // validation checks what a JSON cell holds, as it checks a JSON dataset
  // an empty list is absent, as an empty CSV cell is
  if (type === 'json' || type === 'list')
    return (value) => (value === null || value === undefined || (Array.isArray(value) && value.length === 0) ? undefined : value);
  // strings go through the CSV form's own cell conversions: lists, citations, dates, trimming
  return (value) => (typeof value === 'string' ? parseCell(value, kind) : undefined);
}

/** A column to read: its name, where its values go, and how they convert. */
interface ReadColumn {
  name: string;
  convert: (value: unknown) => unknown;
  /** The `@key` it names (`chain`), the `extra` key, or the record path. */
  key?: string;
  extra?: string;
  keys?: readonly string[];
  data: unknown[];
}

type Hyparquet = typeof import('hyparquet');

/**
 * Whether a column's statistics say it holds only nulls, in every row group. Engines write
 * whole tables with most optional columns empty (a links table's `id`, `note`...); decoding
 * such a column's null levels was a third of the read time of the 1e5 province's links.
 */
function allNull(metadata: FileMetaData, name: string): boolean {
  return metadata.row_groups.every((group) =>
    group.columns.some((chunk) => {
      const meta = chunk.meta_data;
      return meta !== undefined && meta.path_in_schema.length === 1 && meta.path_in_schema[0] === name && meta.statistics?.null_count === meta.num_values;
    }),
  );
}

/** Reads whole columns, by name, into one array each (all undefined for a column of nulls). */
async function readColumns(lib: Hyparquet, file: ArrayBuffer, metadata: FileMetaData, names: string[]): Promise<Map<string, unknown[]>> {
  const out = new Map<string, unknown[]>(names.map((name) => [name, new Array<unknown>(Number(metadata.num_rows))]));
  const wanted = names.filter((name) => !allNull(metadata, name));
  if (wanted.length === 0) return out;
  const { compressors } = await import('hyparquet-compressors');
  await lib.parquetRead({
    file,
    metadata,
    columns: wanted,
    compressors,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const target = out.get(columnName)!;
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i];
    },
  });
  return out;
}

/** Top-level columns of a file: name and value type. */
function schemaColumns(lib: Hyparquet, metadata: FileMetaData) {
  return lib.parquetSchema(metadata).children.map((tree) => ({ name: tree.element.name, ...valueType(tree) }));
}

/** Reads one table file into records, as the CSV reader's table visitor does. */
async function readTable(lib: Hyparquet, spec: TableSpec, folder: string, file: string, bytes: ArrayBuffer, locale: Locale): Promise<ReadTable> {
  const metadata = await lib.parquetMetadataAsync(bytes);
  const schema = schemaColumns(lib, metadata);
  const bound = bindTableHeader(spec, schema.map((c) => c.name), file, folder, locale);
  const table: ReadTable = { origin: { file, columns: bound.columns }, records: [], rows: [], keys: [], keyColumns: bound.keyColumns, issues: bound.issues };
  const columns: ReadColumn[] = [];
  bound.bindings.forEach((binding, i) => {
    if (binding.kind !== 'column' && binding.kind !== 'extra') return;
    const column = binding.kind === 'column' ? binding.column : undefined;
    const { name, type, label } = schema[i]!;
    const { types, expected } = accepted(column);
    if (!types.has(type)) {
      const at = { file, row: 1, column: i + 1 };
      table.issues.push(fileIssue('invalid_type', at, { folder, table: spec.name, columnName: name, expected, received: label }, locale));
      return;
    }
    const read: ReadColumn = { name, convert: converter(column, type), data: [] };
    if (column === undefined) read.extra = binding.kind === 'extra' ? binding.key : name;
    else if (column.field.startsWith('@')) read.key = column.field.slice(1);
    else read.keys = column.keys;
    columns.push(read);
  });
  const data = await readColumns(lib, bytes, metadata, columns.map((c) => c.name));
  for (const column of columns) column.data = data.get(column.name)!;
  fillRecords(table, columns, Number(metadata.num_rows), spec.columns.some((c) => c.field.startsWith('@')));
  return table;
}

/**
 * Turns columns into records, skipping rows with no value as the CSV reader skips blank rows.
 * One loop over every cell of a million rows: kept in one function for speed.
 */
function fillRecords(table: ReadTable, columns: readonly ReadColumn[], count: number, hasKeys: boolean): void {
  for (let r = 0; r < count; r++) {
    const record: Record<string, unknown> = {};
    const keys: Record<string, string> = {};
    let any = false;
    for (const column of columns) {
      const value = column.convert(column.data[r]);
      if (value === undefined) continue;
      any = true;
      if (column.keys) setField(record, column.keys, value);
      else if (column.key !== undefined) keys[column.key] = value as string;
      else ((record.extra ??= {}) as Record<string, unknown>)[column.extra!] = value;
    }
    if (!any) continue;
    table.records.push(record);
    table.rows.push(r + 2);
    if (hasKeys) table.keys.push(keys);
  }
}

/** Reads meta.parquet (columns `key` and `value`) through the CSV reader's meta visitor. */
async function readMeta(lib: Hyparquet, folder: string, file: string, bytes: ArrayBuffer, locale: Locale) {
  const metadata = await lib.parquetMetadataAsync(bytes);
  const names = schemaColumns(lib, metadata).map((c) => c.name);
  const data = await readColumns(lib, bytes, metadata, names);
  const visitor = metaVisitor(folder, file, locale);
  visitor.row(names, 1);
  const count = Number(metadata.num_rows);
  for (let r = 0; r < count; r++)
    visitor.row(
      names.map((name) => {
        const value = data.get(name)![r];
        return value === null || value === undefined ? '' : asText(value);
      }),
      r + 2,
    );
  return visitor.done();
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lists a folder's Parquet files: not dot files or `~$` lock files, sorted. */
export async function listParquetFiles(folder: string): Promise<string[]> {
  return (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && /^[^.~].*\.parquet$/iu.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

async function readBytes(path: string): Promise<ArrayBuffer> {
  const buffer = await readFile(path);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

/**
 * Reads a folder of Parquet files into dataset input. The result has the CSV reader's shape:
 * issues point at `links.parquet:row:column`, and the origins move validation issues there.
 *
 * @example
 * const read = await readParquetFolder('data/jiuquan-parquet', { locale: 'en' });
 * if (read.input) safeParseDataset(read.input);
 */
export async function readParquetFolder(folder: string, options: { locale: Locale }): Promise<CsvReadResult> {
  const { locale } = options;
  const origins = new CsvOrigins();
  const issues: DatasetIssue[] = [];
  const files: string[] = [];
  let names: string[];
  try {
    names = await listParquetFiles(folder);
  } catch (error) {
    return { input: undefined, files, issues: [fileIssue('unreadable_file', { file: folder }, { detail: errorDetail(error) }, locale)], origins };
  }
  const known = new Map<string, string>();
  for (const table of ['meta', ...TABLES.map((t) => t.name)]) {
    const wanted = `${table}.parquet`;
    const name = names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted);
    if (name !== undefined) known.set(table, name);
  }
  const used = new Set(known.values());
  for (const name of names) if (!used.has(name)) issues.push(fileIssue('unexpected_file', { file: name }, { folder }, locale, 'warning'));
  const metaFile = known.get('meta');
  if (metaFile === undefined) return { input: undefined, files, issues: [...issues, fileIssue('file_not_found', { file: 'meta.parquet' }, { folder }, locale)], origins };

  const lib = await import('hyparquet');
  const input: Record<string, unknown> = {};
  const tables = new Map<TableName, ReadTable>();
  let fatal = false;
  for (const [table, file] of known) {
    try {
      const bytes = await readBytes(join(folder, file));
      if (table === 'meta') {
        const meta = await readMeta(lib, folder, file, bytes, locale);
        issues.push(...meta.issues);
        const { $schema, ...rest } = meta.meta;
        if ($schema !== undefined) input.$schema = $schema;
        input.meta = rest;
        origins.setMeta({ file, columns: new Map() }, meta.rows, meta.valueColumn);
      } else {
        const read = await readTable(lib, TABLES.find((t) => t.name === table)!, folder, file, bytes, locale);
        issues.push(...read.issues);
        tables.set(table as TableName, read);
      }
      files.push(join(folder, file));
    } catch (error) {
      // not a Parquet file, or one hyparquet cannot decode: the file is named, reading stops
      issues.push(fileIssue('unreadable_file', { file }, { folder, detail: errorDetail(error) }, locale));
      fatal = true;
    }
  }
  if (fatal) return { input: undefined, files, issues, origins };
  const assembled = assemble(tables, origins, folder, locale);
  issues.push(...assembled.issues);
  Object.assign(input, assembled.input);
  return { input, files, issues, origins };
}
