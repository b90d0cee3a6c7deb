import { CfnParameter } from 'aws-cdk-lib';
import lexDp8 from '../../../checks/data-protection/lex-dp-8-idle-session-ttl';
import { synthStack } from '../../helpers/synth';
import { newBot } from './lex-fixtures';

describe('LEX-DP-8 idle session TTL', () => {
  test.each([
    ['PASS', 300, undefined],
    ['FAIL', 3600, undefined],
    ['PASS', 3600, 3600],
    ['UNKNOWN', 'param', undefined],
  ])('%s: TTL %s, threshold %s', (expected, ttl, max) => {
    const out = synthStack(
      (stack) => newBot(stack, { idleSessionTtlInSeconds: ttl === 'param' ? new CfnParameter(stack, 'Ttl', { type: 'Number' }).valueAsNumber : (ttl as number) }),
      { checks: [lexDp8], config: max ? { checks: { 'LEX-DP-8': { options: { maxIdleSessionTtlSeconds: max } } } } : undefined },
    );
    expect(out.statuses('LEX-DP-8')).toEqual({ Bot: expected });
  });
});
