import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charWidth, textWidth, truncateText, wrapText } from '../../src/render/text.js';

describe('textWidth', () => {
  it('counts Chinese characters and full-width punctuation at 1 em', () => {
    expect(textWidth('风电叶片', 12)).toBe(48);
    expect(textWidth('（在建）', 10)).toBe(40);
    expect(textWidth('、。', 1)).toBe(2);
  });

  it('counts latin letters, digits and spaces narrower', () => {
    // P A C K 0.68 each = 2.72; space 0.3; 4 0.56; G 0.68, W 0.9, h 0.55 = 2.13 → 5.71 em
    expect(textWidth('PACK 4GWh', 10)).toBeCloseTo(57.1, 10);
    expect(charWidth('i')).toBe(0.28);
    expect(charWidth('m')).toBe(0.85);
    expect(charWidth('7')).toBe(0.56);
  });

  it('counts symbols such as ★ and … at 1 em and pinyin tone marks at 0.6', () => {
    expect(textWidth('★…', 1)).toBe(2);
    // q, n, g 0.55; i 0.28; á 0.6
    expect(textWidth('qiáng', 1)).toBeCloseTo(0.55 * 3 + 0.28 + 0.6, 10);
  });
});

describe('truncateText', () => {
  it('keeps text that fits', () => {
    expect(truncateText('九鼎风电叶片', 72, 12)).toBe('九鼎风电叶片');
  });

  it('cuts with an ellipsis so that the result fits', () => {
    // 7 characters (84 px) + … (12 px) = 96 ≤ 100; 8 would be 108
    expect(truncateText('甘肃省云风智慧风电设备有限公司', 100, 12)).toBe('甘肃省云风智慧…');
    expect(textWidth(truncateText('Northwest Renewable Energy', 80, 12), 12)).toBeLessThanOrEqual(80);
  });
});

describe('wrapText', () => {
  it('breaks between Chinese characters', () => {
    expect(wrapText('换热及蒸汽发生系统', 60, 12, 2)).toEqual(['换热及蒸汽', '发生系统']);
  });

  it('ends the last allowed line with an ellipsis when text remains', () => {
    expect(wrapText('换热及蒸汽发生系统', 60, 12, 1)).toEqual(['换热及蒸…']);
  });

  it('breaks latin text at spaces and keeps the space in a cut last line', () => {
    // Acme 26.3 + space 3 + Wind 22.8 = 52.1 ≤ 60; + Power (29.9) would be 85
    expect(wrapText('Acme Wind Power Co', 60, 10)).toEqual(['Acme Wind', 'Power Co']);
    const [, last] = wrapText('Northwest Renewable Energy Equipment Manufacturing', 110, 10, 2);
    expect(last).toMatch(/^Energy Equipment /u);
    expect(last!.endsWith('…')).toBe(true);
  });

  it('never starts a line with closing punctuation', () => {
    expect(wrapText('风电，叶片', 24, 12)).toEqual(['风', '电，', '叶片']);
  });

  it('cuts a word longer than a line', () => {
    const lines = wrapText('Supercalifragilistic', 40, 10);
    expect(lines.join('')).toBe('Supercalifragilistic');
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(40);
  });

  it('gives lines that fit and keep the text (property)', () => {
    const text = fc.array(fc.constantFrom('风', '电', '叶', '片', 'A', 'b', '1', ' ', '，', 'W', 'i', '（', '）'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 24, max: 200 }), fc.integer({ min: 1, max: 6 }), (t, width, maxLines) => {
        const lines = wrapText(t, width, 12, maxLines);
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(width + 1e-9);
        const cut = lines.length > 0 && lines[lines.length - 1]!.endsWith('…') && !t.endsWith('…');
        if (!cut) expect(lines.join('').replace(/\s/gu, '')).toBe(t.replace(/\s/gu, ''));
      }),
    );
  });
});
