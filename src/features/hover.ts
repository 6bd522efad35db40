/**
 * The hover at a position of a file: on a resource's type token or logical id (Terraform: its
 * labels), who owns each concern for its tier and where this resource stands; on a property key,
 * the concern it settles and who owns it; on a Terraform `provider "aws"`, its Region, data
 * residency and Availability Zones. Markdown with every piece of template text escaped
 * (responsibility.ts), and the range it applies to. No editor API: the VS Code hover provider and
 * the language server both call `hoverAt`.
 */
import type { Analysis } from '../engine/analyzer';
import { resourceResponsibility } from '../engine/responsibility';
import type { Position, Range, Severity } from '../iac/model';
import { compareRanges, containsPosition } from '../iac/model';
import { findingsInFile, resourcesInFile } from './document';
import { isOutsideModel } from '../knowledge/resource-roles';
import {
  outsideModelHoverMarkdown,
  propertyHover,
  propertyPathAt,
  providerHoverMarkdown,
  resourceHoverMarkdown,
} from './responsibility';

export interface HoverContent {
  markdown: string;
  range: Range;
}

export function hoverAt(
  analysis: Analysis,
  file: string,
  at: Position,
  minimumSeverity: Severity,
): HoverContent | undefined {
  const findings = analysis.findings;
  const resources = resourcesInFile(analysis, file).map((entry) => entry.resource);
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
                resourceResponsibility(r, findings, analysis.suppressed ?? [], { minimumSeverity }),
              ),
        )
        .join('\n\n---\n\n');
      return { markdown, range };
    }
    const path = propertyPathAt(resource.properties, at);
    const key = path?.[path.length - 1];
    if (!path || !key || !containsPosition(key.keyRange, at)) return undefined;
    const found = propertyHover(resource, path, findingsInFile(analysis, file));
    return found ? { markdown: found.markdown, range: key.keyRange } : undefined;
  }

  for (const unit of analysis.units) {
    if (unit.kind !== 'terraform') continue;
    for (const provider of unit.providers) {
      if (provider.name !== 'aws' || provider.file !== file || !containsPosition(provider.labelRange, at)) continue;
      return { markdown: providerHoverMarkdown(provider, unit), range: provider.labelRange };
    }
  }
  return undefined;
}
