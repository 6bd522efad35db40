/**
 * Suppressions written for other tools (cfn-guard, Checkov, cfn_nag, Trivy, tfsec), honoured
 * through the dated table of their ids: every form on CloudFormation YAML, JSON and Terraform, with
 * its scope, its reason and its expiry; and what silences nothing (an id we do not map, a
 * wildcard, `peerSuppressions: false`).
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { DEFAULT_CONFIG, type SrlensConfig } from '../../../src/engine/config';
import {
  mappedPeerIds,
  normalisePeerId,
  PEER_TABLE_DATE,
  PEER_TOOLS,
  rulesForPeerId,
} from '../../../src/engine/peer-rule-ids';
import { describePeerNotes, peerCommentSuppressions } from '../../../src/engine/peer-suppressions';
import { isIsoDate } from '../../../src/engine/suppressions';
import { RULES } from '../../../src/rules';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS, needsShared } from '../../corpus';
import { rule as rdsMultiAz } from '../../../src/rules/rds-multi-az';
import { rule as rdsStorageEncryption } from '../../../src/rules/rds-storage-encryption';
import { rule as s3AccessLogging } from '../../../src/rules/s3-bucket-access-logging';
import { rule as s3Versioning } from '../../../src/rules/s3-bucket-versioning';

const rules = [s3Versioning, s3AccessLogging, rdsStorageEncryption, rdsMultiAz];
const TODAY = '2026-06-15';

async function analyze(path: string, text: string, config: SrlensConfig = DEFAULT_CONFIG) {
  return new Analyzer({ rules, config, today: () => TODAY }).analyze([{ path, text }]);
}

/** The rule ids open and suppressed, and each suppression's source, peer id and reason. */
async function outcome(path: string, text: string, config?: SrlensConfig) {
  const analysis = await analyze(path, text, config);
  return {
    open: analysis.findings.map((f) => f.ruleId).sort(),
    suppressed: (analysis.suppressed ?? [])
      .map((s) => `${s.finding.ruleId} ${s.suppression.source} ${s.suppression.peerId}: ${s.suppression.reason}`)
      .sort(),
    analysis,
  };
}

const bucketYaml = (metadata: string) => `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n${metadata}`;
const bucketJson = (metadata: object) =>
  JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket', Metadata: metadata } } }, null, 2);
const TF_BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "data"\n}\n';

interface Case {
  name: string;
  path: string;
  text: string;
  open: string[];
  suppressed: string[];
}

