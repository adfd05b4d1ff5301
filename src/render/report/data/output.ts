/**
 * The output estimates of a report (a chain's, the region's): estimateOutput with the report's
 * years, runs and seed, its lists cut to the report's limit.
 */
import { estimateOutput, type OutputEstimate } from '../../../analysis/output/index.js';
import { largestOf } from './largest.js';
import type { ReportRun } from './run.js';
import { attempt } from './sections.js';
import type { Section, TruncatedList } from './types.js';

/**
 * Whether an output estimate rests on any figure: a modelled enterprise, a counted project or
 * induced output. Without one every band is 0 because nothing is known, not because nothing is
 * produced, and a report shows "no data" instead of the zeros.
 *
 * @example
 * estimateHasData(estimateOutput(model, { chain: 'wind-power', years: [2024] })); // → false when no output is known
 */
export function estimateHasData(estimate: OutputEstimate): boolean {
  return (
    estimate.enterprises.length > 0 ||
    estimate.projects.some((p) => p.counted) ||
    estimate.induced.some((i) => i.expected.some((v) => v !== 0))
  );
}

/**
 * The output estimate of a chain of the scope (`chain` its id) or of the whole region (`chain`
 * null), cut to the list limit; unavailable when the data hold no year.
 *
 * @example
 * outputSection(run, 'wind-power');
 */
export function outputSection(run: ReportRun, chain: string | null): Section<OutputEstimate> {
  const { years, runs, seed, listLimit } = run.settings;
  if (years.length === 0) return run.noYears;
  const firmLimit = listLimit === Infinity ? {} : { enterpriseLimit: listLimit };
  const scope = chain === null ? { region: run.scope.region } : { chain, region: run.scope.region };
  return attempt(() => cutEstimate(estimateOutput(run.model, { ...scope, years, runs, seed, ...firmLimit }), listLimit, chain, run.truncated));
}

/**
 * The output estimate with its project and gap lists cut to `limit` (a new object; the estimate is
 * not changed). Its firms were cut by estimateOutput itself (option `enterpriseLimit`, the same rule).
 */
function cutEstimate(estimate: OutputEstimate, limit: number, chain: string | null, truncated: TruncatedList[]): OutputEstimate {
  const { enterprisesOmitted, ...est } = estimate;
  if (enterprisesOmitted)
    truncated.push({ chain, list: 'output.enterprises', shown: est.enterprises.length, total: est.enterprises.length + enterprisesOmitted });
  if (est.projects.length <= limit && est.gaps.length <= limit) return est;
  const last = est.years.length - 1;
  let projects = est.projects;
  if (projects.length > limit) {
    truncated.push({ chain, list: 'output.projects', shown: limit, total: projects.length });
    projects = largestOf(projects, (p) => (p.counted && last >= 0 ? p.expected[last] : null), limit);
  }
  let gaps = est.gaps;
  if (gaps.length > limit) {
    const omittedByCode: Record<string, number> = {};
    for (let k = limit; k < gaps.length; k++) omittedByCode[gaps[k]!.code] = (omittedByCode[gaps[k]!.code] ?? 0) + 1;
    truncated.push({ chain, list: 'output.gaps', shown: limit, total: gaps.length, omittedByCode });
    gaps = gaps.slice(0, limit);
  }
  return { ...est, projects, gaps };
}
