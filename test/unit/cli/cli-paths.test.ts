/**
 * The CLI's paths: a path named on the command line is scanned even when an ignore file ignores
 * it; a scan that finds no template says so on stderr, and why; an AWS CDK app's synthesized
 * templates in `cdk.out/` are scanned beside `cdk.json`, and `aws:cdk:path` names the construct.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../../hardening/support';

const QUEUE = (id: string, cdkPath?: string) =>
  JSON.stringify({
    Resources: {
      [id]: {
        Type: 'AWS::SQS::Queue',
        Properties: { SqsManagedSseEnabled: false },
        ...(cdkPath ? { Metadata: { 'aws:cdk:path': cdkPath } } : {}),
      },
    },
  });

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

interface Scan {
  code: number;
  stderr: string[];
  files: number;
  findings: { file: string; resource: string; ruleId: string; message: string; detail?: string }[];
}

async function scan(cwd: string, ...args: string[]): Promise<Scan> {
  const result = await runCliInProcess(['scan', '--format', 'json', '--fail-on', 'none', ...args], cwd);
  const json = JSON.parse(result.stdout);
  return {
    code: result.code,
    stderr: result.stderr.split('\n').filter(Boolean),
    files: json.files,
    findings: json.findings,
  };
}

const filesOf = (s: Scan) => [...new Set(s.findings.map((f) => f.file))].sort();

describe('CLI paths', () => {
  let work: string;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'srlens-paths-'));
    write(work, {
      // An AWS CDK app, its synthesized output ignored as `cdk init` writes it.
      'app/.gitignore': 'cdk.out\n*.draft.json\nbuild/\n',
      'app/cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n',
      'app/package.json': '{ "name": "app" }\n',
      'app/cdk.out/manifest.json': '{ "version": "36.0.0", "artifacts": {} }\n',
      'app/cdk.out/tree.json': '{ "version": "tree-0.1", "tree": { "id": "App" } }\n',
      'app/cdk.out/AppStack.template.json': QUEUE('JobsQueue1A2B3C4D', 'AppStack/Jobs/Resource'),
      'app/cdk.out/assembly-Prod/ProdAppStack.template.json': QUEUE('ProdQueue9F8E7D6C', 'Prod/AppStack/Queue'),
      'app/cdk.out/asset.0123abcd/inner.template.json': QUEUE('AssetQueue'),
      'app/cdk.out/old.draft.json': QUEUE('DraftQueue'),
      'app/build/stacks/built.yaml':
        'Resources:\n  Built:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n',
      // A CDK app never synthesized.
      'fresh/cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n',
      'fresh/package.json': '{ "name": "fresh" }\n',
      // Nothing to scan, for several reasons.
      'docs/README.md': '# docs\n',
      'docs/config.yaml': 'name: docs\n',
      'docs/.gitignore': 'private/\n',
      'docs/private/stack.yaml': 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n',
      'big/stack.yaml': `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n${'# padding\n'.repeat(50)}`,
    });
    mkdirSync(path.join(work, 'nothing'));
    // A repository: the .gitignore files above a named folder apply up to its root.
    mkdirSync(path.join(work, 'app', '.git'));
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('scans a folder named on the command line even when .gitignore ignores it, and keeps the rules inside it', async () => {
    const app = path.join(work, 'app');
    const result = await scan(app, 'cdk.out');
    assert.deepEqual(filesOf(result), [
      'cdk.out/AppStack.template.json',
      'cdk.out/assembly-Prod/ProdAppStack.template.json',
      'cdk.out/asset.0123abcd/inner.template.json',
    ]);
    // `*.draft.json` from the .gitignore above still applies inside the named folder.
    assert.ok(!result.findings.some((f) => f.resource === 'DraftQueue'));
    assert.deepEqual(result.stderr, []);
    const nested = await scan(app, 'build/stacks');
    assert.deepEqual(filesOf(nested), ['build/stacks/built.yaml']);
    const file = await scan(app, 'cdk.out/old.draft.json');
    assert.deepEqual(filesOf(file), ['cdk.out/old.draft.json']);
  });

  it("includes a CDK app's synthesized templates beside cdk.json, says so once, and names the construct", async () => {
    const result = await scan(path.join(work, 'app'));
    assert.deepEqual(filesOf(result), [
      'cdk.out/AppStack.template.json',
      'cdk.out/assembly-Prod/ProdAppStack.template.json',
    ]);
    assert.deepEqual(result.stderr, [
      "srlens: AWS CDK app (cdk.json): scanning the 2 synthesized templates in 'cdk.out'.",
    ]);
    // The construct path is in the detail; the headline stays short.
    const messages = result.findings.map((f) => `${f.resource} ${f.detail}`);
    assert.ok(messages.length >= 2);
    for (const message of messages) {
      if (message.startsWith('JobsQueue1A2B3C4D '))
        assert.ok(message.endsWith(' (CDK construct AppStack/Jobs)'), message);
      else if (message.startsWith('ProdQueue9F8E7D6C '))
        assert.ok(message.endsWith(' (CDK construct Prod/AppStack/Queue)'), message);
      else assert.fail(message);
    }
    // From the folder above, the same templates, once.
    const above = await scan(work, 'app');
    assert.deepEqual(filesOf(above), [
      'app/cdk.out/AppStack.template.json',
      'app/cdk.out/assembly-Prod/ProdAppStack.template.json',
    ]);
    assert.deepEqual(above.stderr, [
      "srlens: AWS CDK app (cdk.json): scanning the 2 synthesized templates in 'app/cdk.out'.",
    ]);
  });

  const nothing: { name: string; args: string[]; stderr: string[]; files: number }[] = [
    {
      name: 'a CDK app not yet synthesized',
      args: ['fresh'],
      files: 2,
      stderr: [
        "srlens: AWS CDK app (cdk.json): no synthesized template in 'fresh/cdk.out': run 'cdk synth' to scan what the app deploys.",
        "srlens: no CloudFormation template or Terraform file found in 'fresh': 2 files are not a template.",
      ],
    },
    {
      name: 'files that are not templates and an ignored folder',
      args: ['docs'],
      files: 1,
      stderr: [
        "srlens: no CloudFormation template or Terraform file found in 'docs': 3 files are not a template, 1 path was ignored (.gitignore, exclude, or a folder such as node_modules; name a path to scan it anyway).",
      ],
    },
    {
      name: 'a template over the size limit',
      args: ['big', '--max-file-size', '100'],
      files: 1,
      stderr: ["srlens: no CloudFormation template or Terraform file found in 'big': 1 file is over the size limit."],
    },
    {
      name: 'an empty folder',
      args: ['nothing'],
      files: 0,
      stderr: ["srlens: no CloudFormation template or Terraform file found in 'nothing': there are no files."],
    },
    {
      name: 'the current folder with nothing in it',
      args: [],
      files: 0,
      stderr: ["srlens: no CloudFormation template or Terraform file found in '.': there are no files."],
    },
  ];
  for (const { name, args, stderr, files } of nothing)
    it(`says on stderr why a scan found nothing: ${name}`, async () => {
      const cwd = args.length === 0 ? path.join(work, 'nothing') : work;
      const result = await scan(cwd, ...args);
      assert.equal(result.code, 0);
      assert.equal(result.files, files);
      assert.deepEqual(result.stderr, stderr);
    });

  it('says nothing when a template was found, clean or not', async () => {
    const clean = await scan(work, 'docs/private/stack.yaml');
    assert.deepEqual(clean.stderr, []);
    assert.equal(clean.files, 1);
  });
});
