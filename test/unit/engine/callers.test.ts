/**
 * What the editor shows for a file that other files use (src/engine/callers.ts): the analyzer
 * analyses one module or template at a time, remembers what each caller made of the files it uses,
 * and `findingsToShow` gives a used file's findings as `srlens scan` reports them with every
 * caller scanned too. Each table row is one order of events, with the exact findings shown.
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import type { Finding } from '../../../src/engine/finding';
import { rule as rdsPubliclyAccessible } from '../../../src/rules/rds-publicly-accessible';
import { rule as subnetPublicIp } from '../../../src/rules/vpc-subnet-public-ip-on-launch';

const CHILD_DIR = '/ws/modules/db';
const CHILD_TF = `${CHILD_DIR}/main.tf`;

/** A module whose database is public when `var.public` is true; `fallback` is the variable's default. */
function childModule(fallback: boolean): string {
  return [
    'variable "public" {',
    `  default = ${fallback}`,
    '}',
    'resource "aws_db_instance" "db" {',
    '  engine              = "postgres"',
    '  publicly_accessible = var.public',
    '}',
    '',
  ].join('\n');
}

function caller(dir: string, value: string): { dir: string; file: string; text: string } {
  return {
    dir,
    file: `${dir}/main.tf`,
    text: `module "db" {\n  source = "${'../'.repeat(dir.split('/').length - 2)}modules/db"\n  public = ${value}\n}\n`,
  };
}

type Shown = [resource: string, file: string, line: number];
const shown = (findings: Finding[]): Shown[] => findings.map((f) => [f.resource, f.file, f.range.start.line]);

function terraformAnalyzer(child: string, used: string[][]) {
  return new Analyzer({
    rules: [rdsPubliclyAccessible],
    terraform: {
      moduleFiles: async (dir) => (dir === CHILD_DIR ? [{ path: CHILD_TF, text: child }] : undefined),
    },
    onUsedFilesChanged: (paths) => used.push(paths),
  });
}

