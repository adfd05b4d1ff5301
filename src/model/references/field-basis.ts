/** `fieldBasis`: the basis of each field of a record, so it may name only fields the record can have. */
import { COLLECTIONS } from '../schema.js';
import type { ReferenceContext } from './context.js';

/**
 * Reports each `fieldBasis` key that is not a field of its record's schema (`unknown_field`).
 *
 * @example
 * checkFieldBasis(ctx); // unknown_field at enterprises[0].fieldBasis.outptu
 */
export function checkFieldBasis(ctx: ReferenceContext): void {
  for (const name of ['regions', 'chains', 'enterprises', 'links', 'projects', 'targets', 'indicators'] as const) {
    const shape = (COLLECTIONS[name] as unknown as { shape: Record<string, unknown> }).shape;
    (ctx.data[name] as { fieldBasis?: Record<string, string> }[]).forEach((record, i) => {
      for (const field of Object.keys(record.fieldBasis ?? {})) {
        if (!(field in shape)) ctx.add('unknown_field', [name, i, 'fieldBasis', field], { keys: [field] });
      }
    });
  }
}
