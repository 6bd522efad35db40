/**
 * The account check (`srlens aws check`) against AWS-speaking servers on loopback only:
 * moto_server when it is installed (state seeded through the SDK first), and an in-process stub for
 * what moto does not implement (Trusted Advisor results, IMDS defaults) and for the faults
 * (SubscriptionRequiredException, AccessDenied, throttling, timeouts, malformed and huge
 * responses, cancellation). Then the snapshot it keeps changes a template finding and is cited by
 * the ISMS export. Credentials are fake.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { CreateUserCommand, IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { PutPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { checkAccount, openSensitivePorts, type AccountCheckReport } from '../../../src/aws/account-check';
import { IdentityError } from '../../../src/aws/identity';
import { Analyzer } from '../../../src/engine/analyzer';
import {
  accountFactsFrom,
  accountSnapshot,
  parseAccountSnapshot,
  serializeAccountSnapshot,
} from '../../../src/isms/account';

const FAKE_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const FAKE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const FAKE_TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKENdoNotPrintMe0123456789';
const ENV_KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
];
const ACCOUNT = '111122223333';

// ---------------------------------------------------------------------------------------------
// The in-process stub: one loopback server speaking the protocols of the seven services.

interface Reply {
  status?: number;
  type?: 'xml' | 'json';
  body: string;
}
type Route = (body: string) => Reply | undefined;

/** The operation a request names: the JSON target, the query Action, or the REST path. */
function operationOf(req: IncomingMessage, body: string): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop() ?? '';
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1];
  if (action) return action;
  if ((req.url ?? '').startsWith('/v20180820/configuration/publicAccessBlock')) return 'GetPublicAccessBlock';
  if ((req.url ?? '').startsWith('/detector')) return 'ListDetectors';
  return 'unknown';
}

const xml = (body: string, status = 200): Reply => ({ status, type: 'xml', body });
const json = (value: unknown, status = 200): Reply => ({ status, type: 'json', body: JSON.stringify(value) });
const queryError = (status: number, code: string): Reply =>
  xml(
    `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${FAKE_SECRET}</Message></Error></ErrorResponse>`,
    status,
  );
const ec2Error = (status: number, code: string): Reply =>
  xml(
    `<Response><Errors><Error><Code>${code}</Code><Message>denied ${FAKE_TOKEN}</Message></Error></Errors><RequestID>r</RequestID></Response>`,
    status,
  );
const jsonError = (status: number, type: string): Reply => json({ __type: type, message: `no ${FAKE_SECRET}` }, status);

