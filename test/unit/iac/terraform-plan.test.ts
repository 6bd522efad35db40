/**
 * Terraform plan JSON (`terraform show -json plan.out`, src/iac/terraform/plan.ts): detected by
 * content, `planned_values` resources (root and child modules, addressed as in the plan) checked
 * by the rules in the `.tf` shape, `after_unknown` and `sensitive_values` unknown, findings on the
 * plan file at the JSON value, and the bounds.
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import type { Finding } from '../../../src/engine/finding';
import { isTerraformPlanJson } from '../../../src/iac/detect';
import type { Range, TerraformModule } from '../../../src/iac/model';
import { MAX_PLAN_RESOURCES, parseTerraformPlan, topLevelSpans } from '../../../src/iac/terraform/plan';
import { RULES } from '../../../src/rules';

const PLAN = '/ws/plan.json';

/** A plan resource as Terraform 1.x writes it in planned_values. */
function planned(address: string, type: string, values: object, sensitive: object = {}, index?: string | number) {
  const name = address
    .replace(/\[.*\]$/, '')
    .split('.')
    .pop();
  return {
    address,
    mode: address.includes('data.') ? 'data' : 'managed',
    type,
    name,
    ...(index === undefined ? {} : { index }),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    schema_version: 0,
    values,
    sensitive_values: sensitive,
  };
}

function change(address: string, afterUnknown: object) {
  return { address, change: { actions: ['create'], before: null, after_unknown: afterUnknown } };
}

const ROOT_RESOURCES = [
  planned(
    'aws_db_instance.db',
    'aws_db_instance',
    {
      engine: 'postgres',
      publicly_accessible: true,
      storage_encrypted: false,
      password: 'hunter2hunter2',
      tags: null,
    },
    { password: true },
  ),
  planned('aws_db_instance.pending', 'aws_db_instance', { engine: 'postgres', publicly_accessible: false }),
  planned('aws_s3_bucket.b["logs"]', 'aws_s3_bucket', { bucket: 'acme-logs', force_destroy: false }, {}, 'logs'),
  planned('data.aws_caller_identity.me', 'aws_caller_identity', { account_id: '123456789012' }),
];
const CHILD_RESOURCES = [
  planned('module.net.aws_security_group.web', 'aws_security_group', {
    name: 'web',
    ingress: [
      { from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], self: false },
      { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], self: false },
    ],
    egress: [],
  }),
];

function plan(root = ROOT_RESOURCES, extra: object = {}) {
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: {
      root_module: {
        resources: root,
        child_modules: [{ resources: CHILD_RESOURCES, address: 'module.net' }],
      },
    },
    resource_changes: [
      change('aws_db_instance.db', { arn: true, id: true }),
      // storage_encrypted is decided at apply (say, from another resource): unknown, never reported.
      change('aws_db_instance.pending', { storage_encrypted: true, kms_key_id: true }),
    ],
    configuration: { root_module: {} },
    ...extra,
  };
}

/** `[line, startChar, endChar]` of the `n`th occurrence of `needle` in `text`. */
function locate(text: string, needle: string, n = 0): [number, number, number] {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  return [line, character, character + needle.length];
}

function at(range: Range): [number, number, number] {
  assert.equal(range.start.line, range.end.line);
  return [range.start.line, range.start.character, range.end.character];
}

const rules = (...ids: string[]) => RULES.filter((r) => ids.includes(r.id));

async function scan(text: string, ...ids: string[]): Promise<Finding[]> {
  return (await new Analyzer({ rules: rules(...ids) }).analyze([{ path: PLAN, text }])).findings;
}

