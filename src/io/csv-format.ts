/**
 * The CSV form of a dataset: one file per table, as planners keep it in Excel. This module is
 * pure: table and column definitions, header matching, and cell ↔ value conversion. Reading
 * and writing files live in ./csv-read.ts and ./csv-write.ts.
 *
 * Cells are text. A cell's kind says how it becomes a value:
 * - `text`: trimmed; an empty cell is absent.
 * - `number`: `1,234.5`, full-width digits (NFKC), `1e3`; `percent` also takes a trailing `%`
 *   (`12%` → 12); `fraction` reads `30%` as 0.3. A cell that is not a number is kept as text,
 *   so validation reports it at its cell.
 * - `boolean`: 是/否, true/false, 1/0, Y/N, yes/no (any case).
 * - `date`: `2024-5-1`, `2024/05/01`, `2024.5` are written as `2024-05-01`, `2024-05`.
 * - `list`: items separated by `|`, `;`, `；` or `、`.
 * - `citations`: `sourceId:locator;sourceId` (`：` and `；` accepted).
 * - `fieldBasis`: `field:basis;field:basis`. `chainRoles`: `chain:role;chain:role`.
 * - `segmentRefs`: `chain/segment;chain/segment` (an enterprise's segments in one cell).
 */

/** How a cell is read and written. */
export type CellKind =
  | 'text'
  | 'number'
  | 'percent'
  | 'fraction'
  | 'boolean'
  | 'date'
  | 'list'
  | 'citations'
  | 'fieldBasis'
  | 'chainRoles'
  | 'segmentRefs';

/** A column of a table. */
export interface ColumnSpec {
  /** The header `saveDataset` writes; matched case-insensitively, ignoring `_`, `-` and spaces. */
  name: string;
  /**
   * Where the value goes: a dotted path in the record (`segment.chain`), or `@key` for the id
   * of the record the row belongs to (the chain of a segment).
   */
  field: string;
  kind: CellKind;
  /** `field` split on dots, computed once: cells are converted a million times. */
  keys: readonly string[];
  /** Read but never written (an alternative form of data another table holds). */
  readOnly?: boolean;
}

/** A table: one CSV file. */
export interface TableSpec {
  /** Table name; the file is `${name}.csv`. */
  name: TableName;
  columns: readonly ColumnSpec[];
  /** Unknown columns go to the record's `extra`; otherwise they are reported. */
  extra: boolean;
}

/** The tables, in the order they are read and written. */
export type TableName =
  | 'sources'
  | 'regions'
  | 'templates'
  | 'template_segments'
  | 'template_flows'
  | 'chains'
  | 'segments'
  | 'flows'
  | 'enterprises'
  | 'activities'
  | 'links'
  | 'projects'
  | 'capacities'
  | 'targets'
  | 'indicators';

const col = (name: string, kind: CellKind = 'text', field: string = name): ColumnSpec => ({
  name,
  field,
  kind,
  keys: field.split('.'),
});

const PROVENANCE: readonly ColumnSpec[] = [
  col('basis'),
  col('sources', 'citations'),
  col('note'),
  col('fieldBasis', 'fieldBasis'),
];

const SEGMENT_COLUMNS: readonly ColumnSpec[] = [
  col('id'),
  col('name'),
  col('aliases', 'list'),
  col('stage'),
  col('kind'),
  col('industryCodes', 'list'),
  col('emergingCategoryCode', 'text', 'emergingCategory.code'),
  col('emergingCategoryName', 'text', 'emergingCategory.name'),
  col('products', 'list'),
  col('valueShare', 'fraction'),
  col('description'),
  ...PROVENANCE,
];

const FLOW_COLUMNS: readonly ColumnSpec[] = [col('from'), col('to'), col('coefficient', 'number'), ...PROVENANCE];

