/**
 * Nested stacks with a local path: an `AWS::CloudFormation::Stack` whose `TemplateURL`, or an
 * `AWS::Serverless::Application` whose `Location`, names a file (`./child.yaml`,
 * `child/template.yaml`, as `aws cloudformation package` and `sam deploy` accept) is analysed as an
 * instance of that file, with the parameters the parent passes. A URL (`https://`, `s3://`) or any
 * value that is not a plain string stays opaque.
 *
 * The child is read through the front end (`ReadFile`), which serves only files inside the scanned
 * roots. What is passed decides the child's parameters: a literal (or a parameter of the parent
 * that resolves to one) replaces the child's `Default`; anything else (`!GetAtt`, `!Ref` to a
 * parameter without a default, an intrinsic), and a secret passed to a `NoEcho` parameter, makes
 * the parameter unknown, so no rule reports it in the child.
 * A parameter the parent does not pass keeps the child's default.
 *
 * Bounds: nested stacks are followed `MAX_NESTED_DEPTH` levels deep, a file is never expanded
 * again inside itself with the same parameters (a cycle), and one template expands at most
 * `MAX_NESTED_INSTANCES` instances; what is not expanded gets one info finding at the stack's
 * location value.
 *
 * How an instance's findings combine with the child's own analysis (with its defaults) is
 * `combineNestedFindings`, below.
 */
import type { CfnParameter, CloudFormationTemplate, LiteralValue, ParseResult, Resource, Value } from '../iac/model';
import { mayBeTemplate } from '../iac/detect';
import { containsPosition, getProperty, type Range } from '../iac/model';
import { resolveInUnit } from './context';
import { asHeadline, joinSentences, PARSE_ERROR_RULE_ID, type Finding } from './finding';
import { SUPPRESSION_RULE_IDS } from './suppressions';

export const NESTED_STACK_RULE_ID = 'nested-stack-not-analysed';

/** How many levels of nested stacks are followed below a template. */
export const MAX_NESTED_DEPTH = 5;

/** How many nested stack instances one template expands, all levels together. */
export const MAX_NESTED_INSTANCES = 100;

/**
 * Reads another file for the engine: its text; `undefined` when it does not exist or cannot be
 * read; `{ refused }` with the reason when the front end will not read it (outside the scanned
 * roots, over the size limit).
 */
export type ReadFile = (file: string) => string | { refused: string } | undefined;

/** One nested stack instance: a child template analysed with the parameters of its parents. */
export interface NestedInstance {
  /** The template the expansion starts from (the outermost parent). */
  root: string;
  /** The child template's file, where its findings are. */
  file: string;
  /** The stack resources from the root down to this instance (`['Network', 'Subnets']`). */
  stacks: string[];
  /** The instance's findings, each naming the instance (in `resource` and the message). */
  findings: Finding[];
}

/** What the expansion needs from the engine. */
export interface NestedHost {
  read: ReadFile;
  /** Parses a template (through the engine's cache). */
  parse(file: string, text: string): ParseResult;
  /** Checks one template instance (rules, the file's suppressions, the configuration). */
  check(unit: CloudFormationTemplate, file: string, text: string): Finding[];
  /** Applies the configuration (severity overrides, rules turned off, the minimum severity) to findings of the expansion's own. */
  configure(findings: Finding[]): Finding[];
}

export interface NestedExpansion {
  /** Info findings on the template's own stack resources (what was not expanded). */
  findings: Finding[];
  instances: NestedInstance[];
  /** Every file read and what was read, so that a cached analysis can tell when a child changed. */
  reads: Map<string, string | undefined>;
}

const NESTED_STACK_LOCATION = new Map([
  ['AWS::CloudFormation::Stack', 'TemplateURL'],
  ['AWS::Serverless::Application', 'Location'],
]);

/** Whether a template has a stack resource that may name a local file (cheap: no path resolved). */
export function hasNestedStacks(unit: CloudFormationTemplate): boolean {
  return unit.resources.some((r) => NESTED_STACK_LOCATION.has(r.type));
}

