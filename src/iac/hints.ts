import type { ClassificationHints } from '../knowledge/services';
import type { MapValue } from './model';
import { getProperty } from './model';

/** Properties, in either language, that change a resource's tier or who owns what. */
const HINT_KEYS: Record<keyof ClassificationHints, string[]> = {
  launchType: ['LaunchType', 'launch_type'],
  packageType: ['PackageType', 'package_type'],
  typeName: ['TypeName', 'type_name'],
};

/** Reads the classification hints a resource's literal properties give (ECS launch type, Lambda package type…). */
export function classificationHints(properties: MapValue): ClassificationHints | undefined {
  let hints: ClassificationHints | undefined;
  for (const [hint, keys] of Object.entries(HINT_KEYS) as [keyof ClassificationHints, string[]][]) {
    for (const key of keys) {
      const value = getProperty(properties, key)?.value;
      if (value?.kind === 'literal' && typeof value.value === 'string') (hints ??= {})[hint] = value.value;
    }
  }
  return hints;
}
