/** The responsibility matrix model, its webview shell (CSP, no inline handlers) and rule pages. */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { buildMatrix, matrixConcerns } from '../../../src/engine/matrix';
import { contentSecurityPolicy, createNonce, matrixHtml } from '../../../src/engine/matrix-html';
import { allRules, isKnownRule, rulePageMarkdown } from '../../../src/engine/rule-page';
import { CONCERNS } from '../../../src/knowledge/concerns';
import { findingConcerns } from '../../../src/knowledge/property-concerns';
import { RULES } from '../../../src/rules';

const TEMPLATE = [
  'Resources:',
  '  Server:',
  '    Type: AWS::EC2::Instance',
  '    Properties:',
  '      ImageId: ami-12345678',
  '  Db:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      Engine: postgres',
  '      StorageEncrypted: false',
  '  Bucket:',
  '    Type: AWS::S3::Bucket',
  '  Thing:',
  '    Type: AWS::Made::Up',
  '',
].join('\n');

function analyse(path = '/w/t.yaml', text = TEMPLATE) {
  return new Analyzer().analyzeCloudFormation(path, text);
}

function row(matrix: ReturnType<typeof buildMatrix>, id: string) {
  const found = matrix.rows.find((r) => r.id === id);
  assert.ok(found, `no row ${id}`);
  return found;
}

function cell(matrix: ReturnType<typeof buildMatrix>, id: string, concern: string) {
  const found = row(matrix, id).cells.find((c) => c.concern === concern);
  assert.ok(found, `no ${concern} cell for ${id}`);
  return found;
}

