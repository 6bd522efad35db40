/** Every rule's test table, listed by name (the registry meta-test checks none is missing). */
import type { RuleCases } from './tester';
import { cases as rdsStorageEncryption } from './rds-storage-encryption.cases';

export const ALL_CASES: readonly RuleCases[] = [rdsStorageEncryption];
