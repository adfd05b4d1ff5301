/** Sections of a report's data: an analysis' result, or why the data could not support it. */
import type { Reason } from '../../../analysis/scope/index.js';
import { ChainError } from '../../../model/issues.js';
import type { Section } from './types.js';

/**
 * A section the data cannot support, with the reason in both languages.
 *
 * @example
 * unavailable('无数据', 'no data'); // → { available: false, reason: { zh: '无数据', en: 'no data' } }
 */
export function unavailable(zh: string, en: string): { available: false; reason: Reason } {
  return { available: false, reason: { zh, en } };
}

/**
 * Runs an analysis; a ChainError (the data or options do not allow it) becomes an unavailable section.
 *
 * @example
 * attempt(() => scoreCluster(model, { chain: 'wind-power' })); // → { available: true, result } or { available: false, reason }
 */
export function attempt<T>(run: () => T): Section<T> {
  try {
    return { available: true, result: run() };
  } catch (error) {
    if (error instanceof ChainError) return unavailable(`无法计算：${error.message}`, `could not be computed: ${error.message}`);
    throw error;
  }
}
