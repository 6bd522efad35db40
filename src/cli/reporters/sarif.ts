/**
 * SARIF 2.1.0 for GitHub code scanning and other CI viewers. Template text never reaches the
 * log except through finding messages, which rules write without secret values.
 */
import type { Finding } from '../../engine/finding';
import type { Severity } from '../../iac/model';
import { PROJECT_URL } from '../../engine/docs';

export interface SarifRuleMetadata {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  concern: string;
  helpUri: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's security-severity: 9.0+ critical, 7.0+ high, 4.0+ medium, below that low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

export function formatSarif(
  findings: Finding[],
  rules: SarifRuleMetadata[],
  toolVersion: string,
  srcRootUri: string,
  relativeUri: (file: string) => string,
): string {
  const used = new Map<string, number>();
  const driverRules = rules.map((rule, index) => {
    used.set(rule.id, index);
    return {
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      helpUri: rule.helpUri,
      help: { text: `${rule.description} See ${rule.helpUri}` },
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: {
        tags: ['security', rule.concern],
        'security-severity': SECURITY_SEVERITY[rule.severity],
        concern: rule.concern,
      },
    };
  });
  const region = (range: Finding['range']) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const results = findings.map((finding) => ({
    ruleId: finding.ruleId,
    ...(used.has(finding.ruleId) ? { ruleIndex: used.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    // The headline; in Markdown, the headline and the detail behind it.
    message: {
      text: plainMessage(finding.message),
      markdown: finding.detail
        ? `${markdownText(finding.message)}\n\n${markdownText(finding.detail)}`
        : markdownText(finding.message),
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file), uriBaseId: '%SRCROOT%' },
          region: region(finding.range),
        },
        ...(finding.resource
          ? {
              logicalLocations: [
                {
                  name: finding.resource,
                  kind: 'resource',
                  fullyQualifiedName: `${finding.resourceType}/${finding.resource}`,
                },
              ],
            }
          : {}),
      },
    ],
    // Where the value came from (a Terraform local, var file line or module argument).
    ...(finding.related?.length
      ? {
          relatedLocations: finding.related.map((related, id) => ({
            id,
            physicalLocation: {
              artifactLocation: { uri: relativeUri(related.file), uriBaseId: '%SRCROOT%' },
              region: region(related.range),
            },
            message: { text: plainMessage(related.message) },
          })),
        }
      : {}),
    properties: {
      concern: finding.concern,
      owner: finding.owner,
      tier: finding.tier,
      service: finding.service,
      resourceType: finding.resourceType,
      fixable: finding.fixable,
    },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'srlens',
            fullName: 'Shared Responsibility Lens',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: PROJECT_URL,
            rules: driverRules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRootUri } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/**
 * SARIF viewers turn `[text](target)` in a message into a link (SARIF 2.1.0, 3.11.6). Messages
 * quote template text (a resource may be named like a link), so brackets and backslashes are
 * escaped and always read as themselves.
 */
function plainMessage(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/**
 * Template text in Markdown: every character Markdown could read as markup (emphasis, links,
 * code, HTML, entities, tables) is escaped with a backslash, which CommonMark allows before any
 * ASCII punctuation, so it reads as itself.
 */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&!()]/g, (c) => `\\${c}`);
}
