import { piiIn } from '../../../checks/shared/pii';

/**
 * The personal-data scan meets whatever a template holds: descriptions of hundreds of kilobytes, and
 * text crafted to make a backtracking pattern try every split. Each case is a megabyte; the scan must
 * finish (it is linear: `npm run bench -- scan` prints its time) and find exactly what is there.
 */
const MB = 1024 * 1024;

describe('personal-data scan on unbounded input', () => {
  test.each<[string, string, string[]]>([
    ['letters without @', 'a'.repeat(MB), []],
    ['dots and letters (the domain group of an email)', `x@${'a.'.repeat(MB / 2)}`, []],
    ['a local part without end', `${'a.'.repeat(MB / 2)}@`, []],
    ['digits and dashes (phone and card groups)', '1-'.repeat(MB / 2), []],
    ['spaces and digits', '1 '.repeat(MB / 2), []],
    ['whitespace lines', ' \n'.repeat(MB / 2), []],
    ['an email after a megabyte of text', `${'word '.repeat(MB / 5)} jane.doe@example.com`, ['email']],
    ['many phone numbers', '+44 20 7946 0958, '.repeat(MB / 18), ['phone']],
  ])('%s', (_what, text, expected) => {
    expect(piiIn(text)).toEqual(expected);
  });

  test('an SSN is not also a phone number, a Luhn-invalid number is no card', () => {
    expect(piiIn('call 123-45-6789')).toEqual(['ssn']);
    expect(piiIn('ref 4111 1111 1111 1112')).toEqual([]);
    expect(piiIn('card 4111 1111 1111 1111 or mail a.b@c.io')).toEqual(['email', 'card']);
  });

  // The scan skips a pattern when its text lacks the character every match of it holds (`@`, a digit).
  test('each kind is found in a text holding only the character it needs', () => {
    expect(piiIn('owner jane.doe@example.com')).toEqual(['email']);
    expect(piiIn('ssn 123-45-6789')).toEqual(['ssn']);
    expect(piiIn('card 4111-1111-1111-1111')).toEqual(['card']);
    expect(piiIn('phone (555) 123-4567')).toEqual(['phone']);
    expect(piiIn('no contact here: team-billing')).toEqual([]);
  });
});
