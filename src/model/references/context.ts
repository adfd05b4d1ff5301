/**
 * What every cross-reference check shares: the dataset, where its issues go, and which records
 * failed the shape check (references to those are not reported a second time as unknown).
 */
import { createIssue, type DatasetIssue, type IssueCode, type Locale } from '../issues.js';
import type { CollectionName, Dataset } from '../schema.js';

/** A path into the dataset: collection, record position, field, … */
export type Path = (string | number)[];

/** What failed the shape check: ids of malformed records and `owner/segment` keys of malformed segments. */
export interface Invalid {
  ids: Map<CollectionName, Set<string>>;
  segments: Set<string>;
}

/** The dataset under check and the issues found so far, in the order found. */
export interface ReferenceContext {
  data: Dataset;
  issues: DatasetIssue[];
  /**
   * Adds an issue. `path` may be a scratch array the caller reuses (the per-record loops over
   * enterprises and links): it is copied here, on the rare path that has an issue.
   */
  add: (code: IssueCode, path: Path, params: Record<string, unknown>, severity?: 'error' | 'warning') => void;
  /** Whether a record of that id failed the shape check. */
  invalid: (name: CollectionName, id: string) => boolean;
  /** Whether that segment of that chain failed the shape check. */
  invalidSegment: (chain: string, segment: string) => boolean;
}

/**
 * The context of checking `data`, issues in `locale`.
 *
 * @example
 * const ctx = referenceContext(dataset, { ids: new Map(), segments: new Set() }, 'en');
 * ctx.add('unknown_region', ['meta', 'region'], { id: 'x' }); // ctx.issues.length → 1
 */
export function referenceContext(data: Dataset, invalidRecords: Invalid, locale: Locale): ReferenceContext {
  const issues: DatasetIssue[] = [];
  return {
    data,
    issues,
    add: (code, path, params, severity = 'error') => issues.push(createIssue(code, [...path], params, locale, severity)),
    invalid: (name, id) => invalidRecords.ids.get(name)?.has(id) ?? false,
    invalidSegment: (chain, segment) => invalidRecords.segments.has(`${chain}/${segment}`),
  };
}
