import type { Range, Resource } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { member, rangeOf, readDocument, type DocNode } from './toolkit/documents';
import { booleanOf, isCloudFormation, isSet, key, property } from './toolkit/values';

const CLUSTER_TYPES = ['AWS::EMR::Cluster', 'aws_emr_cluster'];

/** What a security configuration leaves unencrypted, each with the sentence that explains it. */
interface Gap {
  what: string;
  why: string;
  range?: Range;
}

export const rule: Rule = {
  id: 'emr-security-configuration',
  title: 'EMR cluster data is not encrypted at rest and in transit',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: [
    'AWS::EMR::Cluster',
    'AWS::EMR::SecurityConfiguration',
    'aws_emr_cluster',
    'aws_emr_security_configuration',
  ],
  rationale:
    "AWS runs the EMR service and provisions the cluster, but encrypting your data on it is your choice: EMR itself encrypts the nodes' local disks and sets up TLS between them only when a security configuration asks for it (account-wide EBS encryption by default, if turned on, still covers EBS volumes).",
  remediation:
    "Create a security configuration (`AWS::EMR::SecurityConfiguration`, `aws_emr_security_configuration`) with `EnableAtRestEncryption: true` (including `LocalDiskEncryptionConfiguration` with a KMS key, and `EnableEbsEncryption`) and `EnableInTransitEncryption: true` (with a TLS certificate provider), and reference it from the cluster's `SecurityConfiguration` / `security_configuration`.",
  messages: {
    noSecurityConfiguration: {
      headline: "EMR cluster '{resource}' has no security configuration.",
      detail:
        "So EMR itself encrypts neither its nodes' local disks nor the traffic between them. Protecting your data on the cluster is yours; create {configuration} with at-rest and in-transit encryption and reference it in {property}.",
    },
    encryptionOff: {
      headline: "EMR security configuration '{resource}' leaves {list} off.",
      detail:
        '{why}. AWS runs EMR, but encrypting your data on the cluster is yours; turn {pronoun} on in this security configuration.',
    },
  },

  check(resource, context) {
    return CLUSTER_TYPES.includes(resource.type)
      ? checkCluster(resource, context)
      : checkSecurityConfiguration(resource, context);
  },
};

/**
 * A cluster without a security configuration. A referenced configuration is judged on its own
 * resource when it is in the same template or module; one created elsewhere cannot be known.
 */
function checkCluster(resource: Resource, context: RuleContext): RuleReport[] {
  if (isSet(resource, context, key(resource, 'SecurityConfiguration', 'security_configuration'))) return [];
  const configuration = isCloudFormation(resource)
    ? 'an AWS::EMR::SecurityConfiguration'
    : 'an aws_emr_security_configuration';
  return [
    {
      messageId: 'noSecurityConfiguration',
      data: {
        resource: resource.id,
        configuration,
        property: key(resource, 'SecurityConfiguration', 'security_configuration'),
      },
      range: resource.typeRange,
    },
  ];
}

function checkSecurityConfiguration(resource: Resource, context: RuleContext): RuleReport[] {
  const setting = property(resource, key(resource, 'SecurityConfiguration', 'configuration'));
  if (!setting) return [];
  const document = readDocument(setting.value, context);
  if (!document || document.state === 'unknown') return [];
  const gaps = encryptionGaps(document);
  if (gaps === 'unknown' || gaps.length === 0) return [];
  const list = gaps.map((g) => g.what).join(' and ');
  return [
    {
      messageId: 'encryptionOff',
      data: {
        resource: resource.id,
        list,
        why: gaps.map((g) => g.why).join('; '),
        pronoun: gaps.length > 1 ? 'them' : 'it',
      },
      range: gaps.find((g) => g.range)?.range ?? setting.keyRange,
    },
  ];
}

function encryptionGaps(document: DocNode): Gap[] | 'unknown' {
  const encryption = member(document, 'EncryptionConfiguration');
  if (encryption.state === 'unknown') return 'unknown';
  const atRestOff: Gap = {
    what: 'at-rest encryption',
    why: "the nodes' local disks (HDFS, spill files, EBS volumes) are not encrypted by EMR",
  };
  const inTransitOff: Gap = {
    what: 'in-transit encryption',
    why: "EMR sets up no TLS for the applications' traffic between nodes",
  };
  if (encryption.state === 'absent') return [atRestOff, inTransitOff];

  const gaps: Gap[] = [];
  const atRestNode = member(encryption, 'EnableAtRestEncryption');
  const atRest = booleanOf(atRestNode);
  if (atRest.value === false || atRest.state === 'absent') gaps.push({ ...atRestOff, range: rangeOf(atRestNode) });
  if (atRest.value === true) {
    const options = member(encryption, 'AtRestEncryptionConfiguration');
    const localDisk = member(options, 'LocalDiskEncryptionConfiguration');
    if (localDisk.state === 'absent') {
      gaps.push({
        what: 'local-disk encryption',
        why: "at-rest encryption covers EMRFS data in S3 only, not the nodes' local disks",
        range: rangeOf(atRestNode),
      });
    }
  }
  const inTransitNode = member(encryption, 'EnableInTransitEncryption');
  const inTransit = booleanOf(inTransitNode);
  if (inTransit.value === false || inTransit.state === 'absent')
    gaps.push({ ...inTransitOff, range: rangeOf(inTransitNode) });
  return gaps;
}
