/**
 * Fixes never destroy content. Guarantees: a quick fix or fix-all computed for an older version of
 * a document (or of another file of its Terraform module) is refused, never applied at the wrong
 * place; every fix is a minimal edit, never a whole-file rewrite; it keeps comments, indentation
 * (spaces, tabs, 4-space YAML) and line endings (CRLF stays CRLF): fixing a restyled file gives the
 * restyled fix, and outside the edited span the file is byte-for-byte what it was, for every rule
 * fixture and for fix-all over files of the shared corpus.
 */
import type { TextEdit } from '../../../src/fixes/types';
import { fakeWorkspace, FakeDocument, recorded, Uri, type WorkspaceEdit } from '../../hardening/fake-vscode';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Analyzer, type SourceFile } from '../../../src/engine/analyzer';
import { applyTextEdits, fixAllInFile, minimalEdit } from '../../../src/engine/fix-all';
import { LineIndex } from '../../../src/iac/line-index';
import { loadTerraformLanguage } from '../../../src/iac/terraform';
import { DocumentAnalyses } from '../../../src/vscode/analysis';
import { APPLY_FIX_COMMAND, registerCodeActions, type ApplyFixArgs } from '../../../src/vscode/code-actions';
import { computeFixAll } from '../../../src/vscode/fix-all';
import { ALL_CASES } from '../../rules';
import { sourcesOf, type InvalidCase } from '../../rules/tester';
import { CORPUS, corpusFiles, needsShared, runs } from '../../hardening/support';
import { parse as parseYaml } from 'yaml';

/** The value of a YAML text, CloudFormation's short-form tags read as plain values. */
function yamlValue(text: string): unknown {
  return parseYaml(text, { logLevel: 'silent', customTags: [] });
}

const STACK =
  'AWSTemplateFormatVersion: "2010-09-09"\n# the database\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: false  # keep this comment\n';

/** Applies an edit the code under test built (a fake WorkspaceEdit, whatever its declared type) to a text. */
function applyRecorded(built: unknown, text: string): string {
  const edit = built as WorkspaceEdit;
  return applyTextEdits(
    text,
    edit.replacements.map((r) => ({
      file: r.uri.fsPath,
      range: { start: r.range.start, end: r.range.end },
      newText: r.newText,
    })),
  );
}

