import { CreateBotAliasCommand, CreateBotCommand, CreateResourcePolicyCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ACCOUNT, REGION, type AwsCredentials } from './moto';

/** Makes an SDK client for moto, signed with `credentials` (the management account's when absent). */
export type ClientFactory = <T>(ctor: new (config: Record<string, unknown>) => T, credentials?: AwsCredentials) => T;

export interface Member {
  id: string;
  name: string;
  /** The member's OrganizationAccountAccessRole, assumed: moto serves the member's account to these. */
  credentials: AwsCredentials;
}

export interface Organization {
  id: string;
  management: string;
  members: Member[];
}

export const ORG_ROLE = 'OrganizationAccountAccessRole';

/** An organization whose management account is moto's default account, with one member per name (created through the real SDK). */
export async function createOrganization(client: ClientFactory, names: readonly string[]): Promise<Organization> {
  const org = client(OrganizationsClient);
  const { Organization } = await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const sts = client(STSClient);
  const members: Member[] = [];
  for (const name of names) {
    const { CreateAccountStatus } = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name.toLowerCase()}@example.com` }));
    const id = CreateAccountStatus!.AccountId!;
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${id}:role/${ORG_ROLE}`, RoleSessionName: 'seed' }));
    members.push({ id, name, credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken } });
  }
  return { id: Organization!.Id!, management: ACCOUNT, members };
}

export interface SeededBot {
  botId: string;
  aliasId: string;
  botArn: string;
  aliasArn: string;
}

/**
 * A bot in an account: its Prod alias writes audio logs without a KMS key (LEX-DP-2 fails), and with
 * `publicPolicy` its resource policy lets anyone in (LEX-IAM-1 fails, HIGH).
 */
export async function seedBot(client: ClientFactory, account: string, credentials: AwsCredentials | undefined, name: string, opts: { publicPolicy?: boolean; bucket?: string } = {}): Promise<SeededBot> {
  const lex = client(LexModelsV2Client, credentials);
  const bucket = opts.bucket ?? `lex-audio-${account}`;
  await client(S3Client, credentials).send(new CreateBucketCommand({ Bucket: bucket }));
  const { botId } = await lex.send(new CreateBotCommand({ botName: name, roleArn: `arn:aws:iam::${account}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
  const { botAliasId } = await lex.send(
    new CreateBotAliasCommand({
      botId,
      botAliasName: 'Prod',
      botVersion: 'DRAFT',
      conversationLogSettings: { audioLogSettings: [{ enabled: true, destination: { s3Bucket: { s3BucketArn: `arn:aws:s3:::${bucket}`, logPrefix: 'audio/' } } }] },
    }),
  );
  const botArn = `arn:aws:lex:${REGION}:${account}:bot/${botId}`;
  if (opts.publicPolicy) {
    await lex.send(
      new CreateResourcePolicyCommand({
        resourceArn: botArn,
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lex:RecognizeText', Resource: botArn }] }),
      }),
    );
  }
  return { botId: botId!, aliasId: botAliasId!, botArn, aliasArn: `arn:aws:lex:${REGION}:${account}:bot-alias/${botId}/${botAliasId}` };
}
