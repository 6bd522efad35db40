/**
 * `planCodeActions`, which both editor front ends turn into their own code actions: per diagnostic
 * the rule's fix (preferred when it is the only one) and one suppression per rule and resource,
 * nothing for findings no diagnostic names, and the types to explain (the findings', and the type
 * token at the cursor).
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { planCodeActions, type DiagnosticRef } from '../../../src/features/code-actions';

const FILE = '/t/volumes.yaml';
const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: false
  Queue:
    Type: AWS::SQS::Queue
`;

describe('planCodeActions', () => {
  const analyzer = new Analyzer();
  const analysis = analyzer.analyzeCloudFormation(FILE, TEMPLATE);
  const diagnosticOf = (ruleId: string): DiagnosticRef => {
    const finding = analysis.findings.find((f) => f.ruleId === ruleId);
    assert.ok(finding, ruleId);
    return { ruleId, range: finding.range };
  };
  const summary = (diagnostics: DiagnosticRef[], cursor = { line: 0, character: 0 }) => {
    const plan = planCodeActions(analyzer, analysis, FILE, diagnostics, cursor);
    return {
      fixes: plan.fixes.map((f) => [f.diagnostic, f.fix.title, f.preferred]),
      suppressions: plan.suppressions.map((s) => [s.diagnostic, s.title]),
      explainTypes: plan.explainTypes,
    };
  };

  const table: {
    name: string;
    diagnostics: () => DiagnosticRef[];
    cursor?: { line: number; character: number };
    expected: ReturnType<typeof summary>;
  }[] = [
    {
      name: 'a fixable finding: its fix, preferred, and its suppression',
      diagnostics: () => [diagnosticOf('ebs-volume-encryption')],
      expected: {
        fixes: [[0, 'Set Encrypted to true', true]],
        suppressions: [[0, 'Suppress ebs-volume-encryption for Data…']],
        explainTypes: ['AWS::EC2::Volume'],
      },
    },
    {
      name: 'two diagnostics, in their order; the second one’s index',
      diagnostics: () => [diagnosticOf('sqs-sns-tls-only-policy'), diagnosticOf('ebs-volume-encryption')],
      expected: {
        fixes: [
          [0, 'Add QueuePolicy, a TLS-only queue policy', true],
          [1, 'Set Encrypted to true', true],
        ],
        suppressions: [
          [0, 'Suppress sqs-sns-tls-only-policy for Queue…'],
          [1, 'Suppress ebs-volume-encryption for Data…'],
        ],
        explainTypes: ['AWS::SQS::Queue', 'AWS::EC2::Volume'],
      },
    },
    {
      name: 'a diagnostic whose range matches no finding: nothing',
      diagnostics: () => [
        {
          ruleId: 'ebs-volume-encryption',
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
        },
      ],
      expected: { fixes: [], suppressions: [], explainTypes: [] },
    },
    {
      name: 'no diagnostic, the cursor on a type token: only its explanation',
      diagnostics: () => [],
      cursor: { line: 9, character: 14 },
      expected: { fixes: [], suppressions: [], explainTypes: ['AWS::SQS::Queue'] },
    },
  ];
  for (const row of table) it(row.name, () => assert.deepEqual(summary(row.diagnostics(), row.cursor), row.expected));
});
