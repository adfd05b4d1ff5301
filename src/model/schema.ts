/**
 * The dataset model: zod schemas and, under the same noun, their inferred types.
 *
 * Conventions
 * - Money is in 亿元 (100 million CNY) unless a field's name or `unit` says otherwise.
 * - Every record may carry provenance: `basis` (cited / inferred / estimated), `sources`
 *   (citations of `sources[].id` with a locator), a `note`, and `fieldBasis` for fields whose
 *   basis differs from the record's (a cited enterprise whose segment is inferred).
 * - Objects are strict: an unknown key is reported, never silently dropped. Free-form columns
 *   go into `extra`.
 * - Enumerated fields accept English or Chinese terms (上游, 链主, 在建 ...) and are parsed to
 *   the English value (see ./vocabulary.ts).
 */
import * as z from 'zod';
import {
  Basis,
  EnterpriseStatus,
  LinkStatus,
  Metric,
  PolicyCode,
  ProjectStatus,
  RegionKind,
  Role,
  SegmentKind,
  Stage,
  TargetKind,
} from './vocabulary.js';

/** An identifier: non-empty, no whitespace, no `/` (used to qualify segments as `chain/segment`). */
export const Id = z
  .string()
  .min(1)
  .regex(/^[^\s/]+$/u, { message: 'an id has no whitespace and no "/"' });
export type Id = z.infer<typeof Id>;

/** A non-negative, finite amount (亿元, units of capacity, persons...). */
export const Amount = z.number().min(0);
/** A calendar year. */
export const Year = z.number().int().min(1900).max(2200);
/** A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const DateString = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/u, { message: 'a date is YYYY, YYYY-MM or YYYY-MM-DD' });
/** A percentage (growth rates, shares given in percent); may be negative. */
export const Percent = z.number();

/** A citation: the id of a source in `sources` and where in it (paragraph, table, page). */
export const Citation = z.strictObject({
  source: Id,
  locator: z.string().optional(),
});
export type Citation = z.infer<typeof Citation>;

/** Free-form extra columns a planner keeps with a record (kept as given). */
export const Extra = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type Extra = z.infer<typeof Extra>;

const provenance = {
  basis: Basis.optional(),
  sources: z.array(Citation).optional(),
  note: z.string().optional(),
  fieldBasis: z.record(z.string(), Basis).optional(),
};

/** Provenance fields shared by every record. */
export const Provenance = z.strictObject(provenance);
export type Provenance = z.infer<typeof Provenance>;

/** Dataset metadata. */
export const Meta = z.strictObject({
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  version: z.string().optional(),
  updated: DateString.optional(),
  /** The place the dataset is about (a region id); analyses default to it. */
  region: Id.optional(),
  language: z.string().optional(),
  note: z.string().optional(),
});
export type Meta = z.infer<typeof Meta>;

/** A document facts are taken from. */
export const Source = z.strictObject({
  id: Id,
  title: z.string().min(1),
  publisher: z.string().optional(),
  date: DateString.optional(),
  url: z.string().optional(),
  /** File name of a local copy, e.g. `003_adfb0228808a06f6.txt`. */
  file: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** A region: province → city → county/district → zone → park. */
export const Region = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  kind: RegionKind,
  parent: Id.optional(),
  ...provenance,
});
export type Region = z.infer<typeof Region>;

/** A GB/T 4754-2017 class (小类) code: four digits, e.g. `3415` 风能原动设备制造. */
export const IndustryCode = z.string().regex(/^\d{4}$/u, { message: 'a GB/T 4754-2017 class code has four digits' });
export type IndustryCode = z.infer<typeof IndustryCode>;

/**
 * A category of 战略性新兴产业分类(2018) (strategic emerging industries, NBS order No. 23):
 * its code (`6` 新能源产业, or a deeper code such as `6.2`) and name.
 */
export const EmergingCategory = z.strictObject({
  code: z.string().regex(/^[1-9](\.\d{1,2}){0,3}$/u, { message: 'a category code is like 6 or 6.2.1' }),
  name: z.string().min(1),
});
export type EmergingCategory = z.infer<typeof EmergingCategory>;

/**
 * A policy that bears on recruiting for a segment: its code, the policy document it comes from
 * (`source`, named in full) and a note on how it applies.
 */
