/**
 * `industrial-chain report <dataset> [--chain ID] [--region ID] [--format md|html|json]
 * [--out FILE] [--runs N] [--seed N] [--list-limit N|all] [--resilience-limit N|all] [--locale zh-CN|en]`: loads a dataset, runs every analysis
 * and writes the report (renderReport) to a file or stdout. Progress goes to `io.progress`, which
 * the executable sets only when stderr is a terminal; otherwise the command is quiet. Unknown
 * chain or region ids are reported with the valid ones (exit 1), never with a stack trace.
 */
import { extname } from 'node:path';
import { buildModel } from '../graph/model.js';
import { sameFileAs, writeFileAtomic } from '../io/atomic.js';
import { safeLoadDataset } from '../io/load.js';
import { ChainError, type Locale } from '../model/issues.js';
import { jsonChunks } from '../internal/json-chunks.js';
// the CLI bundle is separate from the main entry: it may load the reference directory's data
import * as reference from '../reference/index.js';
import { renderReport, type ReportFormat } from '../render/report/index.js';
import { buildReport, DEFAULT_REPORT_RUNS, type ReportProgress } from '../render/report/data/index.js';
import { chooseLocale, parseCliArgs, REPORT_OPTIONS } from './args.js';
import { EXIT, firstLine, usage, usageError, type CliIo } from './usage.js';
import { formatReportIssue } from './validate.js';

const FORMATS: readonly ReportFormat[] = ['md', 'html', 'json'];
/** The most Monte Carlo runs `--runs` takes: beyond, a report would run for hours. */
const MAX_RUNS = 1_000_000;

/**
 * The format a file name implies: .html/.htm, .md/.markdown, .json; undefined for others.
 *
 * @example
 * formatOfPath('reports/jiuquan.html'); // → 'html'
 */
export function formatOfPath(path: string): ReportFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.json') return 'json';
  return undefined;
}

/** `a（名称）, b（名称）`: ids with their names, for error messages. */
function integer(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^-?\d+$/u.test(value.trim()) ? Number(value) : null;
}

/**
 * The one-line progress text of a report step.
 *
 * @example
 * formatProgress({ done: 3, total: 64, chain: 'wind-power', step: 'output', label: { zh: '风电：产值测算', en: 'wind: output' } }, 'en'); // → '[4/64] wind: output'
 */
export function formatProgress(progress: ReportProgress, locale: Locale): string {
  return `[${progress.done + 1}/${progress.total}] ${locale === 'en' ? progress.label.en : progress.label.zh}`;
}

