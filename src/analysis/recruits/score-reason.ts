/**
 * The phrases of a candidate's reason that explain its combined score (./score.ts), each from a
 * recorded field only: the directory's listing and tags, the products that match the segment,
 * the headquarters against the region's province, the local buyers downstream, the local group
 * companies. Nothing is said of a field the records leave empty.
 */
import type { ChainModel } from '../../graph/model.js';
import type { DirectoryFirm } from './types.js';
import type { Closeness } from './provinces.js';

const EXCHANGE: Readonly<Record<string, { zh: string; en: string }>> = {
  SSE: { zh: '上交所', en: 'Shanghai' },
  SZSE: { zh: '深交所', en: 'Shenzhen' },
  BSE: { zh: '北交所', en: 'Beijing' },
  HKEX: { zh: '港交所', en: 'Hong Kong' },
};

/** What the phrases are built from. */
export interface ScoreFacts {
  firm: DirectoryFirm | undefined;
  productMatches: string[];
  closeness: { basis: Closeness };
  province: string | null;
  /** Headquarters city (directory firms only). */
  city: string | null;
  /** Local present firms downstream of the segment. */
  downstream: number[];
  /** Local present firms of the candidate's directory group. */
  localGroup: number[];
}

/**
 * The score's phrases in Chinese and English.
 *
 * @example
 * scoreReasonParts(model, facts).zh; // ['上市（深交所300750、港交所03750）；民营', '主营动力电池，与该环节产品相符', …]
 */
export function scoreReasonParts(model: ChainModel, f: ScoreFacts): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const nameOf = (e: number) => model.dataset.enterprises[e]!.name;
  const firm = f.firm;
  if (firm) {
    const listing = firm.listing ?? [];
    if (listing.length > 0) {
      zh.push(`上市（${listing.map((l) => `${EXCHANGE[l.exchange]?.zh ?? l.exchange}${l.code}`).join('、')}）`);
      en.push(`listed (${listing.map((l) => `${EXCHANGE[l.exchange]?.en ?? l.exchange} ${l.code}`).join(', ')})`);
    }
    if (firm.tags.length > 0) (zh.push(firm.tags.join('、')), en.push(firm.tags.join(', ')));
  } else {
    zh.push('未收录于参考名录');
    en.push('not in the reference directory');
  }
  if (f.productMatches.length > 0) {
    zh.push(`主营${f.productMatches.join('、')}，与该环节产品相符`);
    en.push(`makes ${f.productMatches.join(', ')}, the segment's products`);
  }
  const place = f.province === null ? '' : f.city === null || f.city === f.province ? f.province : `${f.province}${f.city}`;
  if (f.closeness.basis === 'same-province') (zh.push(`总部在本省（${place}）`), en.push(`headquarters in the region's province (${place})`));
  else if (f.closeness.basis === 'neighbouring-province') (zh.push(`总部在邻省（${place}）`), en.push(`headquarters in a neighbouring province (${place})`));
  if (f.downstream.length > 0) {
    zh.push(`本地下游已有${f.downstream.map(nameOf).join('、')}，可就近配套`);
    en.push(`local buyers downstream: ${f.downstream.map(nameOf).join(', ')}, to supply nearby`);
  }
  if (f.localGroup.length > 0) {
    zh.push(`同一集团在本地已有${f.localGroup.map(nameOf).join('、')}`);
    en.push(`its group already has ${f.localGroup.map(nameOf).join(', ')} in the region`);
  }
  return { zh, en };
}