/** A healthy account: every direct check passes except the open database port; Trusted Advisor flags one key. */
function healthyRoutes(): Record<string, Route> {
  return {
    GetCallerIdentity: () =>
      xml(
        `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/audit</Arn><UserId>AIDAEXAMPLE</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
      ),
    DescribeTrustedAdvisorChecks: () =>
      json({
        checks: [
          {
            id: 'HCP4007jGY',
            name: 'Security Groups - Specific Ports Unrestricted',
            description: '<b>x</b>',
            category: 'security',
            metadata: [],
          },
          { id: '12Fnkpl8Y5', name: 'Exposed Access Keys', description: 'x', category: 'security', metadata: [] },
          {
            id: 'Qch7DwouX1',
            name: 'Low Utilization Amazon EC2 Instances',
            description: 'x',
            category: 'cost_optimizing',
            metadata: [],
          },
        ],
      }),
    DescribeTrustedAdvisorCheckResult: (body) =>
      JSON.parse(body).checkId === 'HCP4007jGY'
        ? json({
            result: { checkId: 'HCP4007jGY', timestamp: '2026-12-01T00:00:00Z', status: 'ok', flaggedResources: [] },
          })
        : json({
            result: {
              checkId: '12Fnkpl8Y5',
              timestamp: '2026-12-01T00:00:00Z',
              status: 'error',
              flaggedResources: [
                {
                  status: 'error',
                  resourceId: 'r-1',
                  isSuppressed: false,
                  metadata: ['AKIAIOSFODNN7EXAMPLE', 'alice', 'GitHub'],
                },
                { status: 'error', resourceId: 'r-2', isSuppressed: true, metadata: ['AKIAI44QH8DHBEXAMPLE', 'bob'] },
              ],
            },
          }),
    GetAccountSummary: () =>
      xml(
        '<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap>' +
          '<entry><key>AccountMFAEnabled</key><value>1</value></entry>' +
          '<entry><key>AccountAccessKeysPresent</key><value>0</value></entry>' +
          '<entry><key>Users</key><value>3</value></entry><entry><key>Roles</key><value>12</value></entry>' +
          '</SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>',
      ),
    GetAccountPasswordPolicy: () =>
      xml(
        '<GetAccountPasswordPolicyResponse><GetAccountPasswordPolicyResult><PasswordPolicy><MinimumPasswordLength>16</MinimumPasswordLength><PasswordReusePrevention>24</PasswordReusePrevention></PasswordPolicy></GetAccountPasswordPolicyResult></GetAccountPasswordPolicyResponse>',
      ),
    DescribeSecurityGroups: () =>
      xml(
        '<DescribeSecurityGroupsResponse><securityGroupInfo>' +
          '<item><groupId>sg-0db</groupId><groupName>db</groupName><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>3306</fromPort><toPort>3306</toPort><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissions></item>' +
          '<item><groupId>sg-0web</groupId><groupName>web</groupName><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissions></item>' +
          '</securityGroupInfo></DescribeSecurityGroupsResponse>',
      ),
    GetPublicAccessBlock: () =>
      xml(
        '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
      ),
    GetEbsEncryptionByDefault: () =>
      xml(
        '<GetEbsEncryptionByDefaultResponse><ebsEncryptionByDefault>true</ebsEncryptionByDefault></GetEbsEncryptionByDefaultResponse>',
      ),
    GetInstanceMetadataDefaults: () =>
      xml(
        '<GetInstanceMetadataDefaultsResponse><accountLevel><httpTokens>required</httpTokens></accountLevel></GetInstanceMetadataDefaultsResponse>',
      ),
    DescribeTrails: () =>
      json({
        trailList: [
          { Name: 'org', TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org`, IsMultiRegionTrail: true },
        ],
      }),
    GetTrailStatus: () => json({ IsLogging: true }),
    ListDetectors: () => json({ detectorIds: ['d-1'] }),
  };
}

