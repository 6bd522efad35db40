/**
 * The ISMS and AWS commands in a real editor: they are registered, a refresh builds
 * `.srlens/isms.yaml` from the fixture templates and keeps what was typed by hand, the export
 * writes a Markdown report, and the identity check talks to a loopback STS server (fake
 * credentials, nothing leaves the machine). The state file is removed afterwards.
 */
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';
import { recordMetric } from './results';

const COMMANDS = [
  'srlens.isms.open',
  'srlens.isms.refresh',
  'srlens.isms.export',
  'srlens.isms.markReviewed',
  'srlens.aws.showIdentity',
  'srlens.isms.addAccount',
  'srlens.aws.checkAccount',
];
const STATE = ['.srlens', 'isms.yaml'];

interface IsmsStateLike {
  assets: { id: string; file?: string; value?: number; owner?: string; status: string }[];
  risks: { id: string }[];
  steps: { id: string }[];
}

interface Identity {
  account: string;
  arn: string;
  principalType: string;
  isRoot: boolean;
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function removeState(): Promise<void> {
  try {
    await vscode.workspace.fs.delete(workspaceUri('.srlens'), { recursive: true, useTrash: false });
  } catch {
    // Not there: nothing to clean.
  }
}

describe('ISMS and AWS commands', () => {
  after(removeState);

  it('registers the commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of COMMANDS) assert.ok(all.has(id), `${id} is registered`);
  });

  it('creates .srlens/isms.yaml from the workspace templates and keeps hand-typed values on refresh', async () => {
    await removeState();
    let started = Date.now();
    const state = await vscode.commands.executeCommand<IsmsStateLike | undefined>('srlens.isms.refresh');
    recordMetric('srlens.isms.refresh on the fixture workspace (first run)', Date.now() - started);
    assert.ok(state, 'the refresh returns the state');
    assert.equal(state.steps.length, 9);
    const text = await readText(workspaceUri(...STATE));
    const files = new Set(state.assets.map((a) => a.file));
    assert.ok(
      files.has('cloudformation/database.yaml'),
      `assets from cloudformation/database.yaml (got ${[...files].join(', ')})`,
    );
    assert.ok(
      [...files].some((f) => f?.startsWith('terraform/database/')),
      'assets from the Terraform module',
    );
    assert.ok(![...files].some((f) => f?.startsWith('scan/excluded/')), 'files.exclude is honoured');
    assert.ok(state.risks.length > 0, 'findings seed the risk register');
    assert.ok(text.includes('cloudformation/database.yaml#'), 'asset ids are written to the file');

    // Type a value and an owner by hand, as a person would in the file.
    const target = state.assets.find((a) => a.file === 'cloudformation/database.yaml');
    assert.ok(target);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes(`id: ${target.id}`));
    assert.ok(at >= 0, 'the asset is in the file');
    const indent = /^(\s*)-?\s*/.exec(lines[at])?.[1] ?? '';
    lines.splice(at + 1, 0, `${indent}  value: 250000`, `${indent}  owner: Data team`);
    await vscode.workspace.fs.writeFile(workspaceUri(...STATE), new TextEncoder().encode(lines.join('\n')));

    started = Date.now();
    const again = await vscode.commands.executeCommand<IsmsStateLike | undefined>('srlens.isms.refresh');
    recordMetric('srlens.isms.refresh on the fixture workspace (merge)', Date.now() - started);
    assert.ok(again);
    const kept = again.assets.find((a) => a.id === target.id);
    assert.equal(kept?.value, 250000, 'the hand-typed value survives the refresh');
    assert.equal(kept?.owner, 'Data team', 'the hand-typed owner survives the refresh');
    assert.equal(kept?.status, 'active');
    const after = await readText(workspaceUri(...STATE));
    // The checklist view opens on the state just written.
    await vscode.commands.executeCommand('srlens.isms.open');
    assert.match(after, /value: 250000/);
    assert.match(after, /owner: Data team/);
  });

  it('marks the ISMS reviewed today', async () => {
    const state = await vscode.commands.executeCommand<{ lastReviewed?: string } | undefined>(
      'srlens.isms.markReviewed',
    );
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(state?.lastReviewed, today);
    assert.match(await readText(workspaceUri(...STATE)), new RegExp(`lastReviewed: "?${today}"?`));
  });

  it('exports a Markdown report without dialogs when given a format and a target', async () => {
    const target = workspaceUri('.srlens', 'report.md');
    const started = Date.now();
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('srlens.isms.export', {
      format: 'markdown',
      target,
    });
    recordMetric('srlens.isms.export (Markdown)', Date.now() - started);
    assert.equal(written?.toString(), target.toString());
    const report = await readText(target);
    assert.match(report, /^# Information Security Management System/);
    assert.ok(report.includes('## Steps'), 'the report lists the steps');
    assert.ok(report.includes('250,000') || report.includes('250000'), 'the report carries the hand-typed value');
  });

  it('exports both registers as CSV', async () => {
    const target = workspaceUri('.srlens', 'registers.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('srlens.isms.export', {
      format: 'csv',
      target,
    });
    assert.equal(written?.toString(), target.toString());
    const csv = await readText(target);
    assert.ok(csv.includes('cloudformation/database.yaml#'), 'the asset register lists the fixture assets');
  });

