import type { Rule } from './rule';
import { companionsOf } from './support/s3';

export const rule: Rule = {
  id: 'glacier-vault-lock',
  title: 'Glacier vault has no Vault Lock policy',
  concern: 'backup-dr',
  severity: 'info',
  appliesTo: ['aws_glacier_vault'],
  rationale:
    "Glacier stores archives durably and always encrypts them, but anyone your access policy allows can delete them. Making archives immutable (write once, read many) for backups or records you must retain is a decision on the customer's side, enforced by AWS once a Vault Lock policy is locked.",
  remediation:
    'Add `aws_glacier_vault_lock` with `vault_name` set to the vault, a policy that denies `glacier:DeleteArchive` before a retention period, and `complete_lock = true` once tested: a completed lock cannot be changed or removed. CloudFormation has no Vault Lock resource; lock the vault with the API after deployment.',
  messages: {
    noVaultLock: {
      headline: "vault '{resource}' has no vault lock.",
      detail:
        'It has no aws_glacier_vault_lock, so anyone the access policy allows can delete its archives. If they are backups or records you must retain, a Vault Lock policy (your decision, enforced by AWS once locked) makes them immutable.',
    },
  },

  check(resource, context) {
    const locks = companionsOf(resource, context, 'aws_glacier_vault_lock', 'vault_name', 'name');
    if (locks.found.length > 0 || locks.uncertain) return [];
    return [
      {
        messageId: 'noVaultLock',
        data: { resource: resource.id },
        range: resource.typeRange,
      },
    ];
  },
};
