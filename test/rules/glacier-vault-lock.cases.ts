import { rule } from '../../src/rules/glacier-vault-lock';
import type { RuleCases } from './tester';

const LOCK_POLICY =
  'jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "glacier:DeleteArchive", Resource = "*" }] })';

export const cases: RuleCases = {
  rule,
  valid: [
    {
      syntax: 'terraform',
      name: 'a lock in another file of the module',
      code: {
        'main.tf': 'resource "aws_glacier_vault" "v" {\n  name = "archive"\n}\n',
        'lock.tf': `resource "aws_glacier_vault_lock" "v" {\n  vault_name    = aws_glacier_vault.v.name\n  complete_lock = false\n  policy        = ${LOCK_POLICY}\n}\n`,
      },
    },
    {
      syntax: 'terraform',
      name: 'joined by the literal vault name',
      code: `resource "aws_glacier_vault" "v" {\n  name = "archive"\n}\n\nresource "aws_glacier_vault_lock" "v" {\n  vault_name    = "archive"\n  complete_lock = true\n  policy        = ${LOCK_POLICY}\n}\n`,
    },
    {
      syntax: 'terraform',
      name: 'a lock on a vault named by a variable without default may be this one',
      code: `variable "name" {}\n\nresource "aws_glacier_vault" "v" {\n  name = var.name\n}\n\nresource "aws_glacier_vault_lock" "l" {\n  vault_name    = "archive"\n  complete_lock = true\n  policy        = ${LOCK_POLICY}\n}\n`,
    },
  ],
  invalid: [
    {
      syntax: 'terraform',
      code: 'resource "aws_glacier_vault" "v" {\n  name = "archive"\n}\n',
      findings: [
        {
          line: 1,
          column: 10,
          messageId: 'noVaultLock',
          message: "Shared · Backup and DR: vault 'aws_glacier_vault.v' has no vault lock",
          detail:
            'It has no aws_glacier_vault_lock, so anyone the access policy allows can delete its archives. If they are backups or records you must retain, a Vault Lock policy (your decision, enforced by AWS once locked) makes them immutable.',
          severity: 'info',
        },
      ],
    },
    {
      syntax: 'terraform',
      name: 'a lock on another vault does not count',
      code: `resource "aws_glacier_vault" "v" {\n  name = "archive"\n}\n\nresource "aws_glacier_vault" "w" {\n  name = "other"\n}\n\nresource "aws_glacier_vault_lock" "w" {\n  vault_name    = aws_glacier_vault.w.name\n  complete_lock = true\n  policy        = ${LOCK_POLICY}\n}\n`,
      findings: [{ line: 1, column: 10 }],
    },
  ],
};
