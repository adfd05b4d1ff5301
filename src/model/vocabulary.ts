/**
 * Controlled vocabularies of the dataset model.
 *
 * Every enumerated field accepts the canonical English value and the Chinese term planners
 * write (上游, 链主, 在建 ...), in any letter case, with full-width letters, and with spaces or
 * underscores for hyphens ("Under Construction", "UNDER_CONSTRUCTION"). Parsing maps every
 * accepted spelling to the English value, so the parsed dataset always holds one canonical
 * spelling. A synonym is listed only where it names one value of its vocabulary unambiguously
 * (投产 is `operating` for an enterprise, `in-production` for a project).
 */
import * as z from 'zod';

/**
 * The matching key of a term: NFKC (full-width letters to ASCII), trimmed, lower case, runs of
 * spaces and underscores as one hyphen.
 *
 * @example
 * foldTerm(' Under_Construction ') // → 'under-construction'
 */
export function foldTerm(term: string): string {
  return term.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/gu, '-');
}

/** The canonical value of each accepted spelling, per vocabulary schema (for the fast parser). */
const lookups = new WeakMap<object, (value: unknown) => string | undefined>();

/**
 * The canonical value a vocabulary schema maps a term to, or undefined when it does not accept
 * the term. Same answer as parsing with the schema, without zod's per-call cost.
 *
 * @example
 * vocabularyLookup(Stage)('Downstream') // → 'downstream'
 */
export function vocabularyLookup(schema: z.ZodType): (value: unknown) => string | undefined {
  const lookup = lookups.get(schema);
  if (!lookup) throw new TypeError('not a vocabulary schema');
  return lookup;
}

/**
 * Builds a zod schema that accepts canonical values and synonyms in any spelling the key of
 * {@link foldTerm} allows, and outputs the canonical value. An unknown term fails as zod's
 * `invalid_value` listing the canonical values. The JSON Schema lists the canonical values and
 * the synonyms as written here, for editors' completion.
 */
function vocabulary<const T extends readonly [string, ...string[]]>(
  canonical: T,
  synonyms: Readonly<Record<string, T[number]>>,
): z.ZodType<T[number], string> {
  const table = new Map<string, T[number]>();
  for (const value of canonical) table.set(foldTerm(value), value);
  for (const [term, value] of Object.entries(synonyms)) table.set(foldTerm(term), value);
  const lookup = (value: unknown): T[number] | undefined =>
    typeof value === 'string' ? (table.get(value) ?? table.get(foldTerm(value))) : undefined;
  const schema = z
    .preprocess((value) => lookup(value) ?? value, z.enum(canonical))
    .meta({ type: 'string', enum: [...canonical, ...Object.keys(synonyms)] });
  lookups.set(schema, lookup);
  return schema as unknown as z.ZodType<T[number], string>;
}

/** Position of a segment in its chain: 上游 (raw materials), 中游 (components), 下游 (end use). */
export const STAGES = ['upstream', 'midstream', 'downstream'] as const;
export type Stage = (typeof STAGES)[number];
export const Stage = vocabulary(STAGES, { 上游: 'upstream', 中游: 'midstream', 下游: 'downstream' });

/**
 * What a segment makes or does, so analyses can tell a supplier segment from an end product:
 * 材料 (materials), 零部件 (components and subsystems), 装备 (production equipment and machinery
 * sold to other industries), 整机/总装 (the chain's assembled end product), 服务 (services:
 * design, EPC, maintenance, logistics, sales) and 运营 (operating an asset: a power plant, a
 * station, a mine).
 */
export const SEGMENT_KINDS = ['material', 'component', 'equipment', 'assembly', 'service', 'operation'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];
export const SegmentKind = vocabulary(SEGMENT_KINDS, {
  材料: 'material',
  原材料: 'material',
  零部件: 'component',
  部件: 'component',
  装备: 'equipment',
  设备: 'equipment',
  整机: 'assembly',
  总装: 'assembly',
  服务: 'service',
  运营: 'operation',
});

/**
 * Policy flags on a segment: 产能置换 (`capacity_replacement`, new capacity only against the
 * retirement of old, as for steel, cement clinker, flat glass and electrolytic aluminium) and
 * 限制类 (`restricted`, a restricted item of the 产业结构调整指导目录).
 */
export const POLICY_CODES = ['capacity_replacement', 'restricted'] as const;
export type PolicyCode = (typeof POLICY_CODES)[number];
export const PolicyCode = vocabulary(POLICY_CODES, { 产能置换: 'capacity_replacement', 限制类: 'restricted' });

/**
 * Role of an enterprise in a chain: 链主 (leader, organises the chain), 龙头 (leading firm of the
 * industry), 链核 (core firm, one level below the leader), 配套 (supporting supplier).
 */
