import { ResourceGraph } from '../../lib/model/graph';
import type { StackInput } from '../../lib/model/resource';

/**
 * `ResourceGraph.alternative()` and `under()`: the conditions that only parameter defaults decide, and
 * the properties a resource has under their other value.
 */

type Input = StackInput['resources'][number];
const named = (logicalId: string, type: string, properties: Record<string, unknown> = {}): Input => ({ logicalId, type, properties, metadata: {}, provenance: {} });

const stack = (parameterValues: Record<string, string> = {}): StackInput => ({
  stack: { name: 'App' },
  parameters: { UseKey: { Type: 'String', Default: 'yes' }, Stage: { Type: 'String' } },
  parameterValues,
  conditions: {
    HasKey: { 'Fn::Equals': [{ Ref: 'UseKey' }, 'yes'] },
    Literal: { 'Fn::Equals': ['a', 'a'] },
    NoKey: { 'Fn::Not': [{ Condition: 'HasKey' }] },
  },
  resources: [
    named('Key', 'AWS::KMS::Key'),
    named('Logs', 'AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::If': ['HasKey', { 'Fn::GetAtt': ['Key', 'Arn'] }, { Ref: 'AWS::NoValue' }] } }),
    named('Fixed', 'AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::If': ['Literal', 'arn:aws:kms:us-east-1:111122223333:key/k', { Ref: 'AWS::NoValue' }] } }),
    named('Alias', 'AWS::Lex::BotAlias', { Group: { 'Fn::GetAtt': ['Logs', 'Arn'] }, Flag: { 'Fn::If': ['NoKey', 'off', 'on'] } }),
  ],
});

describe('alternative', () => {
  const graph = new ResourceGraph([stack()]);
  const get = (id: string) => graph.get('App', id)!;

  test('names a condition decided by a parameter default, with its value and the parameter', () => {
    expect(graph.alternative(get('Logs'))?.conditions).toEqual([{ name: 'HasKey', value: true, parameters: ['UseKey'] }]);
  });

  test('follows references to the resources a property names, and conditions built on conditions', () => {
    expect(graph.alternative(get('Alias'))?.conditions.map((c) => [c.name, c.value])).toEqual([
      ['NoKey', false],
      ['HasKey', true],
    ]);
  });

  test('is undefined where no parameter default decides a condition', () => {
    expect(graph.alternative(get('Fixed'))).toBeUndefined();
    expect(graph.alternative(get('Key'))).toBeUndefined();
  });

  test('is undefined when the run gives the parameter a value', () => {
    const given = new ResourceGraph([stack({ UseKey: 'yes' })]);
    expect(given.alternative(given.get('App', 'Logs')!)).toBeUndefined();
  });

  test('under() reads the other branch, and the defaults again afterwards', () => {
    const logs = get('Logs');
    const alt = graph.alternative(logs)!;
    expect(graph.props(logs).KmsKeyId).toBeDefined();
    expect(graph.under(alt, () => graph.props(logs).KmsKeyId)).toBeUndefined();
    expect(graph.props(logs).KmsKeyId).toBeDefined();
  });
});
