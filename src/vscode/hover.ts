/**
 * Hovers: on a resource's type token or logical id (Terraform: its labels), who owns each concern
 * for its tier and where this resource stands; on a property key, the concern it settles and who
 * owns it; on a Terraform `provider "aws"`, its Region, data residency and Availability Zones.
 * Reads the cached analysis (DocumentAnalyses), never blocks, and gives up when cancelled.
 * Template text is escaped; only `srlens.showMatrix` and `srlens.explainType` links are trusted.
 */
import * as vscode from 'vscode';
import type { Range } from '../iac/model';
import type { DocumentAnalyses } from './analysis';
import { tooLargeMessage } from './diagnostics';
import { TRUSTED_COMMANDS } from '../features/markdown';
import { hoverAt } from '../features/hover';
import { settingsStore } from './settings';
import { fileOf } from './files';

/** CloudFormation (YAML, JSON, `.template`) and Terraform documents (`analyze` keeps to the workspace's files). */
export const RESPONSIBILITY_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { language: 'json' },
  { language: 'terraform' },
  { pattern: '**/*.tf' },
  { pattern: '**/*.template' },
];

export function registerHovers(analyses: DocumentAnalyses): vscode.Disposable[] {
  return [vscode.languages.registerHoverProvider(RESPONSIBILITY_SELECTOR, new ResponsibilityHovers(analyses))];
}

class ResponsibilityHovers implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideHover(
    doc: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!settingsStore.current.enable || tooLargeMessage(doc.getText(), settingsStore.current.maxFileSize))
      return undefined;
    const result = await this.analyses.analyze(doc);
    if (!result || token.isCancellationRequested || result.version !== doc.version) return undefined;
    const found = hoverAt(
      result.analysis,
      fileOf(doc.uri),
      { line: position.line, character: position.character },
      settingsStore.effectiveMinimumSeverity,
    );
    return found ? hover(found.markdown, found.range) : undefined;
  }
}

function hover(markdown: string, range: Range): vscode.Hover {
  const contents = new vscode.MarkdownString(markdown);
  contents.isTrusted = { enabledCommands: [...TRUSTED_COMMANDS] };
  contents.supportHtml = false;
  contents.supportThemeIcons = false;
  return new vscode.Hover(
    contents,
    new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
  );
}