const CASES: Case[] = [
  // cfn-guard: Metadata.guard.SuppressedRules, a list of rule names without reasons.
  {
    name: 'cfn-guard SuppressedRules (YAML)',
    path: '/t.yaml',
    text: bucketYaml('      guard:\n        SuppressedRules:\n          - S3_BUCKET_VERSIONING_ENABLED\n'),
    open: ['s3-bucket-access-logging'],
    suppressed: [
      's3-bucket-versioning cfn-guard S3_BUCKET_VERSIONING_ENABLED: cfn-guard suppression of S3_BUCKET_VERSIONING_ENABLED, which gives no reason',
    ],
  },
  {
    name: 'cfn-guard SuppressedRules (JSON)',
    path: '/t.json',
    text: bucketJson({ guard: { SuppressedRules: ['S3_BUCKET_LOGGING_ENABLED', 'S3_BUCKET_VERSIONING_ENABLED'] } }),
    open: [],
    suppressed: [
      's3-bucket-access-logging cfn-guard S3_BUCKET_LOGGING_ENABLED: cfn-guard suppression of S3_BUCKET_LOGGING_ENABLED, which gives no reason',
      's3-bucket-versioning cfn-guard S3_BUCKET_VERSIONING_ENABLED: cfn-guard suppression of S3_BUCKET_VERSIONING_ENABLED, which gives no reason',
    ],
  },
  // Checkov in CloudFormation: Metadata.checkov.skip[] with id and comment.
  {
    name: 'Checkov skip with comment (YAML)',
    path: '/t.yaml',
    text: bucketYaml(
      '      checkov:\n        skip:\n          - id: CKV_AWS_18\n            comment: this is the log bucket\n',
    ),
    open: ['s3-bucket-versioning'],
    suppressed: ['s3-bucket-access-logging checkov CKV_AWS_18: this is the log bucket'],
  },
  {
    name: 'Checkov skip with comment (JSON)',
    path: '/t.json',
    text: bucketJson({ checkov: { skip: [{ id: 'CKV_AWS_21', comment: 'objects are immutable exports' }] } }),
    open: ['s3-bucket-access-logging'],
    suppressed: ['s3-bucket-versioning checkov CKV_AWS_21: objects are immutable exports'],
  },
  // cfn_nag: Metadata.cfn_nag.rules_to_suppress[] with id and reason.
  {
    name: 'cfn_nag rules_to_suppress with reason (YAML)',
    path: '/t.yaml',
    text: bucketYaml(
      '      cfn_nag:\n        rules_to_suppress:\n          - id: W35\n            reason: access logs land here\n',
    ),
    open: ['s3-bucket-versioning'],
    suppressed: ['s3-bucket-access-logging cfn_nag W35: access logs land here'],
  },
  {
    name: 'cfn_nag rules_to_suppress with reason (JSON)',
    path: '/t.json',
    text: bucketJson({ cfn_nag: { rules_to_suppress: [{ id: 'W35', reason: 'access logs land here' }] } }),
    open: ['s3-bucket-versioning'],
    suppressed: ['s3-bucket-access-logging cfn_nag W35: access logs land here'],
  },
  // Checkov in Terraform: `#checkov:skip=ID:reason` inside the block (Checkov's place) or above it.
  {
    name: 'Checkov skip comment inside the resource block (Terraform)',
    path: '/m/main.tf',
    text: 'resource "aws_s3_bucket" "b" {\n  #checkov:skip=CKV_AWS_21:versions kept by the backup plan\n  bucket = "data"\n}\n',
    open: ['s3-bucket-access-logging'],
    suppressed: ['s3-bucket-versioning checkov CKV_AWS_21: versions kept by the backup plan'],
  },
  {
    name: 'Checkov skip comment above the resource block (Terraform)',
    path: '/m/main.tf',
    text: `# checkov:skip=CKV_AWS_18: the log bucket itself\n${TF_BUCKET}`,
    open: ['s3-bucket-versioning'],
    suppressed: ['s3-bucket-access-logging checkov CKV_AWS_18: the log bucket itself'],
  },
  // Trivy and tfsec comments: above a block, with their ids in either form.
  {
    name: 'Trivy AVD id above the block (Terraform)',
    path: '/m/main.tf',
    text: `#trivy:ignore:AVD-AWS-0089 the log bucket itself\n${TF_BUCKET}`,
    open: ['s3-bucket-versioning'],
    suppressed: ['s3-bucket-access-logging trivy AVD-AWS-0089: the log bucket itself'],
  },
  {
    name: 'Trivy long id above the block (Terraform)',
    path: '/m/main.tf',
    text: `#trivy:ignore:aws-s3-enable-versioning\n${TF_BUCKET}`,
    open: ['s3-bucket-access-logging'],
    suppressed: [
      's3-bucket-versioning trivy aws-s3-enable-versioning: trivy suppression of aws-s3-enable-versioning, which gives no reason',
    ],
  },
  {
    name: 'tfsec id, two stacked comments above the block (Terraform)',
    path: '/m/main.tf',
    text: `#tfsec:ignore:aws-s3-enable-versioning scratch data\n//tfsec:ignore:aws-s3-enable-bucket-logging scratch data\n${TF_BUCKET}`,
    open: [],
    suppressed: [
      's3-bucket-access-logging tfsec aws-s3-enable-bucket-logging: scratch data',
      's3-bucket-versioning tfsec aws-s3-enable-versioning: scratch data',
    ],
  },
  {
    name: 'Trivy comment above the resource (CloudFormation YAML)',
    path: '/t.yaml',
    text: 'Resources:\n  #trivy:ignore:AVD-AWS-0090 versions kept elsewhere\n  Bucket:\n    Type: AWS::S3::Bucket\n',
    open: ['s3-bucket-access-logging'],
    suppressed: ['s3-bucket-versioning trivy AVD-AWS-0090: versions kept elsewhere'],
  },
  // Scope: a trailing comment applies to its line; a comment above an attribute to that attribute.
  {
    name: 'Trivy trailing comment on the attribute it silences (Terraform)',
    path: '/m/main.tf',
    text: 'resource "aws_db_instance" "db" {\n  engine            = "mysql"\n  storage_encrypted = false #trivy:ignore:AVD-AWS-0080 restored test copy\n}\n',
    open: ['rds-multi-az'],
    suppressed: ['rds-storage-encryption trivy AVD-AWS-0080: restored test copy'],
  },
  {
    name: 'tfsec comment above the attribute it silences (Terraform)',
    path: '/m/main.tf',
    text: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n  #tfsec:ignore:aws-rds-encrypt-instance-storage-data restored test copy\n  storage_encrypted = false\n}\n',
    open: ['rds-multi-az'],
    suppressed: ['rds-storage-encryption tfsec aws-rds-encrypt-instance-storage-data: restored test copy'],
  },
  {
    name: 'a comment above another attribute silences nothing (Terraform)',
    path: '/m/main.tf',
    text: 'resource "aws_db_instance" "db" {\n  #trivy:ignore:AVD-AWS-0080 misplaced\n  engine = "mysql"\n  storage_encrypted = false\n}\n',
    open: ['rds-multi-az', 'rds-storage-encryption'],
    suppressed: [],
  },
  {
    name: 'a trailing comment on another line silences nothing (Terraform)',
    path: '/m/main.tf',
    text: 'resource "aws_db_instance" "db" {\n  engine = "mysql" #trivy:ignore:AVD-AWS-0080 misplaced\n  storage_encrypted = false\n}\n',
    open: ['rds-multi-az', 'rds-storage-encryption'],
    suppressed: [],
  },
  // Expiry: `:exp:YYYY-MM-DD`, compared with today (2026-06-15).
  {
    name: 'Trivy :exp: in the future suppresses (Terraform)',
    path: '/m/main.tf',
    text: `#trivy:ignore:AVD-AWS-0089:exp:2026-12-31 until the central bucket exists\n${TF_BUCKET}`,
    open: ['s3-bucket-versioning'],
    suppressed: ['s3-bucket-access-logging trivy AVD-AWS-0089: until the central bucket exists'],
  },
  {
    name: 'tfsec :exp: in the past reports again (Terraform)',
    path: '/m/main.tf',
    text: `#tfsec:ignore:aws-s3-enable-bucket-logging:exp:2026-01-31 until the central bucket exists\n${TF_BUCKET}`,
    open: ['s3-bucket-access-logging', 's3-bucket-versioning'],
    suppressed: [],
  },
  // A peer id naming a rule that does not check this resource, an id we do not map, a wildcard.
  {
    name: 'a mapped id for another resource type silences nothing, and says nothing (Terraform)',
    path: '/m/main.tf',
    text: `#checkov:skip=CKV_AWS_16:not a database\n${TF_BUCKET}`,
    open: ['s3-bucket-access-logging', 's3-bucket-versioning'],
    suppressed: [],
  },
  {
    name: 'an id we do not map silences nothing (CloudFormation YAML)',
    path: '/t.yaml',
    text: bucketYaml(
      '      checkov:\n        skip:\n          - id: CKV_AWS_99999\n            comment: no such check\n',
    ),
    open: ['s3-bucket-access-logging', 's3-bucket-versioning'],
    suppressed: [],
  },
  {
    name: 'a wildcard silences nothing (Terraform)',
    path: '/m/main.tf',
    text: `#trivy:ignore:* everything\n${TF_BUCKET}`,
    open: ['s3-bucket-access-logging', 's3-bucket-versioning'],
    suppressed: [],
  },
  {
    name: 'a Trivy ignore filtered by attribute value silences nothing (Terraform)',
    path: '/m/main.tf',
    text: `#trivy:ignore:AVD-AWS-0089[bucket=data]\n${TF_BUCKET}`,
    open: ['s3-bucket-access-logging', 's3-bucket-versioning'],
    suppressed: [],
  },
];

