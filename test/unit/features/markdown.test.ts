/**
 * `withoutCommandLinks`: the language server's hovers keep everything of the shared markdown but
 * the links to VS Code commands, which other editors cannot run.
 */
import { strict as assert } from 'node:assert';
import { commandLink, escapeMarkdown, webLink, withoutCommandLinks } from '../../../src/features/markdown';

describe('withoutCommandLinks', () => {
  const matrix = commandLink('Show responsibility matrix', 'srlens.showMatrix', { file: 'a (1).yaml', resource: 'B]' });
  const explain = commandLink('Explain AWS::S3::Bucket', 'srlens.explainType', 'AWS::S3::Bucket');
  const docs = webLink('Bucket is public', 'https://example.com/rules/s3.md');
  const table: { name: string; markdown: string; expected: string }[] = [
    { name: 'drops a line of nothing but command links', markdown: `a\n\n${matrix} · ${explain}`, expected: 'a' },
    {
      name: 'keeps the label of a command link inside text',
      markdown: `see ${explain} here`,
      expected: `see ${escapeMarkdown('Explain AWS::S3::Bucket')} here`,
    },
    {
      name: 'keeps web links and everything else',
      markdown: `| x | ${docs} |\n\nend`,
      expected: `| x | ${docs} |\n\nend`,
    },
    { name: 'leaves text without links alone', markdown: 'plain \\[not a link\\]', expected: 'plain \\[not a link\\]' },
  ];
  for (const row of table) it(row.name, () => assert.equal(withoutCommandLinks(row.markdown), row.expected));
});
