/**
 * Loading datasets from files: a `.json` or `.yaml`/`.yml` file, or a folder of CSV or Parquet
 * files (Parquet when the folder holds .parquet files and no .csv ones).
 * Bad input is data: every problem is an issue with a path (`data.json:12:5`,
 * `links.csv:5:3`, `links[3].to`), never a stack trace.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { DatasetError, formatPath, type DatasetIssue, type Locale } from '../model/issues.js';
import { safeParseReadInput, type ParseOptions } from '../model/parse.js';
import type { Dataset } from '../model/schema.js';
import { readCsvFolder } from './csv-read.js';
import { listParquetFiles, readParquetFolder } from './parquet-read.js';
import { decodeText, type LoadEncoding } from './encoding.js';
import { findDuplicateKeys, parseJson } from './json.js';
import { fileKind } from './file-kind.js';
import { CsvOrigins, fileIssue, relocateIssues } from './locate.js';
import { relocateTextIssues } from './locate-text.js';
import { parseYaml } from './yaml.js';

/** Options of the loaders: those of `safeParseDataset`, and the text encoding of the files. */
export interface LoadOptions extends ParseOptions {
  /**
   * Encoding of the files. Default `'auto'`: UTF-8 (with or without BOM), or GB18030 (a
   * superset of GBK, what Excel on Chinese Windows writes) when the bytes are not UTF-8.
   */
  encoding?: LoadEncoding;
}

/** Result of {@link safeLoadDataset}. */
export type LoadResult =
  | { success: true; data: Dataset; warnings: DatasetIssue[]; files: string[] }
  | { success: false; issues: DatasetIssue[] };

/** Result of {@link readDatasetInput}. */
export type ReadInputResult =
  | { success: true; input: unknown; files: string[] }
  | { success: false; issues: DatasetIssue[] };

/** What reading gives before validation: the input, or the issues that stopped reading. */
type Read =
  | { ok: true; input: unknown; files: string[]; issues: DatasetIssue[]; origins?: CsvOrigins }
  | { ok: false; issues: DatasetIssue[] };

function errorCode(error: unknown): string | undefined {
  return (error as { code?: unknown } | null)?.code as string | undefined;
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR']);

/**
 * The largest JSON or YAML file read whole: V8's longest string (2^29 − 24 UTF-16 units on
 * 64-bit). A larger dataset is loaded from the CSV form, which is read row by row.
 */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;


async function readText(
  path: string,
  encoding: LoadEncoding,
  locale: Locale,
): Promise<{ ok: true; text: string } | { ok: false; issue: DatasetIssue }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, issue: fileIssue('unreadable_file', { file: path }, { detail: errorDetail(error) }, locale) };
  }
  const decoded = decodeText(bytes, encoding);
  if (!decoded) return { ok: false, issue: fileIssue('invalid_encoding', { file: path }, { encoding }, locale) };
  return { ok: true, text: decoded.text };
}

async function hasCsv(folder: string): Promise<boolean> {
  return (await readdir(folder).catch(() => [])).some((name) => /^[^.~].*\.csv$/iu.test(name));
}

async function read(path: string, options: LoadOptions): Promise<Read> {
  const locale = options.locale ?? 'zh-CN';
  const encoding = options.encoding ?? 'auto';
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = errorCode(error);
    const issue =
      code !== undefined && NOT_FOUND.has(code)
        ? fileIssue('file_not_found', { file: path }, {}, locale)
        : fileIssue('unreadable_file', { file: path }, { detail: errorDetail(error) }, locale);
    return { ok: false, issues: [issue] };
  }
  if (!info.isDirectory() && !info.isFile()) return { ok: false, issues: [fileIssue('not_regular_file', { file: path }, { kind: fileKind(info) }, locale)] };
  if (info.isFile() && info.size > MAX_TEXT_BYTES)
    return { ok: false, issues: [fileIssue('file_too_large', { file: path }, { size: info.size, maximum: MAX_TEXT_BYTES }, locale)] };
  if (info.isDirectory()) {
    // a folder of .parquet tables and no .csv ones is the Parquet form; in a folder of both,
    // the .parquet files are named as not read
    const parquetFiles = await listParquetFiles(path).catch(() => []);
    const parquet = parquetFiles.length > 0 && !(await hasCsv(path));
    const csv = parquet ? await readParquetFolder(path, { locale }) : await readCsvFolder(path, { encoding, locale });
    if (!parquet) for (const file of parquetFiles) csv.issues.push(fileIssue('unexpected_file', { file }, { folder: path }, locale, 'warning'));
    if (csv.input === undefined) return { ok: false, issues: csv.issues };
    return { ok: true, input: csv.input, files: csv.files, issues: csv.issues, origins: csv.origins };
  }
  const extension = extname(path).toLowerCase();
  if (extension !== '.json' && extension !== '.yaml' && extension !== '.yml')
    return { ok: false, issues: [fileIssue('unsupported_format', { file: path }, {}, locale)] };
  const text = await readText(path, encoding, locale);
  if (!text.ok) return { ok: false, issues: [text.issue] };
  if (extension === '.json') {
    const parsed = parseJson(text.text);
    if (!parsed.ok) {
      const { line, column, detail } = parsed.error;
      return {
        ok: false,
        issues: [fileIssue('invalid_json', { file: path, row: line, column }, { detail }, locale, 'error', 'line')],
      };
    }
    // JSON.parse keeps the last of a repeated key: report every one, nothing dropped silently
    const duplicates = findDuplicateKeys(text.text).map(({ key, path: at, line, column }) =>
      fileIssue('duplicate_key', { file: path, row: line, column }, { key, datasetPath: formatPath(at) }, locale, 'error', 'line'),
    );
    if (duplicates.length > 0) return { ok: false, issues: duplicates };
    return { ok: true, input: parsed.value, files: [path], issues: [] };
  }
  const parsed = parseYaml(text.text);
  if (!parsed.ok) {
    return {
      ok: false,
      issues: parsed.errors.map(({ line, column, detail }) =>
        fileIssue('invalid_yaml', { file: path, row: line, column }, { detail }, locale, 'error', 'line'),
      ),
    };
  }
  return { ok: true, input: parsed.value, files: [path], issues: [] };
}

