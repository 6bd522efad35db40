import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { createRuleContext } from '../../../src/engine/context';
import type { CloudFormationTemplate } from '../../../src/iac/model';
import { secretParametersWithoutNoEcho } from '../../../src/rules/cloudformation-parameter-secret-without-noecho';
import {
  isHardCodedSecretValue,
  isSecretParameterName,
  isSecretPropertyName,
  maskSecret,
} from '../../../src/rules/support/secrets';
import { rule as taggingRequiredTags } from '../../../src/rules/tagging-required-tags';
import { renderMessage } from '../../../src/rules/toolkit/messages';
import { withRequiredTags, type TagCase } from '../../rules/tagging-required-tags.cases';
import { sourcesOf } from '../../rules/tester';

/** Runs the tagging rule's check directly, with `requiredTags` set, on every resource of the case. */
async function tagReports(
  c: TagCase,
): Promise<{ line: number; column: number; file: string; messageId: string; message: string }[]> {
  const files = sourcesOf(c);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const { units, findings } = await new Analyzer({ rules: [] }).analyze(files);
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message),
    [],
    'the case itself must parse',
  );
  const reports = [];
  for (const unit of units) {
    const context = createRuleContext(unit, { requiredTags: c.requiredTags }, (file) => texts.get(file));
    for (const resource of unit.resources) {
      for (const report of taggingRequiredTags.check(resource, context)) {
        reports.push({
          line: report.range.start.line + 1,
          column: report.range.start.character + 1,
          file: resource.file.slice(resource.file.lastIndexOf('/') + 1),
          messageId: report.messageId,
          message: renderMessage(taggingRequiredTags.messages, report),
        });
      }
    }
  }
  return reports.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

describe('tagging-required-tags with requiredTags set', () => {
  withRequiredTags.valid.forEach((c, i) => {
    it(`valid ${c.syntax} #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
      assert.deepEqual(
        (await tagReports(c)).map((r) => `${r.line}:${r.column} ${r.message}`),
        [],
      );
    });
  });
  withRequiredTags.invalid.forEach((c, i) => {
    it(`invalid ${c.syntax} #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
      const reports = await tagReports(c);
      const defaultFile = sourcesOf(c)[0].path.split('/').pop();
      assert.deepEqual(
        reports.map(({ line, column, file }) => ({ line, column, file })),
        c.findings.map((e) => ({ line: e.line, column: e.column, file: e.file ?? defaultFile })),
        reports.map((r) => r.message).join('\n'),
      );
      c.findings.forEach((e, j) => {
        if (e.messageId !== undefined) assert.equal(reports[j].messageId, e.messageId);
        if (typeof e.message === 'string') assert.equal(reports[j].message, e.message);
        else if (e.message) assert.match(reports[j].message, e.message);
      });
    });
  });
});

describe('cloudformation-parameter-secret-without-noecho as a pure check', () => {
  async function template(text: string): Promise<CloudFormationTemplate> {
    const { units } = await new Analyzer({ rules: [] }).analyze([{ path: '/virtual/template.yaml', text }]);
    return units[0] as CloudFormationTemplate;
  }

  it('reports secret-looking String parameters without NoEcho, at the parameter name', async () => {
    const reports = secretParametersWithoutNoEcho(
      await template(
        'Parameters:\n  DbPassword:\n    Type: String\n  DbUser:\n    Type: String\n  Token:\n    Type: String\n    NoEcho: "true"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n',
      ),
    );
    assert.deepEqual(
      reports.map((r) => [r.subject, r.range.start.line, r.range.start.character, r.file]),
      [['DbPassword', 1, 2, '/virtual/template.yaml']],
    );
  });

  it('says nothing about a template without parameters', async () => {
    assert.deepEqual(
      secretParametersWithoutNoEcho(await template('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n')),
      [],
    );
  });
});

describe('secret names and values', () => {
  it('recognises property names that hold secrets, and not their metadata', () => {
    const secret = [
      'MasterUserPassword',
      'master_password',
      'AuthToken',
      'client_secret',
      'SecretString',
      'PrivateKey',
      'private_key_pem',
      'OAuthToken',
      'DB_PASSWORD',
      'passwords',
      'api_key',
      'SecretAccessKey',
    ];
    const not = [
      'SecretArn',
      'secret_name',
      'PasswordResetRequired',
      'TokenValidityUnits',
      'ApiKeyRequired',
      'ClientRequestToken',
      'GenerateSecret',
      'PublicKeyMaterial',
      'KeyName',
      'get_password_data',
      'MasterUsername',
    ];
    assert.deepEqual(
      secret.filter((name) => !isSecretPropertyName(name)),
      [],
    );
    assert.deepEqual(not.filter(isSecretPropertyName), []);
  });

  it('recognises parameter names that carry secrets', () => {
    const secret = [
      'DBPassword',
      'GitHubOAuthToken',
      'ApiKey',
      'SlackWebhookSecret',
      'AdminPwd',
      'SshPrivateKey',
      'pDeepSecurityAdminPass',
    ];
    const not = [
      'DBPasswordSecretArn',
      'GitHubTokenParameterName',
      'PasswordLength',
      'CreateSecret',
      'EnableTokenAuth',
      'SecretRotationDays',
      'KeyName',
      'SecretsKMSKey',
      'BypassMode',
      'Compass',
    ];
    assert.deepEqual(
      secret.filter((name) => !isSecretParameterName(name)),
      [],
    );
    assert.deepEqual(not.filter(isSecretParameterName), []);
  });

  it('treats placeholders, references and paths as not hard-coded', () => {
    const placeholders = [
      '',
      '<password>',
      'CHANGEME',
      'change-me',
      'xxxx',
      '****',
      'your-token-here',
      'REPLACE_WITH_TOKEN',
      '${Token}',
      '{{resolve:secretsmanager:s:SecretString:p}}',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:x',
      '/prod/db/password',
      'true',
    ];
    assert.deepEqual(placeholders.filter(isHardCodedSecretValue), []);
    assert.ok(isHardCodedSecretValue('hunter2hunter2'));
    assert.ok(isHardCodedSecretValue('password'));
    assert.ok(isHardCodedSecretValue('Enterprise2024!'));
    assert.ok(!isHardCodedSecretValue('YourPasswordHere'));
    assert.ok(!isHardCodedSecretValue('PUT_TOKEN_HERE'));
  });

  it('masks all but the first two characters, and all of a short secret', () => {
    assert.equal(maskSecret('Sup3rS3cretPass'), 'Su…');
    assert.equal(maskSecret('short'), '…');
  });
});
