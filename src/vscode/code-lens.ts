/**
 * A CodeLens above a resource: `<Tier> · you own or share N · M open findings`, where N counts the
 * concerns that apply to the type and that you own or share with AWS, and M the findings on the
 * resource. Which resources get one is `srlens.codeLens.show` (`wantsCodeLens`): by default those
 * with open findings and the main resource of each service, never a resource of another provider.
 * Clicking shows the responsibility matrix for the resource. Refreshed when an analysis changes;
 * hidden by `srlens.codeLens.show: off`, `srlens.codeLens.enable: false` or `srlens.enable: false`.
 */
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analysis';
import { tooLargeMessage } from './diagnostics';
import { RESPONSIBILITY_SELECTOR } from './hover';
import { fileOf } from './files';
import { resourceLenses, SHOW_MATRIX_COMMAND } from '../features/code-lens';
import { codeLensShowOf, type CodeLensShow } from '../features/responsibility';
import { settingsStore } from './settings';

export { SHOW_MATRIX_COMMAND };

export function registerCodeLens(analyses: DocumentAnalyses): vscode.Disposable[] {
  const provider = new ResponsibilityCodeLens(analyses);
  return [provider, vscode.languages.registerCodeLensProvider(RESPONSIBILITY_SELECTOR, provider)];
}

/** Which resources get a CodeLens; read from the configuration so that a change applies at once. */
function showSetting(): CodeLensShow {
  const config = vscode.workspace.getConfiguration('srlens');
  if (config.get<unknown>('enable') === false || config.get<unknown>('codeLens.enable') === false) return 'off';
  return codeLensShowOf(config.get<unknown>('codeLens.show'));
}

class ResponsibilityCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly analyses: DocumentAnalyses) {
    this.disposables = [
      this.changed,
      analyses.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('srlens.codeLens') || event.affectsConfiguration('srlens.enable'))
          this.changed.fire();
      }),
    ];
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const show = showSetting();
    if (show === 'off' || tooLargeMessage(doc.getText(), settingsStore.current.maxFileSize)) return [];
    const result = await this.analyses.analyze(doc);
    if (!result || token.isCancellationRequested) return [];
    const lenses = resourceLenses(result.analysis, fileOf(doc.uri), settingsStore.effectiveMinimumSeverity, show);
    return lenses.map(
      (lens) =>
        new vscode.CodeLens(new vscode.Range(lens.line, 0, lens.line, 0), {
          title: lens.title,
          tooltip: lens.tooltip,
          command: SHOW_MATRIX_COMMAND,
          arguments: [lens.args],
        }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
