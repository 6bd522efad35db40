/**
 * A rule's documentation as Markdown, built from its metadata so that it reads the same offline
 * as the page online (docs/rules/<id>.md), which it links to.
 */
import { CONCERNS } from '../knowledge/concerns';
import { RULES } from '../rules';
import { ruleMetadata } from './catalog';
import { controlsMarkdown } from './controls';
import { ruleDocsUrl } from './docs';

export interface RuleSummary {
  id: string;
  title: string;
}

/** Every rule and built-in check, in id order. */
export function allRules(): RuleSummary[] {
  return ruleMetadata()
    .map(({ id, title }) => ({ id, title }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function isKnownRule(id: string): boolean {
  return ruleMetadata().some((m) => m.id === id);
}

function concernTitle(id: string): string {
  return CONCERNS.find((c) => c.id === id)?.title ?? id;
}

/** The Markdown page for a rule id; undefined for an unknown id. */
export function rulePageMarkdown(id: string): string | undefined {
  const meta = ruleMetadata().find((m) => m.id === id);
  if (!meta) return undefined;
  const rule = RULES.find((r) => r.id === id);
  const lines = [
    `# ${meta.title}`,
    '',
    `\`${meta.id}\``,
    '',
    '| | |',
    '| --- | --- |',
    `| Concern | \`${meta.concern}\` (${concernTitle(meta.concern)}) |`,
    `| Default severity | ${meta.severity} |`,
  ];
  if (rule) {
    const fixable = rule.fix !== undefined || rule.fixUnit !== undefined;
    const types =
      rule.appliesTo.length === 1 && rule.appliesTo[0] === '*'
        ? 'every resource type'
        : rule.appliesTo.map((t) => `\`${t}\``).join(', ');
    lines.push(
      `| Quick fix | ${fixable ? 'yes' : 'no'} |`,
      `| Applies to | ${types} |`,
      '',
      '## Why this is yours',
      '',
      rule.rationale,
      '',
      '## What to do',
      '',
      rule.remediation,
      '',
      ...controlsMarkdown(rule),
    );
    lines.push(
      '## Turning it off',
      '',
      'For one resource or property, give the reason on the line above it (YAML and Terraform):',
      '',
      '```yaml',
      `# srlens-ignore ${rule.id} <why this is acceptable here>`,
      '```',
      '',
      'For the whole workspace, in `.srlens.yaml`:',
      '',
      '```yaml',
      'rules:',
      `  ${rule.id}: off`,
      '```',
      '',
    );
  } else {
    lines.push('', meta.description, '');
  }
  lines.push('---', '', `Examples and more: [${meta.id} online](${ruleDocsUrl(meta.id)})`, '');
  return lines.join('\n');
}
