/**
 * Names of the dataset's fields in Chinese and English, so that an issue message can say
 * "企业名称应为文本" rather than "enterprises[4].name: expected string". A label is the record's
 * name followed by the field's (企业 + 名称); the table follows the schemas of ./schema.ts.
 */
import type { Locale } from './issues.js';

/** A label in both languages: `[zh, en]`. */
type Pair = readonly [string, string];

/** One record type: its name, the names of its fields, and the record type of nested fields. */
interface RecordLabels {
  name: Pair;
  fields: Readonly<Record<string, Pair>>;
  nested?: Readonly<Record<string, string>>;
}

const PROVENANCE: Record<string, Pair> = {
  basis: ['依据', 'basis'],
  sources: ['来源', 'sources'],
  note: ['备注', 'note'],
  fieldBasis: ['字段依据', 'field basis'],
  extra: ['附加数据', 'extra data'],
};

const NAMED: Record<string, Pair> = {
  id: ['编号', 'id'],
  name: ['名称', 'name'],
  aliases: ['别名', 'aliases'],
  description: ['说明', 'description'],
};

const CAPACITY: Record<string, Pair> = { capacity: ['产能', 'capacity'] };

const RECORDS: Readonly<Record<string, RecordLabels>> = {
  meta: {
    name: ['数据集', 'dataset'],
    fields: { ...NAMED, version: ['版本', 'version'], updated: ['更新日期', 'update date'], region: ['默认地区', 'default region'], language: ['语言', 'language'], note: ['备注', 'note'] },
  },
  sources: {
    name: ['来源', 'source'],
    fields: { ...NAMED, title: ['标题', 'title'], publisher: ['发布机构', 'publisher'], date: ['日期', 'date'], url: ['网址', 'URL'], file: ['文件', 'file'], note: ['备注', 'note'] },
  },
  regions: {
    name: ['地区', 'region'],
    fields: { ...NAMED, ...PROVENANCE, kind: ['类型', 'kind'], parent: ['上级地区', 'parent region'] },
  },
  templates: {
    name: ['产业链模板', 'chain template'],
    fields: { ...NAMED, ...PROVENANCE, segments: ['环节', 'segments'], flows: ['环节流向', 'flows'] },
    nested: { segments: 'segment', flows: 'flow' },
  },
  chains: {
    name: ['产业链', 'chain'],
    fields: { ...NAMED, ...PROVENANCE, template: ['模板', 'template'], segments: ['环节', 'segments'], flows: ['环节流向', 'flows'] },
    nested: { segments: 'segment', flows: 'flow' },
  },
  segment: {
    name: ['环节', 'segment'],
    fields: { ...NAMED, ...PROVENANCE, stage: ['所处阶段', 'stage'], products: ['产品', 'products'], valueShare: ['价值占比', 'value share'] },
  },
  flow: {
    name: ['环节流向', 'flow'],
    fields: { ...PROVENANCE, from: ['起点环节', 'from segment'], to: ['终点环节', 'to segment'], coefficient: ['投入系数', 'coefficient'] },
  },
  enterprises: {
    name: ['企业', 'enterprise'],
    fields: {
      ...NAMED,
      ...PROVENANCE,
      ...CAPACITY,
      region: ['所在地区', 'region'],
      segments: ['所在环节', 'segments'],
      role: ['角色', 'role'],
      chainRoles: ['链上角色', 'chain roles'],
      status: ['状态', 'status'],
      output: ['产值', 'output'],
      outputYear: ['产值年份', 'output year'],
      employees: ['员工数', 'employees'],
      aboveScale: ['是否规上', 'above-scale flag'],
      parent: ['母公司', 'parent company'],
    },
    nested: { segments: 'activity', chainRoles: 'chainRole', capacity: 'capacity' },
  },
  activity: {
    name: ['企业所在环节', 'activity'],
    fields: { ...PROVENANCE, chain: ['的产业链', 'chain'], segment: ['', ''], products: ['的产品', 'products'] },
  },
  chainRole: { name: ['链上角色', 'chain role'], fields: { chain: ['的产业链', 'chain'], role: ['', ''] } },
  capacity: {
    name: ['产能', 'capacity'],
    fields: { value: ['数值', 'value'], unit: ['单位', 'unit'], product: ['产品', 'product'], year: ['年份', 'year'] },
  },
  links: {
    name: ['供应关系', 'supply link'],
    fields: {
      ...PROVENANCE,
      id: ['编号', 'id'],
      from: ['供方企业', 'supplier'],
      to: ['需方企业', 'buyer'],
      segment: ['所属环节', 'segment'],
      product: ['产品', 'product'],
      value: ['金额', 'value'],
      year: ['年份', 'year'],
      status: ['状态', 'status'],
      since: ['起始日期', 'start date'],
    },
    nested: { segment: 'segmentRef' },
  },
  segmentRef: { name: ['所属环节', 'segment'], fields: { chain: ['的产业链', 'chain'], segment: ['', ''] } },
  projects: {
    name: ['项目', 'project'],
    fields: {
      ...NAMED,
      ...PROVENANCE,
      ...CAPACITY,
      enterprise: ['企业', 'enterprise'],
      chain: ['所属产业链', 'chain'],
      segment: ['所属环节', 'segment'],
      region: ['所在地区', 'region'],
      investment: ['投资额', 'investment'],
      expectedOutput: ['预期产值', 'expected output'],
      startYear: ['开工年份', 'start year'],
      productionYear: ['投产年份', 'production year'],
      fullCapacityYear: ['达产年份', 'full-capacity year'],
      jobs: ['就业人数', 'jobs'],
      area: ['占地面积', 'area'],
      status: ['状态', 'status'],
      phase: ['期次', 'phase'],
    },
    nested: { capacity: 'capacity' },
  },
  targets: {
    name: ['目标', 'target'],
    fields: {
      ...PROVENANCE,
      id: ['编号', 'id'],
      scope: ['范围', 'scope'],
      metric: ['指标类别', 'metric'],
      kind: ['类型', 'kind'],
      value: ['数值', 'value'],
      unit: ['单位', 'unit'],
      growth: ['增长率', 'growth'],
      comparator: ['比较方式', 'comparator'],
      year: ['年份', 'year'],
      period: ['时段', 'period'],
      baseYear: ['基准年', 'base year'],
      condition: ['条件', 'condition'],
    },
    nested: { scope: 'scope' },
  },
  indicators: {
    name: ['指标', 'indicator'],
    fields: {
      ...PROVENANCE,
      id: ['编号', 'id'],
      scope: ['范围', 'scope'],
      metric: ['指标类别', 'metric'],
      value: ['数值', 'value'],
      unit: ['单位', 'unit'],
      growth: ['增长率', 'growth'],
      year: ['年份', 'year'],
      period: ['时段', 'period'],
    },
    nested: { scope: 'scope' },
  },
  scope: { name: ['范围', 'scope'], fields: { region: ['的地区', 'region'], chain: ['的产业链', 'chain'] } },
  citation: { name: ['引用', 'citation'], fields: { source: ['的来源', 'source'], locator: ['的出处', 'locator'] } },
};