describe('suppressions written for other tools', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const result = await outcome(c.path, c.text);
      assert.deepEqual(
        { open: result.open, suppressed: result.suppressed },
        { open: c.open, suppressed: c.suppressed },
      );
    });
  }

  it('a past :exp: reports the finding again, saying the acceptance expired on that date', async () => {
    const { analysis } = await outcome(
      '/m/main.tf',
      `#tfsec:ignore:aws-s3-enable-bucket-logging:exp:2026-01-31 until the central bucket exists\n${TF_BUCKET}`,
    );
    const logging = analysis.findings.find((f) => f.ruleId === 's3-bucket-access-logging');
    assert.match(logging?.detail ?? '', / expired on 2026-01-31, so this finding is reported again/);
    assert.deepEqual(
      [logging?.expiredSuppression?.source, logging?.expiredSuppression?.peerId, logging?.expiredSuppression?.expires],
      ['tfsec', 'aws-s3-enable-bucket-logging', '2026-01-31'],
    );
  });

  it('a malformed :exp: date silences nothing and is one warning', async () => {
    const { open } = await outcome('/m/main.tf', `#trivy:ignore:AVD-AWS-0089:exp:2026-02-30 typo\n${TF_BUCKET}`);
    assert.deepEqual(open, ['s3-bucket-access-logging', 's3-bucket-versioning', 'suppression-invalid']);
  });

  it('an :exp: within 14 days is an info finding of its own', async () => {
    const { open, suppressed } = await outcome(
      '/m/main.tf',
      `#trivy:ignore:AVD-AWS-0089:exp:2026-06-20 until Friday\n${TF_BUCKET}`,
    );
    assert.deepEqual(open, ['s3-bucket-versioning', 'suppression-expiring']);
    assert.equal(suppressed.length, 1);
  });

  it('peerSuppressions: false honours none of them', async () => {
    const config = { ...DEFAULT_CONFIG, peerSuppressions: false };
    for (const c of CASES.filter((x) => x.suppressed.length > 0)) {
      const result = await outcome(c.path, c.text, config);
      assert.deepEqual(result.suppressed, [], c.name);
      assert.ok(!result.open.includes('unused-suppression'), c.name);
    }
  });

  it('keeps what silences nothing as notes, listed once each for --verbose', async () => {
    const text = `#checkov:skip=CKV_AWS_99999:no such check\n#trivy:ignore:*\n${TF_BUCKET}# checkov:skip=CKV_AWS_99999:again\nresource "aws_s3_bucket" "c" {\n}\n`;
    const { analysis } = await outcome('/m/main.tf', text);
    assert.deepEqual(
      (analysis.peerNotes ?? []).map((n) => [n.tool, n.id, n.line, n.why]),
      [
        ['checkov', 'CKV_AWS_99999', 1, 'unmapped'],
        ['trivy', '*', 2, 'wildcard'],
        ['checkov', 'CKV_AWS_99999', 6, 'unmapped'],
      ],
    );
    assert.deepEqual(describePeerNotes(analysis.peerNotes ?? []), [
      "checkov suppression 'CKV_AWS_99999' (/m/main.tf:1 and 1 more) names a check srlens does not map to a rule of its own: it silences nothing here.",
      "trivy suppression '*' (/m/main.tf:2) names every check, which srlens does not honour: it silences nothing here.",
    ]);
  });

  it('where ours and another tool’s both apply, ours is recorded (it carries owner and expiry)', async () => {
    const text = bucketYaml(
      '      checkov:\n        skip:\n          - id: CKV_AWS_18\n            comment: theirs\n      srlens:\n        ignore:\n          - rule: s3-bucket-access-logging\n            reason: ours\n            owner: data-team\n',
    );
    const { open, suppressed } = await outcome('/t.yaml', text);
    assert.deepEqual(open, ['s3-bucket-versioning']);
    assert.deepEqual(suppressed, ['s3-bucket-access-logging metadata undefined: ours']);
  });

  it('reads several Trivy ignores on one line, each with its own expiry', () => {
    const { suppressions } = peerCommentSuppressions(
      '/m/main.tf',
      '#trivy:ignore:AVD-AWS-0089:exp:2027-01-01 #trivy:ignore:AVD-AWS-0090\nresource "aws_s3_bucket" "b" {}\n',
    );
    assert.deepEqual(
      suppressions.map((s) => [s.rule, s.peerId, s.expires, s.targetLine]),
      [
        ['s3-bucket-access-logging', 'AVD-AWS-0089', '2027-01-01', 1],
        ['s3-bucket-versioning', 'AVD-AWS-0090', undefined, 1],
      ],
    );
  });
});

