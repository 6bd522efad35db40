/**
 * The rule registry: every rule, imported by name and listed in id order. No discovery and no
 * import side effects. Retired ids stay here as comments so they are never reused.
 */
import type { Rule } from './rule';
import { rule as rdsStorageEncryption } from './rds-storage-encryption';

export const RULES: readonly Rule[] = [rdsStorageEncryption];