/** Every table but meta.csv, in reading order (a table comes after the tables it refers to). */
export const TABLES: readonly TableSpec[] = [
  {
    name: 'sources',
    extra: false,
    columns: [col('id'), col('title'), col('publisher'), col('date', 'date'), col('url'), col('file'), col('note')],
  },
  {
    name: 'regions',
    extra: false,
    columns: [col('id'), col('name'), col('aliases', 'list'), col('kind'), col('parent'), ...PROVENANCE],
  },
  {
    name: 'templates',
    extra: false,
    columns: [col('id'), col('name'), col('aliases', 'list'), col('description'), ...PROVENANCE],
  },
  { name: 'template_segments', extra: false, columns: [col('template', 'text', '@template'), ...SEGMENT_COLUMNS] },
  { name: 'template_flows', extra: false, columns: [col('template', 'text', '@template'), ...FLOW_COLUMNS] },
  {
    name: 'chains',
    extra: false,
    columns: [col('id'), col('name'), col('aliases', 'list'), col('template'), col('description'), ...PROVENANCE],
  },
  { name: 'segments', extra: false, columns: [col('chain', 'text', '@chain'), ...SEGMENT_COLUMNS] },
  { name: 'flows', extra: false, columns: [col('chain', 'text', '@chain'), ...FLOW_COLUMNS] },
  {
    name: 'enterprises',
    extra: true,
    columns: [
      col('id'),
      col('name'),
      col('aliases', 'list'),
      col('region'),
      col('role'),
      col('chainRoles', 'chainRoles'),
      col('status'),
      col('output', 'number'),
      col('outputYear', 'number'),
      col('employees', 'number'),
      col('aboveScale', 'boolean'),
      col('parent'),
      ...PROVENANCE,
      { ...col('segments', 'segmentRefs'), readOnly: true },
    ],
  },
  {
    name: 'activities',
    extra: false,
    columns: [col('enterprise', 'text', '@enterprise'), col('chain'), col('segment'), col('products', 'list'), ...PROVENANCE],
  },
  {
    name: 'links',
    extra: true,
    columns: [
      col('id'),
      col('from'),
      col('to'),
      col('chain', 'text', 'segment.chain'),
      col('segment', 'text', 'segment.segment'),
      col('product'),
      col('value', 'number'),
      col('year', 'number'),
      col('status'),
      col('since', 'date'),
      ...PROVENANCE,
    ],
  },
  {
    name: 'projects',
    extra: true,
    columns: [
      col('id'),
      col('name'),
      col('enterprise'),
      col('chain'),
      col('segment'),
      col('region'),
      col('investment', 'number'),
      col('expectedOutput', 'number'),
      col('startYear', 'number'),
      col('productionYear', 'number'),
      col('fullCapacityYear', 'number'),
      col('jobs', 'number'),
      col('area', 'number'),
      col('status'),
      col('phase'),
      ...PROVENANCE,
    ],
  },
  {
    name: 'capacities',
    extra: false,
    columns: [
      col('kind', 'text', '@kind'),
      col('owner', 'text', '@owner'),
      col('value', 'number'),
      col('unit'),
      col('product'),
      col('year', 'number'),
      ...PROVENANCE,
    ],
  },
  {
    name: 'targets',
    extra: false,
    columns: [
      col('id'),
      col('region', 'text', 'scope.region'),
      col('chain', 'text', 'scope.chain'),
      col('metric'),
      col('kind'),
      col('value', 'number'),
      col('unit'),
      col('growth', 'percent'),
      col('comparator'),
      col('year', 'number'),
      col('period'),
      col('baseYear', 'number'),
      col('condition'),
      ...PROVENANCE,
    ],
  },
  {
    name: 'indicators',
    extra: false,
    columns: [
      col('id'),
      col('region', 'text', 'scope.region'),
      col('chain', 'text', 'scope.chain'),
      col('metric'),
      col('value', 'number'),
      col('unit'),
      col('growth', 'percent'),
      col('year', 'number'),
      col('period'),
      ...PROVENANCE,
    ],
  },
];

/** The table spec of a name. */
export function tableSpec(name: TableName): TableSpec {
  return TABLES.find((t) => t.name === name)!;
}

/** Keys of meta.csv (rows `key,value`), in writing order; `$schema` is the dataset's. */
export const META_KEYS = ['id', 'name', 'description', 'version', 'updated', 'region', 'language', 'note', '$schema'] as const;

/** Values of the `kind` column of capacities.csv. */
export const CAPACITY_OWNER_KINDS: Readonly<Record<string, 'enterprise' | 'project'>> = {
  enterprise: 'enterprise',
  企业: 'enterprise',
  project: 'project',
  项目: 'project',
};

