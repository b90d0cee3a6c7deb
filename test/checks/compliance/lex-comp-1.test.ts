import { CfnParameter, type Stack } from 'aws-cdk-lib';
import lexComp1 from '../../../checks/compliance/lex-comp-1-data-classification';
import { synthStack } from '../../helpers/synth';
import { newAlias, newBot } from '../data-protection/lex-fixtures';

describe('LEX-COMP-1 data classification tags', () => {
  test.each([
    ['FAIL', 'untagged', () => [], /no data-classification tag/],
    ['FAIL', 'empty value', () => [{ key: 'data-classification', value: ' ' }], /no data-classification tag/],
    ['PASS', 'classified phi', () => [{ key: 'Data-Classification', value: 'PHI' }], /sensitive/],
    ['PASS', 'classified internal', () => [{ key: 'data-classification', value: 'internal' }], /^data-classification=internal$/],
    ['UNKNOWN', 'a tag key from a parameter', (s: Stack) => [{ key: new CfnParameter(s, 'TagKey').valueAsString, value: 'phi' }], /cannot be known/],
  ])('%s: %s', (expected, _what, tags, reason) => {
    const out = synthStack(
      (stack) => {
        const list = tags(stack);
        newAlias(stack, newBot(stack, { botTags: list }), { botAliasTags: list });
      },
      { checks: [lexComp1] },
    );
    expect(out.statuses('LEX-COMP-1')).toEqual({ Bot: expected, Alias: expected });
    expect(out.of('LEX-COMP-1')[0].reason).toMatch(reason);
  });

  test('a configured tag key', () => {
    const out = synthStack((stack) => newBot(stack, { botTags: [{ key: 'classification', value: 'pci' }] }), {
      checks: [lexComp1],
      config: { checks: { 'LEX-COMP-1': { options: { classificationTagKey: 'classification' } } } },
    });
    expect(out.statuses('LEX-COMP-1')).toEqual({ Bot: 'PASS' });
  });
});
