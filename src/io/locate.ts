/**
 * Where each record of a dataset read from CSV came from, and the rewriting of validation
 * issues from dataset paths (`links[3].to`) to cells (`links.csv:5:3`).
 *
 * Rows count the header as row 1, as Excel does; columns are 1-based. The map is kept per list
 * (`links`, `chains[2].segments`), not per field, so it stays small for a million links.
 */
import { createIssue, formatPath, type DatasetIssue, type Locale } from '../model/issues.js';

/** A table as read: its file name and the 1-based column of each field (`to`, `segment.chain`, `extra.备注`). */
export interface TableOrigin {
  file: string;
  columns: ReadonlyMap<string, number>;
}

/** A cell, a row (no column) or a whole file (no row). */
export interface CellOrigin {
  file: string;
  row?: number;
  column?: number;
}

/** One item of a list: its table and row, and a fixed column when the item is held in one cell. */
interface ItemOrigin {
  table: TableOrigin;
  row: number;
  column?: number;
}

/** The origins of the records of a dataset read from a folder of CSV files. */
export class CsvOrigins {
  /** Top-level collections: every record from one table. */
  private readonly collections = new Map<string, { table: TableOrigin; rows: number[] }>();
  /** Lists held item by item: nested lists (`chains[2].segments`), or records made up while reading. */
  private readonly nested = new Map<string, ItemOrigin[]>();
  /** meta.csv: the row of each key. */
  private meta: { table: TableOrigin; rows: Map<string, number>; valueColumn: number } | undefined;
  /** The file of each top-level collection, for issues about a collection as a whole. */
  private readonly files = new Map<string, string>();

  /** Records that the records of `collection` come from `table`, row by row. */
  setCollection(collection: string, table: TableOrigin, rows: number[]): void {
    this.collections.set(collection, { table, rows });
    this.files.set(collection, table.file);
  }

  /** Records that the next item of the list at `path` (`['chains', 2, 'segments']`) comes from a row. */
  pushItem(path: readonly (string | number)[], table: TableOrigin, row: number, column?: number): void {
    const key = formatPath(path);
    let items = this.nested.get(key);
    if (!items) this.nested.set(key, (items = []));
    items.push(column === undefined ? { table, row } : { table, row, column });
  }

  setMeta(table: TableOrigin, rows: Map<string, number>, valueColumn: number): void {
    this.meta = { table, rows, valueColumn };
    this.files.set('meta', table.file);
  }

  /**
   * The cell a dataset path points into, or `undefined` when the path is not about CSV data
   * (the root, or a collection no file held).
   *
   * @example
   * origins.locate(['links', 3, 'to']) // → { file: 'links.csv', row: 5, column: 3 }
   */
  locate(path: readonly (string | number)[]): CellOrigin | undefined {
    const [head] = path;
    if (head === 'meta' || head === '$schema') {
      if (!this.meta) return undefined;
      const key = head === '$schema' ? '$schema' : path[1];
      const row = typeof key === 'string' ? this.meta.rows.get(key) : undefined;
      return row === undefined ? { file: this.meta.table.file } : { file: this.meta.table.file, row, column: this.meta.valueColumn };
    }
    // a whole nested list (a cycle in `chains[2].flows`): its file, at the list's first row
    const list = path.length > 2 ? this.nested.get(formatPath(path)) : undefined;
    if (list?.[0]) return { file: list[0].table.file, row: list[0].row };
    // the deepest list that has an origin wins: chains[2].segments[4] over chains[2]
    for (let k = path.length - 1; k >= 1; k--) {
      const index = path[k];
      if (typeof index !== 'number') continue;
      const prefix = path.slice(0, k);
      let item: ItemOrigin | undefined;
      if (k === 1) {
        const collection = this.collections.get(String(prefix[0]));
        const row = collection?.rows[index];
        if (collection && row !== undefined) item = { table: collection.table, row };
      }
      item ??= this.nested.get(formatPath(prefix))?.[index];
      if (!item) continue;
      const column = item.column ?? columnOf(item.table, path.slice(k + 1));
      return column === undefined ? { file: item.table.file, row: item.row } : { file: item.table.file, row: item.row, column };
    }
    const file = typeof head === 'string' ? this.files.get(head) : undefined;
    return file === undefined ? undefined : { file };
  }
}

/** The column of a field path below a record: the longest dotted prefix that is a column. */
function columnOf(table: TableOrigin, rest: readonly (string | number)[]): number | undefined {
  let end = rest.findIndex((segment) => typeof segment === 'number');
  if (end === -1) end = rest.length;
  for (let n = end; n >= 1; n--) {
    const key = rest.slice(0, n).join('.');
    const column = table.columns.get(key);
    if (column !== undefined) return column;
    if (n === end) {
      // an object field held in several columns (`segment` → `segment.chain`, `segment.segment`)
      for (const [field, c] of table.columns) if (field.startsWith(`${key}.`)) return c;
    }
  }
  return undefined;
}

/** Formats a cell origin as `file:row:column`, `file:row` or `file`. */
export function formatOrigin(origin: CellOrigin): string {
  return [origin.file, origin.row, origin.column].filter((part) => part !== undefined).join(':');
}

/**
 * Creates an issue located in a file: path `file:row:column`, and `file`, `row` (or `line` for
 * text files), `column` in its params.
 */
export function fileIssue(
  code: DatasetIssue['code'],
  origin: CellOrigin,
  params: Record<string, unknown>,
  locale: Locale,
  severity: DatasetIssue['severity'] = 'error',
  rowName: 'row' | 'line' = 'row',
): DatasetIssue {
  const segments: (string | number)[] = [origin.file];
  if (origin.row !== undefined) segments.push(origin.row);
  if (origin.column !== undefined) segments.push(origin.column);
  const all: Record<string, unknown> = { ...params, file: origin.file };
  if (origin.row !== undefined) all[rowName] = origin.row;
  if (origin.column !== undefined) all.column = origin.column;
  return { ...createIssue(code, segments, all, locale, severity), path: formatOrigin(origin) };
}

const DATASET_PATH = /^(\w+)\[(\d+)\]$/u;

/**
 * Rewrites validation issues of a dataset read from CSV so that each points at its cell. The
 * dataset path is kept in `params.datasetPath`; a `first` param naming a record
 * (`links[0]`) becomes its row (`links.csv:2`), the dataset path kept in `params.firstDatasetPath`.
 */
export function relocateIssues(issues: readonly DatasetIssue[], origins: CsvOrigins, locale: Locale): DatasetIssue[] {
  return issues.map((issue) => {
    const origin = origins.locate(issue.pathSegments);
    if (!origin) return issue;
    const params: Record<string, unknown> = { ...issue.params, datasetPath: issue.path };
    const first = typeof params.first === 'string' ? DATASET_PATH.exec(params.first) : null;
    if (first) {
      const at = origins.locate([first[1]!, Number(first[2])]);
      if (at?.row !== undefined) {
        params.firstDatasetPath = params.first;
        params.first = formatOrigin({ file: at.file, row: at.row });
      }
    }
    return fileIssue(issue.code, origin, params, locale, issue.severity);
  });
}