/**
 * Chinese headers accepted for the main columns. A header maps to the first of its columns the
 * table has (产品 is `products` in segments.csv, `product` in links.csv).
 */
export const HEADER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  编号: ['id'],
  名称: ['name', 'title'],
  别名: ['aliases'],
  地区: ['region'],
  上级: ['parent'],
  产业链: ['chain'],
  环节: ['segment', 'segments'],
  企业: ['enterprise'],
  产品: ['products', 'product'],
  产值: ['output'],
  状态: ['status'],
  年份: ['year'],
  数值: ['value'],
  单位: ['unit'],
  来源: ['sources'],
  依据: ['basis'],
  备注: ['note'],
};

/** A header or meta key reduced for matching: NFKC, trimmed, lower case, no `_`, `-` or spaces. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]/gu, '');
}

/** Resolves a header (or a meta key) to one of `names`, directly or through a Chinese alias. */
export function resolveName(header: string, names: readonly string[]): string | undefined {
  const key = normalizeHeader(header);
  const direct = names.find((name) => normalizeHeader(name) === key);
  if (direct !== undefined) return direct;
  return HEADER_ALIASES[key]?.find((candidate) => names.includes(candidate));
}

/** What a header cell is bound to. */
export type Binding =
  | { kind: 'column'; column: ColumnSpec }
  | { kind: 'extra'; key: string }
  | { kind: 'unknown'; header: string }
  | { kind: 'duplicate'; header: string }
  | { kind: 'empty' };

/** Binds the header cells of a table to its columns (and, where allowed, to `extra` keys). */
export function bindHeader(table: TableSpec, header: readonly string[]): Binding[] {
  const names = table.columns.map((c) => c.name);
  const seen = new Set<string>();
  return header.map((cell): Binding => {
    const text = cell.trim();
    if (text === '') return { kind: 'empty' };
    const name = resolveName(text, names);
    const key = name === undefined ? `extra:${text}` : name;
    if (seen.has(key)) return { kind: 'duplicate', header: text };
    seen.add(key);
    if (name !== undefined) return { kind: 'column', column: table.columns.find((c) => c.name === name)! };
    return table.extra ? { kind: 'extra', key: text } : { kind: 'unknown', header: text };
  });
}

/** The header `saveDataset` writes for a table: its writable columns, then `extra` keys. */
export function writeHeader(table: TableSpec, extraKeys: readonly string[]): string[] {
  return [...table.columns.filter((c) => !c.readOnly).map((c) => c.name), ...extraKeys];
}

// ---------------------------------------------------------------------------------------------
// cells → values

const LIST_SEPARATOR = /[|;；、]/u;
const ENTRY_SEPARATOR = /[;；]/u;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/iu;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/u;
const DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/u;
const TRUE = new Set(['是', 'true', '1', 'y', 'yes']);
const FALSE = new Set(['否', 'false', '0', 'n', 'no']);

function splitPair(entry: string, separators: RegExp): [string, string | undefined] {
  const m = separators.exec(entry);
  if (!m) return [entry.trim(), undefined];
  return [entry.slice(0, m.index).trim(), entry.slice(m.index + m[0].length).trim()];
}

function entries(cell: string, separator: RegExp): string[] {
  return cell
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Reads a number cell; returns the trimmed text when it is not a number. */
export function parseNumberCell(cell: string, kind: 'number' | 'percent' | 'fraction' = 'number'): number | string | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  if (NUMBER.test(text)) return Number(text);
  let s = text.normalize('NFKC').replace(/\u2212/gu, '-').replace(/\s+/gu, '');
  let percent = false;
  if (kind !== 'number' && s.endsWith('%')) {
    s = s.slice(0, -1);
    percent = true;
  }
  if (GROUPED.test(s)) s = s.replace(/,/gu, '');
  if (!NUMBER.test(s)) return text;
  const n = Number(s);
  return percent && kind === 'fraction' ? n / 100 : n;
}

/** Reads a boolean cell; returns the trimmed text when it is not a boolean. */
export function parseBooleanCell(cell: string): boolean | string | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  const key = text.normalize('NFKC').toLowerCase();
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return text;
}

