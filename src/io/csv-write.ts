/**
 * Writing a dataset as a folder of CSV files (UTF-8 with BOM, CRLF, so Excel opens it as is).
 *
 * Before anything is written, every record is converted to its row and read back with the
 * reader's own conversion; any value that would not come back the same (a field with no
 * column, a list item holding a separator, a padded string...) is collected, and the save
 * fails listing them. Empty values (`''`, `[]`, `{}`, `null`) count as absent, and numbers or
 * booleans in `extra` read back as their text.
 */
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFolderAtomic } from './atomic.js';
import { ChainError, formatPath } from '../model/issues.js';
import type { Dataset } from '../model/schema.js';
import {
  bindHeader,
  formatCsvLine,
  META_KEYS,
  parseDateCell,
  recordToRow,
  resolveName,
  rowToRecord,
  TABLES,
  tableSpec,
  writeHeader,
  type TableName,
  type TableSpec,
} from './csv-format.js';

type Path = (string | number)[];
type AnyRecord = Record<string, unknown>;

/** One row to write: the record, the ids of its owner, its dataset path, and the fields other tables hold. */
interface RowSource {
  record: AnyRecord;
  keys: Record<string, string>;
  path: Path;
  heldElsewhere?: readonly string[];
}

const asRecords = (value: unknown): AnyRecord[] => (Array.isArray(value) ? (value as AnyRecord[]) : []);

/** The rows of each table, as generators (walked once to check, once to write). */
function tableRows(dataset: AnyRecord): [TableName, () => Iterable<RowSource>][] {
  const list = (name: string, heldElsewhere?: readonly string[]) =>
    function* (): Iterable<RowSource> {
      for (const [i, record] of asRecords(dataset[name]).entries())
        yield heldElsewhere ? { record, keys: {}, path: [name, i], heldElsewhere } : { record, keys: {}, path: [name, i] };
    };
  const children = (name: string, key: string, list: string) =>
    function* (): Iterable<RowSource> {
      for (const [i, owner] of asRecords(dataset[name]).entries())
        for (const [j, record] of asRecords(owner[list]).entries())
          yield { record, keys: { [key]: String(owner.id) }, path: [name, i, list, j] };
    };
  return [
    ['sources', list('sources')],
    ['regions', list('regions')],
    ['templates', list('templates', ['segments', 'flows'])],
    ['template_segments', children('templates', 'template', 'segments')],
    ['template_flows', children('templates', 'template', 'flows')],
    ['chains', list('chains', ['segments', 'flows'])],
    ['segments', children('chains', 'chain', 'segments')],
    ['flows', children('chains', 'chain', 'flows')],
    ['enterprises', list('enterprises', ['segments', 'capacity'])],
    ['activities', children('enterprises', 'enterprise', 'segments')],
    ['links', list('links')],
    ['projects', list('projects', ['capacity'])],
    [
      'capacities',
      function* () {
        for (const kind of ['enterprise', 'project'] as const) {
          const name = kind === 'enterprise' ? 'enterprises' : 'projects';
          for (const [i, owner] of asRecords(dataset[name]).entries())
            for (const [j, record] of asRecords(owner.capacity).entries())
              yield { record, keys: { kind, owner: String(owner.id) }, path: [name, i, 'capacity', j] };
        }
      },
    ],
    ['targets', list('targets')],
    ['indicators', list('indicators')],
  ];
}

const DATASET_KEYS = new Set(['$schema', 'meta', 'sources', 'regions', 'templates', 'chains', 'enterprises', 'links', 'projects', 'targets', 'indicators']);
// control characters the reader rejects as not being text
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u;

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

const isObject = (value: unknown): value is AnyRecord => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Collects the paths where `back` (read back from CSV) does not hold what `original` holds.
 * `path` is a stack, pushed and popped in place (copied only on a loss): this runs once per
 * field of a million links.
 */
