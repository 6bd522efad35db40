/**
 * The statement of applicability: a subset of the ISO/IEC 27001:2022 Annex A controls that
 * matter for cloud infrastructure (ids and short titles only), each mapped to the concern ids of
 * the shared responsibility model. For the resources in scope, a control whose concerns AWS owns
 * everywhere is inherited from AWS; a control a template settles cites the file and line.
 *
 * The scan suggests "implemented" only where the templates show it: 5.12 Classification of
 * information needs a classification tag key (`classificationTag` in `.srlens.yaml`) that every
 * asset carries, not just any tag; 8.8 Management of technical vulnerabilities needs patching
 * evidence (an SSM patch baseline, a patching association or maintenance window task, or Amazon
 * Inspector) when instances whose operating system is yours are in scope. Otherwise a control with
 * evidence is "partial", and `missing` names what is missing.
 */
import type { Finding } from '../engine/finding';
import { ownerOf, typeOwnership } from '../engine/responsibility';
import type { IacUnit, MapValue, Resource } from '../iac/model';
import type { ConcernId } from '../knowledge/concerns';
import { CONCERN_EVIDENCE_KEYS } from '../knowledge/property-concerns';
import { ownershipFor } from '../knowledge/ownership';
import { RULES } from '../rules';
import { ALL_TYPES, type Rule } from '../rules/rule';
import { getProperty } from '../iac/model';
import { isOutsideModel, resourceRole } from '../knowledge/resource-roles';
import { tagsOf } from './assets';
import type { ControlState, Evidence, Implementation, Risk } from './model';
import { ANNEX_A_CONTROLS, type AnnexAControl } from '../knowledge/annex-a';

export { ANNEX_A_CONTROLS, type AnnexAControl };

export interface SoaInput {
  units: readonly IacUnit[];
  /** Open findings of the scan (suppressed ones are not evidence). */
  findings: readonly Finding[];
  /** Suppressed findings: a suppressed check is not evidence either. */
  suppressedFindings?: readonly Finding[];
  risks: readonly Risk[];
  displayPath?: (file: string) => string;
  /** Evidence entries kept per control (the rest are counted, not listed). */
  maxEvidence?: number;
  /** The tag key that classifies information (`classificationTag` in `.srlens.yaml`); 5.12 needs it. */
  classificationTag?: string;
  /** What the account's last check settles, by concern (`.srlens/account.yaml`): cited with its date. */
  accountEvidence?: readonly { concern: ConcernId; evidence: Evidence }[];
}

/** The derived part of every control: inherited or not, evidence, open risks and a suggested status. */
export function controlsFromScan(input: SoaInput): ControlState[] {
  const display = input.displayPath ?? ((f: string) => f);
  // resources of other providers (random_id) are outside the model and the scope
  const resources = input.units.flatMap((u) => u.resources).filter((r) => !isOutsideModel(r.type));
  const flagged = new Set(
    [...input.findings, ...(input.suppressedFindings ?? [])].map(
      (f) => `${f.ruleId}\u0000${f.file}\u0000${f.resource}`,
    ),
  );
  const rulesByType = new Map<string, Rule[]>();
  const everyType: Rule[] = [];
  for (const rule of RULES) {
    for (const type of rule.appliesTo) {
      if (type === ALL_TYPES) everyType.push(rule);
      else rulesByType.set(type, [...(rulesByType.get(type) ?? []), rule]);
    }
  }
  const max = input.maxEvidence ?? 20;

  return ANNEX_A_CONTROLS.map((control): ControlState => {
    const concerns = new Set<ConcernId>(control.concerns);
    const inheritedFromAws = isInherited(control.concerns, resources);
    const evidence: Evidence[] = [];
    if (!inheritedFromAws) {
      for (const resource of resources) {
        for (const rule of [...(rulesByType.get(resource.type) ?? []), ...everyType]) {
          if (!concerns.has(rule.concern)) continue;
          if (flagged.has(`${rule.id}\u0000${resource.file}\u0000${resource.id}`)) continue;
          const property = settlingProperty(resource.properties, CONCERN_EVIDENCE_KEYS[rule.concern], 0);
          // A rule for every type (tags, secrets anywhere) is evidence only where the resource sets something it looks at.
          if (!property && everyType.includes(rule)) continue;
          evidence.push({
            file: display(resource.file),
            line: (property?.line ?? resource.range.start.line) + 1,
            resource: resource.id,
            ruleId: rule.id,
            ...(property ? { property: property.key } : {}),
          });
        }
      }
    }
    evidence.sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1),
    );
    // The account's own settings come first: one line each settles the concern for the whole account.
    if (!inheritedFromAws)
      evidence.unshift(...(input.accountEvidence ?? []).filter((a) => concerns.has(a.concern)).map((a) => a.evidence));
    const openRisks = input.risks.filter(
      (r) => r.status === 'open' && r.treatment !== 'accept' && concerns.has(r.concern as ConcernId),
    ).length;
    const missing = inheritedFromAws ? undefined : REQUIREMENTS[control.id]?.(resources, input);
    const shown: Implementation | 'unknown' = inheritedFromAws
      ? 'inherited'
      : openRisks > 0
        ? evidence.length > 0
          ? 'partial'
          : 'no'
        : evidence.length > 0
          ? 'yes'
          : 'unknown';
    // evidence of the concerns is not the control: without what it needs, at most partial
    const suggested = shown === 'yes' && missing !== undefined ? 'partial' : shown;
    return {
      id: control.id,
      title: control.title,
      concerns: [...control.concerns],
      inheritedFromAws,
      suggested,
      evidence: evidence.slice(0, max),
      openRisks,
      ...(missing !== undefined ? { missing } : {}),
      applicable: true,
    };
  });
}

