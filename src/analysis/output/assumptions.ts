/**
 * The assumptions of the estimate: their defaults with the source of each, their checks, and the
 * notes that report each as used (given by the caller or default).
 */
import { formatShare } from '../../internal/format.js';
import { ChainError } from '../../model/issues.js';
import { PROJECT_STATUSES, ROLES, type ProjectStatus } from '../../model/vocabulary.js';
import type { AssumptionNote, OutputAssumptionOptions, OutputAssumptions, Triangular } from './types.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Default assumptions of {@link estimateOutput}, with the reason for each in
 * {@link OutputEstimate.assumptionNotes}.
 *
 * @example
 * DEFAULT_OUTPUT_ASSUMPTIONS.rampUp; // [0.4, 0.8, 1]
 * estimateOutput(model, { years: [2024, 2025], assumptions: { growthRate: 0.08 } });
 */
export const DEFAULT_OUTPUT_ASSUMPTIONS: Readonly<OutputAssumptions> = deepFreeze({
  baseYear: null,
  growthRate: 0.05,
  growthSpread: 0.03,
  rampUp: [0.4, 0.8, 1],
  likelihood: {
    planned: 0.2,
    signed: 0.5,
    'under-construction': 0.8,
    'in-production': 0.95,
    'at-capacity': 1,
    cancelled: 0,
  },
  delayProbabilities: [0.5, 0.3, 0.2],
  shortfall: { min: 0.6, mode: 0.9, max: 1.1 },
  productionLag: 1,
  startLag: { planned: 2, signed: 1, 'under-construction': 0 },
  utilisation: { min: 0.6, mode: 0.75, max: 0.9 },
  prices: [
    {
      unit: 'GWh',
      products: ['储能系统', '系统集成', 'pack', '电池包', 'storage system'],
      price: 7.5,
      basis: 'derived',
      note: 'doc-003 (甘肃日报 2024-04-16): 酒泉南都 4GWh LFP storage cells, PACK and system integration, expected yearly output 30亿元 → 7.5亿元/GWh',
    },
    {
      unit: 'GWh',
      products: ['电芯', '电池', 'cell', 'battery'],
      price: 3.5,
      basis: 'assumption',
      note: 'about 0.35元/Wh, a rough 2024 price of LFP storage cells; check against current quotes',
    },
    {
      unit: 'GWh',
      price: 3.5,
      basis: 'assumption',
      note: 'GWh with no product named is taken as storage cells (0.35元/Wh); check',
    },
    {
      unit: 'GW',
      products: ['组件', 'module'],
      price: 8,
      basis: 'assumption',
      note: 'about 0.8元/W, a rough 2024 PV module price; check against current quotes',
    },
    {
      unit: 'GW',
      products: ['风机', '整机', '风电机组', 'turbine'],
      price: 15,
      basis: 'assumption',
      note: 'about 1500元/kW, a rough 2024 onshore wind-turbine price without tower; check',
    },
  ],
  leaderRoles: ['leader'],
  localShare: 0.3,
  localShares: {},
  induced: 'net',
  expectationHorizon: null,
  baseline: 'firms',
} satisfies OutputAssumptions);

const ASSUMPTION_KEYS = Object.keys(DEFAULT_OUTPUT_ASSUMPTIONS) as (keyof OutputAssumptions)[];

// ---------------------------------------------------------------------------------------------
// options

/**
 * Throws the error of a bad option.
 *
 * @example
 * invalid('runs must be an integer in 1..1 000 000', { value: 0 }); // throws ChainError invalid_argument
 */
