/**
 * The snippets in snippets/: every body is expanded the way VS Code inserts it with its defaults,
 * wrapped in a minimal template where the language needs one, and analysed with every rule. A
 * snippet that teaches a secure resource must not draw a single finding, parse errors included.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer } from '../../../src/engine/analyzer';
import { DEFAULT_CONFIG } from '../../../src/engine/config';
import { expandSnippet, lines, prefixes, wrap, type Snippet } from '../../snippets';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// ---------------------------------------------------------------------------------------------
// The snippet files, and what each must create

interface SnippetFile {
  language: string;
  path: string;
  snippets: Record<string, Snippet>;
}

const contributed: { language: string; path: string }[] = pkg.contributes.snippets ?? [];
const files: SnippetFile[] = contributed.map((entry) => ({
  ...entry,
  snippets: existsSync(entry.path) ? JSON.parse(readFileSync(entry.path, 'utf8')) : {},
}));

/** Every snippet, in every language, creates at least these resource types. */
const COVERAGE: Record<string, { cloudformation: string[]; terraform: string[] }> = {
  'srl-s3-bucket': {
    cloudformation: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'AWS::KMS::Key'],
    terraform: [
      'aws_s3_bucket',
      'aws_s3_bucket_policy',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_versioning',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_kms_key',
    ],
  },
  'srl-ec2-instance': {
    cloudformation: ['AWS::EC2::Instance', 'AWS::IAM::InstanceProfile', 'AWS::IAM::Role'],
    terraform: ['aws_instance', 'aws_iam_instance_profile', 'aws_iam_role'],
  },
  'srl-security-group': { cloudformation: ['AWS::EC2::SecurityGroup'], terraform: ['aws_security_group'] },
  'srl-rds-instance': { cloudformation: ['AWS::RDS::DBInstance'], terraform: ['aws_db_instance'] },
  'srl-dynamodb-table': {
    cloudformation: ['AWS::DynamoDB::Table', 'AWS::KMS::Key'],
    terraform: ['aws_dynamodb_table', 'aws_kms_key'],
  },
  'srl-sqs-queue': {
    cloudformation: ['AWS::SQS::Queue', 'AWS::SQS::QueuePolicy'],
    terraform: ['aws_sqs_queue', 'aws_sqs_queue_policy'],
  },
  'srl-sns-topic': {
    cloudformation: ['AWS::SNS::Topic', 'AWS::SNS::TopicPolicy'],
    terraform: ['aws_sns_topic', 'aws_sns_topic_policy'],
  },
  'srl-iam-role': { cloudformation: ['AWS::IAM::Role'], terraform: ['aws_iam_role', 'aws_iam_role_policy'] },
  'srl-vpc': { cloudformation: ['AWS::EC2::VPC', 'AWS::EC2::FlowLog'], terraform: ['aws_vpc', 'aws_flow_log'] },
  'srl-kms-key': { cloudformation: ['AWS::KMS::Key', 'AWS::KMS::Alias'], terraform: ['aws_kms_key', 'aws_kms_alias'] },
};

const LANGUAGES = ['yaml', 'json', 'terraform'] as const;

