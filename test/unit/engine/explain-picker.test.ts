/** The Explain picker's matching: words and service names find CloudFormation and Terraform types. */
import { strict as assert } from 'node:assert';
import { matchTypes, queryWords } from '../../../src/engine/explain';

describe('Explain picker matching', () => {
  it('splits a query into words', () => {
    assert.deepEqual(queryWords('DynamoDB table'), ['dynamodb', 'table']);
    assert.deepEqual(queryWords('AWS::S3::Bucket'), ['aws', 's3', 'bucket']);
    assert.deepEqual(queryWords('  aws_db_instance '), ['aws', 'db', 'instance']);
    assert.deepEqual(queryWords(''), []);
  });

  const firstTwo: [query: string, expected: string[]][] = [
    ['dynamodb table', ['AWS::DynamoDB::Table', 'aws_dynamodb_table']],
    ['DynamoDB Table', ['AWS::DynamoDB::Table', 'aws_dynamodb_table']],
    ['s3 bucket', ['AWS::S3::Bucket', 'aws_s3_bucket']],
    ['sqs queue', ['AWS::SQS::Queue', 'aws_sqs_queue']],
  ];
  for (const [query, expected] of firstTwo) {
    it(`"${query}" finds ${expected.join(' and ')} first`, () => {
      assert.deepEqual(
        matchTypes(query, 2).map((m) => m.type),
        expected,
      );
    });
  }

  it("puts an exact type first, and the other language's type near it", () => {
    assert.deepEqual(
      matchTypes('AWS::RDS::DBInstance', 3).map((m) => m.type),
      ['AWS::RDS::DBInstance', 'aws_db_instance', 'aws_db_instance_role_association'],
    );
    assert.equal(matchTypes('aws_db_instance', 1)[0].type, 'aws_db_instance');
    assert.ok(matchTypes('aws_db_instance', 20).some((m) => m.type === 'AWS::RDS::DBInstance'));
  });

  it('matches every word, in the type or in its service name', () => {
    const matches = matchTypes('dynamodb table', 500);
    const found = matches.map((m) => m.type);
    assert.ok(found.includes('AWS::DynamoDB::GlobalTable'));
    assert.ok(found.includes('aws_dynamodb_table_item'));
    assert.ok(found.indexOf('aws_dynamodb_table') < found.indexOf('aws_dynamodb_table_item'));
    for (const m of matches) assert.match(`${m.type} ${m.service}`.toLowerCase(), /dynamodb/);
    // SAM's simple table is a DynamoDB table by its service
    assert.ok(found.includes('AWS::Serverless::SimpleTable'));
    // "amazon" is only in service names
    const byService = matchTypes('amazon dynamodb', 500).map((m) => m.type);
    assert.ok(byService.includes('AWS::DynamoDB::Table'));
    assert.deepEqual(matchTypes('no such words here', 10), []);
    assert.deepEqual(matchTypes('', 10), []);
  });

  it('keeps to the given types and limit', () => {
    const types = ['AWS::SQS::Queue', 'AWS::SQS::QueuePolicy', 'aws_sqs_queue', 'AWS::SNS::Topic'];
    assert.deepEqual(
      matchTypes('queue', 10, types).map((m) => [m.type, m.score]),
      [
        ['AWS::SQS::Queue', 2.75],
        ['aws_sqs_queue', 2.75],
        ['AWS::SQS::QueuePolicy', 1.75],
      ],
    );
    assert.equal(matchTypes('queue', 1, types).length, 1);
    assert.equal(matchTypes('sqs', 10, types)[0].service, 'Amazon SQS');
  });
});
