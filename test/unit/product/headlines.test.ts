/**
 * Every finding over the shared corpus reads as a headline: at most 120 characters, starting with
 * the owner word and the concern (`You · Network access: …`), so the owner is named within its
 * first 40 characters. SRLENS_QUICK=1 checks a fixed sample of the files and modules.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import { HEADLINE_LIMIT, headlinePrefix, OWNER_WORD, type Finding } from '../../../src/engine/finding';
import { sourceKindOf } from '../../../src/iac/detect';
import { CORPUS, corpusFiles, inQuickSample, needsShared } from '../../corpus';

describe('headlines over the shared corpus', function () {
  this.timeout(180_000);

  before(function () {
    needsShared(this, 'corpus');
  });

  it('every finding has a headline of at most 120 characters naming the owner within its first 40', async () => {
    // Terraform is sampled by module (its folder), CloudFormation by file.
    const sample = corpusFiles().filter((file) =>
      inQuickSample(sourceKindOf(file) === 'terraform' ? path.dirname(file) : file),
    );
    const files: SourceFile[] = sample.map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
    const { findings } = await new Analyzer().analyze(files);
    const longest = findings.reduce<Finding | undefined>(
      (a, f) => (!a || f.message.length > a.message.length ? f : a),
      undefined,
    );
    const shortened = findings.filter((f) => f.message.includes('…')).length;
    console.log(
      `      ${findings.length} findings in ${files.length} files; longest headline ${longest?.message.length ?? 0} characters ` +
        `(${longest ? path.relative(CORPUS, longest.file) : '-'}), ${shortened} shortened`,
    );
    assert.ok(findings.length > 100, `expected findings over the corpus, found ${findings.length}`);
    const wrong = findings.filter((f) => {
      const owner = f.message.indexOf(OWNER_WORD[f.owner]);
      return (
        f.message.length > HEADLINE_LIMIT ||
        !f.message.startsWith(headlinePrefix(f.owner, f.concern)) ||
        owner === -1 ||
        owner + OWNER_WORD[f.owner].length > 40 ||
        /\n/.test(f.message) ||
        f.message.length <= headlinePrefix(f.owner, f.concern).length + 10
      );
    });
    assert.deepEqual(
      wrong.slice(0, 10).map((f) => `${f.ruleId} ${path.relative(CORPUS, f.file)}: ${f.message}`),
      [],
    );
    // What a headline leaves out is in the detail: every rule finding explains itself.
    const unexplained = findings.filter((f) => f.ruleId !== 'parse-error' && !f.detail);
    assert.deepEqual(
      unexplained.slice(0, 10).map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });
});
