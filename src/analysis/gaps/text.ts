/**
 * Words shared by the reasons of several kinds of finding: status names in Chinese, lists of
 * statuses, and the 链主 among the firms that depend on a gap.
 */
import type { Reason } from '../scope/index.js';
import type { ChainNames } from './context.js';

/**
 * Chinese names of enterprise and project statuses.
 *
 * @example
 * STATUS_ZH['under-construction']; // '在建'
 */
export const STATUS_ZH: Record<string, string> = {
  operating: '在产',
  'under-construction': '在建',
  signed: '签约',
  planned: '规划',
  prospect: '意向',
  closed: '关停',
  'in-production': '投产',
  'at-capacity': '达产',
  cancelled: '取消',
};

/**
 * Statuses joined as alternatives, in Chinese.
 *
 * @example
 * statusListZh(['operating', 'under-construction']); // '在产或在建'
 */
export const statusListZh = (statuses: readonly string[]) => statuses.map((s) => STATUS_ZH[s] ?? s).join('或');

/**
 * Statuses joined as alternatives, in English.
 *
 * @example
 * statusListEn(['operating', 'under-construction']); // 'operating or under-construction'
 */
export const statusListEn = (statuses: readonly string[]) => statuses.join(' or ');

/**
 * The 链主 among the dependants, as a parenthesis to append to a sentence (empty when none).
 *
 * @example
 * dependantsText(deps, names).zh; // '（含链主云风智慧）'
 */
export function dependantsText(deps: readonly number[], names: ChainNames): Reason {
  const leaders = deps.filter(names.isLeader).map(names.nameOf);
  const leaderZh = leaders.length > 0 ? `（含链主${leaders.join('、')}）` : '';
  const leaderEn = leaders.length > 0 ? ` (chain leader${leaders.length > 1 ? 's' : ''} ${leaders.join(', ')})` : '';
  return { zh: leaderZh, en: leaderEn };
}