/**
 * Points the issues of a dataset read from a JSON or YAML file at their lines and columns. The
 * file is read again, and only when there are issues: holding a province's text through
 * validation would double the memory a valid load needs.
 */
async function locateInText(path: string, issues: DatasetIssue[], options: LoadOptions): Promise<DatasetIssue[]> {
  if (issues.length === 0) return issues;
  const locale = options.locale ?? 'zh-CN';
  const text = await readText(path, options.encoding ?? 'auto', locale);
  if (!text.ok) return issues;
  const format = extname(path).toLowerCase() === '.json' ? 'json' : 'yaml';
  return relocateTextIssues(issues, path, text.text, format, locale);
}

/**
 * Reads a dataset file or CSV folder into plain input without validating it. Fails only when
 * the input cannot be read as given: a missing or unreadable file, bad encoding, a JSON/YAML/CSV
 * syntax error, or CSV cells the input has no place for (an unknown column where records have
 * no `extra`, a row naming an unknown chain...).
 *
 * @example
 * const read = await readDatasetInput('data/jiuquan.yaml');
 * if (read.success) console.log(Object.keys(read.input as object));
 */
export async function readDatasetInput(path: string, options: LoadOptions = {}): Promise<ReadInputResult> {
  const result = await read(path, options);
  if (!result.ok) return { success: false, issues: result.issues };
  if (result.issues.some((issue) => issue.severity === 'error')) return { success: false, issues: result.issues };
  return { success: true, input: result.input, files: result.files };
}

/**
 * Loads and validates a dataset without throwing. Returns every issue at once: reading
 * problems at `file:line:column`, validation issues of CSV data moved to their cells
 * (`links.csv:5:3`) and of JSON/YAML data to their values (`data.json:12:9`), the dataset path
 * (`links[3].to`) kept in `params.datasetPath`.
 *
 * @example
 * const result = await safeLoadDataset('data/jiuquan', { locale: 'en' });
 * if (!result.success) for (const issue of result.issues) console.log(formatIssue(issue));
 */
export async function safeLoadDataset(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const locale = options.locale ?? 'zh-CN';
  const result = await read(path, options);
  if (!result.ok) return { success: false, issues: result.issues };
  // the input was read here and goes nowhere else: parsing may take its records over
  const parsed = safeParseReadInput(result.input, options);
  const found = parsed.success ? parsed.warnings : parsed.issues;
  const located = result.origins ? relocateIssues(found, result.origins, locale) : await locateInText(path, found, options);
  const issues = [...result.issues, ...located];
  if (parsed.success && !issues.some((issue) => issue.severity === 'error'))
    return { success: true, data: parsed.data, warnings: issues, files: result.files };
  return { success: false, issues };
}

/**
 * Loads and validates a dataset; throws a `DatasetError` carrying every issue.
 *
 * @example
 * const dataset = await loadDataset('seeds/jiuquan.json');
 */
export async function loadDataset(path: string, options: LoadOptions = {}): Promise<Dataset> {
  const result = await safeLoadDataset(path, options);
  if (!result.success) throw new DatasetError(result.issues, options.locale);
  return result.data;
}
