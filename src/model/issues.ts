/**
 * Validation issues: data, not exceptions. Each issue has a `code`, a `path` into the input
 * (`links[3].to`), the `params` behind it, and a `message` rendered from code and params in
 * Chinese or English. Messages are produced apart from the issue, as zod does, so an issue can
 * be re-rendered in another locale with {@link formatIssue}.
 */

import { fieldLabel } from './field-labels.js';

/** Locales messages are rendered in. */
export type Locale = 'zh-CN' | 'en';

/** Codes of dataset issues. */
export type IssueCode =
  // shape (from the zod schemas)
  | 'invalid_type'
  | 'missing_field'
  | 'invalid_value'
  | 'invalid_format'
  | 'unknown_field'
  | 'too_small'
  | 'too_big'
  | 'negative_amount'
  | 'non_finite_amount'
  | 'missing_value'
  // values no analysis can use, and hostile input
  | 'implausible_amount'
  | 'blank_name'
  | 'lone_surrogate'
  | 'reserved_key'
  | 'too_deep'
  | 'cyclic_value'
  | 'unreadable_value'
  // cross-references
  | 'duplicate_id'
  | 'unknown_region'
  | 'unknown_chain'
  | 'unknown_segment'
  | 'unknown_template'
  | 'unknown_enterprise'
  | 'unknown_source'
  | 'unknown_project'
  | 'region_cycle'
  | 'flow_cycle'
  | 'flow_cross_chain'
  | 'self_link'
  | 'segment_without_chain'
  | 'production_before_start'
  | 'citation_missing'
  | 'coefficients_not_productive'
  | 'duplicate_link'
  | 'unknown_industry_code'
  // reading files
  | 'file_not_found'
  | 'unreadable_file'
  | 'invalid_json'
  | 'invalid_yaml'
  | 'invalid_csv'
  | 'invalid_encoding'
  | 'unsupported_format'
  | 'unexpected_file'
  | 'duplicate_key'
  | 'not_regular_file'
  | 'file_too_large';

/** How serious an issue is: errors make a dataset invalid, warnings do not. */
export type Severity = 'error' | 'warning';

/** One problem found in a dataset. */
export interface DatasetIssue {
  code: IssueCode;
  severity: Severity;
  /** Where: `links[3].to`, `regions[0]`, or `file.csv:12:3` for files. Empty for the root. */
  path: string;
  /** The path as keys and indices. */
  pathSegments: (string | number)[];
  /** The numbers and names the message is rendered from. */
  params: Record<string, unknown>;
  message: string;
}

/** Formats a path as `links[3].to`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      out += /^[A-Za-z_$][\w$]*$/u.test(key) ? (out === '' ? key : `.${key}`) : `[${excerpt(key)}]`;
    }
  }
  return out;
}

// characters that print as nothing or reorder text: zero-width and bidi controls, soft hyphen,
// BOM, line/paragraph separators, C0/C1 controls (JSON.stringify escapes C0 and lone surrogates)
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/gu;

/** Invisible characters as `\u200b`-style escapes, so that "e1" and "e1\u200b" look different. */
function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Longest excerpt of a value that a message quotes, in characters. */
const EXCERPT = 60;

/**
 * A short, bounded, printable excerpt of any value: strings quoted and cut at {@link EXCERPT}
 * characters, invisible characters escaped; objects and arrays summarised without walking
 * them whole; never throws (throwing getters, proxies, BigInt, cycles).
 *
 * @example
 * excerpt('e1\u200b') // → '"e1\\u200b"'
 */
export function excerpt(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string': {
        const cut = value.length > EXCERPT ? `${value.slice(0, EXCERPT)}…(${value.length} chars)` : value;
        return visible(JSON.stringify(cut));
      }
      case 'number':
        return Object.is(value, -0) ? '-0' : String(value);
      case 'bigint': {
        const text = value.toString();
        return text.length > 24 ? `${text.slice(0, 20)}…n (${text.length} digits)` : `${text}n`;
      }
      case 'undefined':
      case 'boolean':
        return String(value);
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
      default:
        break;
    }
    if (value === null) return 'null';
    const small = Array.isArray(value) ? value.length <= 20 && value.every(isPrimitive) : Object.keys(value as object).length <= 20 && Object.values(value as object).every(isPrimitive);
    if (small) {
      // flat and small: print it as JSON, as the input had it
      const json = JSON.stringify(value);
      if (json !== undefined) return visible(json.length > 80 ? `${json.slice(0, 77)}...` : json);
    }
    if (Array.isArray(value)) return `an array of ${value.length} item(s)`;
    const keys = Object.keys(value as object);
    const shown = keys.slice(0, 4).map((key) => visible(JSON.stringify(key.length > 20 ? `${key.slice(0, 20)}…` : key)));
    return `{${shown.join(', ')}${keys.length > 4 ? `, … ${keys.length - 4} more` : ''}}`;
  } catch {
    return 'a value that cannot be read';
  }
}

