/**
 * Nested stacks with a local path (`TemplateURL: ./child.yaml`, SAM `Location`): the child is
 * analysed with the parameters its parent passes, its findings land in its own file and name the
 * parent, and its own analysis (its defaults) and the parents' instances combine without repeating
 * a problem or reporting one that every parent overrides.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import type { Finding } from '../../../src/engine/finding';
import { MAX_NESTED_DEPTH, resolveLocation, type ReadFile } from '../../../src/engine/nested-stacks';
import { run } from '../../../src/cli/main';
import type { Range } from '../../../src/iac/model';
import { rule as rdsMasterPasswordHardcoded } from '../../../src/rules/rds-master-password-hardcoded';
import { rule as secretsHardcoded } from '../../../src/rules/secrets-hardcoded';
import { rule as adminPortsOpen } from '../../../src/rules/ec2-security-group-admin-ports-open';

const SUBNET_MESSAGE =
  "You · Network access: subnet 'Subnet' gives every instance launched into it a public IP address";
const SUBNET_DETAIL =
  "Which workloads face the internet is yours to decide, not the subnet's: turn this off and let instances that must be public ask for an address.";
const RULE = 'vpc-subnet-public-ip-on-launch';
const NOT_ANALYSED =
  "You · Configuration and policies: nested stack 'ChildStack' is not analysed, so its resources are not checked here";

function r(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** A child whose subnet's public IP setting is the parameter `PublicIp`. */
function childYaml(defaultValue: string): string {
  return [
    'Parameters:',
    '  PublicIp:',
    '    Type: String',
    `    Default: '${defaultValue}'`,
    'Resources:',
    '  Subnet:',
    '    Type: AWS::EC2::Subnet',
    '    Properties:',
    '      VpcId: vpc-1',
    '      CidrBlock: 10.0.0.0/24',
    '      MapPublicIpOnLaunch: !Ref PublicIp',
    '',
  ].join('\n');
}
/** `!Ref PublicIp` in `childYaml`. */
const CHILD_YAML_REF = r(10, 27, 10, 40);