  it('leaves out what .srlens.yaml excludes, as the workspace scan does', async () => {
    const config = workspaceUri('.srlens.yaml');
    const ofDatabase = (state: IsmsStateLike | undefined) =>
      state?.assets.filter((a) => a.file === 'cloudformation/database.yaml') ?? [];
    // The configuration reloads on the file event: refresh until it has been read.
    const refreshUntil = (
      what: string,
      done: (state: IsmsStateLike | undefined) => boolean,
    ): Promise<IsmsStateLike | undefined> =>
      waitFor(what, async () => {
        const state = await vscode.commands.executeCommand<IsmsStateLike | undefined>('srlens.isms.refresh');
        return done(state) && state;
      });
    await vscode.workspace.fs.writeFile(
      config,
      new TextEncoder().encode('exclude:\n  - cloudformation/database.yaml\n'),
    );
    try {
      const excluded = await refreshUntil(
        'the excluded template to be retired',
        (state) => ofDatabase(state).length > 0 && ofDatabase(state).every((a) => a.status === 'retired'),
      );
      assert.ok(
        excluded?.assets.some((a) => a.file?.startsWith('terraform/database/') && a.status === 'active'),
        'the other assets stay',
      );
    } finally {
      await vscode.workspace.fs.delete(config, { useTrash: false });
    }
    await refreshUntil('the template to be back', (state) => ofDatabase(state).some((a) => a.status === 'active'));
  });

  describe('with a loopback STS endpoint', () => {
    let server: Server;
    const sockets = new Set<Socket>();
    const savedEnv: Record<string, string | undefined> = {};
    const ENV: Record<string, string> = {
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const CLEARED = [
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
      'AWS_DEFAULT_PROFILE',
      'AWS_ENDPOINT_URL',
      'AWS_ENDPOINT_URL_STS',
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
    ];
    let arn = 'arn:aws:iam::111122223333:user/alice';
    let requests = 0;

    before(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          requests++;
          if (/Action=GetEbsEncryptionByDefault/.test(body)) {
            res.writeHead(200, { 'content-type': 'text/xml' });
            res.end(
              '<GetEbsEncryptionByDefaultResponse><ebsEncryptionByDefault>true</ebsEncryptionByDefault></GetEbsEncryptionByDefaultResponse>',
            );
            return;
          }
          if (!/Action=GetCallerIdentity/.test(body)) {
            res.writeHead(400, { 'content-type': 'text/xml' });
            res.end(
              '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>unexpected</Message></Error></ErrorResponse>',
            );
            return;
          }
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.end(
            `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
              `<Arn>${arn}</Arn><UserId>AIDAEXAMPLEUSERID1234</UserId><Account>111122223333</Account>` +
              `</GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
          );
        });
      });
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      for (const key of [...Object.keys(ENV), ...CLEARED]) savedEnv[key] = process.env[key];
      for (const key of CLEARED) delete process.env[key];
      Object.assign(process.env, ENV);
      const config = vscode.workspace.getConfiguration('srlens.aws');
      await config.update(
        'endpoint',
        `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        vscode.ConfigurationTarget.Workspace,
      );
      await config.update('region', 'eu-west-1', vscode.ConfigurationTarget.Workspace);
    });

    after(async () => {
      const config = vscode.workspace.getConfiguration('srlens.aws');
      await config.update('endpoint', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('region', undefined, vscode.ConfigurationTarget.Workspace);
      for (const [key, value] of Object.entries(savedEnv)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('shows the identity of the current credentials', async () => {
      const before = requests;
      const started = Date.now();
      const who = await vscode.commands.executeCommand<Identity | undefined>('srlens.aws.showIdentity', {
        quiet: true,
      });
      recordMetric('srlens.aws.showIdentity (loopback STS)', Date.now() - started);
      assert.ok(who, 'the identity is returned');
      assert.equal(who.account, '111122223333');
      assert.equal(who.arn, arn);
      assert.equal(who.principalType, 'user');
      assert.equal(who.isRoot, false);
      assert.equal(requests, before + 1, 'exactly one STS call');
    });

    it('recognises the root user', async () => {
      arn = 'arn:aws:iam::111122223333:root';
      const who = await vscode.commands.executeCommand<Identity | undefined>('srlens.aws.showIdentity', {
        quiet: true,
      });
      assert.equal(who?.principalType, 'root');
      assert.equal(who?.isRoot, true);
      arn = 'arn:aws:iam::111122223333:user/alice';
    });

    it('adds the account and Region to the ISMS scope', async () => {
      const who = await vscode.commands.executeCommand<Identity | undefined>('srlens.isms.addAccount', { quiet: true });
      assert.equal(who?.account, '111122223333');
      const text = await readText(workspaceUri(...STATE));
      assert.ok(text.includes('AWS account 111122223333, Region eu-west-1'), 'the scope names the account and Region');
      assert.match(text, /value: 250000/, 'hand-typed values are still there');
    });

    it('checks the account, keeps the results for the account in scope, and lists them in the ISMS view', async () => {
      const snapshot = workspaceUri('.srlens', 'account.yaml');
      try {
        const started = Date.now();
        const report = await vscode.commands.executeCommand<
          { results: { id: string; status: string; reason?: string }[]; notes: string[] } | undefined
        >('srlens.aws.checkAccount', { quiet: true });
        recordMetric('srlens.aws.checkAccount (loopback stub)', Date.now() - started);
        assert.ok(report, 'the report is returned');
        const status = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
        assert.equal(status['ebs-default-encryption'], 'pass');
        // The stub answers nothing else: every other check is not checked, with one note each, and the run still ends.
        assert.equal(status['root-mfa'], 'not-checked');
        assert.ok(report.notes.length > 0);
        const text = await readText(snapshot);
        assert.match(text, /id: ebs-default-encryption\n\s+title: .*\n(\s+\w+: .*\n)*?\s+status: pass/);
        assert.ok(!text.includes('wJalrXUtnFEMI'), 'no secret in the snapshot');
      } finally {
        await vscode.workspace.fs.delete(snapshot, { useTrash: false }).then(undefined, () => undefined);
      }
    });
  });
});
