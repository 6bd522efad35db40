import { setProperty } from '../fixes/edits';
import type { Rule } from './rule';
import { booleanOf, property } from './toolkit/values';

export const rule: Rule = {
  id: 'ebs-default-encryption',
  title: 'EBS encryption by default is turned off',
  concern: 'data-at-rest',
  severity: 'info',
  appliesTo: ['aws_ebs_encryption_by_default'],
  rationale:
    'EBS encryption by default is an account setting, per Region, that AWS leaves off until you turn it on. While it is off, a new volume is unencrypted unless whoever creates it asks for encryption or restores it from an encrypted snapshot.',
  remediation:
    'Set `enabled = true` on `aws_ebs_encryption_by_default` (or remove the attribute: it defaults to true), in every Region the account uses.',
  messages: {
    defaultEncryptionOff: {
      headline: "'{resource}' turns EBS encryption by default off.",
      detail:
        'It turns it off for this account and Region, so new volumes are unencrypted unless each one asks for encryption. AWS leaves this setting to you: set enabled to true.',
    },
  },

  check(resource, context) {
    const setting = property(resource, 'enabled');
    if (!setting || booleanOf(context.resolve(setting.value)).value !== false) return [];
    return [
      {
        messageId: 'defaultEncryptionOff',
        data: { resource: resource.id },
        range: setting.value.range,
        // A value that comes from a variable or local is changed where it is defined.
        fixable: setting.value.kind === 'literal',
      },
    ];
  },

  fix(_report, resource, context) {
    return { title: 'Set enabled to true', edits: setProperty(resource, context, ['enabled'], true) };
  },
};
