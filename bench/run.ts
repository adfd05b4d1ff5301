/**
 * The benchmark (`npm run bench`): per size, in a child process of its own, load + validate
 * (JSON and CSV), buildModel, the analyses, the full report when src/render provides it, one
 * aggregation pass three ways (plain typed arrays, the library's index, graphology), and peak
 * memory.
 *
 *   npm run bench                         sizes 1e3, 1e4, 1e5
 *   npm run bench -- --sizes 1e4          one size
 *   npm run bench -- --1e6                1e3, 1e4, 1e5 and 1e6 (needs ~8 GB, minutes)
 *   npm run bench -- --sizes 1e6 --repeat 1 --louvain-limit 0
 *   npm run bench -- --table bench/out/results.json   the tables of an earlier run
 *
 * Timing: wall clock (performance.now) of one call; analyses run `--repeat` times (default 3
 * up to 1e4, 2 at 1e5, 1 above) and report the first (cold: includes JIT warm-up, what a CLI
 * call sees) and the best. A full GC runs between stages (`--expose-gc`) so one stage's
 * garbage is not collected on the next one's clock.
 * Memory: each stage resets the kernel's peak-RSS mark (`echo 5 > /proc/self/clear_refs`) and
 * reads it back (`VmHWM` in /proc/self/status) afterwards: the peak resident memory of the
 * process during the stage, with everything kept from earlier stages. A size's peak is the
 * largest stage peak (outside Linux: the process's `maxRSS` from getrusage).
 * Garbage collection: the full (mark-compact) collections during each stage and their pauses,
 * from Node's `gc` performance entries (the `GC` column). A full collection traces everything
 * the program holds, so on a province dataset (10⁷ link objects) each costs seconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { scoreCluster, DEFAULT_COMMUNITY_LIMIT } from '../src/analysis/cluster/index.js';
import { findGaps } from '../src/analysis/gaps/index.js';
import { rankLeaders } from '../src/analysis/leaders/index.js';
import { suggestMatches } from '../src/analysis/matches/index.js';
import { estimateOutput } from '../src/analysis/output/index.js';
import { recommendRecruits } from '../src/analysis/recruits/index.js';
import { simulateDisruption } from '../src/analysis/resilience/index.js';
import { supplyGraph } from '../src/graph/graphology.js';
import { buildModel, type ChainModel } from '../src/graph/model.js';
import { regionIndex } from '../src/graph/queries.js';
import { jsonChunks } from '../src/internal/json-chunks.js';
import { readDatasetInput } from '../src/io/load.js';
import { toHtml } from '../src/render/document.js';
import { buildReport, type ReportData } from '../src/render/report/data/index.js';
import { reportDocument } from '../src/render/report/index.js';
import { safeParseReadInput } from '../src/model/parse.js';
import { aggregateDifference, aggregateGraphology, aggregateLibrary, aggregateTyped, plainArrays } from './aggregate.js';
import { ensureDataset, OUT, parseSizes, sizeLabel } from './generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');

/** One timed stage. */
interface Stage {
  name: string;
  /** First run, ms. */
  ms: number;
  /** Best of the runs, ms. */
  best: number;
  runs: number;
  /** Peak RSS during the stage, MiB (null outside Linux). */
  peakMiB: number | null;
  /** Full (mark-compact) garbage collections during the stage (all its runs) and their summed pauses, ms. */
  gc?: { full: number; ms: number };
  note?: string;
}

/** What a child reports for one size. */
interface SizeResult {
  size: number;
  firms: number;
  links: number;
  stages: Stage[];
  /** Peak RSS of the process before the graphology comparison (which keeps a graph of its own), MiB. */
  peakMiB: number;
  aggregate: { typed: number; library: number; graphology: number | null; ratio: number; agree: boolean };
  notes: string[];
}

