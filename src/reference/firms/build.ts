/**
 * Small constructors that keep the firm tables readable: every entry is inferred from public
 * knowledge, so `basis` is filled here, and `asOf` defaults to 2024 (the year the tables
 * describe) unless an entry says otherwise.
 */
import type { Listing, ReferenceFirm, SegmentRef } from '../types.js';

/** A firm entry without its provenance fields, which {@link firm} fills. */
export type FirmInput = Omit<ReferenceFirm, 'basis' | 'asOf'> & { asOf?: number };

/**
 * Completes a firm entry with `basis: 'inferred'` and `asOf` (2024 unless given).
 *
 * @example
 * firm({ id: 'x', name: 'X有限公司', shortNames: ['X'], province: '江苏省', city: '无锡市', segments: at('wind-power', 'tower'), products: ['塔筒'], tags: [], note: '' });
 */
export function firm(input: FirmInput): ReferenceFirm {
  const { asOf = 2024, ...rest } = input;
  return { ...rest, basis: 'inferred', asOf };
}

/**
 * Segment references of one template.
 *
 * @example
 * at('wind-power', 'bearings', 'gearbox'); // [{ template: 'wind-power', segment: 'bearings' }, { template: 'wind-power', segment: 'gearbox' }]
 */
export function at(template: string, ...segments: string[]): SegmentRef[] {
  return segments.map((segment) => ({ template, segment }));
}

/** @example sse('600019'); // { exchange: 'SSE', code: '600019' } */
export const sse = (code: string): Listing => ({ exchange: 'SSE', code });
/** @example szse('300750'); // { exchange: 'SZSE', code: '300750' } */
export const szse = (code: string): Listing => ({ exchange: 'SZSE', code });
/** @example hkex('01211'); // { exchange: 'HKEX', code: '01211' } */
export const hkex = (code: string): Listing => ({ exchange: 'HKEX', code });
/** @example bse('835185'); // { exchange: 'BSE', code: '835185' } */
export const bse = (code: string): Listing => ({ exchange: 'BSE', code });
