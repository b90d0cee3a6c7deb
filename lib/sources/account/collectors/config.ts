import { failed, type Collector } from '../collector';
import { Unknown } from '../../../model/values';
import { listAll, op, unknownFrom } from './support/calls';
import { cfnShape, live } from './support/shape';
import { CONFIG_RULE, RECORDER } from '../../../model/types/config';

const CONFIG = {
  DescribeConfigurationRecorders: op('config', 'DescribeConfigurationRecorders'),
  DescribeConfigurationRecorderStatus: op('config', 'DescribeConfigurationRecorderStatus'),
  DescribeConfigRules: op('config', 'DescribeConfigRules'),
};

/**
 * AWS Config in this Region: `AWS::Config::ConfigurationRecorder` {Name, RoleARN, RecordingGroup,
 * RecordingMode; live-only Recording, LastStatus from DescribeConfigurationRecorderStatus} and
 * `AWS::Config::ConfigRule` {ConfigRuleName, Description, Source, Scope; live-only ConfigRuleState}.
 */
export const configService: Collector = {
  name: 'config',
  operations: Object.values(CONFIG),
  emits: [RECORDER, CONFIG_RULE],
  async collect(ctx) {
    const cfg = await import('@aws-sdk/client-config-service');
    const client = ctx.client(cfg.ConfigServiceClient);
    const [recorders, statuses, rules] = await Promise.all([
      ctx.call(CONFIG.DescribeConfigurationRecorders, () => client.send(new cfg.DescribeConfigurationRecordersCommand({}))),
      ctx.call(CONFIG.DescribeConfigurationRecorderStatus, () => client.send(new cfg.DescribeConfigurationRecorderStatusCommand({}))),
      listAll(
        ctx,
        CONFIG.DescribeConfigRules,
        (NextToken) => client.send(new cfg.DescribeConfigRulesCommand({ NextToken })),
        (page) => ({ items: page.ConfigRules, next: page.NextToken }),
      ),
    ]);
    if (failed(recorders)) ctx.gap([RECORDER], recorders.reason);
    else {
      for (const r of recorders.ConfigurationRecorders ?? []) {
        const status = failed(statuses) ? unknownFrom(statuses) : statuses.ConfigurationRecordersStatus?.find((x) => x.name === r.name);
        ctx.emit(
          live(RECORDER, `config-recorder/${r.name}`, r.arn, 'config:DescribeConfigurationRecorders', {
            Name: r.name,
            RoleARN: r.roleARN,
            RecordingGroup: cfnShape(r.recordingGroup),
            RecordingMode: cfnShape(r.recordingMode),
            Recording: status instanceof Unknown ? status : (status?.recording ?? false),
            LastStatus: status instanceof Unknown ? status : status?.lastStatus,
          }),
        );
      }
    }
    if (failed(rules)) ctx.gap([CONFIG_RULE], rules.reason);
    else {
      for (const rule of rules) {
        ctx.emit(
          live(CONFIG_RULE, `config-rule/${rule.ConfigRuleName}`, rule.ConfigRuleArn, 'config:DescribeConfigRules', {
            ConfigRuleName: rule.ConfigRuleName,
            Description: rule.Description,
            Source: rule.Source && { Owner: rule.Source.Owner, SourceIdentifier: rule.Source.SourceIdentifier },
            Scope: rule.Scope,
            ConfigRuleState: rule.ConfigRuleState,
          }),
        );
      }
    }
  },
};
