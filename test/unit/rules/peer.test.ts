/**
 * Agreement with a peer tool's own test fixtures (../shared/peer-fixtures: each check's fixture
 * files with the resources that peer expects to pass and fail). For every mapped check we run the
 * matching rules, compare resource by resource, print the agreement, and pin every disagreement
 * below with a verdict: who is right, and why.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import type { IacUnit, Value } from '../../../src/iac/model';
import { RULES } from '../../../src/rules';
import { needsShared, PEER_FIXTURES } from '../../corpus';

const PEER = PEER_FIXTURES;

interface ManifestEntry {
  check: string;
  title: string;
  iac: 'cfn' | 'terraform';
  files: string[];
  passed: string[];
  failed: string[];
}

/** Peer check → our rules that cover the same concern. */
export const CHECK_TO_RULES: Record<string, string[]> = {
  CKV_AWS_16: ['rds-storage-encryption'],
  CKV_AWS_24: ['ec2-security-group-admin-ports-open', 'ec2-security-group-all-traffic-open'],
  CKV_AWS_25: ['ec2-security-group-admin-ports-open', 'ec2-security-group-all-traffic-open'],
  CKV_AWS_277: ['ec2-security-group-all-traffic-open'],
  CKV2_AWS_11: ['vpc-flow-logs'],
  CKV_AWS_3: ['ebs-volume-encryption'],
  CKV_AWS_8: ['ec2-block-device-encryption'],
  CKV_AWS_46: ['ec2-user-data-secrets'],
  CKV_AWS_79: ['ec2-imdsv2-required'],
  CKV_AWS_88: ['ec2-public-ip'],
  CKV_AWS_31: ['elasticache-transit-encryption', 'elasticache-auth-token'],
  CKV_AWS_58: ['eks-secrets-encryption'],
  CKV_AWS_39: ['eks-public-endpoint'],
  CKV_AWS_62: ['iam-policy-admin-access'],
  CKV_AWS_60: ['iam-role-trust-anyone'],
  CKV2_AWS_22: ['iam-user-console-without-mfa'],
  CKV_AWS_28: ['dynamodb-point-in-time-recovery'],
  CKV_AWS_27: ['sqs-queue-encryption'],
  CKV_AWS_365: ['ses-tls-required'],
  CKV_AWS_45: ['lambda-environment-secrets'],
  CKV_AWS_2: ['elb-listener-https'],
  CKV_AWS_103: ['elb-listener-https'],
  CKV_AWS_7: ['kms-key-rotation'],
  CKV_AWS_119: ['dynamodb-customer-managed-key'],
  CKV_AWS_17: ['rds-publicly-accessible'],
  CKV_AWS_157: ['rds-multi-az'],
  CKV_AWS_133: ['rds-backup-retention'],
  CKV2_AWS_55: ['emr-security-configuration'],
  CKV_AWS_351: ['emr-security-configuration'],
  CKV_AWS_350: ['emr-security-configuration'],
  CKV_AWS_340: ['elasticbeanstalk-managed-updates'],
  CKV_AWS_168: ['sqs-sns-policy-public'],
  CKV_AWS_21: ['s3-bucket-versioning'],
  CKV_AWS_18: ['s3-bucket-access-logging'],
  CKV_AWS_70: ['s3-bucket-policy-public'],
  CKV_AWS_167: ['glacier-vault-policy-public'],
  CKV2_AWS_6: ['s3-public-access-block-disabled'],
  CKV_AWS_53: ['s3-public-access-block-disabled'],
  CKV_AWS_145: ['s3-bucket-sse-kms'],
  CKV_AWS_379: ['s3-public-acl'],
};

/**
 * Disagreements we stand by, as `<check> <iac> <resource>` → verdict. Anything not listed here
 * fails the test, so every new disagreement gets looked at.
 */