const show = excerpt;

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'bigint');
}

/** `企业产值：` before a message about a value, when the field has a name. */
function labelled(at: Context): string {
  return at.label === undefined ? '' : `${at.label}：`;
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map(show).join(', ') : show(values);
}

/** The type names zod reports, in words. */
const TYPE_WORDS: Record<Locale, Record<string, string>> = {
  en: { string: 'text', number: 'a number', int: 'an integer', boolean: 'true or false', array: 'a list', object: 'an object', record: 'an object', null: 'null' },
  'zh-CN': { string: '文本', number: '数值', int: '整数', boolean: '是否值（true 或 false）', array: '列表', object: '对象', record: '对象', null: '空值' },
};

function typeWords(expected: unknown, locale: Locale): string {
  return TYPE_WORDS[locale][String(expected)] ?? String(expected);
}

/** A near-miss suggestion for an unknown reference: `；是否应为 "qs-cathode"（青山正极）？`. */
function suggestion(p: Record<string, unknown>, locale: Locale): string {
  const s = p.suggestion as { id: string; name?: string } | undefined;
  if (!s) return '';
  if (locale === 'en') return `; did you mean ${show(s.id)}${s.name === undefined ? '' : ` (${s.name})`}?`;
  return `；是否应为 ${show(s.id)}${s.name === undefined ? '' : `（${s.name}）`}？`;
}

/** What a renderer gets besides the params: the field's name in the locale, when known. */
interface Context {
  label: string | undefined;
}

type Renderer = (p: Record<string, unknown>, at: Context) => string;

