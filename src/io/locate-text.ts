/**
 * Pointing the validation issues of a dataset read from a JSON or YAML file at the line and
 * column of the offending value (`data.json:12:5`), as issues of CSV data point at their cells.
 * Runs only when there are issues: the text is scanned again (JSON, ./json-locate.ts) or parsed
 * again with node ranges (YAML), once for all issues. An issue about a value that is absent (a
 * missing field) points at the nearest enclosing value that is there (its record).
 */
import YAML, { isNode, LineCounter } from 'yaml';
import type { DatasetIssue, Locale } from '../model/issues.js';
import { lineColumns } from './json.js';
import { locateJsonValues, pathPrefixes } from './json-locate.js';
import { fileIssue } from './locate.js';

const DATASET_PATH = /^(\w+)\[(\d+)\]$/u;

/** The paths an issue may be placed at, best first, and the `first` record it names. */
function wantedOf(issue: DatasetIssue): string[] {
  const paths = pathPrefixes(issue.pathSegments);
  const first = typeof issue.params.first === 'string' && DATASET_PATH.test(issue.params.first) ? [issue.params.first] : [];
  return [...paths, ...first];
}

/** The offset of each wanted path of a YAML text (a range start), parsed again with node ranges. */
function locateYamlValues(text: string, wanted: ReadonlySet<string>, issues: readonly DatasetIssue[]): Map<string, number> {
  const doc = YAML.parseDocument(text, { uniqueKeys: false });
  const found = new Map<string, number>();
  const put = (segments: readonly (string | number)[]) => {
    const key = pathPrefixes(segments)[0]!;
    if (!wanted.has(key) || found.has(key)) return;
    const node: unknown = segments.length === 0 ? doc.contents : doc.getIn(segments, true);
    if (isNode(node) && node.range) found.set(key, node.range[0]);
  };
  for (const issue of issues) {
    for (let n = issue.pathSegments.length; n >= 0; n--) put(issue.pathSegments.slice(0, n));
    const first = typeof issue.params.first === 'string' ? DATASET_PATH.exec(issue.params.first) : null;
    if (first) put([first[1]!, Number(first[2])]);
  }
  return found;
}

/**
 * Rewrites validation issues of a dataset read from a JSON or YAML text so that each points at
 * its value: path `file:line:column`, the dataset path kept in `params.datasetPath`, and a
 * `first` param naming a record (`enterprises[0]`) rewritten to its line (the dataset path kept
 * in `params.firstDatasetPath`). Issues with an empty path (the root) are left as they are.
 *
 * @example
 * relocateTextIssues(issues, 'data.json', text, 'json', 'zh-CN')[0].path // → 'data.json:12:5'
 */
export function relocateTextIssues(
  issues: readonly DatasetIssue[],
  file: string,
  text: string,
  format: 'json' | 'yaml',
  locale: Locale,
): DatasetIssue[] {
  if (issues.length === 0) return [];
  const wanted = new Set(issues.flatMap(wantedOf));
  const offsets = format === 'json' ? locateJsonValues(text, wanted) : locateYamlValues(text, wanted, issues);
  const positions = lineColumns(text, offsets.values());
  const at = (path: string) => {
    const offset = offsets.get(path);
    return offset === undefined ? undefined : positions.get(offset);
  };
  return issues.map((issue) => {
    if (issue.pathSegments.length === 0) return issue;
    const where = pathPrefixes(issue.pathSegments).map(at).find((p) => p !== undefined);
    if (!where) return issue;
    const params: Record<string, unknown> = { ...issue.params, datasetPath: issue.path };
    const first = typeof params.first === 'string' ? at(params.first) : undefined;
    if (first) {
      params.firstDatasetPath = params.first;
      params.first = `${file}:${first.line}:${first.column}`;
    }
    return fileIssue(issue.code, { file, row: where.line, column: where.column }, params, locale, issue.severity, 'line');
  });
}
