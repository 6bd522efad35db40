/**
 * The pure parts of hovers and CodeLens: markdown escaping, the property -> concern table, the
 * per-resource status of each concern, the CodeLens title and the provider "aws" Region.
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { resourceLenses } from '../../../src/features/code-lens';
import { hoverAt } from '../../../src/features/hover';
import type { Resource, TerraformModule } from '../../../src/iac/model';
import { CONCERNS, type ConcernId } from '../../../src/knowledge';
import { commandLink, escapeMarkdown, TRUSTED_COMMANDS, webLink } from '../../../src/features/markdown';
import { lensSummary, providerRegion, resourceResponsibility } from '../../../src/engine/responsibility';
import {
  PROPERTY_CONCERNS,
  findingConcerns,
  propertyConcern,
  propertyConcerns,
} from '../../../src/knowledge/property-concerns';
import {
  codeLensInfo,
  codeLensShowOf,
  outsideModelHoverMarkdown,
  ownershipLine,
  propertyHover,
  propertyPathAt,
  providerHoverMarkdown,
  resourceHoverMarkdown,
  wantsCodeLens,
} from '../../../src/features/responsibility';

/**
 * Markdown that could become active (a link or image, an autolink, raw HTML, a command URI) is
 * inert when, with every backslash-escaped character taken out, none of it is left.
 */
function assertInert(markdown: string, evil: string[]): void {
  const unescaped = markdown.replace(/\\[\s\S]/g, '');
  for (const text of evil) assert.ok(!unescaped.includes(text), `raw ${JSON.stringify(text)} in ${markdown}`);
  assert.ok(!/[<>]/.test(unescaped), `unescaped < or > in ${markdown}`);
}

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  OrdersDatabase:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUserPassword: !Ref Password
      StorageEncrypted: false
      PubliclyAccessible: false
      BackupRetentionPeriod: 14
      Tags:
        - Key: owner
          Value: team
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs
Parameters:
  Password:
    Type: String
    NoEcho: true