describe('suppressions of other tools in real templates', () => {
  it('honours the cfn-guard suppressions of AWS sample templates (JSON and YAML)', async function () {
    needsShared(this, 'corpus');
    const table: [string, string[]][] = [
      [
        'aws-cloudformation-templates/Config/Config.json',
        [
          'ConfigBucket s3-bucket-access-logging S3_BUCKET_LOGGING_ENABLED',
          'ConfigBucket s3-bucket-versioning S3_BUCKET_VERSIONING_ENABLED',
          'Ec2Volume ebs-volume-encryption ENCRYPTED_VOLUMES',
        ],
      ],
      [
        'aws-cloudformation-templates/RainModules/vpc.yml',
        [
          'PublicSubnet1 vpc-subnet-public-ip-on-launch SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED',
          'PublicSubnet2 vpc-subnet-public-ip-on-launch SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED',
        ],
      ],
    ];
    for (const [file, expected] of table) {
      const full = path.join(CORPUS, file);
      const analysis = await new Analyzer({ today: () => TODAY }).analyze([
        { path: full, text: readFileSync(full, 'utf8') },
      ]);
      const peer = (analysis.suppressed ?? []).filter((s) => s.suppression.source === 'cfn-guard');
      assert.deepEqual(
        peer.map((s) => `${s.finding.resource} ${s.finding.ruleId} ${s.suppression.peerId}`).sort(),
        expected,
        file,
      );
    }
  });
});