const procStatus = '/proc/self/status';
const canResetPeak = (() => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return existsSync(procStatus);
  } catch {
    return false;
  }
})();
function resetPeak(): void {
  if (canResetPeak) writeFileSync('/proc/self/clear_refs', '5');
}
function stagePeak(): number | null {
  if (!canResetPeak) return null;
  const m = /VmHWM:\s+(\d+)/u.exec(readFileSync(procStatus, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}
/**
 * Peak RSS of the process so far, MiB: the largest stage peak (resetting the mark per stage also
 * resets getrusage's maxRSS, which reads the same counter), else maxRSS.
 */
function processPeak(stages: readonly Stage[]): number {
  const peaks = stages.map((s) => s.peakMiB).filter((p): p is number => p !== null);
  return peaks.length > 0 ? Math.max(...peaks) : process.resourceUsage().maxRSS / 1024;
}
const collect = () => (globalThis as { gc?: () => void }).gc?.();

// full collections seen so far (Node delivers `gc` entries asynchronously, after the stage's work)
const fullGcs: PerformanceEntry[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullGcs.push(entry);
}).observe({ entryTypes: ['gc'] });
const flushGc = () => new Promise<void>((done) => setTimeout(done, 20));

async function stage<T>(stages: Stage[], name: string, runs: number, f: () => T | Promise<T>, note?: (value: T) => string | undefined): Promise<T> {
  collect();
  await flushGc();
  resetPeak();
  const start = performance.now();
  let value!: T;
  let first = 0;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await f();
    const ms = performance.now() - t0;
    if (i === 0) first = ms;
    best = Math.min(best, ms);
  }
  const end = performance.now();
  const entry: Stage = { name, ms: first, best, runs, peakMiB: stagePeak() };
  await flushGc();
  const during = fullGcs.filter((g) => g.startTime >= start && g.startTime < end);
  entry.gc = { full: during.length, ms: during.reduce((sum, g) => sum + g.duration, 0) };
  const text = note?.(value);
  if (text) entry.note = text;
  stages.push(entry);
  const mem = entry.peakMiB === null ? '' : `, peak ${entry.peakMiB.toFixed(0)} MiB`;
  const gcText = entry.gc.full > 0 ? `, ${entry.gc.full} full GC (${fmt(entry.gc.ms)})` : '';
  console.error(`  ${name}: ${first.toFixed(0)} ms${runs > 1 ? ` (best ${best.toFixed(0)})` : ''}${mem}${gcText}${text ? ` — ${text}` : ''}`);
  return value;
}