describe('snippets', function () {
  this.timeout(60_000);

  describe('the snippet grammar', () => {
    it('fills placeholders, choices and mirrors with their defaults and drops bare tabstops', () => {
      assert.equal(expandSnippet('${1:Bucket}:\n  Ref: $1 ${2|a,b|} $2 ${3} $0'), 'Bucket:\n  Ref: Bucket a a  ');
      assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
      assert.equal(
        expandSnippet('${TM_FILENAME_BASE} $TM_FILENAME_BASE ${TM_FILENAME_BASE:other}'),
        'template template template',
      );
      assert.equal(
        expandSnippet('${1:Name} ${1/(.*)/${1:/upcase}/g}|${TM_FILENAME_BASE/[a-z]/x/}|'),
        'Name Name|template|',
      );
    });

    it('reads escapes', () => {
      assert.equal(expandSnippet("!Sub '\\${${1:Bucket}.Arn}/*'"), "!Sub '${Bucket.Arn}/*'");
      assert.equal(expandSnippet('${1:a\\}b} \\\\ ${2|x\\,y,z|}'), 'a}b \\ x,y');
    });

    it('refuses an unescaped $ that starts nothing, and unterminated placeholders', () => {
      assert.throws(() => expandSnippet('arn:${AWS::Partition}:s3'), /escape/);
      assert.throws(() => expandSnippet('"${aws_s3_bucket.b.arn}/*"'), /after/);
      assert.throws(() => expandSnippet('${1:open'), /unterminated/);
      assert.throws(() => expandSnippet('cost: $ 5'), /escaped/);
      assert.throws(() => expandSnippet('echo $HOME'), /not a VS Code snippet variable/);
    });
  });

  describe('package.json', () => {
    it('contributes one snippet file for each of yaml, json and terraform, and declares the terraform language', () => {
      assert.deepEqual(contributed.map((c) => c.language).sort(), [...LANGUAGES].sort());
      assert.ok(pkg.contributes.languages.some((l: { id: string }) => l.id === 'terraform'));
      for (const entry of contributed) {
        assert.match(entry.path, /^\.\/snippets\/[a-z-]+\.json$/, entry.path);
        assert.ok(existsSync(entry.path), entry.path);
      }
    });

    it('ships valid JSON files where every snippet has a unique srl- prefix, a description and a body', () => {
      for (const file of contributed) {
        const snippets = JSON.parse(readFileSync(file.path, 'utf8')) as Record<string, Snippet>;
        const seen = new Set<string>();
        for (const [name, snippet] of Object.entries(snippets)) {
          for (const prefix of prefixes(snippet)) {
            assert.match(prefix, /^srl-[a-z0-9-]+$/, `${file.path}: ${name}`);
            assert.ok(!seen.has(prefix), `${file.path}: prefix ${prefix} used twice`);
            seen.add(prefix);
          }
          assert.ok(
            snippet.description && snippet.description.length > 20,
            `${file.path}: ${name} needs a description`,
          );
          assert.ok(
            typeof snippet.body === 'string' ||
              (Array.isArray(snippet.body) && snippet.body.every((l) => typeof l === 'string')),
            name,
          );
          assert.doesNotMatch(lines(snippet.body), /\t/, `${name}: indent with spaces (YAML forbids tabs)`);
        }
      }
    });

    it('offers the same resources in every language', () => {
      for (const file of files) {
        assert.deepEqual(
          Object.values(file.snippets).flatMap(prefixes).sort(),
          Object.keys(COVERAGE).sort(),
          file.path,
        );
      }
    });
  });

  for (const language of LANGUAGES) {
    describe(`${language} snippets`, () => {
      const file = files.find((f) => f.language === language);
      const analyzer = new Analyzer({ config: DEFAULT_CONFIG });

      for (const [name, snippet] of Object.entries(file?.snippets ?? {})) {
        it(`${name} (${prefixes(snippet).join(', ')}) is valid and draws no finding`, async () => {
          const source = wrap(language, name, expandSnippet(lines(snippet.body)));
          if (language === 'json') assert.doesNotThrow(() => JSON.parse(source.text), source.text);
          const { units, findings } = await analyzer.analyze([source]);
          assert.deepEqual(
            findings.map((f) => `${f.ruleId} ${f.resource ?? ''} line ${f.range.start.line + 1}: ${f.message}`),
            [],
            `\n${source.text}`,
          );
          const types = new Set(units.flatMap((u) => u.resources.map((r) => r.type)));
          const wanted =
            COVERAGE[prefixes(snippet)[0]]?.[language === 'terraform' ? 'terraform' : 'cloudformation'] ?? [];
          assert.ok(wanted.length > 0, `no coverage entry for ${prefixes(snippet)[0]}`);
          assert.deepEqual(
            wanted.filter((type) => !types.has(type)),
            [],
            `${name} should create these`,
          );
        });
      }
    });
  }

  it('would notice an insecure snippet: the same expansion and wrapping report a setting turned off', async () => {
    const turnedOff: Record<string, [RegExp, string]> = {
      yaml: [/StorageEncrypted: true/, 'StorageEncrypted: false'],
      json: [/"StorageEncrypted": true/, '"StorageEncrypted": false'],
      terraform: [/storage_encrypted(\s*)= true/, 'storage_encrypted$1= false'],
    };
    for (const file of files) {
      const [name, snippet] =
        Object.entries(file.snippets).find(([, s]) => prefixes(s).includes('srl-rds-instance')) ?? [];
      assert.ok(name && snippet, file.path);
      const [pattern, replacement] = turnedOff[file.language];
      const text = expandSnippet(lines(snippet.body));
      assert.match(text, pattern);
      const { findings } = await new Analyzer().analyze([
        wrap(file.language, `control ${name}`, text.replace(pattern, replacement)),
      ]);
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        ['rds-storage-encryption'],
        file.path,
      );
    }
  });

  it('keeps its files under snippets/, which the VSIX ships', () => {
    assert.match(readFileSync('.vscodeignore', 'utf8'), /^!snippets\/\*\*$/m);
    for (const entry of contributed) assert.equal(path.dirname(path.normalize(entry.path)), 'snippets');
  });
});
