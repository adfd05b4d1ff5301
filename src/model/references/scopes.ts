/** Targets and indicators: the region and chain of their scope. */
import type { ReferenceContext } from './context.js';
import type { Lookups } from './lookups.js';

/**
 * Checks the scope of every target, then of every indicator.
 *
 * @example
 * checkScopes(ctx, refs); // unknown_chain at targets[2].scope.chain, …
 */
export function checkScopes(ctx: ReferenceContext, refs: Lookups): void {
  for (const name of ['targets', 'indicators'] as const) {
    ctx.data[name].forEach((t, i) => {
      refs.region(t.scope.region, [name, i, 'scope', 'region']);
      refs.chain(t.scope.chain, [name, i, 'scope', 'chain']);
    });
  }
}
