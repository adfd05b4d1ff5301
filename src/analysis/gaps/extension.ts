/**
 * 延链 (`extension_opportunity`): a missing segment directly upstream (backward: it supplies a
 * present local segment) or downstream (forward: a present local segment supplies it) of a
 * present one. Its dependants are the local firms of those adjacent present segments; extent 1.
 */
import type { GapContext, SegmentLabel } from './context.js';
import { localFirmsIn } from './presence.js';
import { finishFinding, severityOf } from './severity.js';
import type { ExtensionOpportunityFinding } from './types.js';

/**
 * 向上游延链: the chain's j-th segment is missing and feeds present local segments.
 *
 * @example
 * backwardExtension(ctx, j, segmentLabel(ctx, j))?.adjacent; // ['gearbox']
 */
export function backwardExtension(ctx: GapContext, j: number, label: SegmentLabel): ExtensionOpportunityFinding | undefined {
  const { present } = ctx.presence;
  if (present[j]) return undefined;
  const backward = ctx.flows.downOf[j]!.filter((t) => present[t]);
  if (backward.length === 0) return undefined;
  const { segId, segName } = ctx.names;
  const names = backward.map((t) => `「${segName(t)}」`).join('、');
  const zh = `向上游延链：本地已有${names}环节，其上游投入${label.quoted}本地缺失，引进后可就近配套。`;
  const en = `Backward extension (向上游延链): the region has ${backward.map((t) => `${segName(t)} (${segId(t)})`).join(', ')}, whose input ${label.en} is missing locally; adding it would supply local firms.`;
  return extension(ctx, j, label, 'backward', backward, zh, en);
}

/**
 * 向下游延链: the chain's j-th segment is missing and present local segments flow into it.
 *
 * @example
 * forwardExtension(ctx, j, segmentLabel(ctx, j))?.adjacent; // ['turbine']
 */
export function forwardExtension(ctx: GapContext, j: number, label: SegmentLabel): ExtensionOpportunityFinding | undefined {
  const { present } = ctx.presence;
  if (present[j]) return undefined;
  const forward = ctx.flows.upOf[j]!.filter((t) => present[t]);
  if (forward.length === 0) return undefined;
  const { segId, segName } = ctx.names;
  const names = forward.map((t) => `「${segName(t)}」`).join('、');
  const zh = `向下游延链：本地${names}环节的产品流向${label.quoted}，该环节本地缺失，引进后可就地转化本地产品。`;
  const en = `Forward extension (向下游延链): local ${forward.map((t) => `${segName(t)} (${segId(t)})`).join(', ')} output flows into ${label.en}, which is missing locally; adding it would use local output in the region.`;
  return extension(ctx, j, label, 'forward', forward, zh, en);
}

function extension(
  ctx: GapContext,
  j: number,
  { base }: SegmentLabel,
  direction: 'backward' | 'forward',
  adjacent: number[],
  zh: string,
  en: string,
): ExtensionOpportunityFinding {
  const deps = localFirmsIn(ctx.model, ctx.presence.localBySeg, adjacent);
  const components = severityOf(ctx, j, deps, 1);
  return {
    ...base,
    code: 'extension_opportunity',
    direction,
    adjacent: adjacent.map(ctx.names.segId),
    enterprises: deps.map(ctx.names.idOf),
    components,
    ...finishFinding(ctx, j, components, zh, en),
  };
}
