// Public API of the knowledge base: tiers, concerns, ownership and the service catalog.
// Pure data and lookups: no I/O, no editor imports, safe in the CLI, tests and a web worker.

export {
  CUSTOMER_DEVICE,
  CUSTOMER_HOSTED,
  TIERS,
  placementOf,
  getTier,
  isTierId,
  type Tier,
  type TierId,
} from './tiers';
export { CONCERNS, PHYSICAL_CONCERNS, getConcern, isConcernId, type Concern, type ConcernId } from './concerns';
export {
  TIER_OWNERSHIP,
  ownershipFor,
  ownershipTable,
  unclassifiedOwnership,
  type Cell,
  type Ownership,
  type OwnershipRow,
  type OwnershipTable,
} from './ownership';
export { PROFILES, PROFILE_SOURCES, type Profile, type ProfileCell } from './profiles';
export { SERVICE_CELLS, serviceCell, type ServiceCell } from './service-cells';
export { RETIRED_TYPE, RETIREMENTS, retirementOf, retirementSentence, type Retirement } from './retired';
export { LAST_AUDIT, SEED, SHARED_RESPONSIBILITY_MODEL, sourceLine, type Source } from './sources';
export type { Owner, ProfileId } from './vocabulary';
export {
  ALSO_SETTLES,
  CONCERN_EVIDENCE_KEYS,
  PROPERTY_CONCERNS,
  RULE_ALSO_CONCERNS,
  findingConcerns,
  propertyConcern,
  propertyConcerns,
} from './property-concerns';
export {
  SUPPORTING_TYPES,
  isOutsideModel,
  providerOf,
  resourceRole,
  supportingReason,
  type ResourceRole,
} from './resource-roles';
export {
  classifyType,
  closestTypes,
  detectIac,
  getService,
  knownTypes,
  launchTypeFrom,
  listServices,
  typeListProvenance,
  type Classification,
  type ClassificationBasis,
  type ClassificationHints,
  type IacKind,
  type LaunchTypeEvidence,
  type ServiceInfo,
  type TypeListProvenance,
} from './services';
