import { confusedDeputyGaps } from '../../../checks/shared/trust';
import { ResourceGraph } from '../../../lib/model/graph';
import { Composite, Pseudo, Unknown } from '../../../lib/model/values';
import { parsePolicy, type PolicyDocument } from '../../../lib/policy/document';
import { serviceName, trustStatementsFor } from '../../../lib/policy/trust';

function statement(condition: unknown) {
  const doc = parsePolicy({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: condition }] }) as PolicyDocument;
  return doc.statements[0];
}

describe('confusedDeputyGaps', () => {
  test.each([
    ['both keys, any case', { StringEquals: { 'AWS:SourceAccount': '123456789012' }, ArnLike: { 'aws:sourcearn': 'arn:aws:lex:us-east-1:123456789012:bot-alias/*' } }, []],
    ['pseudo account in the ARN', { StringEquals: { 'aws:SourceAccount': new Pseudo('AWS::AccountId') }, ArnLike: { 'aws:SourceArn': new Composite(['arn:', new Pseudo('AWS::Partition'), ':lex:us-east-1:', new Pseudo('AWS::AccountId'), ':bot/*']) } }, []],
    ['nothing', undefined, ['aws:SourceAccount:missing', 'aws:SourceArn:missing']],
    ['negated operator', { StringNotEquals: { 'aws:SourceAccount': '111111111111' }, ArnEquals: { 'aws:SourceArn': 'arn:aws:lex:us-east-1:123456789012:bot/B' } }, ['aws:SourceAccount:missing']],
    ['IfExists operator', { StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' }, ArnEquals: { 'aws:SourceArn': 'arn:aws:lex:us-east-1:123456789012:bot/B' } }, ['aws:SourceAccount:missing']],
    ['wildcards', { StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': 'arn:aws:lex:*:*:bot/*' } }, ['aws:SourceAccount:wildcard', 'aws:SourceArn:wildcard']],
  ])('%s', (_what, condition, expected) => {
    const gaps = confusedDeputyGaps(statement(condition));
    expect(gaps instanceof Unknown ? gaps : gaps.map((g) => `${g.key}:${g.problem}`)).toEqual(expected);
  });

  test('a value that cannot be known is Unknown', () => {
    expect(confusedDeputyGaps(statement({ StringEquals: { 'aws:SourceAccount': new Unknown('parameter Account has no value') }, ArnLike: { 'aws:SourceArn': 'arn:aws:lex:us-east-1:123456789012:bot/*' } }))).toBeInstanceOf(Unknown);
  });
});

describe('trust statements', () => {
  test.each([
    ['lexv2.amazonaws.com', 'lexv2'],
    ['lexv2.amazonaws.com.cn', 'lexv2'],
    ['TRANSCRIBE.streaming.amazonaws.com', 'transcribe.streaming'],
  ])('serviceName(%s) = %s', (value, expected) => expect(serviceName(value)).toBe(expected));

  test('literal (live-shaped, URL-encoded) trust policy', () => {
    const doc = encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: ['lexv2.amazonaws.com'] }, Action: 'sts:AssumeRole' }] }));
    const graph = new ResourceGraph([
      { stack: { name: '123456789012/us-east-1', account: '123456789012', region: 'us-east-1' }, resources: [{ type: 'AWS::IAM::Role', logicalId: 'BotRole', properties: { RoleName: 'BotRole', AssumeRolePolicyDocument: doc }, metadata: {}, provenance: { arn: 'arn:aws:iam::123456789012:role/BotRole' } }] },
    ]);
    const role = graph.ofType('AWS::IAM::Role')[0];
    expect(trustStatementsFor(graph, role, ['lexv2.amazonaws.com'])).toHaveLength(1);
    expect(trustStatementsFor(graph, role, ['transcribe.amazonaws.com'])).toHaveLength(0);
  });
});
