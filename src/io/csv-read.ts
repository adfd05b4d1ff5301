/**
 * Reading a folder of CSV files (one file per table, as exported from Excel) into dataset
 * input, streaming each file through csv-parse so that a million-row links.csv is read in one
 * pass with memory for its records only.
 *
 * Each file is decoded as UTF-8 and, when its bytes are not UTF-8, read again as GB18030.
 * Problems that stop a file from being read (encoding, unbalanced quotes, read errors) are
 * fatal; problems with a cell or a header are reported with their cell and reading goes on.
 * Where each record came from is kept in a {@link CsvOrigins} map so that validation issues can
 * be moved to their cells afterwards.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { DatasetIssue, Locale } from '../model/issues.js';
import {
  bindHeader,
  CAPACITY_OWNER_KINDS,
  defineField,
  META_KEYS,
  normalizeHeader,
  parseDateCell,
  resolveName,
  rowToRecord,
  TABLES,
  unprotectCell,
  type Binding,
  type TableName,
  type TableSpec,
} from './csv-format.js';
import { CsvTokenizer, NeedsFullParser } from './csv-tokenize.js';
import { candidateEncodings, createDecoder, EncodingMismatch, type LoadEncoding, type TextEncodingName } from './encoding.js';
import { CsvOrigins, fileIssue, type CellOrigin, type TableOrigin } from './locate.js';
import { fileKind } from './file-kind.js';

/** What reading a CSV folder gives. */
export interface CsvReadResult {
  /** The dataset input, when no file failed to read. */
  input: Record<string, unknown> | undefined;
  /** The files read, in reading order. */
  files: string[];
  /** Problems found while reading, each at its file, row and column. */
  issues: DatasetIssue[];
  /** Where each record came from. */
  origins: CsvOrigins;
}

const text = (locale: Locale, en: string, zh: string) => (locale === 'en' ? en : zh);

function errorDetail(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

async function* decodedChunks(path: string, encoding: TextEncodingName): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const decoded = decoder.write(chunk as Buffer);
    if (decoded !== '') yield decoded;
  }
  const tail = decoder.end();
  if (tail !== '') yield tail;
}

/**
 * Streams the records of one CSV file, numbering rows from 1 (the header): through the fast
 * tokenizer (./csv-tokenize.ts), which throws {@link NeedsFullParser} for a file it does not
 * handle, or with `full`, through csv-parse.
 */
async function parseRows(path: string, encoding: TextEncodingName, full: boolean, onCells: (cells: string[], row: number) => void): Promise<void> {
  // cells written with a formula guard (`'=…`) get their text back
  const onRow = (cells: string[], row: number) => {
    for (let c = 0; c < cells.length; c++) if (cells[c]!.charCodeAt(0) === 39) cells[c] = unprotectCell(cells[c]!);
    onCells(cells, row);
  };
  if (!full) {
    let row = 0;
    const tokenizer = new CsvTokenizer((cells) => onRow(cells, ++row));
    for await (const chunk of decodedChunks(path, encoding)) tokenizer.push(chunk);
    tokenizer.end();
    return;
  }
  const source = Readable.from(decodedChunks(path, encoding), { objectMode: false });
  const parser = parse({ relax_quotes: true, relax_column_count: true });
  const done = pipeline(source, parser);
  // the loop below reports the error; this keeps the pipeline's copy of it from going unhandled
  done.catch(() => undefined);
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) onRow(record, ++row);
  await done;
}

/** Collects what one pass over a file finds. */
export interface Visitor<T> {
  row(cells: string[], row: number): void;
  done(): T;
}

type Scan<T> = { ok: true; value: T } | { ok: false; issue: DatasetIssue };

/**
 * Reads a file with each candidate encoding in turn, through the fast tokenizer and, when it
 * gives up, through csv-parse; a fresh visitor per attempt.
 */
