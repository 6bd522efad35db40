/**
 * What a Terraform module really deploys: its resources with every value that can be known
 * evaluated, `count` and `for_each` expanded into instances, `dynamic` blocks expanded, and local
 * modules (`source = "./…"`) analysed with their callers' arguments.
 *
 * The input is the converter's model of the module plus the text of its files; each expression to
 * evaluate is taken from the text by its range and parsed again (eval-expressions.ts). The output
 * is the same kind of model, so rules need not know evaluation exists:
 *
 * - A value that evaluates to something known (wholly or in part) replaces the expression in the
 *   resource; every node of it takes the expression's range, so findings stay on the attribute in
 *   the resource block. What stays unknown keeps its original model value (a reference stays a
 *   reference, an unresolvable stays unresolvable): unknown is never reported as insecure.
 * - `count = 3` gives `aws_instance.w[0]` … `[2]`, `for_each` over a map or a set of strings gives
 *   `aws_security_group.svc["ssh"]`; `count = 0` (or an empty collection) leaves no instance. Over
 *   an unknown collection, the block stays one resource with unknown `each.*` / `count.index`.
 * - `dynamic "x" { for_each = … content { … } }` over a known collection becomes one `x` block per
 *   element; over an unknown one it stays as it is (unresolvable).
 * - A module call with a local source inside the scanned roots, or a registry or git source that
 *   `terraform init` downloaded (eval-manifest.ts), becomes one more unit per instance
 *   (`module.db`, `module.db["a"]`), its resources addressed `module.db.aws_db_instance.this`, in
 *   the module's own files. See `combineModuleFindings` (eval-combine.ts) for how these and the module's own analysis
 *   combine.
 *
 * Everything is bounded (instances per block, module depth, evaluation steps, var file size); what
 * a bound stops is reported as an `info` finding and left unknown.
 */
import { LineIndex } from '../line-index';
import type {
  ListValue,
  MapValue,
  ParseDiagnostic,
  ParseResult,
  Property,
  Range,
  Resource,
  TerraformModule,
  TfModuleCall,
  TfProvider,
  TfVariable,
  UnresolvableValue,
  Value,
} from '../model';
import { getProperty } from '../model';
import { parseTerraformModule } from '../terraform';
import {
  BudgetError,
  type Budget,
  evaluateSource,
  iterate,
  parseExpression,
  type Scope,
  scopeReferences,
  sortedEntries,
  toNumber,
} from './eval-expressions';
import { type InputValue, joinPath, normalizeDir, rootInputs } from './eval-inputs';
import { downloadedDir, type ModuleManifest } from './eval-manifest';
import {
  EVALUATION_BUDGET,
  MAX_INSTANCES,
  MAX_MODULE_DEPTH,
  MAX_MODULE_INSTANCES,
  type TerraformEvaluation,
  type TerraformEvaluationOptions,
  type ValueOrigin,
} from './eval-types';
import { namesReadBy } from '../reads';
import { keepShape } from '../shapes';
import { emptyModule } from './converter';
import { fileName, instanceKey, META_ARGUMENTS, rangesEqual, unkeyedTargets } from './eval-helpers';
import { asString, EvalMap, type EV, isSet, isUnknown, isWhollyKnown, toModel, Unknown } from './eval-values';

export type { TerraformHost, TerraformInput } from './eval-inputs';

export {
  EVALUATION_BUDGET,
  MAX_INSTANCES,
  MAX_MODULE_DEPTH,
  MAX_MODULE_INSTANCES,
  type TerraformEvaluation,
  type TerraformEvaluationOptions,
  type ValueOrigin,
};
export { instanceKey, normalizeDir };

interface Shared {
  budget: Budget;
  diagnostics: ParseDiagnostic[];
  texts: Map<string, string>;
  lines: Map<string, LineIndex>;
  instances: number;
  budgetReported: boolean;
  calledDirs: Set<string>;
  /** Each resource instance's evaluator (the module instance it belongs to). */
  owners: Map<string, { evaluator: ModuleEvaluator; resource: Resource }>;
  /** Info findings already given (file, position, message). */
  infoKeys: Set<string>;
  options: TerraformEvaluationOptions;
  /** The root module's `.terraform/modules/modules.json`, read on the first registry or git call. */
  manifest?: Promise<ModuleManifest>;
  rootDir: string;
}

