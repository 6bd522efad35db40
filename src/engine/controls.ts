/**
 * The controls of other frameworks a rule checks: AWS Security Hub control ids (by meaning, from
 * knowledge/security-hub-map.ts) and ISO/IEC 27001:2022 Annex A controls (through the rule's
 * concern, as the ISMS statement of applicability maps them). Findings, SARIF, hovers and the rule
 * pages show them; `srlens scan --controls` and `.srlens.yaml` `controls:` select rules by them.
 */
import { annexAControl, annexAControlsFor } from '../knowledge/annex-a';
import {
  findSecurityHubControl,
  securityHubControl,
  securityHubControlUrl,
  SECURITY_HUB_SOURCE,
} from '../knowledge/security-hub';
import { RULE_SECURITY_HUB } from '../knowledge/security-hub-map';
import { RULES } from '../rules';
import type { Rule } from '../rules/rule';

export const SECURITY_HUB = 'aws-security-hub';
export const ISO_27001 = 'iso-27001-2022';
export const CONTROL_FRAMEWORKS = [SECURITY_HUB, ISO_27001] as const;
export type ControlFramework = (typeof CONTROL_FRAMEWORKS)[number];

/** One control, as JSON findings carry it: `{ framework: 'aws-security-hub', id: 'S3.5', title }`. */
export interface ControlRef {
  framework: ControlFramework;
  id: string;
  title: string;
}

const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Every control a rule checks: its Security Hub controls, then the Annex A controls of its concern. */
export function ruleControls(rule: { id: string; concern: string }): ControlRef[] {
  return [...securityHubRefs(RULE_SECURITY_HUB[rule.id]?.controls ?? []), ...isoRefs(rule.concern)];
}

/** Why a rule has no Security Hub control, when it has none. */
export function noSecurityHubControl(ruleId: string): string | undefined {
  const mapping = RULE_SECURITY_HUB[ruleId];
  return mapping && mapping.controls.length === 0 ? mapping.none : undefined;
}

/**
 * The controls of one finding: its rule's, where a rule whose controls are per service (tagging)
 * names only those of the resource's service (`AWS::SageMaker::Image`, `aws_sagemaker_image`:
 * SageMaker.*). Findings that no rule of the registry makes (parse errors, configuration) have none.
 */
export function findingControls(finding: { ruleId: string; resourceType: string }): ControlRef[] {
  const rule = RULES_BY_ID.get(finding.ruleId);
  if (!rule) return [];
  const mapping = RULE_SECURITY_HUB[rule.id];
  let ids = mapping?.controls ?? [];
  if (mapping?.perService) {
    const service = serviceOfType(finding.resourceType);
    ids = service ? ids.filter((id) => id.split('.')[0].toLowerCase() === service) : [];
  }
  return [...securityHubRefs(ids), ...isoRefs(rule.concern)];
}

/** `AWS::EC2::LaunchTemplate` → `ec2`, `aws_sagemaker_image` → `sagemaker`. */
function serviceOfType(type: string): string | undefined {
  const cfn = /^AWS::([A-Za-z0-9]+)::/.exec(type);
  if (cfn) return cfn[1].toLowerCase();
  const tf = /^aws_([a-z0-9]+)_/.exec(type);
  return tf?.[1];
}

function securityHubRefs(ids: readonly string[]): ControlRef[] {
  return ids.map((id) => ({ framework: SECURITY_HUB, id, title: securityHubControl(id)?.title ?? '' }));
}

function isoRefs(concern: string): ControlRef[] {
  return annexAControlsFor(concern).map((c) => ({ framework: ISO_27001, id: c.id, title: c.title }));
}

export interface ControlSelection {
  controls: ControlRef[];
  /** One sentence per item that is not a known control. */
  errors: string[];
}

/**
 * Reads control ids as a person writes them: `aws-security-hub:S3.5,RDS.2` (a framework applies
 * to the ids after it until another is named), `iso-27001-2022:8.24`, or bare ids (`S3.5` is a
 * Security Hub id, `8.24` an Annex A one). Ids are matched without regard to case.
 */
export function parseControlSelection(items: readonly string[]): ControlSelection {
  const controls: ControlRef[] = [];
  const errors: string[] = [];
  for (const item of items) {
    let framework: ControlFramework | undefined;
    for (const raw of item.split(',')) {
      let token = raw.trim();
      if (!token) continue;
      const colon = token.indexOf(':');
      if (colon >= 0) {
        const named = token.slice(0, colon).trim().toLowerCase();
        if (!(CONTROL_FRAMEWORKS as readonly string[]).includes(named)) {
          errors.push(`unknown control framework '${token.slice(0, colon)}': use ${CONTROL_FRAMEWORKS.join(' or ')}`);
          framework = undefined;
          continue;
        }
        framework = named as ControlFramework;
        token = token.slice(colon + 1).trim();
      }
      const found = lookUp(token, framework);
      if (found) {
        if (!controls.some((c) => c.framework === found.framework && c.id === found.id)) controls.push(found);
      } else errors.push(unknownControl(token, framework));
    }
  }
  return { controls, errors };
}

