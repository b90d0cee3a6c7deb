import { Stage, type App } from 'aws-cdk-lib';
import { LexscribeSuppressions } from '../cdk/suppressions';
import { BotStack } from './bot-stack';
import { LoggingStack } from './logging-stack';

/**
 * The example contact centre: a logging stack and a bot stack. Context: `example:insecure=true`
 * leaves out the protections (to show findings), `example:stage=<name>` puts both stacks in a Stage
 * of that name (the CDK Pipelines layout), `example:account` / `example:region` /
 * `example:connectInstanceId` set the environment (defaults are placeholders: synth needs no AWS account).
 */
export function contactCentre(app: App): { logging: LoggingStack; bot: BotStack } {
  const ctx = (key: string, fallback: string) => String(app.node.tryGetContext(`example:${key}`) ?? fallback);
  const insecure = ctx('insecure', 'false') === 'true';
  const env = { account: ctx('account', '111122223333'), region: ctx('region', 'eu-west-2') };
  const connectInstanceArn = `arn:aws:connect:${env.region}:${env.account}:instance/${ctx('connectInstanceId', '6f3a2c1e-0b7d-4e2a-9c55-8d1f0e4b7a21')}`;

  const stage = ctx('stage', '');
  const scope = stage ? new Stage(app, stage, { env }) : app;
  const logging = new LoggingStack(scope, 'ContactCentreLogging', { env, insecure });
  const bot = new BotStack(scope, 'ContactCentreBot', { env, insecure, logging, connectInstanceArn });

  // Account-wide controls live in the organization's baseline, not in this workload: accepted, with the reason on record.
  LexscribeSuppressions.addStackSuppressions(bot, [
    { id: 'LEX-MON-1', reason: 'The organization trail (audit account) records management events of every account and Region' },
    { id: 'LEX-MON-7', reason: 'The landing-zone baseline records all resource types with AWS Config in every governed Region' },
    { id: 'LEX-COMP-2', reason: 'Security Hub (AWS FSBP) and the Config conformance pack are enabled organization-wide by the security account' },
    { id: 'LEX-DP-9', reason: 'The AI-services opt-out policy is attached at the organization root by the management account' },
  ]);
  return { logging, bot };
}
