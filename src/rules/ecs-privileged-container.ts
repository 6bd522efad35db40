import * as jsonc from 'jsonc-parser';
import type { LiteralValue, MapValue, Range, Resource, Value } from '../iac/model';
import { getProperty } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { booleanOf, isCloudFormation, items, key, read, stringOf } from './toolkit/values';
import { lineIndexOf, replaceWritten } from '../fixes/edits';

export const rule: Rule = {
  id: 'ecs-privileged-container',
  title: 'ECS container runs privileged',
  concern: 'operating-system',
  severity: 'error',
  appliesTo: ['AWS::ECS::TaskDefinition', 'aws_ecs_task_definition'],
  rationale:
    'A privileged container gets root access to the container instance it runs on: its devices, its kernel settings and the other tasks on it. On EC2 or external capacity that instance and its operating system are yours to harden, and ECS does not stop a task definition from asking for this.',
  remediation:
    'Remove `Privileged: true` from the container definition (CloudFormation `ContainerDefinitions[].Privileged`, Terraform `privileged` inside `container_definitions`) and grant only the Linux capabilities the container needs with `LinuxParameters.Capabilities.Add` / `linuxParameters.capabilities.add`.',
  messages: {
    privilegedOnFargate: {
      headline: '{container} asks to run privileged on Fargate.',
      detail:
        'The task definition requires Fargate, which does not support privileged containers. Remove the setting and grant only the Linux capabilities the container needs.',
    },
    privileged: {
      headline: '{container} runs privileged.',
      detail:
        'It gets root access to the host instance, its devices and the other tasks on it. Hardening the container instances is yours on EC2 capacity and ECS does not prevent this; grant only the Linux capabilities the container needs instead.',
    },
  },

  check(resource, context) {
    const fargateOnly = runsOnlyOnFargate(resource, context);
    return privilegedContainers(resource, context).map((container) => report(resource, container, fargateOnly));
  },

  fix(report, resource) {
    const value = report.data?.literal as Value | undefined;
    if (!value) return undefined;
    return {
      title: `Set ${key(resource, 'Privileged', 'privileged')} to false`,
      edits: replaceWritten(resource, value, 'false'),
    };
  },
};

interface PrivilegedContainer {
  name?: string;
  range: Range;
  /** The `true` written in a map (CloudFormation, Terraform `jsonencode`), which a fix can replace; absent inside JSON text. */
  literal?: LiteralValue;
}

function report(resource: Resource, container: PrivilegedContainer, fargateOnly: boolean): RuleReport {
  const which = container.name
    ? `Container '${container.name}' in ECS task definition '${resource.id}'`
    : `A container in ECS task definition '${resource.id}'`;
  if (fargateOnly) {
    return {
      messageId: 'privilegedOnFargate',
      range: container.range,
      severity: 'warning',
      fixable: container.literal !== undefined,
      data: { literal: container.literal, container: which },
    };
  }
  return {
    messageId: 'privileged',
    range: container.range,
    fixable: container.literal !== undefined,
    data: { literal: container.literal, container: which },
  };
}

function privilegedContainers(resource: Resource, context: RuleContext): PrivilegedContainer[] {
  const definitions = read(resource, context, [key(resource, 'ContainerDefinitions', 'container_definitions')]);
  if (definitions.state === 'absent') return [];
  const written = definitions.property?.value;
  if (!written) return [];
  if (isCloudFormation(resource)) {
    return definitions.state === 'known'
      ? fromMaps(
          items(definitions.value),
          'Privileged',
          'Name',
          context,
          definitions.value === written ? undefined : written,
        )
      : [];
  }

  const value = context.resolve(written);
  // Text or maps that come from a local or a variable default are pointed at where this resource uses them, and not fixed.
  const elsewhere = value === written ? undefined : written;
  if (value?.kind === 'literal' && typeof value.value === 'string')
    return fromJsonText(resource, value, context, elsewhere);
  // jsonencode([{ name = …, privileged = true }]): the containers are HCL maps we can read and fix.
  if (value?.kind === 'unresolvable' && value.construct === 'function:jsonencode' && value.args?.kind === 'list') {
    const argument = context.resolve(value.args.items[0]);
    if (argument?.kind !== 'list') return [];
    return fromMaps(
      argument.items,
      'privileged',
      'name',
      context,
      elsewhere ?? (argument === value.args.items[0] ? undefined : value.args.items[0]),
    );
  }
  // file(), templatefile() and other expressions are read at plan time: say nothing.
  return [];
}

