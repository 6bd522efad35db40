/**
 * Agreement with a peer tool's own test fixtures (../shared/peer-fixtures: each check's fixture
 * files with the resources that peer expects to pass and fail). For every mapped check we run the
 * matching rules, compare resource by resource, print the agreement, and pin every disagreement
 * below with a verdict: who is right, and why.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer, type SourceFile } from '../../src/engine/analyzer';
import type { IacUnit, Value } from '../../src/iac/model';
import { RULES } from '../../src/rules';

const PEER = path.resolve(process.cwd(), '..', 'shared', 'peer-fixtures');

interface ManifestEntry {
  check: string;
  title: string;
  iac: 'cfn' | 'terraform';
  files: string[];
  passed: string[];
  failed: string[];
}

/** Peer check → our rules that cover the same concern. */
export const CHECK_TO_RULES: Record<string, string[]> = {
  CKV_AWS_16: ['rds-storage-encryption'],
};

/**
 * Disagreements we stand by, as `<check> <iac> <resource>` → verdict. Anything not listed here
 * fails the test, so every new disagreement gets looked at.
 */
export const VERDICTS: Record<string, string> = {
  // `storage_encrypted = False` is not a Terraform boolean (HCL's are lower-case): it is a bare
  // name Terraform itself rejects. We treat it as unknown rather than guess.
  'CKV_AWS_16 terraform main.tf aws_db_instance.disabled': 'ours: invalid HCL is unknown, not false',
};

function sources(entry: ManifestEntry): SourceFile[] {
  return entry.files.map((file) => ({ path: path.join(PEER, file), text: readFileSync(path.join(PEER, file), 'utf8') }));
}

/** Resource ids a finding counts against: the resource itself and, for companions, what it references. */
function subjects(resourceId: string, units: IacUnit[]): string[] {
  const resource = units.flatMap((u) => u.resources).find((r) => r.id === resourceId);
  if (!resource) return [resourceId];
  const targets = new Set<string>([resourceId]);
  const walk = (value: Value) => {
    if (value.kind === 'reference') targets.add(value.target);
    else if (value.kind === 'map') value.properties.forEach((p) => walk(p.value));
    else if (value.kind === 'list') value.items.forEach(walk);
  };
  walk(resource.properties);
  return [...targets];
}

describe('agreement with the peer fixtures', function () {
  this.timeout(60_000);
  const manifestFile = path.join(PEER, 'manifest.json');

  before(function () {
    if (!existsSync(manifestFile)) this.skip();
  });

  it('agrees on every mapped check except the disagreements with a verdict', async () => {
    const manifest: ManifestEntry[] = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const known = new Set(RULES.map((r) => r.id));
    const rows: string[] = [];
    const unexplained: string[] = [];
    const totals = { agree: 0, total: 0 };
    const perCheck = new Map<string, { agree: number; total: number }>();
    for (const entry of manifest) {
      const ruleIds = (CHECK_TO_RULES[entry.check] ?? []).filter((id) => known.has(id));
      if (ruleIds.length === 0) continue;
      const rules = RULES.filter((r) => ruleIds.includes(r.id));
      const { units, findings } = await new Analyzer({ rules }).analyze(sources(entry));
      const flagged = new Set(findings.filter((f) => ruleIds.includes(f.ruleId)).flatMap((f) => subjects(f.resource, units)));
      const tally = perCheck.get(entry.check) ?? { agree: 0, total: 0 };
      for (const [expected, ids] of [['failed', entry.failed], ['passed', entry.passed]] as const) {
        for (const id of ids) {
          const weFlag = flagged.has(id);
          const agree = (expected === 'failed') === weFlag;
          tally.total++;
          if (agree) tally.agree++;
          else {
            const key = `${entry.check} ${entry.iac} ${entry.files[0].split('/').slice(-1)[0]} ${id}`;
            if (!VERDICTS[key]) unexplained.push(`${key} (peer: ${expected}, we: ${weFlag ? 'flag' : 'pass'})`);
          }
        }
      }
      perCheck.set(entry.check, tally);
    }
    for (const [check, t] of [...perCheck].sort()) {
      rows.push(`${check.padEnd(12)} ${CHECK_TO_RULES[check].join(', ').padEnd(48)} ${t.agree}/${t.total}`);
      totals.agree += t.agree;
      totals.total += t.total;
    }
    console.log(`      peer agreement: ${totals.agree}/${totals.total} resources over ${perCheck.size} checks\n${rows.map((r) => `        ${r}`).join('\n')}`);
    assert.deepEqual(unexplained, [], 'new disagreements: decide who is right and add a verdict');
  });
});
