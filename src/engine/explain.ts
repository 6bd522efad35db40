/**
 * "Who owns what" for one resource type, as data every front end renders: the CLI prints it, the
 * editor shows it in hovers and the responsibility matrix.
 */
import { closestTypes, getTier, ownershipTable, type ClassificationHints, type OwnershipRow } from '../knowledge';

export interface Explanation {
  type: string;
  service: string;
  tier: string;
  tierTitle: string;
  tierSummary: string;
  note?: string;
  concerns: Pick<OwnershipRow, 'concern' | 'title' | 'owner' | 'reason' | 'applicable'>[];
}

export function explainType(type: string, hints?: ClassificationHints): Explanation {
  const { classification, rows } = ownershipTable(type, hints);
  const tier = classification.tier === 'unclassified' ? undefined : getTier(classification.tier);
  return {
    type,
    service: classification.service,
    tier: classification.tier,
    tierTitle: tier?.title ?? 'Unclassified',
    tierSummary: tier?.summary ?? 'This type is not in the service catalog, so its tier cannot be known.',
    note: classification.note,
    concerns: rows.map(({ concern, title, owner, reason, applicable }) => ({
      concern,
      title,
      owner,
      reason,
      applicable,
    })),
  };
}

/** An error message with the closest known names when a type is not in the published type lists. */
export function unknownTypeMessage(type: string): string | undefined {
  if (ownershipTable(type).classification.known) return undefined;
  const suggestions = closestTypes(type, 5);
  const hint =
    suggestions.length > 0
      ? ` Did you mean: ${suggestions.join(', ')}?`
      : ' Types look like AWS::S3::Bucket (CloudFormation) or aws_s3_bucket (Terraform).';
  return `'${type}' is not a known CloudFormation or Terraform AWS resource type.${hint}`;
}
