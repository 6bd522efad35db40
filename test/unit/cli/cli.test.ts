/**
 * The built CLI (dist/cli.js), spawned as users and CI run it: exit codes, the JSON contract,
 * SARIF validity against the official 2.1.0 schema, inventory and explain.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = process.cwd();
const cli = path.join(root, 'dist', 'cli.js');

function srlens(args: string[], cwd = root): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('srlens CLI', () => {
  let work: string;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-cli-'));
    mkdirSync(path.join(work, 'broken'));
    writeFileSync(
      path.join(work, 'broken', 'stack.yaml'),
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: [unclosed\n',
    );
    mkdirSync(path.join(work, 'clean'));
    writeFileSync(path.join(work, 'clean', 'stack.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    writeFileSync(path.join(work, 'clean', 'deploy.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    mkdirSync(path.join(work, 'clean', 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(work, 'clean', 'node_modules', 'x', 't.yaml'), 'Resources: { Q: { Type: [ } }\n');
    mkdirSync(path.join(work, 'clean', 'ignored'));
    writeFileSync(path.join(work, 'clean', 'ignored', 't.yaml'), 'Resources: { Q: { Type: [ } }\n');
    writeFileSync(path.join(work, 'clean', '.gitignore'), 'ignored/\n');
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('prints its version and help', () => {
    const version = srlens(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
    const help = srlens(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /srlens scan/);
  });

  it('exits 2 with one clear line on usage and I/O errors', () => {
    for (const args of [
      ['frobnicate'],
      ['scan', '--format', 'xml'],
      ['scan', '--fail-on', 'sometimes'],
      ['scan', path.join(work, 'missing')],
      ['scan', '--bogus'],
    ]) {
      const result = srlens(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, /^srlens: /);
    }
    assert.match(srlens(['scan', path.join(work, 'missing')]).stderr, /no such file or folder/);
  });

  it('exits 1 when findings reach --fail-on, 0 otherwise', () => {
    const broken = path.join(work, 'broken');
    assert.equal(srlens(['scan', broken]).code, 1);
    assert.equal(srlens(['scan', broken, '--fail-on', 'none']).code, 0);
    assert.equal(srlens(['scan', path.join(work, 'clean')]).code, 0);
  });

  it('prints the JSON contract', () => {
    const result = srlens(['scan', 'broken', 'clean', '--format', 'json', '--fail-on', 'none'], work);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.version, 1);
    assert.equal(
      report.files,
      3,
      'node_modules and .gitignore-d folders are skipped; the ConfigMap is read but yields nothing',
    );
    assert.ok(report.findings.length >= 1);
    for (const finding of report.findings) {
      assert.deepEqual(
        // `fix` is there only for findings that have one.
        Object.keys(finding)
          .filter((key) => key !== 'fix')
          .sort(),
        [
          'concern',
          'controls',
          'detail',
          'file',
          'fixable',
          'message',
          'owner',
          'range',
          'resource',
          'resourceType',
          'ruleId',
          'service',
          'severity',
          'tier',
        ].sort(),
      );
      assert.ok(['error', 'warning', 'info'].includes(finding.severity));
      assert.ok(['customer', 'shared', 'aws'].includes(finding.owner));
      assert.equal(typeof finding.range.start.line, 'number');
      assert.equal(typeof finding.range.end.character, 'number');
    }
    const parseError = report.findings.find((f: { ruleId: string }) => f.ruleId === 'parse-error');
    assert.equal(parseError.file, 'broken/stack.yaml');
    assert.equal(parseError.range.start.line, 5, 'the unclosed flow sequence is reported where the file ends');
  });

  it('prints SARIF 2.1.0 that validates against the official schema', () => {
    const result = srlens(['scan', 'broken', '--format', 'sarif', '--fail-on', 'none'], work);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const log: any = JSON.parse(result.stdout);
    const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    const valid = validate(log) as boolean;
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'srlens');
    for (const result of run.results) {
      const rule = run.tool.driver.rules[result.ruleIndex];
      assert.equal(rule.id, result.ruleId);
      assert.ok(rule.helpUri.endsWith(`docs/rules/${rule.id}.md`));
      assert.ok(rule.shortDescription.text && rule.fullDescription.text.length > rule.shortDescription.text.length);
      assert.ok(Number(rule.properties['security-severity']) > 0);
    }
    const parseError = run.results.find((r: { ruleId: string }) => r.ruleId === 'parse-error');
    assert.equal(parseError.locations[0].physicalLocation.artifactLocation.uri, 'broken/stack.yaml');
    assert.equal(parseError.locations[0].physicalLocation.region.startLine, 6);
  });

  it('prints the text report with file, position, severity and rule', () => {
    const result = srlens(['scan', 'broken', '--fail-on', 'none'], work);
    assert.match(result.stdout, /^broken\/stack\.yaml$/m);
    assert.match(
      result.stdout,
      /^ {2}6:1 +error +You · Configuration and policies: YAML syntax error: .*parse-error$/m,
    );
    assert.match(result.stdout, /findings? in 1 file \(1 error, /);
    // One line per finding: the headline, no explanation.
    assert.doesNotMatch(result.stdout, /nothing here makes it refuse/);
  });

  it("with --verbose, prints each finding's detail under its headline", () => {
    const result = srlens(['scan', 'broken', '--fail-on', 'none', '--verbose'], work);
    const lines = result.stdout.split('\n');
    const at = lines.findIndex((l) => /^ {2}4:11 +info +Shared · Data in transit: SQS queue 'Q' /.test(l));
    assert.ok(at !== -1, result.stdout);
    assert.match(
      lines[at + 1],
      /^ {20}It has no queue policy in this template, so nothing here makes it refuse requests sent without TLS\. /,
    );
  });

  it('inventories the examples with services and tiers', () => {
    const result = srlens(['inventory', 'examples', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const { resources } = JSON.parse(result.stdout);
    const byId = new Map(resources.map((r: { resource: string }) => [r.resource, r]));
    assert.deepEqual(Object.keys(resources[0]).sort(), ['file', 'range', 'resource', 'service', 'tier', 'type']);
    assert.equal((byId.get('Database') as { tier: string }).tier, 'container');
    assert.equal((byId.get('UploadsBucket') as { tier: string }).tier, 'abstracted');
    assert.equal((byId.get('AppInstance') as { tier: string }).tier, 'infrastructure');
    assert.equal((byId.get('aws_s3_bucket.logs') as { file: string }).file, 'examples/terraform/web/storage.tf');
    assert.equal((byId.get('aws_db_instance.app') as { tier: string }).tier, 'container');
    assert.ok(!resources.some((r: { file: string }) => r.file.includes('kubernetes')));
    const markdown = srlens(['inventory', 'examples']);
    assert.match(markdown.stdout, /\| File \| Resource \| Type \| Service \| Tier \|/);
  });

  it('explains ownership for CloudFormation and Terraform types', () => {
    const rds = srlens(['explain', 'AWS::RDS::DBInstance']);
    assert.equal(rds.code, 0, rds.stderr);
    assert.match(rds.stdout, /container/i);
    assert.match(rds.stdout, /operating-system\s+AWS/);
    assert.match(rds.stdout, /network-access\s+You/);
    const s3 = srlens(['explain', 'aws_s3_bucket', '--format', 'json']);
    const table = JSON.parse(s3.stdout);
    assert.equal(table.tier, 'abstracted');
    assert.equal(table.concerns.length, 17);
    assert.equal(table.concerns.find((c: { concern: string }) => c.concern === 'facilities').owner, 'aws');
    assert.equal(table.concerns.find((c: { concern: string }) => c.concern === 'identity-access').owner, 'customer');
  });

  it('reads .srlens.yaml: excludes, rule settings, and bad keys as findings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srlens-config-'));
    try {
      mkdirSync(path.join(dir, 'legacy'));
      mkdirSync(path.join(dir, 'app'));
      const db = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n';
      writeFileSync(path.join(dir, 'legacy', 'old.yaml'), db);
      writeFileSync(path.join(dir, 'app', 'db.yaml'), db);
      writeFileSync(
        path.join(dir, '.srlens.yaml'),
        'exclude: [legacy/**]\nrules:\n  rds-storage-encryption: warning\ncolour: blue\n',
      );
      const result = srlens(['scan', '--format', 'json'], dir);
      const report = JSON.parse(result.stdout);
      assert.equal(report.files, 1, 'legacy/ is excluded');
      const db_ = report.findings.find((f: { ruleId: string }) => f.ruleId === 'rds-storage-encryption');
      assert.equal(db_.severity, 'warning');
      assert.equal(db_.file, 'app/db.yaml');
      const config = report.findings.find((f: { ruleId: string }) => f.ruleId === 'config-error');
      assert.equal(config.file, '.srlens.yaml');
      assert.equal(config.range.start.line, 3);
      assert.equal(result.code, 0, 'a warning does not reach the default --fail-on error');
      assert.equal(srlens(['scan', '--config', 'missing.yaml'], dir).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps terminal control sequences in file names out of its warnings', () => {
    const dir = path.join(work, 'hostile-names');
    mkdirSync(dir);
    // A link loop whose name clears the screen and sets the window title: reported, and inert.
    const name = '\u001b[2J\u001b]0;owned\u0007loop.yaml';
    symlinkSync(name, path.join(dir, name));
    const { code, stderr } = srlens(['scan', dir]);
    assert.equal(code, 0);
    assert.match(stderr, /skipped/, 'the loop is reported');
    assert.doesNotMatch(stderr, /[\u0000-\u0009\u000b-\u001f\u007f]/, 'no control character reaches the terminal');
  });

  it('suggests the closest names for an unknown type', () => {
    const result = srlens(['explain', 'AWS::S3::Buckt']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /AWS::S3::Bucket/);
  });
});