const MESSAGES: Record<Locale, Record<IssueCode, Renderer>> = {
  en: {
    invalid_type: (p) => `expected ${typeWords(p.expected, 'en')}, got ${show(p.received)}`,
    missing_field: (p, at) =>
      `required field ${at.label === undefined ? '' : `(${at.label}) `}is missing (expected ${typeWords(p.expected, 'en')})`,
    invalid_value: (p) => `invalid value ${show(p.received)}; expected one of ${list(p.allowed)}`,
    invalid_format: (p) => `${show(p.received)} has the wrong format: ${String(p.detail)}`,
    unknown_field: (p) => `unknown field(s) ${list(p.keys)}; put free-form data under "extra"`,
    too_small: (p) => `${show(p.received)} is too small (minimum ${String(p.minimum)})`,
    too_big: (p) => `${show(p.received)} is too large (maximum ${String(p.maximum)})`,
    negative_amount: (p) => `amount ${show(p.received)} is negative`,
    non_finite_amount: (p) => `amount ${show(p.received)} is not a finite number`,
    missing_value: (p) => String(p.detail ?? 'a value, a growth rate, or both are required'),
    implausible_amount: (p) => `${show(p.received)} 亿元 is beyond any plausible amount (maximum ${String(p.maximum)} 亿元); check the unit`,
    blank_name: () => `the name is empty or only spaces`,
    lone_surrogate: (p) => `${show(p.received)} holds a lone surrogate (a broken character, U+${String(p.codeUnit)}); re-type or re-export the text`,
    reserved_key: (p) => `key ${show(p.key)} is reserved (__proto__, constructor, prototype are not allowed as keys); rename it`,
    too_deep: (p) => `value nested deeper than ${String(p.maximum)} levels; a dataset is a few levels deep`,
    cyclic_value: () => `value contains itself (a cycle); a dataset is a tree of plain values`,
    unreadable_value: (p) => `value cannot be read: ${String(p.detail)}`,
    duplicate_id: (p) => `duplicate ${String(p.kind)} id ${show(p.id)} (first at ${String(p.first)})`,
    unknown_region: (p) => `unknown region ${show(p.id)}${suggestion(p, 'en')}`,
    unknown_chain: (p) => `unknown chain ${show(p.id)}${suggestion(p, 'en')}`,
    unknown_segment: (p) => `unknown segment ${show(p.id)} in chain ${show(p.chain)}${suggestion(p, 'en')}`,
    unknown_template: (p) => `unknown chain template ${show(p.id)}${suggestion(p, 'en')}`,
    unknown_enterprise: (p) => `unknown enterprise ${show(p.id)}${suggestion(p, 'en')}`,
    unknown_source: (p) => `unknown source ${show(p.id)}${suggestion(p, 'en')}`,
    unknown_project: (p) => `unknown project ${show(p.id)}${suggestion(p, 'en')}`,
    region_cycle: (p) => `the region hierarchy has a cycle: ${(p.cycle as string[]).join(' → ')}`,
    flow_cycle: (p) => `the segment flows of chain ${show(p.chain)} have a cycle: ${(p.cycle as string[]).join(' → ')}`,
    flow_cross_chain: (p) =>
      `flow of chain ${show(p.chain)} refers to segment ${show(p.id)} of another chain (${list(p.chains)})`,
    self_link: (p) => `enterprise ${show(p.id)} is linked to itself`,
    segment_without_chain: (p) => `segment ${show(p.id)} is given without its chain`,
    production_before_start: (p) =>
      `${String(p.field)} ${String(p.year)} is before ${String(p.before)} ${String(p.beforeYear)}`,
    citation_missing: () => `basis is "cited" but no source is cited`,
    coefficients_not_productive: (p) =>
      `input coefficients into segment ${show(p.segment)} of chain ${show(p.chain)} sum to ${String(p.sum)} (must be < 1)`,
    duplicate_link: (p) => `duplicate link ${show(p.from)} → ${show(p.to)} (first at ${String(p.first)})`,
    unknown_industry_code: (p) => `unknown GB/T 4754-2017 industry class ${show(p.code)}`,
    file_not_found: (p) => `file not found: ${String(p.file)}`,
    unreadable_file: (p) => `cannot read ${String(p.file)}: ${String(p.detail)}`,
    invalid_json: (p) => `invalid JSON in ${String(p.file)}: ${String(p.detail)}`,
    invalid_yaml: (p) => `invalid YAML in ${String(p.file)}: ${String(p.detail)}`,
    invalid_csv: (p) => `invalid CSV in ${String(p.file)}: ${String(p.detail)}`,
    invalid_encoding: (p) => `${String(p.file)} is not valid UTF-8 or GB18030 text`,
    unsupported_format: (p) => `unsupported file type: ${String(p.file)} (use .json, .yaml, .yml or a folder of .csv)`,
    unexpected_file: (p) => `${String(p.file)} is not a table of the CSV form and was not read`,
    duplicate_key: (p) => `duplicate key ${show(p.key)} in ${String(p.file)} at ${String(p.datasetPath || '(root)')}: only the last value would be kept`,
    not_regular_file: (p) => `${String(p.file)} is not a regular file (${String(p.kind)}); give a .json/.yaml file or a folder of .csv files`,
    file_too_large: (p) => `${String(p.file)} is too large to load at once (${String(p.size)} bytes, at most ${String(p.maximum)}); save the data as a folder of CSV files, which is read row by row`,
  },
  'zh-CN': {
    invalid_type: (p, at) => `${at.label ?? '类型错误：'}应为${typeWords(p.expected, 'zh-CN')}，实际为 ${show(p.received)}`,
    missing_field: (p, at) =>
      `缺少必填字段${at.label === undefined ? '' : `“${at.label}”`}（应为${typeWords(p.expected, 'zh-CN')}）`,
    invalid_value: (p, at) => `${at.label ?? ''}取值 ${show(p.received)} 无效；可选值：${list(p.allowed)}`,
    invalid_format: (p, at) => `${labelled(at)}${show(p.received)} 格式不正确：${String(p.detail)}`,
    unknown_field: (p, at) => `${at.label === undefined ? '' : `${at.label}中有`}未知字段 ${list(p.keys)}；自定义数据请放在 "extra" 中`,
    too_small: (p, at) => `${labelled(at)}${show(p.received)} 过小（最小值 ${String(p.minimum)}）`,
    too_big: (p, at) => `${labelled(at)}${show(p.received)} 过大（最大值 ${String(p.maximum)}）`,
    negative_amount: (p, at) => `${labelled(at)}数值 ${show(p.received)} 为负数`,
    non_finite_amount: (p, at) => `${labelled(at)}数值 ${show(p.received)} 不是有限数`,
    missing_value: () => `需给出数值、增长率或两者`,
    implausible_amount: (p) => `${show(p.received)} 亿元超出合理范围（最大 ${String(p.maximum)} 亿元），请检查单位`,
    blank_name: () => `名称为空或只有空格`,
    lone_surrogate: (p) => `${show(p.received)} 含有孤立的代理码元（损坏的字符 U+${String(p.codeUnit)}），请重新输入或导出该文本`,
    reserved_key: (p) => `键名 ${show(p.key)} 为保留字（不可使用 __proto__、constructor、prototype），请改名`,
    too_deep: (p) => `数值嵌套超过 ${String(p.maximum)} 层；数据集只有几层`,
    cyclic_value: () => `数值包含自身（循环引用）；数据集应为普通数值构成的树`,
    unreadable_value: (p) => `无法读取该数值：${String(p.detail)}`,
    duplicate_id: (p, at) => `${at.label ?? `${String(p.kind)} 编号`} ${show(p.id)} 重复（首次出现于 ${String(p.first)}）`,
    unknown_region: (p) => `未知地区 ${show(p.id)}${suggestion(p, 'zh-CN')}`,
    unknown_chain: (p) => `未知产业链 ${show(p.id)}${suggestion(p, 'zh-CN')}`,
    unknown_segment: (p) => `产业链 ${show(p.chain)} 中没有环节 ${show(p.id)}${suggestion(p, 'zh-CN')}`,
    unknown_template: (p) => `未知产业链模板 ${show(p.id)}${suggestion(p, 'zh-CN')}`,
    unknown_enterprise: (p) => `未知企业 ${show(p.id)}${suggestion(p, 'zh-CN')}`,
    unknown_source: (p) => `未知来源 ${show(p.id)}${suggestion(p, 'zh-CN')}`,
    unknown_project: (p) => `未知项目 ${show(p.id)}${suggestion(p, 'zh-CN')}`,
    region_cycle: (p) => `地区层级存在循环：${(p.cycle as string[]).join(' → ')}`,
    flow_cycle: (p) => `产业链 ${show(p.chain)} 的环节流向存在循环：${(p.cycle as string[]).join(' → ')}`,
    flow_cross_chain: (p) => `产业链 ${show(p.chain)} 的流向引用了其他产业链（${list(p.chains)}）的环节 ${show(p.id)}`,
    self_link: (p) => `企业 ${show(p.id)} 与自身相连`,
    segment_without_chain: (p) => `给出了环节 ${show(p.id)} 但未给出所属产业链`,
    production_before_start: (p) =>
      `${String(p.field)} ${String(p.year)} 早于 ${String(p.before)} ${String(p.beforeYear)}`,
    citation_missing: () => `依据为“引用”（cited），但未注明来源`,
    coefficients_not_productive: (p) =>
      `产业链 ${show(p.chain)} 中流入环节 ${show(p.segment)} 的投入系数之和为 ${String(p.sum)}（须小于 1）`,
    duplicate_link: (p) => `重复的供应关系 ${show(p.from)} → ${show(p.to)}（首次出现于 ${String(p.first)}）`,
    unknown_industry_code: (p) => `GB/T 4754-2017 中没有行业小类 ${show(p.code)}`,
    file_not_found: (p) => `找不到文件：${String(p.file)}`,
    unreadable_file: (p) => `无法读取 ${String(p.file)}：${String(p.detail)}`,
    invalid_json: (p) => `${String(p.file)} 不是有效的 JSON：${String(p.detail)}`,
    invalid_yaml: (p) => `${String(p.file)} 不是有效的 YAML：${String(p.detail)}`,
    invalid_csv: (p) => `${String(p.file)} 不是有效的 CSV：${String(p.detail)}`,
    invalid_encoding: (p) => `${String(p.file)} 既不是有效的 UTF-8 也不是 GB18030 文本`,
    unsupported_format: (p) => `不支持的文件类型：${String(p.file)}（请使用 .json、.yaml、.yml 或 CSV 文件夹）`,
    unexpected_file: (p) => `${String(p.file)} 不是 CSV 数据表之一，未读取`,
    duplicate_key: (p) => `${String(p.file)} 中 ${String(p.datasetPath || '（根）')} 处的键 ${show(p.key)} 重复：只会保留最后一个值`,
    not_regular_file: (p) => `${String(p.file)} 不是普通文件（${String(p.kind)}）；请给出 .json/.yaml 文件或 CSV 文件夹`,
    file_too_large: (p) => `${String(p.file)} 过大，无法一次读入（${String(p.size)} 字节，上限 ${String(p.maximum)}）；请将数据保存为 CSV 文件夹，按行读取`,
  },
};

