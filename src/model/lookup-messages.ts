/**
 * Messages of the errors a library function throws when an id or name it was given is not in
 * the model, or names several records: in Chinese and English, naming the valid choices (the
 * first {@link CHOICE_LIMIT}, then how many more) and, where one is close, the id meant.
 */
import type { Locale } from './issues.js';

/** What was looked up. */
export type LookupKind = 'chain' | 'region' | 'segment' | 'enterprise';

/** A record that could be meant: its id and, where it has one, its name. */
export interface Choice {
  id: string;
  name?: string;
}

/** How many choices a message lists before "… N more". */
export const CHOICE_LIMIT = 10;

const NOUNS: Record<LookupKind, { zh: string; en: string; plural: string }> = {
  chain: { zh: '产业链', en: 'chain', plural: 'chains' },
  region: { zh: '地区', en: 'region', plural: 'regions' },
  segment: { zh: '环节', en: 'segment', plural: 'segments' },
  enterprise: { zh: '企业', en: 'enterprise', plural: 'enterprises' },
};

function choice(c: Choice, locale: Locale): string {
  if (c.name === undefined || c.name === c.id) return c.id;
  return locale === 'en' ? `${c.id} (${c.name})` : `${c.id}（${c.name}）`;
}

/**
 * Lists choices, at most {@link CHOICE_LIMIT} of them: `wind（风电装备）、pv（光伏）… 另有 3 个`.
 *
 * @example
 * listChoices([{ id: 'wind', name: '风电装备' }, { id: 'pv', name: '光伏' }], 'en') // → 'wind (风电装备), pv (光伏)'
 */
export function listChoices(choices: readonly Choice[], locale: Locale, limit = CHOICE_LIMIT, total = choices.length): string {
  const shown = choices.slice(0, limit).map((c) => choice(c, locale));
  const more = total - shown.length;
  if (locale === 'en') return `${shown.join(', ')}${more > 0 ? `, … and ${more} more` : ''}`;
  return `${shown.join('、')}${more > 0 ? `… 另有 ${more} 个` : ''}`;
}

function quoted(c: Choice, locale: Locale): string {
  const id = JSON.stringify(c.id);
  if (c.name === undefined || c.name === c.id) return id;
  return locale === 'en' ? `${id} (${c.name})` : `${id}（${c.name}）`;
}

/** Where the looked-up record was looked for, when not the whole dataset. */
export interface LookupContext {
  /** The chain a segment was looked for in. */
  chain?: string;
  /** The closest valid choice, if any is close. */
  suggestion?: Choice;
  /** How many choices there are, when `choices` holds only the first of them. */
  total?: number;
}

/**
 * The message of an unknown id or name, in both locales.
 *
 * @example
 * unknownMessages('chain', 'solar', [{ id: 'wind', name: '风电装备' }]).en
 * // → 'unknown chain "solar"; the dataset\'s chains: wind (风电装备)'
 */
export function unknownMessages(kind: LookupKind, query: string, choices: readonly Choice[], context: LookupContext = {}): Record<Locale, string> {
  const noun = NOUNS[kind];
  const q = JSON.stringify(query);
  const inChain = context.chain === undefined ? '' : JSON.stringify(context.chain);
  const s = context.suggestion;
  const total = context.total ?? choices.length;
  const zhHead = inChain === '' ? `未知${noun.zh} ${q}` : `产业链 ${inChain} 中没有环节 ${q}`;
  const enHead = inChain === '' ? `unknown ${noun.en} ${q}` : `unknown segment ${q} in chain ${inChain}`;
  const zhWhere = inChain === '' ? '数据集' : '该产业链';
  const enWhere = inChain === '' ? "the dataset's" : "the chain's";
  const zh =
    total === 0
      ? `${zhHead}：${zhWhere}未建模任何${noun.zh}`
      : `${zhHead}；${s ? `是否应为 ${quoted(s, 'zh-CN')}？` : ''}${zhWhere}中的${noun.zh}：${listChoices(choices, 'zh-CN', CHOICE_LIMIT, total)}`;
  const en =
    total === 0
      ? `${enHead}: ${inChain === '' ? 'the dataset models no' : 'the chain has no'} ${noun.en}`
      : `${enHead}; ${s ? `did you mean ${quoted(s, 'en')}? ` : ''}${enWhere} ${noun.plural}: ${listChoices(choices, 'en', CHOICE_LIMIT, total)}`;
  return { 'zh-CN': zh, en };
}

/**
 * The message of a name that matches several records, in both locales.
 *
 * @example
 * ambiguousMessages('enterprise', '九鼎', [{ id: 'jd-1', name: '九鼎叶片' }, { id: 'jd-2', name: '九鼎塔筒' }]).en
 * // → '"九鼎" names several enterprises: jd-1 (九鼎叶片), jd-2 (九鼎塔筒); give one of their ids'
 */
export function ambiguousMessages(kind: LookupKind, query: string, candidates: readonly Choice[]): Record<Locale, string> {
  const noun = NOUNS[kind];
  const q = JSON.stringify(query);
  return {
    'zh-CN': `${q} 可指多个${noun.zh}：${listChoices(candidates, 'zh-CN')}；请改用编号`,
    en: `${q} names several ${noun.plural}: ${listChoices(candidates, 'en')}; give one of their ids`,
  };
}