/** Pieces of text joined into strings of about 1 MB (fewer writes). */
function* batches(pieces: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    parts.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

/** The number options of `report` checked: runs, seed and the list limits, or the message of the first bad one. */
type NumberOptions =
  | { ok: true; runs: number | undefined; seed: number | undefined; limits: { listLimit?: number; resilienceLimit?: number } }
  | { ok: false; message: string };

function numberOptions(values: Record<string, string | undefined>, en: boolean): NumberOptions {
  const runs = integer(values.runs);
  if (runs === null || (runs !== undefined && (runs < 1 || runs > MAX_RUNS)))
    return {
      ok: false,
      message: en
        ? `--runs must be a whole number from 1 to ${MAX_RUNS}, got ${JSON.stringify(values.runs)}`
        : `--runs 应为 1 到 ${MAX_RUNS} 之间的整数，实际为 ${JSON.stringify(values.runs)}`,
    };
  const seed = integer(values.seed);
  if (seed === null || (seed !== undefined && !Number.isSafeInteger(seed)))
    return {
      ok: false,
      message: en
        ? `--seed must be an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, got ${JSON.stringify(values.seed)}`
        : `--seed 应为 ${Number.MIN_SAFE_INTEGER} 到 ${Number.MAX_SAFE_INTEGER} 之间的整数，实际为 ${JSON.stringify(values.seed)}`,
    };
  const limits: { listLimit?: number; resilienceLimit?: number } = {};
  for (const [flag, key] of [
    ['list-limit', 'listLimit'],
    ['resilience-limit', 'resilienceLimit'],
  ] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = raw.trim() === 'all' ? Infinity : integer(raw);
    if (n === null || n === undefined || n < 1)
      return { ok: false, message: en ? `--${flag} must be a whole number ≥ 1 or all, got ${JSON.stringify(raw)}` : `--${flag} 应为不小于 1 的整数或 all，实际为 ${JSON.stringify(raw)}` };
    limits[key] = n;
  }
  return { ok: true, runs, seed, limits };
}

/**
 * Runs `report` with its arguments (after the command name). Writes the report to `--out` or
 * stdout and returns the exit code: 0 written, 1 invalid or unreadable dataset or unknown chain
 * or region, 2 bad usage.
 *
 * @example
 * const code = await runReport(['seeds/jiuquan.json', '--format', 'html', '--out', 'reports/jiuquan.html'], { stdout: console.log, stderr: console.error });
 */
export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? {};
  const parsed = parseCliArgs(args, REPORT_OPTIONS);
  const locale = chooseLocale(args, parsed, env);
  const en = locale === 'en';
  if (!parsed.ok) return usageError(io, locale, parsed.reason[locale]);
  if (parsed.options.help) {
    io.stdout(usage(locale));
    return EXIT.ok;
  }
  const paths = parsed.positionals.map((p) => p.value);
  if (paths.length === 0) return usageError(io, locale, en ? 'report needs a dataset file or folder' : 'report 需要一个数据集文件或文件夹');
  if (paths.length > 1)
    return usageError(io, locale, en ? `report takes one dataset, got ${paths.length}` : `report 只接受一个数据集，实际给出 ${paths.length} 个`);
  const { chain, region, out } = parsed.values;

  // format: --format, else --json, else the --out extension, else Markdown
  const given = parsed.values.format;
  if (given !== undefined && !(FORMATS as readonly string[]).includes(given))
    return usageError(io, locale, en ? `unknown format ${JSON.stringify(given)} (use md, html or json)` : `未知格式 ${JSON.stringify(given)}（可选 md、html、json）`);
  if (given !== undefined && given !== 'json' && parsed.options.json)
    return usageError(io, locale, en ? `--json contradicts --format ${given}` : `--json 与 --format ${given} 冲突`);
  const format: ReportFormat = (given as ReportFormat | undefined) ?? (parsed.options.json ? 'json' : out === undefined ? undefined : formatOfPath(out)) ?? 'md';

  const numbers = numberOptions(parsed.values, en);
  if (!numbers.ok) return usageError(io, locale, numbers.message);
  const { runs, seed, limits } = numbers;

  const loaded = await safeLoadDataset(paths[0]!, { locale });
  if (!loaded.success) {
    const lines = loaded.issues.map((issue) => formatReportIssue(issue, locale));
    io.stderr(
      [...lines, en ? `industrial-chain: cannot report on ${paths[0]}: the dataset is invalid or unreadable` : `industrial-chain: 无法为 ${paths[0]} 生成报告：数据集无效或无法读取`].join('\n'),
    );
    return EXIT.invalid;
  }
  const clash = out === undefined ? undefined : await sameFileAs(out, [paths[0]!, ...loaded.files]);
  if (clash !== undefined) {
    io.stderr(
      en
        ? `industrial-chain: refusing to write the report to ${out}: it is the input ${clash}, which would be lost`
        : `industrial-chain: 拒绝将报告写入 ${out}：它就是输入文件 ${clash}，写入会使其丢失`,
    );
    return EXIT.invalid;
  }
  const model = buildModel(loaded.data);

  // JSON is written in pieces: a province's report may not fit in one string
  let pieces: Iterable<string>;
  try {
    // chains and regions may be given by id, name or alias: the library resolves them, and says
    // in the locale which ones there are when it cannot
    const options = {
      locale,
      ...(chain === undefined ? {} : { chain }),
      ...(region === undefined ? {} : { region }),
      runs: runs ?? DEFAULT_REPORT_RUNS,
      ...(seed === undefined ? {} : { seed }),
      ...limits,
      // the recruitment list names the directory's firms of each gap segment
      reference,
      ...(io.progress ? { onProgress: (p: ReportProgress) => io.progress!(formatProgress(p, locale)) } : {}),
    };
    pieces = format === 'json' ? jsonChunks(buildReport(model, options), 2) : [renderReport(model, { ...options, format }).replace(/\n$/u, '')];
  } catch (error) {
    io.progress?.('');
    if (!(error instanceof ChainError)) throw error;
    // a dataset without meta.region and several root regions: the scope must be given
    const giveRegion = error.code === 'invalid_argument' && region === undefined;
    io.stderr(`industrial-chain: ${firstLine(error)}${giveRegion ? (en ? ' (give --region)' : '（请用 --region 指定地区）') : ''}`);
    return EXIT.invalid;
  }
  io.progress?.('');
  if (out === undefined) {
    if (io.write) {
      for (const piece of batches(pieces)) io.write(piece);
      io.write('\n');
    } else io.stdout([...pieces].join(''));
    return EXIT.ok;
  }
  try {
    // atomic: an interrupted run leaves the previous report whole
    await writeFileAtomic(
      out,
      (function* () {
        yield* batches(pieces);
        yield '\n';
      })(),
    );
  } catch (error) {
    io.stderr(en ? `industrial-chain: cannot write ${out}: ${firstLine(error)}` : `industrial-chain: 无法写入 ${out}：${firstLine(error)}`);
    return EXIT.invalid;
  }
  io.progress?.(en ? `wrote ${out}\n` : `已写入 ${out}\n`);
  return EXIT.ok;
}
