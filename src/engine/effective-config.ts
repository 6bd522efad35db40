/**
 * The configuration the editor applies: `.srlens.yaml` merged with the `srlens.*` settings.
 * Settings win for rule severities, required tags are the union of both, and the minimum
 * severity comes from the setting only when the user set it explicitly. Exclusions stay those of
 * `.srlens.yaml` (the editor adds `files.exclude` and `search.exclude` itself).
 */
import type { Severity } from '../iac/model';
import type { RuleSetting, SrlensConfig } from './config';

/** The part of the editor settings that changes what the engine reports. */
export interface ConfigSettings {
  /** Rule id → off | error | warning | info; laid over `.srlens.yaml` rules. */
  rules: Record<string, RuleSetting>;
  /** Added to `.srlens.yaml` requiredTags. */
  requiredTags: string[];
  /** Set only when the user chose a value explicitly (user, workspace or folder settings). */
  minimumSeverity?: Severity;
}

const RULE_SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info'];

export function mergeConfig(file: SrlensConfig, settings: ConfigSettings): SrlensConfig {
  const rules: Record<string, RuleSetting> = { ...file.rules };
  for (const [id, value] of Object.entries(settings.rules)) {
    if (RULE_SETTINGS.includes(value)) rules[id] = value;
  }
  const requiredTags = [...file.requiredTags];
  for (const tag of settings.requiredTags) {
    const trimmed = tag.trim();
    if (trimmed && !requiredTags.includes(trimmed)) requiredTags.push(trimmed);
  }
  return {
    rules,
    requiredTags,
    exclude: [...file.exclude],
    minimumSeverity: settings.minimumSeverity ?? file.minimumSeverity,
    // Suppressions are the file's alone: they carry their reason, owner and expiry where reviewers see them.
    ...(file.peerSuppressions !== undefined ? { peerSuppressions: file.peerSuppressions } : {}),
    ...(file.suppressions ? { suppressions: [...file.suppressions] } : {}),
    ...(file.controls ? { controls: [...file.controls] } : {}),
    ...(file.classificationTag ? { classificationTag: file.classificationTag } : {}),
  };
}

/**
 * Normalises an untrusted `srlens.rules` value (settings.json can hold anything): keeps entries
 * whose value is off/error/warning/info (any case, or `false` for off). `knownRuleIds`, when given,
 * drops ids that do not exist and returns them separately so the caller can say so once.
 */
export function normaliseRuleSettings(
  value: unknown,
  knownRuleIds?: ReadonlySet<string>,
): { rules: Record<string, RuleSetting>; unknown: string[]; invalid: string[] } {
  const rules: Record<string, RuleSetting> = {};
  const unknown: string[] = [];
  const invalid: string[] = [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { rules, unknown, invalid };
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    const setting = raw === false ? 'off' : typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (knownRuleIds && !knownRuleIds.has(id)) unknown.push(id);
    else if (!RULE_SETTINGS.includes(setting)) invalid.push(id);
    else rules[id] = setting as RuleSetting;
  }
  return { rules, unknown, invalid };
}

/** Normalises an untrusted `srlens.requiredTags` value: strings only, trimmed, no duplicates. */
export function normaliseTags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const tags: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const tag = item.trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
