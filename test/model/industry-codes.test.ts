import { describe, expect, it } from 'vitest';
import { safeParseDataset } from '../../src/model/parse.js';
import {
  GBT4754_CLASSES,
  GBT4754_DIVISIONS,
  GBT4754_GROUPS,
  GBT4754_SECTIONS,
} from '../../src/templates/industry-codes/gbt4754.js';
import { industryCodeName, isIndustryClass } from '../../src/templates/industry-codes/index.js';

describe('GB/T 4754-2017 table', () => {
  it('has 20 sections, 97 divisions, 473 groups and 1381 classes with unique codes', () => {
    expect([GBT4754_SECTIONS, GBT4754_DIVISIONS, GBT4754_GROUPS, GBT4754_CLASSES].map((t) => t.length)).toEqual([
      20, 97, 473, 1381,
    ]);
    const all = [...GBT4754_SECTIONS, ...GBT4754_DIVISIONS, ...GBT4754_GROUPS, ...GBT4754_CLASSES].map(([c]) => c);
    expect(new Set(all).size).toBe(all.length);
  });

  it('nests every class in a group, every group in a division, every division in a section', () => {
    const groups = new Set(GBT4754_GROUPS.map(([c]) => c));
    const divisions = new Set(GBT4754_DIVISIONS.map(([c]) => c));
    const sections = new Set(GBT4754_SECTIONS.map(([c]) => c));
    for (const [code] of GBT4754_CLASSES) expect(groups.has(code.slice(0, 3)), code).toBe(true);
    for (const [code] of GBT4754_GROUPS) expect(divisions.has(code.slice(0, 2)), code).toBe(true);
    for (const [code, , section] of GBT4754_DIVISIONS) expect(sections.has(section), code).toBe(true);
    // every group has at least one class
    const classGroups = new Set(GBT4754_CLASSES.map(([c]) => c.slice(0, 3)));
    expect([...groups].filter((g) => !classGroups.has(g))).toEqual([]);
  });

  it('names codes at every level, with or without the section letter', () => {
    expect(industryCodeName('C')).toBe('制造业');
    expect(industryCodeName('38')).toBe('电气机械和器材制造业');
    expect(industryCodeName('384')).toBe('电池制造');
    expect(industryCodeName('3841')).toBe('锂离子电池制造');
    expect(industryCodeName('C3612')).toBe('新能源车整车制造');
    expect(industryCodeName('3415')).toBe('风能原动设备制造');
    expect(industryCodeName('3825')).toBe('光伏设备及元器件制造');
    expect(industryCodeName('3620')).toBe('汽车用发动机制造');
    expect(industryCodeName('3848')).toBeUndefined();
    expect(isIndustryClass('3841')).toBe(true);
    expect(isIndustryClass('384')).toBe(false);
    expect(isIndustryClass('C3841')).toBe(false);
  });
});

describe('industry codes in a dataset', () => {
  const dataset = (codes: unknown[]) => ({
    meta: { id: 't', name: 't' },
    regions: [],
    chains: [
      { id: 'c', name: 'c', segments: [{ id: 's', name: '环节', stage: 'midstream', industryCodes: codes }] },
    ],
  });

  it('accepts GB/T 4754-2017 classes', () => {
    expect(safeParseDataset(dataset(['3841', '3415'])).success).toBe(true);
  });

  it('reports a four-digit code that is not a class, with its path', () => {
    const result = safeParseDataset(dataset(['3841', '3848']), { locale: 'en' });
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['unknown_industry_code', 'chains[0].segments[0].industryCodes[1]', 'unknown GB/T 4754-2017 industry class "3848"'],
    ]);
  });

  it('reports a code that is not four digits as a format issue', () => {
    const result = safeParseDataset(dataset(['C3841']), { locale: 'en' });
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_format', 'chains[0].segments[0].industryCodes[0]'],
    ]);
  });

  it('reports an unknown class in a dataset that has other shape issues too', () => {
    const input = { ...dataset(['9999']), enterprises: [{ id: 'e', name: 'e' }] };
    const result = safeParseDataset(input, { locale: 'en' });
    expect(result.success ? [] : result.issues.map((i) => i.code).sort()).toEqual(['missing_field', 'unknown_industry_code']);
  });
});
