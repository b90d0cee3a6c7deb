import fc from 'fast-check';
import { bigString, cfnValue, logicalId, oddNumber, oddString, PROTOTYPE_NAMES, usually, type Names } from './values';

/** A CloudFormation template as data (serialised by `./serialise`). */
export type Template = Record<string, unknown>;

/**
 * Files the generated templates name (nested stacks' TemplateURL, SAM's Location and DefinitionUri):
 * write them beside the template. `child.yaml` is a good template, `flow.asl.json` a state machine
 * definition with `\${KeyArn}` substitution, both small.
 */
export const LOCAL_FILES: Record<string, string> = {
  'child.yaml': 'Parameters:\n  Env: { Type: String }\nResources:\n  Group: { Type: AWS::Logs::LogGroup, Properties: { RetentionInDays: 30 } }\n',
  'flow.asl.json': JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob', Parameters: { TranscriptionJobName: 'j', OutputEncryptionKMSKeyId: '${KeyArn}' }, End: true } } }),
};

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/lex`;

/** A policy document, plausible in shape, with any value anywhere. */
function policyDocument(names: Names): fc.Arbitrary<unknown> {
  const any = (a: fc.Arbitrary<unknown>) => usually(a, names);
  const statement = fc.record(
    {
      Sid: any(fc.string({ maxLength: 6 })),
      Effect: any(fc.constantFrom('Allow', 'Deny', 'allow')),
      Principal: any(fc.oneof(fc.constant('*'), fc.constant({ AWS: '*' }), fc.constant({ Service: 'lexv2.amazonaws.com' }), fc.constant({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), fc.constant({ Federated: 'cognito-identity.amazonaws.com' }))),
      Action: any(fc.oneof(oddString, fc.array(oddString, { maxLength: 3 }), fc.constantFrom('lex:*', '*', 'transcribe:StartTranscriptionJob', 'iam:PassRole', 'iam:CreateServiceLinkedRole'))),
      NotAction: fc.option(oddString, { nil: undefined }),
      Resource: any(fc.oneof(fc.constant('*'), fc.constant(`arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/B/A`), fc.array(oddString, { maxLength: 2 }))),
      Condition: any(fc.oneof(fc.constant({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }), fc.constant({ StringLike: { 'aws:SourceArn': `arn:aws:lex:*:${ACCOUNT}:bot-alias/*` } }), fc.constant({ Bool: { 'aws:SecureTransport': 'false' } }))),
    },
    { requiredKeys: ['Effect'] },
  );
  return any(fc.record({ Version: fc.constant('2012-10-17'), Statement: any(fc.oneof(fc.array(statement, { maxLength: 3 }), statement)) }));
}

function tags(names: Names): fc.Arbitrary<unknown> {
  const tag = fc.record({ Key: usually(fc.constantFrom('data-classification', 'owner', 'env', '__proto__'), names), Value: usually(fc.constantFrom('PCI', 'PHI', 'public', 'x'), names) });
  return usually(fc.array(tag, { maxLength: 3 }), names);
}

/** Resources of every type lexscribe reads, with plausible properties that are often wrong. */
function resource(names: Names): fc.Arbitrary<Record<string, unknown>> {
  const any = (a: fc.Arbitrary<unknown>) => usually(a, names);
  const ref = (kinds: readonly string[]) => fc.constantFrom(...(kinds.length > 0 ? kinds : ['Missing']));
  const getAtt = (attr: string) => ref(names.resources).map((r) => ({ 'Fn::GetAtt': [r, attr] }));
  const keyArn = any(fc.oneof(getAtt('Arn'), fc.constant(`arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`), fc.constant('alias/aws/lex'), fc.constant('{{resolve:ssm:/key}}')));
  const logSettings = fc.record({
    TextLogSettings: any(fc.array(fc.record({ Enabled: any(fc.boolean()), Destination: any(fc.record({ CloudWatch: any(fc.record({ CloudWatchLogGroupArn: any(getAtt('Arn')), LogPrefix: any(fc.constant('t/')) })) })) }), { maxLength: 2 })),
    AudioLogSettings: any(fc.array(fc.record({ Enabled: any(fc.boolean()), Destination: any(fc.record({ S3Bucket: any(fc.record({ S3BucketArn: any(getAtt('Arn')), LogPrefix: any(fc.constant('a/')), KmsKeyArn: keyArn }, { requiredKeys: ['S3BucketArn'] })) })) }), { maxLength: 2 })),
  });
  const slot = fc.record({
    Name: any(fc.constantFrom('Pin', 'Email', 'CardNumber', 'Size')),
    SlotTypeName: any(fc.constantFrom('AMAZON.AlphaNumeric', 'AMAZON.Number', 'AMAZON.EmailAddress', 'Custom')),
    ObfuscationSetting: any(fc.record({ ObfuscationSettingType: any(fc.constantFrom('None', 'DefaultObfuscation')) })),
    ValueElicitationSetting: any(fc.record({ SlotConstraint: fc.constantFrom('Required', 'Optional') })),
  });
  const locale = fc.record({
    LocaleId: any(fc.constantFrom('en_US', 'de_DE')),
    NluConfidenceThreshold: any(fc.constant(0.4)),
    Intents: any(fc.array(fc.record({ Name: any(fc.constantFrom('OrderPizza', 'FallbackIntent')), Slots: any(fc.array(slot, { maxLength: 2 })) }), { maxLength: 2 })),
    Description: fc.option(fc.oneof(oddString, bigString), { nil: undefined }),
  });
  const types: Array<fc.Arbitrary<Record<string, unknown>>> = [
    fc.record({
      Type: fc.constant('AWS::Lex::Bot'),
      Properties: any(
        fc.record(
          {
            Name: any(fc.constantFrom('Support', 'john.smith@example.com')),
            Description: fc.option(fc.oneof(oddString, bigString), { nil: undefined }),
            RoleArn: any(fc.oneof(fc.constant(ROLE), getAtt('Arn'))),
            DataPrivacy: any(fc.record({ ChildDirected: any(fc.boolean()) })),
            IdleSessionTTLInSeconds: any(oddNumber),
            BotLocales: any(fc.array(locale, { maxLength: 2 })),
            BotTags: tags(names),
            TestBotAliasSettings: any(fc.record({ ConversationLogSettings: any(logSettings), SentimentAnalysisSettings: any(fc.record({ DetectSentiment: any(fc.boolean()) })) })),
            BotFileS3Location: fc.option(fc.record({ S3Bucket: any(fc.constant('bucket')), S3ObjectKey: any(fc.constantFrom('bot.zip', '../../etc/passwd', '')) }), { nil: undefined }),
          },
          { requiredKeys: ['Name'] },
        ),
      ),
    }),
    fc.record({
      Type: fc.constant('AWS::Lex::BotAlias'),
      Properties: any(
        fc.record({
          BotId: any(ref(names.resources).map((r) => ({ Ref: r }))),
          BotAliasName: any(fc.constantFrom('prod', 'test')),
          BotVersion: any(fc.constantFrom('1', 'DRAFT')),
          ConversationLogSettings: any(logSettings),
          SentimentAnalysisSettings: any(fc.record({ DetectSentiment: any(fc.boolean()) })),
          BotAliasTags: tags(names),
          BotAliasLocaleSettings: any(fc.array(fc.record({ LocaleId: fc.constant('en_US'), BotAliasLocaleSetting: any(fc.record({ Enabled: any(fc.boolean()), CodeHookSpecification: any(fc.record({ LambdaCodeHook: any(fc.record({ LambdaArn: any(getAtt('Arn')), CodeHookInterfaceVersion: fc.constant('1.0') })) })) })) }), { maxLength: 2 })),
        }),
      ),
    }),
    fc.record({
      Type: fc.constant('AWS::Lex::ResourcePolicy'),
      Properties: any(fc.record({ ResourceArn: any(getAtt('Arn')), Policy: policyDocument(names) })),
    }),
    fc.record({
      Type: fc.constant('AWS::Logs::LogGroup'),
      Properties: any(fc.record({ LogGroupName: any(fc.constantFrom('/lex/support', '')), KmsKeyId: keyArn, RetentionInDays: any(fc.constantFrom(1, 30, 365, 0, -1, 7.5)), DataProtectionPolicy: any(fc.constant({ Statement: [] })) })),
    }),
    fc.record({
      Type: fc.constantFrom('AWS::IAM::Role'),
      Properties: any(
        fc.record({
          AssumeRolePolicyDocument: policyDocument(names),
          ManagedPolicyArns: any(fc.array(fc.constantFrom('arn:aws:iam::aws:policy/AmazonLexFullAccess', 'arn:aws:iam::aws:policy/AmazonTranscribeFullAccess', 'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/Nope'), { maxLength: 2 })),
          Policies: any(fc.array(fc.record({ PolicyName: any(fc.constant('p')), PolicyDocument: policyDocument(names) }), { maxLength: 2 })),
          RoleName: fc.option(oddString, { nil: undefined }),
          Tags: tags(names),
        }),
      ),
    }),
    fc.record({
      Type: fc.constantFrom('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy'),
      Properties: any(fc.record({ PolicyName: any(fc.constant('p')), PolicyDocument: policyDocument(names), Roles: any(fc.array(ref(names.resources).map((r) => ({ Ref: r })), { maxLength: 2 })), RoleName: fc.option(oddString, { nil: undefined }) })),
    }),
    fc.record({
      Type: fc.constant('AWS::KMS::Key'),
      Properties: any(fc.record({ KeyPolicy: policyDocument(names), EnableKeyRotation: any(fc.boolean()), KeySpec: any(fc.constantFrom('SYMMETRIC_DEFAULT', 'RSA_2048')), Enabled: any(fc.boolean()) })),
    }),
    fc.record({
      Type: fc.constant('AWS::S3::Bucket'),
      Properties: any(
        fc.record({
          BucketEncryption: any(fc.record({ ServerSideEncryptionConfiguration: any(fc.array(fc.record({ ServerSideEncryptionByDefault: any(fc.record({ SSEAlgorithm: any(fc.constantFrom('aws:kms', 'AES256')), KMSMasterKeyID: keyArn })) }), { maxLength: 2 })) })),
          PublicAccessBlockConfiguration: any(fc.record({ BlockPublicAcls: any(fc.boolean()), BlockPublicPolicy: any(fc.boolean()), IgnorePublicAcls: any(fc.boolean()), RestrictPublicBuckets: any(fc.boolean()) })),
          VersioningConfiguration: any(fc.record({ Status: any(fc.constantFrom('Enabled', 'Suspended')) })),
        }),
      ),
    }),
    fc.record({
      Type: fc.constant('AWS::S3::BucketPolicy'),
      Properties: any(fc.record({ Bucket: any(ref(names.resources).map((r) => ({ Ref: r }))), PolicyDocument: policyDocument(names) })),
    }),
    fc.record({
      Type: fc.constant('AWS::StepFunctions::StateMachine'),
      Properties: any(
        fc.record({
          RoleArn: any(getAtt('Arn')),
          Definition: any(
            fc.record({
              StartAt: fc.constant('T'),
              States: any(
                fc.record({
                  T: any(
                    fc.record({
                      Type: fc.constant('Task'),
                      Resource: any(fc.constantFrom('arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob', 'arn:aws:states:us-east-1:123456789012:aws-sdk:transcribe:startTranscriptionJob', 'arn:aws:states:::aws-sdk:transcribe:startCallAnalyticsJob', 'arn:aws:states:::lambda:invoke')),
                      Parameters: any(fc.record({ TranscriptionJobName: fc.constant('j'), 'Media.$': fc.constant('$.media'), OutputBucketName: any(fc.constant('out')), OutputEncryptionKMSKeyId: keyArn })),
                      End: fc.constant(true),
                    }),
                  ),
                }),
              ),
            }),
          ),
          DefinitionString: fc.option(fc.oneof(oddString, fc.constant('{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob","End":true}}}'), fc.constant('{"StartAt":')), { nil: undefined }),
          DefinitionSubstitutions: fc.option(fc.dictionary(fc.constantFrom('Key', '__proto__', 'constructor'), cfnValue(names, 1), { maxKeys: 2 }), { nil: undefined }),
        }),
      ),
    }),
    fc.record({
      Type: fc.constant('AWS::Lambda::Permission'),
      Properties: any(fc.record({ Action: any(fc.constant('lambda:InvokeFunction')), FunctionName: any(getAtt('Arn')), Principal: any(fc.constantFrom('lexv2.amazonaws.com', '*')), SourceArn: any(fc.constant(`arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/B/A`)), SourceAccount: any(fc.constant({ Ref: 'AWS::AccountId' })) })),
    }),
    fc.record({
      Type: fc.constant('AWS::Lambda::Function'),
      Properties: any(fc.record({ Runtime: any(fc.constantFrom('python3.12', 'nodejs12.x', 'python2.7')), Role: any(getAtt('Arn')), Handler: fc.constant('index.handler') })),
    }),
    // Nested stacks and SAM applications: local files beside the template (see LOCAL_FILES), the template itself (a cycle), remote and odd locations.
    fc.record({
      Type: fc.constantFrom('AWS::CloudFormation::Stack', 'AWS::Serverless::Application'),
      Properties: any(
        fc.record({
          TemplateURL: any(fc.constantFrom('child.yaml', './child.yaml', 'stack.json', 'stack.yaml', 'missing.yaml', 'flow.asl.json', 'https://bucket.s3.amazonaws.com/t.yaml', '', '..', '/etc/hostname')),
          Location: any(fc.constantFrom('child.yaml', 'stack.yaml', 'missing.yaml', { ApplicationId: 'arn:aws:serverlessrepo:us-east-1:123456789012:applications/x', SemanticVersion: '1.0.0' })),
          Parameters: any(fc.dictionary(fc.constantFrom('Env', 'toString', '__proto__'), cfnValue(names, 1), { maxKeys: 2 })),
        }),
      ),
    }),
    fc.record({
      Type: fc.constant('AWS::Serverless::Function'),
      Properties: any(
        fc.record({
          Runtime: any(fc.constantFrom('python3.12', 'nodejs12.x')),
          Handler: fc.constant('index.handler'),
          Role: fc.option(getAtt('Arn'), { nil: undefined }),
          Policies: any(
            fc.oneof(
              fc.constantFrom('AmazonTranscribeFullAccess', 'AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/AmazonLexFullAccess'),
              fc.array(fc.oneof(fc.constantFrom('AmazonLexFullAccess', { S3CrudPolicy: { BucketName: 'b' } }, { S3ReadPolicy: { BucketName: { Ref: 'Missing' } } }, { NoSuchPolicyTemplate: {} }), policyDocument(names)), { maxLength: 2 }),
            ),
          ),
          Events: any(fc.constantFrom({ Upload: { Type: 'S3', Properties: { Bucket: { Ref: 'Missing' }, Events: 's3:ObjectCreated:*' } } }, { Api: { Type: 'Api', Properties: { Path: '/', Method: 'get' } } }, { Bad: null })),
        }),
      ),
    }),
    fc.record({
      Type: fc.constant('AWS::Serverless::StateMachine'),
      Properties: any(
        fc.record({
          DefinitionUri: any(fc.constantFrom('flow.asl.json', 'missing.asl.json', 'stack.yaml', { Bucket: 'b', Key: 'k.json' })),
          DefinitionSubstitutions: any(fc.dictionary(fc.constantFrom('KeyArn', '__proto__', 'constructor'), cfnValue(names, 1), { maxKeys: 2 })),
          Policies: any(fc.array(fc.oneof(fc.constant('AmazonTranscribeFullAccess'), policyDocument(names)), { maxLength: 2 })),
        }),
      ),
    }),
    fc.record({
      Type: fc.constantFrom('AWS::CloudTrail::Trail', 'AWS::EC2::VPCEndpoint', 'AWS::Nope::Nope', 'Custom::Thing', 'AWS::Serverless::Api', 'AWS::Serverless::SimpleTable'),
      Properties: cfnValue(names, 2),
    }),
  ];
  const attributes = fc.record(
    {
      Condition: fc.constantFrom(...(names.conditions.length > 0 ? names.conditions : ['NoSuchCondition']), 'constructor'),
      DependsOn: fc.oneof(fc.constantFrom(...(names.resources.length > 0 ? names.resources : ['Missing'])), fc.constant(['Missing'])),
      Metadata: fc.constant({ 'aws:cdk:path': 'Stack/Thing/Resource' }),
      DeletionPolicy: fc.constantFrom('Retain', 'Delete', 42),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(fc.oneof(...types), attributes).map(([r, a]) => ({ ...a, ...r }));
}

/** A parameter: every type, with and without a default, a list, an SSM parameter. */
function parameter(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record({ Type: fc.constantFrom('String', 'Number', 'CommaDelimitedList', 'List<String>', 'List<Number>', 'AWS::SSM::Parameter::Value<String>', 'AWS::SSM::Parameter::Value<List<String>>', 'Nope'), Default: fc.option(fc.oneof(oddString, oddNumber, fc.constant('lex:*,*')), { nil: undefined }), AllowedValues: fc.option(fc.array(oddString, { maxLength: 2 }), { nil: undefined }) }, { requiredKeys: ['Type'] }),
    fc.constantFrom(null, 'String', [], {}),
  );
}

/** A condition body over the template's parameters (or not). */
function condition(names: Names): fc.Arbitrary<unknown> {
  const ref = fc.constantFrom(...(names.parameters.length > 0 ? names.parameters : ['Missing']), 'AWS::Region', 'toString');
  return fc.oneof(
    fc.tuple(ref, oddString).map(([r, v]) => ({ 'Fn::Equals': [{ Ref: r }, v] })),
    fc.tuple(ref).map(([r]) => ({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: r }, ''] }] })),
    fc.constantFrom(...(names.conditions.length > 0 ? names.conditions : ['Self'])).map((c) => ({ Condition: c })),
    cfnValue(names, 1),
  );
}