export const VERDICTS: Record<string, string> = {
  // `storage_encrypted = False` is not a Terraform boolean (HCL's are lower-case): it is a bare
  // name Terraform itself rejects. We treat it as unknown rather than guess.
  'CKV_AWS_16 terraform main.tf aws_db_instance.disabled': 'ours: invalid HCL is unknown, not false',
  // EC2 reads TCP from_port 0 / to_port 0 as port 0 only, not every port.
  'CKV_AWS_24 terraform main.tf aws_security_group.fail2': 'ours: TCP 0-0 is port 0 only',
  // No CIDR source at all: nothing is open to the internet.
  'CKV_AWS_24 terraform main.tf aws_security_group.not_self': 'ours: no CIDR source',
  'CKV_AWS_24 terraform main.tf aws_vpc_security_group_ingress_rule.fail2': 'ours: no cidr_ipv4/cidr_ipv6',
  // `self = true` adds a source; it does not cancel the 0.0.0.0/0 beside it, so all traffic stays open.
  'CKV_AWS_24 terraform main.tf aws_security_group.pass_self2': 'ours: self does not narrow 0.0.0.0/0',
  // TCP with port -1 is rejected by EC2 ("port (-1) out of range"): such a rule never opens anything.
  'CKV_AWS_277 terraform main.tf aws_security_group.fail': 'ours: EC2 rejects TCP port -1',
  'CKV_AWS_277 terraform main.tf aws_security_group_rule.fail': 'ours: EC2 rejects TCP port -1',
  'CKV_AWS_277 terraform main.tf aws_vpc_security_group_ingress_rule.fail': 'ours: EC2 rejects TCP port -1',
  // `encrypted = False` again: not an HCL boolean, so unknown.
  'CKV_AWS_3 terraform aws_ebs_volume.tf aws_ebs_volume.disabled': 'ours: invalid HCL is unknown, not false',
  'CKV_AWS_8 terraform main.tf aws_instance.fail': 'ours: invalid HCL is unknown, not false',
  // The root volume is not defined (no root_block_device, or no mapping for a root device name):
  // it is created from the AMI's snapshot, unencrypted unless the snapshot is encrypted or the
  // account encrypts EBS by default, exactly like an empty `root_block_device {}`. We flag both
  // alike, as the peer does in Terraform (fail5, fail_empty_root_list); its CloudFormation check
  // only looks at the devices that are mapped, here /dev/sdk and /dev/sdc or /dev/sdf.
  'CKV_AWS_8 cfn LaunchConfigurationEBSEncryption-PASSED-ephermal.yml AutoScalingConfig':
    'ours: no root device mapped, so the root volume follows the unencrypted-unless-told AMI snapshot',
  'CKV_AWS_8 cfn LaunchConfigurationEBSEncryption-PASSED.yml AutoScalingConfig':
    'ours: no root device mapped, so the root volume follows the unencrypted-unless-told AMI snapshot',
  // The peer passes an AUTH token written into the template; a literal token is a leaked credential.
  'CKV_AWS_31 cfn ElasticacheReplicationGroupEncryptionAtTransitAuthToken-PASSED.yaml ReplicationGroupPass':
    'ours: a literal AuthToken is a hard-coded credential',
  // `endpoint_public_access = True` is not an HCL boolean; written as `true`, we report it.
  'CKV_AWS_39 terraform main.tf aws_eks_cluster.enabled': 'ours: invalid HCL is unknown, not true',
  // The statement has no Effect, which IAM requires: the policy cannot be created. We do not read
  // an unreadable effect as Allow.
  'CKV_AWS_62 terraform iam.tf aws_iam_policy.fail4': 'ours: a statement without Effect is not valid IAM',
  // New SQS queues use SSE-SQS by default since October 2022: a queue with no encryption settings
  // (or an empty key) is encrypted. The peer's fixtures predate that default.
  'CKV_AWS_27 cfn test_SQSQueueEncryption-FAILED.yml MySourceQueue': 'ours: SSE-SQS is the default',
  'CKV_AWS_27 cfn test_SQSQueueEncryption-FAILED2.yml MySourceQueue': 'ours: SSE-SQS is the default',
  'CKV_AWS_27 terraform main.tf aws_sqs_queue.fail': 'ours: SSE-SQS is the default',
  'CKV_AWS_27 terraform main.tf aws_sqs_queue.fail2': 'ours: SSE-SQS is the default',
  // `load_balancer_type = "not gateway"` is not a valid type, so the listener's protocol is unknown.
  'CKV_AWS_103 terraform main.tf aws_lb_listener.not_gateway_listener': 'ours: invalid load balancer type is unknown',
  // HTTPS listeners without SslPolicy get ELBSecurityPolicy-2016-08 (TLS 1.0/1.1): our one listener
  // rule reports that; the peer splits it into a second check (CKV_AWS_103) and fails it there.
  'CKV_AWS_2 cfn ALBListenerHTTPS-PASSED-HTTPS.yaml ListenerHTTPS': 'ours: the default TLS policy allows TLS 1.0',
  'CKV_AWS_2 cfn ALBListenerHTTPS-PASSED-TLS.yaml ListenerHTTPS': 'ours: the default TLS policy allows TLS 1.0',
  'CKV_AWS_2 cfn ALBListenerHTTPS-PASSED-redirect.yaml ListenerHTTPS': 'ours: the default TLS policy allows TLS 1.0',
  // A retention of 36 days is out of range: the RDS API rejects it at deploy time. That is a
  // validation error (cfn-lint, terraform validate), not a backup gap.
  'CKV_AWS_133 terraform main.tf aws_db_instance.fail': 'ours: invalid value, rejected by the API',
  'CKV_AWS_133 terraform main.tf aws_rds_cluster.fail': 'ours: invalid value, rejected by the API',
  // No retention set: the provider creates aws_db_instance with 0 days (backups off); a cluster
  // gets the API default of 1 day, below the 7 days we ask for (as Security Hub RDS.11 does).
  'CKV_AWS_133 terraform main.tf aws_db_instance.pass2': 'ours: the provider default is 0 days, backups off',
  'CKV_AWS_133 terraform main.tf aws_rds_cluster.pass2': 'stricter threshold: 1 day is below our 7-day minimum',
  // Our EMR rule covers at-rest and in-transit together; this configuration leaves transit off.
  'CKV_AWS_350 terraform main.tf aws_emr_security_configuration.pass': 'ours: in-transit encryption is off',
  // A wildcard account inside a principal ARN is not a valid principal (only "*" is): the statement
  // grants no one, so the queue is not open. We believe the policy is rejected or ineffective.
  'CKV_AWS_168 terraform main.tf aws_sqs_queue.aq3':
    'ours (doubtful): partial wildcards in principal ARNs are not valid',
  'CKV_AWS_168 terraform main.tf aws_sqs_queue_policy.q3':
    'ours (doubtful): partial wildcards in principal ARNs are not valid',
  'CKV_AWS_167 terraform main.tf aws_glacier_vault.my_archive3':
    'ours (doubtful): partial wildcards in principal ARNs are not valid',
  // No public access block written: S3 blocks public access on new buckets by default since April 2023.
  'CKV_AWS_53 cfn ExampleS3.yaml S3BucketNoProps': 'ours: Block Public Access is on by default',
  'CKV_AWS_53 cfn ExampleS3.yaml S3BucketPublicRead': 'ours: Block Public Access is on by default',
  'CKV_AWS_53 cfn ExampleS3.yaml S3Bucket': 'ours: Block Public Access is on by default',
  'CKV_AWS_53 cfn ExampleS3.yaml S3Bucket2': 'ours: Block Public Access is on by default',
  'CKV_AWS_53 cfn ExampleS3.yaml S3Bucket3': 'ours: Block Public Access is on by default',
  'CKV2_AWS_6 terraform main.tf aws_s3_bucket.bucket_bad_4': 'ours: Block Public Access is on by default',
  // The peer looks at BlockPublicAcls only; RestrictPublicBuckets: false is a real opening too.
  'CKV_AWS_53 cfn ExampleS3.yaml S3Bucket4': 'ours: another of the four settings is off',
  // Settings left out of an aws_s3_bucket_public_access_block are written as false by the provider.
  'CKV2_AWS_6 terraform main.tf aws_s3_bucket.bucket_good_1': 'ours: omitted settings are false',
  // Invalid algorithms, a missing required sse_algorithm, or dynamic blocks over a variable that is
  // declared nowhere (so unknown, and left unexpanded): deploy errors or unknown, not a question of
  // who holds the key (and S3 encrypts every object regardless).
  'CKV_AWS_145 terraform main.tf aws_s3_bucket.bucket_bad_2': 'ours: invalid or unknown configuration',
  'CKV_AWS_145 terraform main.tf aws_s3_bucket.bucket_bad_3': 'ours: invalid or unknown configuration',
  'CKV_AWS_145 terraform main.tf aws_s3_bucket.bucket_bad_4': 'ours: invalid or unknown configuration',
  'CKV_AWS_145 terraform main.tf aws_s3_bucket.bucket_bad_5': 'ours: invalid or unknown configuration',
  'CKV_AWS_145 terraform main.tf aws_s3_bucket.bucket_bad_6': 'ours: invalid or unknown configuration',
  // A negated condition (ArnNotEquals) with Principal "*" lets in everyone except one principal.
  'CKV_AWS_70 terraform main.tf aws_s3_bucket.pass_w_condition': 'ours: a negated condition does not narrow who',
  'CKV_AWS_70 terraform main.tf aws_s3_bucket_policy.pass_w_condition': 'ours: a negated condition does not narrow who',
  // A TLS-only policy or restrict_public_buckets does not make a public-read ACL private.
  'CKV_AWS_379 terraform main.tf aws_s3_bucket_acl.pass_policy1': 'ours: the ACL is still public',
  'CKV_AWS_379 terraform main.tf aws_s3_bucket_acl.pass_policy2': 'ours: the ACL is still public',
  'CKV_AWS_379 terraform main.tf aws_s3_bucket_acl.pass_policy3': 'ours: the ACL is still public',
  'CKV_AWS_379 terraform main.tf aws_s3_bucket_acl.pass_restricted': 'ours: the ACL is still public',
  'CKV_AWS_379 terraform main.tf aws_s3_bucket_acl.pass_website': 'ours: the ACL is still public',
};

