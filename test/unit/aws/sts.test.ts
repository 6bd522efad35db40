/**
 * STS GetCallerIdentity against real STS-speaking servers on loopback only: moto_server when it
 * is installed, and an in-process server for the failure cases (no credentials, timeout, 403,
 * malformed body, cancellation), plus `srlens aws whoami` end to end. Credentials are fake.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getCallerIdentity, IdentityError, principalTypeOf, type IdentityErrorKind } from '../../../src/aws/identity';

const FAKE_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const FAKE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
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
  'AWS_ENDPOINT_URL_STS',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
];

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A loopback HTTP server whose behaviour the current test chooses. */
class LoopbackSts {
  handler: Handler = identityHandler('arn:aws:iam::111122223333:root');
  requests: { body: string; authorization?: string }[] = [];
  private server?: Server;
  private readonly open = new Set<import('node:net').Socket>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.requests.push({ body, authorization: req.headers.authorization });
        this.handler(req, res, body);
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

function identityHandler(arn: string, account = '111122223333'): Handler {
  return (_req, res, body) => {
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
        `<Arn>${arn}</Arn><UserId>AIDAEXAMPLEUSERID1234</UserId><Account>${account}</Account>` +
        `</GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  };
}

function errorHandler(status: number, code: string, message: string): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/xml' });
    res.end(
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
    );
  };
}

async function expectIdentityError(
  promise: Promise<unknown>,
  kind: IdentityErrorKind,
  pattern: RegExp,
): Promise<IdentityError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IdentityError, `expected an IdentityError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.match(error.message, pattern);
    assert.ok(!error.message.includes(FAKE_SECRET), 'never shows a secret');
    return error;
  }
  assert.fail(`expected a ${kind} error`);
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('AWS identity (STS GetCallerIdentity)', function () {
  this.timeout(30000);
  const saved = new Map<string, string | undefined>();
  let dir: string;
  let server: LoopbackSts;
  let endpoint: string;

  /** Fake credentials only, empty config files so no profile on this machine is read, no instance metadata. */
  function useFakeCredentials(): void {
    process.env.AWS_ACCESS_KEY_ID = FAKE_KEY_ID;
    process.env.AWS_SECRET_ACCESS_KEY = FAKE_SECRET;
  }

  before(async () => {
    for (const key of ENV_KEYS) saved.set(key, process.env[key]);
    dir = mkdtempSync(path.join(tmpdir(), 'srlens-sts-'));
    writeFileSync(path.join(dir, 'config'), '');
    writeFileSync(path.join(dir, 'credentials'), '');
    server = new LoopbackSts();
    endpoint = await server.start();
  });

  beforeEach(() => {
    for (const key of ENV_KEYS) delete process.env[key];
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    process.env.AWS_REGION = 'us-east-1';
    server.handler = identityHandler('arn:aws:iam::111122223333:root');
    server.requests = [];
  });

  after(async () => {
    await server.stop();
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the principal type of every caller ARN', () => {
    assert.equal(principalTypeOf('arn:aws:iam::111122223333:root'), 'root');
    assert.equal(principalTypeOf('arn:aws:iam::111122223333:user/dev/alice'), 'user');
    assert.equal(principalTypeOf('arn:aws:sts::111122223333:assumed-role/Deploy/session-1'), 'assumed-role');
    assert.equal(principalTypeOf('arn:aws-us-gov:sts::111122223333:federated-user/bob'), 'federated-user');
    assert.equal(principalTypeOf('arn:aws:iam::111122223333:role/X'), 'unknown');
  });

  it('reads the identity from an STS endpoint given explicitly, signed with the credential chain', async () => {
    useFakeCredentials();
    const identity = await getCallerIdentity({ endpoint });
    assert.deepEqual(identity, {
      account: '111122223333',
      arn: 'arn:aws:iam::111122223333:root',
      userId: 'AIDAEXAMPLEUSERID1234',
      principalType: 'root',
      isRoot: true,
    });
    assert.equal(server.requests.length, 1);
    assert.match(server.requests[0].body, /Action=GetCallerIdentity/);
    assert.match(
      server.requests[0].authorization ?? '',
      new RegExp(`Credential=${FAKE_KEY_ID}/\\d{8}/us-east-1/sts/aws4_request`),
    );
  });

  it('honours AWS_ENDPOINT_URL_STS and the profile in the shared credentials file', async () => {
    // A file of its own: the SDK caches what it read from a path for the life of the process.
    const credentials = path.join(dir, 'credentials-ci');
    writeFileSync(credentials, `[ci]\naws_access_key_id = ${FAKE_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET}\n`);
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
    process.env.AWS_ENDPOINT_URL_STS = endpoint;
    server.handler = identityHandler('arn:aws:sts::111122223333:assumed-role/Deploy/ci');
    const identity = await getCallerIdentity({ profile: 'ci', region: 'eu-west-1' });
    assert.equal(identity.principalType, 'assumed-role');
    assert.equal(identity.isRoot, false);
    assert.match(server.requests[0].authorization ?? '', /\/eu-west-1\/sts\/aws4_request/);
  });

  it('reports missing credentials without reading this machine’s profiles', async () => {
    process.env.AWS_ACCESS_KEY_ID = '';
    process.env.AWS_SECRET_ACCESS_KEY = '';
    process.env.AWS_SESSION_TOKEN = '';
    await expectIdentityError(
      getCallerIdentity({ endpoint }),
      'no-credentials',
      /No AWS credentials found.*aws configure/,
    );
    assert.equal(server.requests.length, 0);
    await expectIdentityError(getCallerIdentity({ endpoint, profile: 'absent' }), 'no-credentials', /absent/);
  });

  it('gives up after the timeout when the server never answers', async () => {
    useFakeCredentials();
    server.handler = () => undefined;
    const started = Date.now();
    await expectIdentityError(
      getCallerIdentity({ endpoint, timeoutMs: 300 }),
      'timeout',
      /did not answer within 300 ms/,
    );
    assert.ok(Date.now() - started < 3000);
  });

  it('stops when the caller cancels', async () => {
    useFakeCredentials();
    server.handler = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expectIdentityError(getCallerIdentity({ endpoint, signal: controller.signal }), 'cancelled', /cancelled/);
    await expectIdentityError(getCallerIdentity({ endpoint, signal: AbortSignal.abort() }), 'cancelled', /cancelled/);
  });

  it('explains HTTP 403 AccessDenied', async () => {
    useFakeCredentials();
    server.handler = errorHandler(403, 'AccessDenied', 'User is not authorized to perform: sts:GetCallerIdentity');
    await expectIdentityError(getCallerIdentity({ endpoint }), 'access-denied', /HTTP 403.*AccessDenied/);
  });

  it('explains expired and rejected credentials', async () => {
    useFakeCredentials();
    server.handler = errorHandler(400, 'ExpiredToken', 'The security token included in the request is expired');
    await expectIdentityError(getCallerIdentity({ endpoint }), 'expired', /expired.*sign in again/);
    server.handler = errorHandler(
      403,
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
    );
    await expectIdentityError(getCallerIdentity({ endpoint }), 'invalid-credentials', /rejected the credentials/);
  });

  it('reports a malformed response', async () => {
    useFakeCredentials();
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end('\u0000\u0001 this is not XML <<<');
    };
    await expectIdentityError(
      getCallerIdentity({ endpoint }),
      'malformed',
      /could not be read|without a valid account/,
    );
    server.handler = identityHandler('not-an-arn', 'x');
    await expectIdentityError(getCallerIdentity({ endpoint }), 'malformed', /without a valid account/);
  });

  it('reports a network failure and rejects a bad endpoint', async () => {
    useFakeCredentials();
    const closed = `http://127.0.0.1:${await freePort()}`;
    await expectIdentityError(getCallerIdentity({ endpoint: closed }), 'network', /Could not reach STS.*ECONNREFUSED/);
    await expectIdentityError(getCallerIdentity({ endpoint: 'file:///etc/passwd' }), 'invalid-input', /http/);
  });

  describe('against moto_server', () => {
    let moto: ChildProcess | undefined;
    let motoEndpoint = '';

    before(async function () {
      const which = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
      if (which.status !== 0 || !which.stdout.trim()) {
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

    it('reads the identity moto reports', async () => {
      useFakeCredentials();
      const identity = await getCallerIdentity({ endpoint: motoEndpoint });
      assert.equal(identity.account, '123456789012');
      assert.match(identity.arn, /^arn:aws:(iam|sts)::123456789012:/);
      assert.equal(identity.isRoot, false);
      assert.ok(identity.userId.length > 0);
    });
  });

  describe('srlens aws whoami', () => {
    const cli = path.join(process.cwd(), 'dist', 'cli.js');

    function srlens(
      args: string[],
      env: NodeJS.ProcessEnv,
    ): Promise<{ code: number | null; stdout: string; stderr: string }> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    }

    function cliEnv(): NodeJS.ProcessEnv {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NO_COLOR: '1',
        AWS_ACCESS_KEY_ID: FAKE_KEY_ID,
        AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
      };
      return env;
    }

    it('prints the identity as JSON and warns on stderr about root credentials', async () => {
      const result = await srlens(['aws', 'whoami', '--endpoint', endpoint, '--format', 'json'], cliEnv());
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), {
        account: '111122223333',
        arn: 'arn:aws:iam::111122223333:root',
        userId: 'AIDAEXAMPLEUSERID1234',
        principalType: 'root',
        isRoot: true,
      });
      assert.match(result.stderr, /warning: these are the account root user's credentials/);
      assert.ok(!result.stdout.includes(FAKE_SECRET) && !result.stderr.includes(FAKE_SECRET));
    });

    it('prints a user quietly, and fails with one clear line', async () => {
      server.handler = identityHandler('arn:aws:iam::111122223333:user/alice');
      const ok = await srlens(['aws', 'whoami', '--endpoint', endpoint], cliEnv());
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /Account:\s+111122223333/);
      assert.match(ok.stdout, /Type:\s+user/);
      assert.equal(ok.stderr, '');

      server.handler = errorHandler(403, 'AccessDenied', 'denied');
      const denied = await srlens(['aws', 'whoami', '--endpoint', endpoint, '--format', 'json'], cliEnv());
      assert.equal(denied.code, 2);
      assert.equal(denied.stdout, '');
      assert.match(denied.stderr, /^srlens: STS denied the request \(HTTP 403/);
      assert.equal(denied.stderr.trim().split('\n').length, 1);

      const usage = await srlens(['aws', 'whoami', '--format', 'xml'], cliEnv());
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /--format must be one of text, json/);
    });
  });
});