describe('the peer id table', () => {
  it('is dated', () => {
    assert.ok(isIsoDate(PEER_TABLE_DATE));
  });

  it('maps only to rules that exist, with ids written as each tool writes them', () => {
    const known = new Set(RULES.map((r) => r.id));
    const shapes: Record<string, RegExp> = {
      checkov: /^CKV2?_AWS_\d+$/,
      trivy: /^(AVD-AWS-\d{4}|aws(-[a-z0-9]+)+)$/,
      tfsec: /^(avd-aws-\d{4}|aws(-[a-z0-9]+)+)$/,
      cfn_nag: /^[WF]\d+$/,
      'cfn-guard': /^[A-Z0-9]+(_[A-Z0-9]+)+$/,
    };
    for (const tool of PEER_TOOLS) {
      const ids = mappedPeerIds(tool);
      assert.ok(ids.size > 5, `${tool} maps some ids`);
      for (const [id, mapped] of ids) {
        assert.match(id, shapes[tool], `${tool} ${id}`);
        for (const rule of mapped) assert.ok(known.has(rule), `${tool} ${id} → ${rule} is a rule`);
      }
    }
  });

  it('maps by meaning, as the peer fixtures agree (a sample)', () => {
    const table: [Parameters<typeof rulesForPeerId>[0], string, string[]][] = [
      ['checkov', 'CKV_AWS_24', ['ec2-security-group-admin-ports-open', 'ec2-security-group-all-traffic-open']],
      ['checkov', 'ckv_aws_18', ['s3-bucket-access-logging']],
      ['checkov', 'CKV_AWS_31', ['elasticache-transit-encryption', 'elasticache-auth-token']],
      ['checkov', 'CKV_AWS_19', []],
      ['trivy', 'AVD-AWS-0086', ['s3-public-access-block-disabled']],
      ['trivy', 'avd-aws-0086', ['s3-public-access-block-disabled']],
      ['trivy', 'aws-s3-block-public-acls', ['s3-public-access-block-disabled']],
      ['trivy', 'AVD-AWS-0088', []],
      ['tfsec', 'aws-s3-enable-bucket-encryption', []],
      ['tfsec', 'AWS-S3-ENABLE-VERSIONING', ['s3-bucket-versioning']],
      ['cfn_nag', 'W35', ['s3-bucket-access-logging']],
      ['cfn_nag', 'F26', ['rds-storage-encryption']],
      ['cfn-guard', 'RDS_STORAGE_ENCRYPTED', ['rds-storage-encryption']],
      ['cfn-guard', 'NO_SUCH_RULE', []],
    ];
    for (const [tool, id, expected] of table)
      assert.deepEqual([...rulesForPeerId(tool, id)], expected, `${tool} ${id}`);
    assert.equal(normalisePeerId('trivy', ' aws-S3-Enable-Versioning '), 'aws-s3-enable-versioning');
  });
});
