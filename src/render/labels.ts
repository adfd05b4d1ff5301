/**
 * Labels of the controlled vocabularies in Chinese and English, shared by the renderers.
 */
import type { Reason } from '../analysis/scope/index.js';
import type { GapCode } from '../analysis/gaps/index.js';
import type { Locale } from '../model/issues.js';

/** A label in both languages. */
export type Label = Reason;

/**
 * Picks the text of a locale.
 *
 * @example
 * pick({ zh: '缺链', en: 'missing' }, 'en'); // → 'missing'
 */
export function pick(label: Label, locale: Locale): string {
  return locale === 'en' ? label.en : label.zh;
}

export const STAGE_LABELS: Record<string, Label> = {
  upstream: { zh: '上游', en: 'upstream' },
  midstream: { zh: '中游', en: 'midstream' },
  downstream: { zh: '下游', en: 'downstream' },
};

export const ENTERPRISE_STATUS_LABELS: Record<string, Label> = {
  operating: { zh: '在产', en: 'operating' },
  'under-construction': { zh: '在建', en: 'under construction' },
  signed: { zh: '签约', en: 'signed' },
  planned: { zh: '规划', en: 'planned' },
  prospect: { zh: '意向', en: 'prospect' },
  closed: { zh: '关停', en: 'closed' },
};

export const PROJECT_STATUS_LABELS: Record<string, Label> = {
  planned: { zh: '谋划', en: 'planned' },
  signed: { zh: '签约', en: 'signed' },
  'under-construction': { zh: '在建', en: 'under construction' },
  'in-production': { zh: '投产', en: 'in production' },
  'at-capacity': { zh: '达产', en: 'at capacity' },
  cancelled: { zh: '取消', en: 'cancelled' },
};

export const ROLE_LABELS: Record<string, Label> = {
  leader: { zh: '链主', en: 'chain leader' },
  leading: { zh: '龙头', en: 'leading firm' },
  core: { zh: '链核', en: 'core firm' },
  supporting: { zh: '配套', en: 'supporting' },
  other: { zh: '其他', en: 'other' },
};

export const GAP_LABELS: Record<GapCode, Label> = {
  missing_segment: { zh: '缺链', en: 'missing' },
  thin_segment: { zh: '短板', en: 'thin' },
  external_dependency: { zh: '外部依赖', en: 'external dependency' },
  capacity_shortfall: { zh: '产能不足', en: 'capacity shortfall' },
  extension_opportunity: { zh: '延链机会', en: 'extension' },
};

export const METRIC_LABELS: Record<string, Label> = {
  output: { zh: '产值', en: 'output' },
  sales: { zh: '销售收入', en: 'sales' },
  'value-added': { zh: '增加值', en: 'value added' },
  gdp: { zh: '生产总值', en: 'GDP' },
  'fixed-asset-investment': { zh: '固定资产投资', en: 'fixed-asset investment' },
  'industrial-investment': { zh: '工业投资', en: 'industrial investment' },
  'investment-received': { zh: '到位资金', en: 'investment received' },
  'project-investment': { zh: '项目投资', en: 'project investment' },
  'enterprise-count': { zh: '企业数', en: 'enterprises' },
  'project-count': { zh: '项目数', en: 'projects' },
  jobs: { zh: '就业', en: 'jobs' },
  other: { zh: '其他', en: 'other' },
};

export const REGION_KIND_LABELS: Record<string, Label> = {
  country: { zh: '国家', en: 'country' },
  province: { zh: '省', en: 'province' },
  city: { zh: '市', en: 'city' },
  county: { zh: '县', en: 'county' },
  district: { zh: '区', en: 'district' },
  zone: { zh: '开发区', en: 'zone' },
  park: { zh: '园区', en: 'park' },
  other: { zh: '其他', en: 'other' },
};

/**
 * A label of a vocabulary, or the raw value when the vocabulary does not know it.
 *
 * @example
 * labelOf(STAGE_LABELS, 'upstream', 'zh-CN'); // → '上游'
 */
export function labelOf(labels: Record<string, Label>, value: string, locale: Locale): string {
  const label = labels[value];
  return label === undefined ? value : pick(label, locale);
}
