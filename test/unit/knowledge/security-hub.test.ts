import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import table from '../../../src/knowledge/data/security-hub-controls.json';
import { SECURITY_HUB_CATALOG, needsShared } from '../../corpus';
import {
  SECURITY_HUB_CONTROLS,
  SECURITY_HUB_SOURCE,
  findSecurityHubControl,
  securityHubControl,
} from '../../../src/knowledge/security-hub';
import { RULE_SECURITY_HUB, type SecurityHubMapping } from '../../../src/knowledge/security-hub-map';
import {
  findingControls,
  parseControlSelection,
  ruleControls,
  rulesCheckingControls,
} from '../../../src/engine/controls';
import { RULES } from '../../../src/rules';

describe('AWS Security Hub controls', () => {
  describe('the generated table', () => {
    it('is shipped compact and expands to exactly the rows of the JSON file', () => {
      // `table` here is the bundled module (scripts/esbuild-plugins.mjs compacts it, as in the product).
      const file = JSON.parse(readFileSync('src/knowledge/data/security-hub-controls.json', 'utf8')) as typeof table;
      assert.equal(file.controls.length, 452);
      assert.deepEqual(table.controls, file.controls);
      assert.deepEqual({ ...table, controls: [] }, { ...file, controls: [] });
      assert.equal(SECURITY_HUB_CONTROLS.length, file.controls.length);
    });

    it('records where it comes from: the catalog repository, its commit and dates', () => {
      assert.equal(table.repository, 'https://github.com/awslabs/oscal-content-for-aws-services');
      assert.match(table.commit, /^[0-9a-f]{40}$/);
      assert.equal(table.commit, '4a1779ffb556c4ab8fb3dad94a19d4d198116803');
      assert.equal(table.commitDate, '2026-04-06');
      assert.equal(table.catalogLastModified, '2026-03-31');
      assert.equal(SECURITY_HUB_SOURCE.commit, table.commit);
    });

    it('holds every control once, with a title and a severity', () => {
      assert.equal(SECURITY_HUB_CONTROLS.length, 452);
      assert.equal(table.count, SECURITY_HUB_CONTROLS.length);
      assert.equal(new Set(SECURITY_HUB_CONTROLS.map((c) => c.id)).size, SECURITY_HUB_CONTROLS.length);
      for (const control of SECURITY_HUB_CONTROLS) {
        assert.match(control.id, /^[A-Za-z0-9]+\.\d+$/, control.id);
        assert.ok(control.title.length > 10, control.id);
        assert.ok(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].includes(control.severity), control.id);
      }
    });

    const samples: [string, string, string, string][] = [
      [
        'S3.5',
        'S3 general purpose buckets should require requests to use SSL',
        'MEDIUM',
        's3-bucket-ssl-requests-only',
      ],
      [
        'RDS.2',
        'RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration',
        'CRITICAL',
        'rds-instance-public-access-check',
      ],
      ['EC2.8', 'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)', 'HIGH', 'ec2-imdsv2-check'],
      ['KMS.4', 'AWS KMS key rotation should be enabled', 'MEDIUM', 'cmk-backing-key-rotation-enabled'],
    ];
    for (const [id, title, severity, configRule] of samples) {
      it(`${id}: "${title}", ${severity}, Config rule ${configRule}`, () => {
        assert.deepEqual(securityHubControl(id), { id, title, severity, configRule });
      });
    }

    it('finds a control as a person types it, and nothing for an id the catalog lacks', () => {
      assert.equal(findSecurityHubControl('s3.5')?.id, 'S3.5');
      assert.equal(findSecurityHubControl(' rds.2 ')?.id, 'RDS.2');
      assert.equal(findSecurityHubControl('S3.99'), undefined);
      assert.equal(securityHubControl('s3.5'), undefined);
    });

    it('is what scripts/generate-security-hub.mjs makes of the catalog in ../shared', function () {
      needsShared(this, 'security-hub');
      const script = path.resolve('scripts', 'generate-security-hub.mjs');
      // --check exits 1 (and execFileSync throws) when the file is out of date.
      const out = execFileSync(process.execPath, [script, '--check', '--catalog', SECURITY_HUB_CATALOG], {
        encoding: 'utf8',
      });
      assert.match(out, /up to date \(452 controls\)/);
    });
  });

  describe('the rule map', () => {
    it('names every rule of the registry, and no other', () => {
      assert.deepEqual(Object.keys(RULE_SECURITY_HUB).sort(), RULES.map((r) => r.id).sort());
    });

    it('maps only ids of the generated table, each once per rule', () => {
      for (const [rule, mapping] of Object.entries(RULE_SECURITY_HUB) as [string, SecurityHubMapping][]) {
        for (const id of mapping.controls) assert.ok(securityHubControl(id), `${rule}: ${id} is not in the catalog`);
        assert.equal(new Set(mapping.controls).size, mapping.controls.length, rule);
      }
    });

    it('says why, for every rule without a counterpart, and only for those', () => {
      for (const [rule, mapping] of Object.entries(RULE_SECURITY_HUB) as [string, SecurityHubMapping][]) {
        if (mapping.controls.length === 0) assert.ok((mapping.none ?? '').length > 20, `${rule} needs a reason`);
        else assert.equal(mapping.none, undefined, rule);
      }
    });

    it('maps 61 of the 79 rules; 18 have no counterpart', () => {
      const mapped = (Object.values(RULE_SECURITY_HUB) as SecurityHubMapping[]).filter(
        (m) => m.controls.length > 0,
      ).length;
      assert.equal(RULES.length, 79);
      assert.equal(mapped, 61);
      assert.equal(RULES.length - mapped, 18);
    });

    const expected: [string, string[]][] = [
      ['s3-bucket-policy-tls-only', ['S3.5']],
      ['rds-publicly-accessible', ['RDS.2']],
      ['rds-storage-encryption', ['RDS.3', 'RDS.27']],
      ['ec2-imdsv2-required', ['EC2.8', 'EC2.170', 'AutoScaling.3']],
      ['ec2-security-group-admin-ports-open', ['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54', 'EC2.19']],
      ['s3-public-access-block-disabled', ['S3.8']],
      ['kms-key-rotation', ['KMS.4']],
      ['cloudtrail-multi-region', ['CloudTrail.1']],
      ['vpc-flow-logs', ['EC2.6']],
      ['sqs-sns-policy-public', ['SQS.3', 'SNS.4']],
      ['sqs-queue-encryption', []],
      ['iam-role-trust-anyone', []],
    ];
    for (const [rule, ids] of expected) {
      it(`${rule} → ${ids.length > 0 ? ids.join(', ') : 'no Security Hub control'}`, () => {
        assert.deepEqual(RULE_SECURITY_HUB[rule]?.controls, ids);
      });
    }

    it('maps the tagging rule to every "… should be tagged" control, and a finding to those of its service', () => {
      const tagging = RULE_SECURITY_HUB['tagging-required-tags']!.controls;
      assert.equal(tagging.length, 55);
      assert.ok(tagging.every((id) => /should be tagged$/.test(securityHubControl(id)!.title)));
      const ids = (resourceType: string) =>
        findingControls({ ruleId: 'tagging-required-tags', resourceType })
          .filter((c) => c.framework === 'aws-security-hub')
          .map((c) => c.id);
      assert.deepEqual(ids('AWS::SageMaker::Image'), ['SageMaker.6', 'SageMaker.7']);
      assert.deepEqual(ids('aws_sagemaker_image'), ['SageMaker.6', 'SageMaker.7']);
      assert.deepEqual(ids('AWS::S3::Bucket'), []);
    });
  });

  describe('controls of rules and findings', () => {
    it('a finding carries its Security Hub controls, then the Annex A controls of its concern', () => {
      assert.deepEqual(findingControls({ ruleId: 's3-bucket-policy-tls-only', resourceType: 'AWS::S3::Bucket' }), [
        {
          framework: 'aws-security-hub',
          id: 'S3.5',
          title: 'S3 general purpose buckets should require requests to use SSL',
        },
        { framework: 'iso-27001-2022', id: '8.21', title: 'Security of network services' },
        { framework: 'iso-27001-2022', id: '8.24', title: 'Use of cryptography' },
      ]);
    });

    it('a finding no rule makes (a parse error) has none', () => {
      assert.deepEqual(findingControls({ ruleId: 'parse-error', resourceType: '' }), []);
    });

    it('every rule names at least one control of one framework', () => {
      for (const rule of RULES) assert.ok(ruleControls(rule).length > 0, rule.id);
    });
  });

  describe('selecting rules by control', () => {
    const cases: [string[], string[], string[]][] = [
      [['aws-security-hub:S3.5,RDS.2'], ['aws-security-hub:S3.5', 'aws-security-hub:RDS.2'], []],
      [['s3.5'], ['aws-security-hub:S3.5'], []],
      [['iso-27001-2022:8.24'], ['iso-27001-2022:8.24'], []],
      [['8.24', 'EC2.8'], ['iso-27001-2022:8.24', 'aws-security-hub:EC2.8'], []],
      [
        ['aws-security-hub:S3.99'],
        [],
        [
          "unknown control 'aws-security-hub:S3.99': it is not in the AWS Security Hub catalog (452 controls, 2026-03-31)",
        ],
      ],
      [['nist:AC-2'], [], ["unknown control framework 'nist': use aws-security-hub or iso-27001-2022"]],
      [
        ['aws-security-hub:8.24'],
        [],
        [
          "unknown control 'aws-security-hub:8.24': it is not in the AWS Security Hub catalog (452 controls, 2026-03-31)",
        ],
      ],
    ];
    for (const [items, controls, errors] of cases) {
      it(`${items.join(' ')} → ${controls.join(', ') || errors.join('; ')}`, () => {
        const selection = parseControlSelection(items);
        assert.deepEqual(
          selection.controls.map((c) => `${c.framework}:${c.id}`),
          controls,
        );
        assert.deepEqual(selection.errors, errors);
      });
    }

    it('selects the rules that check the controls', () => {
      const select = (item: string) => [...rulesCheckingControls(parseControlSelection([item]).controls)].sort();
      assert.deepEqual(select('aws-security-hub:S3.5,RDS.2'), ['rds-publicly-accessible', 's3-bucket-policy-tls-only']);
      assert.deepEqual(select('EC2.19'), [
        'ec2-security-group-admin-ports-open',
        'ec2-security-group-all-traffic-open',
        'ec2-security-group-database-ports-open',
      ]);
      assert.deepEqual(
        select('iso-27001-2022:8.13'),
        RULES.filter((r) => r.concern === 'backup-dr')
          .map((r) => r.id)
          .sort(),
      );
      assert.deepEqual(select('CloudTrail.2'), []);
    });
  });
});
