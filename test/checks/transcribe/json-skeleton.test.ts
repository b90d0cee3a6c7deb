import trDp12 from '../../../checks/data-protection/tr-dp-12-app-started-jobs';
import { runPipeline } from '../../../lib/engine/pipeline';
import type { StackInput } from '../../../lib/model/resource';
import { Composite, Pseudo, Reference, Unknown } from '../../../lib/model/values';
import { parseJsonValue } from '../../../lib/model/json';

const bucket = { key: 'T/Out', type: 'AWS::S3::Bucket', logicalId: 'Out', stack: { name: 'T' }, properties: {}, metadata: {}, provenance: {} };

describe('JSON documents built around deploy-time parts', () => {
  test.each<[string, unknown, (parsed: unknown) => void]>([
    ['a plain string', '{"a":1}', (p) => expect(p).toEqual({ a: 1 })],
    ['a reference that is a whole string value', new Composite(['{"b":"', new Reference(bucket, 'Ref'), '"}']), (p) => expect((p as { b: unknown }).b).toBeInstanceOf(Reference)],
    [
      'a reference inside a string value',
      new Composite(['{"u":"s3://', new Reference(bucket, 'Ref'), '/a.wav"}']),
      (p) => expect(String((p as { u: unknown }).u)).toBe('s3://<Out>/a.wav'),
    ],
    ['a part standing for a whole non-string value', new Composite(['{"n":', new Unknown('a number parameter'), '}']), (p) => expect((p as { n: unknown }).n).toBeInstanceOf(Unknown)],
    ['an escaped quote before the part', new Composite(['{"s":"say \\"', new Pseudo('AWS::Region'), '\\""}']), (p) => expect(String((p as { s: unknown }).s)).toBe('say "${AWS::Region}"')],
    ['not JSON', 'nope', (p) => expect(p).toBeInstanceOf(Unknown)],
  ])('%s', (_what, value, check) => {
    check(parseJsonValue(value));
  });

  test('TR-DP-12 in an environment-agnostic template: the partition stays a placeholder', () => {
    const definition = {
      'Fn::Join': [
        '',
        [
          '{"StartAt":"T","States":{"T":{"Type":"Task","End":true,"Resource":"arn:',
          { Ref: 'AWS::Partition' },
          ':states:::aws-sdk:transcribe:startTranscriptionJob","Parameters":{"OutputBucketName":"',
          { Ref: 'Out' },
          '","ContentRedaction":{"RedactionType":"PII"}}}}}',
        ],
      ],
    };
    const stacks: StackInput[] = [
      {
        stack: { name: 'T' },
        resources: [
          { type: 'AWS::S3::Bucket', logicalId: 'Out', properties: {}, metadata: {}, provenance: {} },
          { type: 'AWS::StepFunctions::StateMachine', logicalId: 'Flow', properties: { DefinitionString: definition }, metadata: {}, provenance: {} },
        ],
      },
    ];
    expect(runPipeline([{ stacks }], { checks: [trDp12], mode: 'synth' }).findings.map((f) => [f.findingKey, f.status])).toEqual([['State::T::OutputEncryptionKMSKeyId', 'FAIL']]);
  });
});
