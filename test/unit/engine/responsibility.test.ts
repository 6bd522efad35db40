/**
 * One responsibility model: the hover, the CodeLens and the matrix render the engine's
 * resource × concern statuses (engine/responsibility.ts), so for every resource of real templates
 * they say the same thing: the same owner, the same status, the same open findings.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer, type Analysis, type SourceFile } from '../../../src/engine/analyzer';
import { buildMatrix } from '../../../src/engine/matrix';
import { lensSummary, resourceResponsibility, type StatusKind } from '../../../src/engine/responsibility';
import type { Severity } from '../../../src/iac/model';
import { ruleDocsUrl } from '../../../src/engine/docs';
import { tableCell } from '../../../src/features/markdown';
import { OWNER_WORD, resourceHoverMarkdown } from '../../../src/features/responsibility';

const WORKSPACE = 'test/integration/workspace';

/**
 * A suppressed finding (accepted), a property that settles a concern no rule checks for its type
 * (set), and a finding on a concern that does not apply to its type.
 */
const EXTRA_YAML = `Resources:
  # srlens-ignore rds-storage-encryption restored from an encrypted snapshot elsewhere
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
      PubliclyAccessible: true
  Logs:
    Type: AWS::S3::Bucket
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Encrypted: true
      Size: 10
`;
const EXTRA_TF = `resource "aws_ebs_encryption_by_default" "off" {
  enabled = false
}

resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

/** What the hover's status column starts with for each status. */
const STATUS_TEXT: Record<StatusKind, string> = {
  open: '**open:** ',
  'not-applicable': 'n/a',
  aws: 'AWS',
  accepted: 'accepted (suppressed): ',
  settled: 'settled by ',
  set: 'set by ',
  'no-finding': 'no finding',
  'not-checked': 'not checked',
};

function read(file: string): SourceFile {
  return { path: path.resolve(file), text: readFileSync(file, 'utf8') };
}

function tfModule(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tf'))
    .map((name) => read(path.join(dir, name)));
}

async function fixtures(): Promise<{ name: string; analysis: Analysis }[]> {
  const analyzer = new Analyzer();
  const cfn = (file: string) => {
    const source = read(file);
    return analyzer.analyzeCloudFormation(source.path, source.text);
  };
  return [
    { name: 'hovers/orders.yaml', analysis: cfn(`${WORKSPACE}/hovers/orders.yaml`) },
    { name: 'hovers/orders.json', analysis: cfn(`${WORKSPACE}/hovers/orders.json`) },
    { name: 'cloudformation/database.yaml', analysis: cfn(`${WORKSPACE}/cloudformation/database.yaml`) },
    { name: 'cloudformation/database.json', analysis: cfn(`${WORKSPACE}/cloudformation/database.json`) },
    { name: 'codeactions/quickfix.yaml', analysis: cfn(`${WORKSPACE}/codeactions/quickfix.yaml`) },
    {
      name: 'hovers/module',
      analysis: await analyzer.analyzeTerraformModule(
        path.resolve(`${WORKSPACE}/hovers/module`),
        tfModule(`${WORKSPACE}/hovers/module`),
      ),
    },
    {
      name: 'terraform/database',
      analysis: await analyzer.analyzeTerraformModule(
        path.resolve(`${WORKSPACE}/terraform/database`),
        tfModule(`${WORKSPACE}/terraform/database`),
      ),
    },
    { name: 'extra.yaml', analysis: analyzer.analyzeCloudFormation('/x/extra.yaml', EXTRA_YAML) },
    {
      name: 'extra.tf',
      analysis: await analyzer.analyzeTerraformModule('/x/m', [{ path: '/x/m/main.tf', text: EXTRA_TF }]),
    },
  ];
}

describe('one responsibility model', () => {
  for (const minimumSeverity of ['info', 'error'] as Severity[]) {
    it(`the hover, the CodeLens and the matrix agree on every resource and concern (minimum severity ${minimumSeverity})`, async () => {
      const seen = new Set<StatusKind>();
      let resources = 0;
      for (const { name, analysis } of await fixtures()) {
        const matrix = buildMatrix([analysis], { minimumSeverity });
        const all = analysis.units.flatMap((u) => u.resources);
        assert.ok(all.length > 0, `${name} has resources`);
        assert.equal(matrix.rows.length, all.length, name);
        for (const resource of all) {
          resources++;
          const where = `${name} ${resource.id}`;
          const row = matrix.rows.find((r) => r.file === resource.file && r.id === resource.id);
          assert.ok(row, where);
          // What hover.ts computes and renders.
          const hover = resourceResponsibility(resource, analysis.findings, analysis.suppressed ?? [], {
            minimumSeverity,
          });
          const markdown = resourceHoverMarkdown(hover);
          assert.deepEqual(
            row.cells.map((c) => [c.concern, c.owner, c.applicable, c.status, c.findings.map((f) => f.ruleId)]),
            hover.rows.map((s) => [
              s.concern,
              s.owner,
              s.applicable,
              s.kind,
              s.kind === 'open' ? s.findings.map((f) => f.ruleId) : [],
            ]),
            where,
          );
          assert.equal(row.openCount, hover.openFindings, where);
          assert.deepEqual([row.tier, row.tierTitle, row.service], [hover.tier, hover.tierTitle, hover.service], where);
          // The hover's table says, concern by concern, what the matrix cell says.
          const lines = markdown.split('\n');
          for (const [index, cell] of row.cells.entries()) {
            seen.add(cell.status);
            const prefix = `| ${tableCell(matrix.concerns[index].title)} | ${cell.applicable ? OWNER_WORD[cell.owner] : '—'} | `;
            const line = lines.find((l) => l.startsWith(prefix));
            assert.ok(line, `${where} ${cell.concern}: no hover row starting ${prefix}`);
            assert.ok(
              line.slice(prefix.length).startsWith(STATUS_TEXT[cell.status]),
              `${where} ${cell.concern}: ${line}`,
            );
            for (const finding of cell.findings) assert.ok(line.includes(ruleDocsUrl(finding.ruleId)), line);
          }
          // The CodeLens counts the same open findings and the same concerns.
          const lens = lensSummary(resource, row.openCount);
          assert.deepEqual([lens.tier, lens.yours], [hover.tier, hover.yours], where);
        }
      }
      assert.equal(resources, 13);
      // The fixtures cover every status, so a disagreement in any of them would show.
      assert.deepEqual([...seen].sort(), Object.keys(STATUS_TEXT).sort());
    });
  }

  it('shows a finding on a concern that does not apply to the type as open, in the hover and in the matrix', async () => {
    const analysis = await new Analyzer().analyzeTerraformModule('/x/m', [{ path: '/x/m/main.tf', text: EXTRA_TF }]);
    const resource = analysis.units[0].resources.find((r) => r.id === 'aws_ebs_encryption_by_default.off');
    assert.ok(resource);
    const status = resourceResponsibility(resource, analysis.findings).rows.find((r) => r.concern === 'data-at-rest');
    assert.deepEqual(
      [status?.applicable, status?.kind, status?.findings.map((f) => f.ruleId)],
      [false, 'open', ['ebs-default-encryption']],
    );
    const cell = buildMatrix([analysis])
      .rows.find((r) => r.id === resource.id)
      ?.cells.find((c) => c.concern === 'data-at-rest');
    assert.deepEqual(
      [cell?.applicable, cell?.status, cell?.findings.map((f) => f.ruleId)],
      [false, 'open', ['ebs-default-encryption']],
    );
  });
});
