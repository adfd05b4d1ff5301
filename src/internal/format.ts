/**
 * Number formatting for the Chinese and English reasons of findings.
 */

/** Rounds to at most `digits` decimals, dropping trailing zeros. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `3.5亿元` / `CNY 350m` style money in 亿元. */
export function formatYi(value: number, locale: 'zh' | 'en'): string {
  if (locale === 'zh') return `${round(value)}亿元`;
  return `${round(value)} 亿元 (CNY ${round(value * 100, 0).toLocaleString('en-US')}m)`;
}

/** A share in [0, 1] as a percentage: `42.5%`. */
export function formatShare(value: number): string {
  return `${round(value * 100, 1)}%`;
}
