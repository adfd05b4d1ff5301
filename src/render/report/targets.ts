/**
 * Part 3 of the report (目标与产值测算): the targets of the scope with their audits against the
 * output estimates, then the region-wide output estimate.
 */
import type { Block, Cell } from '../document.js';
import { labelOf, METRIC_LABELS } from '../labels.js';
import type { TargetRow } from './data/index.js';
import type { ReportContext } from './context.js';
import { outputBlocks } from './output.js';
import { unitOf } from './shared-labels.js';

const COMPARATOR_SIGNS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/**
 * Part 3: targets and their audit, then the estimate over every modelled firm of the region.
 *
 * @example
 * targetsBlocks(ctx)[0]; // → the heading 三、目标与产值测算
 */
export function targetsBlocks(ctx: ReportContext): Block[] {
  const { data, L, p } = ctx;
  return [
    ctx.heading(2, '三、目标与产值测算', '3. Targets and output', 'targets'),
    ctx.heading(3, '目标与审核', 'Targets and their audit'),
    ...targetAuditBlocks(ctx),
    ctx.heading(3, '区域产值测算', 'Region-wide output estimate'),
    p(
      L(
        `${data.scope.regionName}全部已建模企业与项目（不分产业链）的产值测算；与产业链无关的目标在此审核。`,
        `Output of every modelled firm and project of ${data.scope.regionName} (all chains); targets not tied to a chain are audited here.`,
      ),
    ),
    ...outputBlocks(ctx, data.regionOutput, null),
  ];
}

/** The targets table, the reasons of the audits, and how many targets were not audited. */
function targetAuditBlocks(ctx: ReportContext): Block[] {
  const { data, L, p } = ctx;
  const targets = data.summary.targets;
  if (targets.length === 0) return [ctx.na(L('数据集中没有本区域的目标', 'the dataset has no target for this region'))];
  const out: Block[] = [
    {
      kind: 'table',
      headers: [L('目标', 'Target'), L('区域', 'Region'), L('产业链', 'Chain'), L('指标', 'Metric'), L('类型', 'Kind'), L('年份', 'Year'), L('目标值', 'Value'), L('年均增速', 'Growth'), L('达成概率', 'Probability'), L('相对测算区间', 'Against band')],
      numeric: [false, false, false, false, false, false, true, true, true, false],
      rows: targets.map((t) => targetRow(ctx, t)),
    },
  ];
  const audited = targets.filter((t) => t.audit !== null);
  if (audited.length > 0) out.push({ kind: 'list', items: audited.map((t) => [{ text: t.id, code: true }, '：', ctx.R(t.audit!.reason)]) });
  const notAudited = targets.filter((t) => t.audit === null).length;
  if (notAudited > 0)
    out.push(
      p(
        L(
          `其余 ${notAudited} 个目标不是产值或销售收入目标（或其产业链不在本报告范围内），产值测算不对其审核。`,
          `The other ${notAudited} target(s) are not about output or sales (or their chain is outside this report), so the output estimate does not audit them.`,
        ),
      ),
    );
  return out;
}

function targetRow(ctx: ReportContext, t: TargetRow): Cell[] {
  const { L, locale } = ctx;
  return [
    { text: t.id, code: true },
    t.regionName,
    t.chainName ?? '—',
    labelOf(METRIC_LABELS, t.metric, locale),
    `${t.kind === 'target' ? L('目标', 'target') : L('预期', 'expectation')}${t.condition === null ? '' : `（${t.condition}）`}`,
    t.year === null ? '—' : `${t.year}${t.period === null ? '' : ` ${t.period}`}`,
    t.value === null ? '—' : `${COMPARATOR_SIGNS[t.comparator] ?? t.comparator} ${t.value}${t.unit ?? unitOf(t.metric, L)}`,
    t.growth === null ? '—' : `${t.growth}%`,
    ...auditCells(ctx, t),
  ];
}

/** The probability of meeting the target and where it falls against the estimate's band. */
function auditCells(ctx: ReportContext, t: TargetRow): [Cell, Cell] {
  const { L, NA } = ctx;
  const audit = t.audit;
  const band = audit?.bandPosition;
  return [
    audit !== null && audit.noData
      ? { text: L('无法审核（无产值数据）', 'cannot be audited (no output data)'), tone: 'muted' }
      : audit === null || !audit.available
      ? { text: L('未审核', 'not audited'), tone: 'muted' }
      : !audit.estimateHasData
        ? { text: L('无数据（无产值数据）', 'n/a (no output data)'), tone: 'muted' }
        : audit.probability === null
          ? { text: NA, tone: 'muted' }
          : { text: ctx.share(audit.probability), tone: audit.probability >= 0.5 ? 'ok' : 'warn' },
    band === null || band === undefined || !audit?.estimateHasData
      ? '—'
      : { below: L('低于 P10', 'below P10'), within: L('P10–P90 之内', 'within P10–P90'), above: L('高于 P90', 'above P90') }[band],
  ];
}
