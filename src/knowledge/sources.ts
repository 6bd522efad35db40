// Where each statement of the knowledge base comes from. Every ownership reason, profile cell,
// catalog override and dated table entry carries a Source: the AWS documentation page it rests on,
// or the seed (the Shared Responsibility Model notes this product is built on) where the statement
// applies the seed's three layers. `checked` is the day the statement was last compared with it;
// re-check the oldest first. test/unit/knowledge/knowledge-sources.test.ts fails on a statement without one.

export interface Source {
  /** An https://docs.aws.amazon.com/ (or other aws.amazon.com) page, or 'seed'. */
  url: string;
  /** YYYY-MM-DD: when the statement was last checked against the source. */
  checked: string;
}

/** The seed: shared/seeds/shared-responsibility-model.md, the notes the tiers are built from. */
export const SEED = 'seed';

/** The day this knowledge base was last audited against AWS's documentation. */
export const LAST_AUDIT = '2026-12-07';

/** A statement resting on an AWS documentation page. */
export function doc(url: string, checked: string = LAST_AUDIT): Source {
  return { url, checked };
}

/** A statement that applies the seed's layers (see SEED). */
export function seed(checked: string = LAST_AUDIT): Source {
  return { url: SEED, checked };
}

/** AWS's own page on the Shared Responsibility Model: "security of the cloud" is AWS's. */
export const SHARED_RESPONSIBILITY_MODEL = 'https://aws.amazon.com/compliance/shared-responsibility-model/';

/** A source as one short line for text output: the URL, or the seed, and the date checked. */
export function sourceLine(source: Source): string {
  const where = source.url === SEED ? 'the Shared Responsibility Model seed' : source.url;
  return `${where} (checked ${source.checked})`;
}
