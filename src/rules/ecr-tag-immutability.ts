import type { TextEdit } from '../fixes/types';
import type { Resource } from '../iac/model';
import { setProperty } from '../fixes/edits';
import type { Rule, RuleContext } from './rule';
import { key, read, stringOf } from './toolkit/values';

const CFN_KEY = 'ImageTagMutability';
const TF_KEY = 'image_tag_mutability';

function fixEdits(resource: Resource, context: RuleContext): TextEdit[] {
  const name = key(resource, CFN_KEY, TF_KEY);
  const written = read(resource, context, [name]);
  // A value from a parameter or variable is someone's knob: changing it is a decision, not a quick fix.
  if (written.state === 'known' && written.property.value.kind !== 'literal') return [];
  return setProperty(resource, context, [name], 'IMMUTABLE');
}

export const rule: Rule = {
  id: 'ecr-tag-immutability',
  title: 'ECR repository lets image tags be overwritten',
  concern: 'configuration',
  severity: 'info',
  appliesTo: ['AWS::ECR::Repository', 'aws_ecr_repository'],
  rationale:
    'ECR stores whatever you push: with mutable tags (the default) a new push moves an existing tag such as `v1.2` or `latest` to another image, so what a deployment pulls by tag may not be the image that was reviewed and scanned. Deciding that tags are immutable is your configuration choice.',
  remediation:
    'Set `ImageTagMutability: IMMUTABLE` (CloudFormation) or `image_tag_mutability = "IMMUTABLE"` (Terraform), and push each build under a new tag (a version or commit id); `IMMUTABLE_WITH_EXCLUSION` with exclusion filters keeps chosen tags such as `latest` movable. Deploying by image digest pins the image whatever the tags do.',
  messages: {
    mutable: {
      headline: "ECR repository '{resource}' keeps its image tags mutable.",
      detail:
        'A later push can move a tag to another image, so what runs may not be what was reviewed. Choosing immutable tags is yours; set {property} to IMMUTABLE.',
    },
    mutableByDefault: {
      headline: "ECR repository '{resource}' keeps its image tags mutable (the default).",
      detail:
        '{property} is not set and defaults to MUTABLE: a later push can move a tag to another image, so what runs may not be what was reviewed. Choosing immutable tags is yours; set it to IMMUTABLE.',
    },
  },

  check(resource, context) {
    const name = key(resource, CFN_KEY, TF_KEY);
    const setting = read(resource, context, [name]);
    const value = stringOf(setting);
    // IMMUTABLE, and the *_WITH_EXCLUSION modes, which are a deliberate per-tag choice, are left alone.
    if (value.value !== 'MUTABLE' && value.state !== 'absent') return [];
    const fixable = fixEdits(resource, context).length > 0;
    if (setting.state === 'known') {
      return [
        {
          messageId: 'mutable',
          data: { resource: resource.id, property: name },
          range: setting.property.value.range,
          fixable,
        },
      ];
    }
    return [
      {
        messageId: 'mutableByDefault',
        data: { resource: resource.id, property: name },
        range: resource.typeRange,
        fixable,
      },
    ];
  },

  fix(_report, resource, context) {
    return { title: `Set ${key(resource, CFN_KEY, TF_KEY)} to IMMUTABLE`, edits: fixEdits(resource, context) };
  },
};
