import type { Rule } from './rule';
import { findSetting, isUnknownSetting, readOptionSettings, settingText } from './support/beanstalk';
import { replaceLiteral } from './toolkit/parameterised-fixes';
import { key, property } from './toolkit/values';

const NAMESPACE = 'aws:elasticbeanstalk:managedactions';
const PLATFORM_UPDATE = 'aws:elasticbeanstalk:managedactions:platformupdate';
const ENABLED = 'ManagedActionsEnabled';

export const rule: Rule = {
  id: 'elasticbeanstalk-managed-updates',
  title: 'Elastic Beanstalk managed platform updates are off',
  concern: 'operating-system',
  severity: 'warning',
  appliesTo: ['AWS::ElasticBeanstalk::Environment', 'aws_elastic_beanstalk_environment'],
  rationale:
    'On Elastic Beanstalk, AWS publishes patched platform versions (operating system, runtime, web server), but moving your environment onto them is yours: with managed platform updates Elastic Beanstalk applies patch or minor updates in a weekly maintenance window; without them, the instances keep running the old platform until someone updates it.',
  remediation:
    "In the environment's option settings set `aws:elasticbeanstalk:managedactions` `ManagedActionsEnabled` to `true` with a `PreferredStartTime` (for example `Sun:02:00`, UTC), and `aws:elasticbeanstalk:managedactions:platformupdate` `UpdateLevel` to `patch` or `minor`. Managed updates need enhanced health reporting (`aws:elasticbeanstalk:healthreporting:system` `SystemType: enhanced`).",
  messages: {
    updatesOff: {
      headline: "Elastic Beanstalk environment '{resource}' turns managed platform updates off.",
      detail:
        'It turns them off ({where}), so its instances keep an outdated platform until someone updates it. AWS publishes patched platform versions, but applying them is yours; set ManagedActionsEnabled to true.',
    },
    updatesNotConfigured: {
      headline: "Elastic Beanstalk environment '{resource}' has no managed platform updates.",
      detail:
        "It does not configure managed platform updates in its {settings}. AWS publishes patched platform versions, but whether and when your instances get them is yours to set: add ManagedActionsEnabled true with a PreferredStartTime and an UpdateLevel, unless your source bundle's .ebextensions already do.",
    },
  },

  check(resource, context) {
    const settings = readOptionSettings(resource, context);
    const enabled = findSetting(settings, NAMESPACE, ENABLED);
    if (isUnknownSetting(enabled)) return [];
    if (enabled) {
      if (settingText(enabled).value?.toLowerCase() !== 'false') return [];
      const window = findSetting(settings, NAMESPACE, 'PreferredStartTime');
      const level = findSetting(settings, PLATFORM_UPDATE, 'UpdateLevel');
      // A setting inherited from a configuration template is pointed at where the environment names the template.
      const own = enabled.owner === resource;
      const template = property(resource, key(resource, 'TemplateName', 'template_name'));
      const where = own
        ? `${ENABLED} is false`
        : `${ENABLED} is false in its configuration template '${enabled.owner.id}'`;
      return [
        {
          messageId: 'updatesOff',
          data: { resource: resource.id, where },
          range: (own ? enabled.value?.range : template?.value.range) ?? resource.typeRange,
          // Turning them on needs a maintenance window and an update level: only flip the switch when both are chosen.
          fixable: own && enabled.value?.kind === 'literal' && window !== undefined && level !== undefined,
        },
      ];
    }
    // Nothing written: only a note, because the option's documented default and the console's
    // behaviour differ, and the source bundle's .ebextensions may set it.
    const anyManagedAction = settings.settings.some((s) => s.namespace.toLowerCase().startsWith(NAMESPACE));
    if (!settings.complete || anyManagedAction) return [];
    return [
      {
        messageId: 'updatesNotConfigured',
        data: { resource: resource.id, settings: key(resource, 'OptionSettings', 'setting blocks') },
        range: resource.typeRange,
        severity: 'info',
        fixable: false,
      },
    ];
  },

  fix(_report, resource, context) {
    const enabled = findSetting(readOptionSettings(resource, context), NAMESPACE, ENABLED);
    if (enabled?.value?.kind !== 'literal') return undefined;
    return { title: `Set ${ENABLED} to true`, edits: replaceLiteral(resource.file, context, enabled.value, true) };
  },
};