/**
 * Containers written as maps. `elsewhere` is the value written on the resource when the maps
 * themselves come from another place (a local, a variable default): findings then point at it.
 */
function fromMaps(
  containers: Value[],
  privilegedKey: string,
  nameKey: string,
  context: RuleContext,
  elsewhere: Value | undefined,
): PrivilegedContainer[] {
  const found: PrivilegedContainer[] = [];
  for (const item of containers) {
    const container = context.resolve(item);
    if (container?.kind !== 'map') continue;
    const privileged = getProperty(container, privilegedKey);
    if (!privileged || booleanOf(context.resolve(privileged.value)).value !== true) continue;
    const name = containerName(container, nameKey, context);
    const outside = elsewhere ?? (container === item ? undefined : item);
    if (outside) {
      found.push({ name, range: outside.range });
      continue;
    }
    // Only a literal written in place is fixed; a parameter or variable is changed where it is declared.
    const literal = privileged.value.kind === 'literal' ? privileged.value : undefined;
    found.push({ name, range: privileged.value.range, literal });
  }
  return found;
}

function containerName(container: MapValue, nameKey: string, context: RuleContext): string | undefined {
  const name = getProperty(container, nameKey);
  return name ? stringOf(context.resolve(name.value)).value : undefined;
}

/**
 * Container definitions written as JSON text (a string or heredoc). The k-th `"privileged": true`
 * in the source is the k-th privileged container of the parsed JSON; when they do not line up
 * (comments, unusual escapes), the whole value is the range.
 */
function fromJsonText(
  resource: Resource,
  value: LiteralValue,
  context: RuleContext,
  elsewhere: Value | undefined,
): PrivilegedContainer[] {
  const parsed: unknown = jsonc.parse(String(value.value));
  if (!Array.isArray(parsed)) return [];
  const names = parsed
    .filter(
      (c): c is Record<string, unknown> =>
        typeof c === 'object' && c !== null && (c as Record<string, unknown>).privileged === true,
    )
    .map((c) => (typeof c.name === 'string' ? c.name : undefined));
  if (names.length === 0) return [];
  if (elsewhere) return names.map((name) => ({ name, range: elsewhere.range }));
  const ranges = privilegedTokens(resource, value, context);
  return names.map((name, i) => ({ name, range: ranges.length === names.length ? ranges[i] : value.range }));
}

/** The ranges of the `true` tokens after `"privileged":` (or `\"privileged\":` in a quoted string) inside the value's source text. */
function privilegedTokens(resource: Resource, value: LiteralValue, context: RuleContext): Range[] {
  const text = context.text(resource.file);
  if (text === undefined) return [];
  const lines = lineIndexOf(text);
  const start = lines.offset(value.range.start);
  const source = text.slice(start, lines.offset(value.range.end));
  const ranges: Range[] = [];
  for (const match of source.matchAll(/\\?"privileged\\?"\s*:\s*(true)\b/g)) {
    const at = start + match.index + match[0].length - 'true'.length;
    ranges.push(lines.range(at, at + 'true'.length));
  }
  return ranges;
}

/** True when RequiresCompatibilities lists only FARGATE. */
function runsOnlyOnFargate(resource: Resource, context: RuleContext): boolean {
  const setting = read(resource, context, [key(resource, 'RequiresCompatibilities', 'requires_compatibilities')]);
  if (setting.state !== 'known') return false;
  const names = items(setting.value).map((item) => stringOf(context.resolve(item)).value);
  return names.length > 0 && names.every((name) => name?.toUpperCase() === 'FARGATE');
}