/** Unique names for one template's sections, some of them the prototype's. */
const namesArb: fc.Arbitrary<Names> = fc
  .tuple(fc.uniqueArray(logicalId, { maxLength: 3 }), fc.uniqueArray(logicalId, { maxLength: 2 }), fc.uniqueArray(logicalId, { minLength: 1, maxLength: 6 }), fc.uniqueArray(logicalId, { maxLength: 1 }))
  .map(([p, c, r, m]) => {
    const taken = new Set<string>();
    const own = (list: string[]) => list.filter((n) => !taken.has(n) && taken.add(n));
    return { resources: own(r), parameters: own(p), conditions: own(c), mappings: own(m) };
  });

function objectOf(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // `__proto__` must become an own key (as JSON.parse makes it), not the object's prototype.
  keys.forEach((k, i) => Object.defineProperty(out, k, { value: values[i], enumerable: true, writable: true, configurable: true }));
  return out;
}

/** A whole template: parameters, conditions, mappings, resources and outputs over shared names. */
export const template: fc.Arbitrary<Template> = namesArb.chain((names) =>
  fc
    .record({
      parameters: fc.tuple(...names.parameters.map(() => parameter())),
      conditions: fc.tuple(...names.conditions.map(() => condition(names))),
      mappings: fc.tuple(...names.mappings.map(() => fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), fc.dictionary(fc.constantFrom('v', 'constructor'), cfnValue(names, 1), { maxKeys: 2 }), { maxKeys: 2 }))),
      resources: fc.tuple(...names.resources.map(() => resource(names))),
      outputs: fc.option(fc.dictionary(logicalId, fc.record({ Value: cfnValue(names, 1), Export: fc.option(fc.record({ Name: oddString }), { nil: undefined }) }), { maxKeys: 2 }), { nil: undefined }),
      transform: fc.option(fc.constantFrom('AWS::Serverless-2016-10-31', ['AWS::Serverless-2016-10-31'], 'AWS::LanguageExtensions', 42), { freq: 4, nil: undefined }),
    })
    .map(({ parameters, conditions, mappings, resources, outputs, transform }) => {
      const t: Template = { AWSTemplateFormatVersion: '2010-09-09' };
      if (transform !== undefined) t.Transform = transform;
      if (names.parameters.length > 0) t.Parameters = objectOf(names.parameters, parameters);
      if (names.conditions.length > 0) t.Conditions = objectOf(names.conditions, conditions);
      if (names.mappings.length > 0) t.Mappings = objectOf(names.mappings, mappings);
      t.Resources = objectOf(names.resources, resources);
      if (outputs) t.Outputs = outputs;
      return t;
    }),
);

export { PROTOTYPE_NAMES };
