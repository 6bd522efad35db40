/**
 * `.srlens.yaml` at the root of the first workspace folder, the same file the CLI reads. Changes
 * to it re-analyse open documents; problems in it show as diagnostics on the file itself.
 */
import * as vscode from 'vscode';
import type { Analyzer } from '../engine/analyzer';
import { ruleMetadata } from '../engine/catalog';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig } from '../engine/config';
import type { Finding } from '../engine/finding';

export class ConfigController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('srlens-config');
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly analyzer: Analyzer,
    private readonly onChange: () => void,
    private readonly toDiagnostic: (finding: Finding) => vscode.Diagnostic,
  ) {}

  async start(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reload = () => void this.load().then(this.onChange);
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    await this.load();
  }

  private async load(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      this.analyzer.setConfig(DEFAULT_CONFIG);
      this.collection.clear();
      return;
    }
    const { config, findings } = parseConfig(uri.fsPath, text, new Set(ruleMetadata().map((r) => r.id)));
    this.analyzer.setConfig(config);
    this.collection.set(uri, findings.map(this.toDiagnostic));
  }

  dispose(): void {
    this.collection.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