function sharedState(texts: Map<string, string>, options: TerraformEvaluationOptions, rootDir: string): Shared {
  return {
    budget: { steps: EVALUATION_BUDGET },
    diagnostics: [],
    texts,
    lines: new Map(),
    instances: 0,
    budgetReported: false,
    calledDirs: new Set(),
    owners: new Map(),
    infoKeys: new Set(),
    options,
    rootDir,
  };
}

/** Evaluates a parsed module (a root: its var files are read). Never throws for any input. */
export async function evaluateTerraformModule(
  parsed: ParseResult,
  texts: Map<string, string>,
  options: TerraformEvaluationOptions = {},
): Promise<TerraformEvaluation> {
  const module = parsed.units.find((u): u is TerraformModule => u.kind === 'terraform');
  const shared = sharedState(new Map(texts), options, module?.dir ?? '.');
  if (!module) return { parse: parsed, texts, calledDirs: [], originsOf: () => [] };
  const evaluator = new ModuleEvaluator(module, shared, '', [module.dir]);
  const inputs = await rootInputs(
    module.dir,
    module.variables,
    (variable) => evaluator.defaultOf(variable),
    options.inputs ?? [],
    options,
    shared.budget,
    shared.diagnostics,
  );
  evaluator.setInputs(inputs);
  const units = await evaluator.run();
  return {
    parse: {
      units: [...parsed.units.filter((u) => u !== module), ...units],
      diagnostics: [...parsed.diagnostics, ...shared.diagnostics],
    },
    texts: shared.texts,
    calledDirs: [...shared.calledDirs],
    originsOf: (resourceId, file, range) => {
      const owner = shared.owners.get(resourceId);
      if (!owner) return [];
      const origins = owner.evaluator.originsAt(file, range, owner.resource, 0, new Set());
      return origins.filter((o) => !(o.file === file && rangesEqual(o.range, range))).slice(0, MAX_ORIGINS);
    },
  };
}

/** Most places one finding's `related` list names. */
export const MAX_ORIGINS = 8;
/** How many steps back an origin is followed (a local that reads a local that reads a variable…). */
const MAX_ORIGIN_DEPTH = 8;

/** Functions whose arguments rules read themselves: evaluated argument by argument, the call kept. */
const IN_PLACE_FUNCTIONS = new Set(['function:jsonencode', 'function:merge']);

/** A called module's input: the caller's argument, whose own origins are the caller's to tell. */
interface ModuleInput extends InputValue {
  caller?: { evaluator: ModuleEvaluator; valueRange: Range; call: string };
}

class ModuleEvaluator {
  private inputs = new Map<string, ModuleInput>();
  private readonly localValues = new Map<string, EV>();
  private readonly evaluatingLocals = new Set<string>();
  private readonly locals: Map<string, Property>;

  constructor(
    private readonly module: TerraformModule,
    private readonly shared: Shared,
    /** `module.db.` for a called module's instance, '' for the root. */
    private readonly prefix: string,
    /** Folders of the calls that led here (recursion guard). */
    private readonly stack: string[],
    private readonly inheritedProviders: TfProvider[] = [],
    /** The call names from the root (`['vpc', 'endpoints']`): the call's key in Terraform's module manifest. */
    private readonly keyPath: readonly string[] = [],
  ) {
    this.locals = new Map(module.locals.map((l) => [l.key, l]));
  }

  setInputs(inputs: Map<string, ModuleInput>): void {
    this.inputs = inputs;
  }

  defaultOf(variable: TfVariable): EV {
    return variable.default
      ? this.evaluate(variable.default, variable.file, this.baseScope())
      : new Unknown(`var.${variable.name}`);
  }

  private baseScope(): Scope {
    return {
      variable: (name) => {
        const input = this.inputs.get(name);
        return input ? input.value : new Unknown(`var.${name}`);
      },
      local: (name) => this.local(name),
      budget: this.shared.budget,
    };
  }

  private local(name: string): EV {
    if (this.localValues.has(name)) return this.localValues.get(name)!;
    const property = this.locals.get(name);
    if (!property || this.evaluatingLocals.has(name)) return new Unknown(`local.${name}`);
    this.evaluatingLocals.add(name);
    let value: EV;
    try {
      value = this.evaluate(property.value, this.fileOfLocal(property), this.baseScope());
    } finally {
      this.evaluatingLocals.delete(name);
    }
    this.localValues.set(name, value);
    return value;
  }

