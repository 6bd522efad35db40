/**
 * Terraform expressions, evaluated: the source of one expression is parsed again with the same
 * tree-sitter grammar the converter uses, turned into a small syntax tree (cached by text, so an
 * expression evaluated once per instance is parsed once), and evaluated in a scope (`var.*`,
 * `local.*`, `each.*`, `count.index`, `for` names, `dynamic` iterators).
 *
 * What is evaluated: literals, collections, templates (`${}`; `%{}` directives are unknown), the
 * scope's names, resource and module references (always unknown, kept as references), indexes,
 * splats, conditionals, `for` expressions, arithmetic, comparison and logic, and the functions in
 * `eval-functions.ts`. Anything else is `Unknown`. Errors Terraform would report (a missing key,
 * a wrong type) make the whole expression unknown, except inside `try`/`can`.
 */
import { LineIndex } from '../line-index';
import type { Range, ReferenceValue } from '../model';
import { parseExpression, type Ast, type Step } from './eval-syntax';
import { callFunction, SUPPORTED_FUNCTIONS } from './eval-functions';
import {
  asString,
  BudgetError,
  equal,
  EvalError,
  EvalMap,
  type EV,
  isSet,
  iterate,
  JsonDoc,
  LimitError,
  makeSet,
  MAX_COLLECTION,
  toBool,
  toNumber,
  Unknown,
} from './eval-values';

// What other modules import from here by name (the evaluator's errors and conversions live in eval-values.ts).
export {
  BudgetError,
  EvalError,
  iterate,
  LimitError,
  MAX_COLLECTION,
  sortedEntries,
  toBool,
  toNumber,
} from './eval-values';

export {
  isEvaluatorLoaded,
  loadEvaluator,
  parseExpression,
  scopeReferences,
  topLevelAttributes,
  type Ast,
} from './eval-syntax';

// ---------------------------------------------------------------------------------------------
// Evaluation

export interface Budget {
  steps: number;
}

/** Where an expression's source is, for the ranges of references kept in the result. */
export interface SourceSpan {
  source: string;
  /** Offset of the expression in its file. */
  offset: number;
  lines: LineIndex;
}

export interface Scope {
  variable(name: string): EV;
  local(name: string): EV;
  each?: { key: EV; value: EV };
  count?: number;
  /** `for` names and `dynamic` iterators, innermost last. */
  names?: Map<string, EV>;
  budget: Budget;
  /** Called when a reference names an instance (`aws_x.y["k"]`). */
  onKeyedReference?: () => void;
  /** Called when a reference names a block's instance with a key that is not known. */
  onUnknownInstance?: (address: string) => void;
  /** A whole resource (`aws_x.y` in `for_each = aws_x.y`): its instances, keys known, values unknown. */
  resource?: (address: string) => EV | undefined;
  /** Told when a limit made (part of) the expression unknown, with what was not built. */
  onLimit?: (message: string) => void;
}

const CONTEXT_ROOTS = new Set(['path', 'terraform', 'self']);

/** Evaluates an expression's source in a scope; never throws (errors and limits give `Unknown`). */
export function evaluateSource(span: SourceSpan, scope: Scope): EV {
  const ast = parseExpression(span.source);
  try {
    return new Evaluator(span, scope).compute(ast);
  } catch (error) {
    if (error instanceof BudgetError) throw error;
    if (error instanceof LimitError) scope.onLimit?.(error.message);
    if (error instanceof EvalError || error instanceof RangeError) return new Unknown(excerpt(span.source));
    throw error;
  }
}