/** Expands the nested stacks of a template's first document; the instances of their nested stacks too. */
export function expandNestedStacks(parse: ParseResult, host: NestedHost, reported: Finding[] = []): NestedExpansion {
  const expansion: NestedExpansion = { findings: [], instances: [], reads: new Map() };
  const unit = parse.units.find((u): u is CloudFormationTemplate => u.kind === 'cloudformation');
  if (!unit || !hasNestedStacks(unit)) return expansion;
  const budget = { left: MAX_NESTED_INSTANCES };
  const read = (file: string) => {
    const result = host.read(file);
    expansion.reads.set(file, typeof result === 'string' ? result : undefined);
    return result;
  };
  const walk = { root: unit.file, host, read, budget, instances: expansion.instances };
  const chain = [`${unit.file}\u0000${parametersKey(unit.parameters)}`];
  expand(unit, reported, [], chain, expansion.findings, walk);
  return expansion;
}

interface Walk {
  root: string;
  host: NestedHost;
  read: ReadFile;
  budget: { left: number };
  instances: NestedInstance[];
}

/** `reported`: the findings of `unit` itself, so that a value they report is not reported again in a child. */
function expand(
  unit: CloudFormationTemplate,
  reported: Finding[],
  stacks: string[],
  chain: string[],
  into: Finding[],
  walk: Walk,
): void {
  for (const resource of unit.resources) {
    const key = NESTED_STACK_LOCATION.get(resource.type);
    if (!key) continue;
    const location = getProperty(resource.properties, key)?.value;
    if (location?.kind !== 'literal' || typeof location.value !== 'string') continue;
    const written = location.value.trim();
    // A URL (https, s3, …) is deployed from where it is, a dynamic reference (`{{resolve:ssm:…}}`)
    // is decided at deploy time: opaque, as any other stack.
    if (written === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(written) || written.includes('{{resolve:')) continue;
    const notAnalysed = (why: string) => {
      const found = walk.host.configure([infoFinding(resource, location, stacks, walk.root, why)]);
      into.push(...found);
      return found;
    };
    if (stacks.length >= MAX_NESTED_DEPTH) {
      notAnalysed(
        `nested stacks are followed ${MAX_NESTED_DEPTH} levels deep, and this one is level ${stacks.length + 1}`,
      );
      continue;
    }
    const childFile = resolveLocation(unit.file, written);
    if (childFile === undefined) {
      notAnalysed(`'${written}' leaves the file system's root`);
      continue;
    }
    const text = walk.read(childFile);
    if (text === undefined) {
      notAnalysed(`'${written}' was not found or could not be read`);
      continue;
    }
    if (typeof text !== 'string') {
      notAnalysed(`'${written}' is not read: ${text.refused}`);
      continue;
    }
    const child = walk.host
      .parse(childFile, text)
      .units.find((u): u is CloudFormationTemplate => u.kind === 'cloudformation');
    if (!child) {
      // A template without resources (`Resources: {}`) has nothing to check.
      if (!mayBeTemplate(text)) notAnalysed(`'${written}' is not a CloudFormation template`);
      continue;
    }
    const parameters = instanceParameters(unit, resource, child, reported);
    const visit = `${childFile}\u0000${parametersKey(parameters)}`;
    if (chain.includes(visit)) {
      const closing = notAnalysed(`'${written}' already encloses this stack with the same parameters (a cycle)`);
      for (const finding of closing) cycleClosings.add(finding);
      continue;
    }
    if (walk.budget.left <= 0) {
      notAnalysed(`one template expands at most ${MAX_NESTED_INSTANCES} nested stacks`);
      continue;
    }
    walk.budget.left--;
    const instanceStacks = [...stacks, resource.id];
    const instance: CloudFormationTemplate = { ...child, parameters };
    const findings = walk.host
      .check(instance, childFile, text)
      .filter((f) => !INSTANCE_SKIPPED.has(f.ruleId))
      .map((f) => named(f, instanceStacks, walk.root));
    walk.instances.push({ root: walk.root, file: childFile, stacks: instanceStacks, findings });
    // What the instance does not expand is a finding of the instance (in the child's file).
    const inner: Finding[] = [];
    expand(instance, findings, instanceStacks, [...chain, visit], inner, walk);
    findings.push(...inner);
  }
}

/** The info findings where a cycle closes (the only findings of instances without an outermost parent that are reported). */
const cycleClosings = new WeakSet<Finding>();

