/**
 * Types of the reference directory of real firms (`industrial-chain/reference`): leading
 * Chinese firms per segment of the built-in chain templates, for recruitment lists (招商清单).
 */

/**
 * A stock exchange a firm's shares are listed on: Shanghai, Shenzhen, Beijing or Hong Kong.
 *
 * @example
 * const exchange: Exchange = 'HKEX';
 */
export type Exchange = 'SSE' | 'SZSE' | 'BSE' | 'HKEX';

/**
 * One listing of a firm: exchange and stock code.
 *
 * @example
 * const listing: Listing = { exchange: 'SZSE', code: '300750' };
 */
export interface Listing {
  exchange: Exchange;
  /** Stock code as the exchange prints it: six digits in Shanghai, Shenzhen and Beijing, five in Hong Kong. */
  code: string;
}

/**
 * A segment of a built-in chain template, by template id and segment id.
 *
 * @example
 * const ref: SegmentRef = { template: 'wind-power', segment: 'bearings' };
 */
export interface SegmentRef {
  /** Built-in template id, e.g. `'wind-power'`. */
  template: string;
  /** Segment id inside that template, e.g. `'bearings'`. */
  segment: string;
}

/**
 * Tags a planner filters by. Ownership (`央企` central SOE, `地方国企` local SOE, `民营`
 * private, `外资` foreign-invested, `合资` joint venture) and public recognitions (`单项冠军`
 * 制造业单项冠军, `专精特新小巨人`); a tag is given only where it is certain.
 *
 * @example
 * const tags: ReferenceTag[] = ['央企'];
 */
export type ReferenceTag = '央企' | '地方国企' | '民营' | '外资' | '合资' | '单项冠军' | '专精特新小巨人';

/**
 * One real firm of the reference directory.
 *
 * @example
 * const catl: ReferenceFirm = {
 *   id: 'catl', name: '宁德时代新能源科技股份有限公司', shortNames: ['宁德时代', 'CATL'],
 *   province: '福建省', city: '宁德市',
 *   segments: [{ template: 'new-energy-vehicle', segment: 'power-battery' }],
 *   products: ['动力电池'], listing: [{ exchange: 'SZSE', code: '300750' }], tags: ['民营'],
 *   basis: 'inferred', asOf: 2024, note: 'Largest power-battery maker.',
 * };
 */
export interface ReferenceFirm {
  /** Stable id, unique in the directory (kebab-case latin). */
  id: string;
  /** Registered name (全称) as published by the firm or its exchange. */
  name: string;
  /** Short names and brand names by which official texts name the firm (简称). */
  shortNames: string[];
  /** Earlier registered names or short names, so older texts still resolve. */
  formerNames?: string[];
  /** Id of the group firm in this directory that controls this firm (a subsidiary's group). */
  parent?: string;
  /** Province-level division of the headquarters, full name (`'江苏省'`, `'上海市'`, `'香港特别行政区'`). */
  province: string;
  /** Prefecture-level city of the headquarters (`'无锡市'` for a firm in 江阴); a municipality names itself. */
  city: string;
  /** Segments of the built-in templates the firm operates in. */
  segments: SegmentRef[];
  /** Main products in the firm's own words, in Chinese. */
  products: string[];
  /** Listings of the firm itself (not of its parent); absent when unlisted or when a code is not certain. */
  listing?: Listing[];
  /** Ownership and recognitions, only where certain. */
  tags: ReferenceTag[];
  /** Provenance: summarised from public knowledge of the industry, not from one source document. */
  basis: 'inferred';
  /** Year the entry describes. */
  asOf: number;
  /** What the entry rests on and what it leaves out (an uncertain stock code, a renamed firm). */
  note: string;
}

/**
 * A segment for which the directory names fewer than three firms, and why.
 *
 * @example
 * const gap: ReferenceGap = { template: 'wind-power', segment: 'main-control', reason: 'Main controllers are developed in-house by turbine makers.' };
 */
export interface ReferenceGap extends SegmentRef {
  /** Why fewer than three firms are named (in English). */
  reason: string;
}

/**
 * How `findReferenceFirm` matched a name.
 *
 * @example
 * const by: ReferenceMatchedBy = 'short-name';
 */
export type ReferenceMatchedBy = 'id' | 'name' | 'short-name' | 'former-name' | 'place-prefix';

/**
 * Result of `findReferenceFirm`. `group` is the top of the firm's `parent` chain (the firm
 * itself when it has no parent).
 *
 * @example
 * const match: ReferenceMatch = { status: 'not-found', key: '九鼎风电叶片' };
 */
export type ReferenceMatch =
  | { status: 'found'; firm: string; name: string; group: string; matchedBy: ReferenceMatchedBy; key: string }
  | { status: 'ambiguous'; candidates: { firm: string; name: string }[]; key: string }
  | { status: 'not-found'; key: string };
