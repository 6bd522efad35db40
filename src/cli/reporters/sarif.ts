/**
 * SARIF 2.1.0 for GitHub code scanning and other CI viewers. Template text never reaches the
 * log except through finding messages, which rules write without secret values.
 */
import type { Finding } from '../../engine/finding';
import type { Fix } from '../../fixes/types';
import type { Severity } from '../../iac/model';
import { PROJECT_URL } from '../../engine/docs';
import { ISO_27001, SECURITY_HUB, ruleControls, type ControlFramework, type ControlRef } from '../../engine/controls';
import { SECURITY_HUB_SOURCE, securityHubControl, securityHubControlUrl } from '../../knowledge/security-hub';

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

export interface SarifOptions {
  /** A finding's fix (its edits' files named as the finding's file is), for `fixes`. */
  fixOf?: (finding: Finding) => Fix | undefined;
}

export function formatSarif(
  findings: Finding[],
  rules: SarifRuleMetadata[],
  toolVersion: string,
  srcRootUri: string,
  relativeUri: (file: string) => string,
  options: SarifOptions = {},
): string {
  const used = new Map<string, number>();
  const taxonomies = new Taxonomies();
  const driverRules = rules.map((rule, index) => {
    used.set(rule.id, index);
    const controls = ruleControls(rule);
    return {
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      helpUri: rule.helpUri,
      help: { text: `${rule.description} See ${rule.helpUri}` },
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: {
        // Control ids as tags (`aws-security-hub/S3.5`), so viewers can filter by them.
        tags: ['security', rule.concern, ...controls.map((c) => `${c.framework}/${c.id}`)],
        'security-severity': SECURITY_SEVERITY[rule.severity],
        concern: rule.concern,
      },
      // The controls the rule checks, as taxa of the run's taxonomies (SARIF 2.1.0, 3.49.15, 3.52.3).
      ...(controls.length > 0 ? { relationships: controls.map((c) => taxonomies.relationship(c)) } : {}),
    };
  });
  const region = (range: Finding['range']) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  // The quick fix as SARIF describes one (3.55): per file, the regions to delete and the text to insert.
  const fixesOf = (finding: Finding) => {
    const fix = finding.fixable ? options.fixOf?.(finding) : undefined;
    if (!fix) return {};
    const files = [...new Set(fix.edits.map((e) => e.file))];
    return {
      fixes: [
        {
          description: { text: plainMessage(fix.title) },
          artifactChanges: files.map((file) => ({
            artifactLocation: { uri: relativeUri(file), uriBaseId: '%SRCROOT%' },
            replacements: fix.edits
              .filter((e) => e.file === file)
              .map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
          })),
        },
      ],
    };
  };
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
    // Suppressed results stay in the log, marked as SARIF viewers and GitHub code scanning expect.
    ...(finding.suppressed
      ? {
          suppressions: [
            {
              kind: finding.suppressed.kind,
              status: 'accepted',
              justification: finding.suppressed.reason,
              properties: {
                source: finding.suppressed.source,
                ...(finding.suppressed.expires ? { expires: finding.suppressed.expires } : {}),
                ...(finding.suppressed.owner ? { owner: finding.suppressed.owner } : {}),
                ...(finding.suppressed.ticket ? { ticket: finding.suppressed.ticket } : {}),
                ...(finding.suppressed.peerId ? { peerId: finding.suppressed.peerId } : {}),
              },
            },
          ],
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
    ...fixesOf(finding),
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
        ...(taxonomies.used() ? { taxonomies: taxonomies.components() } : {}),
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

/** The frameworks whose controls the rules name, as SARIF taxonomies (3.19.3) holding the taxa used. */
const TAXONOMY = {
  [SECURITY_HUB]: {
    name: 'AWS Security Hub',
    organization: 'Amazon Web Services',
    version: SECURITY_HUB_SOURCE.catalogLastModified,
    informationUri: SECURITY_HUB_SOURCE.repository,
    shortDescription: {
      text: `AWS Security Hub controls, from AWS's OSCAL catalog at commit ${SECURITY_HUB_SOURCE.commit.slice(0, 12)} (${SECURITY_HUB_SOURCE.commitDate})`,
    },
  },
  [ISO_27001]: {
    name: 'ISO/IEC 27001:2022 Annex A',
    organization: 'ISO/IEC',
    version: '2022',
    informationUri: 'https://www.iso.org/standard/27001',
    shortDescription: { text: 'ISO/IEC 27001:2022 Annex A information security controls (ids and short titles)' },
  },
} as const;

class Taxonomies {
  private readonly order: ControlFramework[] = [];
  private readonly taxa = new Map<ControlFramework, ControlRef[]>();

  relationship(control: ControlRef) {
    if (!this.taxa.has(control.framework)) {
      this.order.push(control.framework);
      this.taxa.set(control.framework, []);
    }
    const list = this.taxa.get(control.framework)!;
    let index = list.findIndex((c) => c.id === control.id);
    if (index < 0) index = list.push(control) - 1;
    return {
      target: {
        id: control.id,
        index,
        toolComponent: { name: TAXONOMY[control.framework].name, index: this.order.indexOf(control.framework) },
      },
      kinds: ['relevant'],
    };
  }

  used(): boolean {
    return this.order.length > 0;
  }

  components() {
    return this.order.map((framework) => ({
      ...TAXONOMY[framework],
      taxa: this.taxa.get(framework)!.map((c) => ({
        id: c.id,
        name: c.id,
        shortDescription: { text: c.title },
        ...(framework === SECURITY_HUB
          ? {
              helpUri: securityHubControlUrl(c.id),
              properties: { severity: securityHubControl(c.id)?.severity },
            }
          : {}),
      })),
    }));
  }
}

/**
 * Template text in Markdown: every character Markdown could read as markup (emphasis, links,
 * code, HTML, entities, tables) is escaped with a backslash, which CommonMark allows before any
 * ASCII punctuation, so it reads as itself.
 */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&!()]/g, (c) => `\\${c}`);
}