async function scanCsv<T>(
  folder: string,
  file: string,
  encoding: LoadEncoding,
  locale: Locale,
  make: () => Visitor<T>,
): Promise<Scan<T>> {
  const path = join(folder, file);
  for (const candidate of candidateEncodings(encoding)) {
    try {
      let visitor = make();
      try {
        await parseRows(path, candidate, false, (cells, row) => visitor.row(cells, row));
      } catch (error) {
        if (!(error instanceof NeedsFullParser)) throw error;
        // the same file again, through csv-parse, into a fresh visitor
        visitor = make();
        await parseRows(path, candidate, true, (cells, row) => visitor.row(cells, row));
      }
      return { ok: true, value: visitor.done() };
    } catch (error) {
      if (error instanceof EncodingMismatch) continue;
      if (error instanceof CsvError) {
        const line = (error as CsvError & { lines?: number }).lines;
        const origin: CellOrigin = typeof line === 'number' ? { file, row: line } : { file };
        return { ok: false, issue: fileIssue('invalid_csv', origin, { folder, detail: error.message }, locale, 'error', 'line') };
      }
      return { ok: false, issue: fileIssue('unreadable_file', { file }, { folder, detail: errorDetail(error) }, locale) };
    }
  }
  return { ok: false, issue: fileIssue('invalid_encoding', { file }, { folder, encoding }, locale) };
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** A table as read: its records, the row of each, and the ids its rows belong to. */
export interface ReadTable {
  origin: TableOrigin;
  records: Record<string, unknown>[];
  rows: number[];
  keys: Record<string, string>[];
  /** 1-based column of each `@key` column (`chain`, `enterprise`...). */
  keyColumns: Map<string, number>;
  issues: DatasetIssue[];
}

/** A table's header bound to its columns, and the issues the header itself has. */
export interface BoundHeader {
  bindings: Binding[];
  /** 1-based column of each record field (`to`, `segment.chain`, `extra.备注`). */
  columns: Map<string, number>;
  /** 1-based column of each `@key` column (`chain`, `enterprise`...). */
  keyColumns: Map<string, number>;
  issues: DatasetIssue[];
}

/**
 * Binds a table's header (CSV's first row, or a Parquet file's column names, which count as
 * row 1 too) to its columns, reporting unknown and repeated columns at their header cell.
 *
 * @example
 * bindTableHeader(tableSpec('links'), ['from', 'to'], 'links.csv', 'data', 'en').columns // → Map { from → 1, to → 2 }
 */
export function bindTableHeader(
  spec: TableSpec,
  header: readonly string[],
  file: string,
  folder: string,
  locale: Locale,
): BoundHeader {
  const bindings = bindHeader(spec, header);
  const out: BoundHeader = { bindings, columns: new Map(), keyColumns: new Map(), issues: [] };
  bindings.forEach((binding, i) => {
    const at: CellOrigin = { file, row: 1, column: i + 1 };
    if (binding.kind === 'column') {
      const field = binding.column.field;
      if (field.startsWith('@')) out.keyColumns.set(field.slice(1), i + 1);
      else out.columns.set(field, i + 1);
    } else if (binding.kind === 'extra') out.columns.set(`extra.${binding.key}`, i + 1);
    else if (binding.kind === 'unknown') out.issues.push(fileIssue('unknown_field', at, { folder, keys: [binding.header] }, locale));
    else if (binding.kind === 'duplicate') {
      const detail = text(locale, `column "${binding.header}" appears twice`, `列“${binding.header}”重复`);
      out.issues.push(fileIssue('invalid_csv', at, { folder, detail }, locale));
    }
  });
  return out;
}

function tableVisitor(spec: TableSpec, folder: string, file: string, locale: Locale): Visitor<ReadTable> {
  let bindings: Binding[] | undefined;
  const table: ReadTable = { origin: { file, columns: new Map() }, records: [], rows: [], keys: [], keyColumns: new Map(), issues: [] };
  const hasKeys = spec.columns.some((c) => c.field.startsWith('@'));
  return {
    row(cells, row) {
      if (!bindings) {
        const bound = bindTableHeader(spec, cells, file, folder, locale);
        bindings = bound.bindings;
        table.origin = { file, columns: bound.columns };
        table.keyColumns = bound.keyColumns;
        table.issues.push(...bound.issues);
        return;
      }
      if (isBlank(cells)) return;
      const read = rowToRecord(bindings, cells);
      for (const c of read.strays)
        table.issues.push(
          fileIssue(
            'invalid_csv',
            { file, row, column: c + 1 },
            { folder, detail: text(locale, 'a value in a column without a header', '该列没有表头，其中的值无法读取') },
            locale,
          ),
        );
      table.records.push(read.record);
      table.rows.push(row);
      if (hasKeys) table.keys.push(read.keys);
    },
    done: () => table,
  };
}

/** meta.csv as read: the meta record, the row of each key, the value's column. */
export interface ReadMeta {
  meta: Record<string, unknown>;
  rows: Map<string, number>;
  valueColumn: number;
  issues: DatasetIssue[];
}

/**
 * meta.csv: rows `key,value` under an optional `key,value` header. Fed rows one by one; also
 * reads meta.parquet, whose column names are its header.
 *
 * @example
 * const meta = metaVisitor('data', 'meta.csv', 'en');
 * meta.row(['key', 'value'], 1);
 * meta.row(['name', '酒泉'], 2);
 * meta.done().meta // → { name: '酒泉' }
 */
export function metaVisitor(folder: string, file: string, locale: Locale): Visitor<ReadMeta> {
  const out: ReadMeta = { meta: {}, rows: new Map(), valueColumn: 2, issues: [] };
  let keyIndex = 0;
  let valueIndex = 1;
  let width = 2;
  let first = true;
  const invalid = (row: number, column: number, en: string, zh: string) =>
    out.issues.push(fileIssue('invalid_csv', { file, row, column }, { folder, detail: text(locale, en, zh) }, locale));
  return {
    row(cells, row) {
      if (first) {
        first = false;
        const names = cells.map(normalizeHeader);
        const k = names.findIndex((n) => n === 'key' || n === '键');
        if (k !== -1) {
          keyIndex = k;
          const v = names.findIndex((n) => n === 'value' || n === '值');
          valueIndex = v === -1 ? (k === 0 ? 1 : 0) : v;
          out.valueColumn = valueIndex + 1;
          width = cells.length;
          cells.forEach((cell, i) => {
            if (i !== keyIndex && i !== valueIndex && cell.trim() !== '')
              out.issues.push(fileIssue('unknown_field', { file, row: 1, column: i + 1 }, { folder, keys: [cell.trim()] }, locale));
          });
          return;
        }
      }
      if (isBlank(cells)) return;
      cells.forEach((cell, i) => {
        if (i !== keyIndex && i !== valueIndex && i >= width && cell.trim() !== '')
          invalid(row, i + 1, 'a value in a column without a header', '该列没有表头，其中的值无法读取');
      });
      const key = (cells[keyIndex] ?? '').trim();
      const raw = cells[valueIndex] ?? '';
      if (key === '') {
        invalid(row, keyIndex + 1, 'a value without a key', '有值但缺少键名');
        return;
      }
      const field = resolveName(key, META_KEYS) ?? key;
      if (out.rows.has(field)) {
        invalid(row, keyIndex + 1, `key "${key}" appears twice`, `键“${key}”重复`);
        return;
      }
      out.rows.set(field, row);
      const value = field === 'updated' ? parseDateCell(raw) : raw.trim() === '' ? undefined : raw.trim();
      if (value !== undefined) defineField(out.meta, field, value);
    },
    done: () => out,
  };
}

/** Finds a table's file in a folder listing: exact name first, then ignoring case. */
function findFile(names: readonly string[], table: string): string | undefined {
  const wanted = `${table}.csv`;
  return names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted);
}

