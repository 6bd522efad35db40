import type { ConcernId } from '../knowledge/concerns';
import type { Fix } from '../fixes/types';
import type { IacUnit, MapValue, Range, Resource, Severity, Value } from '../iac/model';

/**
 * One message a rule can print. `headline` says what is wrong and where, in one short sentence
 * (`Security group '{group}' allows SSH (22) from {cidr}.`); the engine puts the owner and the
 * concern in front (`You · Network access: …`) and keeps the finding's `message` within 120
 * characters. `detail` says why the concern is yours, what AWS does and does not do, where the
 * value came from and what to do; it becomes the finding's `detail`. Both may hold named
 * placeholders (`{bucket}`) that a report's `data` fills in.
 */
export interface RuleMessage {
  headline: string;
  detail?: string;
}

/** A rule's messages by id: `{ versioningOff: { headline: "S3 bucket '{bucket}' …" } }`. */
export type RuleMessages = Readonly<Record<string, RuleMessage>>;

/** What a rule reports; the engine adds owner, tier, service and the rest of the finding contract. */
export interface RuleReport {
  /** Which of the rule's `messages` this report prints. */
  messageId: string;
  /** The most precise range: the offending value, else the property key, else the type token or labels. */
  range: Range;
  severity?: Severity;
  /** False when this particular report cannot be fixed automatically although the rule has a fix. */
  fixable?: boolean;
  /**
   * The values of the message's placeholders (strings or numbers, inserted verbatim), and whatever
   * the rule's `fix` needs to know about this report.
   */
  data?: Record<string, unknown>;
}

/** Settings from `.srlens.yaml` that rules read. */
export interface RuleSettings {
  requiredTags: readonly string[];
  /** What the account itself said when last checked (`.srlens/account.yaml`), when that is recent enough to trust. */
  account?: AccountFacts;
}

/**
 * The account's own settings, as `srlens aws check` found them: the status of each account check by
 * its id (`ebs-default-encryption`, `s3-account-public-access-block`, …), the Region and the date.
 * The front end reads the snapshot and passes it in; rules never read files.
 */
export interface AccountFacts {
  account?: string;
  region: string;
  /** `YYYY-MM-DD`. */
  checked: string;
  checks: Readonly<Record<string, 'pass' | 'fail' | 'not-checked'>>;
}

export interface RuleContext {
  // Also what the edit helpers of src/fixes/ need (`EditSource`): `text` and `resourceById`.
  /** The template or module the resource belongs to. */
  unit: IacUnit;
  settings: RuleSettings;
  /**
   * Follows what can be followed statically: a CloudFormation `!Ref` to a parameter with a
   * Default, a Terraform `var.x` with a default or `local.y`. `AWS::NoValue` resolves to
   * undefined (the property is absent). Anything else comes back as it is.
   */
  resolve(value: Value | undefined): Value | undefined;
  /** A resource of the same template or module by logical id or Terraform address. */
  resourceById(id: string): Resource | undefined;
  /**
   * Resources whose properties reference `target` (`bucket = aws_s3_bucket.logs.id`,
   * `Bucket: !Ref Logs`), optionally only of the given types: companions such as bucket policies,
   * public access blocks or flow logs.
   */
  referencing(target: Resource, types?: readonly string[]): Resource[];
  /** The text of a file of this unit (for fixes and for reading comments). */
  text(file: string): string | undefined;
  /**
   * A value computed once per template or module: the first call with a key runs `build`, every
   * later call with the same key (from any rule or resource of the unit) returns what it returned.
   * For indexes over the unit (companions by the bucket they name, reads by target), so that a
   * rule looking something up for each resource stays linear. Keys are namespaced by their
   * helper (`s3:companions:…`); `build` must depend on the unit alone.
   */
  memo<T>(key: string, build: () => T): T;
}

/**
 * A rule: plain metadata plus a pure check, and optionally a fix. One rule per file in
 * src/rules/, listed by name in src/rules/index.ts.
 */
export interface Rule {
  /** kebab-case, service first, self-explaining: `rds-storage-encryption`. */
  id: string;
  /** What is wrong, in a few words: "RDS storage is not encrypted". */
  title: string;
  concern: ConcernId;
  severity: Severity;
  /** CloudFormation and Terraform resource types the rule looks at; the engine indexes rules by them. */
  appliesTo: readonly string[];
  /** Why this is the customer's side of the model, and what AWS does or does not do. */
  rationale: string;
  /** What to do about it. */
  remediation: string;
  /** Every message the rule can print, by the `messageId` its reports name. */
  messages: RuleMessages;
  check(resource: Resource, context: RuleContext): RuleReport[];
  /** Builds the edits for one report. Must produce text that parses and clears the finding. */
  fix?(report: RuleReport, resource: Resource, context: RuleContext): Fix | undefined;
  /**
   * Template- or module-level checks (CloudFormation parameters, for example), run once per unit.
   * Reports may name the thing they are about in `subject`.
   */
  checkUnit?(unit: IacUnit, context: RuleContext): UnitReport[];
  fixUnit?(report: UnitReport, unit: IacUnit, context: RuleContext): Fix | undefined;
}

export interface UnitReport extends RuleReport {
  /** The file the report is in (a Terraform module has several). */
  file: string;
  /** What the report is about, shown as the finding's resource (a parameter name, for example). */
  subject?: string;
}

/** `appliesTo: [ALL_TYPES]` runs a rule on every resource (for example hard-coded secrets in any property). */
export const ALL_TYPES = '*';

export type { MapValue };
