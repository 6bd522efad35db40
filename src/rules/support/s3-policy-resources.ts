/**
 * Which S3 resources a bucket policy statement can touch, told by the shape of its `Resource`
 * entries. Object actions (`s3:GetObject`, `s3:PutObjectAcl`, …) apply to object ARNs
 * (`arn:aws:s3:::site/*`); on the bucket's own ARN (`arn:aws:s3:::site`, `!GetAtt Site.Arn`,
 * `aws_s3_bucket.site.arn`) they match nothing, and S3 refuses such a statement when the policy is
 * put ("Action does not apply to any resource(s) in statement"). So a statement that names only
 * object actions and only bucket ARNs grants nothing, to anyone.
 */
import type { Value } from '../../iac/model';
import type { PolicyStatement } from '../toolkit/policy';
import type { RuleContext } from '../rule';

/** `s3:GetObject`, `s3:PutObjectAcl`, `s3:DeleteObjectVersion`: no wildcard, not a bucket action (`s3:GetBucketObjectLockConfiguration`). */
const OBJECT_ACTION = /^s3:[a-z]*object[a-z]*$/i;

/** A literal bucket ARN: no key part after the name. */
const BUCKET_ARN = /^arn:[a-z-]+:s3:::[^/*?]+$/;

/** True when the statement names only object actions, and only bucket ARNs as its resources. */
export function grantsNoObjectAccess(statement: PolicyStatement, context: RuleContext): boolean {
  if (statement.actions.state !== 'known' || statement.actions.value.length === 0) return false;
  if (statement.notActions.state !== 'known' || statement.notActions.value.length > 0) return false;
  if (!statement.actions.value.every((a) => OBJECT_ACTION.test(a) && !/bucket/i.test(a))) return false;
  return (
    statement.resourceValues.length > 0 && statement.resourceValues.every((value) => namesBucketOnly(value, context))
  );
}

function namesBucketOnly(value: Value, context: RuleContext): boolean {
  switch (value.kind) {
    case 'literal':
      return typeof value.value === 'string' && BUCKET_ARN.test(value.value);
    case 'reference':
      return value.attribute?.toLowerCase() === 'arn' && isBucket(value.target, context);
    case 'unresolvable': {
      // `!Sub "arn:${AWS::Partition}:s3:::${Site}"`, `!Sub "${Site.Arn}"`; Terraform `"${aws_s3_bucket.site.arn}"`.
      const text = subText(value) ?? (value.construct === 'template' ? value.text.replace(/^"|"$/g, '') : undefined);
      if (text === undefined || text.includes('/') || text.includes('*') || text.includes('?')) return false;
      if (text.startsWith('arn:')) return /^arn:(?:\$\{[^}]*\}|[^:$])*:s3:::/.test(text);
      const whole = /^\$\{([A-Za-z0-9_.-]+)\.(Arn|arn)\}$/.exec(text);
      return whole !== null && isBucket(whole[1], context);
    }
    default:
      return false;
  }
}

function subText(value: Value & { kind: 'unresolvable' }): string | undefined {
  if (value.construct !== 'Fn::Sub' || !value.args) return undefined;
  const template = value.args.kind === 'list' ? value.args.items.at(0) : value.args;
  return template?.kind === 'literal' && typeof template.value === 'string' ? template.value : undefined;
}

/** A CloudFormation logical id or Terraform address of an S3 bucket in the same template or module. */
function isBucket(target: string, context: RuleContext): boolean {
  if (target.startsWith('aws_s3_bucket.')) return target.split('.').length === 2;
  return context.unit.resources.some((r) => r.id === target && r.type === 'AWS::S3::Bucket');
}
