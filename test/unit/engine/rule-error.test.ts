/**
 * A rule that throws is reported, never a silently missing check: the engine turns the exception
 * into a `rule-error` finding on what the rule was looking at, the other rules still run, the stack
 * goes to the front end's log only, and a fix that throws yields no fix.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../../src/cli/main';
import { Analyzer } from '../../../src/engine/analyzer';
import { ruleMetadata } from '../../../src/engine/catalog';
import type { Finding } from '../../../src/engine/finding';
import { RULE_ERROR_RULE_ID, describeRuleCrash, type RuleCrash } from '../../../src/engine/rule-error';
import { RULES } from '../../../src/rules';
import { rule as rdsStorageEncryption } from '../../../src/rules/rds-storage-encryption';
import type { Rule } from '../../../src/rules/rule';

/** Crashes on the resource (or Terraform address) named `Db` / `aws_db_instance.db`, and nowhere else. */
const crashing: Rule = {
  id: 'test-crashing-rule',
  title: 'Crashes on one database',
  concern: 'backup-dr',
  severity: 'warning',
  appliesTo: ['AWS::RDS::DBInstance', 'aws_db_instance'],
  rationale: 'A rule with a bug.',
  remediation: 'None.',
  messages: { unit: { headline: 'unit report' } },
  check(resource) {
    if (resource.id === 'Db' || resource.id === 'aws_db_instance.db') {
      const properties: { missing?: { value: string } } = {};
      // The kind of bug a rule has: reading through something that is not there.
      return [{ messageId: properties.missing!.value, range: resource.typeRange }];
    }
    return [];
  },
};

const TEMPLATE = [
  'Resources:',
  '  Db:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      StorageEncrypted: false',
  '  Other:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      StorageEncrypted: false',
  '',
].join('\n');

const MODULE = [
  'resource "aws_db_instance" "db" {',
  '  storage_encrypted = false',
  '}',
  '',
  'resource "aws_db_instance" "other" {',
  '  storage_encrypted = false',
  '}',
  '',
].join('\n');

/** The headline (the crashing rule's concern is backup-dr, shared for RDS) and the detail. */
const MESSAGE =
  "Shared · Backup and DR: rule 'test-crashing-rule' crashed on resource '%ID%', so its result is unknown";
const DETAIL =
  'The other rules ran. This is a bug in the rule, not a verdict on the template: the error is logged (the Shared Responsibility Lens output, or srlens --verbose).';