function sources(entry: ManifestEntry): SourceFile[] {
  return entry.files.map((file) => ({
    path: path.join(PEER, file),
    text: readFileSync(path.join(PEER, file), 'utf8'),
  }));
}

/** Resource ids a finding counts against: the resource itself and, for companions, what it references. */
function subjects(resourceId: string, units: IacUnit[]): string[] {
  const resource = units.flatMap((u) => u.resources).find((r) => r.id === resourceId);
  if (!resource) return [resourceId];
  const targets = new Set<string>([resourceId]);
  const walk = (value: Value) => {
    if (value.kind === 'reference') targets.add(value.target);
    else if (value.kind === 'map') value.properties.forEach((p) => walk(p.value));
    else if (value.kind === 'list') value.items.forEach(walk);
  };
  walk(resource.properties);
  return [...targets];
}

describe('agreement with the peer fixtures', function () {
  this.timeout(60_000);
  const manifestFile = path.join(PEER, 'manifest.json');

  before(function () {
    needsShared(this, 'peer-fixtures');
  });

  it('agrees on every mapped check except the disagreements with a verdict', async () => {
    const manifest: ManifestEntry[] = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const known = new Set(RULES.map((r) => r.id));
    const rows: string[] = [];
    const unexplained: string[] = [];
    const totals = { agree: 0, total: 0 };
    const perCheck = new Map<string, { agree: number; total: number }>();
    for (const entry of manifest) {
      const ruleIds = (CHECK_TO_RULES[entry.check] ?? []).filter((id) => known.has(id));
      if (ruleIds.length === 0) continue;
      const rules = RULES.filter((r) => ruleIds.includes(r.id));
      const { units, findings } = await new Analyzer({ rules }).analyze(sources(entry));
      const flagged = new Set(
        findings.filter((f) => ruleIds.includes(f.ruleId)).flatMap((f) => subjects(f.resource, units)),
      );
      const tally = perCheck.get(entry.check) ?? { agree: 0, total: 0 };
      for (const [expected, ids] of [
        ['failed', entry.failed],
        ['passed', entry.passed],
      ] as const) {
        for (const id of ids) {
          const weFlag = flagged.has(id);
          const agree = (expected === 'failed') === weFlag;
          tally.total++;
          if (agree) tally.agree++;
          else {
            const key = `${entry.check} ${entry.iac} ${entry.files[0].split('/').slice(-1)[0]} ${id}`;
            if (!VERDICTS[key]) unexplained.push(`${key} (peer: ${expected}, we: ${weFlag ? 'flag' : 'pass'})`);
          }
        }
      }
      perCheck.set(entry.check, tally);
    }
    for (const [check, t] of [...perCheck].sort()) {
      rows.push(`${check.padEnd(12)} ${CHECK_TO_RULES[check].join(', ').padEnd(48)} ${t.agree}/${t.total}`);
      totals.agree += t.agree;
      totals.total += t.total;
    }
    console.log(
      `      peer agreement: ${totals.agree}/${totals.total} resources over ${perCheck.size} checks\n${rows.map((r) => `        ${r}`).join('\n')}`,
    );
    assert.deepEqual(unexplained, [], 'new disagreements: decide who is right and add a verdict');
  });
});