/**
 * Reads a folder of CSV files into dataset input.
 *
 * @example
 * const read = await readCsvFolder('data/jiuquan', { encoding: 'auto', locale: 'en' });
 * if (read.input) safeParseDataset(read.input);
 */
export async function readCsvFolder(
  folder: string,
  options: { encoding: LoadEncoding; locale: Locale },
): Promise<CsvReadResult> {
  const { encoding, locale } = options;
  const origins = new CsvOrigins();
  const issues: DatasetIssue[] = [];
  const files: string[] = [];
  const fail = (issue: DatasetIssue): CsvReadResult => ({ input: undefined, files, issues: [...issues, issue], origins });

  let names: string[];
  try {
    // dot files and `~$` files are editors' lock and backup files, not tables
    names = (await readdir(folder)).filter((name) => /^[^.~].*\.csv$/iu.test(name)).sort();
  } catch (error) {
    return fail(fileIssue('unreadable_file', { file: folder }, { detail: errorDetail(error) }, locale));
  }
  // a FIFO, socket or device named like a table (itself or behind a symlink) would hang the
  // reader or never end: each is an error, never skipped in silence
  for (const name of names) {
    let info;
    try {
      info = await stat(join(folder, name));
    } catch (error) {
      return fail(fileIssue('unreadable_file', { file: name }, { folder, detail: errorDetail(error) }, locale));
    }
    if (!info.isFile()) return fail(fileIssue('not_regular_file', { file: name }, { folder, kind: info.isDirectory() ? 'folder' : fileKind(info) }, locale));
  }
  if (names.length === 0) return fail(fileIssue('unsupported_format', { file: folder }, { detail: 'no .csv files' }, locale));

  const known = new Map<string, string>();
  for (const table of ['meta', ...TABLES.map((t) => t.name)]) {
    const name = findFile(names, table);
    if (name !== undefined) known.set(table, name);
  }
  const used = new Set(known.values());
  for (const name of names) {
    if (!used.has(name))
      issues.push(fileIssue('unexpected_file', { file: name }, { folder }, locale, 'warning'));
  }

  const metaFile = known.get('meta');
  if (metaFile === undefined) return fail(fileIssue('file_not_found', { file: 'meta.csv' }, { folder }, locale));

  let fatal = false;
  const input: Record<string, unknown> = {};
  const meta = await scanCsv(folder, metaFile, encoding, locale, () => metaVisitor(folder, metaFile, locale));
  if (meta.ok) {
    files.push(join(folder, metaFile));
    for (const issue of meta.value.issues) issues.push(issue);
    const { $schema, ...rest } = meta.value.meta;
    if ($schema !== undefined) input.$schema = $schema;
    input.meta = rest;
    origins.setMeta({ file: metaFile, columns: new Map() }, meta.value.rows, meta.value.valueColumn);
  } else {
    issues.push(meta.issue);
    fatal = true;
  }

  const tables = new Map<TableName, ReadTable>();
  for (const spec of TABLES) {
    const file = known.get(spec.name);
    if (file === undefined) continue;
    const read = await scanCsv(folder, file, encoding, locale, () => tableVisitor(spec, folder, file, locale));
    if (!read.ok) {
      issues.push(read.issue);
      fatal = true;
      continue;
    }
    files.push(join(folder, file));
    for (const issue of read.value.issues) issues.push(issue);
    tables.set(spec.name, read.value);
  }
  if (fatal) return { input: undefined, files, issues, origins };

  const assembled = assemble(tables, origins, folder, locale);
  for (const issue of assembled.issues) issues.push(issue);
  Object.assign(input, assembled.input);
  return { input, files, issues, origins };
}