async function child(size: number, options: { repeat: number; louvainLimit: number; graphology: boolean; jsonOnly: boolean }): Promise<SizeResult> {
  const folder = join(OUT, sizeLabel(size));
  const info = JSON.parse(readFileSync(join(folder, 'done'), 'utf8')) as { mainChain: string; province: string; links: number };
  const stages: Stage[] = [];
  const notes: string[] = [];
  const { repeat } = options;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`${sizeLabel(size)}: ${what}`);
  };
  // what safeLoadDataset does after reading (its issue relocation has nothing to do on valid data)
  const validate = (input: unknown) => {
    const parsed = safeParseReadInput(input);
    check(parsed.success, `the generated dataset does not validate: ${parsed.success ? '' : JSON.stringify(parsed.issues.slice(0, 3))}`);
    return parsed;
  };

  const json = join(folder, 'dataset.json');
  if (options.jsonOnly) {
    // the JSON path in a process of its own, so that neither load pays for the other's heap
    const read = await stage(stages, 'read JSON', 1, () => readDatasetInput(json));
    check(read.success, 'dataset.json cannot be read');
    const parsed = await stage(stages, 'validate (JSON input)', 1, () => validate(read.success ? read.input : undefined));
    const model = await stage(stages, 'buildModel (JSON input)', 1, () => buildModel(parsed.success ? parsed.data : undefined!));
    return {
      size,
      firms: model.index.enterprises.ids.length,
      links: model.index.links.from.length,
      stages,
      peakMiB: processPeak(stages),
      aggregate: { typed: 0, library: 0, graphology: null, ratio: 0, agree: true },
      notes,
    };
  }
  const readCsv = await stage(stages, 'read CSV', 1, () => readDatasetInput(join(folder, 'csv')));
  check(readCsv.success, 'csv/ cannot be read');
  const parsedCsv = await stage(stages, 'validate (CSV input)', 1, () => validate(readCsv.success ? readCsv.input : undefined));
  const dataset = parsedCsv.success ? parsedCsv.data : undefined!;
  if (size <= 10_000 && existsSync(json)) {
    const read = await readDatasetInput(json);
    const fromJson = read.success ? validate(read.input) : undefined;
    check(fromJson?.success === true && isDeepStrictEqual(fromJson.data, dataset), 'JSON and CSV load differently');
    notes.push('JSON and CSV loads are deep-equal (checked).');
  }
  const model = await stage(stages, 'buildModel', 1, () => buildModel(dataset));
  const chain = info.mainChain;
  const region = info.province;
  const r = regionIndex(model, region);
  const counted = ['active', 'brokered'] as const;

  // the aggregation pass, three ways
  const arrays = plainArrays(model);
  const typed = await stage(stages, 'aggregation: typed arrays (baseline)', Math.max(repeat, 3), () => aggregateTyped(arrays, r, counted));
  const library = await stage(stages, 'aggregation: library index', Math.max(repeat, 3), () => aggregateLibrary(model, r, counted));
  let agree = aggregateDifference(typed, library) < 1e-9;
  check(agree, 'the aggregation passes disagree');
  const typedMs = stages.find((s) => s.name.startsWith('aggregation: typed'))!.best;
  const libraryMs = stages.find((s) => s.name.startsWith('aggregation: library'))!.best;

  // the analyses
  const gaps = await stage(stages, 'findGaps', repeat, () => findGaps(model, { chain, region }), (g) => `${g.findings.length} findings`);
  await stage(stages, 'recommendRecruits', repeat, () => recommendRecruits(model, { chain, region, gaps }), (x) => `${x.summary.gaps} gaps, ${x.summary.candidates} candidates`);
  await stage(stages, 'scoreCluster (no Louvain)', repeat, () => scoreCluster(model, { chain, region, communityLimit: 0 }), (s) => `total ${s.total?.toFixed(1)}, ${s.network.firms.length} firms`);
  await stage(
    stages,
    'scoreCluster (with Louvain)',
    repeat,
    () => scoreCluster(model, { chain, region, communityLimit: options.louvainLimit }),
    (s) =>
      s.network.communities
        ? `${s.network.communities.length} communities on ${s.network.firms.length} firms`
        : `Louvain skipped: ${s.network.firms.length} firms > communityLimit ${options.louvainLimit} (stated in the result)`,
  );
  const years = [2024, 2025, 2026, 2027, 2028, 2029, 2030];
  await stage(stages, 'estimateOutput (1 000 runs)', repeat, () => estimateOutput(model, { years, runs: 1000, region }), (o) => `${o.projects.length} projects`);
  const leaders = await stage(stages, 'rankLeaders', repeat, () => rankLeaders(model, { chain, region }), (x) => `${x.ranking.length} ranked; betweenness ${x.network.betweenness.method}`);
  await stage(stages, 'suggestMatches', repeat, () => suggestMatches(model, { chain, region }), (x) => `${x.matches.length} of ${x.candidates} candidate pairs`);
  const top = leaders.ranking[0]?.id;
  if (top !== undefined)
    await stage(stages, 'simulateDisruption (top leader)', repeat, () => simulateDisruption(model, { remove: { enterprises: [top] }, region }), (x) => `${x.local?.firmsAffected ?? x.total.firmsAffected} local firms affected`);

  {
    // the report as the command line writes it (`report --format json`): every chain, then the
    // data written in pieces; per-step times from the progress callback (time between two calls)
    const steps = new Map<string, number>();
    let last: { key: string; at: number } | undefined;
    const onProgress = (p: { chain?: string | null; step: string }) => {
      const now = performance.now();
      if (last) steps.set(last.key, (steps.get(last.key) ?? 0) + now - last.at);
      last = { key: p.step, at: now };
    };
    const byStep = () =>
      [...steps]
        .sort((a, b) => b[1] - a[1])
        .map(([k, ms]) => `${k} ${fmt(ms)}`)
        .join(', ');
    let data: ReportData | undefined;
    try {
      data = await stage(
        stages,
        'report: every analysis of every chain (buildReport)',
        1,
        () => {
          const d = buildReport(model, { onProgress });
          if (last) steps.set(last.key, (steps.get(last.key) ?? 0) + performance.now() - last.at);
          return d;
        },
        (d) => `${d.chains.length} chains, ${d.truncated.length} lists cut to ${d.settings.listLimit} rows; by step: ${byStep()}`,
      );
      await stage(
        stages,
        'report: JSON text (in pieces)',
        1,
        () => {
          let n = 0;
          for (const piece of jsonChunks(data, 2)) n += piece.length;
          return n;
        },
        (n) => `${(n / 2 ** 20).toFixed(1)} MiB`,
      );
      await stage(stages, 'report: HTML of the same data', 1, () => toHtml(reportDocument(model, data!)).length, (n) => `${(n / 2 ** 20).toFixed(1)} MiB`);
    } catch (error) {
      const at = performance.now();
      if (last) steps.set(last.key, (steps.get(last.key) ?? 0) + at - last.at);
      const total = [...steps.values()].reduce((a, b) => a + b, 0);
      const entry: Stage = { name: 'report (failed)', ms: total, best: total, runs: 1, peakMiB: stagePeak(), note: `FAILED after ${fmt(total)}: ${(error as Error).message}; by step: ${byStep()}` };
      stages.push(entry);
      console.error(`  ${entry.name}: ${entry.note}`);
    }
    data = undefined;
  }

  // graphology last: its graph stays cached on the model and would weigh on everything after it
  const peakMiB = processPeak(stages);
  let graphologyMs: number | null = null;
  if (options.graphology) {
    await stage(stages, 'graphology: build supplyGraph', 1, () => supplyGraph(model));
    const viaGraph = await stage(stages, 'aggregation: graphology API', Math.max(repeat, 1), () => aggregateGraphology(model, region, counted));
    graphologyMs = stages[stages.length - 1]!.best;
    agree &&= aggregateDifference(typed, viaGraph) < 1e-9;
    check(agree, 'the aggregation passes disagree');
  }
  return {
    size,
    firms: model.index.enterprises.ids.length,
    links: model.index.links.from.length,
    stages,
    peakMiB,
    aggregate: { typed: typedMs, library: libraryMs, graphology: graphologyMs, ratio: libraryMs / typedMs, agree },
    notes,
  };
}

