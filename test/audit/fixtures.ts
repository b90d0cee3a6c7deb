import { defineCheck, fail, pass, unknown, type Check } from '../../lib/engine/check';
import { bool, get } from '../../lib/engine/read';
import { failed, type Collector } from '../../lib/sources/account/collector';
import { Unknown } from '../../lib/model/values';

/**
 * Small collectors and checks that exercise the audit framework on their own, so its tests do not
 * depend on the catalog's collectors: real SDK calls, CloudFormation-shaped output, and the two
 * ways a failure surfaces (a gap for a failed List, an Unknown value for a failed Describe).
 */
export const BOT = 'AWS::Lex::Bot';
export const JOB = 'Live::Transcribe::TranscriptionJob';
export const ROLE = 'AWS::IAM::Role';

export const lexBots: Collector = {
  name: 'test-lex-bots',
  operations: [
    { service: 'lex', action: 'ListBots' },
    { service: 'lex', action: 'DescribeBot' },
  ],
  emits: [BOT],
  async collect(ctx) {
    const { LexModelsV2Client, ListBotsCommand, DescribeBotCommand } = await import('@aws-sdk/client-lex-models-v2');
    const lex = ctx.client(LexModelsV2Client);
    const list = await ctx.call({ service: 'lex', action: 'ListBots' }, () => lex.send(new ListBotsCommand({})));
    if (failed(list)) return ctx.gap([BOT], list.reason);
    await Promise.all(
      (list.botSummaries ?? []).map(async (summary) => {
        const bot = await ctx.call({ service: 'lex', action: 'DescribeBot' }, () => lex.send(new DescribeBotCommand({ botId: summary.botId })));
        const arn = `arn:${ctx.partition}:lex:${ctx.region}:${ctx.account}:bot/${summary.botId}`;
        ctx.emit({
          type: BOT,
          logicalId: summary.botName ?? summary.botId!,
          properties: failed(bot)
            ? { Name: summary.botName, DataPrivacy: new Unknown(bot.reason) }
            : { Name: bot.botName, RoleArn: bot.roleArn, DataPrivacy: { ChildDirected: bot.dataPrivacy?.childDirected } },
          metadata: {},
          provenance: { arn, api: 'lex:DescribeBot' },
        });
      }),
    );
  },
};

export const transcribeJobs: Collector = {
  name: 'test-transcribe-jobs',
  operations: [{ service: 'transcribe', action: 'ListTranscriptionJobs' }],
  emits: [JOB],
  async collect(ctx) {
    const { TranscribeClient, ListTranscriptionJobsCommand } = await import('@aws-sdk/client-transcribe');
    const transcribe = ctx.client(TranscribeClient);
    const list = await ctx.call({ service: 'transcribe', action: 'ListTranscriptionJobs' }, () => transcribe.send(new ListTranscriptionJobsCommand({})));
    if (failed(list)) return ctx.gap([JOB], list.reason);
    for (const job of list.TranscriptionJobSummaries ?? []) {
      ctx.emit({
        type: JOB,
        logicalId: job.TranscriptionJobName!,
        properties: { OutputLocationType: job.OutputLocationType },
        metadata: {},
        provenance: { arn: `arn:${ctx.partition}:transcribe:${ctx.region}:${ctx.account}:transcription-job/${job.TranscriptionJobName}` },
      });
    }
  },
};

export const iamRoles: Collector = {
  name: 'test-iam-roles',
  global: true,
  operations: [{ service: 'iam', action: 'ListRoles' }],
  emits: [ROLE],
  async collect(ctx) {
    const { IAMClient, ListRolesCommand } = await import('@aws-sdk/client-iam');
    const list = await ctx.call({ service: 'iam', action: 'ListRoles' }, () => ctx.client(IAMClient).send(new ListRolesCommand({})));
    if (failed(list)) return ctx.gap([ROLE], list.reason);
    for (const role of list.Roles ?? []) {
      ctx.emit({ type: ROLE, logicalId: role.RoleName!, properties: { RoleName: role.RoleName }, metadata: {}, provenance: { arn: role.Arn } });
    }
  },
};

export const TEST_COLLECTORS: readonly Collector[] = [lexBots, transcribeJobs, iamRoles];

export const childDirectedDeclared = defineCheck({
  id: 'TEST-LEX-1',
  title: 'Bots declare ChildDirected',
  service: 'lex',
  topic: 'compliance',
  severity: 'MEDIUM',
  rationale: 'test',
  remediation: 'test',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/what-is.html',
  modes: ['live'],
  resourceTypes: [BOT],
  evaluate(resource, { graph }) {
    const v = bool(get(graph.props(resource), 'DataPrivacy.ChildDirected'));
    if (v instanceof Unknown) return unknown(v.reason);
    return v === undefined ? fail('ChildDirected is not set') : pass(`ChildDirected is ${v}`);
  },
});

export const jobsInCustomerBucket = defineCheck({
  id: 'TEST-TR-1',
  title: 'Transcripts go to a customer bucket',
  service: 'transcribe',
  topic: 'data-protection',
  severity: 'HIGH',
  rationale: 'test',
  remediation: 'test',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/what-is.html',
  modes: ['live'],
  resourceTypes: [JOB],
  evaluate(resource, { graph }) {
    const where = get(graph.props(resource), 'OutputLocationType');
    return where === 'CUSTOMER_BUCKET' ? pass('customer bucket') : fail(`output in ${String(where)}`);
  },
});

export const TEST_CHECKS: readonly Check[] = [childDirectedDeclared, jobsInCustomerBucket];