const PATH_PART = /[^.[\]]+|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/gu;

/** The segments of a path formatted by {@link formatPath} (`links[3].to` → `['links', 3, 'to']`). */
function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(PATH_PART)) out.push(m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? (JSON.parse(`"${m[2]}"`) as string) : m[0]);
  return out;
}

/**
 * Renders the message of an issue code with its params in a locale. With the issue's dataset
 * path, Chinese messages name the field (`企业名称应为文本`); an issue moved to a file cell keeps
 * its dataset path in `params.datasetPath`, which is used instead.
 *
 * @example
 * renderMessage('invalid_type', { expected: 'string', received: 42 }, 'zh-CN', ['enterprises', 4, 'name'])
 * // → '企业名称应为文本，实际为 42'
 */
export function renderMessage(
  code: IssueCode,
  params: Record<string, unknown>,
  locale: Locale = 'zh-CN',
  path: readonly PropertyKey[] = [],
): string {
  const at = typeof params.datasetPath === 'string' ? parsePath(params.datasetPath) : path;
  return MESSAGES[locale][code](params, { label: fieldLabel(at, locale) });
}

/**
 * Creates an issue with its message rendered in `locale`.
 *
 * @example
 * createIssue('unknown_enterprise', ['links', 3, 'to'], { id: 'jiuding' }, 'en').message
 * // → 'unknown enterprise "jiuding"'
 */
