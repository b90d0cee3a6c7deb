import { actionsOf } from '../../lib/policy/actions';
import { CallFailure, failed, type CollectorContext } from '../../lib/sources/account/collector';
import { ALL_COLLECTORS } from '../../lib/sources/account/collectors';
import { bucketName } from '../../lib/sources/account/collectors/follow/s3';
import { lexShape } from '../../lib/sources/account/collectors/lex/shape';
import { absentOn, answerOn, listAll, mapLimit, op } from '../../lib/sources/account/collectors/support/calls';
import { tagList } from '../../lib/sources/account/collectors/support/shape';
import { iamAction, isReadOnly, operationName } from '../../lib/sources/account/operations';
import { awsError } from './sdk-mock';

/** A context whose `call` runs the send and turns a throw into a failure, as the runner does. */
function context(): CollectorContext {
  return {
    account: '123456789012',
    region: 'us-east-1',
    partition: 'aws',
    since: new Date(0),
    client: () => {
      throw new Error('no clients here');
    },
    call: async (o, send) => {
      try {
        return await send();
      } catch (e) {
        return new CallFailure(o, 'error', String(e));
      }
    },
    emit: () => undefined,
    gap: () => undefined,
  };
}

describe('collector declarations', () => {
  const declared = ALL_COLLECTORS.flatMap((c) => c.operations.map((o) => ({ collector: c.name, name: operationName(o), op: o })));

  it('declare only read-only operations', () => {
    expect(declared.filter((d) => !isReadOnly(d.op)).map((d) => `${d.collector} ${d.name}`)).toEqual([]);
  });

  it('declare operations IAM knows (after the API-name → IAM-action mapping), so the printed policy works', () => {
    const unknownActions = declared.filter((d) => {
      const [service, action] = iamAction(d.op).split(':');
      return !actionsOf(service).some((a) => a.toLowerCase() === action.toLowerCase());
    });
    expect(unknownActions.map((d) => `${d.collector} ${d.name}`)).toEqual([]);
  });

  it('have distinct names and emit at least one type each', () => {
    expect(new Set(ALL_COLLECTORS.map((c) => c.name)).size).toBe(ALL_COLLECTORS.length);
    expect(ALL_COLLECTORS.filter((c) => c.emits.length === 0)).toEqual([]);
  });
});

describe('SDK → CloudFormation shape', () => {
  it('spells Lex fields as the AWS::Lex schemas do', () => {
    expect(
      lexShape({
        runtimeSettings: { slotResolutionImprovement: { enabled: true, bedrockModelSpecification: { modelArn: 'm', guardrail: { identifier: 'g', version: '1' }, traceStatus: 'DISABLED', customPrompt: 'p' } } },
        lambdaCodeHook: { lambdaARN: 'arn', codeHookInterfaceVersion: '1.0' },
        version: 'kept',
      }),
    ).toEqual({
      RuntimeSettings: {
        SlotResolutionImprovementSpecification: {
          Enabled: true,
          BedrockModelSpecification: { ModelArn: 'm', BedrockGuardrailConfiguration: { BedrockGuardrailIdentifier: 'g', BedrockGuardrailVersion: '1' }, BedrockTraceStatus: 'DISABLED', BedrockModelCustomPrompt: 'p' },
        },
      },
      LambdaCodeHook: { LambdaArn: 'arn', CodeHookInterfaceVersion: '1.0' },
      Version: 'kept',
    });
  });

  it('writes tags as [{Key, Value}] from a map or an SDK list', () => {
    expect(tagList({ a: '1' })).toEqual([{ Key: 'a', Value: '1' }]);
    expect(tagList([{ Key: 'b', Value: undefined }])).toEqual([{ Key: 'b', Value: '' }]);
  });

  it.each([
    ['arn:aws:s3:::logs', 'logs'],
    ['arn:aws:s3:::logs/prefix/', 'logs'],
    ['s3://media/in/call.wav', 'media'],
    ['https://s3.eu-west-1.amazonaws.com/out/job.json', 'out'],
    ['https://out.s3.eu-west-1.amazonaws.com/job.json', 'out'],
    ['plain-bucket', 'plain-bucket'],
    ['arn:aws:logs:us-east-1:1:log-group:x', undefined],
  ])('bucket name of %s', (ref, name) => {
    expect(bucketName(ref)).toBe(name);
  });
});

describe('call helpers', () => {
  const o = op('lex', 'ListBots');

  it('answerOn turns exactly the named errors into answers; absentOn into undefined', async () => {
    await expect(answerOn({ NotInUse: 'standalone' }, () => Promise.reject(awsError('NotInUse')))).resolves.toBe('standalone');
    await expect(absentOn(['NoSuchBucketPolicy'], () => Promise.reject(awsError('NoSuchBucketPolicy')))).resolves.toBeUndefined();
    await expect(absentOn(['NoSuchBucketPolicy'], () => Promise.reject(awsError('AccessDenied')))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('listAll returns every page, or the failure: never a partial list', async () => {
    const pages: Record<string, { items: number[]; next?: string }> = { start: { items: [1], next: 'a' }, a: { items: [2], next: 'b' }, b: { items: [3] } };
    await expect(listAll(context(), o, async (t) => pages[t ?? 'start'], (p) => p)).resolves.toEqual([1, 2, 3]);
    const broken = listAll(context(), o, async (t) => (t === 'b' ? Promise.reject(new Error('throttled')) : pages[t ?? 'start']), (p) => p);
    expect(failed(await broken)).toBe(true);
  });

  it('listAll stops when a service hands back a token it already gave', async () => {
    let calls = 0;
    const items = await listAll(context(), o, async () => ({ items: [++calls], next: 'same' }), (p) => p);
    expect(items).toEqual([1, 2]);
  });

  it('mapLimit keeps order and the limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([3, 1, 2, 5, 4], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([30, 10, 20, 50, 40]);
    expect(peak).toBe(2);
  });
});
