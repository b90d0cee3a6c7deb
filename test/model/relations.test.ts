import { ResourceGraph, relation, type Relation } from '../../lib/model/graph';
import { POLICIES_BY_HOLDER, policiesOf } from '../../lib/model/relations/iam';
import type { StackInput } from '../../lib/model/resource';

const stack = { name: 'S', account: '123456789012', region: 'us-east-1' };
const resource = (type: string, logicalId: string, properties: Record<string, unknown>) => ({ type, logicalId, properties, metadata: {}, provenance: {} });
const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lex:*', Resource: '*' }] };

describe('graph.memo', () => {
  test('a relation is computed once per graph, and again for another graph', () => {
    let runs = 0;
    const count = relation('resources counted', (graph) => {
      runs++;
      return graph.resources.length;
    });
    const graph = new ResourceGraph([{ stack, resources: [resource('AWS::S3::Bucket', 'B', {})] }]);
    expect([graph.memo(count), graph.memo(count)]).toEqual([1, 1]);
    expect(runs).toBe(1);
    expect(new ResourceGraph([{ stack, resources: [] }]).memo(count)).toBe(0);
    expect(runs).toBe(2);
  });

  test('a relation that needs itself is an error, not an endless loop', () => {
    const loop: Relation<number> = relation('loop', (graph): number => graph.memo(loop));
    expect(() => new ResourceGraph([]).memo(loop)).toThrow('relation loop depends on itself');
  });

  test('identity policies by holder and by principal', () => {
    const input: StackInput = {
      stack,
      resources: [
        resource('AWS::IAM::Role', 'Role', { AssumeRolePolicyDocument: {}, Policies: [{ PolicyName: 'inline', PolicyDocument: doc }] }),
        resource('AWS::IAM::Policy', 'Attached', { PolicyName: 'p', PolicyDocument: doc, Roles: [{ Ref: 'Role' }] }),
      ],
    };
    const graph = new ResourceGraph([input]);
    const [role, attached] = graph.resources;
    expect(graph.memo(POLICIES_BY_HOLDER).get(attached)?.map((p) => p.path)).toEqual(['PolicyDocument']);
    expect(policiesOf(graph, role).map((p) => `${p.holder.logicalId}:${p.path}`)).toEqual(['Role:Policies.0.PolicyDocument', 'Attached:PolicyDocument']);
  });
});
