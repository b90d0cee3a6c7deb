import { piiIn } from '../../../checks/shared/pii';

/** The cases of LEX-DP-16 are its tester table (lex-dp-16-no-personal-data-in-names.cases.ts); these are its patterns. */

describe('PII patterns', () => {
  test.each([
    ['owner jane.doe@example.com', ['email']],
    ['call +1 415 555 0100', ['phone']],
    ['(415) 555-0100', ['phone']],
    ['ssn 123-45-6789', ['ssn']],
    ['card 4111 1111 1111 1111', ['card']],
    ['4111-1111-1111-1112 fails Luhn', []],
    ['account 123456789012 and build 20261123', []],
    ['support-bot-v2 prod 2026-11-23', []],
  ])('%s', (text, kinds) => {
    expect(piiIn(text)).toEqual(kinds);
  });
});
