/**
 * Step 6b of recommendRecruits, only when a reference directory is given: every candidate of a
 * gap segment — the dataset's and the directory's — scored on one scale and ranked:
 *   score = w_f·fit + w_s·standing + w_c·closeness + w_y·synergy
 *   (weights normalised; default 0.3 / 0.3 / 0.15 / 0.25), each part in [0, 1]:
 * - fit: 0.5 for operating in the segment (recorded), + 0.5 when a recorded product of the firm
 *   names one of the segment's products (one contains the other).
 * - standing: min(1, 0.5·listed + 0.25 for each of 央企, 单项冠军, 专精特新小巨人) as the directory
 *   records them; a dataset firm also scores half its relative size (./fit.ts), whichever is more.
 * - closeness (./provinces.ts): headquarters in the region's province 1, a neighbouring one 0.5,
 *   elsewhere or unknown 0.
 * - synergy: 0.5·(share of the segments the gap segment flows into that have a local present
 *   firm) + 0.5 when the firm is already tied to the region (supplies local buyers, trades with
 *   local firms, or has a local group company by dataset `parent` or directory group).
 * Ranked by score (4 decimals) descending, then by the number of local ties, then dataset
 * candidates before directory ones, then their own order.
 */
import { round } from '../../internal/format.js';
import { closenessOf } from './provinces.js';
import type { DirectoryFirm, ScoreWeights } from './types.js';

/** What the score reads of one candidate. */
export interface ScoreInput {
  /** Recorded products of the firm (directory and dataset activity). */
  products: readonly string[];
  /** The directory's record, when the firm is a directory firm. */
  firm: DirectoryFirm | undefined;
  /** Relative size among the gap's dataset candidates (./fit.ts), null for a directory-only firm. */
  datasetSize: number | null;
  /** Headquarters province (dataset region's province, else the directory's). */
  province: string | null;
  /** Tied to the region already (links, partners, group companies). */
  ties: boolean;
}

const STANDING_TAGS = ['央企', '单项冠军', '专精特新小巨人'] as const;

/**
 * The parts of the score of one candidate and their weighted sum.
 *
 * @example
 * scoreParts({ products: ['动力电池'], firm: catl, datasetSize: null, province: '福建省', ties: false },
 *   ['动力电池'], '山西省', 1, weights).value;
 */
export function scoreParts(input: ScoreInput, segmentProducts: readonly string[], home: string | null, downstreamShare: number, w: ScoreWeights) {
  const productMatches = input.products.filter((p) => segmentProducts.some((q) => p.includes(q) || q.includes(p)));
  const fit = productMatches.length > 0 ? 1 : 0.5;
  const listed = (input.firm?.listing?.length ?? 0) > 0;
  const tags = input.firm?.tags ?? [];
  const recognised = STANDING_TAGS.filter((t) => tags.includes(t)).length;
  const standing = Math.max(Math.min(1, (listed ? 0.5 : 0) + 0.25 * recognised), 0.5 * (input.datasetSize ?? 0));
  const closeness = closenessOf(input.province, home);
  const synergy = 0.5 * downstreamShare + (input.ties ? 0.5 : 0);
  const value = round(w.fit * fit + w.standing * standing + w.closeness * closeness.value + w.synergy * synergy, 4);
  return { value, fit, productMatches, listed, standing, closeness, synergy };
}
