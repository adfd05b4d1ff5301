/**
 * What-if scenarios (招商模拟): "what if we recruit X", "what if Y leaves", "what if this supply
 * deal is brokered" — a changed copy of the model, and what the change does to the chain's
 * gaps, cluster score, output estimate and resilience.
 *
 * Method (one file per step: ./changes.ts; ./compare.ts with ./gaps.ts, ./output.ts)
 * - withChanges builds a NEW dataset: enterprises, supply links and projects added or removed;
 *   the original model and its dataset are never touched. Removing an enterprise also removes
 *   its supply links and its projects and clears `parent` references to it (the firm leaves
 *   with its projects). The new dataset is validated like any other (safeParseDataset: every
 *   issue at once, thrown as a DatasetError), and indexed by buildModel with the same templates
 *   the model's chains were resolved from (rebuilt from the resolved chains, so a model built
 *   with custom templates keeps them).
 * - compareScenarios runs the same analyses with the same options (and the same seed) on both
 *   models and reports before, after and the difference: findGaps (counts by kind; findings
 *   added, resolved and changed in severity, keyed by kind and segment), scoreCluster (total and
 *   components), estimateOutput (the P10 / P50 / P90 band and mean per year; both runs share the
 *   seed, so the difference is not blurred by sampling noise — common random numbers) and
 *   assessResilience (single-sourced inputs, the 链主's single points of failure, the worst
 *   single-firm disruption).
 *
 * Assumption: a scenario changes the data only; the templates, regions, chains, targets and
 * indicators stay as they are.
 *
 * Reference: scenario comparison with common random numbers (Law, Simulation Modeling and
 * Analysis, 5th ed., 2015, §11.2).
 */

export { withChanges } from './changes.js';
export { compareScenarios } from './compare.js';
export type {
  CompareScenariosOptions,
  GapFindingChange,
  LinkSelector,
  ScenarioChange,
  ScenarioChanges,
  ScenarioComparison,
  ScenarioOptions,
} from './types.js';
