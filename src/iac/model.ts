/**
 * The neutral model shared by CloudFormation and Terraform.
 *
 * Parsers turn text into this model; rules, the engine, the CLI and the editor read only this
 * model. Every node carries its exact source range (0-based line/character, as in LSP), and every
 * value says whether it is a literal, a reference, or something that cannot be known statically.
 */
import type { TierId } from '../knowledge/tiers';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset within the line (as VS Code and LSP count). */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Syntax = 'cloudformation-yaml' | 'cloudformation-json' | 'terraform';

/** A value written out in the file: a string, number, boolean or null. */
export interface LiteralValue {
  kind: 'literal';
  value: string | number | boolean | null;
  range: Range;
}

/** A mapping (CloudFormation object, Terraform object or nested block). */
export interface MapValue {
  kind: 'map';
  properties: Property[];
  range: Range;
  /** True for a Terraform nested block (`versioning { … }`), false for an object expression. */
  block?: boolean;
}

export interface ListValue {
  kind: 'list';
  items: Value[];
  range: Range;
}

/**
 * A reference to something else in the same template or module: a CloudFormation `!Ref X` or
 * `!GetAtt X.Attr`; a Terraform `aws_s3_bucket.logs.id`, `var.x`, `local.y`, `module.m.out`,
 * `data.aws_iam_policy_document.p.json`.
 */
export interface ReferenceValue {
  kind: 'reference';
  /** What is referenced: a logical id or pseudo parameter (`AWS::Region`), or a Terraform address (`aws_s3_bucket.logs`, `var.x`, `local.y`). */
  target: string;
  /** Attribute path after the target, if any (`Arn`, `id`). */
  attribute?: string;
  /** The source text. */
  text: string;
  range: Range;
}

/**
 * A value that cannot be known statically: `!If`, `!Sub` with unknowns, `!FindInMap`, Terraform
 * function calls, conditionals, `for` expressions, templates with interpolation, `dynamic` blocks.
 * Rules must never report such a value as insecure.
 */
export interface UnresolvableValue {
  kind: 'unresolvable';
  /** The construct: `Fn::If`, `Fn::Sub`, `function:jsonencode`, `conditional`, `template`, `dynamic`, … */
  construct: string;
  /** The intrinsic's arguments when they have structure (CloudFormation), for rules that look inside. */
  args?: Value;
  /** The source text (possibly truncated for very long expressions). */
  text: string;
  range: Range;
}

export type Value = LiteralValue | MapValue | ListValue | ReferenceValue | UnresolvableValue;

export interface Property {
  key: string;
  keyRange: Range;
  value: Value;
  /** From the start of the key to the end of the value. */
  range: Range;
}

export type ResourceTier = TierId | 'unclassified';

export interface Resource {
  /** CloudFormation logical id, or Terraform address (`aws_s3_bucket.logs`). */
  id: string;
  type: string;
  /** Service name from the knowledge base (for example `Amazon S3`). */
  service: string;
  tier: ResourceTier;
  file: string;
  syntax: Syntax;
  /** The whole resource: the logical id's entry, or the whole Terraform block. */
  range: Range;
  /** The logical id key, or the Terraform block's labels. */
  idRange: Range;
  /** The `Type` value token, or the Terraform type label. */
  typeRange: Range;
  /** CloudFormation `Properties`, or the Terraform block body. Empty map when absent. */
  properties: MapValue;
  /** CloudFormation `Metadata`, if any. */
  metadata?: MapValue;
  /** CloudFormation `DeletionPolicy` and `UpdateReplacePolicy` as written, if any (what the stack does with the resource). */
  deletionPolicy?: Value;
  updateReplacePolicy?: Value;
  /** CloudFormation `Condition` name, Terraform `count` / `for_each`: the resource may not exist or may repeat. */
  condition?: string;
  count?: Value;
  forEach?: Value;
  /**
   * What wrote this resource out when the template does not (CloudFormation `Fn::ForEach::Buckets`,
   * a SAM function's `FunctionUrlConfig`): its ranges point into the construct that generated it.
   */
  generatedBy?: string;
  /**
   * The logical id of the resource whose values a generated resource repeats (a SAM function, for
   * the role and URL SAM writes for it): a finding both have (same rule, same range) is reported
   * once, on the resource as written.
   */
  generatedFrom?: string;
  /** The AWS CDK construct a synthesized template's resource comes from (`aws:cdk:path`, without `/Resource`). */
  constructPath?: string;
}

/**
 * A finding's message for this resource: a generated resource whose message does not name it is
 * named first (several share one range), and a CDK construct is named after.
 */
export function messageFor(resource: Resource, message: string): string {
  let result = message;
  if (resource.generatedBy && !message.includes(`'${resource.id}'`)) result = `${resource.id}: ${result}`;
  if (resource.constructPath) result = `${result} (CDK construct ${resource.constructPath})`;
  return result;
}

/**
 * Where the value a unit is analysed with comes from, when it is not the default written in the
 * declaration: a var file, an assignment on the command line, or a caller (a module call, a parent
 * stack). The declaration's `default` then holds that value, placed at the declaration so that
 * findings stay in this file; it is not text of this file, and no fix may edit it there.
 */
export interface InputSource {
  kind: 'file' | 'command-line' | 'caller';
  /** For messages: `terraform.tfvars`, `--var db_password`, `module.db`, `stack 'Network' in parent.yaml`. */
  name: string;
}