describe('fix safety: stale fixes are refused (editor logic, fake vscode API)', function () {
  this.timeout(60_000);
  let analyses: DocumentAnalyses;
  let doc: FakeDocument;
  let applyFix: (args: ApplyFixArgs) => Promise<boolean>;

  beforeEach(() => {
    recorded.reset();
    analyses = new DocumentAnalyses(new Analyzer());
    registerCodeActions(analyses);
    applyFix = recorded.commands.get(APPLY_FIX_COMMAND) as typeof applyFix;
    doc = new FakeDocument(Uri.file('/w/stack.yaml'), STACK);
    fakeWorkspace.documents = [doc];
    fakeWorkspace.files.clear();
  });

  async function offer(ruleId: string): Promise<ApplyFixArgs> {
    const result = await analyses.analyze(doc as never);
    const finding = result?.analysis.findings.find((f) => f.ruleId === ruleId && f.fixable);
    assert.ok(finding, `no fixable ${ruleId}`);
    return { uri: doc.uri.toString(), version: doc.version, ruleId, range: finding.range };
  }

  it('a quick fix offered before an edit is refused, and the text is untouched', async () => {
    const args = await offer('rds-storage-encryption');
    doc.setText(`# a line typed above\n${STACK}`);
    assert.equal(await applyFix(args), false);
    assert.deepEqual(recorded.applied, []);
    assert.match(recorded.warnings.join('\n'), /changed after this fix was offered/);
  });

  it('a quick fix is refused when the document changes while the fix is being built', async () => {
    const args = await offer('rds-storage-encryption');
    const analyze = analyses.analyze.bind(analyses);
    analyses.analyze = async (d) => {
      const result = await analyze(d);
      doc.setText(`${STACK}\n`); // a keystroke lands during the analysis
      return result;
    };
    assert.equal(await applyFix(args), false);
    assert.deepEqual(recorded.applied, []);
  });

  it('a current quick fix applies exactly where its finding is, and keeps the comments', async () => {
    doc.setText(`# a line typed above\n${STACK}`);
    const args = await offer('rds-storage-encryption');
    assert.equal(await applyFix(args), true);
    const after = applyRecorded(recorded.applied[0], doc.getText());
    assert.equal(after, `# a line typed above\n${STACK.replace('StorageEncrypted: false', 'StorageEncrypted: true')}`);
  });

  it('fix-all is refused when the document changes while the fixes are computed', async () => {
    let calls = 0;
    const analyzer = analyses.analyzer;
    const original = analyzer.analyzeCloudFormation.bind(analyzer);
    analyzer.analyzeCloudFormation = (file, text) => {
      if (++calls === 3) doc.setText(`${doc.getText()}# typed\n`); // during fixAllInFile's re-analyses
      return original(file, text);
    };
    const outcome = await computeFixAll(analyses, doc as never);
    assert.equal(outcome.kind, 'changed');
    assert.ok(calls >= 3);
  });

  it('fix-all is refused when another open file of the Terraform module changes meanwhile', async () => {
    await loadTerraformLanguage();
    const main = new FakeDocument(
      Uri.file('/w/mod/main.tf'),
      'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = false\n}\n',
      'terraform',
    );
    const other = new FakeDocument(Uri.file('/w/mod/other.tf'), 'resource "aws_sqs_queue" "q" {}\n', 'terraform');
    fakeWorkspace.documents = [main, other];
    const fresh = await computeFixAll(analyses, main as never);
    assert.equal(fresh.kind, 'fixed');

    const analyzer = analyses.analyzer;
    const original = analyzer.analyzeTerraformModule.bind(analyzer);
    let calls = 0;
    analyzer.analyzeTerraformModule = async (dir, files) => {
      if (++calls === 3) other.setText(`${other.getText()}# typed\n`);
      return original(dir, files);
    };
    const outcome = await computeFixAll(analyses, main as never);
    assert.equal(outcome.kind, 'changed');
  });

  it('an unchanged document gets one fix-all edit that applies cleanly and keeps its comments', async () => {
    const outcome = await computeFixAll(analyses, doc as never);
    assert.equal(outcome.kind, 'fixed');
    if (outcome.kind !== 'fixed') return;
    assert.equal((outcome.edit as unknown as WorkspaceEdit).replacements.length, 1, 'one edit for the one file');
    const after = applyRecorded(outcome.edit, STACK);
    assert.ok(after.includes('# the database\n') && after.includes('# keep this comment'));
    assert.ok(after.includes('StorageEncrypted: true'));
  });
});

// ---------------------------------------------------------------------------------------------
// Minimal edits that keep the file's style

/**
 * A change of style that keeps the meaning. Fixing the restyled file must give the restyled fix,
 * character for character, or (4-space YAML, where sequence items make a faithful re-indent
 * ambiguous) the same YAML value.
 */
type Restyle = {
  name: string;
  applies: (file: string) => boolean;
  apply: (text: string) => string;
  sameValueOnly?: boolean;
};

const RESTYLES: Restyle[] = [
  { name: 'CRLF line endings', applies: () => true, apply: (t) => t.replace(/\r?\n/g, '\r\n') },
  {
    name: 'comments above and below',
    applies: (file) => !file.endsWith('.json'),
    apply: (t) => `# keep: top comment\n${t}${t.endsWith('\n') ? '' : '\n'}# keep: bottom comment\n`,
  },
  {
    name: 'tab indentation',
    applies: (file) => file.endsWith('.tf') || file.endsWith('.json'),
    apply: (t) => t.replace(/^((?: {2})+)/gm, (m) => '\t'.repeat(m.length / 2)),
  },
  {
    name: '4-space YAML indentation',
    applies: (file) => file.endsWith('.yaml'),
    apply: (t) => t.replace(/^( +)/gm, (m) => m + m),
    sameValueOnly: true,
  },
];