export const PolicyFlag = z.strictObject({
  code: PolicyCode,
  source: z.string().min(1),
  note: z.string().optional(),
});
export type PolicyFlag = z.infer<typeof PolicyFlag>;

/** A segment (环节) of a chain. */
export const Segment = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  stage: Stage,
  /** What the segment makes or does: material, component, equipment, assembly, service, operation. */
  kind: SegmentKind.optional(),
  /** GB/T 4754-2017 class codes the segment's firms are registered under (several when it spans them). */
  industryCodes: z.array(IndustryCode).optional(),
  /** Its category in 战略性新兴产业分类(2018), where it is one. */
  emergingCategory: EmergingCategory.optional(),
  /** Capacity controls and restricted items that apply to it. */
  policy: z.array(PolicyFlag).optional(),
  /** Typical products of the segment, used for name matching and reports. */
  products: z.array(z.string().min(1)).optional(),
  /** Share of the chain's value created in this segment, in [0, 1]. */
  valueShare: z.number().min(0).max(1).optional(),
  description: z.string().optional(),
  ...provenance,
});
export type Segment = z.infer<typeof Segment>;

/**
 * A flow between two segments of one chain: the output of `from` is an input of `to`.
 * `coefficient` is the value of `from`'s output used per unit value of `to`'s output (the
 * input–output technical coefficient a_from,to).
 */
export const Flow = z.strictObject({
  from: Id,
  to: Id,
  coefficient: z.number().min(0).optional(),
  ...provenance,
});
export type Flow = z.infer<typeof Flow>;

/** A reusable chain template: the segments of an industry and the flows between them. */
export const ChainTemplate = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
  segments: z.array(Segment),
  flows: z.array(Flow).default([]),
  ...provenance,
});
export type ChainTemplate = z.infer<typeof ChainTemplate>;

/**
 * A chain as planned at a place. It may take its segments and flows from a template
 * (`template`), add its own, or list them all itself.
 */
export const Chain = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  template: Id.optional(),
  description: z.string().optional(),
  segments: z.array(Segment).default([]),
  flows: z.array(Flow).default([]),
  ...provenance,
});
export type Chain = z.infer<typeof Chain>;

/** A reference to a segment of a chain. */
export const SegmentRef = z.strictObject({
  chain: Id,
  segment: Id,
});
export type SegmentRef = z.infer<typeof SegmentRef>;

/** An enterprise's activity in a segment. */
export const Activity = z.strictObject({
  chain: Id,
  segment: Id,
  products: z.array(z.string().min(1)).optional(),
  ...provenance,
});
export type Activity = z.infer<typeof Activity>;

/** A role an enterprise holds in one chain, when it differs from its overall `role`. */
export const ChainRole = z.strictObject({
  chain: Id,
  role: Role,
  ...provenance,
});
export type ChainRole = z.infer<typeof ChainRole>;

/** A capacity figure: 4 GWh of cells, 100 MW, 10 万吨... */
export const Capacity = z.strictObject({
  value: Amount,
  unit: z.string().min(1),
  product: z.string().optional(),
  year: Year.optional(),
  ...provenance,
});
export type Capacity = z.infer<typeof Capacity>;

/** An enterprise (企业) of the chain, local or outside the place. */
export const Enterprise = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  region: Id,
  segments: z.array(Activity).default([]),
  role: Role.optional(),
  chainRoles: z.array(ChainRole).optional(),
  status: EnterpriseStatus.default('operating'),
  /** Yearly gross output (产值), 亿元. */
  output: Amount.optional(),
  outputYear: Year.optional(),
  capacity: z.array(Capacity).optional(),
  employees: Amount.optional(),
  /** 规上: above the statutory size threshold. */
  aboveScale: z.boolean().optional(),
  /** Parent company (an enterprise id), e.g. a regional headquarters of a group. */
  parent: Id.optional(),
  extra: Extra.optional(),
  ...provenance,
});
export type Enterprise = z.infer<typeof Enterprise>;

/** A supply link: `from` supplies `to`. */
export const SupplyLink = z.strictObject({
  id: Id.optional(),
  from: Id,
  to: Id,
  segment: SegmentRef.optional(),
  product: z.string().optional(),
  /** Value supplied per year, 亿元. */
  value: Amount.optional(),
  year: Year.optional(),
  status: LinkStatus.default('active'),
  since: DateString.optional(),
  extra: Extra.optional(),
  ...provenance,
});
export type SupplyLink = z.infer<typeof SupplyLink>;

