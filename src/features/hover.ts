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
import { escapeMarkdown } from './markdown';
import {
  outsideModelHoverMarkdown,
  propertyHover,
  propertyPathAt,
  providerHoverMarkdown,
  resourceHoverMarkdown,
} from './responsibility';

/** Instances of one block shown in full in its hover; then one line each, up to the second limit. */
const FULL_INSTANCES = 5;
const LISTED_INSTANCES = 50;

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
      // The instances one block writes out (Terraform count/for_each, a Fn::ForEach loop) share its
      // text: one section per instance, each with its own findings.
      const instances = resources.filter(
        (r) =>
          r === resource ||
          (r.type === resource.type &&
            r.generatedBy === resource.generatedBy &&
            compareRanges(r.idRange, resource.idRange) === 0),
      );
      // The engine's responsibility model, the one the matrix shows, with the same minimum severity.
      const summaryOf = (r: (typeof instances)[number]) =>
        resourceResponsibility(r, findings, analysis.suppressed ?? [], { minimumSeverity });
      const sections = instances
        .slice(0, FULL_INSTANCES)
        .map((r) => (isOutsideModel(r.type) ? outsideModelHoverMarkdown(r) : resourceHoverMarkdown(summaryOf(r))));
      // Past the first few, a line per instance: a `for_each` over hundreds stays a readable hover.
      const rest = instances.slice(FULL_INSTANCES);
      if (rest.length > 0) {
        const listed = rest.slice(0, LISTED_INSTANCES).map((r) => {
          const open = isOutsideModel(r.type) ? 0 : summaryOf(r).openFindings;
          return `- **${escapeMarkdown(r.id, 120)}** · ${open} open ${open === 1 ? 'finding' : 'findings'}`;
        });
        const more = rest.length - listed.length;
        sections.push(
          [
            `${rest.length} more ${rest.length === 1 ? 'instance' : 'instances'} of this block:`,
            '',
            ...listed,
            ...(more > 0 ? ['', `and ${more} more.`] : []),
          ].join('\n'),
        );
      }
      return { markdown: sections.join('\n\n---\n\n'), range };
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