/** Applies one fix per fixable finding, one at a time (fresh analysis each time), as a user clicking through quick fixes. */
async function fixOneByOne(
  files: SourceFile[],
  ruleId: string,
): Promise<{ files: SourceFile[]; edits: { before: string; edit: TextEdit }[] }> {
  let current = files;
  const edits: { before: string; edit: TextEdit }[] = [];
  for (let round = 0; round < 20; round++) {
    const analyzer = new Analyzer();
    const { findings } = await analyzer.analyze(current);
    const finding = findings.find((f) => f.ruleId === ruleId && f.fixable);
    const fix = finding && analyzer.fixFor(finding);
    if (!fix) break;
    current = current.map((f) => {
      const mine = fix.edits.filter((e) => e.file === f.path);
      for (const edit of mine) edits.push({ before: f.text, edit });
      return mine.length > 0 ? { path: f.path, text: applyTextEdits(f.text, mine) } : f;
    });
  }
  return { files: current, edits };
}

/**
 * The edit is not a whole-file rewrite, and outside its span the text is unchanged. One fix edits
 * one place (at most half the file, or 200 characters in a small one); fix-all's single edit spans
 * from its first change to its last, so only its ends are checked (`oneFix` false).
 */
function assertMinimal(before: string, after: string, edit: TextEdit, label: string, oneFix = true): void {
  const lines = new LineIndex(before);
  const start = lines.offset(edit.range.start);
  const end = lines.offset(edit.range.end);
  assert.ok(!(start === 0 && end >= before.length) || before.length < 40, `${label}: the edit rewrites the whole file`);
  const replaced = before.slice(start, end);
  if (oneFix)
    assert.ok(
      replaced.length <= Math.max(200, before.length / 2),
      `${label}: the edit replaces ${replaced.length} of ${before.length} characters`,
    );
  assert.equal(after.slice(0, start), before.slice(0, start), `${label}: text before the edit changed`);
  assert.equal(
    after.slice(after.length - (before.length - end)),
    before.slice(end),
    `${label}: text after the edit changed`,
  );
}