function excerpt(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

class Evaluator {
  constructor(
    private readonly span: SourceSpan,
    private readonly scope: Scope,
    private readonly names: Map<string, EV> = scope.names ?? new Map(),
  ) {}

  private text(ast: Ast): string {
    return excerpt(this.span.source.slice(ast.start, ast.end));
  }

  private unknown(ast: Ast): Unknown {
    return new Unknown(this.text(ast));
  }

  compute(ast: Ast): EV {
    if (--this.scope.budget.steps < 0) throw new BudgetError('evaluation budget');
    switch (ast.t) {
      case 'lit':
        return ast.v;
      case 'template':
        return this.template(ast);
      case 'tuple':
        return ast.items.map((item) => this.compute(item));
      case 'object': {
        const entries = new Map<string, EV>();
        for (const elem of ast.elems) {
          const key = elem.bare ?? this.compute(elem.key);
          if (key instanceof Unknown) return this.unknown(ast);
          const name = asString(key);
          if (name === undefined) throw new EvalError('object key');
          entries.set(name, this.compute(elem.value));
        }
        return new EvalMap(entries);
      }
      case 'name':
        return this.name(ast);
      case 'postfix':
        return this.postfix(ast);
      case 'call':
        return this.call(ast);
      case 'cond': {
        const cond = this.compute(ast.cond);
        if (cond instanceof Unknown) return this.unknown(ast);
        const b = toBool(cond);
        return this.compute(b ? ast.then : ast.else);
      }
      case 'for':
        return this.forExpression(ast);
      case 'unary': {
        const x = this.compute(ast.x);
        if (x instanceof Unknown) return this.unknown(ast);
        if (ast.op === '!') return !toBool(x);
        if (ast.op === '-') return -toNumber(x);
        throw new EvalError('operator');
      }
      case 'binary':
        return this.binary(ast);
      case 'unsupported':
        return this.unknown(ast);
    }
  }

  private template(ast: Ast & { t: 'template' }): EV {
    let out = '';
    let unknown = false;
    for (const part of ast.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const value = this.compute(part);
      if (value instanceof Unknown) {
        unknown = true;
        continue;
      }
      const s = asString(value);
      if (s === undefined) {
        if (value instanceof JsonDoc) unknown = true;
        else throw new EvalError('template value');
      } else out += s;
    }
    if (unknown) {
      // `"${aws_s3_bucket.b.arn}"` alone is the reference it holds.
      if (ast.parts.length === 1 && typeof ast.parts[0] !== 'string') {
        const only = this.compute(ast.parts[0]);
        if (only instanceof Unknown && only.ref) return only;
      }
      return this.unknown(ast);
    }
    return out;
  }

  private name(ast: Ast & { t: 'name' }): EV {
    if (this.names.has(ast.name)) return this.names.get(ast.name)!;
    return this.unknown(ast); // `var`, `local`, … alone, or a resource type without its name
  }

  private postfix(ast: Ast & { t: 'postfix' }): EV {
    const steps = ast.steps;
    if (ast.base.t === 'name' && !this.names.has(ast.base.name)) {
      const root = ast.base.name;
      const first = steps[0];
      if (root === 'var' || root === 'local') {
        if (first.t !== 'attr') throw new EvalError('reference');
        const value = root === 'var' ? this.scope.variable(first.name) : this.scope.local(first.name);
        return this.applySteps(value, steps.slice(1), ast);
      }
      if (root === 'each') {
        if (!this.scope.each || first.t !== 'attr') return this.unknown(ast);
        if (first.name === 'key') return this.applySteps(this.scope.each.key, steps.slice(1), ast);
        if (first.name === 'value') return this.applySteps(this.scope.each.value, steps.slice(1), ast);
        throw new EvalError('each');
      }
      if (root === 'count') {
        if (this.scope.count === undefined || first.t !== 'attr') return this.unknown(ast);
        if (first.name === 'index') return this.applySteps(this.scope.count, steps.slice(1), ast);
        throw new EvalError('count');
      }
      if (CONTEXT_ROOTS.has(root)) return this.unknown(ast);
      return this.reference(ast, root, steps);
    }
    return this.applySteps(this.compute(ast.base), steps, ast);
  }

  /** `aws_x.y.attr`, `data.t.n.attr`, `module.m.out`: unknown until apply, kept as a reference when plain. */
  private reference(ast: Ast, root: string, steps: Step[]): EV {
    const addressLength = root === 'data' ? 2 : 1;
    const address = [root];
    let next = 0;
    while (address.length <= addressLength && next < steps.length && steps[next].t === 'attr')
      address.push((steps[next++] as { name: string }).name);
    const text = this.text(ast);
    if (address.length <= addressLength) return new Unknown(text);
    if (next === steps.length) {
      const whole = this.scope.resource?.(address.join('.'));
      if (whole !== undefined) return whole;
    }
    let key = '';
    const indexStep = steps.at(next);
    if (indexStep?.t === 'index') {
      next++;
      // `aws_s3_bucket.b[each.key]`: the instance, when its key is known (the module drops keys
      // that name no expanded instance, see eval-module.ts).
      try {
        const k = this.compute(indexStep.key);
        if (typeof k === 'number' || typeof k === 'string') {
          key = typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`;
          this.scope.onKeyedReference?.();
        }
      } catch (error) {
        if (error instanceof BudgetError) throw error;
      }
      if (!key) this.scope.onUnknownInstance?.(address.join('.'));
    }
    const attributes: string[] = [];
    for (; next < steps.length; next++) {
      const step = steps[next];
      if (step.t !== 'attr') return new Unknown(text);
      attributes.push(step.name);
    }
    const { offset, lines } = this.span;
    const range: Range = lines.range(offset + ast.start, offset + ast.end);
    const ref: ReferenceValue = { kind: 'reference', target: address.join('.') + key, text, range };
    if (attributes.length > 0) ref.attribute = attributes.join('.');
    return new Unknown(text, ref);
  }

  private applySteps(value: EV, steps: Step[], ast: Ast): EV {
    let current = value;
    for (let i = 0; i < steps.length; i++) {
      if (current instanceof Unknown) return current.ref ? this.unknown(ast) : current;
      const step = steps[i];
      if (step.t === 'splat') {
        const rest = [step.steps, ...steps.slice(i + 1).map((s) => [s])].flat();
        if (current === null) return [];
        const items = Array.isArray(current) ? current : [current];
        const result = items.map((item) => this.applySteps(item, rest, ast));
        return isSet(current) ? makeSet(result) : result;
      }
      const key = step.t === 'attr' ? step.name : this.compute(step.key);
      if (key instanceof Unknown) return this.unknown(ast);
      current = index(current, key);
    }
    return current;
  }

  private call(ast: Ast & { t: 'call' }): EV {
    const name = ast.name;
    if (name === 'try' || name === 'can') {
      for (const arg of ast.args) {
        try {
          const value = this.compute(arg);
          if (value instanceof Unknown) return this.unknown(ast);
          return name === 'can' ? true : value;
        } catch (error) {
          if (error instanceof BudgetError || !(error instanceof EvalError)) throw error;
          if (name === 'can') return false;
        }
      }
      throw new EvalError('try: no argument succeeded');
    }
    if (!SUPPORTED_FUNCTIONS.has(name)) return this.unknown(ast);
    let args = ast.args.map((arg) => this.compute(arg));
    if (ast.expand && args.length > 0) {
      const last = args[args.length - 1];
      if (last instanceof Unknown) return this.unknown(ast);
      if (!Array.isArray(last)) throw new EvalError('expansion');
      args = [...args.slice(0, -1), ...last];
    }
    return callFunction(name, args, () => this.unknown(ast));
  }

  private forExpression(ast: Ast & { t: 'for' }): EV {
    const collection = this.compute(ast.collection);
    if (collection instanceof Unknown) return this.unknown(ast);
    const pairs = iterate(collection);
    if (pairs.length > MAX_COLLECTION) throw new BudgetError('collection too large');
    const names = new Map(this.names);
    const inner = new Evaluator(this.span, this.scope, names);
    const items: EV[] = [];
    const entries = new Map<string, EV>();
    for (const [k, v] of pairs) {
      if (ast.keyName) names.set(ast.keyName, k);
      names.set(ast.valueName, v);
      if (ast.cond) {
        const keep = inner.compute(ast.cond);
        if (keep instanceof Unknown) return this.unknown(ast);
        if (!toBool(keep)) continue;
      }
      if (!ast.object) {
        items.push(inner.compute(ast.value));
        continue;
      }
      const key = inner.compute(ast.key!);
      if (key instanceof Unknown) return this.unknown(ast);
      const name = asString(key);
      if (name === undefined) throw new EvalError('for key');
      const value = inner.compute(ast.value);
      if (ast.group) {
        const list = (entries.get(name) as EV[] | undefined) ?? [];
        list.push(value);
        entries.set(name, list);
      } else {
        if (entries.has(name)) throw new EvalError('duplicate key');
        entries.set(name, value);
      }
    }
    return ast.object ? new EvalMap(entries) : items;
  }

  private binary(ast: Ast & { t: 'binary' }): EV {
    const l = this.compute(ast.l);
    const r = this.compute(ast.r);
    if (l instanceof Unknown || r instanceof Unknown) return this.unknown(ast);
    switch (ast.op) {
      case '==':
        return equal(l, r);
      case '!=':
        return !equal(l, r);
      case '&&':
        return toBool(l) && toBool(r);
      case '||':
        return toBool(l) || toBool(r);
    }
    const a = toNumber(l);
    const b = toNumber(r);
    switch (ast.op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new EvalError('division by zero');
        return a / b;
      case '%':
        if (b === 0) throw new EvalError('division by zero');
        return a % b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '<=':
        return a <= b;
      case '>=':
        return a >= b;
      default:
        throw new EvalError('operator');
    }
  }
}

function index(value: EV, key: EV): EV {
  if (Array.isArray(value)) {
    if (isSet(value)) throw new EvalError('sets cannot be indexed');
    const i = toNumber(key);
    if (!Number.isInteger(i) || i < 0 || i >= value.length) throw new EvalError('index out of range');
    return value[i];
  }
  if (value instanceof EvalMap) {
    const name = asString(key);
    if (name === undefined || !value.entries.has(name)) throw new EvalError('no such key');
    return value.entries.get(name)!;
  }
  throw new EvalError('not indexable');
}
