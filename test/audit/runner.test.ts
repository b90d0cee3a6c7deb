import { runPipeline } from '../../lib/engine/pipeline';
import { ResourceGraph } from '../../lib/model/graph';
import type { ClientPool } from '../../lib/sources/account/clients';
import { failed, type Collector } from '../../lib/sources/account/collector';
import { collect, coverageWarnings, type ProgressListener } from '../../lib/sources/account/runner';
import { BOT, ROLE, TEST_CHECKS } from './fixtures';

const pool = {} as ClientPool;
const ACCOUNT = '111122223333';

function bot(name: string, childDirected?: boolean) {
  return { type: BOT, logicalId: name, properties: { DataPrivacy: { ChildDirected: childDirected } }, metadata: {}, provenance: { arn: `arn:aws:lex:us-east-1:${ACCOUNT}:bot/${name}` } };
}

function collector(name: string, body: Collector['collect'], extra: Partial<Collector> = {}): Collector {
  return { name, operations: [{ service: 'lex', action: 'ListBots' }], emits: [BOT], collect: body, ...extra };
}

const run = (collectors: Collector[], regions = ['us-east-1'], concurrency = 4, progress?: ProgressListener) =>
  collect({ account: ACCOUNT, partition: 'aws', regions, collectors, pool, concurrency, progress });

describe('audit runner', () => {
  it('builds one stack per Region named account/region, and one for global collectors', async () => {
    const out = await run(
      [
        collector('bots', async (ctx) => ctx.emit(bot(`b-${ctx.region}`, false))),
        collector('roles', async (ctx) => ctx.emit({ type: ROLE, logicalId: 'r', properties: {}, metadata: {}, provenance: { arn: `arn:aws:iam::${ACCOUNT}:role/r` } }), { global: true, emits: [ROLE] }),
      ],
      ['us-east-1', 'eu-west-1'],
    );
    expect(out.stacks.map((s) => [s.stack.name, s.resources.map((r) => r.logicalId)])).toEqual([
      [`${ACCOUNT}/us-east-1`, ['b-us-east-1']],
      [`${ACCOUNT}/eu-west-1`, ['b-eu-west-1']],
      [`${ACCOUNT}/global`, ['r']],
    ]);
    const graph = new ResourceGraph(out.stacks);
    expect(graph.stackResource(out.stacks[0].stack).type).toBe('AWS::Region');
  });

  it('turns a collector that throws into a gap for its types and keeps what it emitted before', async () => {
    const out = await run([
      collector('half', async (ctx) => {
        ctx.emit(bot('first', true));
        throw new Error('socket hang up');
      }),
    ]);
    expect(out.stacks[0].resources.map((r) => r.logicalId)).toEqual(['first']);
    expect(out.stacks[0].gaps).toEqual([{ types: [BOT], reason: 'collector half stopped: socket hang up' }]);
    const { findings } = runPipeline([{ stacks: out.stacks }], { checks: TEST_CHECKS, mode: 'live' });
    expect(findings.filter((f) => f.checkId === 'TEST-LEX-1').map((f) => [f.status, f.resource.arn])).toEqual([
      ['UNKNOWN', `arn:aws:iam::${ACCOUNT}:root`],
      ['PASS', `arn:aws:lex:us-east-1:${ACCOUNT}:bot/first`],
    ]);
  });

  it('classifies failed calls instead of throwing, and reports each once as a coverage warning', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429, attempts: 3 } });
    const out = await run([
      collector('bots', async (ctx) => {
        for (let i = 0; i < 2; i++) {
          const r = await ctx.call({ service: 'lex', action: 'DescribeBot' }, () => Promise.reject(throttled));
          expect(failed(r) && r.kind).toBe('throttled');
        }
        const missing = await ctx.call({ service: 'lex', action: 'DescribeResourcePolicy' }, () => Promise.reject(Object.assign(new Error('x'), { name: 'ResourceNotFoundException' })));
        expect(failed(missing) && missing.kind).toBe('not-found');
        const list = await ctx.call({ service: 'lex', action: 'ListBots' }, () => Promise.reject(Object.assign(new Error('no'), { name: 'AccessDeniedException' })));
        if (failed(list)) ctx.gap([BOT], list.reason);
      }),
    ]);
    expect(out.calls).toBe(4);
    expect(coverageWarnings(out).map((w) => [w.kind, w.message])).toEqual([
      ['coverage', `${BOT} not evaluated in ${ACCOUNT}/us-east-1: lex:ListBots was denied (AccessDeniedException)`],
      ['coverage', 'us-east-1: lex:DescribeBot was throttled after 3 attempts (ThrottlingException) (2 calls); what it would have read is UNKNOWN'],
    ]);
  });

  it('runs at most `concurrency` collectors at once and reports progress per scope', async () => {
    let active = 0;
    let peak = 0;
    const slow = (name: string) =>
      collector(name, async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 10));
        active--;
      });
    const events: string[] = [];
    await run([slow('a'), slow('b'), slow('c')], ['us-east-1', 'us-west-2'], 2, {
      planned: (scopes) => events.push(...scopes.map((s) => `${s.scope}:${s.collectors}`)),
      collected: (scope, name) => events.push(`${scope}/${name}`),
    });
    expect(peak).toBe(2);
    expect(events.slice(0, 2)).toEqual(['us-east-1:3', 'us-west-2:3']);
    expect(events).toHaveLength(8);
  });

  it('keeps the first of two resources with the same logical id in a scope', async () => {
    const out = await run([collector('a', async (ctx) => ctx.emit(bot('same', true))), collector('b', async (ctx) => ctx.emit(bot('same', false)))], ['us-east-1'], 1);
    expect(out.stacks[0].resources).toHaveLength(1);
    expect(out.resources).toBe(1);
  });

  it('orders each stack by resource id, digit runs as numbers, whatever order the answers came in', async () => {
    const names = ['job-10', 'job-2', 'bot/b', 'job-1', 'job-02'];
    const emitIn = (order: string[]) => collector('jobs', async (ctx) => {
      for (const n of order) {
        await new Promise((r) => setTimeout(r, 1));
        ctx.emit(bot(n));
      }
    });
    const forward = await run([emitIn(names)]);
    const backward = await run([emitIn([...names].reverse())]);
    const ids = (out: typeof forward) => out.stacks[0].resources.map((r) => r.logicalId);
    expect(ids(forward)).toEqual(['bot/b', 'job-1', 'job-2', 'job-02', 'job-10']);
    expect(ids(backward)).toEqual(ids(forward));
  });

  it('lists gaps and failed calls in the same order however the collectors met them', async () => {
    const denied = (action: string) => Object.assign(new Error('no'), { name: 'AccessDeniedException', action });
    const failing = (actions: string[]) =>
      collector('bots', async (ctx) => {
        for (const action of actions) {
          const r = await ctx.call({ service: 'lex', action }, () => Promise.reject(denied(action)));
          if (failed(r) && action.startsWith('List')) ctx.gap([BOT], r.reason);
        }
      });
    const actions = ['ListBots', 'DescribeBot', 'ListBotAliases', 'DescribeBotAlias'];
    const one = coverageWarnings(await run([failing(actions)])).map((w) => w.message);
    const other = coverageWarnings(await run([failing([...actions].reverse())])).map((w) => w.message);
    expect(other).toEqual(one);
    expect(one.map((m) => /lex:(\w+)/.exec(m)?.[1])).toEqual(['ListBotAliases', 'ListBots', 'DescribeBot', 'DescribeBotAlias']);
  });
});