/** A project (项目): signed (签约), under construction (开工), producing (投产), at capacity (达产). */
export const Project = z.strictObject({
  id: Id,
  name: z.string().min(1),
  enterprise: Id.optional(),
  chain: Id.optional(),
  segment: Id.optional(),
  region: Id,
  /** Total investment, 亿元. */
  investment: Amount.optional(),
  /** Expected yearly output at full capacity, 亿元. */
  expectedOutput: Amount.optional(),
  capacity: z.array(Capacity).optional(),
  startYear: Year.optional(),
  productionYear: Year.optional(),
  fullCapacityYear: Year.optional(),
  jobs: Amount.optional(),
  /** Land area, 亩. */
  area: Amount.optional(),
  status: ProjectStatus,
  phase: z.string().optional(),
  extra: Extra.optional(),
  ...provenance,
});
export type Project = z.infer<typeof Project>;

/** What a target or indicator is about: a region and optionally one chain. */
export const Scope = z.strictObject({
  region: Id,
  chain: Id.optional(),
});
export type Scope = z.infer<typeof Scope>;

/**
 * A target (目标) or announced expectation (预期): a level (`value`) and/or an average yearly
 * growth in percent (`growth`) to be reached by `year`.
 */
export const Target = z
  .strictObject({
    id: Id,
    scope: Scope,
    metric: Metric,
    kind: TargetKind.default('target'),
    value: Amount.optional(),
    unit: z.string().optional(),
    growth: Percent.optional(),
    /** `>` for 突破 (to exceed), `>=` for 以上 (at least). */
    comparator: z.enum(['>=', '>', '<=', '<', '=']).default('>='),
    year: Year.optional(),
    /** Part of the year the target is for, e.g. "一季度" (Q1), "1-8月". */
    period: z.string().optional(),
    baseYear: Year.optional(),
    /** What the target is conditional on, e.g. "once the chain is formed" (产业链形成后). */
    condition: z.string().optional(),
    ...provenance,
  })
  .refine((t) => t.value !== undefined || t.growth !== undefined, {
    message: 'a target has a value, a growth rate, or both',
    params: { code: 'missing_value' },
  });
export type Target = z.infer<typeof Target>;

/** An observed statistic (指标): output, investment, counts... for a period, with its growth. */
export const Indicator = z
  .strictObject({
    id: Id,
    scope: Scope,
    metric: Metric,
    value: Amount.optional(),
    unit: z.string().optional(),
    /** Year-on-year growth in percent. */
    growth: Percent.optional(),
    year: Year,
    /** Part of the year covered, e.g. "1-8月", "Q1". */
    period: z.string().optional(),
    ...provenance,
  })
  .refine((t) => t.value !== undefined || t.growth !== undefined, {
    message: 'an indicator has a value, a growth rate, or both',
    params: { code: 'missing_value' },
  });
export type Indicator = z.infer<typeof Indicator>;

/** A whole dataset: everything a planner knows about one or more chains at one or more places. */
export const Dataset = z.strictObject({
  $schema: z.string().optional(),
  meta: Meta,
  sources: z.array(Source).default([]),
  regions: z.array(Region),
  templates: z.array(ChainTemplate).default([]),
  chains: z.array(Chain),
  enterprises: z.array(Enterprise).default([]),
  links: z.array(SupplyLink).default([]),
  projects: z.array(Project).default([]),
  targets: z.array(Target).default([]),
  indicators: z.array(Indicator).default([]),
});
/** A parsed dataset: canonical values, defaults filled in. */
export type Dataset = z.output<typeof Dataset>;
/** A dataset as written by hand or read from a file, before parsing. */
export type DatasetInput = z.input<typeof Dataset>;

/** The collections of a dataset that hold records with ids, and the schema of one record. */
export const COLLECTIONS = {
  sources: Source,
  regions: Region,
  templates: ChainTemplate,
  chains: Chain,
  enterprises: Enterprise,
  links: SupplyLink,
  projects: Project,
  targets: Target,
  indicators: Indicator,
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