/**
 * Inherited when AWS owns every mapped concern for every resource in scope (the engine's
 * responsibility model, as the hover and the matrix show it); with no resources, when AWS owns the
 * concerns in every tier (facilities, hardware and the like).
 */
function isInherited(concerns: readonly ConcernId[], resources: readonly Resource[]): boolean {
  if (resources.length === 0) {
    return concerns.every((c) =>
      (['infrastructure', 'container', 'abstracted'] as const).every((tier) => ownershipFor(tier, c).owner === 'aws'),
    );
  }
  return concerns.every((c) => resources.every((r) => ownerOf(r, c) === 'aws'));
}

function settlingProperty(
  map: MapValue,
  pattern: RegExp | undefined,
  depth: number,
): { key: string; line: number } | undefined {
  if (!pattern || depth > 3) return undefined;
  for (const p of map.properties) if (pattern.test(p.key)) return { key: p.key, line: p.keyRange.start.line };
  for (const p of map.properties) {
    if (p.value.kind === 'map') {
      const found = settlingProperty(p.value, pattern, depth + 1);
      if (found) return { key: `${p.key}.${found.key}`, line: found.line };
    }
  }
  return undefined;
}

/** What a control needs beyond evidence of its concerns: a sentence naming what is missing, or undefined. */
const REQUIREMENTS: Readonly<
  Partial<Record<string, (resources: readonly Resource[], input: SoaInput) => string | undefined>>
> = {
  '5.12': (resources, input) => classificationMissing(resources, input.classificationTag),
  '8.8': (resources) => patchingMissing(resources),
};

/** The resources an asset register lists: AWS resources that are not part of another one. */
function mainResources(resources: readonly Resource[]): Resource[] {
  return resources.filter((r) => !isOutsideModel(r.type) && resourceRole(r.type) === 'main');
}

/** 5.12: a configured classification tag key that every asset carries. */
export function classificationMissing(resources: readonly Resource[], tag: string | undefined): string | undefined {
  if (!tag)
    return 'no classification tag key is configured (classificationTag in .srlens.yaml); any tag is not a classification';
  const assets = mainResources(resources);
  const without = assets.filter((r) => !Object.prototype.hasOwnProperty.call(tagsOf(r), tag));
  if (without.length === 0) return undefined;
  return `the classification tag '${tag}' on ${without.length} of ${assets.length} ${assets.length === 1 ? 'asset' : 'assets'} (${without
    .slice(0, 3)
    .map((r) => r.id)
    .join(', ')}${without.length > 3 ? ', …' : ''})`;
}

/** Types that show patching or vulnerability scanning of instances: SSM Patch Manager, Amazon Inspector. */
const PATCHING_TYPES =
  /^(AWS::SSM::PatchBaseline|aws_ssm_patch_baseline|aws_ssm_default_patch_baseline|AWS::InspectorV2::|aws_inspector2_|AWS::Inspector::|aws_inspector_)/;
/** An SSM association or maintenance window task counts when its document is literally a patching one. */
const PATCHING_TASKS =
  /^(AWS::SSM::Association|aws_ssm_association|AWS::SSM::MaintenanceWindowTask|aws_ssm_maintenance_window_task)$/;
const PATCH_DOCUMENT =
  /^AWS-(RunPatchBaseline|RunPatchBaselineAssociation|RunPatchBaselineWithHooks|InstallWindowsUpdates)$/;

function patchesInstances(resource: Resource): boolean {
  if (PATCHING_TYPES.test(resource.type)) return true;
  if (!PATCHING_TASKS.test(resource.type)) return false;
  for (const key of ['Name', 'name', 'DocumentName', 'document_name', 'TaskArn', 'task_arn']) {
    const value = getProperty(resource.properties, key)?.value;
    if (value?.kind === 'literal' && typeof value.value === 'string' && PATCH_DOCUMENT.test(value.value)) return true;
  }
  return false;
}

/**
 * 8.8: when resources whose operating system is yours or shared are in scope (EC2 instances, launch
 * templates, Auto Scaling groups, ECS on EC2), patching evidence in the same scope.
 */
export function patchingMissing(resources: readonly Resource[]): string | undefined {
  const instances = mainResources(resources).filter((r) => {
    if (r.tier === 'unclassified') return false;
    const os = typeOwnership(r).rows.find((row) => row.concern === 'operating-system');
    return os !== undefined && os.applicable && os.owner !== 'aws';
  });
  if (instances.length === 0) return undefined;
  if (resources.some(patchesInstances)) return undefined;
  return `patching evidence for ${instances.length} ${instances.length === 1 ? 'resource' : 'resources'} whose operating system is yours (${instances
    .slice(0, 3)
    .map((r) => r.id)
    .join(
      ', ',
    )}${instances.length > 3 ? ', …' : ''}): an SSM patch baseline, a patching association or maintenance window task (AWS-RunPatchBaseline), or Amazon Inspector`;
}