  /** Locals carry no file of their own: the module file whose text holds the entry at its range. */
  private fileOfLocal(property: Property): string {
    for (const file of this.module.files) {
      const text = this.shared.texts.get(file);
      if (text === undefined) continue;
      const lines = this.linesOf(file, text);
      const start = lines.offset(property.keyRange.start);
      if (text.startsWith(property.key, start) || text.startsWith(`"${property.key}"`, start)) return file;
    }
    return this.module.files[0];
  }

  private linesOf(file: string, text: string): LineIndex {
    let lines = this.shared.lines.get(file);
    if (!lines) {
      lines = new LineIndex(text);
      this.shared.lines.set(file, lines);
    }
    return lines;
  }

  /** The evaluated value of a model value written in `file` (its source read by range). */
  evaluate(value: Value, file: string, scope: Scope): EV {
    if (value.kind === 'literal') return value.value;
    const text = this.shared.texts.get(file);
    if (text === undefined)
      return new Unknown(
        value.kind === 'map' || value.kind === 'list' ? '' : ((value as { text?: string }).text ?? ''),
      );
    const lines = this.linesOf(file, text);
    const start = lines.offset(value.range.start);
    const end = lines.offset(value.range.end);
    if (value.kind === 'map' && value.block) return this.blockValue(value, file, scope);
    try {
      return evaluateSource({ source: text.slice(start, end), offset: start, lines }, scope);
    } catch (error) {
      if (!(error instanceof BudgetError)) throw error;
      this.reportBudget(file, value.range);
      return new Unknown(text.slice(start, Math.min(end, start + 200)));
    }
  }

  /** A nested block read as an object (for `content` blocks and module arguments given as blocks). */
  private blockValue(map: MapValue, file: string, scope: Scope): EV {
    const entries = new Map<string, EV>();
    for (const p of map.properties) entries.set(p.key, this.evaluate(p.value, file, scope));
    return new EvalMap(entries);
  }

  private reportBudget(file: string, range: Range): void {
    if (this.shared.budgetReported) return;
    this.shared.budgetReported = true;
    this.shared.diagnostics.push({
      file,
      range,
      severity: 'info',
      message: `Terraform evaluation stopped here after ${EVALUATION_BUDGET} steps: this and the remaining expressions of the module are left unknown.`,
    });
  }

  /** An info finding, once per place and message (a called module is evaluated once per call). */
  private info(file: string, range: Range, message: string): void {
    const key = `${file}\u0000${range.start.line}:${range.start.character}\u0000${message}`;
    if (this.shared.infoKeys.has(key)) return;
    this.shared.infoKeys.add(key);
    this.shared.diagnostics.push({ file, range, severity: 'info', message });
  }

  async run(): Promise<TerraformModule[]> {
    const module = this.module;
    // A block whose instances are named somewhere with a key that is not known (or with none) is
    // not expanded: which instance such a reference means is unknown, so the block is checked once.
    const noExpand = new Set<string>();
    let resources: Resource[] = [];
    let scope = this.baseScope();
    for (let round = 0; round < 4; round++) {
      let keyed = false as boolean; // set inside the scope callback below
      const unknownInstance = new Set<string>();
      scope = {
        ...this.baseScope(),
        onKeyedReference: () => (keyed = true),
        onUnknownInstance: (address) => unknownInstance.add(address),
        resource: (address) => this.resourceValue(address, noExpand),
      };
      resources = [];
      const expanded = new Set<string>();
      for (const resource of module.resources) {
        const instances = this.expand(resource, scope, noExpand);
        if (instances.length !== 1 || instances[0].id !== this.prefix + resource.id) expanded.add(resource.id);
        resources.push(...instances);
      }
      if (expanded.size > 0)
        for (const r of resources)
          if (refersToAny(r.properties, expanded)) unkeyedTargets(r.properties, unknownInstance);
      const conflicts = [...unknownInstance].filter((address) => expanded.has(address));
      if (conflicts.length > 0 && round < 3) {
        for (const address of conflicts) noExpand.add(address);
        continue;
      }
      if (keyed || this.prefix !== '' || expanded.size > 0)
        resources = resources.map((r) => this.readdressed(r, expanded));
      break;
    }
    const providers = module.providers.map((p) => ({ ...p, properties: this.body(p.properties, p.file, scope, true) }));
    const inherited = providers.length > 0 || this.prefix === '' ? providers : this.inheritedProviders;
    const variables = module.variables.map((v) => this.effectiveVariable(v));
    const locals = module.locals.map((l) => {
      const value = this.value(l.value, this.fileOfLocal(l), this.baseScope());
      return value === l.value ? l : { ...l, value };
    });
    const unit: TerraformModule = {
      ...module,
      resources,
      locals,
      providers: inherited,
      variables,
      dataSources: module.dataSources.map((d) => ({ ...d, id: this.prefix + d.id })),
    };
    for (const resource of resources) this.shared.owners.set(resource.id, { evaluator: this, resource });
    const units = [unit];
    for (const call of module.moduleCalls) units.push(...(await this.call(call, scope, inherited)));
    return units;
  }

