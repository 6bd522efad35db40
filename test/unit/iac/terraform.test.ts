/**
 * Terraform → neutral model: lazy grammar loading, exact ranges (non-ASCII, CRLF, BOM), values,
 * modules spanning files, error recovery, the parse cache with incremental re-parsing, and the
 * real-world corpus.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MapValue, ParseDiagnostic, Range, Resource, TerraformModule, Value } from '../../../src/iac/model';
import { getPath, getProperties, getProperty } from '../../../src/iac/model';
import {
  clearTerraformCache,
  forgetTerraformFile,
  isTerraformLanguageLoaded,
  loadTerraformLanguage,
  parseTerraformFile,
  parseTerraformModule,
  terraformParseStats,
  unescapeQuoted,
} from '../../../src/iac/terraform';
import { locateWasm, setWasmDirectory } from '../../../src/iac/wasm';
import { CORPUS, inQuickSample, needsShared } from '../../corpus';

// ---------------------------------------------------------------------------------------------
// Helpers

function parseModule(
  files: Record<string, string>,
  dir = 'mod',
): { module: TerraformModule; diagnostics: ParseDiagnostic[] } {
  const result = parseTerraformModule(
    dir,
    Object.entries(files).map(([name, text]) => ({ path: `${dir}/${name}`, text })),
  );
  assert.equal(result.units.length, 1);
  return { module: result.units[0] as TerraformModule, diagnostics: result.diagnostics };
}

let fileCounter = 0;
/** One file as a module, under a fresh path so the cache never answers. */
function parseOne(text: string): { module: TerraformModule; diagnostics: ParseDiagnostic[] } {
  return parseModule({ [`file${++fileCounter}.tf`]: text });
}

function resource(module: TerraformModule, id: string): Resource {
  const found = [...module.resources, ...module.dataSources].find((r) => r.id === id);
  assert.ok(found, `resource ${id} not found among ${module.resources.map((r) => r.id).join(', ')}`);
  return found;
}

/** The text a range covers, computed independently of the parser (lines split at `\n`). */
function textAt(text: string, range: Range): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return text.slice(
    lineStarts[range.start.line] + range.start.character,
    lineStarts[range.end.line] + range.end.character,
  );
}

/** The range of the n-th occurrence of `needle`, computed independently of the parser. */
function rangeOf(text: string, needle: string, occurrence = 1): Range {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `'${needle}' occurrence ${occurrence} not found`);
  }
  const at = (o: number) => {
    const before = text.slice(0, o);
    return { line: before.split('\n').length - 1, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: at(offset), end: at(offset + needle.length) };
}

function valueOf(map: MapValue, ...keys: string[]): Value {
  const property = getPath(map, ...keys);
  assert.ok(property, `no property ${keys.join('.')}`);
  return property.value;
}

function literal(value: Value | undefined): unknown {
  assert.equal(value?.kind, 'literal', `expected a literal, got ${JSON.stringify(value)}`);
  return value.kind === 'literal' ? value.value : undefined;
}

// ---------------------------------------------------------------------------------------------

