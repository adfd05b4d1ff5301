/**
 * Hostile text for the safety tests: names that would run script, open tags or fill templates
 * if any output took them as code, and a valid dataset carrying them in every user-named place.
 */
import type { DatasetInput } from '../../src/model/schema.js';
import { validDataset } from '../cli/fixtures.js';

/** Each pushes its name into `window.__pwned` if it ever runs. */
export const HOSTILE_NAMES = [
  `<img src=x onerror="window.__pwned.push('img')">`,
  `<script>window.__pwned.push('script')</script>`,
  `"><svg onload="window.__pwned.push('svg')">`,
  `{a}{b}{c}{@name}<b>bold</b>`,
  `[x](javascript:window.__pwned.push('md'))`,
  '名称\n```\n# 标题 | a | b |\n`code`',
];

/** The CLI fixture dataset with hostile names on its segments, firms, region and chain. */
export function hostileDataset(): DatasetInput {
  const data = validDataset() as unknown as {
    regions: { name: string }[];
    templates: { segments: { name: string }[] }[];
    chains: { name: string; segments?: { name: string }[] }[];
    enterprises: { name: string }[];
  };
  let k = 0;
  const next = () => HOSTILE_NAMES[k++ % HOSTILE_NAMES.length]!;
  data.regions[1]!.name = next();
  for (const segment of data.templates[0]!.segments) segment.name = next();
  for (const chain of data.chains) {
    chain.name = next();
    for (const segment of chain.segments ?? []) segment.name = next();
  }
  for (const firm of data.enterprises) firm.name = next();
  return data as unknown as DatasetInput;
}