export function invalid(message: string, details: Record<string, unknown> = {}): never {
  throw new ChainError('invalid_argument', message, details);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkShare(name: string, v: unknown): void {
  if (!isNum(v) || v < 0 || v > 1) invalid(`${name} must be a share in [0, 1], got ${String(v)}`, { option: name, value: v });
}

function checkTriangular(name: string, t: Triangular): void {
  if (!t || !isNum(t.min) || !isNum(t.mode) || !isNum(t.max) || t.min < 0 || t.min > t.mode || t.mode > t.max)
    invalid(`${name} must be { min, mode, max } with 0 ≤ min ≤ mode ≤ max`, { option: name, value: t });
}

/**
 * The assumptions as used: the given ones over the defaults, checked; and which keys were given.
 *
 * @example
 * resolveAssumptions({ growthRate: 0.08 }).a.likelihood.signed; // 0.5, the default merged in
 */
export function resolveAssumptions(given: OutputAssumptionOptions | undefined): { a: OutputAssumptions; givenKeys: Set<string> } {
  const g = given ?? {};
  for (const key of Object.keys(g))
    if (!ASSUMPTION_KEYS.includes(key as keyof OutputAssumptions))
      invalid(`unknown assumption "${key}"`, { option: key, valid: ASSUMPTION_KEYS });
  const d = DEFAULT_OUTPUT_ASSUMPTIONS;
  const a: OutputAssumptions = {
    baseYear: g.baseYear ?? d.baseYear,
    growthRate: g.growthRate ?? d.growthRate,
    growthSpread: g.growthSpread ?? d.growthSpread,
    rampUp: [...(g.rampUp ?? d.rampUp)],
    likelihood: { ...d.likelihood, ...g.likelihood },
    delayProbabilities: [...(g.delayProbabilities ?? d.delayProbabilities)],
    shortfall: { ...(g.shortfall ?? d.shortfall) },
    productionLag: g.productionLag ?? d.productionLag,
    startLag: { ...d.startLag, ...g.startLag },
    utilisation: { ...(g.utilisation ?? d.utilisation) },
    prices: (g.prices ?? d.prices).map((p) => ({ ...p, ...(p.products ? { products: [...p.products] } : {}) })),
    leaderRoles: [...(g.leaderRoles ?? d.leaderRoles)],
    localShare: g.localShare ?? d.localShare,
    localShares: { ...(g.localShares ?? d.localShares) },
    induced: g.induced ?? d.induced,
    expectationHorizon: g.expectationHorizon ?? d.expectationHorizon,
    baseline: g.baseline ?? d.baseline,
  };
  const year = (name: string, v: unknown) => {
    if (!(Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2200))
      invalid(`${name} must be a year (integer 1900–2200), got ${String(v)}`, { option: name, value: v });
  };
  if (a.baseYear !== null) year('baseYear', a.baseYear);
  if (a.expectationHorizon !== null) year('expectationHorizon', a.expectationHorizon);
  if (!isNum(a.growthRate) || a.growthRate <= -1) invalid('growthRate must be a number > −1', { value: a.growthRate });
  if (!isNum(a.growthSpread) || a.growthSpread < 0) invalid('growthSpread must be ≥ 0', { value: a.growthSpread });
  if (a.rampUp.length === 0 || a.rampUp.some((v) => !isNum(v) || v < 0))
    invalid('rampUp must be a non-empty list of shares ≥ 0', { value: a.rampUp });
  for (const s of PROJECT_STATUSES) checkShare(`likelihood.${s}`, a.likelihood[s]);
  for (const key of Object.keys(a.likelihood))
    if (!PROJECT_STATUSES.includes(key as ProjectStatus)) invalid(`unknown project status "${key}" in likelihood`, { valid: PROJECT_STATUSES });
  const delaySum = a.delayProbabilities.reduce((s, v) => s + v, 0);
  if (a.delayProbabilities.length === 0 || a.delayProbabilities.some((v) => !isNum(v) || v < 0) || Math.abs(delaySum - 1) > 1e-9)
    invalid('delayProbabilities must be probabilities ≥ 0 of a delay of 0, 1, 2, ... years summing to 1', { value: a.delayProbabilities });
  checkTriangular('shortfall', a.shortfall);
  checkTriangular('utilisation', a.utilisation);
  const lag = (name: string, v: unknown) => {
    if (!(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 50)) invalid(`${name} must be a whole number of years ≥ 0`, { value: v });
  };
  lag('productionLag', a.productionLag);
  lag('startLag.planned', a.startLag.planned);
  lag('startLag.signed', a.startLag.signed);
  lag('startLag.under-construction', a.startLag['under-construction']);
  a.prices.forEach((p, i) => {
    if (!p || typeof p.unit !== 'string' || p.unit.trim() === '' || !isNum(p.price) || p.price < 0)
      invalid(`prices[${i}] needs a unit and a price ≥ 0 (亿元 per unit)`, { value: p });
  });
  for (const r of a.leaderRoles) if (!ROLES.includes(r)) invalid(`unknown role "${String(r)}" in leaderRoles`, { valid: ROLES });
  checkShare('localShare', a.localShare);
  for (const [k, v] of Object.entries(a.localShares)) checkShare(`localShares.${k}`, v);
  if (!['net', 'gross', 'none'].includes(a.induced)) invalid(`induced must be 'net', 'gross' or 'none'`, { value: a.induced });
  if (!['firms', 'indicators'].includes(a.baseline)) invalid(`baseline must be 'firms' or 'indicators'`, { value: a.baseline });
  return { a, givenKeys: new Set(Object.keys(g)) };
}

/**
 * One note per assumption as used: its value, whether given, and its source or reason.
 *
 * @example
 * noteAssumptions(a, new Set(['growthRate']), 2024, 2030, [2025, 2030])[1].given; // true
 */
export function noteAssumptions(
  a: OutputAssumptions,
  given: ReadonlySet<string>,
  baseYear: number,
  horizon: number,
  years: readonly number[],
): AssumptionNote[] {
  const note = (key: keyof OutputAssumptions, value: unknown, zh: string, en: string): AssumptionNote => ({
    key,
    value,
    given: given.has(key),
    reason: given.has(key) ? { zh: `由使用者设定：${zh}`, en: `set by the caller: ${en}` } : { zh, en },
  });
  const lik = a.likelihood;
  const tri = (t: Triangular) => `(${t.min}, ${t.mode}, ${t.max})`;
  return [
    note('baseYear', baseYear, `基年 ${baseYear}：范围内最近的观测年份（企业产值年份、指标年份），否则为首个测算年`, `base year ${baseYear}: the latest observed year in scope (enterprise output years, indicator years), else the first requested year`),
    note('growthRate', a.growthRate, `在产企业产值年增长 ${formatShare(a.growthRate)}（假设，接近 2023 年全国规上工业增加值增速 4.6%，国家统计局）`, `current output grows ${formatShare(a.growthRate)} a year (assumption, near the 4.6% growth of China's industrial value added in 2023, NBS)`),
    note('growthSpread', a.growthSpread, `增速的标准差 ${formatShare(a.growthSpread)}，每次模拟全部企业共用一个增速`, `standard deviation of the growth rate ${formatShare(a.growthSpread)}; one rate per run, shared by all firms`),
    note('rampUp', a.rampUp, `项目投产后第 1、2、3… 年达到满产的 ${a.rampUp.map(formatShare).join('/')}（假设；给出达产年份的项目按线性爬坡）`, `projects reach ${a.rampUp.map(formatShare).join(' / ')} of full output in production years 1, 2, 3... (assumption; a project with a full-capacity year ramps linearly to it)`),
    note('likelihood', lik, `落地概率：谋划 ${lik.planned}（doc-003：储备项目转化率力争 20%以上）、签约 ${lik.signed}、在建 ${lik['under-construction']}、投产 ${lik['in-production']}、达产 ${lik['at-capacity']}、取消 ${lik.cancelled}（其余为假设）`, `likelihood: planned ${lik.planned} (doc-003: the city aims to convert at least 20% of its reserve projects), signed ${lik.signed}, under construction ${lik['under-construction']}, in production ${lik['in-production']}, at capacity ${lik['at-capacity']}, cancelled ${lik.cancelled} (the others are assumptions)`),
    note('delayProbabilities', a.delayProbabilities, `尚未投产的项目延期 0、1、2… 年的概率 ${a.delayProbabilities.join('/')}（假设）`, `probability of a delay of 0, 1, 2... years for projects not yet producing: ${a.delayProbabilities.join(' / ')} (assumption)`),
    note('shortfall', a.shortfall, `项目实际产值与公布预期之比 ~ 三角分布 ${tri(a.shortfall)}（假设：公布的预期产值往往偏乐观）`, `realised over announced project output ~ Triangular${tri(a.shortfall)} (assumption: announced outputs tend to be optimistic)`),
    note('productionLag', a.productionLag, `开工到投产 ${a.productionLag} 年（doc-003：远景一期开工半年即投产，南都 2023年8月开工、次年调试）`, `${a.productionLag} year(s) from start to production (doc-003: 远景 phase 1 produced half a year after starting; 南都 started in August 2023 and was commissioning in spring 2024)`),
    note('startLag', a.startLag, `未给年份的项目自基年起开工：谋划 ${a.startLag.planned} 年、签约 ${a.startLag.signed} 年、在建 ${a.startLag['under-construction']} 年后（假设）`, `undated projects start ${a.startLag.planned} / ${a.startLag.signed} / ${a.startLag['under-construction']} years after the base year when planned / signed / under construction (assumption)`),
    note('utilisation', a.utilisation, `产能利用率 ~ 三角分布 ${tri(a.utilisation)}（众数取 2023 年全国工业产能利用率 75.1%，国家统计局）`, `capacity utilisation ~ Triangular${tri(a.utilisation)} (mode near China's 2023 industrial capacity utilisation of 75.1%, NBS)`),
    note('prices', a.prices, `产能单价表：${a.prices.map((p) => `${p.products?.[0] ?? '任意产品'} ${p.price}亿元/${p.unit}（${p.basis === 'derived' ? '推算' : '假设，需核实'}）`).join('；')}`, `unit prices: ${a.prices.map((p) => `${p.products?.[0] ?? 'any product'} ${p.price} 亿元/${p.unit} (${p.basis === 'derived' ? 'derived' : 'assumption to check'})`).join('; ')}`),
    note('leaderRoles', a.leaderRoles, `带动产值的企业角色：${a.leaderRoles.join('、')}`, `roles whose output drives induced output: ${a.leaderRoles.join(', ')}`),
    note('localShare', a.localShare, `有本地企业但无供货金额的环节，本地配套率取 ${formatShare(a.localShare)}（假设）；无本地企业的环节取 0`, `local supply share of a segment with local firms but no valued links: ${formatShare(a.localShare)} (assumption); 0 where no local firm is in the segment`),
    note('localShares', a.localShares, `使用者指定的本地配套率：${Object.keys(a.localShares).length} 个环节`, `local shares set by the caller: ${Object.keys(a.localShares).length} segment(s)`),
    note('induced', a.induced, a.induced === 'net' ? '带动产值扣除已列入的本地企业在该环节的产值后计入（避免重复）' : a.induced === 'gross' ? '带动产值全额计入（可能与已列入企业重复）' : '带动产值只报告，不计入合计', a.induced === 'net' ? 'induced output is added net of the listed local firms\' output in the segment (no double counting)' : a.induced === 'gross' ? 'induced output is added in full (may overlap listed firms)' : 'induced output is reported, not added'),
    note('expectationHorizon', horizon, `未给年份的预期按 ${horizon} 年审核${horizon === years[years.length - 1] ? '（测算末年）' : ''}`, `expectations without a year are audited at ${horizon}${horizon === years[years.length - 1] ? ' (the last requested year)' : ''}`),
    note('baseline', a.baseline, a.baseline === 'firms' ? '全域目标按已建模企业审核' : '全域目标按观测产值指标外推审核（无指标时按企业）', a.baseline === 'firms' ? 'region-wide targets are audited against the modelled firms' : 'region-wide targets are audited against observed output indicators projected forward (firms where there is none)'),
  ];
}


