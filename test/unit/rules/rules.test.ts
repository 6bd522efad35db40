import { ALL_CASES } from '../../rules';
import { runRuleTests } from '../../rules/tester';

describe('rules', () => {
  for (const cases of ALL_CASES) runRuleTests(cases);
});