export const ROLES = ['leader', 'leading', 'core', 'supporting', 'other'] as const;
export type Role = (typeof ROLES)[number];
export const Role = vocabulary(ROLES, {
  链主: 'leader',
  链主企业: 'leader',
  龙头: 'leading',
  龙头企业: 'leading',
  链核: 'core',
  链核企业: 'core',
  配套: 'supporting',
  配套企业: 'supporting',
  其他: 'other',
});

/** Life-cycle status of an enterprise at the place. */
export const ENTERPRISE_STATUSES = [
  'operating',
  'under-construction',
  'signed',
  'planned',
  'prospect',
  'closed',
] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];
export const EnterpriseStatus = vocabulary(ENTERPRISE_STATUSES, {
  运营: 'operating',
  在产: 'operating',
  投产: 'operating',
  已投产: 'operating',
  生产: 'operating',
  在建: 'under-construction',
  建设中: 'under-construction',
  签约: 'signed',
  已签约: 'signed',
  规划: 'planned',
  意向: 'prospect',
  潜在: 'prospect',
  关停: 'closed',
  关闭: 'closed',
  注销: 'closed',
});

/** Status of a supply link: active, brokered by the zone (撮合/对接), planned, potential, ended. */
export const LINK_STATUSES = ['active', 'brokered', 'planned', 'potential', 'ended'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
export const LinkStatus = vocabulary(LINK_STATUSES, {
  在供: 'active',
  供货: 'active',
  供应: 'active',
  撮合: 'brokered',
  对接: 'brokered',
  计划: 'planned',
  潜在: 'potential',
  终止: 'ended',
  已终止: 'ended',
});

/**
 * Status of a project: 谋划 planned, 签约 signed, 开工/在建 under construction, 投产 in
 * production, 达产 at full capacity, 取消 cancelled.
 */
export const PROJECT_STATUSES = [
  'planned',
  'signed',
  'under-construction',
  'in-production',
  'at-capacity',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const ProjectStatus = vocabulary(PROJECT_STATUSES, {
  谋划: 'planned',
  规划: 'planned',
  签约: 'signed',
  已签约: 'signed',
  开工: 'under-construction',
  在建: 'under-construction',
  建设中: 'under-construction',
  投产: 'in-production',
  已投产: 'in-production',
  达产: 'at-capacity',
  已达产: 'at-capacity',
  取消: 'cancelled',
  canceled: 'cancelled',
});

/** How a fact is known: cited from a source, inferred from public knowledge, or estimated. */
export const BASES = ['cited', 'inferred', 'estimated'] as const;
export type Basis = (typeof BASES)[number];
export const Basis = vocabulary(BASES, { 引用: 'cited', 推断: 'inferred', 估算: 'estimated' });

/** Kind of a region in the hierarchy province → city → county → zone → park. */
export const REGION_KINDS = [
  'country',
  'province',
  'city',
  'county',
  'district',
  'zone',
  'park',
  'other',
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
export const RegionKind = vocabulary(REGION_KINDS, {
  国家: 'country',
  省: 'province',
  市: 'city',
  县: 'county',
  // county-level: autonomous counties and the banners of Inner Mongolia
  自治县: 'county',
  旗: 'county',
  区: 'district',
  市辖区: 'district',
  开发区: 'zone',
  经开区: 'zone',
  高新区: 'zone',
  园区: 'park',
  产业园: 'park',
  工业园区: 'park',
  其他: 'other',
});

/**
 * What a target or an indicator measures. Money metrics are in 亿元 unless the record's `unit`
 * says otherwise; counts are plain numbers; growth is given separately as percent per year.
 */
export const METRICS = [
  'output',
  'sales',
  'value-added',
  'gdp',
  'fixed-asset-investment',
  'industrial-investment',
  'investment-received',
  'project-investment',
  'enterprise-count',
  'project-count',
  'jobs',
  'other',
] as const;
export type Metric = (typeof METRICS)[number];
export const Metric = vocabulary(METRICS, {
  产值: 'output',
  总产值: 'output',
  销售收入: 'sales',
  增加值: 'value-added',
  生产总值: 'gdp',
  固定资产投资: 'fixed-asset-investment',
  工业投资: 'industrial-investment',
  到位资金: 'investment-received',
  项目投资: 'project-investment',
  企业数: 'enterprise-count',
  项目数: 'project-count',
  就业: 'jobs',
});

/** Kind of a target: a set goal (目标) or an announced expectation (预期, 可实现). */
export const TARGET_KINDS = ['target', 'expectation'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TargetKind = vocabulary(TARGET_KINDS, { 目标: 'target', 预期: 'expectation' });
