/**
 * Citations: every `sources` list anywhere below the top-level collections names a known
 * source, and a fact whose basis is "cited" has a citation of its own or one from the record
 * it belongs to.
 */
import type { Path, ReferenceContext } from './context.js';
import type { KnownIds } from './ids.js';

/** Keys whose values hold no fact with a basis of its own. */
const BASIS_OWNER_SKIP = new Set(['extra', 'fieldBasis']);

/**
 * Walks regions, templates, chains, enterprises, links, projects, targets and indicators in
 * that order, reporting unknown sources and cited facts without a citation.
 *
 * @example
 * checkCitations(ctx, known); // unknown_source at links[4].sources[0].source, …
 */
export function checkCitations(ctx: ReferenceContext, known: KnownIds): void {
  const { add, invalid } = ctx;
  // `path` is a stack, pushed and popped in place (copied by `add`): this visits every object
  // below a million links
  const path: Path = [];
  const walk = (value: unknown, cited: boolean) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], cited);
        path.pop();
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const citations = record.sources as { source: string }[] | undefined;
    if (citations) {
      for (let j = 0; j < citations.length; j++) {
        const c = citations[j]!;
        if (!known.sources.has(c.source) && !invalid('sources', c.source)) {
          path.push('sources', j, 'source');
          add('unknown_source', path, { id: c.source });
          path.length -= 3;
        }
      }
    }
    const hasCitation = cited || (citations !== undefined && citations.length > 0);
    if (record.basis === 'cited' && !hasCitation) {
      path.push('basis');
      add('citation_missing', path, {});
      path.pop();
    }
    // for-in: no key array per object; parsed records are plain objects
    for (const key in record) {
      if (key === 'sources' || BASIS_OWNER_SKIP.has(key)) continue;
      const child = record[key];
      if (child !== null && typeof child === 'object') {
        path.push(key);
        walk(child, hasCitation);
        path.pop();
      }
    }
  };
  for (const name of ['regions', 'templates', 'chains', 'enterprises', 'links', 'projects', 'targets', 'indicators'] as const) {
    path.push(name);
    walk(ctx.data[name], false);
    path.pop();
  }
}
