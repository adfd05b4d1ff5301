/**
 * Benchmark of estimateOutput: 10 000 Monte Carlo runs on the seed datasets, and on a synthetic
 * enlargement of the 酒泉 seed (100 000 operating firms with outputs, 1 000 projects, a leader
 * with induced supplier output in every chain) to show that a run costs O(projects + segments²)
 * rather than O(firms). Not a test: prints timings only.
 *
 *   npx tsx bench/output.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimateOutput, type OutputOptions } from '../src/analysis/output/index.js';
import { buildModel, type ChainModel } from '../src/graph/model.js';
import { parseDataset } from '../src/model/parse.js';
import type { DatasetInput } from '../src/model/schema.js';

const here = dirname(fileURLToPath(import.meta.url));
const readSeed = (name: string): DatasetInput => JSON.parse(readFileSync(resolve(here, '../seeds', name), 'utf8')) as DatasetInput;
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];
const RUNS = 10_000;

function time(label: string, model: ChainModel, options: OutputOptions, repeats = 5): void {
  estimateOutput(model, { ...options, runs: 200 }); // warm up
  const ms: number[] = [];
  let last;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    last = estimateOutput(model, options);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const y = last!.byYear[last!.byYear.length - 1]!;
  console.log(
    `${label}: ${options.runs} runs × ${options.years.length} years — median ${ms[Math.floor(repeats / 2)]!.toFixed(1)} ms ` +
      `(min ${ms[0]!.toFixed(1)}, max ${ms[repeats - 1]!.toFixed(1)}); ` +
      `${last!.projects.length} projects, ${last!.enterprises.length} firms with output; ` +
      `${y.year}: expected ${y.expected.toFixed(1)}亿元, P10–P90 ${y.p10.toFixed(1)}–${y.p90.toFixed(1)}`,
  );
}

/** The 酒泉 seed with `firms` operating firms (outputs known) and `projects` projects added. */
function enlarge(base: DatasetInput, firms: number, projects: number): DatasetInput {
  const model = buildModel(parseDataset(base));
  const segs = model.chains.flatMap((c) => c.segments.map((s) => ({ chain: c.id, segment: s.id })));
  const zones = ['jiuquan-etdz', 'yumen-etdz', 'subei'];
  const statuses = ['planned', 'signed', 'under-construction', 'in-production'] as const;
  const enterprises = [...(base.enterprises ?? [])];
  model.chains.forEach((c, ci) => {
    const last = c.segments[c.segments.length - 1]!;
    enterprises.push({
      id: `leader-${ci}`,
      name: `链主${ci}`,
      region: 'jiuquan-etdz',
      segments: [{ chain: c.id, segment: last.id }],
      chainRoles: [{ chain: c.id, role: 'leader' }],
      output: 50,
      outputYear: 2024,
    });
  });
  for (let i = 0; i < firms; i++) {
    const s = segs[i % segs.length]!;
    enterprises.push({
      id: `firm-${i}`,
      name: `企业${i}`,
      region: zones[i % zones.length]!,
      segments: [s],
      output: 0.5 + (i % 97) / 10,
      outputYear: 2023 + (i % 2),
    });
  }
  const projectList = [...(base.projects ?? [])];
  for (let i = 0; i < projects; i++) {
    const s = segs[(i * 7) % segs.length]!;
    projectList.push({
      id: `project-${i}`,
      name: `项目${i}`,
      region: zones[i % zones.length]!,
      chain: s.chain,
      segment: s.segment,
      status: statuses[i % statuses.length]!,
      expectedOutput: 1 + (i % 30),
      startYear: 2024 + (i % 4),
    });
  }
  return { ...base, enterprises, projects: projectList };
}

for (const name of ['jiuquan.json', 'yuncheng.json']) {
  const model = buildModel(parseDataset(readSeed(name)));
  time(`seed ${name}`, model, { years: YEARS, runs: RUNS, seed: 1 });
}
const jiuquan = readSeed('jiuquan.json');
const storage = buildModel(parseDataset(jiuquan));
time('seed jiuquan.json, chain energy-storage', storage, { chain: 'energy-storage', years: YEARS, runs: RUNS, seed: 1 });

const t0 = performance.now();
const big = buildModel(parseDataset(enlarge(jiuquan, 100_000, 1_000)));
console.log(`synthetic: parse + build of 100 000 firms / 1 000 projects ${(performance.now() - t0).toFixed(0)} ms`);
time('synthetic 100 000 firms, 1 000 projects, 9 chains with leaders', big, { years: YEARS, runs: RUNS, seed: 1 }, 3);
