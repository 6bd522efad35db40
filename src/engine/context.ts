/**
 * The context rules see for one template or module: reference resolution and a reverse index of
 * references, both built once per unit and lazily, so no rule scans the unit quadratically; and
 * `memo`, where rules and their helpers keep indexes of their own, built the same way.
 */
import type { IacUnit, Resource, Value } from '../iac/model';
import type { RuleContext, RuleSettings } from '../rules/rule';
import { namesReadBy } from '../iac/reads';
import { keepShape } from '../iac/shapes';

const MAX_RESOLVE_DEPTH = 8;

export function createRuleContext(
  unit: IacUnit,
  settings: RuleSettings,
  text: (file: string) => string | undefined,
): RuleContext {
  return new UnitContext(unit, settings, text);
}

/**
 * A class rather than an object of closures: rules call its methods millions of times, and a call
 * site that has only ever seen one context's closure is optimised for that closure, which a full
 * collection made to free memory frees with the code (iac/shapes.ts). Methods on the prototype live
 * as long as the process.
 */
class UnitContext implements RuleContext {
  private byId: Map<string, Resource> | undefined = undefined;
  private referencedBy: Map<string, Resource[]> | undefined = undefined;
  private readonly memos = new Map<string, unknown>();
  // Asked with types, the reverse index covers only resources of those types (usually a few, so a
  // rule looking for a bucket's policies never walks every other resource of the template). Rules
  // pass the same constant list at every call, so the list itself is the first key; its text is
  // the key that finds an equal list passed as another array.
  private readonly byList = new WeakMap<readonly string[], Map<string, Resource[]>>();
  private readonly byText = new Map<string, Map<string, Resource[]>>();

  constructor(
    readonly unit: IacUnit,
    readonly settings: RuleSettings,
    private readonly textOf: (file: string) => string | undefined,
  ) {}

  resolve(value: Value | undefined): Value | undefined {
    return resolveInUnit(this.unit, value);
  }

  resourceById(id: string): Resource | undefined {
    this.byId ??= new Map(this.unit.resources.map((r) => [r.id, r]));
    return this.byId.get(id);
  }

  referencing(target: Resource, types?: readonly string[]): Resource[] {
    if (!types) {
      this.referencedBy ??= buildReverseIndex(this.unit.resources);
      return this.referencedBy.get(target.id) ?? [];
    }
    let index = this.byList.get(types);
    if (!index) {
      const key = types.join('\u0000');
      index = this.byText.get(key);
      if (!index) {
        index = buildReverseIndex(this.unit.resources.filter((r) => types.includes(r.type)));
        this.byText.set(key, index);
      }
      this.byList.set(types, index);
    }
    return index.get(target.id) ?? [];
  }

  text(file: string): string | undefined {
    return this.textOf(file);
  }

  memo<T>(key: string, build: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = build();
    this.memos.set(key, value);
    return value;
  }
}

const EMPTY_UNIT: IacUnit = {
  kind: 'cloudformation',
  file: '',
  syntax: 'cloudformation-yaml',
  documentIndex: 0,
  transforms: [],
  parameters: [],
  conditions: [],
  resources: [],
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
};

/** A context of an empty unit, kept for its shape (iac/shapes.ts). */
keepShape(new UnitContext(EMPTY_UNIT, { requiredTags: [], account: undefined }, () => undefined));

/**
 * Follows what can be followed statically in a template or module: a CloudFormation `!Ref` to a
 * parameter with a Default, a Terraform `var.x` with a default or `local.y`; `AWS::NoValue` is
 * undefined (absent). Anything else comes back as it is. Every reference followed is added to
 * `via`, outermost first, for callers that say where a value came from (the provider hover).
 * Rules reach it through `RuleContext.resolve`.
 */
export function resolveInUnit(unit: IacUnit, value: Value | undefined, via?: string[], depth = 0): Value | undefined {
  if (value?.kind !== 'reference' || depth > MAX_RESOLVE_DEPTH) return value;
  if (unit.kind === 'cloudformation') {
    if (value.target === 'AWS::NoValue') return undefined;
    if (value.attribute !== undefined) return value;
    const parameter = unit.parameters.find((p) => p.name === value.target);
    return parameter?.default !== undefined ? follow(unit, value.target, parameter.default, via, depth) : value;
  }
  if (value.target.startsWith('var.')) {
    const variable = unit.variables.find((v) => v.name === value.target.slice(4));
    return variable?.default !== undefined && value.attribute === undefined
      ? follow(unit, value.target, variable.default, via, depth)
      : value;
  }
  if (value.target.startsWith('local.')) {
    const name = value.target.slice(6);
    const local = unit.locals.find((l) => l.key === name);
    return local && value.attribute === undefined ? follow(unit, value.target, local.value, via, depth) : value;
  }
  return value;
}

function follow(
  unit: IacUnit,
  target: string,
  next: Value,
  via: string[] | undefined,
  depth: number,
): Value | undefined {
  via?.push(target);
  return resolveInUnit(unit, next, via, depth + 1);
}

function buildReverseIndex(resources: Resource[]): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const resource of resources) {
    // The names its properties refer to, walked once per properties tree (iac/reads.ts).
    const targets = namesReadBy(resource.properties);
    // CloudFormation DependsOn is not a reference to configuration; only properties count.
    for (const target of targets) {
      if (target === resource.id) continue;
      const list = index.get(target) ?? [];
      list.push(resource);
      index.set(target, list);
    }
  }
  return index;
}
