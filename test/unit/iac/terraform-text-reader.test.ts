/**
 * The Terraform text reader (src/iac/terraform/text-reader.ts) reads attribute values of an
 * error-free tree from the source text. Whatever it reads must be exactly what the converter builds
 * from the syntax nodes: every input below is converted both ways and compared, on the shapes the
 * reader reads, the shapes it must leave to the nodes, every file of the corpus and generated
 * expressions. The reader must also be used (or the comparison proves nothing): counted.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { MapValue, Property } from '../../../src/iac/model';
import { loadTerraformLanguage } from '../../../src/iac/terraform';
import { CursorConverter } from '../../../src/iac/terraform/cursor-converter';
import { requireParser } from '../../../src/iac/terraform/loader';
import { ALL_CASES } from '../../rules';
import { sourcesOf } from '../../rules/tester';
import { corpusFiles, inQuickSample, needsShared } from '../../corpus';

interface Converted {
  /** The first resource's properties, as the text reader and the nodes agree they are. */
  properties: Property[];
  /** How many attributes the text reader read. */
  read: number;
}

/**
 * Converts `text` with and without the text reader and checks that both give the same model.
 * Undefined for text whose tree has errors (the node converter's, without a text reader).
 */
function convertBothWays(text: string, file = '/m/main.tf'): Converted | undefined {
  const tree = requireParser().parse(text);
  assert.ok(tree, 'parsed');
  try {
    if (tree.rootNode.hasError) return undefined;
    const withReader = new CursorConverter(file, text);
    const fromText = withReader.convert(tree.rootNode);
    const fromNodes = new CursorConverter(file, text, false).convert(tree.rootNode);
    assert.deepStrictEqual(fromText, fromNodes, `${file}: the text reader and the nodes differ`);
    return { properties: fromText.resources[0]?.properties.properties ?? [], read: withReader.textAttributes };
  } finally {
    tree.delete();
  }
}

/** `x = <expression>` in a resource, converted both ways. */
function attribute(expression: string): Converted {
  const converted = convertBothWays(`resource "aws_s3_bucket" "b" {\n  x = ${expression}\n}\n`);
  assert.ok(converted, `no syntax error in: ${expression}`);
  return converted;
}

const pos = (line: number, character: number) => ({ line, character });

