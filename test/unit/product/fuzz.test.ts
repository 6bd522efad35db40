/**
 * Property-based tests (fast-check). Guarantees: the engine never throws, returns within a time
 * bound and gives well-formed findings and fixes for arbitrary YAML-, JSON- and HCL-shaped text,
 * for random mutations of every file of the shared corpus and every rule fixture; and the cached,
 * incremental path (the analyser's caches, Terraform's incremental re-parse) gives exactly the
 * findings and fixes of a fresh analysis after every edit of a random edit sequence.
 *
 * `npm run fuzz` runs the same properties many more times (SRLENS_FUZZ_RUNS).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import type { Finding } from '../../../src/engine/finding';
import { sourceKindOf } from '../../../src/iac/detect';
import { forgetTerraformFile, loadTerraformLanguage, terraformParseStats } from '../../../src/iac/terraform';
import {
  CORPUS,
  TIME_BOUND_MS,
  anyText,
  applyMutations,
  assertWellFormed,
  comparable,
  corpusFiles,
  fixtureSources,
  hclish,
  jsonish,
  mutations,
  needsShared,
  wholeCorpus,
  runs,
  withinBound,
  yamlish,
} from '../../hardening/support';

/** Inputs analysed and the slowest analysis, printed at the end (the figures in docs/reliability.md). */
const tally = { inputs: 0, characters: 0, slowestMs: 0, slowest: '', edits: 0 };

async function analyseChecked(files: SourceFile[], label: string): Promise<void> {
  const analyzer = new Analyzer();
  const started = performance.now();
  const analysis = await withinBound(TIME_BOUND_MS, label, () => analyzer.analyze(files));
  const elapsed = performance.now() - started;
  tally.inputs++;
  tally.characters += files.reduce((n, f) => n + f.text.length, 0);
  if (elapsed > tally.slowestMs) Object.assign(tally, { slowestMs: elapsed, slowest: label });
  assertWellFormed(analyzer, analysis, files, label);
}

