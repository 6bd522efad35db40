/**
 * docs/aws-check-policy.json, the least-privilege policy the account check needs: it lists exactly
 * the permissions the checks use, every one of them read-only, docs/aws.md shows it as it is, and
 * the product's own rules find nothing in it (deployed as a managed policy, in CloudFormation and
 * Terraform).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIRECT_CHECKS, TRUSTED_ADVISOR_PERMISSIONS } from '../../../src/aws/account-check';
import { Analyzer } from '../../../src/engine/analyzer';

const policyText = readFileSync(path.join(process.cwd(), 'docs', 'aws-check-policy.json'), 'utf8');
const policy = JSON.parse(policyText) as { Statement: { Effect: string; Action: string[]; Resource: string }[] };

describe('the account check policy (docs/aws-check-policy.json)', () => {
  it('allows exactly the permissions the checks use', () => {
    const used = new Set<string>([...TRUSTED_ADVISOR_PERMISSIONS, ...DIRECT_CHECKS.flatMap((c) => c.permissions)]);
    const allowed = policy.Statement.flatMap((s) => s.Action);
    assert.deepEqual([...allowed].sort(), [...used].sort());
    assert.equal(new Set(allowed).size, allowed.length, 'no duplicates');
    assert.deepEqual(
      policy.Statement.map((s) => s.Effect),
      ['Allow'],
    );
  });

  it('is read-only: Describe, Get and List calls only', () => {
    for (const action of policy.Statement.flatMap((s) => s.Action))
      assert.match(action, /^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]+$/, action);
  });

  it('is shown in docs/aws.md as it is', () => {
    const doc = readFileSync(path.join(process.cwd(), 'docs', 'aws.md'), 'utf8');
    assert.ok(doc.includes('```json\n' + policyText.trimEnd() + '\n```'), 'the policy in docs/aws.md matches the file');
  });

  it('passes the product’s own rules', async () => {
    const cloudFormation = JSON.stringify(
      {
        Resources: {
          AccountCheck: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: policy } },
        },
      },
      null,
      2,
    );
    const terraform = `resource "aws_iam_policy" "account_check" {\n  name   = "srlens-account-check"\n  policy = <<-EOT\n${policyText}EOT\n}\n`;
    const { findings } = await new Analyzer().analyze([
      { path: '/policy/template.json', text: cloudFormation },
      { path: '/policy/main.tf', text: terraform },
    ]);
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${f.resource}: ${f.message}`),
      [],
    );
    // The templates were analysed, not skipped.
    const analysis = await new Analyzer().analyze([{ path: '/policy/template.json', text: cloudFormation }]);
    assert.equal(analysis.units[0].resources.length, 1);
  });
});
