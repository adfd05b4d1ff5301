/**
 * 缺链 (`missing_segment`): no local enterprise with a counted status operates in the segment.
 * Its dependants are the local firms of the segments directly downstream; extent 1.
 */
import { ENTERPRISE_STATUSES } from '../../model/vocabulary.js';
import type { GapContext, SegmentLabel } from './context.js';
import { localFirmsIn } from './presence.js';
import { finishFinding, severityOf } from './severity.js';
import { dependantsText, statusListEn, statusListZh } from './text.js';
import type { MissingSegmentFinding } from './types.js';

/**
 * The 缺链 finding of the chain's j-th segment, or undefined when it is present.
 *
 * @example
 * missingSegment(ctx, j, segmentLabel(ctx, j))?.reason.zh;
 * // '本地缺少「钢材」环节：没有在产或在建企业。直接下游有2家本地企业需要其产品。严重度0.45。'
 */
export function missingSegment(ctx: GapContext, j: number, { base, quoted, en }: SegmentLabel): MissingSegmentFinding | undefined {
  if (ctx.presence.present[j]) return undefined;
  const { names, settings } = ctx;
  const deps = localFirmsIn(ctx.model, ctx.presence.localBySeg, ctx.flows.downOf[j]!);
  const components = severityOf(ctx, j, deps, 1);
  const lead = dependantsText(deps, names);
  const { presentStatuses } = settings;
  const zh =
    `本地缺少${quoted}环节：没有${statusListZh(presentStatuses)}企业。` +
    (deps.length > 0 ? `直接下游有${deps.length}家本地企业需要其产品${lead.zh}。` : '本地暂无直接使用其产品的下游企业。');
  const enText =
    `No ${statusListEn(presentStatuses)} local firm in segment ${en}.` +
    (deps.length > 0
      ? ` ${deps.length} local firm${deps.length > 1 ? 's' : ''} directly downstream ${deps.length > 1 ? 'use' : 'uses'} its output${lead.en}.`
      : ' No local firm directly downstream uses its output.');
  const status = ctx.model.index.enterprises.status;
  return {
    ...base,
    code: 'missing_segment',
    enterprises: deps.map(names.idOf),
    notPresent: ctx.presence.notPresentBySeg[j]!.map((e) => ({ enterprise: names.idOf(e), status: ENTERPRISE_STATUSES[status[e]!]! })),
    components,
    ...finishFinding(ctx, j, components, zh, enText),
  };
}
