// The ISMS workflow, pure and editor-free: the nine steps, the asset and risk registers, the
// statement of applicability, the `.srlens/isms.yaml` state and its exports.
export * from './model';
export { ISMS_STEPS, STEP_STATUSES, isStepId, type IsmsStep, type StepId, type StepStatus } from './steps';
export {
  UNTAGGED,
  assetId,
  assetOwners,
  assetParents,
  assetsFromUnits,
  categoryOf,
  classifyAsset,
  groupAssetsByTag,
  tagsOf,
  type AssetClassification,
  type AssetOptions,
} from './assets';
export {
  clampLevel,
  compareRisks,
  defaultScore,
  riskId,
  riskLevel,
  riskScore,
  risksFromFindings,
  type RiskLevel,
  type RiskOptions,
} from './risks';
export { ANNEX_A_CONTROLS, controlsFromScan, type AnnexAControl, type SoaInput } from './controls';
export {
  IsmsStateError,
  emptyState,
  isoDate,
  mergeIsms,
  parseIsmsState,
  reviewDue,
  scanIsms,
  serializeIsmsState,
  type IsmsScan,
  type ScanOptions,
} from './state';
export {
  assetsCsv,
  csvField,
  escapeMarkdown,
  ismsMarkdown,
  money,
  registersCsv,
  risksCsv,
  type ReportOptions,
} from './report';
export { redactSecrets, safeTagValue } from './redact';
export {
  ACCOUNT_SNAPSHOT_FILE,
  AccountSnapshotError,
  DEFAULT_REVIEW_INTERVAL_DAYS,
  accountAsset,
  accountFactsFrom,
  accountSnapshot,
  parseAccountSnapshot,
  serializeAccountSnapshot,
  type AccountSnapshot,
  type AccountSnapshotCheck,
} from './account';
