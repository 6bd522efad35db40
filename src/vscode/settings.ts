/**
 * The `srlens.*` settings (declared in package.json `contributes.configuration`), read into one
 * typed, validated object. settings.json can hold anything, so every value is checked and falls
 * back to its default.
 */
import * as vscode from 'vscode';
import { ruleMetadata } from '../engine/catalog';
import type { RuleSetting } from '../engine/config';
import { normaliseRuleSettings, normaliseTags, type ConfigSettings } from '../engine/effective-config';
import type { Severity } from '../iac/model';
import { codeLensShowOf, type CodeLensShow } from './responsibility';

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

export function readSettings(scope?: vscode.ConfigurationScope): SrlensSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  knownRuleIds ??= new Set(ruleMetadata().map((r) => r.id));
  const { rules, unknown, invalid } = normaliseRuleSettings(config.get<unknown>('rules'), knownRuleIds);
  return {
    enable: config.get<unknown>('enable') !== false,
    minimumSeverity: explicitSeverity(config),
    debounceMs: clampedInteger(config.get<unknown>('diagnostics.debounce'), DEFAULT_DEBOUNCE_MS, 0, 5000),
    workspaceScan: config.get<unknown>('workspaceScan.enable') !== false,
    maxFileSize: clampedInteger(config.get<unknown>('maxFileSize'), DEFAULT_MAX_FILE_SIZE, 1, Number.MAX_SAFE_INTEGER),
    codeLens: config.get<unknown>('codeLens.enable') !== false,
    codeLensShow: codeLensShowOf(config.get<unknown>('codeLens.show')),
    rules: rules as Record<string, RuleSetting>,
    requiredTags: normaliseTags(config.get<unknown>('requiredTags')),
    unknownRules: unknown,
    invalidRules: invalid,
  };
}

/** The minimum severity only when set in user, workspace or folder settings, so that `.srlens.yaml` decides otherwise. */
function explicitSeverity(config: vscode.WorkspaceConfiguration): Severity | undefined {
  const inspected = config.inspect<unknown>('diagnostics.minimumSeverity');
  const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  const normalised = typeof value === 'string' ? value.toLowerCase() : '';
  return SEVERITIES.includes(normalised) ? (normalised as Severity) : undefined;
}

function clampedInteger(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * The settings in force, shared by every editor feature. The configuration controller refreshes it
 * on `onDidChangeConfiguration` before anything is re-analysed, and records the minimum severity
 * actually applied (the explicit setting, else `.srlens.yaml`).
 */
class SettingsStore {
  private value: SrlensSettings | undefined;
  effectiveMinimumSeverity: Severity = 'info';

  get current(): SrlensSettings {
    this.value ??= readSettings();
    return this.value;
  }

  refresh(): SrlensSettings {
    this.value = readSettings();
    return this.value;
  }
}

export const settingsStore = new SettingsStore();

/** Whether a configuration change touches a setting that changes what is reported (not only how fast). */
export function affectsFindings(event: vscode.ConfigurationChangeEvent): boolean {
  return [
    'enable',
    'rules',
    'requiredTags',
    'diagnostics.minimumSeverity',
    'maxFileSize',
    'workspaceScan.enable',
    // Terraform var files change variables' values, so every module is analysed again.
    'terraform.varFiles',
  ].some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
}
