/**
 * The CodeLens above a file's resources: `<Tier> · you own or share N · M open findings`
 * (responsibility.ts words it), where M counts the resource's findings at or above the minimum
 * severity, the same ones the responsibility model counts. No editor API: the VS Code CodeLens
 * provider and the language server both call `resourceLenses`.
 */
import type { Analysis } from '../engine/analyzer';
import { severityAtLeast } from '../engine/finding';
import { lensSummary } from '../engine/responsibility';
import type { Resource, Severity } from '../iac/model';
import { resourcesInFile } from './document';
import { codeLensInfo, wantsCodeLens, type CodeLensShow, type MatrixArgs } from './responsibility';

export const SHOW_MATRIX_COMMAND = 'srlens.showMatrix';

export interface ResourceLens {
  /** The resource's first line; the lens sits at its start. */
  line: number;
  title: string;
  tooltip: string;
  /** The arguments of `srlens.showMatrix` for this resource. */
  args: MatrixArgs;
}

/**
 * The lenses of a file; `show` (`srlens.codeLens.show`) picks the resources: with open findings or
 * the main resource of a service (`findings`, the default), every resource (`all`), none (`off`).
 */
export function resourceLenses(
  analysis: Analysis,
  file: string,
  minimumSeverity: Severity,
  show: CodeLensShow = 'findings',
): ResourceLens[] {
  // Counted once, so a template with thousands of resources and findings stays linear.
  const openFindings = new Map<string, number>();
  for (const f of analysis.findings)
    if (f.file === file && f.resource && severityAtLeast(f.severity, minimumSeverity))
      openFindings.set(f.resource, (openFindings.get(f.resource) ?? 0) + 1);
  // The instances one block writes out (count, for_each, Fn::ForEach) share its text: one lens for them all.
  const blocks = new Map<string, { first: Resource; instances: number; open: number }>();
  for (const { resource } of resourcesInFile(analysis, file)) {
    const open = openFindings.get(resource.id) ?? 0;
    const at = `${resource.idRange.start.line}:${resource.idRange.start.character}:${resource.type}`;
    const block = blocks.get(at);
    if (block) {
      block.instances++;
      block.open += open;
    } else blocks.set(at, { first: resource, instances: 1, open });
  }
  const lenses: ResourceLens[] = [];
  for (const { first, instances, open } of blocks.values()) {
    if (!wantsCodeLens(show, first.type, open)) continue;
    const info = codeLensInfo(lensSummary(first, open), instances);
    lenses.push({
      line: first.range.start.line,
      title: info.title,
      tooltip: info.tooltip,
      args: { file, resource: first.id },
    });
  }
  return lenses;
}
