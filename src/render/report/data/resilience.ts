/**
 * The 断链风险 of a chain: singlePointsOfFailure of each declared local 链主, at most the
 * resilience limit of them (the largest by output first).
 */
import { singlePointsOfFailure } from '../../../analysis/resilience/index.js';
import type { ChainFirms } from './firms.js';
import { largestOf } from './largest.js';
import type { ReportRun } from './run.js';
import { attempt, unavailable } from './sections.js';
import type { LeaderResilience, Section } from './types.js';

/**
 * The single points of failure of the chain's declared local 链主; unavailable when it has none.
 *
 * @example
 * resilienceSection(run, chainFirms(run, model.chains[0]));
 */
export function resilienceSection(run: ReportRun, firms: ChainFirms): Section<LeaderResilience[]> {
  const { model, regionName } = run;
  const { dataset, index } = model;
  const { resilienceLimit } = run.settings;
  const chain = firms.chain.id;
  const leaders = firms.local.filter((e) => firms.roleOf(e) === 'leader');
  if (leaders.length === 0)
    return unavailable(
      `${regionName}没有本链的链主（role 为 链主 的本地企业），无从分析链主的断链风险`,
      `no local firm of ${regionName} is declared 链主 (chain leader) of this chain, so there is no leader whose single points of failure to find`,
    );
  let analysed = leaders;
  if (leaders.length > resilienceLimit) {
    run.truncated.push({ chain, list: 'resilience', shown: resilienceLimit, total: leaders.length });
    analysed = largestOf(leaders, (e) => dataset.enterprises[e]!.output, resilienceLimit);
  }
  return attempt(() =>
    analysed.map((e) => ({
      leader: index.enterprises.ids[e]!,
      name: dataset.enterprises[e]!.name,
      result: singlePointsOfFailure(model, { leader: index.enterprises.ids[e]!, chain }),
    })),
  );
}