`;

function analyseYaml(text = YAML) {
  const analysis = new Analyzer().analyzeCloudFormation('/w/db.yaml', text);
  const unit = analysis.units[0];
  assert.ok(unit && unit.kind === 'cloudformation');
  const byId = (id: string): Resource => {
    const found = unit.resources.find((r) => r.id === id);
    assert.ok(found, id);
    return found;
  };
  return { analysis, byId };
}

describe('hover markdown escaping', () => {
  it('escapes every markdown, HTML and link character so template text renders as itself', () => {
    const cases = [
      '<img src=x onerror=alert(1)>',
      '[x](command:workbench.action.terminal.new)',
      '![i](https://e.example/x.png)',
      'https://evil.example',
      '`code` *b* _i_ | cell',
      '$(alert) &amp; #h',
    ];
    for (const text of cases) {
      const escaped = escapeMarkdown(text);
      assertInert(escaped, ['<img', '](', 'https://', '`code`']);
      // Unescaping gives the text back: nothing was dropped or changed.
      assert.equal(escaped.replace(/\\(.)/g, '$1'), text);
    }
  });

  it('keeps text on one line and shortens long text', () => {
    assert.equal(escapeMarkdown('a\nb\r\nc\td'), 'a b c d');
    const long = escapeMarkdown('x'.repeat(500), 50);
    assert.equal(long.length, 50);
    assert.ok(long.endsWith('…'));
  });

  it('builds command links only for our own commands, with encoded arguments', () => {
    const link = commandLink('Explain <b>', 'srlens.explainType', 'Custom::X)(y');
    assert.match(link, /^\[Explain \\<b\\>\]\(command:srlens\.explainType\?[^()\s]+\)$/);
    const encoded = link.slice(link.indexOf('?') + 1, -1);
    assert.deepEqual(JSON.parse(decodeURIComponent(encoded)), ['Custom::X)(y']);
    assert.throws(() => commandLink('x', 'workbench.action.terminal.new'), /not a command/);
    assert.deepEqual([...TRUSTED_COMMANDS].sort(), ['srlens.explainType', 'srlens.showMatrix']);
    assert.equal(webLink('docs', 'javascript:alert(1)'), 'docs');
    assert.equal(webLink('docs', 'https://example.com/a.md'), '[docs](https://example.com/a.md)');
  });
});

describe('property -> concern table', () => {
  const expected: [string, ConcernId][] = [
    ['StorageEncrypted', 'data-at-rest'],
    ['storage_encrypted', 'data-at-rest'],
    ['Encrypted', 'data-at-rest'],
    ['KmsKeyId', 'data-at-rest'],
    ['kms_master_key_id', 'data-at-rest'],
    ['BucketEncryption', 'data-at-rest'],
    ['SSESpecification', 'data-at-rest'],
    ['TransitEncryptionEnabled', 'data-in-transit'],
    ['NodeToNodeEncryptionOptions', 'data-in-transit'],
    ['ViewerProtocolPolicy', 'data-in-transit'],
    ['PubliclyAccessible', 'network-access'],
    ['publicly_accessible', 'network-access'],
    ['VPCSecurityGroups', 'network-access'],
    ['vpc_security_group_ids', 'network-access'],
    ['SecurityGroupIngress', 'network-access'],
    ['map_public_ip_on_launch', 'network-access'],
    ['MasterUserPassword', 'credentials'],
    ['password', 'credentials'],
    ['AuthToken', 'credentials'],
    ['auth_token', 'credentials'],
    ['Tags', 'tagging'],
    ['tags', 'tagging'],
    ['LoggingConfiguration', 'logging-monitoring'],
    ['EnableCloudwatchLogsExports', 'logging-monitoring'],
    ['BackupRetentionPeriod', 'backup-dr'],
    ['backup_retention_period', 'backup-dr'],
    ['DeletionProtection', 'backup-dr'],
    ['MultiAZ', 'backup-dr'],
    ['multi_az', 'backup-dr'],
    ['PointInTimeRecoverySpecification', 'backup-dr'],
    ['VersioningConfiguration', 'backup-dr'],
    ['AssumeRolePolicyDocument', 'identity-access'],
    ['IamDatabaseAuthenticationEnabled', 'identity-access'],
    ['AvailabilityZone', 'region-placement'],
    ['ImageId', 'machine-image'],
    ['AutoMinorVersionUpgrade', 'applications'],
  ];
  for (const [key, concern] of expected) {
    it(`${key} -> ${concern}`, () => assert.equal(propertyConcern(key), concern));
  }

  it('does not claim properties that settle nothing', () => {
    for (const key of [
      'Engine',
      'DBInstanceClass',
      'AllocatedStorage',
      'BucketName',
      'instance_class',
      'QueueName',
      '',
      'MasterUsername',
    ]) {
      assert.equal(propertyConcern(key), undefined, key);
    }
  });

  it('maps only to real concerns', () => {
    const ids = new Set(CONCERNS.map((c) => c.id));
    for (const entry of PROPERTY_CONCERNS) assert.ok(ids.has(entry.concern), entry.concern);
  });
});

describe('resource summary', () => {
  it('gives every concern an owner and this resource a status', () => {
    const { analysis, byId } = analyseYaml();
    const summary = resourceResponsibility(byId('OrdersDatabase'), analysis.findings);
    assert.equal(summary.tier, 'container');
    assert.equal(summary.service, 'Amazon RDS');
    assert.equal(summary.rows.length, CONCERNS.length);
    const status = (c: ConcernId) => summary.rows.find((r) => r.concern === c);
    assert.equal(status('facilities')?.kind, 'aws');
    assert.equal(status('operating-system')?.kind, 'aws');
    assert.equal(status('data-at-rest')?.kind, 'open');
    assert.deepEqual(
      status('data-at-rest')?.findings.map((f) => f.ruleId),
      ['rds-storage-encryption'],
    );
    assert.equal(status('network-access')?.kind, 'settled');
    assert.deepEqual(status('network-access')?.properties, ['PubliclyAccessible']);
    assert.equal(status('tagging')?.kind, 'settled');
    const open = new Set(
      analysis.findings
        .filter((f) => f.resource === 'OrdersDatabase')
        .flatMap((f) => findingConcerns(f.ruleId, f.concern)),
    );
    assert.equal(summary.rows.filter((r) => r.kind === 'open').length, open.size);
    assert.equal(summary.openFindings, analysis.findings.filter((f) => f.resource === 'OrdersDatabase').length);
    assert.equal(summary.yours, summary.rows.filter((r) => r.applicable && r.owner !== 'aws').length);
  });

  it('shows a suppressed finding as accepted, not as open or settled', () => {
    const text = YAML.replace(
      '      StorageEncrypted: false',
      '      # srlens-ignore rds-storage-encryption encrypted volumes are not available for this engine here\n      StorageEncrypted: false',
    );
    const { analysis, byId } = analyseYaml(text);
    assert.ok(!analysis.findings.some((f) => f.ruleId === 'rds-storage-encryption'));
    const summary = resourceResponsibility(byId('OrdersDatabase'), analysis.findings, analysis.suppressed ?? []);
    const row = summary.rows.find((r) => r.concern === 'data-at-rest');
    assert.equal(row?.kind, 'accepted');
    assert.match(
      resourceHoverMarkdown(summary),
      /\| Data at rest \| You \| accepted \(suppressed\): RDS storage is not encrypted \|/,
    );
  });

  it('renders the hover table with one row per concern and trusted links only', () => {
    const { analysis, byId } = analyseYaml();
    const markdown = resourceHoverMarkdown(resourceResponsibility(byId('OrdersDatabase'), analysis.findings));
    const lines = markdown.split('\n');
    assert.equal(
      lines[0],
      '**Container services** · Amazon RDS · You: region, network access, data, credentials, identity, tagging, configuration · AWS: facilities to OS · Shared: applications, backup, logging',
    );
    // then the open findings, each once, before the table
    const findingLines = lines.filter((l) => l.startsWith('- **open:** '));
    assert.deepEqual(
      findingLines.map((l) => /\[([^\]]+)\]/.exec(l)?.[1]),
      [
        'RDS database runs in a single Availability Zone',
        'RDS storage is not encrypted',
        'RDS deletion protection is off',
        'RDS IAM database authentication is off',
      ],
    );
    assert.ok(lines.indexOf(findingLines[0]) < lines.indexOf('| Concern | Owner | This resource |'));
    assert.match(markdown, /\| Data at rest \| You \| \*\*open:\*\* \[RDS storage is not encrypted\]\(https:/);
    assert.match(markdown, /\| Facilities \| AWS \| AWS \|/);
    assert.match(markdown, /settled by PubliclyAccessible/);
    assert.equal(
      markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Concern') && !l.startsWith('| ---'))
        .length,
      CONCERNS.length,
    );
    const commands = [...markdown.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.deepEqual(commands, ['srlens.showMatrix', 'srlens.explainType']);
    const matrix = /command:srlens\.showMatrix\?([^)]+)\)/.exec(markdown);
    assert.deepEqual(JSON.parse(decodeURIComponent(matrix?.[1] ?? '')), [
      { file: '/w/db.yaml', resource: 'OrdersDatabase' },
    ]);
  });

  it('escapes a hostile type and property key in hovers', () => {
    const text = `Resources:
  Odd:
    Type: "Custom::<img src=x onerror=alert(1)>"
    Properties:
      BucketEncryption:
        "[x](command:workbench.action.terminal.new)": true