describe('Terraform parser', () => {
  describe('loading (runs first: the grammar must not be loaded before it is needed)', () => {
    it('loads the grammar lazily, once, and refuses to parse before that', async () => {
      assert.equal(isTerraformLanguageLoaded(), false);
      assert.throws(
        () => parseTerraformModule('m', [{ path: 'm/main.tf', text: '' }]),
        /not loaded.*loadTerraformLanguage/,
      );
      await Promise.all([loadTerraformLanguage(), loadTerraformLanguage(), loadTerraformLanguage()]);
      assert.equal(isTerraformLanguageLoaded(), true);
      await loadTerraformLanguage(); // idempotent
    });

    it('locates the wasm files, honouring an explicit directory', () => {
      const runtime = locateWasm('tree-sitter.wasm');
      assert.ok(fs.existsSync(runtime));
      assert.ok(fs.existsSync(locateWasm('tree-sitter-terraform.wasm')));
      try {
        setWasmDirectory(path.dirname(runtime));
        assert.equal(locateWasm('tree-sitter.wasm'), path.join(path.dirname(runtime), 'tree-sitter.wasm'));
        setWasmDirectory('/nonexistent/directory');
        assert.ok(fs.existsSync(locateWasm('tree-sitter.wasm')), 'falls back when the directory lacks the file');
      } finally {
        setWasmDirectory(undefined);
      }
    });
  });

  describe('ranges', () => {
    const text = [
      'resource "aws_s3_bucket" "logs" {',
      '  bucket = "my-logs"',
      '  tags = { Name = "journal-é日本😀", "cost-center" = 42 }',
      '  versioning {',
      '    enabled = true',
      '  }',
      '}',
      '',
    ].join('\n');

    it('covers the block, labels, type token, keys and values exactly', () => {
      const { module } = parseOne(text);
      const bucket = resource(module, 'aws_s3_bucket.logs');
      assert.equal(bucket.type, 'aws_s3_bucket');
      assert.equal(bucket.syntax, 'terraform');
      assert.deepEqual(bucket.range, { start: { line: 0, character: 0 }, end: { line: 6, character: 1 } });
      assert.equal(textAt(text, bucket.idRange), '"aws_s3_bucket" "logs"');
      assert.equal(textAt(text, bucket.typeRange), '"aws_s3_bucket"');
      assert.equal(textAt(text, bucket.properties.range), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
      assert.equal(bucket.properties.block, true);

      const name = getProperty(bucket.properties, 'bucket')!;
      assert.deepEqual(name.keyRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } });
      assert.deepEqual(name.value.range, rangeOf(text, '"my-logs"'));
      assert.equal(textAt(text, name.range), 'bucket = "my-logs"');
    });

    it('counts UTF-16 code units after non-ASCII characters on the same line', () => {
      const { module } = parseOne(text);
      const tags = valueOf(resource(module, 'aws_s3_bucket.logs').properties, 'tags') as MapValue;
      assert.equal(tags.block, false);
      const [nameTag, costTag] = tags.properties;
      assert.equal(literal(nameTag.value), 'journal-é日本😀');
      assert.equal(textAt(text, nameTag.value.range), '"journal-é日本😀"');
      assert.equal(costTag.key, 'cost-center');
      assert.deepEqual(costTag.keyRange, rangeOf(text, '"cost-center"'));
      assert.deepEqual(costTag.value.range, rangeOf(text, '42'));
      assert.equal(textAt(text, costTag.range), '"cost-center" = 42');
    });

    it('keeps columns exact in CRLF files', () => {
      const crlf = text.replace(/\n/g, '\r\n');
      const { module, diagnostics } = parseOne(crlf);
      assert.deepEqual(diagnostics, []);
      const bucket = resource(module, 'aws_s3_bucket.logs');
      assert.equal(textAt(crlf, getProperty(bucket.properties, 'bucket')!.value.range), '"my-logs"');
      const enabled = getPath(bucket.properties, 'versioning', 'enabled')!;
      assert.deepEqual(enabled.keyRange, { start: { line: 4, character: 4 }, end: { line: 4, character: 11 } });
      assert.equal(textAt(crlf, enabled.value.range), 'true');
      assert.deepEqual(bucket.range.end, { line: 6, character: 1 });
    });

    it('counts a leading byte order mark as a character of the string it was given', () => {
      const withBom = '\uFEFF' + text;
      const { module, diagnostics } = parseOne(withBom);
      assert.deepEqual(diagnostics, []);
      const bucket = resource(module, 'aws_s3_bucket.logs');
      assert.deepEqual(bucket.typeRange, { start: { line: 0, character: 10 }, end: { line: 0, character: 25 } });
      assert.equal(textAt(withBom, bucket.idRange), '"aws_s3_bucket" "logs"');
      assert.equal(textAt(withBom, getProperty(bucket.properties, 'bucket')!.value.range), '"my-logs"');
    });

    it('reads Unicode identifiers and keeps comments out of values', () => {
      const source = 'locals {\n  名前 = "x" # trailing\n  a_é = /* inline */ 2\n  plain = 3 // end\n}\n';
      const { module } = parseOne(source);
      assert.deepEqual(
        module.locals.map((p) => [p.key, literal(p.value), textAt(source, p.keyRange), textAt(source, p.value.range)]),
        [
          ['名前', 'x', '名前', '"x"'],
          ['a_é', 2, 'a_é', '2'],
          ['plain', 3, 'plain', '3'],
        ],
      );
    });
  });

  describe('modules', () => {
    const main = [
      'terraform {',
      '  required_providers {',
      '    aws = { source = "hashicorp/aws", version = ">= 5.0" }',
      '  }',
      '}',
      '',
      'provider "aws" {',
      '  region = var.region',
      '}',
      '',
      'provider "aws" {',
      '  alias  = "replica"',
      '  region = "eu-west-1"',
      '}',
      '',
      'variable "region" {',
      '  type    = string',
      '  default = "eu-central-1"',
      '}',
      '',
      'variable "db_password" {',
      '  type      = string',
      '  sensitive = true',
      '}',
      '',
      'locals {',
      '  name = "logs"',
      '}',
      '',
      'resource "aws_s3_bucket" "logs" {',
      '  bucket = local.name',
      '}',
      '',
    ].join('\n');
    const storage = [
      'locals {',
      '  retention_days = 30',
      '}',
      '',
      'resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {',
      '  bucket = aws_s3_bucket.logs.id',
      '  rule {',
      '    apply_server_side_encryption_by_default {',
      '      sse_algorithm     = "aws:kms"',
      '      kms_master_key_id = data.aws_kms_key.logs.arn',
      '    }',
      '  }',
      '}',
      '',
      'data "aws_kms_key" "logs" {',
      '  key_id = "alias/logs"',
      '}',
      '',
      'module "vpc" {',
      '  source = "terraform-aws-modules/vpc/aws"',
      '  cidr   = "10.0.0.0/16"',
      '}',
      '',
      'output "bucket_arn" {',
      '  value = aws_s3_bucket.logs.arn',
      '}',
      '',
    ].join('\n');

    it('combines the files of one directory into one module', () => {
      const { module, diagnostics } = parseModule({ 'storage.tf': storage, 'main.tf': main });
      assert.deepEqual(diagnostics, []);
      assert.equal(module.kind, 'terraform');
      assert.equal(module.dir, 'mod');
      assert.deepEqual(module.files, ['mod/main.tf', 'mod/storage.tf']);
      assert.deepEqual(
        module.resources.map((r) => [r.id, r.file]),
        [
          ['aws_s3_bucket.logs', 'mod/main.tf'],
          ['aws_s3_bucket_server_side_encryption_configuration.logs', 'mod/storage.tf'],
        ],
      );
      const encryption = resource(module, 'aws_s3_bucket_server_side_encryption_configuration.logs');
      const bucketRef = valueOf(encryption.properties, 'bucket');
      assert.deepEqual(bucketRef, {
        kind: 'reference',
        target: 'aws_s3_bucket.logs',
        attribute: 'id',
        text: 'aws_s3_bucket.logs.id',
        range: rangeOf(storage, 'aws_s3_bucket.logs.id'),
      });
      assert.equal(
        literal(valueOf(encryption.properties, 'rule', 'apply_server_side_encryption_by_default', 'sse_algorithm')),
        'aws:kms',
      );
      const keyRef = valueOf(
        encryption.properties,
        'rule',
        'apply_server_side_encryption_by_default',
        'kms_master_key_id',
      );
      assert.deepEqual(
        [keyRef.kind, keyRef.kind === 'reference' && keyRef.target, keyRef.kind === 'reference' && keyRef.attribute],
        ['reference', 'data.aws_kms_key.logs', 'arn'],
      );
      const bucket = resource(module, 'aws_s3_bucket.logs');
      assert.equal(typeof bucket.service, 'string');
      assert.equal(typeof bucket.tier, 'string');
    });

    it('reads providers, variables, locals, data sources, module calls and outputs', () => {
      const { module } = parseModule({ 'main.tf': main, 'storage.tf': storage });
      assert.deepEqual(
        module.providers.map((p) => ({
          name: p.name,
          alias: p.alias,
          region: p.region?.kind === 'literal' ? p.region.value : p.region?.kind,
        })),
        [
          { name: 'aws', alias: undefined, region: 'reference' },
          { name: 'aws', alias: 'replica', region: 'eu-west-1' },
        ],
      );
      assert.equal(textAt(main, module.providers[1].labelRange), '"aws"');
      const region = module.providers[0].region;
      assert.equal(region?.kind === 'reference' && region.target, 'var.region');

      assert.deepEqual(
        module.variables.map((v) => ({
          name: v.name,
          sensitive: v.sensitive,
          default: v.default && literal(v.default),
        })),
        [
          { name: 'region', sensitive: false, default: 'eu-central-1' },
          { name: 'db_password', sensitive: true, default: undefined },
        ],
      );
      assert.equal(textAt(main, module.variables[0].labelRange), '"region"');

      assert.deepEqual(
        module.locals.map((p) => [p.key, literal(p.value)]),
        [
          ['name', 'logs'],
          ['retention_days', 30],
        ],
      );
      assert.deepEqual(
        module.dataSources.map((d) => [d.id, d.type]),
        [['data.aws_kms_key.logs', 'aws_kms_key']],
      );
      assert.deepEqual(
        module.moduleCalls.map((m) => [m.name, m.source, literal(getProperty(m.properties, 'cidr')?.value)]),
        [['vpc', 'terraform-aws-modules/vpc/aws', '10.0.0.0/16']],
      );
      assert.equal(module.outputs.length, 1);
      assert.equal(module.outputs[0].name, 'bucket_arn');
      assert.equal(
        module.outputs[0].value?.kind === 'reference' && module.outputs[0].value.target,
        'aws_s3_bucket.logs',
      );
    });

    it('reports an address declared twice in the module', () => {
      const { module, diagnostics } = parseModule({
        'a.tf': 'resource "aws_sqs_queue" "q" {}\n',
        'b.tf': '\nresource "aws_sqs_queue" "q" {}\n',
      });
      assert.equal(module.resources.length, 2);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].file, 'mod/b.tf');
      assert.match(diagnostics[0].message, /Duplicate resource "aws_sqs_queue.q".*a\.tf on line 1/);
      assert.deepEqual(diagnostics[0].range, { start: { line: 1, character: 9 }, end: { line: 1, character: 28 } });
    });

    it('returns no unit for a directory without files', () => {
      assert.deepEqual(parseTerraformModule('empty', []), { units: [], diagnostics: [] });
    });
  });

  describe('values', () => {
    const text = [
      'resource "aws_security_group" "web" {',
      '  count       = var.create ? 1 : 0',
      '  name        = "web-${var.env}"',
      '  description = "quote \\" and newline \\n and $${literal}"',
      '  vpc_id      = "${aws_vpc.main.id}"',
      '  port        = -1',
      '  ratio       = 1.5e3',
      '  nothing     = null',
      '  list        = [1, "two", false]',
      '  from_var    = var.settings',
      '  from_local  = local.tags.Name',
      '  from_module = module.network.vpc_id',
      '  instance    = aws_instance.web[0].private_ip',
      '  each_value  = each.value',
      '  count_index = count.index',
      '  self_ref    = self.id',
      '  module_path = path.module',
      '  policy      = jsonencode({ Version = "2012-10-17" })',
      '  names       = [for s in var.subnets : s.name]',
      '  ids         = aws_subnet.private[*].id',
      '  first       = var.subnets[0]',
      '  sum         = var.a + 1',
      '  paren       = ("wrapped")',
      '  ingress {',
      '    from_port = 443',
      '  }',
      '  ingress {',
      '    from_port = 80',
      '  }',
      '  dynamic "egress" {',
      '    for_each = var.egress_rules',
      '    content {',
      '      cidr_blocks = egress.value.cidrs',
      '    }',
      '  }',
      '}',
      '',
      'resource "aws_iam_user" "each" {',
      '  for_each = toset(var.users)',
      '  name     = each.key',
      '}',
      '',
    ].join('\n');

    let web: Resource;
    before(() => {
      const { module, diagnostics } = parseOne(text);
      assert.deepEqual(diagnostics, []);
      web = resource(module, 'aws_security_group.web');
    });

    function unresolvable(key: string): [string, string] {
      const value = valueOf(web.properties, key);
      assert.equal(value.kind, 'unresolvable', `${key}: ${JSON.stringify(value)}`);
      return value.kind === 'unresolvable' ? [value.construct, value.text] : ['', ''];
    }

    function reference(key: string): [string, string | undefined, string] {
      const value = valueOf(web.properties, key);
      assert.equal(value.kind, 'reference', `${key}: ${JSON.stringify(value)}`);
      return value.kind === 'reference' ? [value.target, value.attribute, value.text] : ['', undefined, ''];
    }

    it('reads literals, with escapes and negative numbers', () => {
      assert.equal(literal(valueOf(web.properties, 'description')), 'quote " and newline \n and ${literal}');
      assert.equal(literal(valueOf(web.properties, 'port')), -1);
      assert.equal(textAt(text, valueOf(web.properties, 'port').range), '-1');
      assert.equal(literal(valueOf(web.properties, 'ratio')), 1500);
      assert.equal(literal(valueOf(web.properties, 'nothing')), null);
      const list = valueOf(web.properties, 'list');
      assert.equal(list.kind, 'list');
      assert.deepEqual(list.kind === 'list' && list.items.map(literal), [1, 'two', false]);
      assert.equal(list.kind === 'list' && textAt(text, list.items[1].range), '"two"');
      const paren = valueOf(web.properties, 'paren');
      assert.equal(literal(paren), 'wrapped');
      assert.equal(textAt(text, paren.range), '("wrapped")');
    });

    it('reads references to variables, locals, modules, resources and data sources', () => {
      assert.deepEqual(reference('from_var'), ['var.settings', undefined, 'var.settings']);
      assert.deepEqual(reference('from_local'), ['local.tags', 'Name', 'local.tags.Name']);
      assert.deepEqual(reference('from_module'), ['module.network', 'vpc_id', 'module.network.vpc_id']);
      assert.deepEqual(reference('vpc_id'), ['aws_vpc.main', 'id', '"${aws_vpc.main.id}"']);
      assert.equal(textAt(text, valueOf(web.properties, 'vpc_id').range), '"${aws_vpc.main.id}"');
      // An instance key still refers to the resource (count/for_each instances).
      assert.deepEqual(reference('instance'), ['aws_instance.web', 'private_ip', 'aws_instance.web[0].private_ip']);
    });

    it('marks what cannot be known statically as unresolvable, with its construct and text', () => {
      assert.deepEqual(unresolvable('name'), ['template', '"web-${var.env}"']);
      assert.deepEqual(unresolvable('each_value'), ['each', 'each.value']);
      assert.deepEqual(unresolvable('count_index'), ['count', 'count.index']);
      assert.deepEqual(unresolvable('self_ref'), ['self', 'self.id']);
      assert.deepEqual(unresolvable('module_path'), ['path', 'path.module']);
      assert.deepEqual(unresolvable('policy'), ['function:jsonencode', 'jsonencode({ Version = "2012-10-17" })']);
      assert.deepEqual(unresolvable('names'), ['for', '[for s in var.subnets : s.name]']);
      assert.deepEqual(unresolvable('ids'), ['splat', 'aws_subnet.private[*].id']);
      assert.deepEqual(unresolvable('first'), ['index', 'var.subnets[0]']);
      assert.deepEqual(unresolvable('sum'), ['operation', 'var.a + 1']);
      assert.equal(textAt(text, valueOf(web.properties, 'policy').range), 'jsonencode({ Version = "2012-10-17" })');
    });

    it('keeps repeated nested blocks as properties with the same key', () => {
      const ingress = getProperties(web.properties, 'ingress');
      assert.equal(ingress.length, 2);
      assert.deepEqual(
        ingress.map((p) => literal(valueOf(p.value as MapValue, 'from_port'))),
        [443, 80],
      );
      assert.equal(ingress[0].value.kind === 'map' && ingress[0].value.block, true);
      assert.equal(textAt(text, ingress[1].range), 'ingress {\n    from_port = 80\n  }');
      assert.equal(textAt(text, ingress[1].keyRange), 'ingress');
    });

    it('turns dynamic blocks into unresolvable properties keyed by their label', () => {
      const egress = getProperty(web.properties, 'egress')!;
      assert.equal(egress.value.kind, 'unresolvable');
      assert.equal(egress.value.kind === 'unresolvable' && egress.value.construct, 'dynamic');
      assert.equal(textAt(text, egress.keyRange), '"egress"');
      assert.ok(textAt(text, egress.range).startsWith('dynamic "egress" {'));
      // The body stays available, with the iterator unknown rather than a reference.
      const args = egress.value.kind === 'unresolvable' ? (egress.value.args as MapValue) : undefined;
      const cidrs = valueOf(args!, 'content', 'cidr_blocks');
      assert.equal(cidrs.kind === 'unresolvable' && cidrs.construct, 'iterator');
    });

    it('sets count and for_each from the meta-arguments', () => {
      assert.equal(web.count?.kind === 'unresolvable' && web.count.construct, 'conditional');
      assert.equal(web.forEach, undefined);
      const { module } = parseOne(text);
      const users = resource(module, 'aws_iam_user.each');
      assert.equal(users.forEach?.kind === 'unresolvable' && users.forEach.construct, 'function:toset');
      assert.equal(users.count, undefined);
    });

    it('reads heredocs: literal without interpolation, indentation removed for <<-', () => {
      const source = [
        'locals {',
        '  plain = <<EOT',
        '  {"Version": "2012-10-17"}',
        'EOT',
        '  flush = <<-EOT',
        '    line one',
        '      line two',
        '    EOT',
        '  templated = <<EOT',
        'hello ${var.name}',
        'EOT',
        '}',
        '',
      ].join('\r\n');
      const { module, diagnostics } = parseOne(source);
      assert.deepEqual(diagnostics, []);
      const [plain, flush, templated] = module.locals;
      assert.equal(literal(plain.value), '  {"Version": "2012-10-17"}\n');
      assert.equal(textAt(source, plain.value.range), '<<EOT\r\n  {"Version": "2012-10-17"}\r\nEOT');
      assert.equal(literal(flush.value), 'line one\n  line two\n');
      assert.equal(templated.value.kind === 'unresolvable' && templated.value.construct, 'template');
    });

    it('unescapes quoted strings as HCL does', () => {
      assert.equal(unescapeQuoted('a\\tb\\u00e9\\U0001F600 %%{x} $${y} \\\\'), 'a\tbé😀 %{x} ${y} \\');
    });
  });

  describe('errors', () => {
    it('recovers the blocks of a half-written file and reports precise diagnostics', () => {
      const text = [
        'resource "aws_s3_bucket" "first" {',
        '  bucket = "ok"',
        '}',
        '',
        'resource "aws_s3_bucket" "second" {',
        '  bucket = "unterminated',
        '  acl    = "private"',
        '',
      ].join('\n');
      const { module, diagnostics } = parseOne(text);
      assert.deepEqual(
        module.resources.map((r) => r.id),
        ['aws_s3_bucket.first', 'aws_s3_bucket.second'],
      );
      assert.equal(literal(valueOf(resource(module, 'aws_s3_bucket.first').properties, 'bucket')), 'ok');
      // A value swallowed by the broken string is never trusted.
      const broken = valueOf(resource(module, 'aws_s3_bucket.second').properties, 'bucket');
      assert.equal(broken.kind === 'unresolvable' && broken.construct, 'error');
      assert.ok(diagnostics.length >= 2, JSON.stringify(diagnostics));
      assert.ok(diagnostics.every((d) => d.severity === 'error' && d.file.endsWith('.tf')));
      const unterminated = diagnostics.find((d) => d.message.startsWith('Unterminated string'));
      assert.deepEqual(unterminated?.range, { start: { line: 5, character: 11 }, end: { line: 5, character: 24 } });
      const missing = diagnostics.find((d) => d.message.startsWith("Missing '}'"));
      assert.ok(missing, JSON.stringify(diagnostics));
      assert.match(missing.message, /block that starts on line 5/);
      assert.deepEqual(missing.range.start, { line: 7, character: 0 });
    });

    it('lifts top-level blocks out of an unclosed block', () => {
      const text = [
        'resource "aws_s3_bucket" "open" {',
        '  bucket = "x"',
        '',
        'resource "aws_iam_role" "after" {',
        '  name = "r"',
        '}',
        '',
      ].join('\n');
      const { module, diagnostics } = parseOne(text);
      assert.deepEqual(module.resources.map((r) => r.id).sort(), ['aws_iam_role.after', 'aws_s3_bucket.open']);
      assert.equal(getProperty(resource(module, 'aws_s3_bucket.open').properties, 'resource'), undefined);
      assert.equal(literal(valueOf(resource(module, 'aws_iam_role.after').properties, 'name')), 'r');
      assert.ok(diagnostics.some((d) => d.message.startsWith("Missing '}'")));
    });

    it('names the unexpected token', () => {
      const text = 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n}\n';
      const { module, diagnostics } = parseOne(text);
      assert.deepEqual(
        module.resources.map((r) => r.id),
        ['aws_sqs_queue.q'],
      );
      assert.deepEqual(
        diagnostics.map((d) => [d.message, d.range]),
        [["Syntax error: unexpected '}'", { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }]],
      );
    });

    it('reports a block without its labels', () => {
      const { module, diagnostics } = parseOne('resource "aws_s3_bucket" {\n}\n');
      assert.equal(module.resources.length, 0);
      assert.deepEqual(
        diagnostics.map((d) => [d.message, d.range]),
        [
          [
            'A resource block needs 2 labels: a type and a name.',
            { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } },
          ],
        ],
      );
    });

    it('bounds deep nesting with one diagnostic instead of overflowing the stack', () => {
      const depth = 10_000;
      const text = `resource "aws_sqs_queue" "q" {\n  deep = ${'['.repeat(depth)}${']'.repeat(depth)}\n  name = "q"\n}\n`;
      const { module, diagnostics } = parseOne(text);
      const queue = resource(module, 'aws_sqs_queue.q');
      assert.equal(literal(valueOf(queue.properties, 'name')), 'q');
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /nested more than \d+ levels/);

      const unclosed = parseOne(`locals {\n  deep = ${'['.repeat(depth)}\n}\n`);
      assert.ok(unclosed.diagnostics.length >= 1 && unclosed.diagnostics.length <= 101);
    });

    it('never throws, whatever the input', () => {
      const tokens = [
        'resource',
        '"aws_s3_bucket"',
        '"b"',
        '{',
        '}',
        '[',
        ']',
        '(',
        ')',
        '=',
        '${',
        '%{',
        '"',
        '<<EOT\n',
        'EOT\n',
        '\n',
        ' ',
        'var.x',
        '.',
        '*',
        ',',
        '#',
        '/*',
        '-1',
        'é😀',
        '\r\n',
        'dynamic',
        'for',
        'in',
        ':',
        '?',
        '\\',
      ];
      let seed = 42;
      const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      for (let i = 0; i < 300; i++) {
        let text = '';
        const length = Math.floor(random() * 60);
        for (let j = 0; j < length; j++) text += tokens[Math.floor(random() * tokens.length)];
        const { diagnostics } = parseOne(text);
        for (const d of diagnostics) assert.doesNotMatch(d.message, /Could not parse/, `input ${JSON.stringify(text)}`);
      }
    });
  });

  describe('cache', () => {
    const text = 'resource "aws_sqs_queue" "q" {\n  name = "orders"\n}\n';

    beforeEach(() => clearTerraformCache());

    it('never parses unchanged text twice', () => {
      const first = parseTerraformFile('cache/main.tf', text);
      const second = parseTerraformFile('cache/main.tf', text);
      assert.equal(second, first);
      parseTerraformModule('cache', [{ path: 'cache/main.tf', text }]);
      assert.deepEqual(terraformParseStats(), { fullParses: 1, incrementalParses: 0, cacheHits: 2, cachedFiles: 1 });
    });

    it('re-parses a changed file incrementally, with the same result as a fresh parse', () => {
      parseTerraformFile('cache/main.tf', text);
      const edited = text.replace('orders', 'orders-é😀-dlq');
      const incremental = parseTerraformFile('cache/main.tf', edited);
      assert.equal(terraformParseStats().incrementalParses, 1);
      forgetTerraformFile('cache/main.tf');
      assert.deepEqual(parseTerraformFile('cache/main.tf', edited), incremental);
      assert.equal(literal(valueOf(incremental.resources[0].properties, 'name')), 'orders-é😀-dlq');
    });

    it('keeps no tree when told a file will not be edited (one-pass scans), and still converts it the same', () => {
      const kept = parseTerraformFile('cache/main.tf', text);
      clearTerraformCache();
      const unkept = parseTerraformFile('cache/main.tf', text, { keepTree: false });
      assert.deepEqual(unkept, kept);
      const edited = text.replace('orders', 'payments');
      const again = parseTerraformFile('cache/main.tf', edited, { keepTree: false });
      assert.equal(literal(valueOf(again.resources[0].properties, 'name')), 'payments');
      assert.deepEqual(terraformParseStats(), { fullParses: 2, incrementalParses: 0, cacheHits: 0, cachedFiles: 1 });
    });
    it('matches fresh parses across a series of random edits', () => {
      const base = [
        'resource "aws_s3_bucket" "a" {',
        '  bucket = "é日本"',
        '  tags   = { Name = "😀", Env = var.env }',
        '}',
        '',
        'resource "aws_s3_bucket_versioning" "a" {',
        '  bucket = aws_s3_bucket.a.id',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
        '',
      ].join('\r\n');
      const pieces = ['{', '}', '"', 'x', '\n', '\r\n', ' = ', '😀', 'é', '[1, 2]', '# c\n', 'resource "a" "b" {}\n'];
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      let current = base;
      let changes = 0;
      parseTerraformFile('edit.tf', current);
      for (let i = 0; i < 150; i++) {
        const at = Math.floor(random() * (current.length + 1));
        const remove = random() < 0.5 ? Math.floor(random() * 4) : 0;
        const previous = current;
        current =
          current.slice(0, at) +
          (random() < 0.7 ? pieces[Math.floor(random() * pieces.length)] : '') +
          current.slice(at + remove);
        if (current !== previous) changes++;
        const incremental = parseTerraformFile('edit.tf', current);
        forgetTerraformFile('edit.tf');
        const fresh = parseTerraformFile('edit.tf', current);
        assert.deepEqual(incremental, fresh, `edit ${i}: ${JSON.stringify(current)}`);
      }
      assert.equal(terraformParseStats().incrementalParses, changes);
      assert.ok(changes > 100);
    });
  });

  describe('corpus', () => {
    it('parses every Terraform module of the corpus without an exception', function () {
      needsShared(this, 'corpus');
      const root = CORPUS;
      this.timeout(120_000);
      const byDir = new Map<string, { path: string; text: string }[]>();
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name.endsWith('.tf') && inQuickSample(dir)) {
            const files = byDir.get(dir) ?? [];
            files.push({ path: full, text: fs.readFileSync(full, 'utf8') });
            byDir.set(dir, files);
          }
        }
      };
      walk(root);
      let resources = 0;
      let dataSources = 0;
      let diagnostics = 0;
      const started = performance.now();
      for (const [dir, files] of byDir) {
        const result = parseTerraformModule(dir, files);
        const module = result.units[0] as TerraformModule;
        resources += module.resources.length;
        dataSources += module.dataSources.length;
        diagnostics += result.diagnostics.length;
        for (const d of result.diagnostics)
          assert.doesNotMatch(d.message, /Could not parse/, `${d.file}: ${d.message}`);
      }
      const elapsed = performance.now() - started;
      console.log(
        `      corpus: ${byDir.size} modules, ${resources} resources, ${dataSources} data sources, ${diagnostics} diagnostics in ${elapsed.toFixed(0)} ms`,
      );
      assert.ok(byDir.size > 0 && resources > 0);
    });
  });
});

describe('Terraform function calls', () => {
  before(() => loadTerraformLanguage());

  it('keeps the arguments of a function call for rules that look inside policies', () => {
    const text =
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [] })\n}\n';
    const [unit] = parseTerraformModule('/m', [{ path: '/m/main.tf', text }]).units;
    const policy = unit.resources[0].properties.properties.find((p) => p.key === 'policy')?.value;
    assert.equal(policy?.kind === 'unresolvable' && policy.construct, 'function:jsonencode');
    const args = policy?.kind === 'unresolvable' ? policy.args : undefined;
    assert.equal(args?.kind, 'list');
    const [document] = args?.kind === 'list' ? args.items : [];
    assert.equal(document?.kind, 'map');
    assert.deepEqual(document?.kind === 'map' && document.properties.map((p) => p.key), ['Version', 'Statement']);
  });
});
