/**
 * The `srlens.*` settings from VS Code's configuration, validated by features/settings.ts (which
 * the language server shares), and the store every editor feature reads them from.
 */
import * as vscode from 'vscode';
import type { Severity } from '../iac/model';
import {
  DEFAULT_DEBOUNCE_MS,
  DEFAULT_MAX_FILE_SIZE,
  normaliseSettings,
  SETTINGS_SECTION,
  type SrlensSettings,
} from '../features/settings';

export { DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_FILE_SIZE, SETTINGS_SECTION, type SrlensSettings };

export function readSettings(scope?: vscode.ConfigurationScope): SrlensSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return normaliseSettings((key) => config.get<unknown>(key), explicitSeverity(config));
}

/** The minimum severity only when set in user, workspace or folder settings, so that `.srlens.yaml` decides otherwise. */
function explicitSeverity(config: vscode.WorkspaceConfiguration): unknown {
  const inspected = config.inspect<unknown>('diagnostics.minimumSeverity');
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
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