function diff(original: unknown, back: unknown, path: Path, lost: Path[], inExtra: boolean): void {
  if (original === back) {
    if (typeof original === 'string' && CONTROL.test(original)) lost.push([...path]);
    return;
  }
  if (isEmpty(original) && isEmpty(back)) return;
  if (inExtra && (typeof original === 'number' || typeof original === 'boolean') && back === String(original)) return;
  if (Array.isArray(original) && Array.isArray(back)) {
    for (let i = 0; i < original.length; i++) {
      path.push(i);
      diff(original[i], back[i], path, lost, inExtra);
      path.pop();
    }
    if (back.length > original.length) lost.push([...path]);
    return;
  }
  if (isObject(original) && isObject(back)) {
    for (const key of Object.keys(original)) {
      path.push(key);
      diff(original[key], back[key], path, lost, inExtra || key === 'extra');
      path.pop();
    }
    for (const key of Object.keys(back)) {
      if (!(key in original) && !isEmpty(back[key])) {
        lost.push([...path]);
        break;
      }
    }
    return;
  }
  lost.push([...path]);
}

/** A table ready to write: its header and the source of its rows. */
export interface PreparedTable {
  spec: TableSpec;
  header: string[];
  extraKeys: string[];
  rows: () => Iterable<RowSource>;
}

/**
 * The tables of a dataset, ready to write: header, `extra` keys, rows (shared with the Parquet
 * writer, which writes the same tables, as `prepareTables`).
 *
 * @example
 * prepare(dataset).map((t) => t.spec.name) // → ['sources', 'regions', ...]
 */
function prepare(dataset: AnyRecord): PreparedTable[] {
  return tableRows(dataset).map(([name, rows]) => {
    const spec = tableSpec(name);
    const extraKeys: string[] = [];
    if (spec.extra) {
      const seen = new Set<string>();
      for (const { record } of rows()) {
        const extra = record.extra;
        if (!isObject(extra)) continue;
        for (const key of Object.keys(extra)) {
          if (seen.has(key)) continue;
          seen.add(key);
          extraKeys.push(key);
        }
      }
    }
    return { spec, header: writeHeader(spec, extraKeys), extraKeys, rows };
  });
}

/**
 * The `key,value` rows of meta.csv (and meta.parquet).
 *
 * @example
 * metaRows({ meta: { id: 'jq', name: '酒泉' } }) // → [['id', 'jq'], ['name', '酒泉']]
 */
export function metaRows(dataset: AnyRecord): string[][] {
  const meta = isObject(dataset.meta) ? dataset.meta : {};
  const keys = [...META_KEYS.filter((k) => k !== '$schema' && k in meta), ...Object.keys(meta).filter((k) => !(META_KEYS as readonly string[]).includes(k))];
  const rows = keys.filter((k) => !isEmpty(meta[k])).map((k) => [k, String(meta[k])]);
  if (!isEmpty(dataset.$schema)) rows.push(['$schema', String(dataset.$schema)]);
  return rows;
}

/**
 * Lists the dataset paths whose values the CSV form would not hold (empty when it holds all).
 *
 * @example
 * csvLosses(dataset) // → ['enterprises[0].chainRoles[0].basis']
 */