function childJson(defaultValue: string): string {
  return [
    '{',
    `  "Parameters": { "PublicIp": { "Type": "String", "Default": "${defaultValue}" } },`,
    '  "Resources": {',
    '    "Subnet": {',
    '      "Type": "AWS::EC2::Subnet",',
    '      "Properties": {',
    '        "VpcId": "vpc-1",',
    '        "CidrBlock": "10.0.0.0/24",',
    '        "MapPublicIpOnLaunch": { "Ref": "PublicIp" }',
    '      }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}
/** `{ "Ref": "PublicIp" }` in `childJson`. */
const CHILD_JSON_REF = r(8, 31, 8, 52);

/** A parent with one stack resource `ChildStack` at `location`, passing `PublicIp` as `passed` (YAML text) unless undefined. */
function parentYaml(location: string, passed?: string, extra = ''): string {
  return [
    extra,
    'Resources:',
    '  ChildStack:',
    '    Type: AWS::CloudFormation::Stack',
    '    Properties:',
    `      TemplateURL: ${location}`,
    ...(passed === undefined ? [] : ['      Parameters:', `        PublicIp: ${passed}`]),
    '',
  ]
    .filter((line, i) => i > 0 || line !== '')
    .join('\n');
}

function parentJson(location: string, passed?: unknown): string {
  const properties: Record<string, unknown> = { TemplateURL: location };
  if (passed !== undefined) properties.Parameters = { PublicIp: passed };
  return JSON.stringify({ Resources: { ChildStack: { Type: 'AWS::CloudFormation::Stack', Properties: properties } } });
}

interface Seen {
  ruleId: string;
  file: string;
  resource: string;
  range: Range;
  message: string;
  detail?: string;
}

function seen(findings: Finding[]): Seen[] {
  return findings.map(({ ruleId, file, resource, range, message, detail }) => ({
    ruleId,
    file,
    resource,
    range,
    message,
    detail,
  }));
}

async function analyze(files: SourceFile[], readFile?: ReadFile): Promise<Seen[]> {
  return seen((await new Analyzer({ readFile }).analyze(files)).findings);
}

function subnetFinding(file: string, range: Range, resource: string, suffix = ''): Seen {
  // The stack path and the outermost parent are in the detail; `resource` names the path too.
  return {
    ruleId: RULE,
    file,
    resource,
    range,
    message: SUBNET_MESSAGE,
    detail: suffix ? `${SUBNET_DETAIL} ${suffix}` : SUBNET_DETAIL,
  };
}

describe('nested stacks with a local template', () => {
  describe('a parameter passed by the parent', () => {
    const cases: {
      name: string;
      parent: (location: string) => string;
      parentFile: string;
      child: (d: string) => string;
      childFile: string;
      childDefault: string;
      at: Range;
      expected: 'instance' | 'own' | 'none';
    }[] = [
      {
        name: 'YAML: a literal insecure value, child default secure: the finding is the instance’s, naming the parent',
        parent: (l) => parentYaml(l, "'true'"),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'false',
        at: CHILD_YAML_REF,
        expected: 'instance',
      },
      {
        name: 'JSON parent and child: the same',
        parent: (l) => parentJson(l, 'true'),
        parentFile: '/r/parent.json',
        child: childJson,
        childFile: '/r/child.json',
        childDefault: 'false',
        at: CHILD_JSON_REF,
        expected: 'instance',
      },
      {
        name: 'a YAML boolean literal counts as the literal',
        parent: (l) => parentYaml(l, 'true'),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'false',
        at: CHILD_YAML_REF,
        expected: 'instance',
      },
      {
        name: 'YAML: a !Ref to a parent parameter without a default: unknown, silent',
        parent: (l) => parentYaml(l, '!Ref Public', 'Parameters:\n  Public:\n    Type: String'),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'false',
        at: CHILD_YAML_REF,
        expected: 'none',
      },
      {
        name: 'YAML: a !Ref to a parent parameter without a default overrides an insecure child default: silent',
        parent: (l) => parentYaml(l, '!Ref Public', 'Parameters:\n  Public:\n    Type: String'),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'true',
        at: CHILD_YAML_REF,
        expected: 'none',
      },
      {
        name: 'JSON: Fn::GetAtt is unknown, silent',
        parent: (l) => parentJson(l, { 'Fn::GetAtt': ['Other', 'Value'] }),
        parentFile: '/r/parent.json',
        child: childJson,
        childFile: '/r/child.json',
        childDefault: 'true',
        at: CHILD_JSON_REF,
        expected: 'none',
      },
      {
        name: 'YAML: an intrinsic (!If) is unknown, silent',
        parent: (l) => parentYaml(l, "!If [IsProd, 'false', 'true']"),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'true',
        at: CHILD_YAML_REF,
        expected: 'none',
      },
      {
        name: 'YAML: a !Ref to a parent parameter whose default is insecure is followed, as in the parent itself',
        parent: (l) => parentYaml(l, '!Ref Public', "Parameters:\n  Public:\n    Type: String\n    Default: 'true'"),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'false',
        at: CHILD_YAML_REF,
        expected: 'instance',
      },
      {
        name: 'YAML: not passed, child default insecure: the child’s own finding, once, no parent named',
        parent: (l) => parentYaml(l),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'true',
        at: CHILD_YAML_REF,
        expected: 'own',
      },
      {
        name: 'JSON: not passed, child default insecure: the same',
        parent: (l) => parentJson(l),
        parentFile: '/r/parent.json',
        child: childJson,
        childFile: '/r/child.json',
        childDefault: 'true',
        at: CHILD_JSON_REF,
        expected: 'own',
      },
      {
        name: 'YAML: the same insecure value passed as the default: the child’s own finding, once',
        parent: (l) => parentYaml(l, "'true'"),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'true',
        at: CHILD_YAML_REF,
        expected: 'own',
      },
      {
        name: 'YAML: the only parent overrides an insecure default with a secure literal: nothing',
        parent: (l) => parentYaml(l, "'false'"),
        parentFile: '/r/parent.yaml',
        child: childYaml,
        childFile: '/r/child.yaml',
        childDefault: 'true',
        at: CHILD_YAML_REF,
        expected: 'none',
      },
      {
        name: 'JSON: the same',
        parent: (l) => parentJson(l, 'false'),
        parentFile: '/r/parent.json',
        child: childJson,
        childFile: '/r/child.json',
        childDefault: 'true',
        at: CHILD_JSON_REF,
        expected: 'none',
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const location = `./${path.posix.basename(c.childFile)}`;
        const findings = await analyze([
          { path: c.parentFile, text: c.parent(location) },
          { path: c.childFile, text: c.child(c.childDefault) },
        ]);
        const expected =
          c.expected === 'none'
            ? []
            : c.expected === 'own'
              ? [subnetFinding(c.childFile, c.at, 'Subnet')]
              : [
                  subnetFinding(
                    c.childFile,
                    c.at,
                    'ChildStack/Subnet',
                    `(nested stack ChildStack in ${path.posix.basename(c.parentFile)})`,
                  ),
                ];
        assert.deepEqual(findings, expected);
      });
    }

    it('a YAML parent nesting a JSON child in a subfolder (child/template.json)', async () => {
      const findings = await analyze([
        { path: '/r/parent.yaml', text: parentYaml('child/template.json', "'true'") },
        { path: '/r/child/template.json', text: childJson('false') },
      ]);
      assert.deepEqual(findings, [
        subnetFinding(
          '/r/child/template.json',
          CHILD_JSON_REF,
          'ChildStack/Subnet',
          '(nested stack ChildStack in parent.yaml)',
        ),
      ]);
    });

    it('a SAM AWS::Serverless::Application with a local Location', async () => {
      const parent = [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Network:',
        '    Type: AWS::Serverless::Application',
        '    Properties:',
        '      Location: network/template.yaml',
        '      Parameters:',
        "        PublicIp: 'true'",
        '',
      ].join('\n');
      const findings = await analyze([
        { path: '/r/template.yaml', text: parent },
        { path: '/r/network/template.yaml', text: childYaml('false') },
      ]);
      assert.deepEqual(findings, [
        subnetFinding(
          '/r/network/template.yaml',
          CHILD_YAML_REF,
          'Network/Subnet',
          '(nested stack Network in template.yaml)',
        ),
      ]);
    });

    it('a SAM application from the Serverless Application Repository (Location is a map) stays opaque', async () => {
      const parent =
        'Resources:\n  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location:\n        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/x\n        SemanticVersion: 1.0.0\n';
      assert.deepEqual(await analyze([{ path: '/r/template.yaml', text: parent }]), []);
    });

    it('an https or s3 TemplateURL stays opaque: nothing read, nothing reported', async () => {
      const asked: string[] = [];
      const readFile: ReadFile = (file) => (asked.push(file), undefined);
      for (const url of ['https://s3.amazonaws.com/bucket/child.yaml', 's3://bucket/child.yaml']) {
        assert.deepEqual(await analyze([{ path: '/r/parent.yaml', text: parentYaml(url, "'true'") }], readFile), []);
      }
      assert.deepEqual(asked, []);
    });
  });

  describe("a value the parent passes is not the child's Default", () => {
    it('a message says where the value comes from', async () => {
      const sg = [
        'Parameters:',
        '  Cidr:',
        '    Type: String',
        '    Default: 10.0.0.0/8',
        'Resources:',
        '  Sg:',
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        '      GroupDescription: ssh',
        '      SecurityGroupIngress:',
        '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr }',
        '',
      ].join('\n');
      const analysis = await new Analyzer({ rules: [adminPortsOpen] }).analyze([
        { path: '/r/parent.yaml', text: parentYaml('./child.yaml', '0.0.0.0/0').replace('PublicIp', 'Cidr') },
        { path: '/r/child.yaml', text: sg },
      ]);
      assert.equal(analysis.findings.length, 1);
      assert.ok(
        analysis.findings[0].detail?.startsWith(
          "The source is anywhere (0.0.0.0/0, parameter Cidr, passed by stack 'ChildStack' in parent.yaml).",
        ),
        analysis.findings[0].detail,
      );
    });
  });

  describe('a secret passed by the parent is reported once, where it is written', () => {
    const child = (noEcho: boolean) =>
      [
        'Parameters:',
        '  DbPassword:',
        '    Type: String',
        ...(noEcho ? ['    NoEcho: true'] : []),
        'Resources:',
        '  Db:',
        '    Type: AWS::RDS::DBInstance',
        '    Properties:',
        '      Engine: mysql',
        '      MasterUsername: admin',
        '      MasterUserPassword: !Ref DbPassword',
        '',
      ].join('\n');
    const parent = parentYaml('./child.yaml', "'Sup3rS3cretPassw0rd!'").replace('PublicIp', 'DbPassword');
    for (const noEcho of [true, false])
      it(`the child's parameter ${noEcho ? 'is' : 'is not'} NoEcho: the parent's finding only`, async () => {
        const analysis = await new Analyzer({ rules: [rdsMasterPasswordHardcoded, secretsHardcoded] }).analyze([
          { path: '/r/parent.yaml', text: parent },
          { path: '/r/child.yaml', text: child(noEcho) },
        ]);
        assert.deepEqual(
          analysis.findings.map((f) => [f.ruleId, f.file, f.resource, f.range]),
          [['secrets-hardcoded', '/r/parent.yaml', 'ChildStack', r(6, 20, 6, 42)]],
        );
      });

    it('control: when the parent’s analysis does not report the value, it reaches the child’s instance', async () => {
      const analysis = await new Analyzer({ rules: [rdsMasterPasswordHardcoded] }).analyze([
        { path: '/r/parent.yaml', text: parent },
        { path: '/r/child.yaml', text: child(false) },
      ]);
      assert.deepEqual(
        analysis.findings.map((f) => [f.ruleId, f.file, f.resource, f.range]),
        [['rds-master-password-hardcoded', '/r/child.yaml', 'ChildStack/Db', r(9, 26, 9, 41)]],
      );
    });
  });

  describe('two parents of one child', () => {
    it('one overrides the insecure default, the other does not pass it: only the second is named', async () => {
      const findings = await analyze([
        { path: '/r/a.yaml', text: parentYaml('./child.yaml', "'false'") },
        { path: '/r/b.yaml', text: parentYaml('./child.yaml') },
        { path: '/r/child.yaml', text: childYaml('true') },
      ]);
      assert.deepEqual(findings, [
        subnetFinding('/r/child.yaml', CHILD_YAML_REF, 'ChildStack/Subnet', '(nested stack ChildStack in b.yaml)'),
      ]);
    });

    it('both pass an insecure literal over a secure default: one finding per parent', async () => {
      const findings = await analyze([
        { path: '/r/a.yaml', text: parentYaml('./child.yaml', "'true'") },
        { path: '/r/b.yaml', text: parentYaml('./child.yaml', "'true'") },
        { path: '/r/child.yaml', text: childYaml('false') },
      ]);
      assert.deepEqual(findings, [
        subnetFinding('/r/child.yaml', CHILD_YAML_REF, 'ChildStack/Subnet', '(nested stack ChildStack in a.yaml)'),
        subnetFinding('/r/child.yaml', CHILD_YAML_REF, 'ChildStack/Subnet', '(nested stack ChildStack in b.yaml)'),
      ]);
    });

    it('a finding that does not depend on parameters is reported once, as the child’s own', async () => {
      const child = childYaml('false').replace('!Ref PublicIp', "'true'");
      const findings = await analyze([
        { path: '/r/a.yaml', text: parentYaml('./child.yaml', "'false'") },
        { path: '/r/b.yaml', text: parentYaml('./child.yaml', "'true'") },
        { path: '/r/child.yaml', text: child },
      ]);
      assert.deepEqual(findings, [subnetFinding('/r/child.yaml', r(10, 27, 10, 33), 'Subnet')]);
    });
  });

  describe('three levels: parent → middle → child', () => {
    const middle = [
      'Parameters:',
      '  Public:',
      '    Type: String',
      "    Default: 'false'",
      'Resources:',
      '  Inner:',
      '    Type: AWS::CloudFormation::Stack',
      '    Properties:',
      '      TemplateURL: ../leaf/child.yaml',
      '      Parameters:',
      '        PublicIp: !Ref Public',
      '',
    ].join('\n');

    it('the value travels down two levels; the finding names the whole stack path and the outermost parent', async () => {
      const findings = await analyze([
        {
          path: '/r/parent.yaml',
          text: parentYaml('mid/middle.yaml').replace(
            'TemplateURL',
            "Parameters:\n        Public: 'true'\n      TemplateURL",
          ),
        },
        { path: '/r/mid/middle.yaml', text: middle },
        { path: '/r/leaf/child.yaml', text: childYaml('false') },
      ]);
      assert.deepEqual(findings, [
        subnetFinding(
          '/r/leaf/child.yaml',
          CHILD_YAML_REF,
          'ChildStack/Inner/Subnet',
          '(nested stack ChildStack/Inner in parent.yaml)',
        ),
      ]);
    });

    it('the middle template’s own expansion (its defaults) is not reported beside its parent’s', async () => {
      const findings = await analyze([
        { path: '/r/parent.yaml', text: parentYaml('mid/middle.yaml') },
        { path: '/r/mid/middle.yaml', text: middle.replace("Default: 'false'", "Default: 'true'") },
        { path: '/r/leaf/child.yaml', text: childYaml('false') },
      ]);
      assert.deepEqual(findings, [
        subnetFinding(
          '/r/leaf/child.yaml',
          CHILD_YAML_REF,
          'ChildStack/Inner/Subnet',
          '(nested stack ChildStack/Inner in parent.yaml)',
        ),
      ]);
    });
  });

  describe('what is not expanded', () => {
    const info = (file: string, resource: string, range: Range, why: string, suffix = ''): Seen => ({
      ruleId: 'nested-stack-not-analysed',
      file,
      resource,
      range,
      message: `You · Configuration and policies: nested stack '${resource.split('/').at(-1)}' is not analysed, so its resources are not checked here`,
      detail: `The reason: ${why}.${suffix ? ` ${suffix}` : ''}`,
    });
    /** `./child.yaml` after `TemplateURL: ` in `parentYaml`. */
    const LOCATION = (length: number) => r(4, 19, 4, 19 + length);

    it('a missing child file: one info finding at the location', async () => {
      const readFile: ReadFile = () => undefined;
      const findings = await analyze([{ path: '/r/parent.yaml', text: parentYaml('./gone.yaml', "'true'") }], readFile);
      assert.deepEqual(findings, [
        info('/r/parent.yaml', 'ChildStack', LOCATION(11), "'./gone.yaml' was not found or could not be read"),
      ]);
    });

    it('without readFile, a child that is not among the files given is not read, and says so', async () => {
      const findings = await analyze([{ path: '/r/parent.yaml', text: parentYaml('./other.yaml', "'true'") }]);
      assert.deepEqual(findings, [
        info(
          '/r/parent.yaml',
          'ChildStack',
          LOCATION(12),
          "'./other.yaml' is not read: it is not among the files analysed",
        ),
      ]);
    });

    it('a path the front end refuses (outside the scanned roots): one info finding with its reason', async () => {
      const asked: string[] = [];
      const readFile: ReadFile = (file) => (asked.push(file), { refused: 'it is outside the scanned paths' });
      const findings = await analyze(
        [{ path: '/r/app/parent.yaml', text: parentYaml('../../etc/child.yaml', "'true'") }],
        readFile,
      );
      assert.deepEqual(asked, ['/etc/child.yaml']);
      assert.deepEqual(findings, [
        info(
          '/r/app/parent.yaml',
          'ChildStack',
          LOCATION(20),
          "'../../etc/child.yaml' is not read: it is outside the scanned paths",
        ),
      ]);
    });

    it('a path that climbs above the file system root is refused without asking', async () => {
      const asked: string[] = [];
      const readFile: ReadFile = (file) => (asked.push(file), childYaml('true'));
      const findings = await analyze([{ path: '/r/parent.yaml', text: parentYaml('../../child.yaml') }], readFile);
      assert.deepEqual(asked, []);
      assert.deepEqual(findings, [
        info('/r/parent.yaml', 'ChildStack', LOCATION(16), "'../../child.yaml' leaves the file system's root"),
      ]);
    });

    it('a file that is not a template', async () => {
      const findings = await analyze([
        { path: '/r/parent.yaml', text: parentYaml('./values.yaml') },
        { path: '/r/values.yaml', text: 'replicas: 3\n' },
      ]);
      assert.deepEqual(findings, [
        info('/r/parent.yaml', 'ChildStack', LOCATION(13), "'./values.yaml' is not a CloudFormation template"),
      ]);
    });

    it('a child without resources has nothing to check; the syntax errors of a child are its own analysis’s, once', async () => {
      const findings = await analyze([
        {
          path: '/r/parent.yaml',
          text:
            parentYaml('./empty.yaml') + parentYaml('./broken.yaml').replace('Resources:\n  ChildStack', '  Broken'),
        },
        { path: '/r/empty.yaml', text: 'Parameters:\n  One:\n    Type: String\nResources: {}\n' },
        {
          path: '/r/broken.yaml',
          text: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: [unclosed\n',
        },
      ]);
      assert.deepEqual(
        findings.map((f) => [f.file, f.resource, f.message]),
        [
          ['/r/broken.yaml', 'Q', "Shared · Data in transit: SQS queue 'Q' has no queue policy that requires TLS"],
          [
            '/r/broken.yaml',
            '',
            'You · Configuration and policies: YAML syntax error: Flow sequence in block collection must be sufficiently indented…',
          ],
        ],
      );
    });

    it('a dynamic reference ({{resolve:ssm:…}}) is decided at deploy time: opaque', async () => {
      const asked: string[] = [];
      const readFile: ReadFile = (file) => (asked.push(file), undefined);
      const location = "'{{resolve:ssm:/pipeline/template:1}}'";
      assert.deepEqual(await analyze([{ path: '/r/parent.yaml', text: parentYaml(location, "'true'") }], readFile), []);
      assert.deepEqual(asked, []);
    });

    it('a template that nests itself: bounded, one info finding, its own analysis kept', async () => {
      const self = parentYaml('./loop.yaml');
      const findings = await analyze([{ path: '/r/loop.yaml', text: self }]);
      assert.deepEqual(findings, [
        info(
          '/r/loop.yaml',
          'ChildStack',
          LOCATION(11),
          "'./loop.yaml' already encloses this stack with the same parameters (a cycle)",
        ),
      ]);
    });

    it('two templates that nest each other: bounded, each reported once', async () => {
      const a = parentYaml('./b.yaml');
      const b = parentYaml('./a.yaml');
      const findings = await analyze([
        { path: '/r/a.yaml', text: a },
        { path: '/r/b.yaml', text: b },
      ]);
      const cycle = (file: string, other: string, stack: string, suffix?: string) =>
        info(
          file,
          stack,
          LOCATION(8),
          `'./${other}' already encloses this stack with the same parameters (a cycle)`,
          suffix,
        );
      // Each is nested by the other, so neither is an outermost parent: each keeps its own
      // analysis, and says once where the cycle closes.
      assert.deepEqual(findings, [
        cycle('/r/a.yaml', 'b.yaml', 'ChildStack/ChildStack', '(nested stack ChildStack in b.yaml)'),
        cycle('/r/b.yaml', 'a.yaml', 'ChildStack/ChildStack', '(nested stack ChildStack in a.yaml)'),
      ]);
    });

    it(`stacks nested more than ${MAX_NESTED_DEPTH} levels deep: the level past the limit is not expanded`, async () => {
      const files: SourceFile[] = [];
      for (let level = 0; level <= MAX_NESTED_DEPTH + 1; level++)
        files.push({ path: `/r/t${level}.yaml`, text: parentYaml(`./t${level + 1}.yaml`) });
      files.push({ path: `/r/t${MAX_NESTED_DEPTH + 2}.yaml`, text: childYaml('true') });
      const findings = await analyze(files);
      const stacks = Array.from({ length: MAX_NESTED_DEPTH }, () => 'ChildStack').join('/');
      assert.deepEqual(findings, [
        info(
          `/r/t${MAX_NESTED_DEPTH}.yaml`,
          `${stacks}/ChildStack`,
          LOCATION(9),
          `nested stacks are followed ${MAX_NESTED_DEPTH} levels deep, and this one is level ${MAX_NESTED_DEPTH + 1}`,
          `(nested stack ${stacks} in t0.yaml)`,
        ),
        // Not reached from t0 within the limit, the last template keeps its own analysis (its defaults).
        subnetFinding(`/r/t${MAX_NESTED_DEPTH + 2}.yaml`, CHILD_YAML_REF, 'Subnet'),
      ]);
    });
  });

  describe('without a way to read files', () => {
    it('a template analysed on its own, with no readFile, leaves its nested stacks opaque: no finding, no instance', () => {
      const analysis = new Analyzer().analyzeCloudFormation('/r/parent.yaml', parentYaml('./child.yaml', "'true'"));
      assert.deepEqual(analysis.findings, []);
      assert.equal(analysis.nested, undefined);
    });
  });

  describe('the cache', () => {
    it('a parent analysed again after its child changed sees the new child', () => {
      const texts = new Map([['/r/child.yaml', childYaml('false')]]);
      const analyzer = new Analyzer({ readFile: (file) => texts.get(file) });
      const parent = parentYaml('./child.yaml');
      assert.deepEqual(analyzer.analyzeCloudFormation('/r/parent.yaml', parent).nested?.[0].findings, []);
      texts.set('/r/child.yaml', childYaml('true'));
      assert.deepEqual(seen(analyzer.analyzeCloudFormation('/r/parent.yaml', parent).nested?.[0].findings ?? []), [
        subnetFinding('/r/child.yaml', CHILD_YAML_REF, 'ChildStack/Subnet', '(nested stack ChildStack in parent.yaml)'),
      ]);
    });
  });
});

describe('resolveLocation', () => {
  const cases: [string, string, string | undefined][] = [
    ['/r/parent.yaml', './child.yaml', '/r/child.yaml'],
    ['/r/parent.yaml', 'child/template.yaml', '/r/child/template.yaml'],
    ['/r/a/parent.yaml', '../b/./t.yaml', '/r/b/t.yaml'],
    ['/r/parent.yaml', '../../t.yaml', undefined],
    ['/r/parent.yaml', '/abs/t.yaml', '/abs/t.yaml'],
    ['C:\\r\\parent.yaml', '.\\child\\t.yaml', 'C:\\r\\child\\t.yaml'],
    ['C:\\r\\parent.yaml', './child/t.yaml', 'C:\\r\\child\\t.yaml'],
    ['C:\\r\\parent.yaml', '..\\..\\t.yaml', undefined],
    ['vscode-vfs://github/o/repo/stacks/parent.yaml', '../child.yaml', 'vscode-vfs://github/o/repo/child.yaml'],
    ['vscode-vfs://github/o/repo/parent.yaml', '../../../../child.yaml', undefined],
  ];
  for (const [parent, location, expected] of cases)
    it(`${parent} + ${location} → ${expected}`, () => assert.equal(resolveLocation(parent, location), expected));
});

describe('srlens scan with nested stacks', () => {
  let work: string;
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-nested-'));
    mkdirSync(path.join(work, 'app', 'stacks'), { recursive: true });
    mkdirSync(path.join(work, 'outside'));
    writeFileSync(path.join(work, 'app', 'parent.yaml'), parentYaml('stacks/child.yaml', "'true'"));
    writeFileSync(path.join(work, 'app', 'stacks', 'child.yaml'), childYaml('false'));
    writeFileSync(path.join(work, 'app', 'escape.yaml'), parentYaml('../outside/child.yaml', "'true'"));
    writeFileSync(path.join(work, 'outside', 'child.yaml'), childYaml('true'));
    // A link to a folder outside: the scan does not follow it, and neither does a nested stack.
    symlinkSync(path.join(work, 'outside'), path.join(work, 'app', 'link'));
    writeFileSync(path.join(work, 'app', 'linked.yaml'), parentYaml('./link/child.yaml', "'true'"));
    // Outside the scan but inside its roots: an ignored folder, and a child over the size limit.
    mkdirSync(path.join(work, 'other', 'generated'), { recursive: true });
    writeFileSync(path.join(work, 'other', '.gitignore'), 'generated/\n');
    writeFileSync(path.join(work, 'other', 'parent.yaml'), parentYaml('generated/child.yaml', "'true'"));
    writeFileSync(path.join(work, 'other', 'generated', 'child.yaml'), childYaml('false'));
    mkdirSync(path.join(work, 'big'));
    writeFileSync(path.join(work, 'big', 'parent.yaml'), parentYaml('./child.yaml', "'true'"));
    writeFileSync(path.join(work, 'big', 'child.yaml'), `${'# padding\n'.repeat(100)}${childYaml('false')}`);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  async function scan(args: string[]): Promise<{
    code: number;
    findings: { ruleId: string; file: string; resource: string; message: string; detail?: string; range: Range }[];
  }> {
    let out = '';
    const code = await run(['scan', '--format', 'json', ...args], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      cwd: work,
      color: false,
    });
    const parsed = JSON.parse(out) as { findings: Seen[] };
    return {
      code,
      findings: parsed.findings.map(({ ruleId, file, resource, message, detail, range }) => ({
        ruleId,
        file,
        resource,
        message,
        detail,
        range,
      })),
    };
  }

  it('scanning the folder: the child finding names the parent; a path leaving the folder and a link out of it are refused', async () => {
    const { findings } = await scan(['app']);
    const refused = (file: string, location: string) => ({
      ruleId: 'nested-stack-not-analysed',
      file,
      resource: 'ChildStack',
      message: NOT_ANALYSED,
      detail: `The reason: '${location}' is not read: it is outside the scanned paths.`,
      range: r(4, 19, 4, 19 + location.length),
    });
    assert.deepEqual(findings, [
      refused('app/escape.yaml', '../outside/child.yaml'),
      refused('app/linked.yaml', './link/child.yaml'),
      {
        ...subnetFinding(
          'app/stacks/child.yaml',
          CHILD_YAML_REF,
          'ChildStack/Subnet',
          '(nested stack ChildStack in parent.yaml)',
        ),
      },
    ]);
  });

  it('scanning the parent file alone: its folder is not a scanned root, so the child is refused', async () => {
    const { findings } = await scan(['app/parent.yaml']);
    assert.deepEqual(
      findings.map((f) => [f.message, f.detail]),
      [[NOT_ANALYSED, "The reason: 'stacks/child.yaml' is not read: it is outside the scanned paths."]],
    );
  });

  it('a child in an ignored folder inside the scanned folder is read from disk', async () => {
    const { findings } = await scan(['other']);
    assert.deepEqual(findings, [
      subnetFinding(
        'other/generated/child.yaml',
        CHILD_YAML_REF,
        'ChildStack/Subnet',
        '(nested stack ChildStack in parent.yaml)',
      ),
    ]);
  });

  it('a child over the size limit is not read', async () => {
    const { findings } = await scan(['big', '--max-file-size', '1000']);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.file, f.message, f.detail]),
      [
        [
          'file-too-large',
          'big/child.yaml',
          'You · Configuration and policies: Skipped: 1.2 KB is over the 1000 bytes limit for one file',
          undefined,
        ],
        [
          'nested-stack-not-analysed',
          'big/parent.yaml',
          NOT_ANALYSED,
          "The reason: './child.yaml' is not read: 1.2 KB is over the 1000 bytes limit for one file.",
        ],
      ],
    );
  });

  it('scanning the parent and the child folder: the child is analysed as the instance', async () => {
    const { findings } = await scan(['app/parent.yaml', 'app/stacks']);
    assert.deepEqual(findings, [
      subnetFinding(
        'app/stacks/child.yaml',
        CHILD_YAML_REF,
        'ChildStack/Subnet',
        '(nested stack ChildStack in parent.yaml)',
      ),
    ]);
  });
});