describe('Terraform text reader', () => {
  before(async () => {
    await loadTerraformLanguage();
  });

  it('reads a call with a reference and an object, with exact ranges', () => {
    const { properties, read } = attribute('merge(local.tags, { Name = "x" })');
    assert.equal(read, 1);
    assert.deepStrictEqual(properties[0].value, {
      kind: 'unresolvable',
      construct: 'function:merge',
      text: 'merge(local.tags, { Name = "x" })',
      range: { start: pos(1, 6), end: pos(1, 39) },
      args: {
        kind: 'list',
        items: [
          {
            kind: 'reference',
            target: 'local.tags',
            text: 'local.tags',
            range: { start: pos(1, 12), end: pos(1, 22) },
          },
          {
            kind: 'map',
            properties: [
              {
                key: 'Name',
                keyRange: { start: pos(1, 26), end: pos(1, 30) },
                value: { kind: 'literal', value: 'x', range: { start: pos(1, 33), end: pos(1, 36) } },
                range: { start: pos(1, 26), end: pos(1, 36) },
              },
            ],
            range: { start: pos(1, 24), end: pos(1, 38) },
            block: false,
          },
        ],
        range: { start: pos(1, 12), end: pos(1, 38) },
      },
    });
  });

  it('reads a jsonencode policy as a document the policy rules can read', () => {
    const { properties, read } = attribute(
      'jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect = "Allow", Action = ["s3:*"], Resource = "*"\n    }]\n  })',
    );
    assert.equal(read, 1);
    const value = properties[0].value;
    assert.equal(value.kind === 'unresolvable' && value.construct, 'function:jsonencode');
    const args = value.kind === 'unresolvable' ? value.args : undefined;
    const document = args?.kind === 'list' ? (args.items[0] as MapValue) : undefined;
    assert.deepEqual(
      document?.properties.map((p) => p.key),
      ['Version', 'Statement'],
    );
  });

  const READ_FROM_TEXT: [string, string][] = [
    ['an object over lines', '{\n    a = 1\n    b = "two"\n  }'],
    ['an object with commas and colons', '{ a = 1, b: 2, "c" = 3, }'],
    ['quoted keys with escapes', '{ "a\\"b" = 1, "k\\u00e9" = 2, "x-y" = 3 }'],
    ['an empty object and tuple', '[{}, [], [ ]]'],
    ['a tuple with a trailing comma', '[1, 2.5, -3, 2.5e3, 1.0E-2, true, false, null, ]'],
    ['a tuple over lines', '[\n    "a",\n    "b"\n  ]'],
    ['nested calls', 'concat(var.a, tolist([local.b]), split(",", "x,y"))'],
    ['a call without arguments', 'timestamp()'],
    ['a call over lines', 'merge(\n    local.a,\n    local.b\n  )'],
    ['a template', '"${var.prefix}-data"'],
    ['a template with nested quotes', '"a-${lookup(var.m, "k", "d")}-b"'],
    ['two interpolations', '"${var.a}${var.b}"'],
    ['a directive', '"%{ if var.x }yes%{ endif }"'],
    ['the pre-0.12 reference style', '"${aws_s3_bucket.b.id}"'],
    ['an interpolated non-reference', '"${true}"'],
    ['escapes and a lone dollar', '"a\\tb \\" $HOME 50% \\\\"'],
    ['an empty string in a tuple', '[""]'],
    ['a reference with dashes in a tuple', '[module.my-mod.out-put]'],
    ['an index', 'var.list[0]'],
    ['an instance key and an attribute', 'aws_subnet.a[count.index].id'],
    ['a string key', 'var.m["k-${local.x}"]'],
    ['nested indexes', 'local.grid[0][var.i[1]]'],
    ['a data source instance', 'data.aws_ami.a["x"].id'],
    ['an indexed reference in a template', '"${var.l[0]}"'],
    ['an indexed iterator-like name', '[each.value[0], count.index]'],
    ['a conditional', 'var.x ? "a" : "b"'],
    ['a conditional over calls and lines', 'length(var.l) > 0 ? merge(local.a, {\n    b = 1\n  }) : {}'],
    ['a conditional in parts', '!var.x == true ? -1 : var.y[0]'],
    ['an operator', '1 + 2'],
    ['a comparison', 'var.a >= 3'],
    ['a logical operator', 'var.a && var.b'],
    ['a negation', '!var.enabled'],
    ['a conditional before a comment', 'var.x ? 1 : 2 # why'],
    ['a subtraction', 'length(var.l) - 1'],
    ['a for expression', '[for v in var.l : upper(v)]'],
    ['a trailing comma in a call', 'concat(var.a, var.b,)'],
    ['a trailing comma in a call over lines', 'merge(\n    var.a,\n    { b = 1 },\n  )'],
    ['a type constraint', 'list(object({ name = string, size = optional(number, 1) }))'],
    ['bare names and keywords', '[foo, true, null, each]'],
    ['a comparison in an object', '{ a = var.x == 1 }'],
    ['a conditional in a tuple', '[var.x ? 1 : 2, 3]'],
    [
      'conditionals and a for in a call',
      'merge(var.a, var.b ? { c = 1 } : {}, {\n    d = [for x in var.l : x if x && true]\n    e = var.f != null ? var.f : "g"\n  })',
    ],
    ['an argument over lines', 'coalesce(\n    var.a\n    ? 1\n    : 2,\n    3\n  )'],
    ['an object for expression', '{ for k, v in var.m : k => v if v != "" }'],
  ];
  for (const [name, expression] of READ_FROM_TEXT) {
    it(`reads ${name} from the text, as the nodes do`, () => {
      assert.equal(attribute(expression).read, 1, 'read by the text reader');
    });
  }

  const LEFT_TO_THE_NODES: [string, string][] = [
    ['a negation with a space', '- 1'],
    ['a hexadecimal number', '0x10'],
    ['a splat', 'aws_instance.a[*].id'],
    ['a comment inside an object', '{\n    a = 1 # one\n    b = 2\n  }'],
    ['a block comment inside a tuple', '[1, /* two */ 2]'],
    ['a heredoc argument', 'jsonencode(<<EOT\nx\nEOT\n  )'],
    ['an expanded argument', 'concat(var.a...)'],
    ['an escaped interpolation', '"$${literal}"'],
    ['an escaped directive', '"%%{literal}"'],
    ['strip markers', '"${~ var.x ~}"'],
    ['an index after a call', 'element(var.l, 0)[1]'],
    ['a legacy index', 'var.l.0'],
    ['an attribute splat', 'aws_instance.a.*.id'],
    ['a parenthesised key', '{ (var.k) = 1 }'],
    ['a dotted key', '{ a.b = 1 }'],
    ['a provider function', 'provider::aws::arn_parse(var.arn)'],
    ['parentheses', '(var.x)'],
    ['a Unicode key', '{ größe = 1 }'],
    ['an indexed for expression', '[for v in var.l : v][0]'],
    ['a conditional with a comment inside', 'var.x ? 1 /* one */ : 2'],
    ['a conditional with a comment inside a tuple', '[var.x ? 1 : 2 # why\n  ]'],
    ['a splat in a call', 'concat(aws_instance.a[*].id, [])'],
    ['a name with a dash, not a subtraction', 'var.a -1'],
  ];
  for (const [name, expression] of LEFT_TO_THE_NODES) {
    it(`leaves ${name} to the nodes`, () => {
      assert.equal(attribute(expression).read, 0, 'not read by the text reader');
    });
  }

  it('leaves the attributes of a dynamic block to the nodes (its iterator is not known yet)', () => {
    const converted = convertBothWays(
      [
        'resource "aws_security_group" "g" {',
        '  dynamic "ingress" {',
        '    for_each = concat(var.rules, [ingress.value])',
        '    content {',
        '      cidr_blocks = [ingress.value.cidr]',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    assert.ok(converted);
    assert.equal(converted.read, 1, 'only the content block attribute is read from the text');
  });

  it('reads every rule fixture as the nodes do', () => {
    let read = 0;
    let files = 0;
    for (const cases of ALL_CASES) {
      for (const c of [...cases.valid, ...cases.invalid]) {
        if (c.syntax !== 'terraform') continue;
        for (const source of sourcesOf(c)) {
          if (!source.path.endsWith('.tf')) continue;
          const converted = convertBothWays(source.text, source.path);
          if (!converted) continue;
          files++;
          read += converted.read;
        }
      }
    }
    assert.ok(files > 200, `${files} error-free fixtures`);
    assert.ok(read > 100, `the text reader read ${read} attributes in ${files} fixtures`);
  });

  it('reads every Terraform file of the corpus as the nodes do', function () {
    needsShared(this, 'corpus');
    const files = corpusFiles().filter((f) => f.endsWith('.tf') && inQuickSample(f));
    let read = 0;
    let converted = 0;
    for (const file of files) {
      const result = convertBothWays(readFileSync(file, 'utf8'), file);
      if (!result) continue;
      converted++;
      read += result.read;
    }
    assert.ok(converted > files.length * 0.9, `${converted} of ${files.length} files without syntax errors`);
    assert.ok(read > converted, `the text reader read ${read} attributes in ${converted} files`);
  });

  it('reads generated expressions as the nodes do', () => {
    const leaf = fc.constantFrom(
      '1',
      '-2',
      '3.5e2',
      'true',
      'null',
      '"s"',
      '"a\\"b"',
      '"${var.x}"',
      '"p-${local.y}"',
      'var.x',
      'local.m.k',
      'each.value',
      'x',
      'var.l[0]',
      'aws_s3_bucket.b[count.index].arn',
      'var.m["k"][0]',
      'a[*].b',
      '1 + 2',
      'a ? b : c',
      '"%{ if a }b%{ endif }"',
    );
    const { expression } = fc.letrec<{ expression: string }>((tie) => ({
      expression: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .tuple(fc.array(tie('expression'), { maxLength: 4 }), fc.constantFrom(', ', ',\n', ' , '), fc.boolean())
          .map(([items, separator, trailing]) => `[${items.join(separator)}${trailing && items.length ? ',' : ''}]`),
        fc
          .tuple(
            fc.array(fc.tuple(fc.constantFrom('a', 'b_1', '"k"', '"k-2"', 'Name'), tie('expression')), {
              maxLength: 4,
            }),
            fc.constantFrom(', ', '\n', ',\n'),
            fc.constantFrom(' = ', ': ', '='),
          )
          .map(([elements, separator, equals]) => `{${elements.map(([k, v]) => `${k}${equals}${v}`).join(separator)}}`),
        fc
          .tuple(fc.constantFrom('merge', 'concat', 'jsonencode', 'f'), fc.array(tie('expression'), { maxLength: 3 }))
          .map(([name, args]) => `${name}(${args.join(', ')})`),
      ),
    })) as { expression: fc.Arbitrary<string> };
    let read = 0;
    fc.assert(
      fc.property(expression, (source) => {
        const converted = convertBothWays(`resource "a" "b" {\n  x = ${source}\n}\n`);
        if (converted) read += converted.read;
      }),
      { seed: 42, numRuns: 500 },
    );
    assert.ok(read > 100, `the text reader read ${read} of 500 generated values`);
  });
});