  // -- where values come from ------------------------------------------------------------------

  /**
   * Where the value written at `range` in `file` came from, when that is outside the expression:
   * the `locals` entries and variables it reads (a var file's line, a caller's argument, followed
   * into the caller), and for `each.*` / `count.index` what the block's `for_each` / `count` reads.
   * A variable's default or an unknown value has no origin elsewhere.
   */
  originsAt(
    file: string,
    range: Range,
    resource: Resource | undefined,
    depth: number,
    seen: Set<string>,
  ): ValueOrigin[] {
    if (depth > MAX_ORIGIN_DEPTH) return [];
    const key = `${this.prefix}\u0000${file}\u0000${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const out: ValueOrigin[] = [];
    // A rule that follows `var.x` reports at the variable's default, whose value the var file replaced.
    for (const variable of this.module.variables)
      if (variable.file === file && variable.default && rangesEqual(variable.default.range, range))
        out.push(...this.variableOrigins(variable.name, depth, seen));
    const text = this.shared.texts.get(file);
    if (text === undefined) return out;
    const lines = this.linesOf(file, text);
    const source = text.slice(lines.offset(range.start), lines.offset(range.end));
    if (source.length === 0 || source.length > 10_000) return out;
    for (const name of scopeReferences(parseExpression(source))) {
      if (name.startsWith('var.')) out.push(...this.variableOrigins(name.slice(4), depth, seen));
      else if (name.startsWith('local.')) out.push(...this.localOrigins(name.slice(6), depth, seen));
      else if (resource) {
        const meta = name === 'each' ? resource.forEach : resource.count;
        if (meta) out.push(...this.originsAt(resource.file, meta.range, undefined, depth + 1, seen));
      }
    }
    return out;
  }

  private variableOrigins(name: string, depth: number, seen: Set<string>): ValueOrigin[] {
    const input = this.inputs.get(name);
    if (!input?.from || !input.range) {
      const variable = input?.from ? undefined : this.module.variables.find((v) => v.name === name); // its default
      return variable?.default
        ? [{ file: variable.file, range: variable.default.range, message: `the default of var.${name}` }]
        : [];
    }
    if (!input.caller) return [{ file: input.from, range: input.range, message: `value from ${fileName(input.from)}` }];
    const origin: ValueOrigin = {
      file: input.from,
      range: input.range,
      message: `value from the argument ${name} of ${input.caller.call}`,
    };
    return [
      origin,
      ...input.caller.evaluator.originsAt(input.from, input.caller.valueRange, undefined, depth + 1, seen),
    ];
  }

  private localOrigins(name: string, depth: number, seen: Set<string>): ValueOrigin[] {
    const property = this.locals.get(name);
    if (!property) return [];
    const file = this.fileOfLocal(property);
    return [
      { file, range: property.range, message: `value from local.${name}` },
      ...this.originsAt(file, property.value.range, undefined, depth + 1, seen),
    ];
  }

  /**
   * References as the unit's resources are addressed: an instance key is kept only when it names
   * an expanded block (`aws_s3_bucket.b["k"]`), and in a called module every address takes the
   * call's prefix (`module.db.aws_s3_bucket.b`). Copies only what changes.
   */
  private readdressed(resource: Resource, expanded: Set<string>): Resource {
    const prefix = this.prefix;
    const address = (target: string): string => {
      if (target.startsWith('var.') || target.startsWith('local.')) return target;
      const bracket = target.indexOf('[');
      const base = bracket === -1 ? target : target.slice(0, bracket);
      const kept = bracket !== -1 && expanded.has(base) ? target : base;
      return prefix + kept;
    };
    const walk = (value: Value, depth: number): Value => {
      if (depth > 64) return value;
      switch (value.kind) {
        case 'reference': {
          const target = address(value.target);
          return target === value.target ? value : { ...value, target };
        }
        case 'map': {
          const properties = sameOrMapped(value.properties, (p) => {
            if (depth === 0 && p.key === 'provider') return p;
            const v = walk(p.value, depth + 1);
            return v === p.value ? p : { ...p, value: v };
          });
          return properties === value.properties ? value : { ...value, properties };
        }
        case 'list': {
          const items = sameOrMapped(value.items, (item) => walk(item, depth + 1));
          return items === value.items ? value : { ...value, items };
        }
        case 'unresolvable': {
          if (!value.args) return value;
          const args = walk(value.args, depth + 1);
          return args === value.args ? value : { ...value, args };
        }
        default:
          return value;
      }
    };
    const properties = walk(resource.properties, 0) as MapValue;
    return properties === resource.properties ? resource : { ...resource, properties };
  }

  /** The variable as rules should follow it: its effective value, or no default when that is unknown. */
  private effectiveVariable(variable: TfVariable): TfVariable {
    const input = this.inputs.get(variable.name);
    if (!input && this.prefix === '') return variable;
    const { default: _dropped, ...rest } = variable;
    if (!input || !isWhollyKnown(input.value)) return rest;
    if (!input.from && variable.default) return variable;
    const range = variable.default?.range ?? variable.labelRange;
    const effective: TfVariable = { ...rest, default: toModel(input.value, range, `var.${variable.name}`) };
    const source = input.caller ? ({ kind: 'caller', name: input.caller.call } as const) : input.source;
    if (source) effective.valueFrom = source;
    return effective;
  }

  // -- instances -------------------------------------------------------------------------------

  private expand(resource: Resource, scope: Scope, noExpand: Set<string>): Resource[] {
    const id = this.prefix + resource.id;
    const collection = noExpand.has(resource.id) ? undefined : this.instancesOfResource(resource);
    if (!collection)
      return [{ ...resource, id, properties: this.body(resource.properties, resource.file, scope, true) }];
    const out: Resource[] = [];
    for (const instance of collection) {
      const instanceScope: Scope = { ...scope, ...instance.scope };
      out.push({
        ...resource,
        id: `${id}${instanceKey(instance.key)}`,
        properties: this.body(resource.properties, resource.file, instanceScope, true),
      });
    }
    return out;
  }

  private readonly instanceMemo = new Map<string, { key: EV; scope: Partial<Scope> }[] | undefined>();
  private readonly resolvingInstances = new Set<string>();

  /** A resource's instances, computed once (its `count`/`for_each` may name another resource). */
  private instancesOfResource(resource: Resource): { key: EV; scope: Partial<Scope> }[] | undefined {
    if (this.instanceMemo.has(resource.id)) return this.instanceMemo.get(resource.id);
    if (this.resolvingInstances.has(resource.id)) return undefined;
    this.resolvingInstances.add(resource.id);
    let instances: { key: EV; scope: Partial<Scope> }[] | undefined;
    try {
      const scope: Scope = { ...this.baseScope(), resource: (address) => this.resourceValue(address, new Set()) };
      instances = this.instancesOf(resource.count, resource.forEach, resource.file, scope);
    } finally {
      this.resolvingInstances.delete(resource.id);
    }
    this.instanceMemo.set(resource.id, instances);
    return instances;
  }

  /** `aws_x.y` as a whole: a list (count) or map (for_each) of its instances, whose attributes are unknown. */
  private resourceValue(address: string, noExpand: Set<string>): EV | undefined {
    if (noExpand.has(address)) return undefined;
    const resource = this.module.resources.find((r) => r.id === address);
    if (!resource || (!resource.count && !resource.forEach)) return undefined;
    const instances = this.instancesOfResource(resource);
    if (!instances) return undefined;
    if (resource.count) return instances.map((i) => new Unknown(`${address}${instanceKey(i.key)}`));
    return new EvalMap(
      new Map(instances.map((i) => [asString(i.key) ?? '', new Unknown(`${address}${instanceKey(i.key)}`)])),
    );
  }

  /** The instances of a block with `count` or `for_each`; undefined when there is neither or it is unknown. */
  private instancesOf(
    count: Value | undefined,
    forEach: Value | undefined,
    file: string,
    scope: Scope,
  ): { key: EV; scope: Partial<Scope> }[] | undefined {
    // What a limit left unknown (`range(1000000)`) is said once, on the meta-argument.
    const limits: string[] = [];
    const limited: Scope = { ...scope, onLimit: (message) => limits.push(message) };
    const notExpanded = (what: 'count' | 'for_each', range: Range, why: string) =>
      this.info(
        file,
        range,
        `${what} is not expanded: ${why}; this block is checked once, with its ${what === 'count' ? 'count.index' : 'each.key and each.value'} unknown.`,
      );
    if (count) {
      const n = this.evaluate(count, file, limited);
      if (isUnknown(n)) {
        if (limits.length > 0) notExpanded('count', count.range, limits[0]);
        return undefined;
      }
      let size: number;
      try {
        size = toNumber(n);
      } catch {
        return undefined;
      }
      if (!Number.isInteger(size) || size < 0) return undefined;
      if (!this.withinLimits(size, file, count.range, 'count')) return undefined;
      return Array.from({ length: size }, (_, i) => ({ key: i, scope: { count: i } }));
    }
    if (forEach) {
      const collection = this.evaluate(forEach, file, limited);
      let pairs: [EV, EV][];
      if (collection instanceof EvalMap) pairs = sortedEntries(collection);
      else if (Array.isArray(collection) && isSet(collection) && collection.every((item) => typeof item === 'string'))
        pairs = iterate(collection);
      else {
        // Unknown, or not a map or set of strings: Terraform rejects those (`toset(["a"])` is the set).
        if (limits.length > 0) notExpanded('for_each', forEach.range, limits[0]);
        else if (Array.isArray(collection) && isWhollyKnown(collection))
          notExpanded(
            'for_each',
            forEach.range,
            `Terraform takes a map or a set of strings here, and this is ${isSet(collection) ? 'a set' : 'a list'} of ${collection.length} that ${isSet(collection) ? 'holds other values than strings' : 'it rejects (toset() of strings makes the set)'}`,
          );
        return undefined;
      }
      if (!this.withinLimits(pairs.length, file, forEach.range, 'for_each')) return undefined;
      return pairs.map(([key, value]) => ({ key, scope: { each: { key, value } } }));
    }
    return undefined;
  }

  private withinLimits(size: number, file: string, range: Range, what: string): boolean {
    if (size > MAX_INSTANCES) {
      this.info(
        file,
        range,
        `${what} gives ${size} instances, more than the ${MAX_INSTANCES} expanded: this block is checked once, with its ${what === 'count' ? 'count.index' : 'each.key and each.value'} unknown.`,
      );
      return false;
    }
    if (this.shared.instances + size > MAX_MODULE_INSTANCES) {
      this.info(
        file,
        range,
        `This module already expands into ${this.shared.instances} instances, the most analysed is ${MAX_MODULE_INSTANCES}: this block is checked once, with its ${what} unknown.`,
      );
      return false;
    }
    this.shared.instances += size;
    return true;
  }

  // -- bodies ----------------------------------------------------------------------------------

  /** A block body with every value that can be known evaluated, and `dynamic` blocks expanded. */
  private body(map: MapValue, file: string, scope: Scope, top = false): MapValue {
    const list = map.properties;
    let properties: Property[] | undefined; // made from the first change
    for (let i = 0; i < list.length; i++) {
      const property = list[i];
      const now = top && META_ARGUMENTS.has(property.key) ? property : this.member(property, file, scope);
      if (!properties && now === property) continue;
      properties ??= list.slice(0, i);
      if (Array.isArray(now)) properties.push(...now);
      else properties.push(now);
    }
    return properties ? { ...map, properties } : map;
  }

  /** One member of a block body evaluated: itself when nothing changes, a `dynamic` block's expansion. */
  private member(property: Property, file: string, scope: Scope): Property | Property[] {
    if (property.value.kind === 'unresolvable' && property.value.construct === 'dynamic') {
      const expanded = this.dynamic(property, property.value, file, scope);
      if (expanded) return expanded;
    }
    const value = this.value(property.value, file, scope);
    return value === property.value ? property : { ...property, value };
  }

  private value(value: Value, file: string, scope: Scope): Value {
    switch (value.kind) {
      case 'literal':
        return value;
      case 'map': {
        if (value.block) return this.body(value, file, scope);
        const properties = sameOrMapped(value.properties, (p) => {
          const v = this.value(p.value, file, scope);
          return v === p.value ? p : { ...p, value: v };
        });
        return properties === value.properties ? value : { ...value, properties };
      }
      case 'list': {
        const items = sameOrMapped(value.items, (item) => this.value(item, file, scope));
        return items === value.items ? value : ({ ...value, items } as ListValue);
      }
      case 'reference':
        // `var.x` and `local.y` stay references: rules follow them to the unit's variables (whose
        // defaults are the effective values, see `effectiveVariable`) and locals (evaluated), and
        // report and fix where the value is written. A resource reference is evaluated only for
        // its instance key (`aws_s3_bucket.b[each.key].id`).
        if (value.attribute === undefined && !value.text.includes('[')) return value;
        if (!value.target.startsWith('var.') && !value.target.startsWith('local.') && !value.text.includes('['))
          return value;
        return this.known(value, file, scope);
      case 'unresolvable': {
        if (value.construct === 'dynamic' || value.construct === 'error' || value.construct === 'too-deep')
          return value;
        // `jsonencode(…)` and `merge(…)`: the arguments are evaluated in place (policy rules read the
        // document, the tagging rule the merged maps), so each part keeps its own range and a plain
        // `var.x` or `local.x` argument stays the reference rules follow.
        if (IN_PLACE_FUNCTIONS.has(value.construct) && value.args?.kind === 'list') {
          const args = this.value(value.args, file, scope);
          return args === value.args ? value : { ...value, args: args as ListValue };
        }
        return this.known(value, file, scope);
      }
    }
  }

  /** The evaluated value in the model when any of it is known; the original value otherwise. */
  private known(value: Value, file: string, scope: Scope): Value {
    const result = this.evaluate(value, file, scope);
    if (!(result instanceof Unknown)) return toModel(result, value.range, (value as { text: string }).text);
    if (!result.ref) return value;
    if (value.kind === 'reference' && value.target === result.ref.target && value.attribute === result.ref.attribute)
      return value;
    return { ...result.ref, range: value.range };
  }

  /** `dynamic "label" { for_each, iterator, content }` over a known collection: one block per element. */
  private dynamic(property: Property, value: UnresolvableValue, file: string, scope: Scope): Property[] | undefined {
    const args = value.args;
    if (args?.kind !== 'map') return undefined;
    const forEach = getProperty(args, 'for_each');
    const content = getProperty(args, 'content');
    if (!forEach || content?.value.kind !== 'map') return undefined;
    const limits: string[] = [];
    const collection = this.evaluate(forEach.value, file, { ...scope, onLimit: (message) => limits.push(message) });
    if (collection instanceof Unknown) {
      if (limits.length > 0)
        this.info(file, forEach.value.range, `This dynamic block is not expanded: ${limits[0]}; it is left unknown.`);
      return undefined;
    }
    let pairs: [EV, EV][];
    try {
      pairs = iterate(collection);
    } catch {
      return undefined;
    }
    if (pairs.length > MAX_INSTANCES) {
      this.info(
        file,
        forEach.value.range,
        `This dynamic block's for_each gives ${pairs.length} blocks, more than the ${MAX_INSTANCES} expanded: it is left unknown.`,
      );
      return undefined;
    }
    const iteratorProperty = getProperty(args, 'iterator');
    const iterator = iteratorProperty
      ? (iteratorProperty.value as { text?: string }).text?.trim() || property.key
      : property.key;
    const blocks: Property[] = [];
    for (const [key, element] of pairs) {
      const names = new Map(scope.names ?? []);
      names.set(
        iterator,
        new EvalMap(
          new Map<string, EV>([
            ['key', key],
            ['value', element],
          ]),
        ),
      );
      const inner: Scope = { ...scope, names };
      const body = this.body(content.value, file, inner);
      blocks.push({
        key: property.key,
        keyRange: property.keyRange,
        value: { ...body, block: true },
        range: property.range,
      });
    }
    return blocks;
  }

  // -- module calls ----------------------------------------------------------------------------

  private async call(call: TfModuleCall, scope: Scope, providers: TfProvider[]): Promise<TerraformModule[]> {
    const source = call.source;
    if (!source) return [];
    const keyPath = [...this.keyPath, call.name];
    const dir =
      source.startsWith('./') || source.startsWith('../')
        ? normalizeDir(joinPath(this.module.dir, source))
        : await downloadedDir(this.shared, keyPath);
    if (dir === undefined) return [];
    const sourceRange = getProperty(call.properties, 'source')?.value.range ?? call.labelRange;
    if (this.stack.includes(dir)) {
      this.info(
        call.file,
        sourceRange,
        `This module call leads back to a module that called it (${dir}): it is not followed again.`,
      );
      return [];
    }
    if (this.stack.length > MAX_MODULE_DEPTH) {
      this.info(
        call.file,
        sourceRange,
        `Module calls nested more than ${MAX_MODULE_DEPTH} deep are not followed: this module is not analysed with these arguments.`,
      );
      return [];
    }
    const files = await this.shared.options.moduleFiles?.(dir);
    if (!files || files.length === 0) return [];
    for (const f of files) this.shared.texts.set(f.path, f.text);
    const parsed = parseTerraformModule(dir, files, { keepTree: this.shared.options.keepTrees });
    const child = parsed.units.find((u): u is TerraformModule => u.kind === 'terraform');
    if (!child) return [];
    this.shared.calledDirs.add(dir);
    const instances = this.instancesOf(
      getProperty(call.properties, 'count')?.value,
      getProperty(call.properties, 'for_each')?.value,
      call.file,
      scope,
    );
    const hasMeta = getProperty(call.properties, 'count') || getProperty(call.properties, 'for_each');
    const list = instances ?? [{ key: undefined as unknown as EV, scope: {} }];
    const units: TerraformModule[] = [];
    for (const instance of list) {
      const instanceScope: Scope = { ...scope, ...instance.scope };
      const address = `${this.prefix}module.${call.name}${instances && hasMeta ? instanceKey(instance.key) : ''}.`;
      const evaluator = new ModuleEvaluator(child, this.shared, address, [...this.stack, dir], providers, keyPath);
      const inputs = new Map<string, ModuleInput>();
      for (const variable of child.variables) {
        const argument = getProperty(call.properties, variable.name);
        if (argument)
          inputs.set(variable.name, {
            value: this.evaluate(argument.value, call.file, instanceScope),
            from: call.file,
            range: argument.range,
            caller: { evaluator: this, valueRange: argument.value.range, call: address.slice(0, -1) },
          });
        else if (variable.default !== undefined) inputs.set(variable.name, { value: evaluator.defaultOf(variable) });
      }
      evaluator.setInputs(inputs);
      units.push(...(await evaluator.run()));
    }
    return units;
  }
}

/** An evaluator of an empty module, kept for its shape (shapes.ts). */
keepShape(new ModuleEvaluator(emptyModule('.', []), sharedState(new Map(), {}, '.'), '', []));

/**
 * `list` with each item mapped, or `list` itself when no item changed: a new array is made only
 * from the first change (most values of a module have nothing to evaluate or readdress).
 */
function sameOrMapped<T>(list: T[], map: (item: T) => T): T[] {
  let copy: T[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = map(list[i]);
    if (copy) copy.push(item);
    else if (item !== list[i]) {
      copy = list.slice(0, i);
      copy.push(item);
    }
  }
  return copy ?? list;
}

/**
 * Whether `body` refers to any of `addresses` at all: most bodies refer to none of the resources a
 * loop expanded, and are then not walked again (the walk is shared with the engine's reverse index
 * of references, iac/reads.ts).
 */
function refersToAny(body: Value, addresses: ReadonlySet<string>): boolean {
  for (const name of namesReadBy(body)) if (addresses.has(name)) return true;
  return false;
}