/**
 * Joins the tables into one dataset input: child rows (segments, activities...) into their
 * records. Shared by the CSV and Parquet readers, which differ only in how a table is read.
 *
 * @example
 * const { input, issues } = assemble(tables, new CsvOrigins(), 'data', 'en');
 */
export function assemble(
  tables: ReadonlyMap<TableName, ReadTable>,
  origins: CsvOrigins,
  folder: string,
  locale: Locale,
): { input: Record<string, unknown>; issues: DatasetIssue[] } {
  const input: Record<string, unknown> = {};
  const issues: DatasetIssue[] = [];

  const top = (name: TableName, collection: string): Record<string, unknown>[] => {
    const table = tables.get(name);
    if (!table) {
      const records: Record<string, unknown>[] = [];
      input[collection] = records;
      return records;
    }
    input[collection] = table.records;
    origins.setCollection(collection, table.origin, table.rows);
    return table.records;
  };
  const indexById = (records: readonly Record<string, unknown>[]) => {
    const index = new Map<string, number>();
    records.forEach((record, i) => {
      if (typeof record.id === 'string' && !index.has(record.id)) index.set(record.id, i);
    });
    return index;
  };

  /**
   * Attaches each row of a child table to the record its `@key` column names; `resolve`
   * returns the record and its path, or reports the unknown id and returns undefined.
   */
  const attach = (
    name: TableName,
    key: string,
    list: string,
    resolve: (id: string, keys: Record<string, string>, at: CellOrigin) => { path: (string | number)[]; record: Record<string, unknown> } | undefined,
  ) => {
    const table = tables.get(name);
    if (!table) return;
    const keyColumn = table.keyColumns.get(key);
    if (keyColumn === undefined) {
      if (table.records.length > 0)
        issues.push(fileIssue('missing_field', { file: table.origin.file, row: 1 }, { folder, expected: `column "${key}"` }, locale));
      return;
    }
    table.records.forEach((record, i) => {
      const row = table.rows[i]!;
      const keys = table.keys[i]!;
      const id = keys[key];
      const at: CellOrigin = { file: table.origin.file, row, column: keyColumn };
      if (id === undefined) {
        issues.push(fileIssue('missing_field', at, { folder, expected: 'string' }, locale));
        return;
      }
      const owner = resolve(id, keys, at);
      if (!owner) return;
      const items = (owner.record[list] ??= []) as unknown[];
      items.push(record);
      origins.pushItem([...owner.path, list], table.origin, row);
    });
  };

  top('sources', 'sources');
  top('regions', 'regions');

  // templates: templates.csv is optional; without it, templates are named by their id
  const templatesTable = tables.get('templates');
  const templates = top('templates', 'templates');
  const templateIndex = indexById(templates);
  const templateOf = (id: string, _keys: Record<string, string>, at: CellOrigin) => {
    let i = templateIndex.get(id);
    if (i === undefined) {
      if (templatesTable) {
        issues.push(fileIssue('unknown_template', at, { folder, id }, locale));
        return undefined;
      }
      i = templates.push({ id, name: id }) - 1;
      templateIndex.set(id, i);
      origins.pushItem(['templates'], { file: at.file, columns: new Map([['id', at.column!], ['name', at.column!]]) }, at.row!);
    }
    return { path: ['templates', i], record: templates[i]! };
  };
  attach('template_segments', 'template', 'segments', templateOf);
  attach('template_flows', 'template', 'flows', templateOf);

  const chains = top('chains', 'chains');
  const chainIndex = indexById(chains);
  const chainOf = (id: string, _keys: Record<string, string>, at: CellOrigin) => {
    const i = chainIndex.get(id);
    if (i === undefined) {
      issues.push(fileIssue('unknown_chain', at, { folder, id }, locale));
      return undefined;
    }
    return { path: ['chains', i], record: chains[i]! };
  };
  attach('segments', 'chain', 'segments', chainOf);
  attach('flows', 'chain', 'flows', chainOf);

  const enterprises = top('enterprises', 'enterprises');
  const enterpriseIndex = indexById(enterprises);
  {
    // the `segments` column: `chain/segment;chain/segment`, ahead of activities.csv rows
    const table = tables.get('enterprises');
    const column = table?.origin.columns.get('segments');
    if (table && column !== undefined) {
      enterprises.forEach((record, i) => {
        const refs = record.segments;
        if (Array.isArray(refs))
          refs.forEach(() => origins.pushItem(['enterprises', i, 'segments'], table.origin, table.rows[i]!, column));
      });
    }
  }
  const enterpriseOf = (id: string, _keys: Record<string, string>, at: CellOrigin) => {
    const i = enterpriseIndex.get(id);
    if (i === undefined) {
      issues.push(fileIssue('unknown_enterprise', at, { folder, id }, locale));
      return undefined;
    }
    return { path: ['enterprises', i], record: enterprises[i]! };
  };
  attach('activities', 'enterprise', 'segments', enterpriseOf);

  top('links', 'links');
  const projects = top('projects', 'projects');
  const projectIndex = indexById(projects);

  const capacities = tables.get('capacities');
  const kindColumn = capacities?.keyColumns.get('kind');
  attach('capacities', 'owner', 'capacity', (id, keys, at) => {
    const kindText = keys.kind;
    const kind = kindText === undefined ? 'enterprise' : CAPACITY_OWNER_KINDS[normalizeHeader(kindText)];
    if (kind === undefined) {
      const where: CellOrigin = kindColumn === undefined ? at : { ...at, column: kindColumn };
      issues.push(
        fileIssue('invalid_value', where, { folder, received: kindText, allowed: Object.keys(CAPACITY_OWNER_KINDS) }, locale),
      );
      return undefined;
    }
    if (kind === 'enterprise') return enterpriseOf(id, keys, at);
    const i = projectIndex.get(id);
    if (i === undefined) {
      issues.push(fileIssue('unknown_project', at, { folder, id }, locale));
      return undefined;
    }
    return { path: ['projects', i], record: projects[i]! };
  });

  top('targets', 'targets');
  top('indicators', 'indicators');
  return { input, issues };
}
