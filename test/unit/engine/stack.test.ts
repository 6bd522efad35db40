/** The responsibility stack: its cells counted from the matrix, and its SVG and Markdown exports. */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { buildMatrix, combineMatrices, type Matrix } from '../../../src/engine/matrix';
import {
  STACK_COLUMNS,
  STACK_LAYERS,
  buildStack,
  ownerCounts,
  stackCell,
  stackColumnOf,
  stackScope,
  type Stack,
} from '../../../src/engine/stack';
import { CELL_CODES, matrixView } from '../../../src/engine/matrix-view';
import { markdownEscape, stackMarkdown, stackSvg, xmlEscape } from '../../../src/engine/stack-export';
import { CONCERNS } from '../../../src/knowledge/concerns';
import { elements, parseXml, textOf } from './well-formed-xml';

/** One resource of each tier, one that runs on hardware you host, one of an unknown type. */
const TEMPLATE = `Resources:
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
  Ssh:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
  Bucket:
    Type: AWS::S3::Bucket
  Agent:
    Type: AWS::DataSync::Agent
    Properties:
      ActivationKey: AAAAA-1AAAA-BB1CC-33333-EEEEE
  Thing:
    Type: AWS::Made::Up
`;

const TERRAFORM = `
resource "aws_ssm_activation" "site" {
  iam_role = "arn:aws:iam::123456789012:role/ssm"
}
resource "aws_datasync_agent" "nas" {
  activation_key = "AAAAA-1AAAA-BB1CC-33333-EEEEE"
}
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
`;

function fixture(): { matrix: Matrix; stack: Stack } {
  const matrix = buildMatrix([new Analyzer().analyzeCloudFormation('/w/t.yaml', TEMPLATE)]);
  return { matrix, stack: buildStack(matrix) };
}

