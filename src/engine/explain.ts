/**
 * "Who owns what" for one resource type, as data every front end renders: the CLI prints it, the
 * editor shows it in hovers and the responsibility matrix. Every statement carries its source.
 */
import {
  placementOf,
  closestTypes,
  getTier,
  ownershipTable,
  retirementOf,
  retirementSentence,
  type ClassificationHints,
  type OwnershipRow,
  type Source,
} from '../knowledge';

export interface Explanation {
  type: string;
  service: string;
  tier: string;
  tierTitle: string;
  tierSummary: string;
  note?: string;
  /** The source of the note (or of the classification, when a catalog override decided it). */
  noteSource?: Source;
  /** When the service is closed to new customers or no longer supported: the date and what to use instead. */
  retired?: { status: string; date: string; replacement: string; message: string; source: Source };
  concerns: Pick<OwnershipRow, 'concern' | 'title' | 'owner' | 'reason' | 'applicable' | 'source'>[];
}

export function explainType(type: string, hints?: ClassificationHints): Explanation {
  const { classification, rows } = ownershipTable(type, hints);
  const tier = classification.tier === 'unclassified' ? undefined : getTier(classification.tier);
  const retirement = retirementOf(type);
  const placement = placementOf(classification.profile);
  const explanation: Explanation = {
    type,
    service: classification.service,
    tier: classification.tier,
    tierTitle: tier ? (placement ? `${tier.title}, ${placement.title}` : tier.title) : 'Unclassified',
    tierSummary: placement
      ? placement.summary
      : (tier?.summary ?? 'This type is not in the service catalog, so its tier cannot be known.'),
    note: classification.note,
    concerns: rows.map(({ concern, title, owner, reason, applicable, source }) => ({
      concern,
      title,
      owner,
      reason,
      applicable,
      source,
    })),
  };
  if (classification.source) explanation.noteSource = classification.source;
  if (retirement) {
    explanation.retired = {
      status: retirement.status,
      date: retirement.date,
      replacement: retirement.replacement,
      message: retirementSentence(retirement),
      source: retirement.source,
    };
  }
  return explanation;
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
