/**
 * The summary of a report's region: the dataset's counts, the regions of the scope as a tree,
 * and the indicators and targets within it, each target with its audit by the output estimate
 * of its chain (or the region-wide one).
 */
import type { ChainModel } from '../../../graph/model.js';
import { enterprisesInRegionIdx, regionWithinIdx } from '../../../graph/queries.js';
import { estimateHasData } from './output.js';
import type { ReportRun } from './run.js';
import type { ChainReport, IndicatorRow, RegionRow, ReportData, TargetRow } from './types.js';

type Summary = ReportData['summary'];

/**
 * The summary of the report of `run`, given the chains' reports and the region-wide estimate
 * (whose audits the targets take).
 *
 * @example
 * reportSummary(run, chainReports, regionOutput).targets.map((t) => t.audit?.probability);
 */
export function reportSummary(run: ReportRun, chainReports: ChainReport[], regionOutput: ReportData['regionOutput']): Summary {
  const { model } = run;
  const { dataset, index } = model;
  const r = run.scope.regionIndex;
  const local = enterprisesInRegionIdx(model, r);
  const regions = regionTree(model, r);
  const within = (id: string) => regionWithinIdx(model, index.regions.byId.get(id)!, r);
  const chainOk = (id: string | undefined) => run.scope.chain === undefined || id === undefined || id === run.scope.chain;
  const indicators: IndicatorRow[] = dataset.indicators
    .filter((i) => within(i.scope.region) && chainOk(i.scope.chain))
    .map((i) => ({
      ...scopedFields(model, i),
      value: i.value ?? null,
      unit: i.unit ?? null,
      growth: i.growth ?? null,
      year: i.year,
      period: i.period ?? null,
    }));
  const targets = targetRows(run, within, chainOk, chainReports, regionOutput);
  const localProjects = dataset.projects.filter((p) => within(p.region)).length;
  return {
    counts: {
      chains: model.chains.length,
      segments: index.segments.keys.length,
      enterprises: dataset.enterprises.length,
      localEnterprises: local.length,
      links: dataset.links.length,
      projects: dataset.projects.length,
      localProjects,
      regions: dataset.regions.length,
      targets: dataset.targets.length,
      indicators: dataset.indicators.length,
      sources: dataset.sources.length,
    },
    regions,
    indicators,
    targets,
  };
}

/** The scope region and its sub-regions, depth first in the order of the region index. */
function regionTree(model: ChainModel, root: number): RegionRow[] {
  const { dataset, index } = model;
  const regions: RegionRow[] = [];
  const visit = (x: number, depth: number) => {
    const record = dataset.regions[x]!;
    regions.push({
      id: record.id,
      name: record.name,
      kind: record.kind,
      depth,
      parent: record.parent ?? null,
      enterprises: enterprisesInRegionIdx(model, x).length,
      note: record.note ?? null,
    });
    const { offsets, items } = index.regions.children;
    for (let k = offsets[x]!; k < offsets[x + 1]!; k++) visit(items[k]!, depth + 1);
  };
  visit(root, 0);
  return regions;
}

/** The fields indicators and targets share, in the order of their rows. */
function scopedFields(model: ChainModel, x: { id: string; scope: { region: string; chain?: string | undefined }; metric: string }) {
  const { dataset, index } = model;
  const chain = x.scope.chain;
  return {
    id: x.id,
    region: x.scope.region,
    regionName: dataset.regions[index.regions.byId.get(x.scope.region)!]!.name,
    chain: chain ?? null,
    chainName: chain === undefined ? null : (model.chains.find((c) => c.id === chain)?.name ?? chain),
    metric: x.metric,
  };
}

function targetRows(
  run: ReportRun,
  within: (region: string) => boolean,
  chainOk: (chain: string | undefined) => boolean,
  chainReports: ChainReport[],
  regionOutput: ReportData['regionOutput'],
): TargetRow[] {
  const auditOf = (id: string, chain: string | undefined): TargetRow['audit'] => {
    const source = chain === undefined ? regionOutput : chainReports.find((x) => x.chain === chain)?.output;
    if (!source || !source.available) return null;
    const audit = source.result.targets.find((t) => t.target === id);
    if (!audit) return null;
    return {
      available: audit.available,
      estimateHasData: estimateHasData(source.result),
      noData: audit.noData,
      probability: audit.probability,
      bandPosition: audit.bandPosition,
      reason: audit.reason,
    };
  };
  return run.model.dataset.targets
    .filter((t) => within(t.scope.region) && chainOk(t.scope.chain))
    .map((t) => ({
      ...scopedFields(run.model, t),
      kind: t.kind,
      comparator: t.comparator,
      value: t.value ?? null,
      unit: t.unit ?? null,
      growth: t.growth ?? null,
      year: t.year ?? null,
      period: t.period ?? null,
      condition: t.condition ?? null,
      audit: auditOf(t.id, t.scope.chain),
    }));
}
