import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { LoggingStack } from './logging-stack';

export interface BotStackProps extends StackProps {
  readonly logging: LoggingStack;
  /** The Amazon Connect instance whose contact flows call the bot. */
  readonly connectInstanceArn: string;
  /** Leave out the protections lexscribe asks for, to show its findings. */
  readonly insecure: boolean;
}

const LOCALE = 'en_GB';
const TAGS = [
  { key: 'data-classification', value: 'pii' },
  { key: 'owner', value: 'contact-centre-platform' },
];
const message = (value: string) => ({ messageGroupsList: [{ message: { plainTextMessage: { value } } }], maxRetries: 2, allowInterrupt: true });

/** A banking contact-centre bot: one locale, a balance enquiry with an account-number slot, a fulfilment Lambda. */
export class BotStack extends Stack {
  constructor(scope: Construct, id: string, props: BotStackProps) {
    super(scope, id, props);
    const { logging, insecure } = props;

    const role = new iam.Role(this, 'BotRole', {
      description: 'Assumed by Amazon Lex V2 for the contact-centre bot: speech, conversation logs',
      assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com', {
        conditions: insecure
          ? undefined
          : {
              StringEquals: { 'aws:SourceAccount': this.account },
              ArnLike: { 'aws:SourceArn': `arn:${this.partition}:lex:${this.region}:${this.account}:bot/*` },
            },
      }),
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['polly:SynthesizeSpeech'], resources: [`arn:${this.partition}:polly:${this.region}:${this.account}:lexicon/*`] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logging.textLogs.logGroupArn] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [logging.audioBucket.arnForObjects('audio/*')] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [logging.key.keyArn] }));
    if (insecure) role.addToPolicy(new iam.PolicyStatement({ actions: ['lex:*'], resources: ['*'] }));

    const bot = new lex.CfnBot(this, 'Bot', {
      name: 'ContactCentreBanking',
      description: 'Self-service banking for the contact centre',
      roleArn: role.roleArn,
      dataPrivacy: { ChildDirected: false },
      idleSessionTtlInSeconds: insecure ? 3600 : 300,
      errorLogSettings: { enabled: !insecure },
      replication: insecure ? undefined : { replicaRegions: ['eu-west-1'] },
      autoBuildBotLocales: true,
      botTags: TAGS,
      testBotAliasTags: TAGS,
      botLocales: [
        {
          localeId: LOCALE,
          nluConfidenceThreshold: 0.4,
          voiceSettings: { voiceId: 'Amy', engine: 'neural' },
          intents: [
            {
              name: 'CheckBalance',
              sampleUtterances: [{ utterance: 'What is my balance' }, { utterance: 'How much money do I have' }],
              fulfillmentCodeHook: { enabled: true },
              slotPriorities: [{ priority: 1, slotName: 'AccountNumber' }],
              slots: [
                {
                  name: 'AccountNumber',
                  slotTypeName: 'AMAZON.AlphaNumeric',
                  valueElicitationSetting: { slotConstraint: 'Required', promptSpecification: message('What is your account number?') },
                  obfuscationSetting: { obfuscationSettingType: insecure ? 'None' : 'DefaultObfuscation' },
                },
              ],
            },
            { name: 'FallbackIntent', parentIntentSignature: 'AMAZON.FallbackIntent' },
          ],
        },
      ],
    });

    const version = new lex.CfnBotVersion(this, 'Version', {
      botId: bot.attrId,
      botVersionLocaleSpecification: [{ localeId: LOCALE, botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' } }],
    });

    const hook = new lambda.Function(this, 'FulfilmentHook', {
      description: 'Fulfils the balance enquiry of the contact-centre bot',
      runtime: insecure ? lambda.Runtime.NODEJS_18_X : lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      timeout: Duration.seconds(10),
      code: lambda.Code.fromInline(
        'exports.handler = async (event) => ({ sessionState: { dialogAction: { type: "Close" }, intent: { name: event.sessionState.intent.name, state: "Fulfilled" } }, messages: [{ contentType: "PlainText", content: "Your balance is on its way by text message." }] });',
      ),
    });

    const alias = new lex.CfnBotAlias(this, 'LiveAlias', {
      botId: bot.attrId,
      botAliasName: 'live',
      description: 'Production alias called by the Amazon Connect contact flows',
      botVersion: version.attrBotVersion,
      botAliasTags: TAGS,
      sentimentAnalysisSettings: { DetectSentiment: false },
      botAliasLocaleSettings: [
        {
          localeId: LOCALE,
          botAliasLocaleSetting: { enabled: true, codeHookSpecification: { lambdaCodeHook: { lambdaArn: hook.functionArn, codeHookInterfaceVersion: '1.0' } } },
        },
      ],
      conversationLogSettings: {
        textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: logging.textLogs.logGroupArn, logPrefix: 'live/' } } }],
        audioLogSettings: [
          {
            enabled: true,
            destination: { s3Bucket: { s3BucketArn: logging.audioBucket.bucketArn, logPrefix: 'audio/', kmsKeyArn: insecure ? undefined : logging.key.keyArn } },
          },
        ],
      },
    });

    hook.addPermission('InvokedByLiveAlias', {
      principal: new iam.ServicePrincipal('lexv2.amazonaws.com'),
      sourceArn: insecure ? undefined : alias.attrArn,
      sourceAccount: insecure ? undefined : this.account,
    });

    new lex.CfnResourcePolicy(this, 'ConnectAccess', {
      resourceArn: alias.attrArn,
      policy: {
        Version: '2012-10-17',
        Statement: [
          insecure
            ? { Sid: 'AnyoneMayTalk', Effect: 'Allow', Principal: '*', Action: 'lex:*', Resource: alias.attrArn }
            : {
                Sid: 'ConnectContactFlows',
                Effect: 'Allow',
                Principal: { Service: 'connect.amazonaws.com' },
                Action: ['lex:RecognizeText', 'lex:RecognizeUtterance', 'lex:StartConversation'],
                Resource: alias.attrArn,
                Condition: { StringEquals: { 'AWS:SourceAccount': this.account }, ArnEquals: { 'AWS:SourceArn': props.connectInstanceArn } },
              },
        ],
      },
    });

    if (!insecure) this.addAlarms(bot, alias);
  }

  /** Paged alarms on log delivery and runtime health, per the bot's alias. */
  private addAlarms(bot: lex.CfnBot, alias: lex.CfnBotAlias): void {
    const onCall = new sns.Topic(this, 'OnCall', { displayName: 'Contact-centre on-call', enforceSSL: true });
    const metrics = [
      'ConversationLogsTextDeliveryFailure',
      'ConversationLogsAudioDeliveryFailure',
      'RuntimeSystemErrors',
      'RuntimeThrottledEvents',
      'RuntimeLambdaErrors',
      'RuntimeInvalidLambdaResponses',
      'KendraIndexAccessError',
    ];
    for (const metricName of metrics) {
      const metric = new cloudwatch.Metric({
        namespace: 'AWS/Lex',
        metricName,
        dimensionsMap: { BotId: bot.attrId, BotAliasId: alias.attrBotAliasId },
        statistic: 'Sum',
        period: Duration.minutes(5),
      });
      metric
        .createAlarm(this, `${metricName}Alarm`, { threshold: 1, evaluationPeriods: 1, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING })
        .addAlarmAction(new actions.SnsAction(onCall));
    }
  }
}
