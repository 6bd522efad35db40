/**
 * `srlens lsp --stdio` at the protocol level: dist/cli.js started as an editor starts it, spoken to
 * with vscode-languageserver's client side (test/lsp-client.ts). A client that declares no
 * capabilities at all gets every default (push diagnostics, commands for code actions, settings
 * from initializationOptions); a client that declares everything gets pull diagnostics, code
 * action literals with versioned edits, workspace/configuration and file watcher registrations.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Diagnostic,
  type MarkupContent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLI, LspClient, uriOf } from '../../lsp-client';

const VOLUME = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: false
`;
const QUEUE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders
`;
const MODULE = `variable "encrypted" {
  default = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.encrypted
}
`;

const ENCRYPTED_RANGE = { start: { line: 7, character: 17 }, end: { line: 7, character: 22 } };

const FULL: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    configuration: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    codeLens: {},
    diagnostic: { relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true },
  },
};

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'srlens-lsp-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

function applied(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits);
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes) return edit.changes[uri] ?? [];
  const change = edit.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
  return change && 'edits' in change ? (change.edits as TextEdit[]) : [];
}

const rules = (list: Diagnostic[]) => list.map((d) => d.code).sort();

describe('srlens lsp --stdio', function () {
  this.timeout(60000);
  const roots: string[] = [];
  const clients: LspClient[] = [];
  after(async () => {
    for (const client of clients) if (client.process.exitCode === null) client.process.kill();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  async function start(root: string, options: Parameters<typeof LspClient.start>[1] = {}): Promise<LspClient> {
    roots.push(root);
    const client = await LspClient.start(root, options);
    clients.push(client);
    return client;
  }

  describe('with a client that declares no capabilities', () => {
    let root: string;
    let client: LspClient;
    let uri: string;
    before(async () => {
      root = workspace({ 'volume.yaml': VOLUME, 'queue.yaml': QUEUE });
      client = await start(root);
      uri = await client.open(path.join(root, 'volume.yaml'), VOLUME);
    });
    after(async () => assert.equal(await client.stop(), 0));

    it('answers initialize with the defaults: commands for code actions, no pull diagnostics', () => {
      const { capabilities } = client.initializeResult;
      assert.equal(capabilities.codeActionProvider, true);
      assert.equal(capabilities.diagnosticProvider, undefined);
      assert.equal(capabilities.hoverProvider, true);
      assert.deepEqual(capabilities.executeCommandProvider?.commands, [
        'srlens.applyFix',
        'srlens.suppress',
        'srlens.fixAll',
        'srlens.showMatrix',
      ]);
    });

    it('pushes the open template’s diagnostics, and the workspace scan’s for files that are not open', async () => {
      const [diagnostic, ...rest] = await client.diagnosticsOf(uri, (list) => list.length > 0);
      assert.deepEqual(rest, []);
      assert.equal(diagnostic.code, 'ebs-volume-encryption');
      assert.equal(diagnostic.source, 'srlens');
      assert.equal(diagnostic.severity, 2);
      assert.deepEqual(diagnostic.range, ENCRYPTED_RANGE);
      assert.match(diagnostic.message, /^You · Data at rest: EBS volume 'Data' sets Encrypted to false/);
      assert.equal(
        diagnostic.codeDescription?.href,
        'https://github.com/srlens/shared-responsibility-lens/blob/main/docs/rules/ebs-volume-encryption.md',
      );
      const queue = await client.diagnosticsOf(uriOf(path.join(root, 'queue.yaml')), (list) => list.length > 0);
      assert.deepEqual(
        queue.map((d) => [d.code, d.severity, d.range]),
        [['sqs-sns-tls-only-policy', 3, { start: { line: 3, character: 10 }, end: { line: 3, character: 25 } }]],
      );
    });

    it('hovers the resource type with its owners as markdown, without VS Code command links', async () => {
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 3, character: 12 },
      });
      assert.ok(hover);
      const contents = hover.contents as MarkupContent;
      assert.equal(contents.kind, 'markdown');
      assert.deepEqual(hover.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 26 } });
      for (const row of [
        '| Concern | Owner | This resource |',
        '| Data at rest | You | **open:** [EBS volume is not encrypted](https://github.com/srlens/shared-responsibility-lens/blob/main/docs/rules/ebs-volume-encryption.md) |',
        '| Facilities | AWS | AWS |',
        '| Operating system | — | n/a |',
      ])
        assert.ok(contents.value.split('\n').includes(row), `${row} in\n${contents.value}`);
      assert.ok(contents.value.includes('AWS\\:\\:EC2\\:\\:Volume'), 'template text is escaped');
      assert.doesNotMatch(contents.value, /command:|Show responsibility matrix/);
      const nothing = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 3 },
      });
      assert.equal(nothing, null);
    });

    it('offers the fix and the suppression as commands; running the fix sends the edit', async () => {
      const diagnostics = await client.diagnosticsOf(uri, (list) => list.length > 0);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: ENCRYPTED_RANGE,
        context: { diagnostics },
      })) as Command[];
      assert.deepEqual(
        actions.map((a) => [a.title, a.command]),
        [
          ['Set Encrypted to true', 'srlens.applyFix'],
          ['Suppress ebs-volume-encryption for Data: write the reason next to it', 'srlens.suppress'],
        ],
      );
      const before = client.appliedEdits.length;
      const ok = await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: actions[0].command,
        arguments: actions[0].arguments,
      });
      assert.equal(ok, true);
      const edit = client.appliedEdits[before];
      assert.equal(applied(VOLUME, editsFor(edit, uri)), VOLUME.replace('Encrypted: false', 'Encrypted: true'));
    });

    it('writes a suppression with the reason given, or one for the user to complete', async () => {
      const run = async (args: Record<string, unknown>) => {
        const before = client.appliedEdits.length;
        const ok = await client.connection.sendRequest(ExecuteCommandRequest.type, {
          command: 'srlens.suppress',
          arguments: [{ uri, ruleId: 'ebs-volume-encryption', resource: 'Data', ...args }],
        });
        assert.equal(ok, true);
        return applied(VOLUME, editsFor(client.appliedEdits[before], uri));
      };
      assert.equal(
        await run({ reason: 'scratch volume, wiped nightly' }),
        VOLUME.replace('  Data:', '  # srlens-ignore ebs-volume-encryption scratch volume, wiped nightly\n  Data:'),
      );
      const pending = await run({});
      assert.equal(pending, VOLUME.replace('  Data:', '  # srlens-ignore ebs-volume-encryption\n  Data:'));
      // Until the reason is written, the finding stays and the suppression is reported where the reason goes.
      await client.change(uri, pending);
      const list = await client.diagnosticsOf(uri, (d) => d.length === 2);
      assert.deepEqual(rules(list), ['ebs-volume-encryption', 'suppression-without-reason']);
      await client.change(uri, VOLUME);
      await client.diagnosticsOf(uri, (d) => d.length === 1);
    });

    it('puts a CodeLens above each resource', async () => {
      const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      assert.equal(lenses?.length, 1);
      const [lens] = lenses!;
      assert.deepEqual(lens.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
      assert.match(lens.command!.title, /^Infrastructure · you own or share \d+ · 1 open finding$/);
      assert.equal(lens.command!.command, 'srlens.showMatrix');
      assert.deepEqual(lens.command!.arguments, [{ file: path.join(root, 'volume.yaml'), resource: 'Data' }]);
    });

    it('takes the srlens settings from initializationOptions', async () => {
      const other = workspace({ 'volume.yaml': VOLUME, 'queue.yaml': QUEUE });
      const quiet = await start(other, {
        initializationOptions: { srlens: { diagnostics: { minimumSeverity: 'warning' }, codeLens: { enable: false } } },
      });
      const volume = await quiet.open(path.join(other, 'volume.yaml'), VOLUME);
      assert.deepEqual(rules(await quiet.diagnosticsOf(volume, (d) => d.length > 0)), ['ebs-volume-encryption']);
      // The queue's only finding is information: below the minimum, so it is published empty.
      assert.deepEqual(await quiet.diagnosticsOf(uriOf(path.join(other, 'queue.yaml'))), []);
      assert.deepEqual(await quiet.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: volume } }), []);
      assert.equal(await quiet.stop(), 0);
    });
  });

  describe('with a client that declares full capabilities', () => {
    let root: string;
    let client: LspClient;
    let uri: string;
    before(async () => {
      root = workspace({ 'volume.yaml': VOLUME, 'queue.yaml': QUEUE });
      client = await start(root, {
        capabilities: FULL,
        settings: { rules: { 'ebs-volume-encryption': 'error' }, diagnostics: { debounce: 0 } },
      });
      uri = await client.open(path.join(root, 'volume.yaml'), VOLUME);
    });
    after(async () => assert.equal(await client.stop(), 0));

    it('offers pull diagnostics and registers its file watchers and configuration', async () => {
      const { capabilities } = client.initializeResult;
      assert.deepEqual(capabilities.diagnosticProvider, {
        identifier: 'srlens',
        interFileDependencies: true,
        workspaceDiagnostics: true,
      });
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.srlens'] });
      await client.until('registrations', () => (client.registrations.length >= 2 ? true : undefined));
      const watchers = client.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
      assert.deepEqual(watchers?.registerOptions, {
        watchers: [
          { globPattern: '**/*.{tf,tfvars,tfvars.json}' },
          { globPattern: '**/.srlens.yaml' },
          { globPattern: '**/*.{yaml,yml,json,template}' },
        ],
      });
      assert.ok(client.registrations.some((r) => r.method === DidChangeConfigurationNotification.method));
    });

    it('asks workspace/configuration for the srlens section and applies it to pulled diagnostics', async () => {
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      const items = (report as { items: Diagnostic[] }).items;
      assert.deepEqual(
        items.map((d) => [d.code, d.severity, d.range]),
        [['ebs-volume-encryption', 1, ENCRYPTED_RANGE]],
      );
      assert.deepEqual(client.configurationRequests.at(0), { items: [{ section: 'srlens' }] });
      // Pull clients get nothing pushed for their documents.
      assert.equal(client.diagnostics.get(uri), undefined);
    });

    it('answers workspace/diagnostic with the files that are not open', async () => {
      const report = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
      const byUri = new Map(report.items.map((item) => [item.uri, item]));
      assert.equal(byUri.has(uri), false, 'the open document is pulled on its own');
      const queue = byUri.get(uriOf(path.join(root, 'queue.yaml')));
      assert.deepEqual(queue && 'items' in queue ? rules(queue.items) : undefined, ['sqs-sns-tls-only-policy']);
    });

    it('offers code action literals: the preferred fix and the suppression, as versioned edits', async () => {
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      const diagnostics = (report as { items: Diagnostic[] }).items;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: ENCRYPTED_RANGE,
        context: { diagnostics, only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind, a.isPreferred]),
        [
          ['Set Encrypted to true', 'quickfix', true],
          ['Suppress ebs-volume-encryption for Data: write the reason next to it', 'quickfix', undefined],
        ],
      );
      assert.deepEqual(actions[0].diagnostics, [diagnostics[0]]);
      const change = actions[0].edit?.documentChanges?.[0];
      assert.deepEqual(change && 'textDocument' in change ? change.textDocument : undefined, { uri, version: 1 });
      assert.equal(applied(VOLUME, editsFor(actions[0].edit!, uri)), VOLUME.replace('false', 'true'));
      assert.equal(
        applied(VOLUME, editsFor(actions[1].edit!, uri)),
        VOLUME.replace('  Data:', '  # srlens-ignore ebs-volume-encryption\n  Data:'),
      );
    });

    it('computes source.fixAll.srlens only when asked for by kind', async () => {
      const ask = (only: string[]) =>
        client.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only },
        }) as Promise<CodeAction[]>;
      const [fixAll, ...rest] = await ask(['source.fixAll']);
      assert.deepEqual(rest, []);
      assert.equal(fixAll.kind, 'source.fixAll.srlens');
      assert.equal(fixAll.title, 'Fix all auto-fixable Shared Responsibility problems');
      assert.equal(applied(VOLUME, editsFor(fixAll.edit!, uri)), VOLUME.replace('false', 'true'));
      assert.deepEqual(await ask(['quickfix']), []);
    });

    it('hovers a Terraform resource label with the template text escaped', async () => {
      const tf = await client.open(path.join(root, 'main.tf'), MODULE, 'terraform');
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: tf },
        position: { line: 4, character: 12 },
      });
      const value = (hover?.contents as MarkupContent).value;
      assert.ok(value.includes('aws\\_ebs\\_volume'), value);
      assert.ok(value.split('\n').includes('| Data at rest | You | settled by encrypted |'), value);
    });

    it('reads the settings again on didChangeConfiguration and asks the client to pull again', async () => {
      const asked = client.configurationRequests.length;
      const refreshes = client.refreshes;
      client.settings = { rules: { 'ebs-volume-encryption': 'off' } };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.until('a refresh', () => (client.refreshes > refreshes ? true : undefined));
      assert.equal(client.configurationRequests.length, asked + 1);
      const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.deepEqual((report as { items: Diagnostic[] }).items, []);
    });
  });

  describe('watched files', () => {
    it('analyses a Terraform module again when its var file is created, changed or deleted', async () => {
      const root = workspace({ 'main.tf': MODULE });
      const client = await start(root, { settings: { diagnostics: { debounce: 0 } } });
      const tf = await client.open(path.join(root, 'main.tf'), MODULE, 'terraform');
      assert.deepEqual(await client.diagnosticsOf(tf), []);
      const tfvars = path.join(root, 'terraform.tfvars');
      const notify = (type: FileChangeType) =>
        client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
          changes: [{ uri: uriOf(tfvars), type }],
        });

      writeFileSync(tfvars, 'encrypted = false\n');
      await notify(FileChangeType.Created);
      const [finding] = await client.diagnosticsOf(tf, (d) => d.length > 0);
      assert.equal(finding.code, 'ebs-volume-encryption');
      assert.deepEqual(finding.range, { start: { line: 7, character: 22 }, end: { line: 7, character: 35 } });
      // Where the value comes from: the var file's line.
      assert.equal(finding.relatedInformation?.[0]?.location.uri, uriOf(tfvars));

      writeFileSync(tfvars, 'encrypted = true\n');
      await notify(FileChangeType.Changed);
      assert.deepEqual(await client.diagnosticsOf(tf, (d) => d.length === 0), []);

      writeFileSync(tfvars, 'encrypted = false\n');
      await notify(FileChangeType.Changed);
      await client.diagnosticsOf(tf, (d) => d.length === 1);
      unlinkSync(tfvars);
      await notify(FileChangeType.Deleted);
      assert.deepEqual(await client.diagnosticsOf(tf, (d) => d.length === 0), []);
      assert.equal(await client.stop(), 0);
    });

    it('applies a changed .srlens.yaml', async () => {
      const root = workspace({ 'volume.yaml': VOLUME });
      const client = await start(root, { settings: { diagnostics: { debounce: 0 } } });
      const uri = await client.open(path.join(root, 'volume.yaml'), VOLUME);
      await client.diagnosticsOf(uri, (d) => d.length === 1);
      const config = path.join(root, '.srlens.yaml');
      writeFileSync(config, 'rules:\n  ebs-volume-encryption: off\n');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: uriOf(config), type: FileChangeType.Created }],
      });
      assert.deepEqual(await client.diagnosticsOf(uri, (d) => d.length === 0), []);
      assert.equal(await client.stop(), 0);
    });
  });

  describe('the command', () => {
    it('speaks over stdio only: another transport is a usage error', () => {
      const result = spawnSync(process.execPath, [CLI, 'lsp', '--socket=5007'], { encoding: 'utf8' });
      assert.equal(result.status, 2);
      assert.equal(
        result.stderr,
        "srlens: lsp speaks over standard input and output only: run 'srlens lsp --stdio' (got '--socket=5007').\n",
      );
    });

    it('lives in its own bundle, so srlens scan loads none of it', () => {
      const cli = readFileSync(path.join(path.dirname(CLI), 'cli-main.js'), 'utf8');
      assert.doesNotMatch(cli, /vscode-languageserver|createConnection|textDocument\/publishDiagnostics/);
      assert.match(cli, /require\("\.\/lsp\.js"\)/);
      assert.match(readFileSync(path.join(path.dirname(CLI), 'lsp.js'), 'utf8'), /textDocument\/publishDiagnostics/);
    });
  });
});