/** Reads a date cell as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when it is one with other separators. */
export function parseDateCell(cell: string): string | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  const m = DATE.exec(text.normalize('NFKC'));
  if (!m) return text;
  return [m[1], m[2], m[3]]
    .filter((part): part is string => part !== undefined)
    .map((part, i) => (i === 0 ? part : part.padStart(2, '0')))
    .join('-');
}

/**
 * Converts one cell to a value, or `undefined` for an empty cell. A cell that cannot be read
 * as its kind is returned as text so that validation reports it where it is.
 *
 * @example
 * parseCell('１,２３４.５', 'number') // → 1234.5
 * parseCell('s1:第3段；s2', 'citations') // → [{ source: 's1', locator: '第3段' }, { source: 's2' }]
 */
export function parseCell(cell: string, kind: CellKind): unknown {
  switch (kind) {
    case 'number':
    case 'percent':
    case 'fraction':
      return parseNumberCell(cell, kind);
    case 'boolean':
      return parseBooleanCell(cell);
    case 'date':
      return parseDateCell(cell);
    case 'text': {
      const text = cell.trim();
      return text === '' ? undefined : text;
    }
    default:
      break;
  }
  const text = cell.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'list':
      return entries(text, LIST_SEPARATOR);
    case 'citations':
      return entries(text, ENTRY_SEPARATOR).map((entry) => {
        const [source, locator] = splitPair(entry, /[:：]/u);
        return locator === undefined || locator === '' ? { source } : { source, locator };
      });
    case 'fieldBasis': {
      const out: Record<string, string> = {};
      for (const entry of entries(text, ENTRY_SEPARATOR)) {
        const [field, basis] = splitPair(entry, /[:：]/u);
        if (basis === undefined || field === '' || basis === '') return text;
        out[field] = basis;
      }
      return out;
    }
    case 'chainRoles':
      return entries(text, ENTRY_SEPARATOR).map((entry) => {
        const [chain, role] = splitPair(entry, /[:：]/u);
        return role === undefined || role === '' ? { chain } : { chain, role };
      });
    case 'segmentRefs':
      return entries(text, LIST_SEPARATOR).map((entry) => {
        const [chain, segment] = splitPair(entry, /\//u);
        return segment === undefined ? { segment: chain } : { chain, segment };
      });
    default:
      return text;
  }
}

// ---------------------------------------------------------------------------------------------
// values → cells

function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function pairs(value: unknown, a: string, b: string, sep: string): string {
  if (!Array.isArray(value)) return str(value);
  return value
    .map((item: Record<string, unknown>) => (item[b] === undefined ? str(item[a]) : `${str(item[a])}${sep}${str(item[b])}`))
    .join(';');
}

/**
 * Converts a value to its cell text (the inverse of {@link parseCell} for values CSV can hold).
 *
 * @example
 * formatCell([{ source: 's1', locator: '表2' }], 'citations') // → 's1:表2'
 */
export function formatCell(value: unknown, kind: CellKind): string {
  if (value === undefined || value === null) return '';
  switch (kind) {
    case 'list':
      return Array.isArray(value) ? value.map(str).join('|') : str(value);
    case 'citations':
      return pairs(value, 'source', 'locator', ':');
    case 'chainRoles':
      return pairs(value, 'chain', 'role', ':');
    case 'segmentRefs':
      return pairs(value, 'chain', 'segment', '/');
    case 'fieldBasis':
      return typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value as Record<string, unknown>)
            .map(([field, basis]) => `${field}:${str(basis)}`)
            .join(';')
        : str(value);
    default:
      return str(value);
  }
}

// ---------------------------------------------------------------------------------------------
// rows ↔ records

