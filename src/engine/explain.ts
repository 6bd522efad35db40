/**
 * "Who owns what" for one resource type, as data every front end renders: the CLI prints it, the
 * editor shows it in hovers and the responsibility matrix. Every statement carries its source.
 */
import {
  classifyType,
  placementOf,
  closestTypes,
  getTier,
  knownTypes,
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
  retired?: { status: string; date?: string; replacement: string; message: string; source: Source };
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

// ---------------------------------------------------------------------------------------------
// Finding a type by words: the Explain picker

/** One type the picker offers, with its service name (matched too) and why it matched. */
export interface TypeMatch {
  type: string;
  service: string;
  score: number;
}

interface IndexedType {
  type: string;
  service: string;
  /** The type's parts, lowercased: `AWS::DynamoDB::Table` -> aws, dynamodb, table; `aws_dynamodb_table` the same. */
  segments: string[];
  /** The type and its service without separators or spaces, lowercased: for words inside a part. */
  compact: string;
}

let typeIndex: IndexedType[] | undefined;
const indexOf = (types: readonly string[]): IndexedType[] =>
  types.map((type) => {
    const service = classifyType(type).service;
    return {
      type,
      service,
      segments: type.toLowerCase().split(/::|_/).filter(Boolean),
      compact: `${type}${service}`.toLowerCase().replace(/[^a-z0-9]/g, ''),
    };
  });

/** The words of a query: lowercased, split on anything that is not a letter or digit (`::` and `_` too). */
export function queryWords(query: string): string[] {
  return typeof query === 'string'
    ? query
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
    : [];
}

/**
 * The types that match every word of `query`, best first: "dynamodb table" finds
 * `AWS::DynamoDB::Table` and `aws_dynamodb_table` first. A word scores 3 when it is a whole part
 * of the type (`table`), 2 when a part starts with it (`dyna`), 1 when it is inside the type or its
 * service name (`amazon`, `globaltable`); each part the query does not name costs a little, so
 * `aws_dynamodb_table` ranks above `aws_dynamodb_table_item`. Ties keep CloudFormation before
 * Terraform and then alphabetical order. An empty query matches nothing.
 */
export function matchTypes(query: string, limit = 50, types?: readonly string[]): TypeMatch[] {
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) return [];
  const index = types
    ? indexOf(types)
    : (typeIndex ??= indexOf([...knownTypes().cloudformation, ...knownTypes().terraform]));
  const matches: TypeMatch[] = [];
  for (const entry of index) {
    let score = 0;
    let named = 0;
    for (const word of words) {
      if (entry.segments.includes(word)) {
        score += 3;
        named++;
      } else if (entry.segments.some((s) => s.startsWith(word))) {
        score += 2;
        named++;
      } else if (entry.compact.includes(word)) score += 1;
      else {
        score = -1;
        break;
      }
    }
    if (score < 0) continue;
    // the provider prefix (aws, AWS) is never a penalty
    const unnamed = Math.max(0, entry.segments.length - 1 - named);
    matches.push({ type: entry.type, service: entry.service, score: score - unnamed * 0.25 });
  }
  return matches
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(a.type.includes('::') === false) - Number(b.type.includes('::') === false) ||
        (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
    )
    .slice(0, limit);
}
