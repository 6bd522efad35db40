import type { MapValue, Resource, Value } from '../iac/model';
import type { Rule, RuleContext, RuleReport } from './rule';
import { isCloudFormation, items, key, read, stringOf } from './toolkit/values';
import type { Setting } from './toolkit/values';
import { compareVersions, versionNumbers } from './toolkit/versions';

/** The first Kubernetes version on which EKS envelope-encrypts all API data by default. */
const DEFAULT_ENVELOPE_ENCRYPTION = [1, 28];

export const rule: Rule = {
  id: 'eks-secrets-encryption',
  title: 'EKS cluster does not envelope-encrypt Kubernetes Secrets with your KMS key',
  concern: 'data-at-rest',
  severity: 'info',
  appliesTo: ['AWS::EKS::Cluster', 'aws_eks_cluster'],
  rationale:
    'On Kubernetes 1.28 and later EKS envelope-encrypts all Kubernetes API data, Secrets included, with an AWS owned key, so nothing is stored in plain text. Encrypting Secrets with a KMS key you control, rotate and audit is your choice; older Kubernetes versions get no envelope encryption unless you configure it.',
  remediation:
    'Add `EncryptionConfig: [{ Resources: [secrets], Provider: { KeyArn: <KMS key ARN> } }]` (CloudFormation) or `encryption_config { resources = ["secrets"] provider { key_arn = aws_kms_key.k.arn } }` (Terraform), with a symmetric KMS key in the cluster\'s Region. Encryption cannot be removed once enabled.',
  messages: {
    noCustomerKey: {
      headline: "EKS cluster '{resource}' encrypts Secrets with no KMS key of yours.",
      detail:
        'It does not encrypt Kubernetes Secrets with a KMS key of yours: {missing}. EKS already envelope-encrypts all Kubernetes API data with an AWS owned key on Kubernetes 1.28 and later; add a key of your own if you need to control, rotate and audit it.',
    },
    noEnvelopeEncryption: {
      headline: "EKS cluster '{resource}' (Kubernetes {version}) has no envelope encryption of Secrets.",
      detail:
        'EKS encrypts all Kubernetes API data by default only from Kubernetes 1.28. Add {property} with a KMS key of yours, or upgrade the cluster.',
    },
  },

  check(resource, context) {
    const name = key(resource, 'EncryptionConfig', 'encryption_config');
    const config = read(resource, context, [name]);
    const encrypts = encryptsSecrets(resource, config, context);
    if (encrypts !== false) return [];
    const range = config.state === 'known' ? config.property.keyRange : resource.typeRange;
    const version = literalVersion(resource, context);
    const old = version && compareVersions(versionNumbers(version) ?? [], DEFAULT_ENVELOPE_ENCRYPTION) < 0;
    if (old) return [olderVersionReport(resource, version, range)];
    const missing = config.state === 'known' ? `its ${name} does not cover secrets` : `it has no ${name}`;
    return [
      {
        messageId: 'noCustomerKey',
        data: { resource: resource.id, missing },
        range,
      },
    ];
  },
};

/** True, false, or undefined when an entry is decided at deploy time. */
function encryptsSecrets(resource: Resource, config: Setting, context: RuleContext): boolean | undefined {
  if (config.state === 'absent') return false;
  if (config.state === 'unknown') return undefined;
  // Terraform repeats the block; CloudFormation writes a list.
  const entries = isCloudFormation(resource) ? items(config.value) : repeatedBlocks(resource, context);
  let unknown = false;
  for (const entry of entries) {
    const value = context.resolve(entry);
    if (value?.kind !== 'map') {
      unknown = true;
      continue;
    }
    const resources = readResources(value, isCloudFormation(resource) ? 'Resources' : 'resources', context);
    if (resources === undefined) unknown = true;
    else if (resources.includes('secrets')) return true;
  }
  return unknown ? undefined : false;
}

function repeatedBlocks(resource: Resource, context: RuleContext): Value[] {
  return resource.properties.properties
    .filter((p) => p.key === 'encryption_config')
    .map((p) => context.resolve(p.value) ?? p.value);
}

function readResources(entry: MapValue, name: string, context: RuleContext): string[] | undefined {
  const property = entry.properties.find((p) => p.key === name);
  if (!property) return [];
  const value = context.resolve(property.value);
  if (!value || (value.kind !== 'list' && value.kind !== 'literal')) return undefined;
  const names: string[] = [];
  for (const item of items(value)) {
    const text = stringOf(context.resolve(item)).value;
    if (text === undefined) return undefined;
    names.push(text);
  }
  return names;
}

function literalVersion(resource: Resource, context: RuleContext): string | undefined {
  const version = stringOf(read(resource, context, [key(resource, 'Version', 'version')]));
  return version.value;
}

function olderVersionReport(resource: Resource, version: string, range: RuleReport['range']): RuleReport {
  return {
    messageId: 'noEnvelopeEncryption',
    data: { resource: resource.id, version, property: key(resource, 'EncryptionConfig', 'encryption_config') },
    range,
    severity: 'warning',
  };
}