export function csvLosses(dataset: Dataset | AnyRecord): string[] {
  const data = dataset as AnyRecord;
  const lost: Path[] = [];
  for (const key of Object.keys(data)) if (!DATASET_KEYS.has(key) && !isEmpty(data[key])) lost.push([key]);

  const meta = isObject(data.meta) ? data.meta : {};
  const backMeta: AnyRecord = {};
  let backSchema: unknown;
  for (const [key, value] of metaRows(data)) {
    const field = resolveName(key!, META_KEYS) ?? key!.trim();
    const read = field === 'updated' ? parseDateCell(value!) : value!.trim() || undefined;
    if (field === '$schema') backSchema = read;
    else if (!(field in backMeta)) backMeta[field] = read;
  }
  diff(meta, backMeta, ['meta'], lost, false);
  diff(data.$schema, backSchema, ['$schema'], lost, false);

  for (const table of prepare(data)) {
    const bindings = bindHeader(table.spec, table.header);
    const owners = new Map<string, string>();
    for (const { record, keys, path, heldElsewhere } of table.rows()) {
      if (!isObject(record)) {
        lost.push(path);
        continue;
      }
      const back = rowToRecord(bindings, recordToRow(table.spec, record, keys, table.extraKeys));
      if (heldElsewhere) for (const key of heldElsewhere) if (key in record) back.record[key] = record[key];
      diff(record, back.record, path, lost, false);
      // a child row finds its owner by id: an owner id the row cannot name, or a second owner
      // with the same id, would take the row elsewhere
      for (const [key, id] of Object.entries(keys)) {
        if (key === 'kind') continue;
        const ownerPath = formatPath(path.slice(0, -2));
        const first = owners.get(`${path[0]}\u0000${id}`);
        if (back.keys[key] !== id || (first !== undefined && first !== ownerPath)) lost.push(path);
        else owners.set(`${path[0]}\u0000${id}`, ownerPath);
      }
    }
  }
  return lost.map(formatPath);
}

async function writeCsvFile(path: string, header: readonly string[], rows: Iterable<readonly string[]>): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    let buffer = `\uFEFF${formatCsvLine(header)}\r\n`;
    for (const cells of rows) {
      buffer += `${formatCsvLine(cells)}\r\n`;
      if (buffer.length >= 1 << 20) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    await handle.write(buffer);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Files of an existing folder that are not tables of the CSV form (a swap would drop them). */
async function foreignEntries(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const tables = new Set(['meta.csv', ...TABLE_FILES]);
  return names.filter((name) => !tables.has(name)).sort();
}

const SHOWN = 20;
const TABLE_FILES = TABLES.map((table) => `${table.name}.csv`);

/**
 * Writes a dataset as a folder of CSV files, one per table (every table is written, empty ones
 * as a header, so no stale file from an earlier save is read back). Throws a `ChainError`
 * (`invalid_argument`, `details.lost` listing the paths) when the CSV form cannot hold all the
 * data, before writing anything.
 *
 * @example
 * await writeCsvFolder(dataset, 'out/jiuquan');
 */
export async function writeCsvFolder(dataset: Dataset | AnyRecord, folder: string): Promise<string[]> {
  const lost = csvLosses(dataset);
  if (lost.length > 0) {
    const shown = lost.slice(0, SHOWN).map((path) => `  ${path}`);
    const more = lost.length > SHOWN ? [`  ... and ${lost.length - SHOWN} more`] : [];
    throw new ChainError(
      'invalid_argument',
      [
        `cannot save as CSV: ${lost.length} value(s) have no place in the CSV form or would read back differently (无法保存为 CSV：以下数据会丢失):`,
        ...shown,
        ...more,
        'Save as .json or .yaml instead, or remove these values.',
      ].join('\n'),
      { format: 'csv', lost },
    );
  }
  const foreign = await foreignEntries(folder);
  if (foreign.length > 0)
    throw new ChainError(
      'invalid_argument',
      `cannot save as CSV into ${folder}: it holds files that are not tables of the CSV form (${foreign.slice(0, SHOWN).join(', ')}), which the save would drop (该文件夹含有非数据表文件，保存会删除它们). Save into a new or empty folder.`,
      { format: 'csv', foreign },
    );
  const data = dataset as AnyRecord;
  const names: string[] = [];
  await writeFolderAtomic(folder, async (temporary) => {
    await writeCsvFile(join(temporary, 'meta.csv'), ['key', 'value'], metaRows(data));
    names.push('meta.csv');
    for (const table of prepare(data)) {
      const rows = table.rows();
      await writeCsvFile(
        join(temporary, `${table.spec.name}.csv`),
        table.header,
        (function* () {
          for (const { record, keys } of rows) yield recordToRow(table.spec, record, keys, table.extraKeys);
        })(),
      );
      names.push(`${table.spec.name}.csv`);
    }
  });
  return names.map((name) => join(folder, name));
}

export { prepare as prepareTables };