const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

/** The largest peak RSS of the stages a name filter keeps. */
function peakOf(result: SizeResult, keep: (name: string) => boolean): string {
  const peaks = result.stages.filter((s) => keep(s.name) && s.peakMiB !== null).map((s) => s.peakMiB!);
  return peaks.length > 0 ? `${Math.max(...peaks).toFixed(0)} MiB` : 'n/a';
}

/** A Markdown table of one size. */
function table(result: SizeResult): string {
  const lines = [
    `### ${sizeLabel(result.size)} firms: ${result.firms.toLocaleString('en')} firms, ${result.links.toLocaleString('en')} links — peak RSS ${peakOf(result, (n) => !n.startsWith('report') && !n.includes('graphology') && !n.includes('JSON'))} (CSV load and the analyses), ${peakOf(result, (n) => n.startsWith('report'))} (the full report)`,
    '',
    '| stage | first | best | runs | peak RSS | full GCs (pauses) | note |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...result.stages.map(
      (s) =>
        `| ${s.name} | ${fmt(s.ms)} | ${s.runs > 1 ? fmt(s.best) : ''} | ${s.runs} | ${s.peakMiB === null ? '' : `${s.peakMiB.toFixed(0)} MiB`} | ${s.gc === undefined ? '' : s.gc.full === 0 ? '0' : `${s.gc.full} (${fmt(s.gc.ms)})`} | ${s.note ?? ''} |`,
    ),
    '',
    `Aggregation pass: typed arrays ${fmt(result.aggregate.typed)}, library index ${fmt(result.aggregate.library)} (${result.aggregate.ratio.toFixed(2)}× the baseline)${result.aggregate.graphology === null ? '' : `, graphology API ${fmt(result.aggregate.graphology)} (${(result.aggregate.graphology / result.aggregate.typed).toFixed(1)}×)`}; results agree: ${result.aggregate.agree ? 'yes' : 'NO'}.`,
    ...result.notes.map((n) => `- ${n}`),
    '',
  ];
  return lines.join('\n');
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    '1e6': { type: 'boolean', default: false },
    repeat: { type: 'string' },
    'louvain-limit': { type: 'string' },
    'no-graphology': { type: 'boolean', default: false },
    'json-only': { type: 'boolean', default: false },
    child: { type: 'string' },
    out: { type: 'string' },
    table: { type: 'string' },
  },
});
const louvainLimit = values['louvain-limit'] === undefined ? DEFAULT_COMMUNITY_LIMIT : Number(values['louvain-limit']);

