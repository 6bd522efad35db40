/** `srlens matrix`: the responsibility stack as Markdown and SVG, from the built CLI (dist/cli.js). */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { elements, parseXml, textOf } from '../engine/well-formed-xml';

const cli = path.join(process.cwd(), 'dist', 'cli.js');

function srlens(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DATABASE = `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
  Bucket:
    Type: AWS::S3::Bucket
`;

const SITE = `resource "aws_datasync_agent" "nas" {
  activation_key = "AAAAA-1AAAA-BB1CC-33333-EEEEE"
}
resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}
`;

describe('srlens matrix', () => {
  let work: string;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-matrix-'));
    mkdirSync(path.join(work, 'cfn & <db>'));
    writeFileSync(path.join(work, 'cfn & <db>', 'db.yaml'), DATABASE);
    mkdirSync(path.join(work, 'site'));
    writeFileSync(path.join(work, 'site', 'main.tf'), SITE);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('prints the stack as Markdown by default: scope, one column per tier, counts per owner', () => {
    const { code, stdout, stderr } = srlens(['matrix'], work);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], '# Responsibility stack');
    assert.match(lines[2], /^4 resources in 2 files, \. · \d+ open findings$/);
    assert.equal(
      lines[4].replace(/ · \d+ open findings?/g, ''),
      '| Layer | Concern | On hardware you host (1 resource) | Infrastructure (1 resource) | Container (1 resource) | Abstracted (1 resource) |',
    );
    const facilities = lines.find((l) => l.includes('| Facilities |'));
    assert.equal(facilities, '|  | Facilities | You 1 | AWS 1 | AWS 1 | AWS 1 |');
    const atRest = lines.find((l) => l.includes('| Data at rest |'));
    assert.match(
      atRest ?? '',
      /^\| \*\*Data\*\* \| Data at rest \| Shared 1 \| You 1 · \*\*1 open\*\* \| You 1 · \*\*1 open\*\* \| Shared 1/,
    );
    assert.ok(lines.includes('- **Container · Data at rest**: You: Db in cfn \\& \\<db\\>/db.yaml (1)'), stdout);
  });

  it('draws well-formed SVG, to stdout or a file, for the paths given', () => {
    const { code, stdout } = srlens(['matrix', '--format', 'svg', 'cfn & <db>'], work);
    assert.equal(code, 0);
    const root = parseXml(stdout);
    const texts = elements(root, 'text').map(textOf);
    assert.ok(
      texts.some((t) => t.startsWith('2 resources in 1 file, cfn & <db> · ')),
      texts.join('\n'),
    );
    assert.ok(
      elements(root, 'title').some((t) => textOf(t).includes('You: Db (cfn & <db>/db.yaml, 1 open)')),
      'the cell tooltip names the resource and its file',
    );

    const out = srlens(['matrix', '--format', 'svg', '--out', 'stack.svg', 'site'], work);
    assert.equal(out.code, 0);
    assert.equal(out.stdout, '');
    const written = readFileSync(path.join(work, 'stack.svg'), 'utf8');
    assert.ok(textOf(parseXml(written)).includes('2 resources in 1 file, site'));
  });

  it('exits 2 with one line for a bad format or a missing path', () => {
    for (const args of [
      ['matrix', '--format', 'png'],
      ['matrix', 'no-such-folder'],
    ]) {
      const { code, stdout, stderr } = srlens(args, work);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, /^srlens: /);
    }
  });
});