describe('fuzz', () => {
  after(() => {
    console.log(
      `      fuzz: ${tally.inputs} generated or mutated inputs (${(tally.characters / 1e6).toFixed(1)} M characters), ${tally.edits} incremental edits; ` +
        `slowest analysis ${Math.round(tally.slowestMs)} ms (${tally.slowest.slice(0, 80)})`,
    );
  });

  describe('arbitrary text', function () {
    this.timeout(120_000);
    before(() => loadTerraformLanguage());

    const cases: [string, fc.Arbitrary<string>, string][] = [
      ['YAML-shaped text', yamlish, 'template.yaml'],
      ['JSON-shaped text', jsonish, 'template.json'],
      ['HCL-shaped text', hclish, 'main.tf'],
      ['any string as YAML', anyText.map((t) => `Resources:\n${t}`), 'any.yaml'],
      ['any string as JSON', anyText.map((t) => `{"Resources":${t}`), 'any.json'],
      ['any string as HCL', anyText, 'any.tf'],
      ['any string as a .template file', anyText.map((t) => `AWSTemplateFormatVersion ${t}`), 'any.template'],
    ];
    for (const [name, arbitrary, file] of cases) {
      it(`never throws, stays within ${TIME_BOUND_MS} ms and gives well-formed findings: ${name}`, async () => {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (text) =>
            analyseChecked([{ path: `/fuzz/${file}`, text }], JSON.stringify(text.slice(0, 200))),
          ),
          { numRuns: runs(150) },
        );
      });
    }
  });

  describe('mutations of real files', function () {
    this.timeout(300_000);
    before(() => loadTerraformLanguage());

    it('every rule fixture, mutated (deletions, insertions, truncations, swapped and duplicated lines)', async () => {
      const fixtures = fixtureSources();
      assert.ok(fixtures.length > 500, `expected every fixture, found ${fixtures.length}`);
      for (const fixture of fixtures) {
        await fc.assert(
          fc.asyncProperty(
            fc.array(mutations, { minLength: fixture.files.length, maxLength: fixture.files.length }),
            async (perFile) => {
              const files = fixture.files.map((f, i) => ({ path: f.path, text: applyMutations(f.text, perFile[i]) }));
              await analyseChecked(files, fixture.name);
            },
          ),
          { numRuns: runs(2) },
        );
      }
    });

    it('every file of the shared corpus, mutated', async function () {
      needsShared(this, 'corpus');
      wholeCorpus(this);
      const files = corpusFiles();
      assert.ok(files.length > 1300, `expected the whole corpus, found ${files.length} files`);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const label = path.relative(CORPUS, file);
        await fc.assert(
          fc.asyncProperty(mutations, async (list) =>
            analyseChecked([{ path: file, text: applyMutations(text, list) }], label),
          ),
          { numRuns: runs(1) },
        );
      }
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Incremental = fresh

  /** One edit as a user makes it: somewhere in one file, delete a little and type a little. */
  const edit = fc.record({
    file: fc.nat(),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.integer({ min: 0, max: 12 }),
    insert: fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '\n',
        '"',
        '{',
        '}',
        '[',
        ']',
        '#',
        '=',
        'true',
        'false',
        '  Properties:\n',
        '    StorageEncrypted: false\n',
        '  encrypted = false\n',
        'é😀',
        '\r\n',
        '\t',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
  });

  function applyEdit(
    files: SourceFile[],
    e: { file: number; at: number; remove: number; insert: string },
  ): SourceFile[] {
    const index = e.file % files.length;
    return files.map((f, i) => {
      if (i !== index) return f;
      const at = Math.min(f.text.length, Math.floor(e.at * (f.text.length + 1)));
      return { path: f.path, text: f.text.slice(0, at) + e.insert + f.text.slice(at + e.remove) };
    });
  }

  /** A fresh analysis: a new analyser, and files under their own paths so no Terraform cache or kept tree answers. */
  async function fresh(files: SourceFile[], round: number): Promise<{ findings: string[]; fixes: string[] }> {
    const prefix = `/fresh-${round}`;
    const renamed = files.map((f) => ({ path: prefix + f.path, text: f.text }));
    const analyzer = new Analyzer();
    const analysis = await analyzer.analyze(renamed);
    for (const f of renamed) forgetTerraformFile(f.path);
    const unprefix = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : file);
    return { findings: comparable(analysis.findings, unprefix), fixes: fixesOf(analyzer, analysis.findings, unprefix) };
  }

  function fixesOf(analyzer: Analyzer, findings: readonly Finding[], rename: (file: string) => string): string[] {
    return findings
      .filter((f) => f.fixable)
      .map((f) => JSON.stringify((analyzer.fixFor(f)?.edits ?? []).map((e) => ({ ...e, file: rename(e.file) }))));
  }

  describe('incremental analysis equals a fresh one', function () {
    this.timeout(300_000);
    before(() => loadTerraformLanguage());

    const starts = fixtureSources().filter((f) => f.files.every((s) => sourceKindOf(s.path)));
    const terraform = starts.filter((f) => f.files[0].path.endsWith('.tf'));
    const cloudFormation = starts.filter((f) => !f.files[0].path.endsWith('.tf'));
    let round = 0;

    for (const [name, pool] of [
      ['Terraform modules (incremental re-parse, module cache)', terraform],
      ['CloudFormation templates (per-file cache)', cloudFormation],
    ] as const) {
      it(`after every edit of a random sequence: ${name}`, async () => {
        assert.ok(pool.length > 50, `${name}: ${pool.length} starting points`);
        const incrementalBefore = terraformParseStats().incrementalParses;
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...pool),
            fc.array(edit, { minLength: 1, maxLength: 12 }),
            async (start, edits) => {
              // One long-lived analyser sees every version of the files, as the editor does.
              const session = `/incremental-${++round}`;
              let files = start.files.map((f) => ({ path: session + f.path, text: f.text }));
              const analyzer = new Analyzer();
              await analyzer.analyze(files);
              for (const e of edits) {
                files = applyEdit(files, e);
                tally.edits++;
                const analysis = await analyzer.analyze(files);
                const unsession = (file: string) => (file.startsWith(session) ? file.slice(session.length) : file);
                const expected = await fresh(
                  files.map((f) => ({ path: unsession(f.path), text: f.text })),
                  ++round,
                );
                assert.deepEqual(
                  comparable(analysis.findings, unsession),
                  expected.findings,
                  `${start.name} after ${JSON.stringify(edits)}`,
                );
                assert.deepEqual(
                  fixesOf(analyzer, analysis.findings, unsession),
                  expected.fixes,
                  `${start.name}: fixes after ${JSON.stringify(edits)}`,
                );
              }
              for (const f of files) forgetTerraformFile(f.path);
            },
          ),
          { numRuns: runs(60) },
        );
        // The Terraform property must really go through tree-sitter's incremental re-parse.
        if (pool === terraform)
          assert.ok(terraformParseStats().incrementalParses > incrementalBefore, 'no incremental re-parse happened');
      });
    }
  });
});