`;
    const { analysis, byId } = analyseYaml(text);
    const odd = byId('Odd');
    const markdown = resourceHoverMarkdown(resourceResponsibility(odd, analysis.findings));
    assertInert(markdown.replace(/\]\(command:srlens\.[^)]+\)/g, ''), ['<img', 'command:workbench']);
    const nested = odd.properties.properties[0].value;
    assert.ok(nested.kind === 'map');
    const key = nested.properties[0];
    const path = propertyPathAt(odd.properties, key.keyRange.start);
    assert.deepEqual(
      path?.map((p) => p.key),
      ['BucketEncryption', '[x](command:workbench.action.terminal.new)'],
    );
    const hover = propertyHover(odd, path ?? [], analysis.findings);
    assert.equal(hover?.concern, 'data-at-rest');
    assert.ok(!hover?.markdown.includes('](command:'), hover?.markdown);
    assert.match(hover?.markdown ?? '', /part of BucketEncryption/);
  });

  it('explains a property: a finding on it first, else the table', () => {
    const { analysis, byId } = analyseYaml();
    const db = byId('OrdersDatabase');
    const keyOf = (name: string) => db.properties.properties.find((p) => p.key === name);
    const encrypted = keyOf('StorageEncrypted');
    assert.ok(encrypted);
    const hover = propertyHover(db, [encrypted], analysis.findings);
    assert.equal(hover?.concern, 'data-at-rest');
    assert.match(hover?.markdown ?? '', /\*\*StorageEncrypted\*\* settles \*\*Data at rest\*\*/);
    assert.match(hover?.markdown ?? '', /You own this for Amazon RDS \(Container services\)/);
    assert.match(hover?.markdown ?? '', /\*\*open:\*\* \[RDS storage is not encrypted\]/);
    const controls = (hover?.markdown ?? '').split('\n').find((line) => line.startsWith('Controls: '));
    assert.equal(
      controls?.replace(/\\(.)/g, '$1'),
      'Controls: AWS Security Hub RDS.3, RDS.27 · ISO/IEC 27001:2022 8.24',
    );
    const engine = keyOf('Engine');
    assert.ok(engine);
    assert.equal(propertyHover(db, [engine], analysis.findings), undefined);
  });
});

describe('CodeLens title', () => {
  it('names the tier, the concerns you own or share, and the open findings', () => {
    const { analysis, byId } = analyseYaml();
    const summary = resourceResponsibility(byId('OrdersDatabase'), analysis.findings);
    const { title } = codeLensInfo(summary);
    assert.equal(
      title,
      `Container · you own or share ${summary.yours} · ${summary.openFindings} open ${summary.openFindings === 1 ? 'finding' : 'findings'}`,
    );
    assert.ok(summary.openFindings > 0);
    const light = codeLensInfo(lensSummary(byId('OrdersDatabase'), summary.openFindings));
    assert.deepEqual(light, codeLensInfo(summary), 'the CodeLens shortcut agrees with the full summary');
    const queue = codeLensInfo(
      resourceResponsibility(
        byId('Queue'),
        analysis.findings.filter((f) => f.resource === 'Queue' && false),
      ),
    );
    assert.match(queue.title, /^Abstracted · you own or share \d+ · no open findings$/);
  });
});

describe('provider "aws" hover', () => {
  async function moduleOf(text: string): Promise<TerraformModule> {
    const analysis = await new Analyzer().analyzeTerraformModule('/m', [{ path: '/m/main.tf', text }]);
    const unit = analysis.units[0];
    assert.ok(unit && unit.kind === 'terraform');
    return unit;
  }

  it('shows a literal Region with the residency, AZ and replication notes', async () => {
    const module = await moduleOf('provider "aws" {\n  region = "eu-west-1"\n}\n');
    const provider = module.providers[0];
    assert.deepEqual(providerRegion(provider, module), { region: 'eu-west-1', detail: 'set in this block' });
    const markdown = providerHoverMarkdown(provider, module);
    assert.match(markdown, /Region: \*\*eu\\-west\\-1\*\*/);
    assert.match(markdown, /data stays in this Region unless you replicate it/);
    assert.match(markdown, /you choose which ones/);
    assert.match(markdown, /copies outside the Region are yours/);
  });

  it('follows a variable default, and says when the Region is decided at deploy time', async () => {
    const withDefault = await moduleOf(
      'variable "region" {\n  default = "us-east-2"\n}\nprovider "aws" {\n  region = var.region\n}\n',
    );
    assert.equal(providerRegion(withDefault.providers[0], withDefault).region, 'us-east-2');
    assert.match(providerRegion(withDefault.providers[0], withDefault).detail, /default of variable region/);
    const noDefault = await moduleOf(
      'variable "region" {\n  type = string\n}\nprovider "aws" {\n  region = var.region\n}\n',
    );
    assert.deepEqual(providerRegion(noDefault.providers[0], noDefault), {
      detail: 'decided at deploy time (variable region has no default)',
    });
    const fromVarFile = (
      await new Analyzer({
        terraform: {
          readFile: async (file) => (file === '/m/terraform.tfvars' ? 'region = "eu-north-1"\n' : undefined),
          listFiles: async () => ['main.tf', 'terraform.tfvars'],
        },
      }).analyzeTerraformModule('/m', [
        {
          path: '/m/main.tf',
          text: 'variable "region" {\n  type = string\n}\nprovider "aws" {\n  region = var.region\n}\n',
        },
      ])
    ).units[0];
    assert.ok(fromVarFile?.kind === 'terraform');
    assert.deepEqual(providerRegion(fromVarFile.providers[0], fromVarFile), {
      region: 'eu-north-1',
      detail: 'variable region, set in terraform.tfvars',
    });
    const unset = await moduleOf('provider "aws" {\n  alias = "x"\n}\n');
    assert.equal(providerRegion(unset.providers[0], unset).region, undefined);
    assert.match(providerHoverMarkdown(unset.providers[0], unset), /alias x/);
  });
});

describe('CodeLens choice (srlens.codeLens.show)', () => {
  const cases: [show: 'findings' | 'all' | 'off', type: string, open: number, wanted: boolean][] = [
    ['findings', 'AWS::RDS::DBInstance', 0, true],
    ['findings', 'aws_s3_bucket', 0, true],
    ['findings', 'AWS::EC2::VPC', 0, true],
    ['findings', 'AWS::EC2::Subnet', 0, false],
    ['findings', 'aws_route', 0, false],
    ['findings', 'AWS::EC2::SubnetRouteTableAssociation', 0, false],
    ['findings', 'AWS::EC2::VPCGatewayAttachment', 0, false],
    ['findings', 'aws_s3_bucket_versioning', 0, false],
    ['findings', 'AWS::S3::BucketPolicy', 0, false],
    ['findings', 'aws_s3_bucket_versioning', 1, true],
    ['findings', 'random_id', 0, false],
    ['findings', 'null_resource', 2, false],
    ['all', 'AWS::EC2::Subnet', 0, true],
    ['all', 'aws_route_table_association', 0, true],
    ['all', 'time_sleep', 0, false],
    ['off', 'AWS::RDS::DBInstance', 3, false],
  ];
  for (const [show, type, open, wanted] of cases) {
    it(`${show}: ${type} with ${open} open -> ${wanted ? 'a CodeLens' : 'none'}`, () =>
      assert.equal(wantsCodeLens(show, type, open), wanted));
  }

  it('reads the setting, falling back to findings', () => {
    assert.equal(codeLensShowOf('all'), 'all');
    assert.equal(codeLensShowOf('off'), 'off');
    assert.equal(codeLensShowOf('findings'), 'findings');
    assert.equal(codeLensShowOf('ALL'), 'findings');
    assert.equal(codeLensShowOf(true), 'findings');
    assert.equal(codeLensShowOf(undefined), 'findings');
  });
});

describe('ownership line', () => {
  const row = (concern: ConcernId, owner: 'aws' | 'customer' | 'shared', applicable = true) => ({
    concern,
    owner,
    applicable,
  });
  it('says who owns what in words, you first, runs of layers as "a to b"', () => {
    const s3 = resourceResponsibility(analyseYaml(S3_YAML).byId('Bucket'), []);
    assert.equal(
      ownershipLine(s3.rows),
      'You: data in transit, credentials, identity, tagging, configuration · AWS: facilities to applications · Shared: region, network access, data at rest, backup, logging',
    );
    assert.equal(
      ownershipLine([row('facilities', 'aws'), row('physical-hardware', 'aws'), row('data-at-rest', 'customer')]),
      'You: data at rest · AWS: facilities, hardware',
    );
    assert.equal(
      ownershipLine([
        row('data-in-transit', 'shared'),
        row('data-at-rest', 'shared'),
        row('backup-dr', 'customer', false),
      ]),
      'Shared: data',
    );
  });
});

const S3_YAML = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
`;