/** Findings an instance does not repeat: the child's syntax and its suppression comments are its own analysis's. */
const INSTANCE_SKIPPED = new Set([PARSE_ERROR_RULE_ID, ...SUPPRESSION_RULE_IDS]);

/**
 * The child's parameters as the parent passes them: a value that resolves to a literal in the
 * parent becomes the Default (placed where the child's Default or parameter is, so a finding
 * stays in the child's file); any other value, and any value of a `NoEcho` parameter, is unknown
 * (no Default); what is not passed keeps the child's Default.
 */
function instanceParameters(
  parent: CloudFormationTemplate,
  stack: Resource,
  child: CloudFormationTemplate,
  reported: Finding[],
) {
  const passed = getProperty(stack.properties, 'Parameters')?.value;
  if (passed?.kind !== 'map') return child.parameters;
  return child.parameters.map((parameter): CfnParameter => {
    const given = getProperty(passed, parameter.name);
    if (!given) return parameter;
    const value = resolveInUnit(parent, given.value);
    // A secret (NoEcho) is not configuration to check in the child, and neither is a value the
    // parent's analysis already reports where it is written (a secret in Parameters): one cause,
    // one finding, in the parent.
    const judged =
      parameter.noEcho || reported.some((f) => f.file === stack.file && contains(f.range, given.value.range));
    if (value?.kind === 'literal' && value.value !== null && !judged) {
      const at = parameter.default?.range ?? parameter.keyRange;
      const literal: LiteralValue = { kind: 'literal', value: value.value, range: at };
      const from = `stack '${stack.id}' in ${stack.file.split(/[\\/]/).pop() ?? stack.file}`;
      return { ...parameter, default: literal, valueFrom: { kind: 'caller', name: from } };
    }
    return { ...parameter, default: undefined };
  });
}

function contains(outer: Range, inner: Range): boolean {
  return containsPosition(outer, inner.start) && containsPosition(outer, inner.end);
}

function parametersKey(parameters: CfnParameter[]): string {
  return JSON.stringify(
    parameters.map((p) => [p.name, p.default?.kind === 'literal' ? p.default.value : p.default ? '\u0000' : null]),
  );
}

/** An instance's finding names the stack resources that lead to it, and the root template. */
function named(finding: Finding, stacks: string[], root: string): Finding {
  const path = stacks.join('/');
  return {
    ...finding,
    resource: finding.resource ? `${path}/${finding.resource}` : path,
    detail: joinSentences(finding.detail, suffix(stacks, root)),
    // A fix would edit the text every instance and the child's own analysis share.
    fixable: false,
  };
}

function suffix(stacks: string[], root: string): string {
  return `(nested stack ${stacks.join('/')} in ${baseName(root)})`;
}

