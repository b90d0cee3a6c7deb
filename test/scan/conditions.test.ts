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
