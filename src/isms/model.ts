/**
 * The ISMS state kept in `.srlens/isms.yaml`: what the scan derives (assets, risks, control
 * evidence) side by side with what people type (values, owners, treatments, justifications).
 * Dates are ISO calendar dates, `YYYY-MM-DD`.
 */
import type { ConcernId } from '../knowledge/concerns';
import type { Severity } from '../iac/model';
import type { StepId, StepStatus } from './steps';

export const ISMS_STATE_VERSION = 1;
export const ISMS_STATE_FILE = '.srlens/isms.yaml';

export interface StepState {
  id: StepId;
  status: StepStatus;
  owner?: string;
  notes?: string;
  started?: string;
  completed?: string;
  due?: string;
}

/** Essential assets are what the business values; support assets are what they run on. */
export type AssetCategory = 'essential' | 'support';
export type AssetClass =
  'business-information' | 'process' | 'hardware' | 'network' | 'software' | 'personnel' | 'partner';
export const ASSET_CLASSES: readonly AssetClass[] = [
  'business-information',
  'process',
  'hardware',
  'network',
  'software',
  'personnel',
  'partner',
];

export interface Asset {
  /** `<file>#<resource>` for assets from the templates; any unique text for assets added by hand. */
  id: string;
  name: string;
  category: AssetCategory;
  class: AssetClass;
  source: 'template' | 'manual';
  status: 'active' | 'retired';
  type?: string;
  file?: string;
  /** 1-based line of the resource. */
  line?: number;
  service?: string;
  tier?: string;
  /** AWS services the asset depends on: its own, then those of the resources it references. */
  dependsOn: string[];
  tags: Record<string, string>;
  /** The supporting resources that are part of this asset: its configuration resources, policy, subnets, routes. */
  parts?: string[];
  // typed by hand
  value?: number;
  owner?: string;
  reviewDate?: string;
  notes?: string;
  retiredOn?: string;
}

export type Treatment = 'fix' | 'accept' | 'transfer' | 'avoid';
export const TREATMENTS: readonly Treatment[] = ['fix', 'accept', 'transfer', 'avoid'];

export interface SuppressionLink {
  reason: string;
  file: string;
  /** 1-based line of the suppression comment, Metadata entry or `.srlens.yaml` item. */
  line: number;
  /** `YYYY-MM-DD`: the last day the acceptance holds. */
  expires?: string;
  owner?: string;
  ticket?: string;
  /** Where it is written when not a `# srlens-ignore` comment: metadata, config, or a peer tool (checkov, trivy, …). */
  source?: string;
}

export interface Risk {
  /** `<rule-id> <asset id>`; one risk per rule and asset. */
  id: string;
  ruleId: string;
  asset: string;
  concern: ConcernId | string;
  /** Side of the model the finding is on. */
  owner: 'customer' | 'shared';
  severity: Severity;
  title: string;
  file?: string;
  /** 1-based lines of the findings. */
  lines: number[];
  likelihood: number;
  impact: number;
  treatment: Treatment;
  status: 'open' | 'closed';
  /** Set while a suppression with a reason silences the finding (treatment accept). */
  suppression?: SuppressionLink;
  /** Set while the finding is open again because the suppression that accepted it expired. */
  expiredAcceptance?: SuppressionLink;
  identified: string;
  closedOn?: string;
  // typed by hand
  riskOwner?: string;
  due?: string;
  notes?: string;
}

export type Implementation = 'yes' | 'partial' | 'no' | 'inherited';
export const IMPLEMENTATIONS: readonly Implementation[] = ['yes', 'partial', 'no', 'inherited'];

export interface Evidence {
  file: string;
  /** 1-based line of the resource or of the property that settles the control. */
  line: number;
  resource: string;
  /** The rule whose check passes there. */
  ruleId: string;
  property?: string;
  /** For evidence from the account itself (`.srlens/account.yaml`): the date the check ran. */
  checked?: string;
}

export interface ControlState {
  id: string;
  title: string;
  concerns: ConcernId[];
  /** True when AWS owns every mapped concern for every resource in scope. */
  inheritedFromAws: boolean;
  /** What the scan suggests; `implemented` (typed by hand) wins when set. */
  suggested: Implementation | 'unknown';
  evidence: Evidence[];
  /** Open risks on the mapped concerns. */
  openRisks: number;
  /**
   * What the templates do not show and the control needs before the scan suggests it as
   * implemented: "no classification tag key is configured", "patching evidence for the instances".
   */
  missing?: string;
  // typed by hand
  applicable: boolean;
  justification?: string;
  implemented?: Implementation;
}

export interface IsmsState {
  version: number;
  lastReviewed?: string;
  reviewedBy?: string;
  scope?: string;
  policy?: string;
  methodology?: string;
  steps: StepState[];
  assets: Asset[];
  risks: Risk[];
  controls: ControlState[];
}