/** A cell as one short string: owners, open findings, not applicable. */
function describe_(stack: Stack, concern: string): string[] {
  const row = stack.rows.find((r) => r.concern === concern);
  assert.ok(row, concern);
  return row.cells.map((c) =>
    [
      ownerCounts(c) || '-',
      c.openFindings > 0 ? `${c.openFindings} open` : '',
      c.notApplicable ? `n/a ${c.notApplicable}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  );
}

describe('responsibility stack', () => {
  it('has every concern once, in layers from the foundation up to data, and four columns from least to most managed', () => {
    const concerns = STACK_LAYERS.flatMap((l) => l.concerns);
    assert.deepEqual([...concerns].sort(), CONCERNS.map((c) => c.id).sort());
    assert.equal(concerns[0], 'facilities');
    assert.equal(concerns.at(-1), 'data-at-rest');
    assert.deepEqual(
      STACK_COLUMNS.map((c) => c.id),
      ['hosted', 'infrastructure', 'container', 'abstracted'],
    );
    const { stack } = fixture();
    assert.equal(stack.rows[0].concern, 'data-at-rest', 'data on top');
    assert.equal(stack.rows.at(-1)?.concern, 'facilities', 'facilities at the bottom');
  });

  it('puts a resource in the column of its tier, or on hardware you host by its profile; unclassified in none', () => {
    assert.equal(stackColumnOf('infrastructure'), 'infrastructure');
    assert.equal(stackColumnOf('abstracted', 'customer-hosted'), 'hosted');
    assert.equal(stackColumnOf('container', 'on-premises'), 'hosted');
    assert.equal(stackColumnOf('container', 'fargate'), 'container');
    assert.equal(stackColumnOf('unclassified'), undefined);
    const { stack } = fixture();
    assert.deepEqual(
      stack.columns.map((c) => [c.id, c.resources, c.openFindings]),
      [
        ['hosted', 1, 0],
        ['infrastructure', 2, 3],
        ['container', 1, 5],
        ['abstracted', 1, 4],
      ],
    );
    assert.deepEqual([stack.resources, stack.files, stack.unclassified, stack.openFindings], [5, 1, 1, 12]);
  });

  it('counts the resources of each cell by owner, with open findings and concerns that do not apply', () => {
    const { stack } = fixture();
    // columns: hosted (Agent) | infrastructure (Server, Ssh) | container (Db) | abstracted (Bucket)
    const expected: Record<string, string[]> = {
      'data-at-rest': ['Shared 1', 'You 1, 1 open, n/a 1', 'You 1, 1 open', 'Shared 1, 1 open'],
      'backup-dr': ['Shared 1', 'You 1, n/a 1', 'Shared 1, 3 open', 'Shared 1, 1 open'],
      'identity-access': ['You 1', 'You 2', 'You 1, 1 open', 'You 1'],
      credentials: ['You 1', 'You 1, 1 open, n/a 1', 'You 1', 'You 1'],
      'network-access': ['You 1', 'You 2, 1 open', 'You 1', 'Shared 1'],
      'data-in-transit': ['Shared 1', 'You 2', 'You 1', 'You 1, 1 open'],
      applications: ['Shared 1', 'You 1, n/a 1', 'Shared 1', 'AWS 1'],
      'operating-system': ['You 1', 'You 1, n/a 1', 'AWS 1', 'AWS 1'],
      'logging-monitoring': ['Shared 1', 'Shared 2', 'Shared 1', 'Shared 1, 1 open'],
      facilities: ['You 1', 'AWS 2', 'AWS 1', 'AWS 1'],
      virtualization: ['You 1', 'AWS 2', 'AWS 1', 'AWS 1'],
      'network-infrastructure': ['Shared 1', 'AWS 2', 'AWS 1', 'AWS 1'],
    };
    for (const [concern, cells] of Object.entries(expected))
      assert.deepEqual(describe_(stack, concern), cells, concern);
  });

  it('names the one owner of a cell, or mixed, and lists its resources with open findings first', () => {
    const { matrix, stack } = fixture();
    const ids = (column: Parameters<typeof stackCell>[1], concern: Parameters<typeof stackCell>[2]) =>
      stackCell(stack, column, concern)?.rows.map((r) => matrix.rows[r].id);
    assert.equal(stackCell(stack, 'infrastructure', 'facilities')?.owner, 'aws');
    assert.equal(stackCell(stack, 'hosted', 'facilities')?.owner, 'customer');
    assert.deepEqual(ids('infrastructure', 'network-access'), ['Ssh', 'Server']);
    assert.deepEqual(ids('infrastructure', 'data-at-rest'), ['Server'], 'the security group has no data at rest');
    const two = buildStack(
      combineMatrices([
        matrix,
        buildMatrix([
          new Analyzer().analyzeCloudFormation(
            '/w/fn.yaml',
            'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs22.x\n',
          ),
        ]),
      ]),
    );
    const mixed = stackCell(two, 'abstracted', 'network-access');
    assert.equal(mixed?.owner, 'shared', 'a bucket and a function both share network access');
    const os = stackCell(two, 'abstracted', 'applications');
    assert.deepEqual([os?.owner, os?.owners], ['mixed', { customer: 1, shared: 0, aws: 1 }]);
    assert.equal(ownerCounts(os!), 'You 1 · AWS 1');
  });

  it('puts Terraform resources that run on your hardware in their own column', async () => {
    const analysis = await new Analyzer().analyzeTerraformModule('/w/site', [
      { path: '/w/site/main.tf', text: TERRAFORM },
    ]);
    const stack = buildStack(buildMatrix([analysis]));
    assert.deepEqual(
      stack.columns.map((c) => [c.id, c.resources]),
      [
        ['hosted', 2],
        ['infrastructure', 0],
        ['container', 0],
        ['abstracted', 1],
      ],
    );
    assert.deepEqual(describe_(stack, 'physical-hardware'), ['You 2', '-', '-', 'AWS 1']);
    assert.deepEqual(describe_(stack, 'operating-system'), ['You 2', '-', '-', 'AWS 1']);
  });

  it('says its scope', () => {
    const { stack } = fixture();
    assert.equal(
      stackScope(stack, 'whole workspace'),
      '6 resources in 1 file, whole workspace (1 resource of unclassified types in no column)',
    );
    assert.equal(
      stackScope({ resources: 57, files: 11, unclassified: 0 }, 'whole workspace'),
      '57 resources in 11 files, whole workspace',
    );
  });
});

describe('matrix view model (what the webview receives)', () => {
  it('encodes every cell as owner, status, reason and applicable, findings apart, reasons once', () => {
    const { matrix, stack } = fixture();
    const view = matrixView(matrix, stack, { scope: 's', emptyMessage: 'e', fileLabel: (f) => f.replace('/w/', '') });
    assert.equal(view.rows.length, matrix.rows.length);
    let cells = 0;
    view.rows.forEach((row, r) => {
      const source = matrix.rows[r];
      assert.equal(row.fileLabel, 't.yaml');
      assert.equal(row.cells.length, 4 * matrix.concerns.length);
      source.cells.forEach((cell, i) => {
        const [owner, status, reason, applicable] = row.cells.slice(i * 4, i * 4 + 4);
        assert.deepEqual(
          [CELL_CODES.owners[owner], CELL_CODES.statuses[status], view.reasons[reason], applicable === 1],
          [cell.owner, cell.status, cell.reason, cell.applicable],
        );
        assert.deepEqual(
          row.findings.filter((f) => f[0] === i).map((f) => f[1]),
          cell.findings.map((f) => f.ruleId),
        );
        cells++;
      });
    });
    assert.equal(cells, 6 * 17);
    assert.equal(view.reasons.length, new Set(matrix.rows.flatMap((r) => r.cells.map((c) => c.reason))).size);
    assert.deepEqual(
      view.rows.map((r) => r.column),
      ['infrastructure', 'infrastructure', 'container', 'abstracted', 'hosted', undefined],
    );
    assert.deepEqual(
      view.stack.layers.map((l) => l.id),
      ['foundation', 'placement', 'os-network', 'platform', 'identity', 'data'],
    );
  });
});

/** The fixture with resource and file names that need escaping everywhere. */
function hostile(): { matrix: Matrix; stack: Stack } {
  const { matrix } = fixture();
  const renamed: Matrix = {
    ...matrix,
    rows: matrix.rows.map((row) => (row.id === 'Db' ? { ...row, id: `Db<script>&"x'`, file: '/w/a&b <c>.yaml' } : row)),
  };
  return { matrix: renamed, stack: buildStack(renamed) };
}

describe('responsibility stack exports', () => {
  it('escapes XML and Markdown text', () => {
    assert.equal(xmlEscape(`a<b>&"c'\u0001`), 'a&lt;b&gt;&amp;&quot;c&apos;\uFFFD');
    assert.equal(markdownEscape('a|b*c_<d>&e\nf'), 'a\\|b\\*c\\_\\<d\\>\\&e f');
  });

  it('draws a well-formed SVG with the scope, the columns, every concern and the cells, names escaped', () => {
    const { matrix, stack } = hostile();
    const svg = stackSvg(stack, matrix, { scope: 'scope & <more>', displayPath: (f) => f.replace('/w/', '') });
    const root = parseXml(svg);
    assert.equal(root.name, 'svg');
    assert.equal(root.attributes.xmlns, 'http://www.w3.org/2000/svg');
    assert.doesNotMatch(svg, /<script>|Db<|a&b/, 'no raw name');
    const texts = elements(root, 'text').map(textOf);
    assert.ok(texts.includes('scope & <more> · 12 open findings'), texts.join('\n'));
    for (const column of ['On hardware you host', 'Infrastructure', 'Container', 'Abstracted'])
      assert.ok(texts.includes(column), column);
    assert.deepEqual(
      texts.filter((t) => /resources?( ·|$)/.test(t)),
      ['1 resource', '2 resources · 3 open findings', '1 resource · 5 open findings', '1 resource · 4 open findings'],
    );
    for (const concern of CONCERNS) assert.ok(texts.includes(concern.title), concern.title);
    // 17 concerns × 4 columns, each a group with its tooltip
    const cells = elements(root, 'g').filter((g) =>
      g.children.some((c) => typeof c !== 'string' && c.name === 'title'),
    );
    assert.equal(cells.length, 68);
    const dbCell = cells.map((g) => textOf(g)).find((t) => t.startsWith('Container · Data at rest'));
    assert.equal(dbCell, `Container · Data at rest. You: Db<script>&"x' (a&b <c>.yaml, 1 open)You 11 open`);
  });

  it('writes Markdown: a row per concern from the top, a column per tier, then the cells with open findings', () => {
    const { matrix, stack } = hostile();
    const markdown = stackMarkdown(stack, matrix, {
      scope: '6 resources in 1 file, t.yaml',
      displayPath: (f) => f.replace('/w/', ''),
    });
    const lines = markdown.split('\n');
    assert.equal(lines[0], '# Responsibility stack');
    assert.equal(lines[2], '6 resources in 1 file, t.yaml · 12 open findings');
    assert.equal(
      lines[4],
      '| Layer | Concern | On hardware you host (1 resource) | Infrastructure (2 resources · 3 open findings) | Container (1 resource · 5 open findings) | Abstracted (1 resource · 4 open findings) |',
    );
    assert.equal(
      lines[6],
      '| **Data** | Data at rest | Shared 1 | You 1 · **1 open** | You 1 · **1 open** | Shared 1 · **1 open** |',
    );
    assert.equal(
      lines[7],
      '|  | Backup and disaster recovery | Shared 1 | You 1 | Shared 1 · **3 open** | Shared 1 · **1 open** |',
    );
    assert.equal(lines[6 + 16], '|  | Facilities | You 1 | AWS 2 | AWS 1 | AWS 1 |');
    assert.ok(
      lines.includes('- **Container · Data at rest**: You: Db\\<script\\>\\&"x\' in a\\&b \\<c\\>.yaml (1)'),
      markdown,
    );
    assert.ok(lines.includes('- **Infrastructure · Network access**: You: Ssh in t.yaml (1)'), markdown);
    // Db's single-AZ finding is open under backup and under region placement (the responsibility model's RULE_ALSO_CONCERNS).
    assert.equal(lines.filter((l) => l.startsWith('- **')).length, 11, 'Server 2, Ssh 1, Db 4, Bucket 4');
  });
});