describe('no status contradicts a finding beside it', () => {
  it('a single-AZ database is open under backup and under placement, with the same finding', () => {
    const { analysis, byId } = analyseYaml(
      YAML.replace('      Engine: postgres', '      Engine: postgres\n      MultiAZ: false'),
    );
    const summary = resourceResponsibility(byId('OrdersDatabase'), analysis.findings);
    const row = (c: ConcernId) => summary.rows.find((r) => r.concern === c);
    assert.equal(row('backup-dr')?.kind, 'open');
    assert.equal(row('region-placement')?.kind, 'open');
    assert.deepEqual(
      row('region-placement')?.findings.map((f) => f.ruleId),
      ['rds-multi-az'],
    );
    const markdown = resourceHoverMarkdown(summary);
    assert.match(
      markdown,
      /\| Region and AZ placement \| You \| \*\*open:\*\* \[RDS database runs in a single Availability Zone\]/,
    );
    assert.equal(
      markdown.split('\n').filter((l) => l.startsWith('- **open:** [RDS database runs in a single')).length,
      1,
    );
  });

  it('MultiAZ: true settles placement too', () => {
    const { analysis, byId } = analyseYaml(
      YAML.replace('      Engine: postgres', '      Engine: postgres\n      MultiAZ: true'),
    );
    const summary = resourceResponsibility(byId('OrdersDatabase'), analysis.findings);
    const placement = summary.rows.find((r) => r.concern === 'region-placement');
    assert.equal(placement?.kind, 'settled');
    assert.deepEqual(placement?.properties, ['MultiAZ']);
  });

  it('knows the second concerns of a property and of a rule', () => {
    assert.deepEqual(propertyConcerns('MultiAZ'), ['backup-dr', 'region-placement']);
    assert.deepEqual(propertyConcerns('multi_az'), ['backup-dr', 'region-placement']);
    assert.deepEqual(propertyConcerns('StorageEncrypted'), ['data-at-rest']);
    assert.deepEqual(propertyConcerns('Engine'), []);
    assert.deepEqual(findingConcerns('rds-multi-az', 'backup-dr'), ['backup-dr', 'region-placement']);
    assert.deepEqual(findingConcerns('autoscaling-single-az', 'region-placement'), ['region-placement', 'backup-dr']);
    assert.deepEqual(findingConcerns('rds-storage-encryption', 'data-at-rest'), ['data-at-rest']);
  });
});