export interface CfnParameter {
  name: string;
  type?: string;
  default?: Value;
  /** Set when `default` is what a parent stack passes, not the Default written here. */
  valueFrom?: InputSource;
  noEcho: boolean;
  range: Range;
  keyRange: Range;
}

export interface CloudFormationTemplate {
  kind: 'cloudformation';
  file: string;
  syntax: 'cloudformation-yaml' | 'cloudformation-json';
  /** Index of the YAML document in a multi-document file (0 for the first). */
  documentIndex: number;
  transforms: string[];
  parameters: CfnParameter[];
  conditions: string[];
  resources: Resource[];
  /**
   * SAM's `Globals` (AWS::Serverless-2016-10-31), as written, for what SAM merges into the
   * resources it does not write out in the model (the implicit API of function events).
   */
  globals?: MapValue;
  range: Range;
}

export interface TfVariable {
  name: string;
  default?: Value;
  /** Set when `default` is the value of a var file, a `--var` or a caller, not the default written here. */
  valueFrom?: InputSource;
  sensitive: boolean;
  file: string;
  range: Range;
  labelRange: Range;
}

export interface TfProvider {
  name: string;
  alias?: string;
  region?: Value;
  file: string;
  range: Range;
  labelRange: Range;
  properties: MapValue;
}

export interface TfModuleCall {
  name: string;
  source?: string;
  file: string;
  range: Range;
  labelRange: Range;
  properties: MapValue;
}

export interface TfOutput {
  name: string;
  value?: Value;
  file: string;
  range: Range;
}

export interface TerraformModule {
  kind: 'terraform';
  /** The directory holding the module's `.tf` files. */
  dir: string;
  files: string[];
  resources: Resource[];
  /** `data` blocks, addressed `data.<type>.<name>`; not counted as managed resources. */
  dataSources: Resource[];
  providers: TfProvider[];
  variables: TfVariable[];
  locals: Property[];
  moduleCalls: TfModuleCall[];
  outputs: TfOutput[];
}

export type IacUnit = CloudFormationTemplate | TerraformModule;

export type Severity = 'error' | 'warning' | 'info';

/** A syntax problem; becomes a `parse-error` finding. */
export interface ParseDiagnostic {
  file: string;
  range: Range;
  message: string;
  severity: Severity;
}

/** The result of parsing one file (CloudFormation) or one module (Terraform). */
export interface ParseResult {
  units: IacUnit[];
  diagnostics: ParseDiagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Small helpers every consumer needs.

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export const EMPTY_RANGE: Range = range(0, 0, 0, 0);

export function emptyMap(at: Range = EMPTY_RANGE): MapValue {
  return { kind: 'map', properties: [], range: at };
}

/** The first property with this key (keys are case-sensitive, as in both languages). */
export function getProperty(map: MapValue | undefined, key: string): Property | undefined {
  if (!map) return undefined;
  for (const p of map.properties) if (p.key === key) return p;
  return undefined;
}

/** Every property with this key (Terraform repeats nested blocks such as `ingress`). */
export function getProperties(map: MapValue | undefined, key: string): Property[] {
  return map ? map.properties.filter((p) => p.key === key) : [];
}

/** Follows a path of keys through nested maps. */
export function getPath(map: MapValue | undefined, ...keys: string[]): Property | undefined {
  let current: MapValue | undefined = map;
  let found: Property | undefined;
  for (const key of keys) {
    found = getProperty(current, key);
    if (!found) return undefined;
    current = found.value.kind === 'map' ? found.value : undefined;
  }
  return found;
}

export function isLiteral(v: Value | undefined): v is LiteralValue {
  return v?.kind === 'literal';
}

export function compareRanges(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

export function containsPosition(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

// Where a parameter's or variable's value comes from (`InputSource`): a default written in the
// declaration, or a value given from elsewhere, which messages must name and fixes must not edit.

/**
 * The source of the value `target` (a parameter's name, or `var.name`) has in `unit`, when it is
 * not the declared default; undefined for a default written in the declaration, or no value.
 */
export function inputSourceOf(unit: IacUnit, target: string): InputSource | undefined {
  if (unit.kind === 'cloudformation') return unit.parameters.find((p) => p.name === target)?.valueFrom;
  if (!target.startsWith('var.')) return undefined;
  const name = target.slice(4);
  return unit.variables.find((v) => v.name === name)?.valueFrom;
}

/** `set in terraform.tfvars`, `set with --var name`, `passed by module.db`. */
export function describeInputSource(source: InputSource): string {
  switch (source.kind) {
    case 'file':
      return `set in ${source.name}`;
    case 'command-line':
      return `set with ${source.name}`;
    case 'caller':
      return `passed by ${source.name}`;
  }
}

/**
 * How the value reached through `target` is named in a message: `the default of var.name` or
 * `var.name, set in terraform.tfvars` (Terraform); `the default of parameter Name` or
 * `parameter Name, passed by stack 'Db' in parent.yaml` (CloudFormation).
 */
export function describeInput(unit: IacUnit, target: string): string {
  const named = unit.kind === 'cloudformation' ? `parameter ${target}` : target;
  const source = inputSourceOf(unit, target);
  return source ? `${named}, ${describeInputSource(source)}` : `the default of ${named}`;
}
