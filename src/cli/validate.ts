/**
 * `industrial-chain validate <file-or-folder>`: loads a dataset with `safeLoadDataset` and
 * reports it. Loading and formatting are plain functions apart from the command, so the demo
 * script and the tests use the same code path as the command line.
 */
import { safeLoadDataset } from '../io/load.js';
import { formatIssue, resolveChain, templateLookup } from '../index.js';
import type { Dataset, DatasetIssue, Locale } from '../index.js';
import { chooseLocale, parseCliArgs } from './args.js';
import { EXIT, usage, usageError, type CliIo } from './usage.js';

/** How many records a dataset has; `segments` counts the segments of chains resolved against their templates. */
export interface DatasetCounts {
  chains: number;
  segments: number;
  enterprises: number;
  links: number;
  projects: number;
  regions: number;
  templates: number;
  targets: number;
  indicators: number;
  sources: number;
}

/** The outcome of validating one dataset path: JSON-serialisable, printed as is by `--json`. */
export type ValidationReport =
  | {
      valid: true;
      path: string;
      /** The files read. */
      files: string[];
      counts: DatasetCounts;
      errors: 0;
      warnings: number;
      /** The warnings. */
      issues: DatasetIssue[];
    }
  | {
      valid: false;
      path: string;
      errors: number;
      warnings: number;
      /** Every issue, errors first. */
      issues: DatasetIssue[];
    };

/**
 * Counts the records of a parsed dataset, with each chain's segments resolved against the
 * templates it can refer to (its own and the built-in ones).
 *
 * @example
 * countDataset(dataset).segments // → 27
 */
export function countDataset(data: Dataset): DatasetCounts {
  const lookup = templateLookup(data);
  return {
    chains: data.chains.length,
    segments: data.chains.reduce((sum, chain) => sum + resolveChain(chain, lookup).segments.length, 0),
    enterprises: data.enterprises.length,
    links: data.links.length,
    projects: data.projects.length,
    regions: data.regions.length,
    templates: data.templates.length,
    targets: data.targets.length,
    indicators: data.indicators.length,
    sources: data.sources.length,
  };
}

/**
 * Loads and validates the dataset at `path` (a .json/.yaml/.yml file or a folder of .csv files).
 * Never throws for bad input: unreadable and invalid datasets are reported as issues.
 *
 * @example
 * const report = await validateDataset('seeds/jiuquan.json', { locale: 'en' });
 * if (report.valid) console.log(formatSummary(report.counts, 'en'));
 */
export async function validateDataset(path: string, options: { locale?: Locale } = {}): Promise<ValidationReport> {
  const locale = options.locale ?? 'zh-CN';
  const result = await safeLoadDataset(path, { locale });
  if (result.success) {
    return {
      valid: true,
      path,
      files: result.files,
      counts: countDataset(result.data),
      errors: 0,
      warnings: result.warnings.length,
      issues: result.warnings,
    };
  }
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  const warnings = result.issues.filter((issue) => issue.severity !== 'error');
  return { valid: false, path, errors: errors.length, warnings: warnings.length, issues: [...errors, ...warnings] };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The one-line summary of a valid dataset.
 *
 * @example
 * formatSummary(counts, 'en') // → 'valid: 2 chains, 27 segments, 35 enterprises, 8 links, 12 projects'
 * formatSummary(counts, 'zh-CN') // → '有效：2 条产业链、27 个环节、35 家企业、8 条供应关系、12 个项目'
 */
export function formatSummary(counts: DatasetCounts, locale: Locale): string {
  const { chains, segments, enterprises, links, projects } = counts;
  if (locale === 'en')
    return `valid: ${[
      plural(chains, 'chain'),
      plural(segments, 'segment'),
      plural(enterprises, 'enterprise'),
      plural(links, 'link'),
      plural(projects, 'project'),
    ].join(', ')}`;
  return `有效：${chains} 条产业链、${segments} 个环节、${enterprises} 家企业、${links} 条供应关系、${projects} 个项目`;
}

/**
 * The count line of an invalid dataset.
 *
 * @example
 * formatIssueCount(3, 1, 'en') // → 'invalid: 3 errors, 1 warning'
 */
export function formatIssueCount(errors: number, warnings: number, locale: Locale): string {
  if (locale === 'en') return `invalid: ${plural(errors, 'error')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}`;
  return `无效：${errors} 个错误${warnings > 0 ? `、${warnings} 个警告` : ''}`;
}

/** One issue as a line: `path: message`, warnings marked as such. */
export function formatReportIssue(issue: DatasetIssue, locale: Locale): string {
  const line = formatIssue(issue);
  if (issue.severity === 'error') return line;
  return locale === 'en' ? `warning: ${line}` : `警告：${line}`;
}

/**
 * The text of a report: for a valid dataset the summary then its warnings (for stdout); for an
 * invalid one every issue then the count line (for stderr).
 */
export function formatReport(report: ValidationReport, locale: Locale): string[] {
  const issues = report.issues.map((issue) => formatReportIssue(issue, locale));
  if (report.valid) return [formatSummary(report.counts, locale), ...issues];
  return [...issues, formatIssueCount(report.errors, report.warnings, locale)];
}

/**
 * Runs `validate` with its arguments (after the command name). Writes through `io` and returns
 * the exit code: 0 valid, 1 invalid or unreadable, 2 bad usage.
 *
 * @example
 * const code = await runValidate(['seeds/jiuquan.json', '--locale', 'en'], { stdout: console.log, stderr: console.error });
 */
export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? {};
  const parsed = parseCliArgs(args);
  const locale = chooseLocale(args, parsed, env);
  if (!parsed.ok) return usageError(io, locale, parsed.reason[locale]);
  if (parsed.options.help) {
    io.stdout(usage(locale));
    return EXIT.ok;
  }
  const paths = parsed.positionals.map((p) => p.value);
  if (paths.length === 0)
    return usageError(io, locale, locale === 'en' ? 'validate needs a file or folder' : 'validate 需要一个文件或文件夹');
  if (paths.length > 1)
    return usageError(
      io,
      locale,
      locale === 'en' ? `validate takes one file or folder, got ${paths.length}` : `validate 只接受一个文件或文件夹，实际给出 ${paths.length} 个`,
    );
  const report = await validateDataset(paths[0]!, { locale });
  if (parsed.options.json) io.stdout(JSON.stringify(report, null, 2));
  else (report.valid ? io.stdout : io.stderr)(formatReport(report, locale).join('\n'));
  return report.valid ? EXIT.ok : EXIT.invalid;
}
