import type { Rule } from './rule';
import { SEARCH_DOMAIN_TYPES, checkEncryptionSwitch, encryptionSwitch } from './support/search-domain';
import { fixRequiredSetting } from './toolkit/required-setting';

export const rule: Rule = {
  id: 'opensearch-node-to-node-encryption',
  title: 'OpenSearch domain nodes talk to each other unencrypted',
  concern: 'data-in-transit',
  severity: 'warning',
  appliesTo: SEARCH_DOMAIN_TYPES,
  rationale:
    'OpenSearch Service runs the network inside the domain, but TLS between its nodes is a setting you choose, and it is off unless you enable it: without it, documents and queries travel between nodes in plain text.',
  remediation:
    'Set `NodeToNodeEncryptionOptions.Enabled: true` (CloudFormation) or `node_to_node_encryption { enabled = true }` (Terraform). It needs OpenSearch or Elasticsearch 6.0 or later on a current generation instance type, and fine-grained access control requires it.',
  messages: {
    off: {
      headline: '{domain} turns node-to-node encryption off.',
      detail:
        'Data moves between its nodes in plain text. OpenSearch Service encrypts traffic between the nodes of a domain only when you turn it on.{blocker}',
    },
    notSet: {
      headline: '{domain} does not encrypt traffic between its nodes.',
      detail:
        '{property} is not set and defaults to false. OpenSearch Service encrypts traffic between the nodes of a domain only when you turn it on.{blocker}',
    },
  },

  check(resource, context) {
    return checkEncryptionSwitch(resource, context, 'nodeToNode');
  },

  fix(_report, resource, context) {
    return fixRequiredSetting(resource, context, encryptionSwitch('nodeToNode'));
  },
};
