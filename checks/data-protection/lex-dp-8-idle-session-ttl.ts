import { option } from '../../lib/engine/options';
import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { num } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { BOT, BOT_ALLOWED, type BotProps } from '../../lib/model/types/lex';
import { invalidValue } from '../../lib/model/types/view';

export default defineCheck({
  id: 'LEX-DP-8',
  title: 'Idle session TTL is no longer than needed',
  severity: 'LOW',
  rationale: 'Session attributes and conversation state, which may hold personal data, persist until the session times out (60-86,400 seconds).',
  remediation: 'Lower IdleSessionTTLInSeconds to the shortest pause your conversations need (the console default is 300 seconds).',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/encryption-at-rest.html',
  modes: ['synth', 'live'],
  options: { maxIdleSessionTtlSeconds: option.integer(900, 'Longest acceptable IdleSessionTTLInSeconds', { min: 60, max: 86_400 }) },
  resourceTypes: [BOT],
  evaluate(bot, { graph, options }) {
    const max = Number(options.maxIdleSessionTtlSeconds);
    const raw = graph.props<BotProps>(bot).IdleSessionTTLInSeconds;
    const at = { path: 'IdleSessionTTLInSeconds' };
    const invalid = invalidValue(raw, BOT_ALLOWED.IdleSessionTTLInSeconds);
    if (invalid) return fail(`IdleSessionTTLInSeconds ${invalid}, as CloudFormation requires: the value is invalid`, at);
    const ttl = num(raw);
    if (ttl === undefined) return unknown('IdleSessionTTLInSeconds is not set (CloudFormation requires it)', at);
    if (ttl instanceof Unknown) return unknown(`IdleSessionTTLInSeconds cannot be known: ${ttl.reason}`, at);
    return ttl <= max ? pass(`idle sessions end after ${ttl} s (at most ${max})`) : fail(`idle sessions last ${ttl} s, more than ${max} s`, at);
  },
});
