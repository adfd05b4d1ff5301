/**
 * One row per segment: the findings the rules of step 7 give one segment are merged into one,
 * whose `code` is the first kind found (missing, thin, external, capacity, extension), whose
 * `aspects` list every rule that fired, and whose severity is the largest of theirs — so a
 * missing segment that is also a backward or forward extension is one row, not two or three,
 * and no segment appears twice in a gap list. The other findings stay whole under `also`.
 */
import type { GapContext } from './context.js';
import { reasonTail } from './severity.js';
import type { GapAspect, GapFinding } from './types.js';

/** Chinese and English labels of the aspects, for the reason of a merged row. */
const ASPECT_LABEL: Record<GapAspect, { zh: string; en: string }> = {
  missing: { zh: '缺链', en: 'missing' },
  thin: { zh: '短板', en: 'thin' },
  external_dependency: { zh: '外部依赖', en: 'external dependency' },
  capacity_shortfall: { zh: '产能不足', en: 'capacity shortfall' },
  backward_extension: { zh: '向上游延链', en: 'backward extension' },
  forward_extension: { zh: '向下游延链', en: 'forward extension' },
};

/**
 * The aspect a finding stands for.
 *
 * @example
 * aspectOf({ code: 'extension_opportunity', direction: 'forward', … }); // 'forward_extension'
 */
export function aspectOf(f: GapFinding): GapAspect {
  switch (f.code) {
    case 'missing_segment':
      return 'missing';
    case 'thin_segment':
      return 'thin';
    case 'extension_opportunity':
      return f.direction === 'backward' ? 'backward_extension' : 'forward_extension';
    default:
      return f.code;
  }
}

/**
 * The one row of the chain's j-th segment from its findings `parts` (in kind order), or
 * undefined when there are none. With one part, the row is that finding with its aspect; with
 * several, the reason lists the aspects, then each part's sentence, then one closing tail.
 *
 * @example
 * mergeSegment(ctx, j, [missing, backward])?.aspects; // ['missing', 'backward_extension']
 */
export function mergeSegment(ctx: GapContext, j: number, parts: readonly GapFinding[]): GapFinding | undefined {
  if (parts.length === 0) return undefined;
  const aspects = parts.map(aspectOf);
  const [first, ...rest] = parts as [GapFinding, ...GapFinding[]];
  if (rest.length === 0) return { ...first, aspects, also: [] };
  let top = first;
  for (const f of rest) if (f.severity > top.severity) top = f;
  const sentence = (f: GapFinding) => {
    const tail = reasonTail(ctx, j, f.components, f.severity);
    return { zh: f.reason.zh.slice(0, f.reason.zh.length - tail.zh.length), en: f.reason.en.slice(0, f.reason.en.length - tail.en.length) };
  };
  const sentences = parts.map(sentence);
  const tail = reasonTail(ctx, j, top.components, top.severity);
  const labelsZh = aspects.map((a) => ASPECT_LABEL[a].zh).join('、');
  const labelsEn = aspects.map((a) => ASPECT_LABEL[a].en).join(', ');
  return {
    ...first,
    // the firms of every aspect: the first finding's, then those the others add
    enterprises: [...new Set(parts.flatMap((f) => f.enterprises))],
    severity: top.severity,
    components: top.components,
    reason: {
      zh: `【${labelsZh}】${sentences.map((s) => s.zh).join('')}${tail.zh}`,
      en: `[${labelsEn}] ${sentences.map((s) => s.en).join(' ')}${tail.en}`,
    },
    aspects,
    also: rest.map((f) => ({ ...f, aspects: [aspectOf(f)], also: [] })),
  };
}
