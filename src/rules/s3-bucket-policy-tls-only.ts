import type { Resource } from '../iac/model';
import { freeLogicalId, insertAfterResource, insertResource, Raw, type FixValue } from '../fixes/edits';
import { deniesInsecureTransport, readPolicy } from './toolkit/policy';
import type { Rule, RuleContext, RuleReport } from './rule';
import { isCloudFormation, property } from './toolkit/values';
import { BUCKET_TYPES, bucketCompanions, companionName, handedOver, repeats } from './support/s3';

const POLICY_TYPES = ['AWS::S3::BucketPolicy', 'aws_s3_bucket_policy'];

export const rule: Rule = {
  id: 's3-bucket-policy-tls-only',
  title: 'S3 bucket accepts requests without TLS',
  concern: 'data-in-transit',
  severity: 'warning',
  appliesTo: [...BUCKET_TYPES, ...POLICY_TYPES],
  rationale:
    "AWS provides HTTPS endpoints for S3, but a bucket also answers plain-HTTP requests unless its bucket policy refuses them. Enforcing encryption in transit for your data is the customer's side of the model (Security Hub control S3.5).",
  remediation:
    'Add a bucket policy statement with `Effect: Deny`, `Principal: "*"`, `Action: "s3:*"`, the bucket and `bucket/*` as `Resource`, and `Condition: { Bool: { "aws:SecureTransport": "false" } }`: in `AWS::S3::BucketPolicy.PolicyDocument` (CloudFormation) or `aws_s3_bucket_policy.policy` (Terraform; `condition { test = "Bool", variable = "aws:SecureTransport", values = ["false"] }` in a `data "aws_iam_policy_document"`).',
  messages: {
    noPolicy: {
      headline: "bucket '{resource}' accepts plain HTTP: it has no bucket policy.",
      detail:
        'With no bucket policy, it accepts requests over plain HTTP. S3 offers HTTPS endpoints but still answers plain HTTP; requiring TLS for your data is your side of the model. Add a policy that denies requests where aws:SecureTransport is false.',
    },
    noTlsDeny: {
      headline: '{owner} does not deny plain HTTP (aws:SecureTransport false).',
      detail:
        'It does not deny requests where aws:SecureTransport is false, so the bucket accepts plain HTTP. S3 offers HTTPS endpoints but still answers plain HTTP; requiring TLS for your data is your side of the model. Add a Deny statement for insecure transport.',
    },
  },

  check(resource, context) {
    if (POLICY_TYPES.includes(resource.type) || resource.type === 'aws_s3_bucket') {
      const policyReport = checkPolicy(resource, context);
      if (policyReport !== 'absent') return policyReport;
      if (resource.type !== 'aws_s3_bucket') return [];
    }
    // A bucket: its companion policy, if any, is checked where it is written.
    const companions = bucketCompanions(
      resource,
      context,
      isCloudFormation(resource) ? 'AWS::S3::BucketPolicy' : 'aws_s3_bucket_policy',
    );
    if (companions.found.length > 0 || companions.uncertain || handedOver(resource, context)) return [];
    return [
      {
        messageId: 'noPolicy',
        data: { resource: resource.id },
        range: resource.typeRange,
        // A repeated bucket (count, for_each) would need a repeated policy: left to a person.
        fixable: !repeats(resource),
      },
    ];
  },

  fix(_report, resource, context) {
    if (isCloudFormation(resource)) {
      const logicalId = freeLogicalId(`${resource.id}Policy`, context);
      return {
        title: `Add ${logicalId}, a TLS-only bucket policy`,
        edits: insertResource(resource, context, logicalId, cloudFormationPolicy(resource)),
      };
    }
    const name = companionName(resource, 'aws_s3_bucket_policy', context);
    return {
      title: 'Add a TLS-only aws_s3_bucket_policy',
      edits: insertAfterResource(resource, context, terraformPolicy(resource.id, name)),
    };
  },
};

/** Reports for a written policy (a policy resource, or the legacy `policy` of `aws_s3_bucket`); 'absent' when there is none. */
function checkPolicy(resource: Resource, context: RuleContext): RuleReport[] | 'absent' {
  const setting = property(resource, resource.type === 'AWS::S3::BucketPolicy' ? 'PolicyDocument' : 'policy');
  if (!setting || context.resolve(setting.value) === undefined) return 'absent';
  const policy = readPolicy(setting.value, context);
  if (!policy || deniesInsecureTransport(policy).value !== false) return [];
  const owner = resource.type === 'aws_s3_bucket' ? `Bucket '${resource.id}'` : `Bucket policy '${resource.id}'`;
  return [
    {
      messageId: 'noTlsDeny',
      data: { owner },
      range: setting.keyRange,
      // Adding a statement to an existing policy is left to a person.
      fixable: false,
    },
  ];
}

function cloudFormationPolicy(bucket: Resource): FixValue {
  const id = bucket.id;
  const yaml = bucket.syntax === 'cloudformation-yaml';
  const ref: FixValue = yaml ? new Raw(`!Ref ${id}`) : { Ref: id };
  const arn: FixValue = yaml ? new Raw(`!GetAtt ${id}.Arn`) : { 'Fn::GetAtt': [id, 'Arn'] };
  const objects: FixValue = yaml ? new Raw(`!Sub '\${${id}.Arn}/*'`) : { 'Fn::Sub': `\${${id}.Arn}/*` };
  return {
    // A plain scalar in YAML, as templates write types.
    Type: yaml ? new Raw('AWS::S3::BucketPolicy') : 'AWS::S3::BucketPolicy',
    ...(bucket.condition ? { Condition: bucket.condition } : {}),
    Properties: {
      Bucket: ref,
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [arn, objects],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    },
  };
}

function terraformPolicy(bucketAddress: string, name: string): string {
  return [
    `resource "aws_s3_bucket_policy" "${name}" {`,
    `  bucket = ${bucketAddress}.id`,
    '  policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{',
    '      Sid       = "DenyInsecureTransport"',
    '      Effect    = "Deny"',
    '      Principal = "*"',
    '      Action    = "s3:*"',
    `      Resource  = [${bucketAddress}.arn, "\${${bucketAddress}.arn}/*"]`,
    '      Condition = { Bool = { "aws:SecureTransport" = "false" } }',
    '    }]',
    '  })',
    '}',
  ].join('\n');
}
