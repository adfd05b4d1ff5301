/**
 * Capacity valued at a unit price: operating firms with no reported output but a capacity
 * (capacity × unit price × utilisation), and projects with no expected output. Units convert
 * within energy (GWh, MWh, kWh) and power (GW, MW, kW, 万千瓦); the first price whose keywords
 * match the product applies, else the first without keywords.
 */
import type { UnitPrice } from './types.js';

const UNIT_SCALE: Record<string, [string, number]> = {
  gwh: ['GWh', 1],
  mwh: ['GWh', 1e-3],
  kwh: ['GWh', 1e-6],
  吉瓦时: ['GWh', 1],
  兆瓦时: ['GWh', 1e-3],
  gw: ['GW', 1],
  mw: ['GW', 1e-3],
  kw: ['GW', 1e-6],
  吉瓦: ['GW', 1],
  兆瓦: ['GW', 1e-3],
  千瓦: ['GW', 1e-6],
  万千瓦: ['GW', 1e-2],
};

/** A unit in its base unit and the factor to it. */
function baseUnit(unit: string): [string, number] {
  const key = unit.trim().toLowerCase();
  return UNIT_SCALE[key] ?? [key, 1];
}

export interface PriceMatch {
  price: UnitPrice;
  /** 亿元 for the capacity's value. */
  value: number;
}

/**
 * The value of a capacity, 亿元, at the first matching unit price; undefined when none matches.
 *
 * @example
 * priceCapacity(4, 'GWh', '储能系统', DEFAULT_OUTPUT_ASSUMPTIONS.prices)?.value; // 30 (7.5 亿元 per GWh)
 */
export function priceCapacity(value: number, unit: string, text: string, prices: readonly UnitPrice[]): PriceMatch | undefined {
  const [base, factor] = baseUnit(unit);
  const lower = text.toLowerCase();
  let generic: UnitPrice | undefined;
  for (const p of prices) {
    const [pBase, pFactor] = baseUnit(p.unit);
    if (pBase !== base) continue;
    const perBase = p.price / pFactor;
    if (p.products === undefined || p.products.length === 0) {
      generic ??= p;
      continue;
    }
    if (p.products.some((k) => lower.includes(k.toLowerCase()))) return { price: p, value: value * factor * perBase };
  }
  if (generic) return { price: generic, value: (value * factor * generic.price) / baseUnit(generic.unit)[1] };
  return undefined;
}

