/**
 * Every file of the shared real-world corpus (../shared/corpus) goes through the whole engine:
 * no exceptions, every resource classified, and the counts reported.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import { classifyType } from '../../../src/knowledge';
import { CORPUS, corpusFiles, needsShared, wholeCorpus } from '../../corpus';

describe('the shared corpus', function () {
  this.timeout(120_000);

  before(function () {
    needsShared(this, 'corpus');
  });

  it('analyses every file with zero exceptions and classifies every resource', async function () {
    wholeCorpus(this);
    const files: SourceFile[] = corpusFiles().map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
    const analysis = await new Analyzer().analyze(files);
    const templates = analysis.units.filter((u) => u.kind === 'cloudformation');
    const modules = analysis.units.filter((u) => u.kind === 'terraform');
    const resources = analysis.units.flatMap((u) => u.resources);
    const unclassified = resources.filter((r) => r.tier === 'unclassified');
    const parseErrors = analysis.findings.filter((f) => f.ruleId === 'parse-error');
    const filesWithErrors = new Set(parseErrors.map((f) => path.relative(CORPUS, f.file)));
    console.log(
      `      corpus: ${files.length} files → ${templates.length} templates, ${modules.length} modules, ${resources.length} resources ` +
        `(${unclassified.length} unclassified: ${[...new Set(unclassified.map((r) => r.type))].slice(0, 6).join(', ')}); ` +
        `${parseErrors.length} parse findings in ${filesWithErrors.size} files`,
    );
    assert.ok(files.length > 1300, `expected the whole corpus, found ${files.length} files`);
    assert.ok(templates.length > 450, `templates: ${templates.length}`);
    assert.ok(modules.length > 150, `modules: ${modules.length}`);
    // Only custom resources (your own code behind them) and types that do not exist stay unclassified.
    for (const r of unclassified) {
      const customResource = /^(Custom::|AWS::CloudFormation::CustomResource$)/.test(r.type);
      assert.ok(customResource || !classifyType(r.type).known, `${r.type} in ${r.file}`);
    }
    // Parse findings come only from cfn-lint's deliberately broken templates.
    for (const file of filesWithErrors) assert.match(file, /^cfn-lint-templates\/bad\//, file);
  });

  it('matches the committed snapshot of finding counts per rule (UPDATE_SNAPSHOTS=1 to rewrite)', async function () {
    wholeCorpus(this);
    const files: SourceFile[] = corpusFiles().map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
    const { findings } = await new Analyzer().analyze(files);
    const counts: Record<string, { findings: number; files: number }> = {};
    const filesPerRule = new Map<string, Set<string>>();
    for (const f of findings) {
      counts[f.ruleId] ??= { findings: 0, files: 0 };
      counts[f.ruleId].findings++;
      const set = filesPerRule.get(f.ruleId) ?? new Set<string>();
      set.add(f.file);
      filesPerRule.set(f.ruleId, set);
    }
    for (const [rule, set] of filesPerRule) counts[rule].files = set.size;
    const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
    const snapshotFile = path.join(process.cwd(), 'test', 'fixtures', 'corpus-findings.json');
    if (process.env.UPDATE_SNAPSHOTS === '1') {
      writeFileSync(snapshotFile, `${JSON.stringify(sorted, null, 2)}\n`);
    }
    assert.deepEqual(
      sorted,
      JSON.parse(readFileSync(snapshotFile, 'utf8')),
      'finding counts on the corpus changed: review them, then run with UPDATE_SNAPSHOTS=1',
    );
  });

  it('yields nothing for the files that are not templates', async () => {
    const analyzer = new Analyzer();
    const notTemplates = corpusFiles().filter((f) => /\.pre-commit-config\.yaml$|\.releaserc\.json$|\.github/.test(f));
    for (const file of notTemplates) {
      const { units, findings } = analyzer.analyzeCloudFormation(file, readFileSync(file, 'utf8'));
      assert.deepEqual({ units, findings }, { units: [], findings: [] }, file);
    }
  });
});
