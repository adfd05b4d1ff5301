/**
 * Leader anchoring (链主带动): the mean of the share of local links with a 链主 at either end and
 * the share of local output made by the 链主 and their direct local partners.
 */
import { round } from '../../internal/format.js';
import { ROLES, type Role } from '../../model/vocabulary.js';
import type { ComponentPart, ClusterRaw } from './types.js';
import { idsOf, isLeader, pct, roleInChain, unavailable, type Context } from './context.js';

const ROLE_ZH: Record<Role, string> = { leader: '链主', leading: '龙头企业', core: '链核企业', supporting: '配套企业', other: '其他企业' };

/**
 * How much of the local network and output the 链主 anchor (see index.ts).
 *
 * @example
 * leaderAnchoring(ctx).raw.linkShare;
 */
export function leaderAnchoring(ctx: Context): ComponentPart {
  const { model } = ctx;
  const { enterprises } = model.index;
  const leaders = ctx.nodes.filter((e) => isLeader(ctx, e));
  if (leaders.length === 0) return noLocalLeader(ctx);
  const { leaderMask, anchored, touching } = anchoredByLeaders(ctx, leaders);
  let outputAll = 0;
  let outputAnchored = 0;
  let withOutput = 0;
  let anchoredFirms = 0;
  for (const e of ctx.nodes) {
    if (anchored[e]) anchoredFirms++;
    const x = enterprises.output[e]!;
    if (Number.isNaN(x)) continue;
    withOutput++;
    outputAll += x;
    if (anchored[e]) outputAnchored += x;
  }
  const linkShare = ctx.localLinks.from.length === 0 ? null : touching / ctx.localLinks.from.length;
  const outputShare = outputAll > 0 ? outputAnchored / outputAll : null;
  const raw: ClusterRaw = {
    leaders: leaders.length,
    localLinks: ctx.localLinks.from.length,
    linksTouchingLeaders: touching,
    linkShare,
    firms: ctx.nodes.length,
    firmsWithOutput: withOutput,
    localOutput: withOutput > 0 ? outputAll : null,
    anchoredOutput: withOutput > 0 ? outputAnchored : null,
    outputShare,
    anchoredFirms,
    firmShare: anchoredFirms / ctx.nodes.length,
  };
  const ids = {
    leaders: idsOf(ctx, leaders),
    anchored: idsOf(
      ctx,
      ctx.nodes.filter((e) => anchored[e] && !leaderMask[e]),
    ),
  };
  const parts = [linkShare, outputShare].filter((x): x is number => x !== null);
  if (parts.length === 0)
    return unavailable(
      {
        zh: `有 ${leaders.length} 家本地链主，但本地企业之间没有供货链接，也没有已知产值，无法衡量链主带动。`,
        en: `${leaders.length} local chain leader(s) are recorded, but no supply links among local firms and no known output, so their anchoring cannot be measured.`,
      },
      raw,
      ids,
    );
  const value = parts.reduce((a, b) => a + b, 0) / parts.length;
  const zh: string[] = [];
  const en: string[] = [];
  if (linkShare !== null) {
    zh.push(`本地 ${ctx.localLinks.from.length} 条供货链接中 ${touching} 条连接链主（${pct(linkShare)}）`);
    en.push(`${touching} of ${ctx.localLinks.from.length} local links touch a leader (${pct(linkShare)})`);
  }
  if (outputShare !== null) {
    zh.push(`链主及其直接本地配套企业占已知本地产值 ${round(outputAll)}亿元的 ${pct(outputShare)}`);
    en.push(`leaders and their direct local partners make ${pct(outputShare)} of the known local output of ${round(outputAll)} 亿元`);
  }
  return {
    available: true,
    value,
    raw,
    basis: linkShare !== null && outputShare !== null ? 'links+output' : linkShare !== null ? 'links' : 'output',
    ids,
    reason: { zh: `${zh.join('；')}，链主带动 ${pct(value)}。`, en: `${en.join('; ')}: leader anchoring ${pct(value)}.` },
  };
}

/** The local links touching a 链主, and the firms they anchor: the 链主 and their direct local partners. */
function anchoredByLeaders(ctx: Context, leaders: readonly number[]) {
  const n = ctx.model.index.enterprises.ids.length;
  const leaderMask = ctx.scratch.uint8(n);
  for (const e of leaders) leaderMask[e] = 1;
  const anchored = ctx.scratch.uint8(n);
  let touching = 0;
  const localLinks = ctx.localLinks.from.length;
  for (let i = 0; i < localLinks; i++) {
    const a = ctx.nodes[ctx.localLinks.from[i]!]!;
    const b = ctx.nodes[ctx.localLinks.to[i]!]!;
    if (leaderMask[a] || leaderMask[b]) {
      touching++;
      anchored[a] = 1;
      anchored[b] = 1;
    }
  }
  for (const e of leaders) anchored[e] = 1;
  return { leaderMask, anchored, touching };
}

/** Why there is no anchoring to measure: no local firm of the chain has a 链主 role (a hint when 龙头 firms are present). */
function noLocalLeader(ctx: Context): ComponentPart {
  const roles = ROLES.filter((_, i) => ctx.leaderRoleOk[i] === 1);
  const leading = ctx.nodes.filter((e) => roleInChain(ctx, e) === 'leading').length;
  const hint =
    leading > 0 && !roles.includes('leading')
      ? {
          zh: `另有 ${leading} 家龙头企业，如视其为链主，可设 leaderRoles: ['leader', 'leading']`,
          en: `; ${leading} local firm(s) are leading firms (龙头), counted with leaderRoles: ['leader', 'leading']`,
        }
      : { zh: '', en: '' };
  return unavailable(
    {
      zh: `本地企业中没有该产业链的${roles.map((x) => ROLE_ZH[x]).join('、')}${hint.zh ? `；${hint.zh}` : ''}。`,
      en: `No local firm is a chain leader of the chain (roles: ${roles.join(', ')})${hint.en}.`,
    },
    { leaders: 0, leadingFirms: leading, firms: ctx.nodes.length },
  );
}
