/**
 * Rules that relate resources to each other (a bucket and the buckets logging into it, a bucket
 * and its policy, a database and the other reads of its password) must stay linear in the size of
 * the template: each looks things up in an index built once per unit (`RuleContext.memo`).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../../../src/engine/analyzer';
import { createRuleContext } from '../../../src/engine/context';
import type { IacUnit } from '../../../src/iac/model';
import { rule as accessLogging } from '../../../src/rules/s3-bucket-access-logging';
import { rule as policyTlsOnly } from '../../../src/rules/s3-bucket-policy-tls-only';
import { rule as rdsPassword } from '../../../src/rules/rds-master-password-hardcoded';

/** `n` buckets (a third of them logging into the next, each with a policy) and `n / 4` databases whose passwords are parameter defaults. */
function template(n: number): string {
  const resources: Record<string, unknown> = {};
  const parameters: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    resources[`Bucket${i}`] = {
      Type: 'AWS::S3::Bucket',
      Properties:
        i % 3 === 0
          ? { BucketName: `bucket-${i}`, LoggingConfiguration: { DestinationBucketName: { Ref: `Bucket${i + 1}` } } }
          : { BucketName: `bucket-${i}` },
    };
    resources[`Policy${i}`] = {
      Type: 'AWS::S3::BucketPolicy',
      Properties: { Bucket: { Ref: `Bucket${i}` }, PolicyDocument: { Statement: [] } },
    };
    if (i % 4 === 0) {
      parameters[`Password${i}`] = { Type: 'String', Default: `secret-${i}` };
      resources[`Db${i}`] = {
        Type: 'AWS::RDS::DBInstance',
        Properties: { Engine: 'postgres', MasterUsername: 'admin', MasterUserPassword: { Ref: `Password${i}` } },
      };
    }
  }
  return JSON.stringify({ Parameters: parameters, Resources: resources }, null, 2);
}

describe('rules that relate resources to each other', () => {
  it('answer the same from a memo however often they ask, one value per key and unit', () => {
    const unit = { kind: 'cloudformation', resources: [] } as unknown as IacUnit;
    const context = createRuleContext(unit, { requiredTags: [] }, () => undefined);
    let builds = 0;
    const first = context.memo('k', () => ({ built: ++builds }));
    assert.equal(
      context.memo('k', () => ({ built: ++builds })),
      first,
    );
    assert.notEqual(
      context.memo('other', () => ({ built: ++builds })),
      first,
    );
    assert.equal(builds, 2);
    const undefinedValue = context.memo('none', () => (builds++, undefined));
    assert.equal(undefinedValue, undefined);
    context.memo('none', () => (builds++, undefined));
    assert.equal(builds, 3);
    const another = createRuleContext(unit, { requiredTags: [] }, () => undefined);
    assert.notEqual(
      another.memo('k', () => ({ built: ++builds })),
      first,
    );
  });

  it('check four times the resources in about four times the time, not sixteen (access logging, TLS-only policy, hard-coded RDS password)', function () {
    this.timeout(120000);
    const rules = [accessLogging, policyTlsOnly, rdsPassword];
    const timed = (n: number): number => {
      const text = template(n);
      const runs: number[] = [];
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        const { findings } = new Analyzer({ rules }).analyzeCloudFormation(`/t-${n}-${run}.json`, text);
        runs.push(performance.now() - start);
        // Every database's password is reported; some buckets lack logging.
        assert.equal(findings.filter((f) => f.ruleId === 'rds-master-password-hardcoded').length, n / 4);
        assert.ok(findings.some((f) => f.ruleId === 's3-bucket-access-logging'));
      }
      // The fastest run: the one least disturbed by the machine and by garbage collection.
      return Math.min(...runs);
    };
    timed(500); // warm up
    const small = timed(1000);
    const large = timed(4000);
    // A complexity check, not a speed check: linear is ~4×, and each bucket asking every other
    // bucket (or each database walking the template) made it ~16×. The wide margin keeps a busy
    // machine from deciding the result.
    assert.ok(large < small * 8, `4,000 buckets took ${large.toFixed(0)} ms, 1,000 took ${small.toFixed(0)} ms`);
  });
});

describe('line indexes in rules and fixes', () => {
  it('come from the shared index of each text, never from indexing the whole file again per finding', () => {
    const root = path.join(process.cwd(), 'src');
    const offenders: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (file.endsWith('.ts') && readFileSync(file, 'utf8').includes('new LineIndex('))
          offenders.push(path.relative(root, file));
      }
    };
    visit(path.join(root, 'rules'));
    visit(path.join(root, 'fixes'));
    // edits.ts is where the shared index (`lineIndexOf`) is made.
    assert.deepEqual(offenders, ['fixes/edits.ts']);
  });
});
