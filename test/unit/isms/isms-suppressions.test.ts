/**
 * The risk register records each suppression as an accepted risk with its owner, reason, expiry,
 * ticket and source; an acceptance that expired shows as open, to be treated again.
 */
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/engine/analyzer';
import { ismsMarkdown, mergeIsms, parseIsmsState, risksCsv, scanIsms, serializeIsmsState } from '../../../src/isms';
import { rule as rdsMultiAz } from '../../../src/rules/rds-multi-az';
import { rule as rdsStorageEncryption } from '../../../src/rules/rds-storage-encryption';

const rules = [rdsStorageEncryption, rdsMultiAz];

const template = (expires: string) => `Resources:
  # srlens-ignore rds-storage-encryption expires=${expires} owner=data-team ticket=SEC-9 restored from an encrypted snapshot
  Db:
    Type: AWS::RDS::DBInstance
    Metadata:
      cfn_nag:
        rules_to_suppress:
          - id: F999
            reason: a check srlens does not map
    Properties:
      StorageEncrypted: false
      MultiAZ: false
  # srlens-ignore rds-multi-az single-AZ reporting copy
  Copy:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: true
`;

async function scan(expires: string, today: string) {
  const analysis = await new Analyzer({ rules, today: () => today }).analyze([
    { path: 'stack.yaml', text: template(expires) },
  ]);
  return scanIsms(analysis, { today });
}

describe('ISMS risk register: suppressions', () => {
  it('records each suppression as an accepted risk with its owner, reason, expiry and ticket', async () => {
    const { risks } = await scan('2026-12-31', '2026-06-15');
    const encryption = risks.find((r) => r.id === 'rds-storage-encryption stack.yaml#Db');
    assert.deepEqual(
      [encryption?.treatment, encryption?.status, encryption?.riskOwner, encryption?.suppression],
      [
        'accept',
        'open',
        'data-team',
        {
          reason: 'restored from an encrypted snapshot',
          file: 'stack.yaml',
          line: 2,
          expires: '2026-12-31',
          owner: 'data-team',
          ticket: 'SEC-9',
        },
      ],
    );
    assert.equal(encryption?.expiredAcceptance, undefined);
    const multiAz = risks.find((r) => r.id === 'rds-multi-az stack.yaml#Copy');
    assert.deepEqual(
      [multiAz?.treatment, multiAz?.riskOwner, multiAz?.suppression],
      ['accept', undefined, { reason: 'single-AZ reporting copy', file: 'stack.yaml', line: 13 }],
    );
  });

  it('shows an expired acceptance as open, to be fixed, with the acceptance that lapsed', async () => {
    const { risks } = await scan('2026-05-31', '2026-06-15');
    const encryption = risks.find((r) => r.id === 'rds-storage-encryption stack.yaml#Db');
    assert.deepEqual(
      [encryption?.treatment, encryption?.status, encryption?.suppression, encryption?.expiredAcceptance],
      [
        'fix',
        'open',
        undefined,
        {
          reason: 'restored from an encrypted snapshot',
          file: 'stack.yaml',
          line: 2,
          expires: '2026-05-31',
          owner: 'data-team',
          ticket: 'SEC-9',
        },
      ],
    );
  });

  it('a register that accepted the risk reopens it for treatment when the acceptance expires, and says why', async () => {
    const before = mergeIsms(undefined, await scan('2026-06-30', '2026-06-15'), '2026-06-15');
    const stored = parseIsmsState(serializeIsmsState(before));
    const accepted = stored.risks.find((r) => r.id === 'rds-storage-encryption stack.yaml#Db');
    assert.deepEqual([accepted?.treatment, accepted?.suppression?.expires], ['accept', '2026-06-30']);

    const after = mergeIsms(stored, await scan('2026-06-30', '2026-07-01'), '2026-07-01');
    const reopened = after.risks.find((r) => r.id === 'rds-storage-encryption stack.yaml#Db');
    assert.deepEqual(
      [reopened?.status, reopened?.treatment, reopened?.suppression, reopened?.expiredAcceptance?.expires],
      ['open', 'fix', undefined, '2026-06-30'],
    );
    assert.match(
      ismsMarkdown(after, { today: '2026-07-01' }),
      /\| fix: acceptance expired on 2026-06-30 \(restored from an encrypted snapshot, stack\.yaml:2\) \|/,
    );
    const csv = risksCsv(after).split('\r\n');
    assert.match(csv[0], /,notes,acceptanceExpires,acceptanceOwner,acceptanceTicket,acceptanceExpired$/);
    assert.ok(
      csv.some((line) => line.startsWith('rds-storage-encryption stack.yaml#Db,') && line.endsWith(',,,,2026-06-30')),
    );
  });

  it('shows the expiry, owner and ticket of an accepted risk in the Markdown register', async () => {
    const state = mergeIsms(undefined, await scan('2026-12-31', '2026-06-15'), '2026-06-15');
    assert.match(
      ismsMarkdown(state, { today: '2026-06-15' }),
      /accept: restored from an encrypted snapshot \(stack\.yaml:2, until 2026-12-31, owner data-team, SEC-9\)/,
    );
  });
});