function lookUp(id: string, framework: ControlFramework | undefined): ControlRef | undefined {
  if (framework !== ISO_27001) {
    const control = findSecurityHubControl(id);
    if (control) return { framework: SECURITY_HUB, id: control.id, title: control.title };
  }
  if (framework !== SECURITY_HUB) {
    const control = annexAControl(id);
    if (control) return { framework: ISO_27001, id: control.id, title: control.title };
  }
  return undefined;
}

function unknownControl(id: string, framework: ControlFramework | undefined): string {
  const securityHub = `the AWS Security Hub catalog (${SECURITY_HUB_SOURCE.count} controls, ${SECURITY_HUB_SOURCE.catalogLastModified})`;
  const iso = 'the ISO/IEC 27001:2022 Annex A controls srlens maps (see docs/rules/)';
  const where = framework === SECURITY_HUB ? securityHub : framework === ISO_27001 ? iso : `${securityHub} or ${iso}`;
  return `unknown control '${framework ? `${framework}:` : ''}${id}': it is not in ${where}`;
}

/** The ids of the rules that check at least one of `controls`. */
export function rulesCheckingControls(controls: readonly ControlRef[], rules: readonly Rule[] = RULES): Set<string> {
  const wanted = new Set(controls.map((c) => `${c.framework}\u0000${c.id}`));
  return new Set(
    rules.filter((rule) => ruleControls(rule).some((c) => wanted.has(`${c.framework}\u0000${c.id}`))).map((r) => r.id),
  );
}

const FRAMEWORK_LABEL: Record<ControlFramework, string> = {
  [SECURITY_HUB]: 'AWS Security Hub',
  [ISO_27001]: 'ISO/IEC 27001:2022',
};

/** One line naming the controls by framework: `AWS Security Hub S3.5 · ISO/IEC 27001:2022 8.21, 8.24`. */
export function controlsLine(controls: readonly ControlRef[]): string {
  return CONTROL_FRAMEWORKS.map((framework) => {
    const ids = controls.filter((c) => c.framework === framework).map((c) => c.id);
    return ids.length > 0 ? `${FRAMEWORK_LABEL[framework]} ${ids.join(', ')}` : '';
  })
    .filter(Boolean)
    .join(' · ');
}

/**
 * The "Controls" section of a rule's page: its Security Hub controls with their titles (or why it
 * has none), the Annex A controls of its concern, and how to scan for them.
 */
export function controlsMarkdown(rule: { id: string; concern: string }): string[] {
  const mapping = RULE_SECURITY_HUB[rule.id];
  const iso = isoRefs(rule.concern);
  const link = (id: string) => `[${id}](${securityHubControlUrl(id)})`;
  const lines = ['## Controls', ''];
  if (mapping?.perService) {
    lines.push(
      `AWS Security Hub: the ${mapping.controls.length} "… should be tagged" controls, one per resource type; a finding names those of its resource's service: ${mapping.controls.map(link).join(', ')}.`,
      '',
    );
  } else if (mapping && mapping.controls.length === 0) {
    lines.push(`AWS Security Hub: no counterpart. ${mapping.none ?? ''}.`, '');
  }
  const rows = [
    ...(mapping?.perService ? [] : securityHubRefs(mapping?.controls ?? [])).map(
      (c) => `| AWS Security Hub | ${link(c.id)} | ${c.title} |`,
    ),
    ...iso.map((c) => `| ISO/IEC 27001:2022 Annex A | ${c.id} | ${c.title} |`),
  ];
  if (rows.length > 0) lines.push('| Framework | Control | Title |', '| --- | --- | --- |', ...rows, '');
  const first = mapping?.controls[0];
  lines.push(
    `Only the rules that check a control: \`srlens scan --controls ${first ? `${SECURITY_HUB}:${first}` : `${ISO_27001}:${iso[0]?.id ?? '8.9'}`}\`, or \`controls:\` in \`.srlens.yaml\`. The Security Hub ids are from AWS's catalog at commit ${SECURITY_HUB_SOURCE.commit.slice(0, 12)} (${SECURITY_HUB_SOURCE.commitDate}).`,
    '',
  );
  return lines;
}
