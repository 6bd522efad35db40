/**
 * The `srlens.*` settings (declared in package.json `contributes.configuration`) read into one
 * typed, validated object, whoever stores them: VS Code's configuration or a language client's
 * `workspace/configuration` answer. Settings can hold anything, so every value is checked and
 * falls back to its default.
 */
import { codeLensShowOf, type CodeLensShow } from './responsibility';
import { ruleMetadata } from '../engine/catalog';
import type { RuleSetting } from '../engine/config';
import { normaliseRuleSettings, normaliseTags, type ConfigSettings } from '../engine/effective-config';
import type { Severity } from '../iac/model';

export const SETTINGS_SECTION = 'srlens';
export const DEFAULT_DEBOUNCE_MS = 300;
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface SrlensSettings extends ConfigSettings {
  enable: boolean;
  /** The minimum severity shown: the explicit setting, or undefined to let `.srlens.yaml` decide. */
  minimumSeverity?: Severity;
  debounceMs: number;
  workspaceScan: boolean;
  maxFileSize: number;
  codeLens: boolean;
  /** Which resources get a CodeLens (`srlens.codeLens.show`). */
  codeLensShow: CodeLensShow;
  /** Ids in `srlens.rules` that are not rules, and ids with a value other than off/error/warning/info. */
  unknownRules: string[];
  invalidRules: string[];
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
let knownRuleIds: ReadonlySet<string> | undefined;

/**
 * The settings from a getter of `srlens.<key>` values (`get('diagnostics.debounce')`), and the
 * minimum severity when it is set explicitly (else `.srlens.yaml` decides).
 */
export function normaliseSettings(get: (key: string) => unknown, explicitMinimumSeverity: unknown): SrlensSettings {
  knownRuleIds ??= new Set(ruleMetadata().map((r) => r.id));
  const { rules, unknown, invalid } = normaliseRuleSettings(get('rules'), knownRuleIds);
  return {
    enable: get('enable') !== false,
    minimumSeverity: severityOf(explicitMinimumSeverity),
    debounceMs: clampedInteger(get('diagnostics.debounce'), DEFAULT_DEBOUNCE_MS, 0, 5000),
    workspaceScan: get('workspaceScan.enable') !== false,
    maxFileSize: clampedInteger(get('maxFileSize'), DEFAULT_MAX_FILE_SIZE, 1, Number.MAX_SAFE_INTEGER),
    codeLens: get('codeLens.enable') !== false,
    codeLensShow: codeLensShowOf(get('codeLens.show')),
    rules: rules as Record<string, RuleSetting>,
    requiredTags: normaliseTags(get('requiredTags')),
    unknownRules: unknown,
    invalidRules: invalid,
  };
}

function severityOf(value: unknown): Severity | undefined {
  const normalised = typeof value === 'string' ? value.toLowerCase() : '';
  return SEVERITIES.includes(normalised) ? (normalised as Severity) : undefined;
}

function clampedInteger(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
