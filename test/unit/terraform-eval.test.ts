import * as assert from 'node:assert/strict';
import { Analyzer, type SourceFile } from '../../src/engine/analyzer';
import type { Finding } from '../../src/engine/finding';
import type { Range } from '../../src/iac/model';
import { RULES } from '../../src/rules';

const DIR = '/ws/infra';

function files(spec: Record<string, string>): SourceFile[] {
  return Object.entries(spec).map(([name, text]) => ({ path: `${DIR}/${name}`, text }));
}

function rules(...ids: string[]) {
  const found = RULES.filter((r) => ids.includes(r.id));
  assert.equal(found.length, ids.length, `unknown rule in ${ids.join(', ')}`);
  return found;
}

/** `[line, startChar, endChar]` (0-based, one line). */
function at(range: Range): [number, number, number] {
  assert.equal(range.start.line, range.end.line, 'single-line range expected');
  return [range.start.line, range.start.character, range.end.character];
}

function brief(findings: Finding[]): [string, string, [number, number, number]][] {
  return findings.map((f) => [f.ruleId, f.resource, at(f.range)]);
}

async function scan(
  spec: Record<string, string>,
  ruleIds: string[],
  options: ConstructorParameters<typeof Analyzer>[0] = {},
): Promise<Finding[]> {
  const analysis = await new Analyzer({ rules: rules(...ruleIds), ...options }).analyze(files(spec));
  return analysis.findings;
}

describe('Terraform evaluation', function () {
  this.timeout(30_000);

  describe('for_each and count', () => {
    it('expands for_each over a map from a variable default', async () => {
      const tf = [
        'variable "public" {',
        '  default = { key1 = true, key2 = false }',
        '}',
        'resource "aws_instance" "w" {',
        '  for_each                    = var.public',
        '  ami                         = "ami-1"',
        '  associate_public_ip_address = each.value',
        '}',
      ].join('\n');
      const found = await scan({ 'main.tf': tf }, ['ec2-public-ip']);
      assert.deepEqual(brief(found), [['ec2-public-ip', 'aws_instance.w["key1"]', [6, 32, 42]]]);
      assert.match(found[0].message, /aws_instance\.w\["key1"\]/);
    });
  });
});