const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} ${f.resource}`);

describe('a rule that crashes', () => {
  it('becomes a rule-error finding on the resource (CloudFormation), and every other check still runs', async () => {
    const crashes: RuleCrash[] = [];
    const analyzer = new Analyzer({ rules: [crashing, rdsStorageEncryption], onRuleError: (c) => crashes.push(c) });
    const { findings } = await analyzer.analyze([{ path: '/t/stack.yaml', text: TEMPLATE }]);
    assert.deepEqual(summary(findings), ['rule-error Db', 'rds-storage-encryption Db', 'rds-storage-encryption Other']);
    assert.deepEqual(findings[0], {
      ruleId: 'rule-error',
      severity: 'error',
      concern: 'backup-dr',
      owner: 'shared',
      tier: 'container',
      service: 'Amazon RDS',
      resource: 'Db',
      resourceType: 'AWS::RDS::DBInstance',
      file: '/t/stack.yaml',
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } },
      message: MESSAGE.replace('%ID%', 'Db'),
      detail: DETAIL,
      fixable: false,
    });
    assert.equal(crashes.length, 1);
    assert.deepEqual(
      { ...crashes[0], error: undefined },
      { ruleId: 'test-crashing-rule', phase: 'check', subject: 'Db', file: '/t/stack.yaml', error: undefined },
    );
    assert.ok(crashes[0].error instanceof TypeError);
  });

  it('becomes a rule-error finding on the resource (Terraform)', async () => {
    const { findings } = await new Analyzer({ rules: [crashing, rdsStorageEncryption] }).analyze([
      { path: '/m/main.tf', text: MODULE },
    ]);
    assert.deepEqual(summary(findings), [
      'rule-error aws_db_instance.db',
      'rds-storage-encryption aws_db_instance.db',
      'rds-storage-encryption aws_db_instance.other',
    ]);
    const { ruleId, severity, resource, resourceType, file, range, message } = findings[0];
    assert.deepEqual(
      { ruleId, severity, resource, resourceType, file, range, message },
      {
        ruleId: 'rule-error',
        severity: 'error',
        resource: 'aws_db_instance.db',
        resourceType: 'aws_db_instance',
        file: '/m/main.tf',
        range: { start: { line: 0, character: 9 }, end: { line: 0, character: 31 } },
        message: MESSAGE.replace('%ID%', 'aws_db_instance.db'),
      },
    );
  });

  it('keeps the error and its stack out of the finding; the log gets both', async () => {
    const crashes: RuleCrash[] = [];
    const { findings } = await new Analyzer({ rules: [crashing], onRuleError: (c) => crashes.push(c) }).analyze([
      { path: '/t/stack.yaml', text: TEMPLATE },
    ]);
    const error = crashes[0].error as Error;
    assert.doesNotMatch(findings[0].message, /Cannot read|TypeError|\n\s+at /);
    const line = describeRuleCrash(crashes[0]);
    assert.ok(line.startsWith('Rule test-crashing-rule crashed while checking Db (/t/stack.yaml): TypeError: '), line);
    assert.ok(line.includes(error.message));
    assert.match(line, /\n\s+at /);
  });

  it('stays one finding per resource when the rule is turned to info by configuration, and is never filtered by it', async () => {
    const { findings } = await new Analyzer({
      rules: [crashing],
      config: {
        ...(await import('../../../src/engine/config')).DEFAULT_CONFIG,
        minimumSeverity: 'error',
        rules: { 'test-crashing-rule': 'info' },
      },
    }).analyze([{ path: '/t/stack.yaml', text: TEMPLATE }]);
    assert.deepEqual(summary(findings), ['rule-error Db']);
    assert.equal(findings[0].severity, 'error');
  });

  it('in a template- or module-level check becomes a rule-error finding on the template or the module', async () => {
    const unitCrash: Rule = {
      ...crashing,
      id: 'test-crashing-unit-rule',
      appliesTo: [],
      check: () => [],
      checkUnit() {
        throw new RangeError('out of range');
      },
    };
    const crashes: RuleCrash[] = [];
    const analyzer = new Analyzer({ rules: [unitCrash, rdsStorageEncryption], onRuleError: (c) => crashes.push(c) });
    const cfn = await analyzer.analyze([{ path: '/t/stack.yaml', text: TEMPLATE }]);
    const tf = await analyzer.analyze([{ path: '/m/main.tf', text: MODULE }]);
    const brief = (f: Finding) => [f.ruleId, f.resource, f.file, f.range.start.line, f.message];
    assert.deepEqual(cfn.findings.map(brief), [
      [
        'rule-error',
        '',
        '/t/stack.yaml',
        0,
        "You · Backup and DR: rule 'test-crashing-unit-rule' crashed on the template /t/stack.yaml, so its result is unknown",
      ],
      ['rds-storage-encryption', 'Db', '/t/stack.yaml', 4, cfn.findings[1].message],
      ['rds-storage-encryption', 'Other', '/t/stack.yaml', 8, cfn.findings[2].message],
    ]);
    assert.deepEqual(summary(tf.findings), [
      'rule-error ',
      'rds-storage-encryption aws_db_instance.db',
      'rds-storage-encryption aws_db_instance.other',
    ]);
    assert.match(
      tf.findings[0].message,
      /^You · .*: rule 'test-crashing-unit-rule' crashed on the Terraform module \/m, so its result is unknown$/,
    );
    assert.equal(tf.findings[0].detail, DETAIL);
    assert.deepEqual(
      crashes.map((c) => [c.phase, c.subject, c.file, (c.error as Error).name]),
      [
        ['checkUnit', '/t/stack.yaml', '/t/stack.yaml', 'RangeError'],
        ['checkUnit', '/m', '/m/main.tf', 'RangeError'],
      ],
    );
  });

  it('while building a fix yields no fix, and the crash is logged', async () => {
    const fixCrash: Rule = {
      ...rdsStorageEncryption,
      fix() {
        throw new Error('fix bug');
      },
    };
    const unitFixCrash: Rule = {
      ...crashing,
      id: 'test-unit-fix-crash',
      appliesTo: [],
      check: () => [],
      checkUnit: (unit) => [
        {
          messageId: 'unit',
          file: unit.kind === 'cloudformation' ? unit.file : unit.files[0],
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } },
          subject: 'Everything',
        },
      ],
      fixUnit() {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a rule that throws a non-Error is the case under test
        throw 'not even an Error';
      },
    };
    const crashes: RuleCrash[] = [];
    const analyzer = new Analyzer({ rules: [fixCrash, unitFixCrash], onRuleError: (c) => crashes.push(c) });
    const { findings } = await analyzer.analyze([{ path: '/t/stack.yaml', text: TEMPLATE }]);
    assert.deepEqual(summary(findings), [
      'test-unit-fix-crash Everything',
      'rds-storage-encryption Db',
      'rds-storage-encryption Other',
    ]);
    assert.deepEqual(
      findings.map((f) => f.fixable),
      [true, true, true],
    );
    assert.deepEqual(
      findings.map((f) => analyzer.fixFor(f)),
      [undefined, undefined, undefined],
    );
    assert.deepEqual(
      crashes.map((c) => [c.ruleId, c.phase, c.subject]),
      [
        ['test-unit-fix-crash', 'fixUnit', 'Everything'],
        ['rds-storage-encryption', 'fix', 'Db'],
        ['rds-storage-encryption', 'fix', 'Other'],
      ],
    );
    assert.equal(
      describeRuleCrash(crashes[0]),
      'Rule test-unit-fix-crash crashed while building a fix for Everything (/t/stack.yaml): thrown value: not even an Error',
    );
  });

  it('a log that throws itself changes nothing', async () => {
    const { findings } = await new Analyzer({
      rules: [crashing, rdsStorageEncryption],
      onRuleError: () => {
        throw new Error('log broken');
      },
    }).analyze([{ path: '/t/stack.yaml', text: TEMPLATE }]);
    assert.deepEqual(summary(findings), ['rule-error Db', 'rds-storage-encryption Db', 'rds-storage-encryption Other']);
  });

  it('is in the rule catalog (SARIF, docs), as an error about configuration', () => {
    const meta = ruleMetadata().find((m) => m.id === RULE_ERROR_RULE_ID);
    assert.equal(meta?.title, 'A rule crashed');
    assert.equal(meta?.severity, 'error');
  });
});

describe('srlens with a rule that crashes', () => {
  let dir: string;
  const registry = RULES as Rule[];

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'srlens-rule-error-'));
    writeFileSync(path.join(dir, 'stack.yaml'), TEMPLATE);
    registry.push(crashing);
  });

  after(() => {
    registry.splice(registry.indexOf(crashing), 1);
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
      stdout: (t) => (stdout += `${t}\n`),
      stderr: (t) => (stderr += `${t}\n`),
      cwd: dir,
      color: false,
    });
    return { code, stdout, stderr };
  }

  it('reports rule-error in the JSON output, exits 1 at the default --fail-on error, and prints no stack', async () => {
    const { code, stdout, stderr } = await cli(['scan', '.', '--format', 'json']);
    assert.equal(code, 1);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout) as { findings: Finding[] };
    const errors = report.findings.filter((f) => f.ruleId === 'rule-error');
    assert.deepEqual(
      errors.map((f) => [f.file, f.resource, f.severity, f.message]),
      [['stack.yaml', 'Db', 'error', MESSAGE.replace('%ID%', 'Db')]],
    );
    assert.deepEqual(
      report.findings.filter((f) => f.ruleId === 'rds-storage-encryption').map((f) => f.resource),
      ['Db', 'Other'],
    );
  });

  it('prints the rule, the resource and the stack on stderr with --verbose, and only there', async () => {
    const { code, stdout, stderr } = await cli(['scan', '.', '--format', 'text', '--verbose']);
    assert.equal(code, 1);
    assert.match(stdout, /rule-error/);
    assert.doesNotMatch(stdout, /\n\s+at /);
    assert.ok(
      stderr.startsWith(
        `srlens: Rule test-crashing-rule crashed while checking Db (${path.join(dir, 'stack.yaml')}): TypeError: `,
      ),
      stderr,
    );
    assert.match(stderr, /\n\s+at /);
  });

  it('exits 0 with --fail-on none, the finding still in the output', async () => {
    const { code, stdout } = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none']);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).findings.filter((f: Finding) => f.ruleId === 'rule-error').length, 1);
  });
});
