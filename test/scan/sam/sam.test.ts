import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanLoaded } from '../../../lib/cli/scan';
import type { Finding } from '../../../lib/model/finding';
import { ResourceGraph } from '../../../lib/model/graph';
import { Unknown } from '../../../lib/model/values';
import { loadTemplates, type LoadedTemplates } from '../../../lib/sources/template/load';
import { emptyParameters } from '../../../lib/sources/template/parameters';
import { tempDir } from '../cli';

const fixture = (name: string) => join(__dirname, name);
const load = (...paths: string[]) => loadTemplates(paths, { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) });
const scan = (loaded: LoadedTemplates) => scanLoaded(loaded, {}, { verbose: true }).findings;
const of = (findings: Finding[], checkId: string, logicalId: string) => findings.filter((f) => f.checkId === checkId && f.resource.logicalId === logicalId);
const resources = (loaded: LoadedTemplates) => Object.fromEntries(loaded.inputs.flatMap((i) => i.resources.map((r) => [r.logicalId, r])));
const graphOf = (loaded: LoadedTemplates) => new ResourceGraph(loaded.inputs);

describe('the SAM transform', () => {
  test('a SAM state machine that starts a Transcribe job with no KMS key and no redaction fails, and so does its role allowing transcribe:StartTranscriptionJob on *', () => {
    const loaded = load(fixture('transcribe-state-machine.yaml'));
    expect(loaded.errors).toEqual([]);
    const byId = resources(loaded);
    expect(Object.fromEntries(Object.entries(byId).map(([id, r]) => [id, r.type]))).toEqual({
      MediaBucket: 'AWS::S3::Bucket',
      TranscribeWorkflow: 'AWS::StepFunctions::StateMachine',
      TranscribeWorkflowRole: 'AWS::IAM::Role',
    });
    // Provenance: the SAM resource's file and line, for the role SAM made too.
    expect(byId.TranscribeWorkflowRole.provenance).toMatchObject({ file: fixture('transcribe-state-machine.yaml'), line: 9, column: 3 });
    expect(byId.TranscribeWorkflow.properties.RoleArn).toEqual({ 'Fn::GetAtt': ['TranscribeWorkflowRole', 'Arn'] });
    expect(byId.TranscribeWorkflow.properties.Tags).toEqual([{ Key: 'stateMachine:createdBy', Value: 'SAM' }]);

    const findings = scan(loaded);
    const job = of(findings, 'TR-DP-12', 'TranscribeWorkflow');
    expect(job.filter((f) => f.status === 'FAIL').map((f) => f.findingKey)).toEqual(['State::Transcribe::OutputEncryptionKMSKeyId', 'State::Transcribe::ContentRedaction.RedactionType']);
    expect(job[0].property).toMatchObject({ path: 'Definition', line: 12 });
    const role = of(findings, 'TR-IAM-3', 'TranscribeWorkflowRole').filter((f) => f.status === 'FAIL');
    expect(role.map((f) => f.findingKey)).toEqual(['Policies.0.PolicyDocument::Statement[0]::transcribe:OutputBucketName', 'Policies.0.PolicyDocument::Statement[0]::transcribe:OutputEncryptionKMSKeyId']);
    // The statement is located where it is written in the SAM template.
    expect(role[0].property).toMatchObject({ line: 28, column: 11 });
  });

  test('functions: the execution role SAM makes, policy templates, managed policy names and statements; what is not known is Unknown; Globals, events, suppressions', () => {
    const loaded = load(fixture('function-policies.yaml'));
    expect(loaded.errors).toEqual([]);
    const byId = resources(loaded);
    expect(Object.fromEntries(Object.entries(byId).map(([id, r]) => [id, r.type]))).toEqual({
      RecordingsBucket: 'AWS::S3::Bucket',
      StartJobFunction: 'AWS::Lambda::Function',
      StartJobFunctionRole: 'AWS::IAM::Role',
      StartJobFunctionUploadPermission: 'AWS::Lambda::Permission',
      StartJobFunctionHelloPermissionProd: 'AWS::Lambda::Permission',
      ExistingRoleFunction: 'AWS::Lambda::Function',
      ExistingRoleFunctionUrl: 'AWS::Lambda::Url',
      ExistingRoleFunctionUrlPublicPermissions: 'AWS::Lambda::Permission',
      Table: 'AWS::DynamoDB::Table',
      Connector: 'AWS::Serverless::Connector',
      ServerlessRestApi: 'AWS::ApiGateway::RestApi',
    });
    const fn = byId.StartJobFunction.properties;
    // Globals merged: scalars, and the tags SAM adds before the user's.
    expect(fn).toMatchObject({ Runtime: 'python3.12', Timeout: 30, Handler: 'app.handler', TracingConfig: { Mode: 'Active' }, Role: { 'Fn::GetAtt': ['StartJobFunctionRole', 'Arn'] } });
    expect(fn.Tags).toEqual([
      { Key: 'lambda:createdBy', Value: 'SAM' },
      { Key: 'data-classification', Value: 'confidential' },
    ]);

    const graph = graphOf(loaded);
    const role = graph.props(graph.get('function-policies', 'StartJobFunctionRole')!);
    const managed = role.ManagedPolicyArns as unknown[];
    expect(managed.slice(0, 3).map(String)).toEqual([
      'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess',
      'arn:${AWS::Partition}:iam::aws:policy/AmazonTranscribeFullAccess',
    ]);
    expect(managed[3]).toBeInstanceOf(Unknown);
    expect((managed[3] as Unknown).reason).toMatch(/SomeTeamPolicyNobodyKnows, which is not an AWS managed policy lexscribe knows/);
    const inline = role.Policies as Array<{ PolicyName: string; PolicyDocument: unknown }>;
    expect(inline.map((p) => p.PolicyName)).toEqual(['StartJobFunctionRolePolicy0', 'StartJobFunctionRolePolicy2', 'StartJobFunctionRolePolicy4']);
    // S3ReadPolicy: the bucket parameter resolves to the template's bucket.
    const s3Read = inline[0].PolicyDocument as { Statement: Array<{ Action: string[]; Resource: unknown[] }> };
    expect(s3Read.Statement[0].Action).toContain('s3:GetObject');
    expect(s3Read.Statement[0].Resource.map(String)).toEqual(['arn:${AWS::Partition}:s3:::<RecordingsBucket>', 'arn:${AWS::Partition}:s3:::<RecordingsBucket>/*']);
    expect((inline[2].PolicyDocument as Unknown).reason).toMatch(/MadeUpPolicyTemplate, which is not a SAM policy template lexscribe expands/);
    expect(role.Tags).toEqual(fn.Tags);

    // Event sources: SAM's logical ids and what the permission allows.
    const permission = graph.props(graph.get('function-policies', 'StartJobFunctionHelloPermissionProd')!);
    expect({ ...permission, SourceArn: String(permission.SourceArn) }).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: expect.anything(),
      Principal: 'apigateway.amazonaws.com',
      SourceArn: 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:<ServerlessRestApi>/*/GET/hello',
    });
    expect(byId.ExistingRoleFunction.properties).toMatchObject({ Code: { ZipFile: expect.any(String) } });
    expect(loaded.inputs[0].resources.some((r) => r.logicalId === 'ExistingRoleFunctionRole')).toBe(false);
    expect(byId.Table.properties).toMatchObject({ AttributeDefinitions: [{ AttributeName: 'callId', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' });
    expect(byId.ExistingRoleFunctionUrlPublicPermissions.properties).toMatchObject({ Principal: '*', FunctionUrlAuthType: 'NONE' });
    expect(loaded.warnings.map((w) => w.message)).toEqual([
      `${fixture('function-policies.yaml')}: ExistingRoleFunction (AWS::Serverless::Function): AutoPublishAlias is not expanded by lexscribe; what SAM makes of it is not checked`,
      `${fixture('function-policies.yaml')}: Connector (AWS::Serverless::Connector) is not expanded by lexscribe; what SAM makes of it is not checked`,
    ]);

    const findings = scan(loaded);
    // An unknown policy template makes the role's policy checks UNKNOWN, located at the SAM entry; so
    // does a managed policy name SAM's list does not hold (it might be AmazonLexFullAccess).
    const unknowns = of(findings, 'LEX-IAM-5', 'StartJobFunctionRole').filter((f) => f.status === 'UNKNOWN');
    expect(unknowns.map((f) => f.reason)).toEqual([expect.stringMatching(/Policies names SomeTeamPolicyNobodyKnows/), expect.stringMatching(/MadeUpPolicyTemplate/)]);
    const unknownDoc = unknowns.find((f) => /MadeUpPolicyTemplate/.test(f.reason ?? ''));
    expect(unknownDoc?.property).toMatchObject({ path: 'Policies.2.PolicyDocument', line: 37 });
    expect(of(findings, 'TR-IAM-4', 'StartJobFunctionRole').map((f) => f.status)).toEqual(['FAIL']);
    // The suppression written on the SAM function applies to the role SAM makes of it, and is not reported unused.
    const tr3 = of(findings, 'TR-IAM-3', 'StartJobFunctionRole');
    expect(tr3.length).toBeGreaterThan(0);
    expect(tr3.every((f) => f.status === 'SUPPRESSED')).toBe(true);
    expect(scanLoaded(loaded, {}).warnings.filter((w) => w.kind === 'suppression-unused')).toEqual([]);
  });

  test('state machine definitions: a local DefinitionUri file is read with its substitutions; one in S3 is UNKNOWN with the reason', () => {
    const loaded = load(fixture('definition-uri.yaml'));
    expect(loaded.errors).toEqual([]);
    const findings = scan(loaded);
    const local = of(findings, 'TR-DP-12', 'LocalWorkflow').filter((f) => f.status === 'FAIL');
    expect(local.map((f) => f.findingKey)).toEqual(['State::Transcribe::OutputEncryptionKMSKeyId', 'State::Transcribe::ContentIdentificationType']);
    expect(local[0].property).toMatchObject({ path: 'Definition', line: 9 });
    const remote = of(findings, 'TR-DP-12', 'RemoteWorkflow');
    expect(remote.map((f) => f.status)).toEqual(['UNKNOWN']);
    expect(remote[0].reason).toMatch(/the definition is read from s3:\/\/definitions-bucket\/transcribe\.asl\.json at deploy time/);
  });

  test('the transform is read as a string or in a list; SAM resources without it, and a missing definition file, are coverage warnings', () => {
    const dir = tempDir();
    const body = 'Resources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: missing.asl.json\n';
    writeFileSync(join(dir, 'listed.yaml'), `Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n${body}`);
    writeFileSync(join(dir, 'none.yaml'), body);
    const loaded = load(join(dir, 'listed.yaml'), join(dir, 'none.yaml'));
    expect(loaded.inputs.map((i) => i.resources.map((r) => `${r.logicalId}:${r.type}`))).toEqual([['Flow:AWS::StepFunctions::StateMachine', 'FlowRole:AWS::IAM::Role'], ['Flow:AWS::Serverless::StateMachine']]);
    expect(loaded.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/listed\.yaml: Flow \(AWS::Serverless::StateMachine\): the definition file missing\.asl\.json cannot be read \(no such file or directory.*\); its states are not checked$/),
      `${join(dir, 'none.yaml')}: Flow (AWS::Serverless::StateMachine) without Transform: AWS::Serverless-2016-10-31, which CloudFormation refuses; not expanded, so not checked`,
    ]);
  });
});
