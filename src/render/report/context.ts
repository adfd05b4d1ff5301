/**
 * What every section of the report needs: the model, the report's data, and the formatting
 * helpers bound to the report's locale (labels in the locale, numbers, "无数据 / n/a").
 */
import type { Reason } from '../../analysis/scope/index.js';
import type { ChainModel } from '../../graph/model.js';
import { formatShare, round } from '../../internal/format.js';
import type { Locale } from '../../model/issues.js';
import type { Block, Inline } from '../document.js';
import { pick } from '../labels.js';
import type { ReportData, ReportList, TruncatedList } from './data/index.js';

/** Labels in both languages; `L(zh, en)` picks the report's. */
export type Bilingual = (zh: string, en: string) => string;

/** The model, the report's data and the helpers bound to its locale. */
export interface ReportContext {
  model: ChainModel;
  data: ReportData;
  locale: Locale;
  /** The text of the report's language. */
  L: Bilingual;
  /** A reason in the report's language. */
  R: (reason: Reason) => string;
  /** "无数据" / "n/a". */
  NA: string;
  /** A number rounded to `digits`; NA when unknown or not finite. */
  fmt: (value: number | null | undefined, digits?: number) => string;
  /** A share as a percentage; NA when unknown. */
  share: (value: number | null | undefined) => string;
  /** A heading in the report's language, the other language as its secondary text. */
  heading: (level: 1 | 2 | 3 | 4, zh: string, en: string, id?: string) => Block;
  /** "无数据：reason" / "Not available: reason". */
  na: (reason: Reason | string) => Block;
  /** A paragraph. */
  p: (...content: Inline[]) => Block;
  /** An enterprise's name; its id when the model does not know it. */
  enterpriseName: (id: string) => string;
  /** A region's name; its id when the model does not know it. */
  regionName: (id: string) => string;
  /** How a list of the report was cut to its limit; undefined when it was not. */
  cutOf: (chain: string | null, list: ReportList) => TruncatedList | undefined;
}

/**
 * The context of the report of `data`, in `data.settings.locale`.
 *
 * @example
 * const ctx = reportContext(model, buildReport(model, { locale: 'en' }));
 * ctx.fmt(null); // → 'n/a'
 */
export function reportContext(model: ChainModel, data: ReportData): ReportContext {
  const locale = data.settings.locale;
  const L: Bilingual = (zh, en) => (locale === 'en' ? en : zh);
  const R = (reason: Reason) => pick(reason, locale);
  const NA = L('无数据', 'n/a');
  return {
    model,
    data,
    locale,
    L,
    R,
    NA,
    fmt: (value, digits = 2) => (value === null || value === undefined || !Number.isFinite(value) ? NA : String(round(value, digits))),
    share: (value) => (value === null || value === undefined ? NA : formatShare(value)),
    heading: (level, zh, en, id) => ({
      kind: 'heading',
      level,
      text: L(zh, en),
      secondary: L(en, zh),
      ...(id === undefined ? {} : { id }),
    }),
    na: (reason) => ({
      kind: 'na',
      text: `${L('无数据', 'Not available')}：${typeof reason === 'string' ? reason : R(reason)}`.replace(/^Not available：/u, 'Not available: '),
    }),
    p: (...content) => ({ kind: 'paragraph', content }),
    enterpriseName: (id) => {
      const e = model.index.enterprises.byId.get(id);
      return e === undefined ? id : model.dataset.enterprises[e]!.name;
    },
    regionName: (id) => {
      const r = model.index.regions.byId.get(id);
      return r === undefined ? id : model.dataset.regions[r]!.name;
    },
    cutOf: (chain, list) => data.truncated.find((t) => t.chain === chain && t.list === list),
  };
}
