/**
 * Demo: validates every dataset in seeds/ (JSON and YAML files, folders of CSV files) through
 * the same code path as `industrial-chain validate`, one summary line per dataset. Exits 1 when
 * a dataset is invalid or there is none.
 *
 * Usage: npm run demo [-- --locale zh-CN|en]
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isLocale, localeFromEnv } from '../src/cli/locale.js';
import { formatReport, validateDataset } from '../src/cli/validate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seeds = join(root, 'seeds');

const { values } = parseArgs({ options: { locale: { type: 'string' } } });
if (values.locale !== undefined && !isLocale(values.locale)) {
  console.error(`unknown locale ${JSON.stringify(values.locale)} (use zh-CN or en)`);
  process.exit(2);
}
const locale = values.locale ?? localeFromEnv(process.env);

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
    locale === 'en'
      ? `no datasets in ${seeds} (expected .json, .yaml or .yml files, or folders of .csv files)`
      : `${seeds} 中没有数据集（应为 .json、.yaml、.yml 文件或 CSV 文件夹）`,
  );
  process.exit(1);
}

let invalid = 0;
for (const path of datasets) {
  const report = await validateDataset(path, { locale });
  if (!report.valid) invalid++;
  // the summary (or count) line first, then the issues under it
  const lines = formatReport(report, locale);
  const [head, ...rest] = report.valid ? lines : [lines[lines.length - 1]!, ...lines.slice(0, -1)];
  const print = report.valid ? console.log : console.error;
  print(`${relative(root, path)}: ${head}`);
  for (const line of rest) print(`  ${line}`);
}
const total = datasets.length;
console.log(
  locale === 'en'
    ? `${total} dataset${total === 1 ? '' : 's'}: ${total - invalid} valid, ${invalid} invalid`
    : `共 ${total} 个数据集：${total - invalid} 个有效，${invalid} 个无效`,
);
process.exitCode = invalid > 0 ? 1 : 0;
