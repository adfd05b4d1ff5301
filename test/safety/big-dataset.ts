/**
 * A dataset large enough that saving it takes a while (a few MB), in two variants that differ in
 * every enterprise, for the kill-during-save test (./save-kill.test.ts and ./save-loop.ts).
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/index.js';
import { fileURLToPath } from 'node:url';

/** The basic fixture with `firms` more enterprises, each with a long note naming the variant. */
export function bigDataset(variant: 'A' | 'B', firms = 4000): Dataset {
  const basic = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/io/basic.json', import.meta.url)), 'utf8')) as Dataset;
  const template = basic.enterprises[0]!;
  for (let i = 0; i < firms; i++)
    basic.enterprises.push({ ...template, id: `${variant}-${i}`, name: `${variant} 企业 ${i}`, role: undefined as never, note: `${variant}${i} `.repeat(60).trim() });
  for (const e of basic.enterprises) if (e.role === undefined) delete (e as { role?: unknown }).role;
  basic.meta = { ...basic.meta, name: `${basic.meta.name} ${variant}` };
  return basic;
}
