import type { Rule } from './rule';
import { SEARCH_DOMAIN_TYPES, checkEncryptionSwitch, encryptionSwitch } from './support/search-domain';
import { fixRequiredSetting } from './toolkit/required-setting';

export const rule: Rule = {
  id: 'opensearch-encryption-at-rest',
  title: 'OpenSearch domain does not encrypt data at rest',
  concern: 'data-at-rest',
  severity: 'warning',
  appliesTo: SEARCH_DOMAIN_TYPES,
  rationale:
    'OpenSearch Service runs the domain nodes and their storage, but encrypting indices, logs, swap files and automated snapshots at rest is a setting you choose, and it is off unless you enable it.',
  remediation:
    'Set `EncryptionAtRestOptions.Enabled: true` (CloudFormation) or `encrypt_at_rest { enabled = true }` (Terraform), optionally with a customer managed KMS key (`KmsKeyId` / `kms_key_id`). It needs OpenSearch or Elasticsearch 5.1 or later on a current generation instance type.',
  messages: {
    off: {
      headline: '{domain} turns encryption at rest off.',
      detail: 'OpenSearch Service encrypts indices, logs and automated snapshots only when you turn it on.{blocker}',
    },
    notSet: {
      headline: '{domain} does not encrypt its data at rest.',
      detail:
        '{property} is not set and defaults to false. OpenSearch Service encrypts indices, logs and automated snapshots only when you turn it on.{blocker}',
    },
  },

  check(resource, context) {
    return checkEncryptionSwitch(resource, context, 'atRest');
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, encryptionSwitch('atRest'));
  },
};
