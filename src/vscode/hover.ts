/**
 * Hovers: on a resource's type token or logical id (Terraform: its labels), who owns each concern
 * for its tier and where this resource stands; on a property key, the concern it settles and who
 * owns it; on a Terraform `provider "aws"`, its Region, data residency and Availability Zones.
 * Reads the cached analysis (DocumentAnalyses), never blocks, and gives up when cancelled.
 * Template text is escaped; only `srlens.showMatrix` and `srlens.explainType` links are trusted.
 */
import * as vscode from 'vscode';
import type { Position, Range } from '../iac/model';
import { compareRanges, containsPosition } from '../iac/model';
import { findingsIn, resourcesIn, type DocumentAnalyses } from './analysis';
import { tooLargeMessage } from './diagnostics';
import { TRUSTED_COMMANDS } from './markdown';
import { resourceResponsibility } from '../engine/responsibility';
import { isOutsideModel } from '../knowledge/resource-roles';
import {
  outsideModelHoverMarkdown,
  propertyHover,
  propertyPathAt,
  providerHoverMarkdown,
  resourceHoverMarkdown,
} from './responsibility';
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
    const file = fileOf(doc.uri);
    const at: Position = { line: position.line, character: position.character };
    const findings = result.analysis.findings;

    const resources = resourcesIn(result, file).map((entry) => entry.resource);
    for (const resource of resources) {
      if (!containsPosition(resource.range, at)) continue;
      if (containsPosition(resource.typeRange, at) || containsPosition(resource.idRange, at)) {
        const range = containsPosition(resource.typeRange, at) ? resource.typeRange : resource.idRange;
        // Resources a Fn::ForEach loop writes out share its text: one section per instance.
        const instances = resource.generatedBy
          ? resources.filter(
              (r) => r.generatedBy === resource.generatedBy && compareRanges(r.idRange, resource.idRange) === 0,
            )
          : [resource];
        const markdown = instances
          // The engine's responsibility model, the one the matrix shows, with the same minimum severity.
          .map((r) =>
            isOutsideModel(r.type)
              ? outsideModelHoverMarkdown(r)
              : resourceHoverMarkdown(
                  resourceResponsibility(r, findings, result.analysis.suppressed ?? [], {
                    minimumSeverity: settingsStore.effectiveMinimumSeverity,
                  }),
                ),
          )
          .join('\n\n---\n\n');
        return hover(markdown, range);
      }
      const path = propertyPathAt(resource.properties, at);
      const key = path?.[path.length - 1];
      if (!path || !key || !containsPosition(key.keyRange, at)) return undefined;
      const found = propertyHover(resource, path, findingsIn(result, file));
      return found ? hover(found.markdown, key.keyRange) : undefined;
    }

    for (const unit of result.analysis.units) {
      if (unit.kind !== 'terraform') continue;
      for (const provider of unit.providers) {
        if (provider.name !== 'aws' || provider.file !== file || !containsPosition(provider.labelRange, at)) continue;
        return hover(providerHoverMarkdown(provider, unit), provider.labelRange);
      }
    }
    return undefined;
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