export function createIssue(
  code: IssueCode,
  pathSegments: (string | number)[],
  params: Record<string, unknown>,
  locale: Locale = 'zh-CN',
  severity: Severity = 'error',
): DatasetIssue {
  return {
    code,
    severity,
    path: formatPath(pathSegments),
    pathSegments,
    params,
    message: renderMessage(code, params, locale, pathSegments),
  };
}

/**
 * Formats an issue as one line, `path: message`, optionally re-rendered in another locale.
 *
 * @example
 * formatIssue(issue, { locale: 'en' }) // → 'links[3].to: unknown enterprise "jiuding"'
 */
export function formatIssue(issue: DatasetIssue, options: { locale?: Locale } = {}): string {
  const message = options.locale ? renderMessage(issue.code, issue.params, options.locale, issue.pathSegments) : issue.message;
  const where = issue.path === '' ? '(root)' : issue.path;
  return `${where}: ${message}`;
}

/** Formats every issue, one per line, errors first, in input order otherwise. */
export function formatIssues(issues: readonly DatasetIssue[], options: { locale?: Locale } = {}): string {
  const ordered = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return ordered.map((issue) => formatIssue(issue, options)).join('\n');
}

/** Thrown by `parseDataset` (and the node loaders) with every issue found. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  readonly code = 'invalid_dataset';
  readonly issues: DatasetIssue[];
  constructor(issues: DatasetIssue[], locale: Locale = 'zh-CN') {
    const errors = issues.filter((i) => i.severity === 'error');
    const head = locale === 'en' ? `invalid dataset: ${errors.length} issue(s)` : `数据集无效：${errors.length} 个问题`;
    super(`${head}\n${formatIssues(errors, { locale })}`);
    this.issues = issues;
  }
}

/** Codes of programmer errors (bad arguments to a library function). */
export type ChainErrorCode =
  | 'unknown_chain'
  | 'unknown_region'
  | 'unknown_segment'
  | 'unknown_enterprise'
  | 'ambiguous_name'
  | 'invalid_argument';

/**
 * A programmer error: an analysis was called with an id or name the model does not have (or
 * that names several records), or with an invalid option. Carries a `code`, the valid choices
 * in `details` and, for lookups, in the message too (the first ten, then how many more).
 *
 * Localised like issues: `messages` holds the text in each locale and `message` the one of
 * the `locale` given to the function that threw — an analysis's `locale` option where it has
 * one — else `'zh-CN'`, the default of every locale option of the library and of the CLI.
 * Errors built from a single string (argument checks deep in an analysis) have that text in
 * both locales.
 */
export class ChainError extends Error {
  override readonly name = 'ChainError';
  readonly code: ChainErrorCode;
  readonly details: Record<string, unknown>;
  /** The message in each locale. */
  readonly messages: Readonly<Record<Locale, string>>;
  constructor(
    code: ChainErrorCode,
    message: string | Readonly<Record<Locale, string>>,
    details: Record<string, unknown> = {},
    locale: Locale = 'zh-CN',
  ) {
    const messages = typeof message === 'string' ? { 'zh-CN': message, en: message } : message;
    super(messages[locale]);
    this.code = code;
    this.details = details;
    this.messages = messages;
  }
}
