import { optOutFor } from '../../../checks/shared/ai-opt-out';

/** The cases of LEX-DP-9 are its tester table (lex-dp-9-ai-opt-out.cases.ts); this is its policy reader. */
describe('LEX-DP-9 AI-services opt-out policy', () => {
  test('the effective form of a service entry wins over default', () => {
    expect(optOutFor({ services: { default: { opt_out_policy: 'optOut' }, lex: { opt_out_policy: 'optIn' } } }, 'lex')).toMatchObject({ optedOut: false });
  });
});
