/**
 * The fix layer's vocabulary. Fixes sit below the rules: rules build them with the edit helpers of
 * this folder, the engine applies them, and nothing here knows about rules or the engine.
 */
import type { Range, Resource } from '../iac/model';

/** A text replacement in one file. Ranges are 0-based, as everywhere in the model. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  /** Shown on the quick fix, for example "Set StorageEncrypted to true". */
  title: string;
  edits: TextEdit[];
}

/** What the edit helpers need to know about the template or module they edit (a rule's context provides it). */
export interface EditSource {
  /** The text of a file of the unit. */
  text(file: string): string | undefined;
  /** A resource of the same template or module by logical id or Terraform address (to pick a free name). */
  resourceById(id: string): Resource | undefined;
}