describe('resources of other providers', () => {
  it('have a hover that puts them outside the model, without owners', () => {
    const markdown = outsideModelHoverMarkdown({ id: 'random_id.suffix', type: 'random_id' });
    assert.equal(
      markdown,
      '**random\\_id\\.suffix** · random\\_id · random provider\n\nOutside the AWS Shared Responsibility Model: not an AWS resource, so no concern of it is owned by AWS or shared with AWS.',
    );
    assert.ok(!markdown.includes('Unclassified'));
  });
});

describe('instances of one block (count, for_each, Fn::ForEach)', () => {
  const TF = [
    'resource "aws_security_group" "web" {',
    '  for_each = toset(["a", "b", "c"])',
    '  name     = "web-${each.key}"',
    '  ingress {',
    '    from_port   = 22',
    '    to_port     = 22',
    '    protocol    = "tcp"',
    '    cidr_blocks = each.key == "a" ? ["0.0.0.0/0"] : ["10.0.0.0/8"]',
    '  }',
    '}',
    '',
    'resource "aws_sqs_queue" "many" {',
    '  count = 60',
    '  name  = "q-${count.index}"',
    '}',
    '',
  ].join('\n');

  async function analysis() {
    return new Analyzer().analyzeTerraformModule('/m', [{ path: '/m/main.tf', text: TF }]);
  }

  it('gives a block one CodeLens that counts its instances and all their findings', async () => {
    const result = await analysis();
    const lenses = resourceLenses(result, '/m/main.tf', 'info', 'all');
    const queueFindings = result.findings.filter((f) => f.resource.startsWith('aws_sqs_queue.many[')).length;
    assert.ok(queueFindings >= 60, `${queueFindings} findings on the queues`);
    assert.deepEqual(
      lenses.map((l) => [l.line, l.title.replace(/you own or share \d+/, 'you own or share N')]),
      [
        [0, 'Infrastructure · 3 instances · you own or share N · 1 open finding'],
        [11, `Abstracted · 60 instances · you own or share N · ${queueFindings} open findings`],
      ],
    );
    assert.match(lenses[0].tooltip, /^3 instances, the first aws_security_group\.web\["a"\]/);
    // Only the instance whose key opens SSH to the internet has the finding.
    const ssh = result.findings
      .filter((f) => f.ruleId === 'ec2-security-group-admin-ports-open')
      .map((f) => f.resource);
    assert.deepEqual(ssh, ['aws_security_group.web["a"]']);
  });

  it('hovers every instance of the block, each with its own findings, and lists the rest past five', async () => {
    const result = await analysis();
    const web = hoverAt(result, '/m/main.tf', { line: 0, character: 12 }, 'info');
    assert.ok(web);
    const sections = web.markdown.split('\n\n---\n\n');
    assert.equal(sections.length, 3);
    ['a', 'b', 'c'].forEach((key, i) =>
      assert.ok(sections[i].includes(escapeMarkdown(`aws_security_group.web["${key}"]`, 120)), key),
    );
    const opensSsh = /\| Network access \| You \| \*\*open:\*\*/;
    assert.match(sections[0], opensSsh);
    assert.doesNotMatch(sections[1], opensSsh);
    const many = hoverAt(result, '/m/main.tf', { line: 11, character: 12 }, 'info');
    assert.ok(many);
    const parts = many.markdown.split('\n\n---\n\n');
    assert.equal(parts.length, 6, 'five in full, then a list');
    assert.match(parts[5], /^55 more instances of this block:/);
    assert.equal((parts[5].match(/^- \*\*/gm) ?? []).length, 50);
    assert.match(parts[5], /and 5 more\.$/);
  });
});
