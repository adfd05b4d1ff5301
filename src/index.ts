/**
 * industrial-chain: Chinese industrial chains (产业链) as validated data and graphs.
 *
 * The one barrel of the package: explicit named re-exports only.
 */
export {
  Activity,
  Amount,
  Capacity,
  Chain,
  ChainRole,
  ChainTemplate,
  Citation,
  COLLECTIONS,
  Dataset,
  DateString,
  EmergingCategory,
  Enterprise,
  Extra,
  Flow,
  Id,
  Indicator,
  IndustryCode,
  Meta,
  Percent,
  PolicyFlag,
  Project,
  Provenance,
  Region,
  Scope,
  Segment,
  SegmentRef,
  Source,
  SupplyLink,
  Target,
  Year,
} from './model/schema.js';
export type { CollectionName, DatasetInput } from './model/schema.js';
export {
  BASES,
  Basis,
  ENTERPRISE_STATUSES,
  EnterpriseStatus,
  LINK_STATUSES,
  LinkStatus,
  METRICS,
  Metric,
  POLICY_CODES,
  PolicyCode,
  PROJECT_STATUSES,
  ProjectStatus,
  REGION_KINDS,
  RegionKind,
  ROLES,
  Role,
  SEGMENT_KINDS,
  SegmentKind,
  STAGES,
  Stage,
  TARGET_KINDS,
  TargetKind,
} from './model/vocabulary.js';
export {
  ChainError,
  createIssue,
  DatasetError,
  formatIssue,
  formatIssues,
  formatPath,
  renderMessage,
} from './model/issues.js';
export type { ChainErrorCode, DatasetIssue, IssueCode, Locale, Severity } from './model/issues.js';
export { parseDataset, safeParseDataset, templateLookup } from './model/parse.js';
export type { ParseOptions, SafeParseResult } from './model/parse.js';
export { resolveChain } from './model/chains.js';
export type { ResolvedChain } from './model/chains.js';
export { chainTemplates, getChainTemplate } from './templates/index.js';
export { industryCodeName, isIndustryClass, segmentsForIndustryCode } from './templates/industry-codes/index.js';
export type { SegmentForCode } from './templates/industry-codes/index.js';
export {
  GBT4754_CLASSES,
  GBT4754_DIVISIONS,
  GBT4754_GROUPS,
  GBT4754_SECTIONS,
} from './templates/industry-codes/gbt4754.js';
export { buildCsr, buildModel, NO_ROLE, segmentKey } from './graph/model.js';
export type {
  BuildOptions,
  ChainModel,
  Csr,
  EnterpriseIndex,
  FlowIndex,
  LinkIndex,
  ModelIndex,
  ProjectIndex,
  RegionIndex,
  SegmentIndex,
} from './graph/model.js';
export {
  chainIndex,
  downstreamSegments,
  enterpriseIndex,
  enterprisesIn,
  enterprisesInRegionIdx,
  isLocal,
  isLocalIdx,
  isWithinRegion,
  regionIndex,
  regionRangeIdx,
  regionWithinIdx,
  roleIn,
  segmentGenerations,
  segmentIndex,
  upstreamSegments,
} from './graph/queries.js';
export type { EnterpriseFilter, NeighbourOptions } from './graph/queries.js';
export { segmentGraph, supplyGraph } from './graph/graphology.js';
export type {
  EnterpriseNodeAttributes,
  FlowEdgeAttributes,
  SegmentGraph,
  SegmentNodeAttributes,
  SupplyEdgeAttributes,
  SupplyGraph,
} from './graph/graphology.js';
export { findEnterprise } from './graph/find-enterprise.js';
export type { EnterpriseMatch, MatchedBy } from './graph/find-enterprise.js';
export { normalizeName, stripPinyinAnnotations, toSimplified } from './internal/normalize-name.js';
export { resolveScope } from './analysis/scope/index.js';
export type { Reason, ResolvedScope, ScopeOptions } from './analysis/scope/index.js';
export {
  CLUSTER_COMPONENTS,
  compareClusters,
  DEFAULT_CLUSTER_LINK_STATUSES,
  DEFAULT_CLUSTER_STATUSES,
  DEFAULT_CLUSTER_WEIGHTS,
  DEFAULT_COMMUNITY_LIMIT,
  DEFAULT_LEADER_ROLES,
  scoreCluster,
} from './analysis/cluster/index.js';
export type {
  ClusterComponent,
  ClusterComponentComparison,
  ClusterComponentId,
  ClusterComparison,
  ClusterNetwork,
  ClusterOptions,
  ClusterRanking,
  ClusterRaw,
  ClusterScore,
  CompareClustersOptions,
} from './analysis/cluster/index.js';
export { averageClustering, clusteringCoefficients, transitivity } from './graph/algorithms/clustering.js';
export { weaklyConnectedComponents } from './graph/algorithms/components.js';
export type { ConnectedComponents } from './graph/algorithms/components.js';
export { density } from './graph/algorithms/density.js';
export { louvainCommunities } from './graph/algorithms/louvain.js';
export type { LouvainCommunitiesOptions, LouvainResult } from './graph/algorithms/louvain.js';
export { modularity } from './graph/algorithms/modularity.js';
export type { ModularityOptions } from './graph/algorithms/modularity.js';
export { simpleGraph } from './graph/algorithms/simple-graph.js';
export type { SimpleGraph } from './graph/algorithms/simple-graph.js';
export { triangleCounts } from './graph/algorithms/triangles.js';
export { ellisonGlaeser, herfindahl, locationQuotient } from './analysis/cluster/statistics.js';
export type { EllisonGlaeserInput, EllisonGlaeserResult } from './analysis/cluster/statistics.js';
export {
  hypotheticalExtraction,
  invertMatrix,
  isProductive,
  leontief,
  localCoefficients,
  localLeontief,
  outputMultipliers,
  rasmussenLinkages,
  technicalCoefficients,
} from './analysis/input-output.js';
export type {
  Extraction,
  ExtractionMode,
  ExtractionOptions,
  Matrix,
  MatrixProblem,
  RasmussenLinkages,
} from './analysis/input-output.js';
export { DEFAULT_OUTPUT_ASSUMPTIONS, estimateOutput, OUTPUT_KINDS } from './analysis/output/index.js';
export type {
  AssumptionNote,
  Band,
  EnterpriseEstimate,
  InducedEstimate,
  InducedMode,
  InducedSegment,
  OutputAssumptionOptions,
  OutputAssumptions,
  OutputEstimate,
  OutputGap,
  OutputKind,
  OutputOptions,
  ProjectEstimate,
  SegmentEstimate,
  TargetAudit,
  Triangular,
  UnitPrice,
  YearEstimate,
} from './analysis/output/index.js';
export { findGaps, GAP_CODES, linkProductSegment, normaliseWeights } from './analysis/gaps/index.js';
export type {
  CapacityShortfallFinding,
  ExtensionOpportunityFinding,
  ExternalDependencyFinding,
  FillingEntry,
  GapCode,
  GapFinding,
  GapLimitation,
  GapOptions,
  GapsResult,
  HhiBasis,
  LinkSegmentBasis,
  MissingSegmentFinding,
  SegmentState,
  SeverityBreakdown,
  SeverityComponent,
  SeverityWeights,
  ThinSegmentFinding,
} from './analysis/gaps/index.js';
export { recommendRecruits } from './analysis/recruits/index.js';
export type {
  FitComponent,
  FitWeights,
  RecruitCandidate,
  RecruitEntry,
  RecruitOptions,
  RecruitsResult,
} from './analysis/recruits/index.js';
export {
  diversity,
  presence,
  proximity,
  relatedness,
  relatednessDensity,
  revealedComparativeAdvantage,
  ubiquity,
} from './analysis/relatedness.js';
export type { RelatednessOptions, RelatednessResult } from './analysis/relatedness.js';
export { betweennessCsr } from './graph/algorithms/betweenness.js';
export { pagerankCsr } from './graph/algorithms/pagerank.js';
export type { WeightedCsr } from './graph/algorithms/csr.js';
export type { PagerankCsrResult, PagerankOptions } from './graph/algorithms/pagerank.js';
export { betweennessOf, supplyCentrality } from './analysis/centrality/index.js';
export type {
  BetweennessInfo,
  BetweennessOptions,
  CentralityOptions,
  CentralityResult,
  EnterpriseCentrality,
} from './analysis/centrality/index.js';
export { DEFAULT_LEADER_WEIGHTS, LEADER_COMPONENTS, rankLeaders } from './analysis/leaders/index.js';
export type {
  LeaderComponent,
  LeaderComponentInfo,
  LeaderEntry,
  LeaderFlag,
  LeaderOptions,
  LeaderRanking,
  LeaderTie,
  LeaderTieBreak,
} from './analysis/leaders/index.js';
export { DEFAULT_MATCH_WEIGHTS, MATCH_COMPONENTS, suggestMatches } from './analysis/matches/index.js';
export type {
  MatchBasis,
  MatchComponent,
  MatchComponentInfo,
  MatchOptions,
  MatchResult,
  MatchSegment,
  MatchSuggestion,
} from './analysis/matches/index.js';
export { assessResilience, simulateDisruption, singlePointsOfFailure } from './analysis/resilience/index.js';
export type {
  DisruptionEntry,
  DisruptionOptions,
  DisruptionResult,
  DisruptionTarget,
  LossTotals,
  PointOfFailure,
  ResilienceOptions,
  ResilienceSummary,
  SinglePointOptions,
  SinglePointResult,
} from './analysis/resilience/index.js';
export { compareScenarios, withChanges } from './analysis/scenarios/index.js';
export type {
  CompareScenariosOptions,
  GapFindingChange,
  LinkSelector,
  ScenarioChange,
  ScenarioChanges,
  ScenarioComparison,
  ScenarioOptions,
} from './analysis/scenarios/index.js';
export { FONT_FAMILY, renderChainMap } from './render/chain-map.js';
export type { ChainMapOptions } from './render/chain-map.js';
export type { ChainViewOptions } from './render/chain-view.js';
export { toEChartsOption } from './render/echarts.js';
export type {
  EChartsGraphLink,
  EChartsGraphNode,
  EChartsGraphOption,
  EChartsGraphSeries,
  EChartsOption,
  EChartsOptions,
  EChartsSankeyLink,
  EChartsSankeyNode,
  EChartsSankeyOption,
  EChartsSankeySeries,
  EChartsTitle,
  SankeyValueBasis,
} from './render/echarts.js';
export { dotString, toDot } from './render/dot.js';
export type { DotOptions } from './render/dot.js';
export { renderReport, reportDocument } from './render/report/index.js';
export type { ReportFormat, ReportOptions } from './render/report/index.js';
export { buildReport, DEFAULT_REPORT_LIST_LIMIT, DEFAULT_REPORT_RESILIENCE_LIMIT, DEFAULT_REPORT_RUNS, estimateHasData, reportYears } from './render/report/data/index.js';
export type {
  ChainReport,
  IndicatorRow,
  ReportList,
  TruncatedList,
  LeaderResilience,
  RegionRow,
  ReportData,
  ReportDataOptions,
  ReportProgress,
  Section,
  SupportingRow,
  TargetRow,
} from './render/report/data/index.js';
export { toHtml, toMarkdown } from './render/document.js';
export type { Block, Cell, Doc, Inline, Tone } from './render/document.js';
export { textWidth, truncateText, wrapText } from './render/text.js';