if (values.table !== undefined) {
  // the tables of a results file written earlier
  const saved = JSON.parse(readFileSync(values.table, 'utf8')) as { results: SizeResult[] };
  for (const result of saved.results) console.log(table(result));
} else if (values.child !== undefined) {
  const size = Number(values.child);
  const repeat = values.repeat === undefined ? (size <= 10_000 ? 3 : size <= 100_000 ? 2 : 1) : Number(values.repeat);
  const result = await child(size, {
    repeat,
    louvainLimit,
    graphology: !values['no-graphology'] && size <= 100_000,
    jsonOnly: values['json-only'] === true,
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const sizes = parseSizes(values.sizes ?? '1e3,1e4,1e5');
  if (values['1e6'] && !sizes.includes(1_000_000)) sizes.push(1_000_000);
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeGiB: Math.round(freemem() / 2 ** 30),
    node: process.version,
    loadBefore: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
  console.error(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadBefore}`);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    // generation in a process of its own too: 1e6 firms take a few GB while generated
    if (!existsSync(join(OUT, sizeLabel(size), 'done'))) {
      console.error(`${sizeLabel(size)}: generating (bench/generate.ts) ...`);
      const gen = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(here, 'generate.ts'), '--sizes', String(size)], { stdio: 'inherit', cwd: root });
      if (gen.status !== 0) process.exit(gen.status ?? 1);
    } else await ensureDataset(size);
    console.error(`${sizeLabel(size)}: running`);
    const args = ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(size), '--louvain-limit', String(louvainLimit)];
    if (size >= 1_000_000) args.unshift('--max-old-space-size=8192');
    if (values.repeat !== undefined) args.push('--repeat', values.repeat);
    if (values['no-graphology']) args.push('--no-graphology');
    const runChild = (extra: string[]): SizeResult => {
      const run = spawnSync(process.execPath, [...args, ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
      if (run.status !== 0) {
        console.error(`${sizeLabel(size)}: the benchmark failed (exit ${run.status}${run.signal ? `, ${run.signal}` : ''})`);
        process.exit(1);
      }
      return JSON.parse(run.stdout.toString().trim().split('\n').pop()!) as SizeResult;
    };
    const viaJson = existsSync(join(OUT, sizeLabel(size), 'dataset.json')) ? runChild(['--json-only']) : undefined;
    const result = runChild([]);
    if (viaJson) {
      result.stages.unshift(...viaJson.stages);
      result.notes.unshift(`JSON load in a process of its own: peak RSS ${viaJson.peakMiB.toFixed(0)} MiB.`);
    } else result.notes.unshift("No JSON at this size: its text would exceed V8's string limit (see bench/generate.ts); CSV only.");
    results.push(result);
    console.log(table(result));
  }
  const out = values.out ?? join(OUT, 'results.json');
  writeFileSync(out, `${JSON.stringify({ machine: { ...machine, loadAfter: loadavg().map((x) => x.toFixed(2)).join(' ') }, date: new Date().toISOString(), results }, null, 2)}\n`);
  console.error(`results: ${out}`);
}
