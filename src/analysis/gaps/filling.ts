/**
 * Step 6 of findGaps, gaps being filled: projects under way (default 签约 signed, 在建 under
 * construction, 投产 in production) in the region and in the segment — a project without a
 * segment counts for its enterprise's segment when the enterprise has exactly one in the chain —
 * and local enterprises with status 签约 (signed) in the segment count as filling the gap
 * (`beingFilledBy`); a project of a firm already present in the segment does not (it is that
 * presence). Planned projects (规划) are listed in `plannedProjects` and do not change the
 * severity.
 */
import type { ChainModel } from '../../graph/model.js';
import { regionWithinIdx } from '../../graph/queries.js';
import { ENTERPRISE_STATUSES, PROJECT_STATUSES } from '../../model/vocabulary.js';
import type { Reason } from '../scope/index.js';
import { LOCAL_PRESENT } from './presence.js';
import type { GapSettings } from './settings.js';
import { STATUS_ZH } from './text.js';
import type { FillingEntry } from './types.js';

/** Per segment of the chain: what fills it, and what is only planned. */
export interface Filling {
  underWay: FillingEntry[][];
  planned: FillingEntry[][];
}

/**
 * What fills each segment of chain index `c` (global segments `[s0, s1)`) in region index `r`.
 *
 * @example
 * gapFilling(model, c, r, s0, s1, settings, presence.flags, presence.notPresentBySeg).underWay[j];
 * // → [{ project: 'pg', enterprise: null, status: 'under-construction', productionYear: 2025 }]
 */
export function gapFilling(
  model: ChainModel,
  c: number,
  r: number,
  s0: number,
  s1: number,
  settings: GapSettings,
  flags: Uint8Array,
  notPresentBySeg: readonly number[][],
): Filling {
  const n = s1 - s0;
  const underWay: FillingEntry[][] = Array.from({ length: n }, () => []);
  const planned: FillingEntry[][] = Array.from({ length: n }, () => []);
  const { projects, enterprises: ents } = model.index;
  const plannedCode = PROJECT_STATUSES.indexOf('planned');
  const segmentsInChain = (e: number) => {
    const out: number[] = [];
    for (let k = ents.segments.offsets[e]!; k < ents.segments.offsets[e + 1]!; k++) {
      const s = ents.segments.items[k]!;
      if (s >= s0 && s < s1) out.push(s - s0);
    }
    return out;
  };
  for (let p = 0; p < projects.ids.length; p++) {
    const counted = settings.fillProjectCode[projects.status[p]!] === 1;
    if (!counted && projects.status[p] !== plannedCode) continue;
    if (!regionWithinIdx(model, projects.region[p]!, r)) continue;
    let j = -1;
    const s = projects.segment[p]!;
    const e = projects.enterprise[p]!;
    if (s >= 0) j = s >= s0 && s < s1 ? s - s0 : -1;
    else if ((projects.chain[p] === c || projects.chain[p] === -1) && e >= 0) {
      const own = segmentsInChain(e);
      if (own.length === 1) j = own[0]!;
    }
    // a project of a firm already present in the segment is that presence, not a new supplier
    if (j < 0 || (e >= 0 && (flags[e]! & LOCAL_PRESENT) !== 0 && segmentsInChain(e).includes(j))) continue;
    const record = model.dataset.projects[p]!;
    (counted ? underWay : planned)[j]!.push({
      project: record.id,
      enterprise: e >= 0 ? ents.ids[e]! : null,
      status: record.status,
      productionYear: record.productionYear ?? null,
    });
  }
  addSignedFirms(model, underWay, notPresentBySeg, settings.fillEnterpriseCode);
  return { underWay, planned };
}

/** Appends the local firms with a filling status (default 签约) of each segment not yet listed by a project. */
function addSignedFirms(model: ChainModel, underWay: FillingEntry[][], notPresentBySeg: readonly number[][], fillEnterpriseCode: Uint8Array): void {
  const ents = model.index.enterprises;
  const idOf = (e: number) => ents.ids[e]!;
  for (let j = 0; j < underWay.length; j++) {
    const listed = new Set<string>();
    for (const f of underWay[j]!) if (f.enterprise !== null) listed.add(f.enterprise);
    for (const e of notPresentBySeg[j]!) {
      if (!fillEnterpriseCode[ents.status[e]!]) continue;
      if (listed.has(idOf(e))) continue;
      listed.add(idOf(e));
      underWay[j]!.push({ project: null, enterprise: idOf(e), status: ENTERPRISE_STATUSES[ents.status[e]!]!, productionYear: null });
    }
  }
}

/**
 * The sentence saying what fills a gap, or undefined when nothing does.
 *
 * @example
 * fillingText(filling.underWay[j], model)?.zh; // '正由项目齿轮箱项目（在建）填补，预计2025年投产。'
 */
export function fillingText(entries: readonly FillingEntry[], model: ChainModel): Reason | undefined {
  if (entries.length === 0) return undefined;
  const { dataset } = model;
  const projectName = (id: string) => dataset.projects[model.index.projects.byId.get(id)!]!.name;
  const enterpriseName = (id: string) => dataset.enterprises[model.index.enterprises.byId.get(id)!]!.name;
  const zh = entries.map((f) =>
    f.project !== null
      ? `正由项目${projectName(f.project)}（${STATUS_ZH[f.status] ?? f.status}）填补，${f.productionYear === null ? '投产时间未知' : `预计${f.productionYear}年投产`}`
      : `正由${STATUS_ZH[f.status] ?? f.status}企业${enterpriseName(f.enterprise!)}填补`,
  );
  const en = entries.map((f) =>
    f.project !== null
      ? `being filled by project ${projectName(f.project)} (${f.status}), ${f.productionYear === null ? 'production year unknown' : `production expected ${f.productionYear}`}`
      : `being filled by ${f.status} firm ${enterpriseName(f.enterprise!)}`,
  );
  return { zh: `${zh.join('；')}。`, en: `${en.join('; ')}.` };
}

/**
 * The sentence listing a gap's planned projects, or undefined when there are none.
 *
 * @example
 * plannedText(filling.planned[j], model)?.en; // 'Planned project 风电场规划 (not yet signed; not counted as filling).'
 */
export function plannedText(entries: readonly FillingEntry[], model: ChainModel): Reason | undefined {
  if (entries.length === 0) return undefined;
  const names = entries.map((f) => model.dataset.projects[model.index.projects.byId.get(f.project!)!]!.name);
  return {
    zh: `已规划项目${names.join('、')}（尚未签约，未计入填补）。`,
    en: `Planned project${names.length > 1 ? 's' : ''} ${names.join(', ')} (not yet signed; not counted as filling).`,
  };
}
