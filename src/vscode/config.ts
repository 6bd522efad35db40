/**
 * The configuration in force: `.srlens.yaml` at the root of the first workspace folder (the same
 * file the CLI reads) merged with the `srlens.*` settings (settings win for rules, tags are
 * unioned, an explicit minimum severity wins). A change to either re-analyses; problems in
 * `.srlens.yaml` show as diagnostics on the file itself.
 */
import * as vscode from 'vscode';
import type { Analyzer } from '../engine/analyzer';
import { ruleMetadata } from '../engine/catalog';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type SrlensConfig } from '../engine/config';
import { mergeConfig } from '../engine/effective-config';
import { fileOf } from './files';
import type { Finding } from '../engine/finding';
import { affectsFindings, SETTINGS_SECTION, settingsStore } from './settings';

export interface ConfigChange {
  /** `.srlens.yaml` changed (its exclusions may have too). */
  file: boolean;
  /** A setting that changes what is reported changed. */
  settings: boolean;
}

export class ConfigController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('srlens-config');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<ConfigChange>();
  private fileConfig: SrlensConfig = DEFAULT_CONFIG;
  private fileFolder: vscode.Uri | undefined;
  /** Fires after the analyzer has the new configuration (not for the first load). */
  readonly onDidChange = this.changed.event;
  private loaded!: () => void;
  /** Resolves once `.srlens.yaml` and the settings have been applied the first time. */
  readonly ready = new Promise<void>((resolve) => (this.loaded = resolve));

  constructor(
    private readonly analyzer: Analyzer,
    private readonly onChange: () => void,
    private readonly toDiagnostic: (finding: Finding) => vscode.Diagnostic,
  ) {}

  /** `.srlens.yaml` `exclude` patterns (gitignore-style) and the folder they are relative to. */
  get exclusions(): { patterns: string[]; root: vscode.Uri | undefined } {
    return { patterns: this.fileConfig.exclude, root: this.fileFolder };
  }

  /** The configuration the analyzer has: `.srlens.yaml` merged with the settings. */
  get effective(): SrlensConfig {
    return mergeConfig(this.fileConfig, settingsStore.current);
  }

  async start(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reload = () =>
      void this.load().then(() => {
        this.onChange();
        this.changed.fire({ file: true, settings: false });
      });
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
        settingsStore.refresh();
        if (!affectsFindings(event)) return;
        this.apply();
        this.onChange();
        this.changed.fire({ file: false, settings: true });
      }),
    );
    await this.load();
    this.loaded();
  }

  private async load(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    this.fileFolder = folder?.uri;
    if (!folder) return this.apply(DEFAULT_CONFIG);
    const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      this.collection.clear();
      return this.apply(DEFAULT_CONFIG);
    }
    const { config, findings } = parseConfig(fileOf(uri), text, new Set(ruleMetadata().map((r) => r.id)));
    this.collection.set(uri, findings.map(this.toDiagnostic));
    this.apply(config);
  }

  /** Gives the analyzer `.srlens.yaml` merged with the settings. */
  private apply(fileConfig: SrlensConfig = this.fileConfig): void {
    this.fileConfig = fileConfig;
    const effective = mergeConfig(fileConfig, settingsStore.current);
    settingsStore.effectiveMinimumSeverity = effective.minimumSeverity;
    this.analyzer.setConfig(effective);
  }

  dispose(): void {
    this.collection.dispose();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