/** Reads a value at a path (`['segment', 'chain']`) of a record. */
export function getField(record: Record<string, unknown>, keys: readonly string[]): unknown {
  let at: unknown = record;
  for (const key of keys) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Sets a value at a path (`['segment', 'chain']`) of a record, making the objects on the way.
 *
 * @example
 * const record = {};
 * setField(record, ['segment', 'chain'], 'pv'); // record → { segment: { chain: 'pv' } }
 */
export function setField(record: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let at = record;
  const last = keys.length - 1;
  for (let k = 0; k < last; k++) {
    const key = keys[k]!;
    const next = at[key];
    if (next === null || typeof next !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[last]!] = value;
}

/**
 * Sets an own, enumerable property, whatever its name: a header or meta key `__proto__` becomes
 * data (that validation then reports), never a prototype.
 *
 * @example
 * defineField(record, '__proto__', 'x'); // Object.keys(record) → ['__proto__']
 */
export function defineField(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A row read into a record. */
export interface RowRecord {
  record: Record<string, unknown>;
  /** Values of `@key` columns: the ids of the record the row belongs to. */
  keys: Record<string, string>;
  /** 0-based indices of non-empty cells under no header. */
  strays: number[];
}

/**
 * Converts the cells of one row to a record, through the header bindings.
 *
 * @example
 * rowToRecord(bindHeader(tableSpec('links'), ['from', 'to', '金额']), ['a', 'b', '3'])
 * // → { record: { from: 'a', to: 'b', extra: { 金额: '3' } }, keys: {}, strays: [] }
 */
export function rowToRecord(bindings: readonly Binding[], cells: readonly string[]): RowRecord {
  const record: Record<string, unknown> = {};
  const keys: Record<string, string> = {};
  const strays: number[] = [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]!;
    const binding = bindings[c];
    if (binding === undefined || binding.kind === 'empty') {
      if (cell.trim() !== '') strays.push(c);
      continue;
    }
    if (binding.kind === 'column') {
      const value = parseCell(cell, binding.column.kind);
      if (value === undefined) continue;
      const column = binding.column;
      if (column.field.startsWith('@')) keys[column.field.slice(1)] = String(value);
      else setField(record, column.keys, value);
    } else if (binding.kind === 'extra') {
      const text = cell.trim();
      if (text === '') continue;
      const extra = (record.extra ??= {}) as Record<string, string>;
      // an own property even for `__proto__`, so that validation reports the key (reserved_key)
      defineField(extra, binding.key, text);
    }
    // unknown and duplicate columns are reported once, at their header
  }
  return { record, keys, strays };
}

/** Converts a record to the cells of one row, under a header written by {@link writeHeader}. */
export function recordToRow(
  table: TableSpec,
  record: Record<string, unknown>,
  keys: Readonly<Record<string, string>>,
  extraKeys: readonly string[],
): string[] {
  const cells: string[] = [];
  for (const column of table.columns) {
    if (column.readOnly) continue;
    const value = column.field.startsWith('@') ? keys[column.field.slice(1)] : getField(record, column.keys);
    cells.push(formatCell(value, column.kind));
  }
  const extra = (record.extra ?? {}) as Record<string, unknown>;
  for (const key of extraKeys) cells.push(str(extra[key]));
  return cells;
}

// what Excel and WPS read as the start of a formula (OWASP's CSV-injection list)
const FORMULA_START = /^[=+\-@\t\r]/u;
// a plain number is safe to leave as it is, negative ones included
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/u;

/**
 * Neutralises a cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`,
 * `@`, tab or carriage return, and is not a plain number) by prefixing `'`, which Excel and WPS
 * show as "text follows". So that the prefix can be told from data, a cell that begins with `'`
 * gets one more. {@link unprotectCell} undoes it: save → load gives the text back exactly.
 *
 * @example
 * protectCell('=HYPERLINK("http://x")') // → '\'=HYPERLINK("http://x")'
 * protectCell("'quoted") // → "''quoted"
 * protectCell('-5') // → '-5'
 */
export function protectCell(cell: string): string {
  if (cell.charCodeAt(0) === 39 /* ' */) return `'${cell}`;
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * Undoes {@link protectCell}: one leading `'` is dropped. Every cell read from a CSV file goes
 * through it, so a leading `'` in a file typed by hand is read as Excel reads it, a text marker.
 *
 * @example
 * unprotectCell("'=1+1") // → '=1+1'
 */
export function unprotectCell(cell: string): string {
  return cell.charCodeAt(0) === 39 ? cell.slice(1) : cell;
}

/**
 * Formats one CSV line: each cell protected against formula injection ({@link protectCell}),
 * then quoted when it holds a comma, quote, line break or surrounding space; quotes doubled. No
 * line terminator.
 */
export function formatCsvLine(cells: readonly string[]): string {
  return cells
    .map((raw) => {
      const cell = protectCell(raw);
      return /[",\r\n]|^\s|\s$/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell;
    })
    .join(',');
}
