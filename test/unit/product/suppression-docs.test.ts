/**
 * The suppression examples in the README and docs/ci.md do what the text says they do.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Analyzer } from '../../../src/engine/analyzer';
import { parseConfig } from '../../../src/engine/config';
import { RULES } from '../../../src/rules';

const TODAY = '2026-12-07';

/** The fenced code blocks of one section (from its heading to the next heading of its level or above). */
function blocks(file: string, heading: string): { lang: string; text: string }[] {
  const lines = readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n');
  const level = heading.split(' ')[0].length;
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `${file} has ${heading}`);
  const found: { lang: string; text: string }[] = [];
  let block: { lang: string; lines: string[] } | undefined;
  for (const line of lines.slice(start + 1)) {
    const fence = /^```(\w*)$/.exec(line);
    if (block) {
      if (fence) {
        found.push({ lang: block.lang, text: `${block.lines.join('\n')}\n` });
        block = undefined;
      } else block.lines.push(line);
    } else if (fence) block = { lang: fence[1], lines: [] };
    else if (new RegExp(`^#{1,${level}} `).test(line)) break;
  }
  return found;
}

async function suppressedBy(path: string, text: string): Promise<string[]> {
  const analysis = await new Analyzer({ today: () => TODAY }).analyze([{ path, text }]);
  assert.deepEqual(
    analysis.findings.filter((f) => /suppression|parse-error/.test(f.ruleId)).map((f) => f.message),
    [],
    'no suppression in the example is unused, invalid or expiring',
  );
  return (analysis.suppressed ?? [])
    .map((s) => `${s.finding.resource} ${s.finding.ruleId} ${s.suppression.source ?? 'comment'}`)
    .sort();
}

describe('suppression examples in the documentation', () => {
  it('README: each form silences the finding it names', async () => {
    const [yaml, hcl] = blocks('README.md', '### Suppressions');
    assert.deepEqual(await suppressedBy('/docs/t.yaml', yaml.text), [
      'Logs s3-bucket-access-logging metadata',
      'ReportingDb rds-multi-az comment',
    ]);
    assert.deepEqual(await suppressedBy('/docs/m/main.tf', hcl.text), [
      'aws_s3_bucket.scratch s3-bucket-versioning comment',
    ]);
  });

  it('docs/ci.md: ours and other tools’ forms silence the findings they name, and the .srlens.yaml example is valid', async () => {
    const [yaml, hcl, config] = blocks('docs/ci.md', '## Suppressions in CI');
    assert.deepEqual(await suppressedBy('/docs/t.yaml', yaml.text), [
      'Logs s3-bucket-access-logging metadata',
      'Logs s3-bucket-versioning checkov',
      'ReportingDb rds-multi-az comment',
    ]);
    assert.deepEqual(await suppressedBy('/docs/m/main.tf', hcl.text), [
      'aws_db_instance.test rds-deletion-protection tfsec',
      'aws_db_instance.test rds-storage-encryption trivy',
      'aws_s3_bucket.scratch s3-bucket-access-logging checkov',
    ]);
    const parsed = parseConfig('/docs/.srlens.yaml', config.text, new Set(RULES.map((r) => r.id)));
    assert.deepEqual(parsed.findings, []);
    assert.equal(parsed.config.suppressions?.length, 1);
  });
});