describe('Terraform plan JSON', function () {
  this.timeout(60_000);

  describe('detection, by content', () => {
    const table: [string, string, boolean][] = [
      ['as terraform show -json writes it', JSON.stringify(plan()), true],
      ['pretty-printed (jq .)', JSON.stringify(plan(), null, 2), true],
      ['with a byte order mark', `\uFEFF${JSON.stringify(plan())}`, true],
      ['format_version 2.0', JSON.stringify({ ...plan(), format_version: '2.0' }), false],
      ['a state file (no planned_values)', JSON.stringify({ format_version: '1.0', values: {} }), false],
      ['a CloudFormation template', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}', false],
      ['format_version not first', JSON.stringify({ a: 1, ...plan() }), false],
    ];
    for (const [name, text, expected] of table)
      it(`${name}: ${expected}`, () => assert.equal(isTerraformPlanJson(text), expected));
  });

  it('planned_values: root and child module resources, addressed as in the plan, ranges on the JSON', () => {
    const text = JSON.stringify(plan(), null, 2);
    const { units, diagnostics } = parseTerraformPlan(PLAN, text);
    assert.deepEqual(diagnostics, []);
    const unit = units[0] as TerraformModule;
    assert.equal(unit.kind, 'terraform');
    assert.deepEqual(unit.files, [PLAN]);
    assert.deepEqual(
      unit.resources.map((r) => [r.id, r.type, r.service, at(r.idRange), at(r.typeRange)]),
      [
        [
          'aws_db_instance.db',
          'aws_db_instance',
          'Amazon RDS',
          locate(text, '"aws_db_instance.db"'),
          locate(text, '"aws_db_instance"'),
        ],
        [
          'aws_db_instance.pending',
          'aws_db_instance',
          'Amazon RDS',
          locate(text, '"aws_db_instance.pending"'),
          locate(text, '"aws_db_instance"', 1),
        ],
        [
          'aws_s3_bucket.b["logs"]',
          'aws_s3_bucket',
          'Amazon S3',
          locate(text, '"aws_s3_bucket.b[\\"logs\\"]"'),
          locate(text, '"aws_s3_bucket"'),
        ],
        [
          'module.net.aws_security_group.web',
          'aws_security_group',
          'Amazon VPC',
          locate(text, '"module.net.aws_security_group.web"'),
          locate(text, '"aws_security_group"'),
        ],
      ],
    );
    assert.deepEqual(
      unit.dataSources.map((d) => d.id),
      ['data.aws_caller_identity.me'],
    );
    // The .tf shape: nested blocks repeated, null and [] absent, unknown and sensitive unresolvable.
    const sg = unit.resources[3].properties.properties;
    assert.deepEqual(
      sg.map((p) => [p.key, p.value.kind, p.value.kind === 'map' && p.value.block]),
      [
        ['name', 'literal', false],
        ['ingress', 'map', true],
        ['ingress', 'map', true],
      ],
    );
    const db = unit.resources[0].properties.properties;
    assert.deepEqual(
      db.map((p) => [p.key, p.value.kind === 'unresolvable' ? p.value.text : p.value.kind]),
      [
        ['engine', 'literal'],
        ['publicly_accessible', 'literal'],
        ['storage_encrypted', 'literal'],
        ['password', '(sensitive value)'],
        ['arn', '(known after apply)'],
        ['id', '(known after apply)'],
      ],
    );
    const pending = unit.resources[1].properties.properties;
    assert.deepEqual(
      pending.map((p) => [p.key, p.value.kind]),
      [
        ['engine', 'literal'],
        ['publicly_accessible', 'literal'],
        ['storage_encrypted', 'unresolvable'],
        ['kms_key_id', 'unresolvable'],
      ],
    );
  });

  it('findings land on the plan file at the JSON value; unknown and sensitive values stay silent', async () => {
    for (const text of [JSON.stringify(plan()), JSON.stringify(plan(), null, 2)]) {
      const found = await scan(
        text,
        'rds-publicly-accessible',
        'rds-storage-encryption',
        'rds-master-password-hardcoded',
        'ec2-security-group-admin-ports-open',
      );
      assert.deepEqual(
        found.map((f) => [f.ruleId, f.resource, f.file, at(f.range), f.fixable]),
        [
          ['rds-publicly-accessible', 'aws_db_instance.db', PLAN, locate(text, 'true'), false],
          ['rds-storage-encryption', 'aws_db_instance.db', PLAN, locate(text, 'false'), false],
          [
            'ec2-security-group-admin-ports-open',
            'module.net.aws_security_group.web',
            PLAN,
            locate(text, '"0.0.0.0/0"', 1),
            false,
          ],
        ].sort(
          (a, b) => (a[3] as number[])[0] - (b[3] as number[])[0] || (a[3] as number[])[1] - (b[3] as number[])[1],
        ),
      );
      assert.ok(!JSON.stringify(found).includes('hunter2'), 'a sensitive value is never echoed');
    }
  });

  it('the same resources written in .tf give the same findings (rules read one shape)', async () => {
    const ids = [
      'rds-publicly-accessible',
      'rds-storage-encryption',
      'ec2-security-group-admin-ports-open',
      's3-bucket-versioning',
      'rds-deletion-protection',
      'rds-multi-az',
    ];
    const tf = [
      'resource "aws_db_instance" "db" {',
      '  engine              = "postgres"',
      '  publicly_accessible = true',
      '  storage_encrypted   = false',
      '}',
      'resource "aws_s3_bucket" "b" {',
      '  bucket        = "acme-logs"',
      '  force_destroy = false',
      '}',
      'resource "aws_security_group" "web" {',
      '  name = "web"',
      '  ingress {',
      '    from_port   = 443',
      '    to_port     = 443',
      '    protocol    = "tcp"',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '    self        = false',
      '  }',
      '  ingress {',
      '    from_port   = 22',
      '    to_port     = 22',
      '    protocol    = "tcp"',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '    self        = false',
      '  }',
      '}',
    ].join('\n');
    const fromPlan = await scan(
      JSON.stringify(
        plan([
          ROOT_RESOURCES[0],
          planned('aws_s3_bucket.b', 'aws_s3_bucket', { bucket: 'acme-logs', force_destroy: false }),
        ]),
      ),
      ...ids,
    );
    const fromTf = (await new Analyzer({ rules: rules(...ids) }).analyze([{ path: '/ws/main.tf', text: tf }])).findings;
    const key = (f: Finding) =>
      `${f.ruleId}|${f.resource.replace(/^module\.net\./, '')}|${f.message.replace(/module\.net\./g, '')}`;
    assert.ok(fromTf.length >= 5, `${fromTf.length} findings`);
    assert.deepEqual(fromPlan.map(key).sort(), fromTf.map(key).sort());
  });

  describe('with the configuration scanned too, a plan finding also points at the .tf block', () => {
    const ids = ['rds-publicly-accessible', 'ec2-security-group-admin-ports-open'];
    const db = 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n';
    const net = 'module "net" {\n  source = "./net"\n}\n';
    const sg =
      'variable "names" {}\nresource "aws_security_group" "web" {\n  for_each = var.names\n  name = "web"\n}\n';
    const text = JSON.stringify(plan());
    type Linked = [
      rule: string,
      resource: string,
      related: [file: string, range: [number, number, number], message: string][],
    ];
    const linked = (found: Finding[]): Linked[] =>
      found
        .filter((f) => f.file.endsWith('.json'))
        .map((f) => [f.ruleId, f.resource, (f.related ?? []).map((r) => [r.file, at(r.range), r.message])]);
    const table: [string, Record<string, string>, Linked[]][] = [
      [
        "the root module in the plan's folder: the block of the same address, a called module's by its address",
        { '/ws/plan.json': text, '/ws/main.tf': db + net, '/ws/net/main.tf': sg.replace('var.names', '["a"]') },
        [
          [
            'rds-publicly-accessible',
            'aws_db_instance.db',
            [['/ws/main.tf', [0, 9, 31], 'the configuration of aws_db_instance.db']],
          ],
          [
            'ec2-security-group-admin-ports-open',
            'module.net.aws_security_group.web',
            [['/ws/net/main.tf', [1, 9, 35], 'the configuration of module.net.aws_security_group.web']],
          ],
        ],
      ],
      [
        'a block not expanded (for_each unknown statically) matches without instance keys',
        {
          '/ws/plan.json': JSON.stringify(
            plan([
              planned('aws_db_instance.db["x"]', 'aws_db_instance', { engine: 'postgres', publicly_accessible: true }),
            ]),
          ),
          '/ws/main.tf': db.replace('"db" {', '"db" {\n  for_each = var.x'),
        },
        [
          [
            'rds-publicly-accessible',
            'aws_db_instance.db["x"]',
            [['/ws/main.tf', [0, 9, 31], 'the configuration of aws_db_instance.db["x"]']],
          ],
          ['ec2-security-group-admin-ports-open', 'module.net.aws_security_group.web', []],
        ],
      ],
      [
        'the plan in another folder: the only root module with the address',
        { '/ws/plans/plan.json': text, '/ws/infra/main.tf': db },
        [
          [
            'rds-publicly-accessible',
            'aws_db_instance.db',
            [['/ws/infra/main.tf', [0, 9, 31], 'the configuration of aws_db_instance.db']],
          ],
          ['ec2-security-group-admin-ports-open', 'module.net.aws_security_group.web', []],
        ],
      ],
      [
        'two root modules with the address and neither beside the plan: no guess',
        { '/ws/plans/plan.json': text, '/ws/a/main.tf': db, '/ws/b/main.tf': db },
        [
          ['rds-publicly-accessible', 'aws_db_instance.db', []],
          ['ec2-security-group-admin-ports-open', 'module.net.aws_security_group.web', []],
        ],
      ],
      [
        'no configuration scanned: the plan alone',
        { '/ws/plan.json': text },
        [
          ['rds-publicly-accessible', 'aws_db_instance.db', []],
          ['ec2-security-group-admin-ports-open', 'module.net.aws_security_group.web', []],
        ],
      ],
    ];
    for (const [name, files, expected] of table) {
      it(name, async () => {
        const found = await new Analyzer({ rules: rules(...ids) }).analyze(
          Object.entries(files).map(([path, t]) => ({ path, text: t })),
        );
        assert.deepEqual(linked(found.findings), expected);
      });
    }
  });

  it('a plan larger than most: 25,000 resources and 20 MB besides planned_values, bounded and quick', async () => {
    const many = Array.from({ length: 25_000 }, (_, i) =>
      planned(
        `aws_db_instance.d[${i}]`,
        'aws_db_instance',
        { engine: 'postgres', publicly_accessible: i === 0 },
        {},
        i,
      ),
    );
    const text = JSON.stringify(plan(many, { prior_state: { filler: 'x'.repeat(20_000_000) } }));
    const started = Date.now();
    const { units, diagnostics } = parseTerraformPlan(PLAN, text);
    const unit = units[0] as TerraformModule;
    assert.equal(unit.resources.length, MAX_PLAN_RESOURCES);
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.message]),
      [
        [
          'info',
          `This plan has more than ${MAX_PLAN_RESOURCES} resources; the first ${MAX_PLAN_RESOURCES} were checked.`,
        ],
      ],
    );
    const ms = Date.now() - started;
    assert.ok(ms < 10_000, `${ms} ms`);
  });

  it('topLevelSpans skips strings with escaped quotes and nested values without reading them', () => {
    const text = '{"a":"x\\"}{[","planned_values":{"k":[1,{"b":"}"}]},"c":[[]],"resource_changes":[]}';
    const spans = topLevelSpans(text, ['planned_values', 'resource_changes'])!;
    assert.equal(
      text.slice(spans.get('planned_values')!.start, spans.get('planned_values')!.end),
      '{"k":[1,{"b":"}"}]}',
    );
    assert.equal(text.slice(spans.get('resource_changes')!.start, spans.get('resource_changes')!.end), '[]');
    assert.equal(topLevelSpans('{"a":', ['a']), undefined);
    assert.equal(topLevelSpans('[1]', ['a']), undefined);
  });

  it('a plan that is not valid JSON is one info finding, nothing checked', async () => {
    const text = JSON.stringify(plan()).slice(0, -10);
    const found = await scan(text, 'rds-publicly-accessible');
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.severity, f.message]),
      [
        [
          'parse-error',
          'info',
          'You · Configuration and policies: This Terraform plan is not valid JSON; nothing in it was checked',
        ],
      ],
    );
  });
});
