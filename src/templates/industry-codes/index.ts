/**
 * Industry codes: names of GB/T 4754-2017 国民经济行业分类 codes at every level, and the
 * template segments a class code points to (how a registry export's 国标行业 column is joined
 * to chain segments).
 */
import type { ChainTemplate } from '../../model/schema.js';
import { chainTemplates } from '../index.js';
import { GBT4754_CLASSES, GBT4754_DIVISIONS, GBT4754_GROUPS, GBT4754_SECTIONS } from './gbt4754.js';

const names = new Map<string, string>();
for (const table of [GBT4754_SECTIONS, GBT4754_DIVISIONS, GBT4754_GROUPS, GBT4754_CLASSES]) {
  for (const [code, name] of table) names.set(code, name);
}

/** A code as the table keys it: trimmed, and without the section letter registry exports prefix (`C3612` → `3612`). */
function bareCode(code: string): string {
  const trimmed = code.trim().toUpperCase();
  return /^[A-T]\d{2,4}$/u.test(trimmed) ? trimmed.slice(1) : trimmed;
}

/**
 * The Chinese name of a GB/T 4754-2017 code at any level: a section letter (`C`), a division
 * (`36`), a group (`361`) or a class (`3612`); a class may carry its section letter (`C3612`),
 * as business-registry exports write it.
 *
 * @param code - the code
 * @returns its name, or `undefined` when the table has no such code
 *
 * @example
 * industryCodeName('3415'); // '风能原动设备制造'
 * industryCodeName('C3612'); // '新能源车整车制造'
 * industryCodeName('38'); // '电气机械和器材制造业'
 * industryCodeName('3999'); // undefined
 */
export function industryCodeName(code: string): string | undefined {
  return names.get(bareCode(code));
}

/**
 * Whether a code is a GB/T 4754-2017 class (小类, four digits) of the table.
 *
 * @example
 * isIndustryClass('3841'); // true
 * isIndustryClass('384'); // false: a group
 * isIndustryClass('3848'); // false: no such class
 */
export function isIndustryClass(code: string): boolean {
  return /^\d{4}$/u.test(code) && names.has(code);
}

/** A template segment a code points to. */
export interface SegmentForCode {
  template: string;
  segment: string;
  /** The segment's class codes that fall under the code asked for. */
  codes: string[];
}

/**
 * The template segments whose `industryCodes` fall under a GB/T 4754-2017 code: a class
 * (`3841`) matches the segments that list it, a group, division or section matches the
 * segments listing any class under it. In template order, then segment order; one firm's
 * registered class usually has several candidate segments, which name matching narrows.
 *
 * @param code - a class, group, division or section code (a class may carry its section letter)
 * @param templates - the templates to search; default the built-in ones
 * @returns the candidate segments, empty when none lists the code
 *
 * @example
 * segmentsForIndustryCode('3841').map((s) => `${s.template}/${s.segment}`);
 * // ['energy-storage/cells', 'energy-storage/pack', 'energy-storage/bms', 'energy-storage/system-integration',
 * //  'new-energy-vehicle/power-battery', 'copper-materials/nev-batteries']
 * segmentsForIndustryCode('C3415')[0]; // { template: 'wind-power', segment: 'blades', codes: ['3415'] }
 */
export function segmentsForIndustryCode(
  code: string,
  templates: readonly ChainTemplate[] = chainTemplates,
): SegmentForCode[] {
  const bare = bareCode(code);
  const section = /^[A-T]$/u.test(bare) ? bare : undefined;
  const divisions = section
    ? new Set(GBT4754_DIVISIONS.filter(([, , s]) => s === section).map(([d]) => d))
    : undefined;
  const under = (c: string) => (divisions ? divisions.has(c.slice(0, 2)) : c.startsWith(bare));
  if (bare === '' || !names.has(bare)) return [];
  const found: SegmentForCode[] = [];
  for (const template of templates) {
    for (const segment of template.segments) {
      const codes = (segment.industryCodes ?? []).filter(under);
      if (codes.length > 0) found.push({ template: template.id, segment: segment.id, codes });
    }
  }
  return found;
}
