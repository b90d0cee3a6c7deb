import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../../lib/report/report';
import { tempDir } from '../helpers/temp';

/** A small template with findings of many checks (FAIL, PASS, UNKNOWN): what a bad neighbour must not cost. */
export const GOOD_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  GroupArn: { Type: String }
Resources:
  Key: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: [] } } }
  Group: { Type: AWS::Logs::LogGroup, Properties: { RetentionInDays: 30, KmsKeyId: !GetAtt Key.Arn } }
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lexv2.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies: [{ PolicyName: p, PolicyDocument: { Statement: [{ Effect: Allow, Action: "lex:*", Resource: "*" }] } }]
  Bot:
    Type: AWS::Lex::Bot
    Properties: { Name: Support, RoleArn: !GetAtt Role.Arn, IdleSessionTTLInSeconds: 86400 }
  Alias:
    Type: AWS::Lex::BotAlias
    Properties:
      BotId: !Ref Bot
      BotAliasName: prod
      ConversationLogSettings:
        TextLogSettings: [{ Enabled: true, Destination: { CloudWatch: { CloudWatchLogGroupArn: !Ref GroupArn, LogPrefix: t/ } } }]
`;

/** The same kind of template in JSON, so that both readers are in every run. */
export const GOOD_JSON = JSON.stringify({
  Resources: {
    Bucket: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } },
    Bot: { Type: 'AWS::Lex::Bot', Properties: { Name: 'Other', RoleArn: 'arn:aws:iam::123456789012:role/lex', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 } },
    Policy: {
      Type: 'AWS::Lex::ResourcePolicy',
      Properties: { ResourceArn: { 'Fn::GetAtt': ['Bot', 'Arn'] }, Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lex:RecognizeText', Resource: '*' }] } },
    },
  },
});

/** Write files (relative path → text or bytes) into a new temporary folder; returns the folder. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const dir = tempDir('lexscribe-fuzz-');
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

/** One line per finding of the named stacks, sorted: what "the same findings" means. */
export function findingLines(report: Report | undefined, stacks?: readonly string[]): string[] {
  if (!report) return [];
  return report.findings
    .filter((f) => !stacks || stacks.includes(f.resource.stack ?? ''))
    .map((f) => [f.status, f.checkId, `${f.resource.stack ?? ''}/${f.resource.logicalId ?? ''}`, f.findingKey ?? '', f.reason ?? ''].join(' '))
    .sort();
}