/** The record type a field below `type` holds, when it holds records. */
function nestedType(type: string, key: string): string | undefined {
  if (key === 'sources' && type !== 'meta') return 'citation';
  return RECORDS[type]?.nested?.[key];
}

/**
 * The name of the field a dataset path points at, in a locale: `企业名称` for
 * `enterprises[4].name`, `供应关系需方企业` for `links[3].to`; for a whole record, the record's
 * name (`企业`). Undefined for a path the table does not know (the root, `extra` keys).
 *
 * @example
 * fieldLabel(['enterprises', 4, 'name'], 'zh-CN') // → '企业名称'
 * fieldLabel(['enterprises', 4, 'name'], 'en') // → 'enterprise name'
 */
export function fieldLabel(path: readonly PropertyKey[], locale: Locale): string | undefined {
  const [head] = path;
  if (typeof head !== 'string' || !Object.hasOwn(RECORDS, head)) return undefined;
  const en = locale === 'en' ? 1 : 0;
  let type = head;
  // the names of the records passed through: 供应关系 + 所属环节 + 的产业链
  let prefix = '';
  let field: Pair | undefined;
  let previous: string | undefined;
  for (let k = 1; k < path.length; k++) {
    const key = path[k];
    if (typeof key !== 'string') continue;
    if (previous !== undefined) {
      const inner = nestedType(type, previous);
      if (inner === undefined) return undefined;
      const outer = RECORDS[type]!.name[en];
      const name = RECORDS[inner]!.name[en];
      prefix = name.startsWith(outer) ? prefix : `${prefix}${outer}${en ? ' ' : ''}`;
      type = inner;
    }
    field = Object.hasOwn(RECORDS[type]!.fields, key) ? RECORDS[type]!.fields[key] : undefined;
    if (field === undefined) return undefined;
    previous = key;
  }
  const record = `${prefix}${RECORDS[type]!.name[en]}`;
  if (field === undefined) return record;
  if (!en) return `${record}${field[0]}`;
  return field[1] === '' ? record : `${record} ${field[1]}`;
}
