/**
 * `srlens fix`: applies the fixes of Fix All on disk, `--dry-run` prints them as a unified diff and
 * writes nothing; a file that does not parse or changed on disk meanwhile is left alone. On copies
 * of corpus files: every file still parses, no file has more findings, and many fixes apply.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixCommand } from '../../../src/cli/fix';
import { unifiedDiff } from '../../../src/cli/unified-diff';
import { loadTerraformLanguage } from '../../../src/iac/terraform';
import { CORPUS, QUICK, corpusFiles, needsShared } from '../../corpus';
import { runCliInProcess } from '../../hardening/support';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      StorageEncrypted: false
`;

const FIXED = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      StorageEncrypted: true
      BackupRetentionPeriod: 7
      DeletionProtection: true
      EnableIAMDatabaseAuthentication: true
      MultiAZ: true
`;

interface Scan {
  findings: { ruleId: string; file: string }[];
}

async function scan(cwd: string): Promise<Scan> {
  const result = await runCliInProcess(['scan', '.', '--format', 'json', '--fail-on', 'none'], cwd);
  return JSON.parse(result.stdout) as Scan;
}

async function fix(args: string[], cwd: string, beforeWrite?: (file: string) => void) {
  let stdout = '';
  let stderr = '';
  const code = await fixCommand(
    args,
    { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`), cwd },
    { beforeWrite },
  );
  return { code, stdout, stderr };
}

describe('srlens fix', function () {
  this.timeout(60_000);
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-fix-'));
    writeFileSync(path.join(work, 'db.yaml'), TEMPLATE);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('--dry-run prints the unified diff of every fix and writes nothing', async () => {
    const result = await fix(['--dry-run'], work);
    assert.equal(result.code, 0);
    assert.equal(
      result.stdout,
      [
        '--- a/db.yaml',
        '+++ b/db.yaml',
        '@@ -5,4 +5,8 @@',
        '     Properties:',
        '       Engine: mysql',
        '       DBInstanceClass: db.t3.micro',
        '-      StorageEncrypted: false',
        '+      StorageEncrypted: true',
        '+      BackupRetentionPeriod: 7',
        '+      DeletionProtection: true',
        '+      EnableIAMDatabaseAuthentication: true',
        '+      MultiAZ: true',
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, 'srlens: would apply 5 fixes in 1 file (dry run: nothing written).\n');
    assert.equal(readFileSync(path.join(work, 'db.yaml'), 'utf8'), TEMPLATE);
  });

  it('applies the fixes, prints what it changed, and the scan then finds nothing fixable', async () => {
    const result = await runCliInProcess(['fix'], work);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      'db.yaml\n  Set BackupRetentionPeriod to 7 days\n  Set DeletionProtection to true\n  Set EnableIAMDatabaseAuthentication to true\n  Set MultiAZ to true\n  Set StorageEncrypted to true\n',
    );
    assert.equal(result.stderr, 'srlens: applied 5 fixes in 1 file.\n');
    assert.equal(readFileSync(path.join(work, 'db.yaml'), 'utf8'), FIXED);
    assert.deepEqual((await scan(work)).findings, []);
    // Nothing left: a second run changes nothing.
    assert.equal((await fix([], work)).stderr, 'srlens: applied 0 fixes in 0 files.\n');
  });

  it('never writes a file that does not parse', async () => {
    const broken = `${TEMPLATE}  Other: [unclosed\n`;
    writeFileSync(path.join(work, 'db.yaml'), broken);
    const result = await fix([], work);
    assert.equal(result.code, 0);
    assert.match(
      result.stderr,
      /^srlens: left alone: 'db\.yaml' does not parse \(line \d+: .+\); fix its syntax first\.$/m,
    );
    assert.equal(readFileSync(path.join(work, 'db.yaml'), 'utf8'), broken);
  });

  it('leaves a file alone that changed on disk while it was being fixed, and exits 1', async () => {
    const file = path.join(work, 'db.yaml');
    const edited = TEMPLATE.replace('mysql', 'postgres');
    const result = await fix([], work, (target) => {
      assert.equal(target, file);
      writeFileSync(file, edited);
    });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^srlens: left alone: 'db\.yaml' changed on disk while it was being fixed; run again\.$/m,
    );
    assert.equal(readFileSync(file, 'utf8'), edited);
  });

  it('an unknown option or a missing path is a usage error (exit 2)', async () => {
    assert.equal((await runCliInProcess(['fix', '--bogus'], work)).code, 2);
    const missing = await runCliInProcess(['fix', 'nowhere'], work);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, "srlens: cannot read 'nowhere': no such file or folder\n");
  });

  describe('unified diff', () => {
    const cases: [string, string, string, string][] = [
      ['a change in the middle', 'a\nb\nc\n', 'a\nB\nc\n', '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n'],
      ['an insertion at the end', 'a\n', 'a\nb\n', '@@ -1,1 +1,2 @@\n a\n+b\n'],
      ['into an empty file', '', 'a\n', '@@ -0,0 +1,1 @@\n+a\n'],
      [
        'a last line without newline',
        'a\nb',
        'a\nb\nc',
        '@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n',
      ],
      ['CRLF lines compare as lines', 'a\r\nb\r\n', 'a\r\nc\r\n', '@@ -1,2 +1,2 @@\n a\n-b\n+c\n'],
    ];
    for (const [name, before, after, hunks] of cases) {
      it(name, () => assert.equal(unifiedDiff('f', before, after), `--- a/f\n+++ b/f\n${hunks}`));
    }

    it('changes far apart are separate hunks with 3 lines of context', () => {
      const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
      const after = lines.map((l, i) => (i === 1 || i === 18 ? l.toUpperCase() : l));
      const diff = unifiedDiff('f', `${lines.join('\n')}\n`, `${after.join('\n')}\n`);
      assert.deepEqual(
        diff.split('\n').filter((l) => l.startsWith('@@')),
        ['@@ -1,5 +1,5 @@', '@@ -16,5 +16,5 @@'],
      );
    });
  });
});

describe('srlens fix on copies of the corpus', function () {
  this.timeout(600_000);
  let work: string;
  let patched: string;
  before(async function () {
    needsShared(this, 'corpus');
    await loadTerraformLanguage();
    work = mkdtempSync(path.join(tmpdir(), 'srlens-fix-corpus-'));
    patched = mkdtempSync(path.join(tmpdir(), 'srlens-fix-patched-'));
    // CloudFormation files spread over the corpus, and the root modules of the Terraform repositories.
    const templates = corpusFiles().filter((f) => !f.endsWith('.tf') && !f.includes(`${path.sep}bad${path.sep}`));
    const wanted = QUICK ? 24 : 120;
    const step = templates.length / wanted;
    const picked = Array.from({ length: wanted }, (_, i) => templates[Math.floor(i * step)]);
    for (const repo of readdirSync(CORPUS).filter((name) => name.startsWith('terraform-'))) {
      for (const name of readdirSync(path.join(CORPUS, repo)))
        if (name.endsWith('.tf') && statSync(path.join(CORPUS, repo, name)).isFile())
          picked.push(path.join(CORPUS, repo, name));
    }
    for (const file of picked) {
      for (const root of [work, patched]) {
        const target = path.join(root, path.relative(CORPUS, file));
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(file, target);
      }
    }
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
    if (patched) rmSync(patched, { recursive: true, force: true });
  });

  it('every file still parses, none has more findings, and the dry run is exactly what is written', async () => {
    const files = corpusFiles(work);
    const original = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    const count = (s: Scan, ruleId?: string) => {
      const perFile = new Map<string, number>();
      for (const f of s.findings)
        if (!ruleId || f.ruleId === ruleId) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
      return perFile;
    };
    const before = await scan(work);

    const dryRun = await fix(['--dry-run'], work);
    assert.equal(dryRun.code, 0, dryRun.stderr);
    for (const file of files) assert.equal(readFileSync(file, 'utf8'), original.get(file), `--dry-run wrote ${file}`);

    const result = await fix([], work);
    assert.equal(result.code, 0, result.stderr);
    const summary = /applied (\d+) fix(?:es)? in (\d+) files?/.exec(result.stderr);
    assert.ok(summary, result.stderr);
    const [applied, changed] = [Number(summary[1]), Number(summary[2])];
    assert.equal(dryRun.stderr.match(/would apply (\d+)/)?.[1], String(applied));
    console.log(`      srlens fix: ${files.length} corpus files, ${applied} fixes applied in ${changed} files`);
    assert.ok(applied >= (QUICK ? 20 : 90), `only ${applied} fixes applied`);

    const after = await scan(work);
    const parseBefore = count(before, 'parse-error');
    const parseAfter = count(after, 'parse-error');
    for (const [file, n] of parseAfter) assert.ok(n <= (parseBefore.get(file) ?? 0), `${file} no longer parses`);
    for (const file of files) {
      const relative = path.relative(work, file).split(path.sep).join('/');
      if (parseBefore.has(relative))
        assert.equal(readFileSync(file, 'utf8'), original.get(file), `${relative} did not parse and was written`);
    }
    const perFileBefore = count(before);
    for (const [file, n] of count(after)) assert.ok(n <= (perFileBefore.get(file) ?? 0), `${file}: more findings`);
    assert.ok(after.findings.length < before.findings.length);

    // The dry run's diff, applied with patch(1) to the other copy, gives exactly the files fix wrote.
    execFileSync('patch', ['-s', '-p1', '-d', patched], { input: dryRun.stdout });
    for (const file of files) {
      const twin = path.join(patched, path.relative(work, file));
      assert.equal(readFileSync(twin, 'utf8'), readFileSync(file, 'utf8'), path.relative(work, file));
    }
  });
});
