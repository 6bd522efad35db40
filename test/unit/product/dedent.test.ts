import { strict as assert } from 'node:assert';
import { dedent } from '../../dedent';

describe('dedent (test tables)', () => {
  it('drops the first line break, the blank last line and the shared indentation, and ends with one line break', () => {
    const cases: [string, string][] = [
      [
        dedent`
          Resources:
            Data:
              Type: AWS::S3::Bucket
        `,
        'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n',
      ],
      [dedent`one line`, 'one line\n'],
      [
        dedent`
            resource "aws_s3_bucket" "b" {

              bucket = "${'data'}"
            }
        `,
        'resource "aws_s3_bucket" "b" {\n\n  bucket = "data"\n}\n',
      ],
      [dedent`\n    a\n      b\\n\n  `, 'a\n  b\\n\n'],
      [dedent``, '\n'],
    ];
    for (const [actual, expected] of cases) assert.equal(actual, expected);
  });
});