function infoFinding(resource: Resource, location: Value, stacks: string[], root: string, why: string): Finding {
  const message = `Nested stack '${resource.id}' is not analysed, so its resources are not checked here. The reason: ${why}.`;
  return asHeadline({
    ruleId: NESTED_STACK_RULE_ID,
    severity: 'info',
    concern: 'configuration',
    owner: 'customer',
    tier: resource.tier,
    service: resource.service,
    resource: stacks.length > 0 ? `${stacks.join('/')}/${resource.id}` : resource.id,
    resourceType: resource.type,
    file: resource.file,
    range: location.range,
    message,
    ...(stacks.length > 0 ? { detail: suffix(stacks, root) } : {}),
    fixable: false,
  });
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/**
 * The file a location names, relative to the parent's folder: `./child.yaml`, `child/t.yaml`,
 * `../shared/t.yaml` (the front end decides whether it may be read). Works on paths (POSIX and
 * Windows) and on URIs (`vscode-vfs://github/o/r/parent.yaml`); undefined when `..` climbs above
 * the file system's root or the URI's authority.
 */
export function resolveLocation(parentFile: string, location: string): string | undefined {
  const uri = /^([a-z][a-z0-9+.-]+:\/\/[^/]*)(\/.*)$/i.exec(parentFile);
  const drive = /^([a-z]:)([\\/].*)$/i.exec(parentFile);
  const [prefix, rest] = uri ? [uri[1], uri[2]] : drive ? [drive[1], drive[2]] : ['', parentFile];
  const sep = drive && !parentFile.includes('/') ? '\\' : '/';
  const segments = rest.split(/[\\/]/);
  segments.pop();
  // An absolute location starts from the root (a POSIX path, or the drive it names).
  const absolute = /^[\\/]/.test(location);
  const driveLocation = /^[a-z]:[\\/]/i.exec(location);
  if (driveLocation && !drive) return undefined;
  let head = prefix;
  let parts = absolute ? [''] : segments;
  let relative = location;
  if (driveLocation) {
    head = location.slice(0, 2);
    parts = [''];
    relative = location.slice(2);
  }
  parts = [...parts];
  for (const part of relative.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length <= 1) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return head + parts.join(sep);
}

/**
 * How the analyses of one child template combine, so that a problem is never shown twice for one
 * cause and never shown when every parent overrides it:
 *
 * - A template that no scanned template nests is analysed on its own (its parameter defaults).
 * - A template that scanned templates nest is a part of their deployments: what counts are its
 *   instances from templates that are not nested themselves (the outermost parents). A finding
 *   every instance has at the same place (same rule, same range) and the child's own analysis has
 *   too is reported once, as the child's own, without a parent's name. Any other finding of an
 *   instance is reported for that instance, naming its stack and outermost parent. A finding of
 *   the child's own analysis that not every instance has is dropped: its defaults are not what
 *   every parent deploys (and when no instance has it, every parent overrides it).
 * - Instances whose outermost template is itself nested (the child's own expansion of its nested
 *   stacks, or a cycle) are not reported: their outermost parents' instances are. Templates that
 *   nest each other have no outermost parent: each keeps its own analysis, and the info finding
 *   where the cycle closes is reported once.
 * - Syntax errors and suppression bookkeeping of the child stay its own analysis's.
 *
 * `own` holds the findings of the files analysed on their own; `instances` every expansion's.
 */
export function combineNestedFindings(own: Finding[], instances: NestedInstance[]): Finding[] {
  if (instances.length === 0) return own;
  const nested = new Set(instances.map((i) => i.file));
  const live = new Map<string, NestedInstance[]>();
  for (const instance of instances) {
    if (nested.has(instance.root)) continue;
    const list = live.get(instance.file) ?? [];
    list.push(instance);
    live.set(instance.file, list);
  }
  const result: Finding[] = [];
  const ownKeys = new Map<string, Set<string>>();
  for (const finding of own) {
    const list = live.get(finding.file);
    if (!list || INSTANCE_SKIPPED.has(finding.ruleId)) {
      result.push(finding);
      continue;
    }
    const key = findingKey(finding);
    if (list.every((i) => keysOf(i).has(key))) {
      result.push(finding);
      const keys = ownKeys.get(finding.file) ?? new Set();
      keys.add(key);
      ownKeys.set(finding.file, keys);
    }
  }
  for (const [file, list] of live) {
    const reported = ownKeys.get(file);
    for (const instance of list)
      for (const finding of instance.findings) if (!reported?.has(findingKey(finding))) result.push(finding);
  }
  // Templates that nest each other (a cycle) have no outermost parent: each keeps its own
  // analysis, and where the cycle closes is said once in each file.
  const closed = new Set<string>();
  for (const instance of instances) {
    if (live.has(instance.file)) continue;
    for (const finding of instance.findings) {
      const key = `${finding.file}\u0000${findingKey(finding)}`;
      if (!cycleClosings.has(finding) || closed.has(key)) continue;
      closed.add(key);
      result.push(finding);
    }
  }
  return result;
}

const instanceKeys = new WeakMap<NestedInstance, Set<string>>();

/** The keys of an instance's findings, computed once. */
function keysOf(instance: NestedInstance): Set<string> {
  let keys = instanceKeys.get(instance);
  if (!keys) {
    keys = new Set(instance.findings.map(findingKey));
    instanceKeys.set(instance, keys);
  }
  return keys;
}

function findingKey(finding: Finding): string {
  const { start, end } = finding.range;
  return `${finding.ruleId}\u0000${start.line}:${start.character}:${end.line}:${end.character}`;
}
