/**
 * Step 1 of findGaps: the options with their documented defaults, checked. Invalid values throw
 * a ChainError (`invalid_argument`) naming the option, in the order the options are listed.
 */
import { ChainError } from '../../model/issues.js';
import {
  ENTERPRISE_STATUSES,
  LINK_STATUSES,
  PROJECT_STATUSES,
  type EnterpriseStatus,
  type LinkStatus,
  type ProjectStatus,
} from '../../model/vocabulary.js';
import type { GapOptions, SeverityWeights } from './types.js';

const DEFAULT_WEIGHTS: SeverityWeights = { value: 0.5, criticality: 0.3, feasibility: 0.2 };

/** The options of findGaps with defaults applied, and the status lists as flags by status code. */
export interface GapSettings {
  presentStatuses: EnterpriseStatus[];
  linkStatuses: LinkStatus[];
  fillingProjectStatuses: ProjectStatus[];
  fillingEnterpriseStatuses: EnterpriseStatus[];
  hhiThreshold: number;
  fillingReduction: number;
  neutralFeasibility: number;
  segmentValueWeight: number;
  policyFactor: number;
  leaderWeight: number;
  /** Normalised to sum 1. */
  weights: SeverityWeights;
  peers: 'siblings' | 'depth';
  minRegions: number;
  rcaThreshold: number;
  /** 1 at the index (into ENTERPRISE_STATUSES) of each present status. */
  presentCode: Uint8Array;
  /** 1 at the index (into LINK_STATUSES) of each counted link status. */
  linkCode: Uint8Array;
  /** 1 at the index (into PROJECT_STATUSES) of each filling project status. */
  fillProjectCode: Uint8Array;
  /** 1 at the index (into ENTERPRISE_STATUSES) of each filling enterprise status. */
  fillEnterpriseCode: Uint8Array;
}

function fail(message: string, details: Record<string, unknown>): never {
  throw new ChainError('invalid_argument', message, details);
}

function unit(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) fail(`${name} must be in [0, 1], got ${value}`, { [name]: value });
  return value;
}

function codes<T extends string>(all: readonly T[], picked: readonly T[], name: string): Uint8Array {
  const flags = new Uint8Array(all.length);
  for (const s of picked) {
    const i = all.indexOf(s);
    if (i < 0) fail(`unknown ${name} "${s}"`, { [name]: s, valid: all });
    flags[i] = 1;
  }
  return flags;
}

/**
 * Normalises weights to sum 1; throws a ChainError on negative, non-finite or all-zero weights.
 *
 * @example
 * normaliseWeights({ value: 2, criticality: 1, feasibility: 1 });
 * // → { value: 0.5, criticality: 0.25, feasibility: 0.25 }
 */
export function normaliseWeights<K extends string>(weights: Record<K, number>, name = 'weights'): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  let total = 0;
  for (const k of keys) {
    const w = weights[k];
    if (!Number.isFinite(w) || w < 0) fail(`${name}.${k} must be a finite number ≥ 0, got ${w}`, { [k]: w });
    total += w;
  }
  if (total <= 0) fail(`${name} must not all be 0`, { weights });
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = weights[k] / total;
  return out;
}

/**
 * The settings of one findGaps call: defaults applied, every number and status checked.
 *
 * @example
 * gapSettings({ chain: 'wind-power' }).hhiThreshold; // 0.25
 */
export function gapSettings(options: GapOptions): GapSettings {
  const presentStatuses = [...(options.presentStatuses ?? ['operating', 'under-construction'])] as EnterpriseStatus[];
  const linkStatuses = [...(options.linkStatuses ?? ['active', 'brokered'])] as LinkStatus[];
  const fillingProjectStatuses = [...(options.fillingProjectStatuses ?? ['signed', 'under-construction', 'in-production'])] as ProjectStatus[];
  const fillingEnterpriseStatuses = [...(options.fillingEnterpriseStatuses ?? ['signed'])] as EnterpriseStatus[];
  const hhiThreshold = unit('hhiThreshold', options.hhiThreshold ?? 0.25);
  const fillingReduction = unit('fillingReduction', options.fillingReduction ?? 0.5);
  const neutralFeasibility = unit('neutralFeasibility', options.neutralFeasibility ?? 0.5);
  const segmentValueWeight = unit('segmentValueWeight', options.segmentValueWeight ?? 0.2);
  const policyFactor = unit('policyFactor', options.policyFactor ?? 0.5);
  const leaderWeight = options.leaderWeight ?? 3;
  if (!Number.isFinite(leaderWeight) || leaderWeight < 0) fail(`leaderWeight must be a finite number ≥ 0, got ${leaderWeight}`, { leaderWeight });
  const weights = normaliseWeights({ ...DEFAULT_WEIGHTS, ...options.weights });
  const peers = options.peers ?? 'siblings';
  if (peers !== 'siblings' && peers !== 'depth') fail(`peers must be 'siblings' or 'depth', got ${String(peers)}`, { peers });
  const minRegions = options.minRegions ?? 3;
  if (!Number.isInteger(minRegions) || minRegions < 1) fail(`minRegions must be an integer ≥ 1, got ${minRegions}`, { minRegions });
  const rcaThreshold = options.rcaThreshold ?? 1;
  if (!Number.isFinite(rcaThreshold) || rcaThreshold < 0) fail(`rcaThreshold must be a finite number ≥ 0, got ${rcaThreshold}`, { rcaThreshold });
  return {
    presentStatuses,
    linkStatuses,
    fillingProjectStatuses,
    fillingEnterpriseStatuses,
    hhiThreshold,
    fillingReduction,
    neutralFeasibility,
    segmentValueWeight,
    policyFactor,
    leaderWeight,
    weights,
    peers,
    minRegions,
    rcaThreshold,
    presentCode: codes(ENTERPRISE_STATUSES, presentStatuses, 'presentStatuses'),
    linkCode: codes(LINK_STATUSES, linkStatuses, 'linkStatuses'),
    fillProjectCode: codes(PROJECT_STATUSES, fillingProjectStatuses, 'fillingProjectStatuses'),
    fillEnterpriseCode: codes(ENTERPRISE_STATUSES, fillingEnterpriseStatuses, 'fillingEnterpriseStatuses'),
  };
}
