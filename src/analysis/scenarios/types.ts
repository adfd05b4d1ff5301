/** The shapes of a scenario: its changes and options, and the comparison of two models. */
import type * as z from 'zod';
import type { Locale } from '../../model/issues.js';
import type { ChainTemplate, Enterprise, Project, SegmentRef, SupplyLink } from '../../model/schema.js';
import type { ClusterComponentId, ClusterOptions } from '../cluster/index.js';
import type { Reason } from '../scope/index.js';
import type { GapCode, GapOptions } from '../gaps/index.js';
import type { Band, OutputAssumptionOptions } from '../output/index.js';
import type { ResilienceOptions, ResilienceSummary } from '../resilience/index.js';

/** Selects supply links to remove: a link id, or every link from → to (of a segment or product when given). */
export type LinkSelector = string | { from: string; to: string; segment?: SegmentRef; product?: string };

/** Changes of a scenario. Added records are written as in a dataset file (Chinese terms allowed). */
export interface ScenarioChanges {
  addEnterprises?: readonly z.input<typeof Enterprise>[];
  /** Enterprise ids; their links and projects go with them. */
  removeEnterprises?: readonly string[];
  addLinks?: readonly z.input<typeof SupplyLink>[];
  removeLinks?: readonly LinkSelector[];
  addProjects?: readonly z.input<typeof Project>[];
  /** Project ids. */
  removeProjects?: readonly string[];
}

/** Options of {@link withChanges}. */
export interface ScenarioOptions {
  /** Templates the chains refer to. Default: those the model's chains were resolved from. */
  templates?: readonly ChainTemplate[];
  /** Locale of validation messages. Default `'zh-CN'`. */
  locale?: Locale;
}

/** Options of {@link compareScenarios}. */
export interface CompareScenariosOptions {
  /** The chain compared (required). */
  chain: string;
  /** Region; default `meta.region` of the first model. */
  region?: string;
  /** Years of the output estimate. Default: the years of the scope's targets, else the latest year in the data; without any, the output is not compared. */
  years?: readonly number[];
  /** Monte Carlo runs of the output estimate. Default 2000. */
  runs?: number;
  /** Seed shared by both runs. Default: the analyses' default seed. */
  seed?: number;
  /** Options passed to findGaps. */
  gaps?: Omit<GapOptions, 'chain' | 'region'>;
  /** Options passed to scoreCluster. */
  cluster?: Omit<ClusterOptions, 'chain' | 'region' | 'seed'>;
  /** Assumptions of the output estimate. */
  assumptions?: OutputAssumptionOptions;
  /** Options passed to assessResilience. */
  resilience?: Omit<ResilienceOptions, 'chain' | 'region'>;
}

/** Before, after and the difference of a number (null when either side is unknown). */
export interface ScenarioChange {
  before: number | null;
  after: number | null;
  delta: number | null;
}

/** A gap finding as compared. */
export interface GapFindingChange {
  code: GapCode;
  segment: string;
  severityBefore: number | null;
  severityAfter: number | null;
}

/** Result of {@link compareScenarios}. */
export interface ScenarioComparison {
  scope: { region: string; chain: string };
  /** What differs between the two datasets, by id (links without an id as `from→to (chain/segment) [product]`). */
  changes: {
    enterprises: { added: string[]; removed: string[] };
    links: { added: string[]; removed: string[] };
    projects: { added: string[]; removed: string[] };
  };
  gaps: {
    counts: Record<'present' | 'missing' | 'thin' | 'externalDependencies' | 'capacityShortfalls' | 'extensionOpportunities' | 'findings', ScenarioChange>;
    added: GapFindingChange[];
    resolved: GapFindingChange[];
    changed: GapFindingChange[];
  };
  cluster: {
    total: ScenarioChange;
    components: ({ id: ClusterComponentId } & ScenarioChange)[];
  };
  output: {
    available: boolean;
    years: number[];
    byYear: { year: number; before: Band; after: Band; delta: Band }[];
    reason: Reason;
  };
  resilience: {
    singleSourceShare: ScenarioChange;
    singleSourceInputs: ScenarioChange;
    leaderPointsOfFailure: ScenarioChange;
    worstRemoval: { before: ResilienceSummary['worstRemoval']; after: ResilienceSummary['worstRemoval'] };
  };
  reason: Reason;
}
