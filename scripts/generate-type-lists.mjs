// Regenerates the resource-type lists in src/knowledge/data/ from pinned, published packages:
//   CloudFormation: @aws-cdk/aws-service-spec (db.json.gz, the CloudFormation registry schemas)
//   Terraform:      @cdktf/provider-aws (one generated binding per hashicorp/aws resource)
// Usage: npm run generate:types            (downloads with `npm pack`)
//        npm run generate:types -- --tarballs <dir>   (reuses tarballs already in <dir>)
// To move to newer versions, change the pins below, run the script and review the diff.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const CLOUDFORMATION_PACKAGE = { name: '@aws-cdk/aws-service-spec', version: '0.1.216' };
const TERRAFORM_PACKAGE = { name: '@cdktf/provider-aws', version: '21.22.1' };

// AWS SAM resource types come from the SAM transform, not the CloudFormation registry, so the
// spec above may not list all of them. Source: the AWS SAM specification's resource list.
const SAM_TYPES = [
  'AWS::Serverless::Api',
  'AWS::Serverless::Application',
  'AWS::Serverless::Connector',
  'AWS::Serverless::Function',
  'AWS::Serverless::GraphQLApi',
  'AWS::Serverless::HttpApi',
  'AWS::Serverless::LayerVersion',
  'AWS::Serverless::SimpleTable',
  'AWS::Serverless::StateMachine',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'src', 'knowledge', 'data');
const today = new Date().toISOString().slice(0, 10);

function parseArgs(argv) {
  const i = argv.indexOf('--tarballs');
  return { tarballs: i >= 0 ? path.resolve(argv[i + 1] ?? '.') : undefined };
}

function tarballName(pkg) {
  // npm's own naming: "@scope/name" -> "scope-name-<version>.tgz"
  return `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
}

/** Downloads (or reuses) a package tarball and extracts it; returns the extracted `package/` dir. */
function fetchPackage(pkg, work, tarballs) {
  let tgz = tarballs ? path.join(tarballs, tarballName(pkg)) : undefined;
  if (!tgz || !existsSync(tgz)) {
    const out = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--json', '--pack-destination', work], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32',
      maxBuffer: 256 * 1024 * 1024,
    });
    tgz = path.join(work, JSON.parse(out)[0].filename);
  }
  // the same Subresource Integrity string npm records in package-lock.json
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  const dest = path.join(work, tarballName(pkg).replace(/\.tgz$/, ''));
  mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', dest], { stdio: 'inherit' });
  return { dir: path.join(dest, 'package'), integrity };
}

function cloudFormationTypes(dir) {
  const db = JSON.parse(gunzipSync(readFileSync(path.join(dir, 'db.json.gz'))).toString('utf8'));
  const types = new Set();
  for (const entity of db.schema.resource.entities) types.add(entity.cloudFormationType);
  return [...types];
}

function terraformTypes(dir) {
  const lib = path.join(dir, 'lib');
  const types = new Set();
  for (const name of readdirSync(lib)) {
    // data sources live in lib/data-aws-*; lib/provider is the provider block itself
    if (name.startsWith('data-') || name === 'provider') continue;
    const index = path.join(lib, name, 'index.js');
    if (!existsSync(index)) continue;
    const match = /tfResourceType = "(aws_[a-z0-9_]+)"/.exec(readFileSync(index, 'utf8'));
    if (match) types.add(match[1]);
  }
  return [...types];
}

function write(file, data) {
  const { types, ...provenance } = data;
  const sorted = [...new Set(types)].sort();
  const body = { ...provenance, generated: today, count: sorted.length, types: sorted };
  writeFileSync(path.join(outDir, file), JSON.stringify(body, null, 2) + '\n');
  console.log(`${file}: ${sorted.length} types`);
}

const { tarballs } = parseArgs(process.argv.slice(2));
const work = mkdtempSync(path.join(tmpdir(), 'srlens-types-'));
try {
  mkdirSync(outDir, { recursive: true });

  const cfn = fetchPackage(CLOUDFORMATION_PACKAGE, work, tarballs);
  const fromSpec = cloudFormationTypes(cfn.dir);
  const added = SAM_TYPES.filter((t) => !fromSpec.includes(t));
  write('cloudformation-types.json', {
    source:
      'AWS CloudFormation resource schemas, as packaged in db.json.gz (schema.resource.entities[].cloudFormationType)',
    package: CLOUDFORMATION_PACKAGE.name,
    version: CLOUDFORMATION_PACKAGE.version,
    integrity: cfn.integrity,
    supplement: {
      source: 'AWS SAM specification resource types, hand-kept in scripts/generate-type-lists.mjs',
      types: added,
    },
    types: [...fromSpec, ...added],
  });

  const tf = fetchPackage(TERRAFORM_PACKAGE, work, tarballs);
  const manifest = JSON.parse(readFileSync(path.join(tf.dir, 'package.json'), 'utf8'));
  write('terraform-aws-types.json', {
    source:
      'Terraform AWS provider resource types, from tfResourceType in each lib/<name>/index.js (data sources excluded)',
    package: TERRAFORM_PACKAGE.name,
    version: TERRAFORM_PACKAGE.version,
    integrity: tf.integrity,
    provider: manifest.cdktf?.provider?.name ?? 'registry.terraform.io/hashicorp/aws',
    providerVersion: manifest.cdktf?.provider?.version ?? 'unknown',
    types: terraformTypes(tf.dir),
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
