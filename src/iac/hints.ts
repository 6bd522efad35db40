import { launchTypeFrom, type ClassificationHints } from '../knowledge/services';
import type { MapValue, Value } from './model';
import { getProperties, getProperty } from './model';

/** Properties, in either language, that change a resource's tier or who owns what. */
const HINT_KEYS: Record<Exclude<keyof ClassificationHints, 'launchType' | 'hosting'>, string[]> = {
  packageType: ['PackageType', 'package_type'],
  typeName: ['TypeName', 'type_name'],
};

/** The top-level properties read below besides `HINT_KEYS`, in either language. */
const LAUNCH_TYPE = ['LaunchType', 'launch_type'];
const COMPUTE_RESOURCES = ['ComputeResources', 'compute_resources'];
const COMPATIBILITIES = [
  'RequiresCompatibilities',
  'requires_compatibilities',
  'PlatformCapabilities',
  'platform_capabilities',
];
const CAPACITY_PROVIDER_STRATEGY = ['CapacityProviderStrategy', 'capacity_provider_strategy'];
const CONFIGURATION = 'Configuration';
const COMPUTE_TYPE = ['ComputeType', 'compute_type'];

/** Every property name read below: most resources have none of them, and are done in one pass. */
const HINTING_PROPERTIES = new Set([
  ...Object.values(HINT_KEYS).flat(),
  ...LAUNCH_TYPE,
  ...COMPUTE_RESOURCES,
  ...COMPATIBILITIES,
  ...CAPACITY_PROVIDER_STRATEGY,
  CONFIGURATION,
  ...COMPUTE_TYPE,
]);

/** Reads the classification hints a resource's literal properties give (ECS launch type, Lambda package type…). */
export function classificationHints(properties: MapValue): ClassificationHints | undefined {
  if (!properties.properties.some((p) => HINTING_PROPERTIES.has(p.key))) return undefined;
  let hints: ClassificationHints | undefined;
  for (const [hint, keys] of Object.entries(HINT_KEYS) as [keyof typeof HINT_KEYS, string[]][]) {
    for (const key of keys) {
      const value = literal(getProperty(properties, key)?.value);
      if (value !== undefined) (hints ??= {})[hint] = value;
    }
  }
  const launchType = launchTypeFrom({
    launchType: literal(first(properties, ...LAUNCH_TYPE)),
    computeType: literal(nested(first(properties, ...COMPUTE_RESOURCES), 'Type', 'type')),
    compatibilities: literals(first(properties, ...COMPATIBILITIES)),
    capacityProviders: capacityProviders(properties),
  });
  if (launchType) (hints ??= {}).launchType = launchType;
  // a Deadline Cloud fleet's Configuration holds either CustomerManaged or ServiceManagedEc2
  const configuration = getProperty(properties, CONFIGURATION)?.value;
  if (configuration?.kind === 'map') {
    if (getProperty(configuration, 'CustomerManaged')) (hints ??= {}).hosting = 'customer-managed';
    else if (getProperty(configuration, 'ServiceManagedEc2')) (hints ??= {}).hosting = 'service-managed';
  }
  // a GameLift Servers fleet with ComputeType ANYWHERE runs on computes you supply and manage
  const computeType = literal(first(properties, ...COMPUTE_TYPE));
  if (computeType && /^anywhere$/i.test(computeType)) (hints ??= {}).hosting = 'customer-managed';
  else if (computeType && /^ec2$/i.test(computeType)) (hints ??= {}).hosting = 'service-managed';
  return hints;
}

function literal(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

/** The literal strings of a list; undefined when any item is not a literal string (unknown is not a choice). */
function literals(value: Value | undefined): string[] | undefined {
  if (value?.kind !== 'list') return undefined;
  const items = value.items.map(literal);
  return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
}

function first(properties: MapValue, ...keys: string[]): Value | undefined {
  for (const key of keys) {
    const value = getProperty(properties, key)?.value;
    if (value) return value;
  }
  return undefined;
}

function nested(value: Value | undefined, ...keys: string[]): Value | undefined {
  if (value?.kind === 'list' && value.items.length === 1) return nested(value.items[0], ...keys);
  return value?.kind === 'map' ? first(value, ...keys) : undefined;
}

/**
 * The capacity provider of every strategy item: a CloudFormation list of maps, or Terraform's
 * repeated `capacity_provider_strategy` blocks. Undefined when any of them is not a literal.
 */
function capacityProviders(properties: MapValue): string[] | undefined {
  const items: Value[] = [];
  for (const property of CAPACITY_PROVIDER_STRATEGY.flatMap((key) => getProperties(properties, key))) {
    if (property.value.kind === 'list') items.push(...property.value.items);
    else items.push(property.value);
  }
  if (items.length === 0) return undefined;
  const names = items.map((item) => literal(nested(item, 'CapacityProvider', 'capacity_provider')));
  return names.every((name) => name !== undefined) ? (names as string[]) : undefined;
}
