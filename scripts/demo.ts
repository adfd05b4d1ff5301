/**
 * Demo: writes the report (chain maps and lists) of every dataset in seeds/ — JSON and YAML
 * files, folders of CSV files — into reports/ as HTML, Markdown and JSON, and prints where they
 * are. The analyses run once per dataset; the three files are formats of the same report. Exits 1
 * when a dataset is invalid or there is none.
 *
 * Usage: npm run demo [-- --locale zh-CN|en] [-- --runs 2000]
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isLocale, localeFromEnv } from '../src/cli/locale.js';
import { formatReportIssue } from '../src/cli/validate.js';
import { buildModel } from '../src/graph/model.js';
import { writeFileAtomic } from '../src/io/atomic.js';
import { safeLoadDataset } from '../src/io/load.js';
import { toHtml, toMarkdown } from '../src/render/document.js';
import { buildReport, DEFAULT_REPORT_RUNS } from '../src/render/report/data/index.js';
import { reportDocument } from '../src/render/report/index.js';
// the reference directory of real firms, as the CLI's report passes it: recruits name real firms
import * as reference from '../src/reference/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seeds = join(root, 'seeds');
const reports = join(root, 'reports');

const { values } = parseArgs({ options: { locale: { type: 'string' }, runs: { type: 'string' } } });
if (values.locale !== undefined && !isLocale(values.locale)) {
  console.error(`unknown locale ${JSON.stringify(values.locale)} (use zh-CN or en)`);
  process.exit(2);
}
const locale = values.locale ?? localeFromEnv(process.env);
const runs = values.runs === undefined ? DEFAULT_REPORT_RUNS : Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number ≥ 1, got ${JSON.stringify(values.runs)}`);
  process.exit(2);
}
const en = locale === 'en';

/** The datasets in a folder: .json/.yaml/.yml files and sub-folders holding .csv files. */
function findDatasets(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith('.'))
    .map((name) => join(dir, name))
    .filter((path) => {
      if (statSync(path).isDirectory()) return readdirSync(path).some((name) => name.toLowerCase().endsWith('.csv'));
      return /\.(json|ya?ml)$/iu.test(path);
    });
}

const datasets = findDatasets(seeds);
if (datasets.length === 0) {
  console.error(
    en
      ? `no datasets in ${seeds} (expected .json, .yaml or .yml files, or folders of .csv files)`
      : `${seeds} 中没有数据集（应为 .json、.yaml、.yml 文件或 CSV 文件夹）`,
  );
  process.exit(1);
}

mkdirSync(reports, { recursive: true });
let invalid = 0;
for (const path of datasets) {
  const start = performance.now();
  const loaded = await safeLoadDataset(path, { locale });
  if (!loaded.success) {
    invalid++;
    console.error(`${relative(root, path)}: ${en ? 'invalid, no report' : '数据集无效，未生成报告'}`);
    for (const issue of loaded.issues) console.error(`  ${formatReportIssue(issue, locale)}`);
    continue;
  }
  const model = buildModel(loaded.data);
  const data = buildReport(model, { locale, runs, reference });
  const doc = reportDocument(model, data);
  const name = basename(path, extname(path));
  const files: [string, string][] = [
    [`${name}.html`, toHtml(doc)],
    [`${name}.md`, toMarkdown(doc)],
    [`${name}.json`, `${JSON.stringify(data, null, 2)}\n`],
  ];
  // atomic, so an interrupted demo never leaves a truncated report
  for (const [file, text] of files) await writeFileAtomic(join(reports, file), text);
  const chains = data.chains.length;
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const where = files.map(([file]) => relative(root, join(reports, file))).join(', ');
  console.log(
    en
      ? `${relative(root, path)} → ${where} (${chains} chain${chains === 1 ? '' : 's'}, ${seconds} s)`
      : `${relative(root, path)} → ${where}（${chains} 条产业链，${seconds} 秒）`,
  );
}
const total = datasets.length;
console.log(
  en
    ? `${total - invalid} of ${total} report${total === 1 ? '' : 's'} written to ${relative(root, reports)}/ (open the .html files in a browser)`
    : `已将 ${total - invalid}/${total} 份报告写入 ${relative(root, reports)}/（用浏览器打开 .html 文件）`,
);
process.exitCode = invalid > 0 ? 1 : 0;