describe('what callers make of a used module or template (the editor)', () => {
  describe('Terraform: a called module folder', () => {
    it('alone, a module shows its own analysis (its defaults)', async () => {
      const used: string[][] = [];
      const analyzer = terraformAnalyzer(childModule(true), used);
      const own = await analyzer.analyzeTerraformModule(CHILD_DIR, [{ path: CHILD_TF, text: childModule(true) }]);
      assert.deepEqual(shown(analyzer.findingsToShow(own, [CHILD_TF])), [['aws_db_instance.db', CHILD_TF, 5]]);
      assert.deepEqual(used, []);
    });

    const table: [name: string, callers: [dir: string, value: string][], fallback: boolean, expected: Shown[]][] = [
      ['the only caller overrides the insecure default: nothing shown', [['/ws/prod', 'false']], true, []],
      [
        "the caller's argument makes it public: shown as the call's instance",
        [['/ws/prod', 'true']],
        false,
        [['module.db.aws_db_instance.db', CHILD_TF, 5]],
      ],
      [
        'two callers make it public: one finding, naming the first',
        [
          ['/ws/prod', 'true'],
          ['/ws/staging', 'true'],
        ],
        false,
        [['module.db.aws_db_instance.db', CHILD_TF, 5]],
      ],
      [
        'one of two callers overrides it: the other is shown',
        [
          ['/ws/prod', 'false'],
          ['/ws/staging', 'true'],
        ],
        true,
        [['module.db.aws_db_instance.db', CHILD_TF, 5]],
      ],
      ["a caller's unknown argument: nothing shown", [['/ws/prod', 'var.public']], true, []],
    ];
    for (const [name, callers, fallback, expected] of table) {
      it(name, async () => {
        const used: string[][] = [];
        const analyzer = terraformAnalyzer(childModule(fallback), used);
        const own = await analyzer.analyzeTerraformModule(CHILD_DIR, [{ path: CHILD_TF, text: childModule(fallback) }]);
        for (const [dir, value] of callers) {
          const c = caller(dir, value);
          await analyzer.analyzeTerraformModule(c.dir, [{ path: c.file, text: c.text }]);
        }
        assert.deepEqual(used[0], [CHILD_DIR], 'the first caller changes what the module shows');
        assert.deepEqual(shown(analyzer.findingsToShow(own, [CHILD_TF])), expected);
      });
    }

    it('a caller that changes its argument changes the view; one that is deleted leaves the module its own', async () => {
      const used: string[][] = [];
      const analyzer = terraformAnalyzer(childModule(true), used);
      const own = await analyzer.analyzeTerraformModule(CHILD_DIR, [{ path: CHILD_TF, text: childModule(true) }]);
      const safe = caller('/ws/prod', 'false');
      await analyzer.analyzeTerraformModule(safe.dir, [{ path: safe.file, text: safe.text }]);
      assert.deepEqual(shown(analyzer.findingsToShow(own, [CHILD_TF])), []);
      const again = used.length;
      // The same text again: a cached result, nothing changes.
      await analyzer.analyzeTerraformModule(safe.dir, [{ path: safe.file, text: safe.text }]);
      assert.equal(used.length, again);
      const open = caller('/ws/prod', 'true');
      await analyzer.analyzeTerraformModule(open.dir, [{ path: open.file, text: open.text }]);
      assert.deepEqual(used.at(-1), [CHILD_DIR]);
      assert.deepEqual(shown(analyzer.findingsToShow(own, [CHILD_TF])), [
        ['module.db.aws_db_instance.db', CHILD_TF, 5],
      ]);
      analyzer.forgetCaller('/ws/prod');
      assert.deepEqual(used.at(-1), [CHILD_DIR]);
      assert.deepEqual(shown(analyzer.findingsToShow(own, [CHILD_TF])), [['aws_db_instance.db', CHILD_TF, 5]]);
    });
  });

  describe('CloudFormation: a nested stack template', () => {
    const CHILD = '/ws/child.yaml';
    const PARENT = '/ws/parent.yaml';
    const child = (fallback: string) =>
      [
        'Parameters:',
        '  PublicIp:',
        '    Type: String',
        `    Default: '${fallback}'`,
        'Resources:',
        '  Subnet:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      VpcId: vpc-1',
        '      CidrBlock: 10.0.0.0/24',
        '      MapPublicIpOnLaunch: !Ref PublicIp',
        '',
      ].join('\n');
    const parent = (passed: string) =>
      [
        'Resources:',
        '  ChildStack:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: ./child.yaml',
        '      Parameters:',
        `        PublicIp: '${passed}'`,
        '',
      ].join('\n');
    const table: [name: string, fallback: string, passed: string, expected: Shown[]][] = [
      ['the parent passes false over an insecure default: nothing shown', 'true', 'false', []],
      ["the parent passes true: shown for the parent's stack", 'false', 'true', [['ChildStack/Subnet', CHILD, 10]]],
      ["both say true: the child's own finding, once", 'true', 'true', [['Subnet', CHILD, 10]]],
    ];
    for (const [name, fallback, passed, expected] of table) {
      it(name, () => {
        const used: string[][] = [];
        const texts = new Map([
          [CHILD, child(fallback)],
          [PARENT, parent(passed)],
        ]);
        const analyzer = new Analyzer({
          rules: [subnetPublicIp],
          readFile: (file) => texts.get(file),
          onUsedFilesChanged: (paths) => used.push(paths),
        });
        const own = analyzer.analyzeCloudFormation(CHILD, child(fallback));
        assert.equal(
          shown(analyzer.findingsToShow(own, [CHILD])).length,
          fallback === 'true' ? 1 : 0,
          'alone: its own analysis',
        );
        analyzer.analyzeCloudFormation(PARENT, parent(passed));
        assert.deepEqual(used, [[CHILD]]);
        assert.deepEqual(shown(analyzer.findingsToShow(own, [CHILD])), expected);
      });
    }
  });
});
