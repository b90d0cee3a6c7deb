import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanLoaded } from '../../lib/cli/scan';
import { loadTemplates } from '../../lib/sources/template/load';
import { addParameterArgs, emptyParameters } from '../../lib/sources/template/parameters';
import { tempDir } from './cli';

/**
 * Resources under a Condition are never skipped: each is checked as deployed, and its findings say
 * when it is (the condition, and whether it holds under the parameter values). Real templates ship a
 * whole sample bot behind a parameter that defaults to false.
 */
const template = (flagDefault: string) => `
Parameters:
  DeploySample:
    Type: String
    Default: "${flagDefault}"
    AllowedValues: ["true", "false"]
Conditions:
  ShouldDeploySample: !Equals [!Ref DeploySample, true]
Resources:
  Hook:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/hook
      Code: { ZipFile: "exports.handler = async () => ({})" }
  SampleInvoke:
    Type: AWS::Lambda::Permission
    Condition: ShouldDeploySample
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Hook.Arn
      Principal: lexv2.amazonaws.com
`;

function lexIam8(flagDefault: string, parameters: string[] = []) {
  const dir = tempDir();
  const file = join(dir, 'sample.yaml');
  writeFileSync(file, template(flagDefault));
  const loaded = loadTemplates([file], { parameters: addParameterArgs(emptyParameters(), parameters), stdin: () => Buffer.alloc(0) });
  return scanLoaded(loaded, {}).findings.filter((f) => f.checkId === 'LEX-IAM-8').map((f) => [f.resource.logicalId, f.status, f.reason]);
}

describe('resources under a Condition', () => {
  test('a condition true under the defaults (a parameter "true" equals YAML true): checked as any resource', () => {
    expect(lexIam8('true')).toEqual([['SampleInvoke', 'FAIL', expect.not.stringContaining('deployed only when')]]);
  });

  test('a condition false under the defaults: still checked, the finding says when the resource is deployed', () => {
    expect(lexIam8('false')).toEqual([
      ['SampleInvoke', 'FAIL', expect.stringMatching(/\(deployed only when condition ShouldDeploySample is true, which it is not under the parameter values given or their defaults\)$/)],
    ]);
  });

  test('a value given with --parameters decides the condition', () => {
    expect(lexIam8('false', ['DeploySample=true'])).toEqual([['SampleInvoke', 'FAIL', expect.not.stringContaining('deployed only when')]]);
  });
});

/**
 * A `Fn::If` whose condition only a parameter default decides: judged on both branches, the worse one
 * reported naming the condition; a value given with --parameters decides it for good. A list
 * parameter's default is read as the list, and the verdict names the parameter.
 */
const policyTemplate = `
Parameters:
  Public: { Type: String, Default: "no" }
  Actions: { Type: CommaDelimitedList, Default: "lex:*,s3:GetObject" }
Conditions:
  IsPublic: !Equals [!Ref Public, "yes"]
Resources:
  Bot:
    Type: AWS::Lex::Bot
    Properties: { Name: b, RoleArn: arn:aws:iam::123456789012:role/r, DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 }
  Policy:
    Type: AWS::Lex::ResourcePolicy
    Properties:
      ResourceArn: !GetAtt Bot.Arn
      Policy:
        Statement:
          - { Effect: Allow, Principal: !If [IsPublic, "*", { AWS: "arn:aws:iam::123456789012:root" }], Action: lex:RecognizeText, Resource: "*" }
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: { Statement: [{ Effect: Allow, Action: !Ref Actions, Resource: "*" }] }
`;

function scanPolicies(parameters: string[] = []) {
  const dir = tempDir();
  const file = join(dir, 'policies.yaml');
  writeFileSync(file, policyTemplate);
  const loaded = loadTemplates([file], { parameters: addParameterArgs(emptyParameters(), parameters), stdin: () => Buffer.alloc(0) });
  const findings = scanLoaded(loaded, {}).findings;
  const of = (check: string, id: string) => findings.filter((f) => f.checkId === check && f.resource.logicalId === id).map((f) => [f.status, f.reason]);
  return { iam1: of('LEX-IAM-1', 'Policy'), iam5: of('LEX-IAM-5', 'Managed') };
}

describe('values that parameter defaults decide', () => {
  test('the branch the defaults do not take is judged too, naming the condition and its parameter', () => {
    expect(scanPolicies().iam1).toEqual([['FAIL', expect.stringMatching(/allows any principal .*\(when condition IsPublic is true, as it is when parameter Public is not at its default\)$/)]]);
  });

  test('a value given with --parameters decides the branch: no other is judged', () => {
    expect(scanPolicies(['Public=no']).iam1).toEqual([['PASS', expect.not.stringContaining('when condition')]]);
    expect(scanPolicies(['Public=yes']).iam1).toEqual([['FAIL', expect.not.stringContaining('when condition')]]);
  });

  test('a list parameter default is split as CloudFormation does, and the verdict names the parameter', () => {
    expect(scanPolicies().iam5).toEqual([['FAIL', expect.stringMatching(/allows lex:\* on "\*".*\(read from parameter Actions at its default "lex:\*,s3:GetObject"; a deployment may pass another value\)$/)]]);
    expect(scanPolicies(['Actions=lex:RecognizeText']).iam5).toEqual([['PASS', expect.not.stringContaining('parameter')]]);
  });
});