class Stub {
  routes: Record<string, Route> = healthyRoutes();
  calls: string[] = [];
  private server?: Server;
  private readonly open = new Set<Socket>();

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const operation = operationOf(req, body);
        this.calls.push(operation);
        const reply = this.routes[operation]?.(body);
        if (reply === undefined) return; // never answers
        res.writeHead(reply.status ?? 200, {
          'content-type': reply.type === 'json' ? 'application/x-amz-json-1.1' : 'text/xml',
        });
        res.end(reply.body);
      });
    });
    this.server.on('connection', (socket) => {
      this.open.add(socket);
      socket.on('close', () => this.open.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function byId(report: AccountCheckReport): Record<string, string> {
  return Object.fromEntries(report.results.map((r) => [r.id, r.status]));
}

function assertNoSecret(text: string): void {
  assert.ok(!text.includes(FAKE_SECRET), 'no secret access key');
  assert.ok(!text.includes(FAKE_TOKEN), 'no session token');
  assert.ok(!text.includes('AKIAIOSFODNN7EXAMPLE'), 'no whole access key id');
  assert.ok(!/\n\s+at .*:\d+:\d+/.test(text), 'no stack trace');
}

const cli = path.join(process.cwd(), 'dist', 'cli.js');

function srlens(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('AWS account check (srlens aws check)', function () {
  this.timeout(60000);
  const saved = new Map<string, string | undefined>();
  let dir: string;
  let stub: Stub;
  let endpoint: string;

  function cliEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NO_COLOR: '1',
      AWS_ACCESS_KEY_ID: FAKE_KEY_ID,
      AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
      AWS_SESSION_TOKEN: FAKE_TOKEN,
      AWS_REGION: 'eu-west-1',
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  }

  before(async () => {
    for (const key of ENV_KEYS) saved.set(key, process.env[key]);
    dir = mkdtempSync(path.join(tmpdir(), 'srlens-account-'));
    writeFileSync(path.join(dir, 'config'), '');
    writeFileSync(path.join(dir, 'credentials'), '');
    stub = new Stub();
    endpoint = await stub.start();
  });

  beforeEach(() => {
    for (const key of ENV_KEYS) delete process.env[key];
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: FAKE_KEY_ID,
      AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
      AWS_SESSION_TOKEN: FAKE_TOKEN,
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_REGION: 'eu-west-1',
    });
    stub.routes = healthyRoutes();
    stub.calls = [];
  });

  after(async () => {
    await stub.stop();
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('judges security group rules with the template rules’ port tables', () => {
    const open = (p: Parameters<typeof openSensitivePorts>[0]) => openSensitivePorts(p).map((o) => o.port.port);
    assert.deepEqual(open({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }), [22]);
    assert.deepEqual(
      open({ IpProtocol: 'tcp', FromPort: 3000, ToPort: 3400, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }),
      [3389, 3306],
    );
    assert.deepEqual(open({ IpProtocol: 'udp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }), []);
    assert.deepEqual(
      open({ IpProtocol: '17', FromPort: 11211, ToPort: 11211, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }),
      [11211],
    );
    assert.deepEqual(open({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }), []);
    assert.equal(open({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }).length, 14);
  });

  it('runs Trusted Advisor’s security checks and every direct check, read-only', async () => {
    const report = await checkAccount({ endpoint, region: 'eu-west-1' });
    assert.equal(report.identity.account, ACCOUNT);
    assert.deepEqual(report.trustedAdvisor, { state: 'available' });
    assert.deepEqual(byId(report), {
      'trusted-advisor/security-groups-specific-ports-unrestricted': 'pass',
      'trusted-advisor/exposed-access-keys': 'fail',
      'root-mfa': 'pass',
      'root-access-keys': 'pass',
      'iam-use': 'pass',
      'password-policy': 'pass',
      'security-group-open-ports': 'fail',
      's3-account-public-access-block': 'pass',
      'ebs-default-encryption': 'pass',
      'imds-defaults': 'pass',
      'cloudtrail-multi-region': 'pass',
      'guardduty-enabled': 'pass',
    });
    const keys = report.results.find((r) => r.id === 'trusted-advisor/exposed-access-keys')!;
    assert.equal(keys.severity, 'error');
    assert.equal(keys.message, "You · Credentials: Trusted Advisor: 'Exposed Access Keys' flags 1 resource.");
    assert.deepEqual(
      keys.resources,
      ['AKIA…MPLE · alice · GitHub'],
      'suppressed resources left out, key ids shortened',
    );
    const ports = report.results.find((r) => r.id === 'security-group-open-ports')!;
    assert.equal(
      ports.message,
      'You · Network access: 1 security group in eu-west-1 opens administration or database ports to the internet.',
    );
    assert.deepEqual(ports.resources, ['sg-0db (db): 3306 MySQL/MariaDB open to 0.0.0.0/0']);
    assert.equal(ports.owner, 'customer');
    assert.match(ports.action ?? '', /Session Manager/);
    assert.deepEqual(report.notes, []);
    // Only Describe/Get/List calls, and the cost check is not asked for.
    assert.ok(
      stub.calls.every((c) => /^(Describe|Get|List)/.test(c)),
      stub.calls.join(', '),
    );
    assert.equal(stub.calls.filter((c) => c === 'DescribeTrustedAdvisorCheckResult').length, 2);
  });

  it('says in one line that the support plan lacks Trusted Advisor, then runs the direct checks', async () => {
    stub.routes.DescribeTrustedAdvisorChecks = () => jsonError(400, 'SubscriptionRequiredException');
    const report = await checkAccount({ endpoint });
    assert.equal(report.trustedAdvisor.state, 'subscription-required');
    assert.match(
      report.trustedAdvisor.note ?? '',
      /^Trusted Advisor: this account's support plan does not include .*SubscriptionRequiredException/,
    );
    assert.equal(report.notes.length, 1);
    assert.equal(report.results.filter((r) => r.source === 'trusted-advisor').length, 0);
    assert.equal(report.results.filter((r) => r.source === 'direct').length, 10);
  });

  it('reports the checks that ran and the permission each denied one needs', async () => {
    stub.routes.GetAccountSummary = () => queryError(403, 'AccessDenied');
    stub.routes.DescribeSecurityGroups = () => ec2Error(403, 'UnauthorizedOperation');
    stub.routes.GetTrailStatus = () => jsonError(400, 'AccessDeniedException');
    const report = await checkAccount({ endpoint });
    const status = byId(report);
    for (const id of [
      'root-mfa',
      'root-access-keys',
      'iam-use',
      'security-group-open-ports',
      'cloudtrail-multi-region',
    ])
      assert.equal(status[id], 'not-checked', id);
    for (const id of [
      'password-policy',
      's3-account-public-access-block',
      'ebs-default-encryption',
      'guardduty-enabled',
    ])
      assert.equal(status[id], 'pass', id);
    const permissions = Object.fromEntries(
      report.results
        .filter((r) => r.status === 'not-checked' && r.source === 'direct')
        .map((r) => [r.id, r.permission]),
    );
    assert.deepEqual(permissions, {
      'root-mfa': 'iam:GetAccountSummary',
      'root-access-keys': 'iam:GetAccountSummary',
      'iam-use': 'iam:GetAccountSummary',
      'security-group-open-ports': 'ec2:DescribeSecurityGroups',
      'cloudtrail-multi-region': 'cloudtrail:GetTrailStatus',
    });
    assert.deepEqual(report.notes, [
      'root-mfa: not checked: iam:GetAccountSummary was denied (AccessDenied): allow it to run this check.',
      'root-access-keys: not checked: iam:GetAccountSummary was denied (AccessDenied): allow it to run this check.',
      'iam-use: not checked: iam:GetAccountSummary was denied (AccessDenied): allow it to run this check.',
      'security-group-open-ports: not checked: ec2:DescribeSecurityGroups was denied (UnauthorizedOperation): allow it to run this check.',
      'cloudtrail-multi-region: not checked: cloudtrail:GetTrailStatus was denied (AccessDeniedException): allow it to run this check.',
    ]);
    assertNoSecret(JSON.stringify(report));
  });

  it('retries throttled calls with backoff, a bounded number of times', async () => {
    let guardDutyCalls = 0;
    stub.routes.ListDetectors = () =>
      ++guardDutyCalls < 3 ? jsonError(429, 'TooManyRequestsException') : json({ detectorIds: [] });
    stub.routes.GetEbsEncryptionByDefault = () => ec2Error(503, 'RequestLimitExceeded');
    const report = await checkAccount({ endpoint, maxAttempts: 3 });
    assert.equal(guardDutyCalls, 3, 'two throttled attempts, then the answer');
    assert.equal(byId(report)['guardduty-enabled'], 'fail');
    assert.equal(stub.calls.filter((c) => c === 'GetEbsEncryptionByDefault').length, 3, 'bounded');
    const ebs = report.results.find((r) => r.id === 'ebs-default-encryption')!;
    assert.equal(ebs.status, 'not-checked');
    assert.equal(ebs.reason, 'throttled');
    assert.deepEqual(
      report.notes.filter((n) => n.startsWith('ebs')),
      [
        'ebs-default-encryption: not checked: ec2:GetEbsEncryptionByDefault was throttled (RequestLimitExceeded) after the retries: try again later.',
      ],
    );
  });

  it('keeps partial results through a timeout, an unreadable and an oversized response', async () => {
    stub.routes.ListDetectors = () => undefined;
    stub.routes.GetInstanceMetadataDefaults = () => xml('\u0000 not <xml');
    stub.routes.DescribeSecurityGroups = () =>
      xml(
        `<DescribeSecurityGroupsResponse><securityGroupInfo>${'<item><groupId>sg-1</groupId></item>'.repeat(40000)}</securityGroupInfo></DescribeSecurityGroupsResponse>`,
      );
    const started = Date.now();
    const report = await checkAccount({ endpoint, timeoutMs: 1500, maxResponseBytes: 256 * 1024 });
    assert.ok(Date.now() - started < 15000);
    const reasons = Object.fromEntries(report.results.filter((r) => r.reason).map((r) => [r.id, r.reason]));
    assert.deepEqual(reasons, {
      'guardduty-enabled': 'timeout',
      'imds-defaults': 'malformed',
      'security-group-open-ports': 'too-large',
    });
    assert.equal(byId(report)['root-mfa'], 'pass');
    assert.ok(
      report.notes.includes('guardduty-enabled: not checked: guardduty:ListDetectors did not answer within 1500 ms.'),
    );
  });

  it('names a Region without the service and a session that expires midway', async () => {
    stub.routes.GetInstanceMetadataDefaults = () => ec2Error(401, 'OptInRequired');
    stub.routes.GetAccountPasswordPolicy = () => queryError(400, 'ExpiredToken');
    const report = await checkAccount({ endpoint });
    const reasons = Object.fromEntries(report.results.filter((r) => r.reason).map((r) => [r.id, r.reason]));
    assert.deepEqual(reasons, { 'password-policy': 'expired', 'imds-defaults': 'unavailable' });
    assert.deepEqual(report.notes, [
      'password-policy: not checked: iam:GetAccountPasswordPolicy: the session has expired: sign in again.',
      'imds-defaults: not checked: ec2:GetInstanceMetadataDefaults: the service is not offered in this Region or at this endpoint (OptInRequired).',
    ]);
    assert.equal(byId(report)['guardduty-enabled'], 'pass', 'the later checks still ran');
  });

  it('stops at the first failed Trusted Advisor result with one line', async () => {
    stub.routes.DescribeTrustedAdvisorCheckResult = () => jsonError(400, 'AccessDeniedException');
    const report = await checkAccount({ endpoint });
    assert.equal(stub.calls.filter((c) => c === 'DescribeTrustedAdvisorCheckResult').length, 1);
    assert.deepEqual(
      report.results.filter((r) => r.source === 'trusted-advisor').map((r) => r.status),
      ['not-checked', 'not-checked'],
    );
    assert.deepEqual(report.notes, [
      'Trusted Advisor results: not checked: support:DescribeTrustedAdvisorCheckResult was denied (AccessDeniedException): allow it to run this check; the direct checks below still ran.',
    ]);
  });

  it('stops the calls when cancelled, and needs credentials to start', async () => {
    stub.routes.GetAccountSummary = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    await assert.rejects(checkAccount({ endpoint, signal: controller.signal }), /cancelled/);
    assert.ok(Date.now() - started < 5000);
    const callsAfterCancel = stub.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(stub.calls.length, callsAfterCancel, 'no call after the cancellation');

    process.env.AWS_ACCESS_KEY_ID = '';
    process.env.AWS_SECRET_ACCESS_KEY = '';
    process.env.AWS_SESSION_TOKEN = '';
    await assert.rejects(
      checkAccount({ endpoint }),
      (error: unknown) => error instanceof IdentityError && error.kind === 'no-credentials',
    );
  });

  it('reports an expired session on the identity call as one line, exit 2', async () => {
    stub.routes.GetCallerIdentity = () => queryError(400, 'ExpiredToken');
    const result = await srlens(['aws', 'check', '--endpoint', endpoint], cliEnv(), dir);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^srlens: The AWS session token has expired/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assertNoSecret(result.stderr);
  });

  it('prints text, JSON and Markdown, with exit codes as scan, never a secret', async () => {
    stub.routes.GetAccountSummary = () => queryError(403, 'AccessDenied');
    const text = await srlens(['aws', 'check', '--endpoint', endpoint, '--no-save'], cliEnv(), dir);
    assert.equal(text.code, 1, text.stderr);
    assert.match(
      text.stdout,
      /^Account: {3}111122223333\nPrincipal: arn:aws:iam::111122223333:user\/audit\nRegion: {4}eu-west-1/,
    );
    assert.match(
      text.stdout,
      /FAIL error {2}You · Credentials: Trusted Advisor: 'Exposed Access Keys' flags 1 resource\. {2}\[trusted-advisor\/exposed-access-keys\]/,
    );
    assert.match(
      text.stdout,
      /not checked {2}You · Credentials: MFA on the root user was not checked \(access denied\)\. {2}\[root-mfa\]\n {6}Allow iam:GetAccountSummary to run this check/,
    );
    assert.match(
      text.stdout,
      /12 checks: 7 passed, 2 failed, 3 not checked\. Nothing was changed in the account\.\n?$/,
    );
    assert.equal(text.stderr, '');
    for (const output of [text.stdout, text.stderr]) assertNoSecret(output);

    const jsonRun = await srlens(
      ['aws', 'check', '--endpoint', endpoint, '--format', 'json', '--fail-on', 'none', '--no-save'],
      cliEnv(),
      dir,
    );
    assert.equal(jsonRun.code, 0);
    const parsed = JSON.parse(jsonRun.stdout);
    assert.equal(parsed.account, ACCOUNT);
    assert.equal(parsed.results.length, 12);
    assert.deepEqual(Object.keys(parsed.results.find((r: { id: string }) => r.id === 'root-mfa')).sort(), [
      'action',
      'concern',
      'id',
      'message',
      'owner',
      'permission',
      'reason',
      'resources',
      'severity',
      'source',
      'status',
      'title',
    ]);
    assert.equal(jsonRun.stderr.trim().split('\n').length, 3, 'one line per fault on stderr');
    assertNoSecret(jsonRun.stdout + jsonRun.stderr);

    stub.routes = healthyRoutes();
    stub.routes.DescribeSecurityGroups = () =>
      xml('<DescribeSecurityGroupsResponse><securityGroupInfo/></DescribeSecurityGroupsResponse>');
    stub.routes.DescribeTrustedAdvisorCheckResult = () =>
      json({ result: { checkId: 'x', status: 'ok', flaggedResources: [] } });
    const markdown = await srlens(
      ['aws', 'check', '--endpoint', endpoint, '--format', 'markdown', '--no-save'],
      cliEnv(),
      dir,
    );
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# AWS account 111122223333\n/);
    assert.match(
      markdown.stdout,
      /\| ebs-default-encryption \| pass \| {2}\| You · Data at rest: new EBS volumes in eu-west-1 are encrypted by default\. \| {2}\| {2}\|/,
    );

    const usage = await srlens(['aws', 'check', '--format', 'sarif'], cliEnv(), dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--format must be one of text, json, markdown/);
  });

  it('keeps the snapshot when the account is in the ISMS scope; a template finding changes with it; the ISMS export cites it', async () => {
    const project = path.join(dir, 'project');
    mkdirSync(path.join(project, '.srlens'), { recursive: true });
    writeFileSync(
      path.join(project, '.srlens', 'isms.yaml'),
      `version: 1\nscope: AWS account ${ACCOUNT}, Region eu-west-1.\n`,
    );
    writeFileSync(
      path.join(project, 'template.yaml'),
      'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 10\n',
    );
    stub.routes.DescribeTrails = () => json({ trailList: [] });

    const before = await srlens(['scan', '--format', 'json', '--fail-on', 'none'], cliEnv(), project);
    const unencrypted = JSON.parse(before.stdout).findings.find(
      (f: { ruleId: string }) => f.ruleId === 'ebs-volume-encryption',
    );
    assert.equal(unencrypted.severity, 'warning');

    const check = await srlens(['aws', 'check', '--endpoint', endpoint, '--include-resources'], cliEnv(), project);
    assert.equal(check.code, 1, check.stderr);
    assert.match(check.stderr, /wrote \.srlens\/account\.yaml/);
    const snapshotText = readFileSync(path.join(project, '.srlens', 'account.yaml'), 'utf8');
    assertNoSecret(snapshotText);
    assert.ok(!snapshotText.includes('arn:aws:iam'), 'no principal');
    const snapshot = parseAccountSnapshot(snapshotText);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(snapshot.account, ACCOUNT);
    assert.equal(snapshot.region, 'eu-west-1');
    assert.equal(snapshot.checked, today);
    assert.deepEqual(snapshot.checks.find((c) => c.id === 'security-group-open-ports')?.resources, [
      'sg-0db (db): 3306 MySQL/MariaDB open to 0.0.0.0/0',
    ]);

    const after = await srlens(['scan', '--format', 'json', '--fail-on', 'none'], cliEnv(), project);
    const settled = JSON.parse(after.stdout).findings.find(
      (f: { ruleId: string }) => f.ruleId === 'ebs-volume-encryption',
    );
    assert.equal(settled.severity, 'info');
    assert.match(settled.message, /leaves encryption to the account default, which is on$/);
    assert.match(
      settled.detail,
      new RegExp(`The account encrypts new volumes by default in eu-west-1 \\(checked on ${today}\\)`),
    );

    const exported = await srlens(['isms', 'export'], cliEnv(), project);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(
      exported.stdout,
      new RegExp(
        `\\.srlens/account\\.yaml:\\d+ AWS account ${ACCOUNT} \\\\\\(eu-west-1\\\\\\) \\(account/ebs-default-encryption, checked ${today}\\)`,
      ),
    );
    assert.match(exported.stdout, /account\/cloudtrail-multi-region/, 'the failed trail check is a risk');
    assert.match(exported.stdout, /account\/security-group-open-ports/);
  });

  it('ignores a snapshot older than the review interval, and says so', () => {
    const snapshot = accountSnapshot({
      identity: { account: ACCOUNT },
      region: 'eu-west-1',
      checkedAt: '2026-01-05T10:00:00Z',
      results: [
        {
          id: 'ebs-default-encryption',
          title: 'EBS',
          concern: 'data-at-rest',
          severity: 'warning',
          status: 'pass',
          resources: ['x'],
        },
      ],
    });
    assert.equal(snapshot.checks[0].resources, undefined, 'resource ids only when asked for');
    const roundTrip = parseAccountSnapshot(serializeAccountSnapshot(snapshot));
    assert.deepEqual(roundTrip, snapshot);
    assert.deepEqual(accountFactsFrom(roundTrip, '2026-03-01', 90).facts?.checks, { 'ebs-default-encryption': 'pass' });
    assert.deepEqual(accountFactsFrom(roundTrip, '2026-06-01', 90), {
      note: '.srlens/account.yaml is from 2026-01-05, older than the ISMS review interval (90 days): ignored; run the account check again.',
    });
  });

  it('a stale snapshot leaves the finding as the template says it', async () => {
    const files = [
      {
        path: '/t/template.yaml',
        text: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n',
      },
    ];
    const snapshot = parseAccountSnapshot(
      `version: 1\naccount: "${ACCOUNT}"\nregion: eu-west-1\nchecked: 2026-01-05\nchecks:\n  - id: ebs-default-encryption\n    title: EBS\n    concern: data-at-rest\n    severity: warning\n    status: pass\n`,
    );
    const fresh = accountFactsFrom(snapshot, '2026-01-06').facts;
    const stale = accountFactsFrom(snapshot, '2026-12-01').facts;
    const severity = async (account: typeof fresh) =>
      (await new Analyzer({ account }).analyze(files)).findings.find((f) => f.ruleId === 'ebs-volume-encryption')
        ?.severity;
    assert.equal(await severity(fresh), 'info');
    assert.equal(await severity(stale), 'warning');
  });

  describe('against moto_server', () => {
    let moto: ChildProcess | undefined;
    let motoEndpoint = '';

    before(async function () {
      const which = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
      if (which.status !== 0 || !which.stdout.trim()) {
        console.log('      skipped: moto_server is not on PATH (pip install "moto[server]")');
        this.skip();
        return;
      }
      const port = await freePort();
      motoEndpoint = `http://127.0.0.1:${port}`;
      moto = spawn(which.stdout.trim(), ['-H', '127.0.0.1', '-p', String(port)], {
        stdio: 'ignore',
        env: { ...process.env, AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET },
      });
      const deadline = Date.now() + 20000;
      for (;;) {
        try {
          await fetch(`${motoEndpoint}/moto-api/`);
          break;
        } catch {
          if (Date.now() > deadline || moto.exitCode !== null) throw new Error('moto_server did not start');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    });

    after(async () => {
      if (moto && moto.exitCode === null) {
        const exited = new Promise((resolve) => moto!.once('exit', resolve));
        moto.kill('SIGTERM');
        await exited;
      }
    });

    it('checks the account moto holds, seeded through the SDK', async () => {
      process.env.AWS_SESSION_TOKEN = '';
      const region = 'eu-west-1';
      const config = {
        endpoint: motoEndpoint,
        region,
        credentials: { accessKeyId: FAKE_KEY_ID, secretAccessKey: FAKE_SECRET },
      };
      const account = '123456789012';
      const iam = new IAMClient(config);
      await iam.send(new CreateUserCommand({ UserName: 'alice' }));
      await iam.send(
        new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 16, PasswordReusePrevention: 24 }),
      );
      const ec2 = new EC2Client(config);
      await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
      const group = await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: 'srlens-open', Description: 'open ssh' }),
      );
      await ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: group.GroupId,
          IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        }),
      );
      const s3control = new S3ControlClient({ ...config, endpointProvider: () => ({ url: new URL(motoEndpoint) }) });
      await s3control.send(
        new PutPublicAccessBlockCommand({
          AccountId: account,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        }),
      );
      // CloudTrail needs a bucket: created with a plain request, which moto routes by the signing scope.
      await fetch(`${motoEndpoint}/srlens-trail`, {
        method: 'PUT',
        headers: {
          authorization: `AWS4-HMAC-SHA256 Credential=${FAKE_KEY_ID}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0`,
        },
      });
      const cloudtrail = new CloudTrailClient(config);
      await cloudtrail.send(
        new CreateTrailCommand({ Name: 'all', S3BucketName: 'srlens-trail', IsMultiRegionTrail: true }),
      );
      await cloudtrail.send(new StartLoggingCommand({ Name: 'all' }));
      await new GuardDutyClient(config).send(new CreateDetectorCommand({ Enable: true }));
      for (const client of [iam, ec2, s3control, cloudtrail]) client.destroy();

      const report = await checkAccount({ endpoint: motoEndpoint, region, timeoutMs: 30000 });
      assert.equal(report.identity.account, account);
      const status = byId(report);
      // Trusted Advisor: moto lists the checks; their results are the stub's part.
      const listed = report.results.filter((r) => r.source === 'trusted-advisor').map((r) => r.id);
      assert.ok(listed.includes('trusted-advisor/security-groups-specific-ports-unrestricted'), listed.join(', '));
      assert.ok(listed.includes('trusted-advisor/mfa-on-root-account'));
      assert.ok(listed.includes('trusted-advisor/exposed-access-keys'));
      assert.ok(!listed.some((id) => /low-utilization/.test(id)), 'security checks only');
      assert.deepEqual(
        Object.fromEntries(Object.entries(status).filter(([id]) => !id.startsWith('trusted-advisor/'))),
        {
          'root-mfa': 'fail',
          'root-access-keys': 'pass',
          'iam-use': 'pass',
          'password-policy': 'pass',
          'security-group-open-ports': 'fail',
          's3-account-public-access-block': 'pass',
          'ebs-default-encryption': 'pass',
          // moto has no GetInstanceMetadataDefaults: the stub covers it.
          'imds-defaults': 'not-checked',
          'cloudtrail-multi-region': 'pass',
          'guardduty-enabled': 'pass',
        },
      );
      const ports = report.results.find((r) => r.id === 'security-group-open-ports')!;
      assert.deepEqual(ports.resources, [`${group.GroupId} (srlens-open): 22 SSH open to 0.0.0.0/0`]);
      assert.equal(
        report.results.find((r) => r.id === 'cloudtrail-multi-region')!.message,
        "You · Logging and monitoring: the multi-Region trail 'all' is logging.",
      );
    });
  });
});