function assertSameStyle(before: string, after: string, label: string): void {
  const crlf = before.includes('\r\n');
  if (crlf) assert.ok(!/[^\r]\n/.test(after) && !after.startsWith('\n'), `${label}: a bare LF in a CRLF file`);
  else assert.ok(!after.includes('\r'), `${label}: a CR in an LF file`);
  const comments = (text: string) => text.split(/\r?\n/).filter((l) => /^\s*(#|\/\/)/.test(l));
  const kept = comments(after);
  for (const comment of comments(before)) assert.ok(kept.includes(comment), `${label}: comment lost: ${comment}`);
}

describe('fix safety: minimal edits in the file\u2019s own style (every rule fixture)', function () {
  this.timeout(120_000);
  before(() => loadTerraformLanguage());

  for (const cases of ALL_CASES) {
    const fixable = cases.invalid.filter(
      (c): c is InvalidCase & { output: NonNullable<InvalidCase['output']> } => c.output !== undefined,
    );
    if (fixable.length === 0) continue;
    it(`${cases.rule.id}: ${fixable.length} fixable case(s) in ${RESTYLES.length} styles`, async () => {
      for (const [i, c] of fixable.entries()) {
        const files = sourcesOf(c);
        const expected = sourcesOf({ ...c, code: c.output });
        for (const style of RESTYLES) {
          if (!files.every((f) => style.applies(f.path))) continue;
          const label = `${cases.rule.id} invalid #${i + 1} (${style.name})`;
          const restyled = files.map((f) => ({ path: f.path, text: style.apply(f.text) }));
          // A restyle that changes nothing leaves no style to follow (a file with no indented line).
          if (restyled.every((f, j) => f.text === files[j].text)) continue;
          // Re-indenting YAML by doubling can change its meaning (items of sequences): such cases are skipped.
          if (
            style.sameValueOnly &&
            restyled.some((f, j) => !isDeepStrictEqual(yamlValue(f.text), yamlValue(files[j].text)))
          )
            continue;
          const { files: fixed, edits } = await fixOneByOne(restyled, cases.rule.id);
          assert.ok(edits.length > 0, `${label}: no fix applied`);
          const wanted = restyled.map((f) => style.apply(expected.find((e) => e.path === f.path)?.text ?? f.text));
          if (style.sameValueOnly) {
            assert.deepEqual(
              fixed.map((f) => yamlValue(f.text)),
              expected.map((f) => yamlValue(f.text)),
              `${label}: fixing the restyled file must give the same template`,
            );
            for (const f of fixed)
              assert.ok(
                f.text.split('\n').every((l) => /^( {4})*(- )?\S|^( {4})* {2}\S|^$/.test(l) || !/^ /.test(l)),
                `${label}: an indentation that is not the file's:\n${f.text}`,
              );
          } else {
            assert.deepEqual(
              fixed.map((f) => f.text),
              wanted,
              `${label}: fixing the restyled file must give the restyled fix`,
            );
          }
          for (const { before, edit } of edits) {
            assertMinimal(before, applyTextEdits(before, [edit]), edit, label);
            assertSameStyle(before, applyTextEdits(before, [edit]), label);
          }
        }
      }
    });
  }
});

describe('fix safety: fix-all over files of the shared corpus', function () {
  this.timeout(300_000);
  before(async function () {
    needsShared(this, 'corpus');
    await loadTerraformLanguage();
  });

  it('keeps comments and line endings, changes one span per file, and never adds a parse error', async () => {
    const all = corpusFiles().filter((f) => !f.includes('/bad/'));
    const wanted = Math.min(all.length, runs(60));
    const step = all.length / wanted;
    let fixedFiles = 0;
    let fixes = 0;
    for (let i = 0; i < wanted; i++) {
      const file = all[Math.floor(i * step)];
      const text = readFileSync(file, 'utf8');
      for (const [style, source] of [
        ['as is', text],
        ['CRLF', text.replace(/\r?\n/g, '\r\n')],
      ] as const) {
        const label = `${file.slice(CORPUS.length + 1)} (${style})`;
        const analyzer = new Analyzer();
        // Terraform: the file alone as its module keeps the check to this one file.
        const result = await fixAllInFile(analyzer, file, [{ path: file, text: source }]);
        if (result.edits.length === 0) continue;
        fixedFiles++;
        fixes += result.applied.length;
        const after = result.changed.get(file)!;
        assert.equal(result.edits.length, 1, label);
        assert.equal(applyTextEdits(source, result.edits), after, label);
        assertMinimal(source, after, result.edits[0], label, false);
        assert.deepEqual(
          result.edits[0],
          minimalEdit(file, source, after),
          `${label}: the edit reaches past the first and last change`,
        );
        assertSameStyle(source, after, label);
        const parseErrors = async (t: string) =>
          (await new Analyzer().analyze([{ path: file, text: t }])).findings.filter((f) => f.ruleId === 'parse-error')
            .length;
        assert.ok((await parseErrors(after)) <= (await parseErrors(source)), `${label}: the fixes broke the syntax`);
      }
    }
    console.log(
      `      fix-all: ${wanted} corpus files, each as is and with CRLF: ${fixedFiles} fixed, ${fixes} fixes applied`,
    );
    assert.ok(fixedFiles > wanted / 4, `only ${fixedFiles} of ${wanted * 2} runs had anything to fix`);
  });
});