describe('responsibility matrix model', () => {
  it('has the 17 concerns as columns, in order, with short headers and full titles', () => {
    const concerns = matrixConcerns();
    assert.equal(concerns.length, 17);
    assert.deepEqual(
      concerns.map((c) => c.id),
      CONCERNS.map((c) => c.id),
    );
    for (const c of concerns) {
      assert.ok(c.short.length > 0 && c.short.length <= 14, c.short);
      assert.ok(c.title.length >= c.short.length);
    }
  });

  it('lists every resource once, with its file, type, service and tier', () => {
    const analysis = analyse();
    const matrix = buildMatrix([analysis, analysis]);
    assert.deepEqual(
      matrix.rows.map((r) => r.id),
      ['Server', 'Db', 'Bucket', 'Thing'],
    );
    const db = row(matrix, 'Db');
    assert.equal(db.file, '/w/t.yaml');
    assert.equal(db.type, 'AWS::RDS::DBInstance');
    assert.equal(db.tier, 'container');
    assert.match(db.service, /RDS/);
    assert.equal(db.cells.length, 17);
    assert.equal(db.idRange.start.line, 5);
  });

  it('gives the owner of each concern per tier', () => {
    const matrix = buildMatrix([analyse()]);
    assert.equal(row(matrix, 'Server').tier, 'infrastructure');
    assert.equal(cell(matrix, 'Server', 'operating-system').owner, 'customer');
    assert.equal(cell(matrix, 'Db', 'operating-system').owner, 'aws');
    assert.equal(row(matrix, 'Bucket').tier, 'abstracted');
    assert.equal(cell(matrix, 'Bucket', 'identity-access').owner, 'customer');
    for (const id of ['Server', 'Db', 'Bucket']) assert.equal(cell(matrix, id, 'facilities').owner, 'aws');
  });

  it('marks concerns a resource does not have as not applicable', () => {
    const matrix = buildMatrix([analyse('/w/sg.yaml', 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n')]);
    assert.equal(cell(matrix, 'Sg', 'operating-system').applicable, false);
    assert.equal(cell(matrix, 'Sg', 'network-access').applicable, true);
    assert.equal(cell(matrix, 'Sg', 'network-access').owner, 'customer');
    assert.equal(cell(buildMatrix([analyse()]), 'Server', 'operating-system').applicable, true);
  });

  it('maps open findings to their concern, and counts them per row', () => {
    const analysis = analyse();
    const matrix = buildMatrix([analysis]);
    const atRest = cell(matrix, 'Db', 'data-at-rest');
    assert.ok(
      atRest.findings.some((f) => f.ruleId === 'rds-storage-encryption'),
      JSON.stringify(atRest.findings),
    );
    const db = row(matrix, 'Db');
    // a finding may speak to two concerns (a single-AZ database: backup and placement): counted once
    const distinct = (cells: typeof db.cells) =>
      new Set(cells.flatMap((c) => c.findings.map((f) => `${f.ruleId}@${JSON.stringify(f.range)}`))).size;
    assert.equal(db.openCount, distinct(db.cells));
    for (const r of matrix.rows)
      for (const c of r.cells)
        for (const f of c.findings) {
          const rule = RULES.find((x) => x.id === f.ruleId);
          if (rule)
            assert.ok(findingConcerns(rule.id, rule.concern).includes(c.concern), `${f.ruleId} on ${c.concern}`);
        }
    const attached = matrix.rows.reduce((n, r) => n + r.openCount, 0);
    assert.equal(attached + matrix.otherFindings, analysis.findings.length);
  });

  it('leaves out findings below the minimum severity', () => {
    const analysis = analyse();
    const all = buildMatrix([analysis]);
    const errors = buildMatrix([analysis], { minimumSeverity: 'error' });
    const count = (m: typeof all) => m.rows.reduce((n, r) => n + r.openCount, 0) + m.otherFindings;
    assert.equal(count(errors), analysis.findings.filter((f) => f.severity === 'error').length);
    assert.ok(count(errors) <= count(all));
    assert.ok(cell(errors, 'Db', 'data-at-rest').findings.length > 0);
  });

  it('handles unknown types: unclassified, AWS owns the physical layers, the rest is shared', () => {
    const matrix = buildMatrix([analyse()]);
    const thing = row(matrix, 'Thing');
    assert.equal(thing.tier, 'unclassified');
    assert.equal(thing.tierTitle, 'Unclassified');
    assert.equal(cell(matrix, 'Thing', 'facilities').owner, 'aws');
    assert.equal(cell(matrix, 'Thing', 'data-at-rest').owner, 'shared');
    assert.equal(thing.cells.length, 17);
  });

  it('counts findings tied to no resource separately', () => {
    const broken = analyse('/w/broken.yaml', 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: [\n');
    const matrix = buildMatrix([broken]);
    assert.ok(broken.findings.some((f) => f.ruleId === 'parse-error'));
    assert.equal(matrix.otherFindings, broken.findings.filter((f) => f.resource === '').length);
  });

  it('is empty for no analyses, and sorts rows by file then position', () => {
    assert.deepEqual(buildMatrix([]).rows, []);
    const matrix = buildMatrix([analyse('/w/b.yaml'), analyse('/w/a.yaml')]);
    assert.deepEqual(matrix.rows.map((r) => `${r.file}:${r.id}`).slice(0, 2), ['/w/a.yaml:Server', '/w/a.yaml:Db']);
  });

  it('reads Terraform modules', async () => {
    const analysis = await new Analyzer().analyze([
      { path: '/m/main.tf', text: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n' },
    ]);
    const matrix = buildMatrix([analysis]);
    assert.equal(row(matrix, 'aws_db_instance.db').tier, 'container');
    assert.ok(
      cell(matrix, 'aws_db_instance.db', 'data-at-rest').findings.some((f) => f.ruleId === 'rds-storage-encryption'),
    );
  });
});

describe('responsibility matrix webview shell', () => {
  const options = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: createNonce(),
    styleUri: 'https://x/media/matrix.css',
    scriptUri: 'https://x/media/matrix.js',
  };
  const html = matrixHtml(options);

  it('has a strict Content Security Policy with the nonce', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'no CSP meta tag');
    assert.equal(csp, contentSecurityPolicy(options.cspSource, options.nonce));
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`script-src 'nonce-${options.nonce}'`));
    assert.ok(csp.includes(`style-src ${options.cspSource};`));
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
  });

  it('loads only its own script with the nonce, and has no inline script, style or handler', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${options.nonce}" src="${options.scriptUri}">`]);
    assert.ok(/<script[^>]*><\/script>/.test(html), 'the script tag has no inline body');
    assert.ok(!/<style\b/i.test(html), 'inline <style>');
    assert.ok(!/\sstyle=/i.test(html), 'inline style attribute');
    assert.ok(!/\son[a-z]+\s*=/i.test(html), 'inline event handler');
    assert.ok(!/javascript:/i.test(html));
    assert.ok(html.includes(`<link rel="stylesheet" href="${options.styleUri}">`));
  });

  it('labels every filter control and uses a real table', () => {
    for (const id of ['filter-text', 'filter-tier', 'filter-owner', 'filter-open']) {
      assert.ok(html.includes(`<label for="${id}">`), `no label for ${id}`);
      assert.ok(html.includes(`id="${id}"`));
    }
    assert.match(html, /<table id="matrix"/);
    assert.match(html, /<thead>/);
  });

  it('makes a random nonce of at least 16 characters, and refuses a weak one', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9]{32}$/);
    assert.throws(() => matrixHtml({ ...options, nonce: 'short' }));
    assert.throws(() => matrixHtml({ ...options, nonce: `"><script>${'a'.repeat(20)}` }));
  });

  it('escapes the URIs it is given', () => {
    const odd = matrixHtml({ ...options, scriptUri: 'https://x/"><b>.js' });
    assert.ok(!odd.includes('"><b>'));
  });
});

describe('rule documentation pages', () => {
  it('lists every rule with its title', () => {
    const rules = allRules();
    for (const rule of RULES)
      assert.ok(
        rules.some((r) => r.id === rule.id && r.title === rule.title),
        rule.id,
      );
    assert.ok(isKnownRule('parse-error'));
    assert.ok(!isKnownRule('no-such-rule'));
  });

  it('renders title, concern, severity, rationale, remediation and the online link', () => {
    const rule = RULES.find((r) => r.id === 'rds-storage-encryption');
    assert.ok(rule);
    const page = rulePageMarkdown(rule.id);
    assert.ok(page);
    assert.ok(page.startsWith(`# ${rule.title}\n`));
    for (const text of [
      rule.rationale,
      rule.remediation,
      '`data-at-rest` (Data at rest)',
      '| Default severity | error |',
      '/docs/rules/rds-storage-encryption.md)',
    ]) {
      assert.ok(page.includes(text), text);
    }
    assert.equal(rulePageMarkdown('no-such-rule'), undefined);
    assert.match(rulePageMarkdown('parse-error') ?? '', /^# The file does not parse/);
  });
});
