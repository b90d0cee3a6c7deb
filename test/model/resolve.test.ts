import { ResourceGraph } from '../../lib/model/graph';
import { resolveIntrinsics, type StackScope } from '../../lib/model/resolve';
import type { Resource, StackInput } from '../../lib/model/resource';
import { Choice, Composite, Pseudo, Reference, Unknown, render } from '../../lib/model/values';

/**
 * `resolveIntrinsics`, one table per intrinsic. Every case resolves a value in stack `Shop`
 * (account 123456789012, eu-west-1) unless it names another stack, through `ResourceGraph.resolveIn`.
 */

const thing = (logicalId: string, type: string): StackInput['resources'][number] => ({ logicalId, type, properties: {}, metadata: {}, provenance: {} });

const SHOP: StackInput = {
  stack: { name: 'Shop', account: '123456789012', region: 'eu-west-1' },
  resources: [thing('Bucket', 'AWS::S3::Bucket'), thing('Key', 'AWS::KMS::Key')],
  parameters: {
    Env: { Type: 'String', Default: 'prod' },
    Stage: { Default: 'beta' },
    Owner: { Type: 'String' },
    Empty: { Default: '' },
    Count: { Type: 'Number', Default: 3 },
    Zones: { Type: 'CommaDelimitedList', Default: 'a, b,c' },
    Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2' },
    Given: { Type: 'CommaDelimitedList' },
    Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: '/app/ami' },
    SsmGiven: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/app/default' },
    AttrName: { Default: 'Arn' },
    SharedEnv: { Default: 'the importing stack' },
  },
  parameterValues: { Stage: 'gamma', Given: ['x', 'y'], SsmGiven: '/app/chosen' },
  conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
    IsGamma: { 'Fn::Equals': ['gamma', { Ref: 'Stage' }] },
    IsDev: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] },
    OwnerIsTeam: { 'Fn::Equals': [{ Ref: 'Owner' }, 'team'] },
    BucketIsX: { 'Fn::Equals': [{ Ref: 'Bucket' }, 'x'] },
    InIreland: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] },
    SameLists: { 'Fn::Equals': [['a', 'b'], { Ref: 'Zones' }] },
    CountIsThree: { 'Fn::Equals': [{ Ref: 'Count' }, '3'] },
    ProdAndGamma: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'IsGamma' }] },
    ProdAndDev: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'IsDev' }] },
    DevAndOwner: { 'Fn::And': [{ Condition: 'IsDev' }, { Condition: 'OwnerIsTeam' }] },
    ProdAndOwner: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'OwnerIsTeam' }] },
    ProdAndText: { 'Fn::And': [{ Condition: 'IsProd' }, 'yes'] },
    DevOrProd: { 'Fn::Or': [{ Condition: 'IsDev' }, { Condition: 'IsProd' }] },
    DevOrDev: { 'Fn::Or': [{ Condition: 'IsDev' }, { 'Fn::Equals': ['a', 'b'] }] },
    OwnerOrProd: { 'Fn::Or': [{ Condition: 'OwnerIsTeam' }, { Condition: 'IsProd' }] },
    OwnerOrDev: { 'Fn::Or': [{ Condition: 'OwnerIsTeam' }, { Condition: 'IsDev' }] },
    DevOrText: { 'Fn::Or': [{ Condition: 'IsDev' }, 'yes'] },
    NotDev: { 'Fn::Not': [{ Condition: 'IsDev' }] },
    NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    NotOwner: { 'Fn::Not': [{ Condition: 'OwnerIsTeam' }] },
    NotText: { 'Fn::Not': ['yes'] },
    NestedInline: { 'Fn::And': [{ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] }] }, { 'Fn::Or': [{ Condition: 'IsGamma' }, { Condition: 'IsDev' }] }] },
    UsesMissing: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'Missing' }] },
    Text: 'true',
    Loop: { 'Fn::Not': [{ Condition: 'Loop' }] },
  },
  mappings: {
    Regions: { 'eu-west-1': { Ami: 'ami-eu', Zones: ['a', 'b'] }, 'us-east-1': { Ami: 'ami-us' } },
    Targets: { prod: { Bucket: { Ref: 'Bucket' } } },
  },
};

const SHARED: StackInput = {
  stack: { name: 'Shared', account: '123456789012', region: 'eu-west-1' },
  evaluate: false,
  resources: [thing('LogBucket', 'AWS::S3::Bucket'), thing('LogKey', 'AWS::KMS::Key')],
  parameters: { SharedEnv: { Default: 'the exporting stack' }, Unset: {} },
  outputs: {
    BucketArn: { Value: { 'Fn::GetAtt': ['LogBucket', 'Arn'] }, Export: { Name: 'shared-log-bucket-arn' } },
    KeyId: { Value: { Ref: 'LogKey' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-key' } } },
    Plain: { Value: 'literal value', Export: { Name: 'shared-plain' } },
    Env: { Value: { Ref: 'SharedEnv' }, Export: { Name: 'shared-env' } },
    NotExported: { Value: 'hidden' },
    NameUnknown: { Value: 'lost', Export: { Name: { Ref: 'Unset' } } },
  },
};

const CYCLE_A: StackInput = {
  stack: { name: 'CycleA' },
  resources: [],
  outputs: { A: { Value: { 'Fn::ImportValue': 'cycle-b' }, Export: { Name: 'cycle-a' } } },
};
const CYCLE_B: StackInput = {
  stack: { name: 'CycleB' },
  resources: [],
  outputs: { B: { Value: { 'Fn::ImportValue': 'cycle-a' }, Export: { Name: 'cycle-b' } } },
};

const regionStack = (name: string, region?: string, account?: string): StackInput => ({ stack: { name, region, account }, resources: [] });

const graph = new ResourceGraph([
  SHOP,
  SHARED,
  CYCLE_A,
  CYCLE_B,
  regionStack('Agnostic'),
  regionStack('China', 'cn-north-1', '123456789012'),
  regionStack('GovCloud', 'us-gov-west-1', '123456789012'),
  regionStack('Iso', 'us-iso-east-1', '123456789012'),
  regionStack('IsoB', 'us-isob-east-1', '123456789012'),
]);

const shop = (value: unknown) => graph.resolveIn('Shop', value);
const ref = (logicalId: string, attribute = 'Ref', stack = 'Shop') => new Reference(graph.get(stack, logicalId)!, attribute);
const unknown = (reason: string) => new Unknown(reason);
const pseudo = (name: string) => new Pseudo(name);
const composite = (...parts: Array<string | Reference | Pseudo | Unknown>) => new Composite(parts);
const bucket = graph.get('Shop', 'Bucket')!;
/** A condition of `Shop`, evaluated as the graph does for a resource's `Condition`. */
const condition = (name: string) => graph.conditionOf({ ...bucket, condition: name } as Resource);

describe('Ref', () => {
  test.each([
    ['a resource', { Ref: 'Bucket' }, ref('Bucket')],
    ['a parameter with a Default', { Ref: 'Env' }, 'prod'],
    ['a parameter without Type, with a Default', { Ref: 'AttrName' }, 'Arn'],
    ['a parameter with a user value (wins over its Default)', { Ref: 'Stage' }, 'gamma'],
    ['a parameter with an empty Default', { Ref: 'Empty' }, ''],
    ['a parameter without value nor Default', { Ref: 'Owner' }, unknown('parameter Owner has no value and no default')],
    ['a CommaDelimitedList Default (items trimmed)', { Ref: 'Zones' }, ['a', 'b', 'c']],
    ['a List<…> Default', { Ref: 'Subnets' }, ['subnet-1', 'subnet-2']],
    ['a list parameter with a user value that is already a list', { Ref: 'Given' }, ['x', 'y']],
    ['an SSM parameter', { Ref: 'Ami' }, unknown('parameter Ami is read from SSM parameter /app/ami at deploy time')],
    ['a name that is neither resource nor parameter', { Ref: 'Missing' }, unknown('Ref to Missing, which is not in stack Shop')],
    ['a resource of another stack', { Ref: 'LogBucket' }, unknown('Ref to LogBucket, which is not in stack Shop')],
    ['a list', { Ref: ['Bucket'] }, unknown('malformed Ref ["Bucket"]')],
    ['a number', { Ref: 42 }, unknown('malformed Ref 42')],
    ['an intrinsic', { Ref: { 'Fn::Sub': 'Bucket' } }, unknown('malformed Ref {"Fn::Sub":"Bucket"}')],
  ])('%s', (_what, input, expected) => {
    expect(shop(input)).toStrictEqual(expected);
  });

  // CloudFormation passes every parameter value as a string ("when you use the parameter elsewhere in your template, the value becomes a string"): a Number Default of 3 reads "3".
  test('a Number parameter reads as a string', () => {
    expect(shop({ Ref: 'Count' })).toBe('3');
  });

  // The reason names the path deployed: the user's value, not the Default.
  test('an SSM parameter with a user value names the path the user gave', () => {
    expect(shop({ Ref: 'SsmGiven' })).toStrictEqual(unknown('parameter SsmGiven is read from SSM parameter /app/chosen at deploy time'));
  });

  // Names of Object.prototype's members are valid parameter names, never JavaScript's.
  test.each([['constructor'], ['toString'], ['__proto__'], ['hasOwnProperty']])('Ref %s (a member of Object.prototype) is not a parameter', (name) => {
    expect(shop({ Ref: name })).toStrictEqual(unknown(`Ref to ${name}, which is not in stack Shop`));
  });
});

describe('pseudo parameters', () => {
  test.each([
    ['Shop', 'AWS::AccountId', '123456789012'],
    ['Shop', 'AWS::Region', 'eu-west-1'],
    ['Shop', 'AWS::Partition', 'aws'],
    ['Shop', 'AWS::URLSuffix', 'amazonaws.com'],
    ['Shop', 'AWS::StackName', 'Shop'],
    ['Shop', 'AWS::StackId', pseudo('AWS::StackId')],
    ['Shop', 'AWS::NotificationARNs', pseudo('AWS::NotificationARNs')],
    ['Shop', 'AWS::NoSuchThing', pseudo('AWS::NoSuchThing')],
    ['Agnostic', 'AWS::AccountId', pseudo('AWS::AccountId')],
    ['Agnostic', 'AWS::Region', pseudo('AWS::Region')],
    ['Agnostic', 'AWS::Partition', pseudo('AWS::Partition')],
    ['Agnostic', 'AWS::URLSuffix', pseudo('AWS::URLSuffix')],
    ['Agnostic', 'AWS::StackName', 'Agnostic'],
    ['China', 'AWS::Partition', 'aws-cn'],
    ['China', 'AWS::URLSuffix', 'amazonaws.com.cn'],
    ['GovCloud', 'AWS::Partition', 'aws-us-gov'],
    ['GovCloud', 'AWS::URLSuffix', 'amazonaws.com'],
  ])('in %s, Ref %s', (stack, name, expected) => {
    expect(graph.resolveIn(stack, { Ref: name })).toStrictEqual(expected);
  });

  // The ISO Regions have partitions and URL suffixes of their own.
  test.each([
    ['Iso', 'AWS::Partition', 'aws-iso'],
    ['Iso', 'AWS::URLSuffix', 'c2s.ic.gov'],
    ['IsoB', 'AWS::Partition', 'aws-iso-b'],
    ['IsoB', 'AWS::URLSuffix', 'sc2s.sgov.gov'],
  ])('in %s, Ref %s is %s', (stack, name, expected) => {
    expect(graph.resolveIn(stack, { Ref: name })).toBe(expected);
  });
});

describe('AWS::NoValue', () => {
  test.each([
    ['alone', { Ref: 'AWS::NoValue' }, undefined],
    ['in an object: the key goes', { A: { Ref: 'AWS::NoValue' }, B: 1 }, { B: 1 }],
    ['the only key of an object', { A: { Ref: 'AWS::NoValue' } }, {}],
    ['in a list: the item goes', ['a', { Ref: 'AWS::NoValue' }, 'b'], ['a', 'b']],
    ['first item of a list', [{ Ref: 'AWS::NoValue' }, 'b'], ['b']],
    ['the only item of a list', [{ Ref: 'AWS::NoValue' }], []],
    ['deep inside', { A: [{ B: { Ref: 'AWS::NoValue' }, C: 'c' }] }, { A: [{ C: 'c' }] }],
    ['the branch Fn::If takes', { A: { 'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, 'dev'] }, B: 1 }, { B: 1 }],
    ['the branch Fn::If does not take', { A: { 'Fn::If': ['IsDev', { Ref: 'AWS::NoValue' }, 'prod'] } }, { A: 'prod' }],
  ])('%s', (_what, input, expected) => {
    expect(shop(input)).toStrictEqual(expected);
  });
});

describe('Fn::GetAtt', () => {
  test.each([
    ['list form', { 'Fn::GetAtt': ['Bucket', 'Arn'] }, ref('Bucket', 'Arn')],
    ['string form', { 'Fn::GetAtt': 'Bucket.Arn' }, ref('Bucket', 'Arn')],
    ['string form, dotted attribute (split at the first dot)', { 'Fn::GetAtt': 'Key.Nested.Attr' }, ref('Key', 'Nested.Attr')],
    ['attribute name from a Ref', { 'Fn::GetAtt': ['Bucket', { Ref: 'AttrName' }] }, ref('Bucket', 'Arn')],
    ['list form, resource not in the stack', { 'Fn::GetAtt': ['Missing', 'Arn'] }, unknown('Fn::GetAtt to Missing, which is not in stack Shop')],
    ['string form, resource not in the stack', { 'Fn::GetAtt': 'LogBucket.Arn' }, unknown('Fn::GetAtt to LogBucket, which is not in stack Shop')],
    ['no attribute', { 'Fn::GetAtt': ['Bucket'] }, unknown('malformed Fn::GetAtt ["Bucket"]')],
    ['attribute that cannot be resolved', { 'Fn::GetAtt': ['Bucket', { Ref: 'Owner' }] }, unknown('malformed Fn::GetAtt ["Bucket",{"Ref":"Owner"}]')],
    ['logical id not a string', { 'Fn::GetAtt': [{ Ref: 'Env' }, 'Arn'] }, unknown('malformed Fn::GetAtt [{"Ref":"Env"},"Arn"]')],
    ['a number', { 'Fn::GetAtt': 42 }, unknown('malformed Fn::GetAtt 42')],
  ])('%s', (_what, input, expected) => {
    expect(shop(input)).toStrictEqual(expected);
  });

  test('string form without a dot is malformed', () => {
    expect(shop({ 'Fn::GetAtt': 'Bucket' })).toStrictEqual(unknown('malformed Fn::GetAtt "Bucket"'));
  });
});

describe('Fn::Sub', () => {
  test.each([
    ['no variable', { 'Fn::Sub': 'plain text' }, 'plain text'],
    ['empty', { 'Fn::Sub': '' }, ''],
    ['parameters and pseudo parameters', { 'Fn::Sub': '${Env}-${AWS::Region}-${AWS::AccountId}' }, 'prod-eu-west-1-123456789012'],
    ['a number parameter', { 'Fn::Sub': 'n=${Count}' }, 'n=3'],
    ['a resource', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' }, composite('arn:aws:s3:::', ref('Bucket'), '/*')],
    ['a resource alone is still a Composite', { 'Fn::Sub': '${Bucket}' }, composite(ref('Bucket'))],
    ['${Res.Attr}', { 'Fn::Sub': '${Bucket.Arn}/*' }, composite(ref('Bucket', 'Arn'), '/*')],
    ['${!Literal} escape', { 'Fn::Sub': '${!Literal}' }, '${Literal}'],
    ['${!Name} escape of a parameter name', { 'Fn::Sub': 'a-${!Env}-${Env}' }, 'a-${Env}-prod'],
    ['a parameter without value', { 'Fn::Sub': '${Owner}-x' }, composite(unknown('parameter Owner has no value and no default'), '-x')],
    ['a name not in the stack', { 'Fn::Sub': 'x-${Missing}' }, composite('x-', unknown('Ref to Missing, which is not in stack Shop'))],
    ['${Res.Attr} of a resource not in the stack', { 'Fn::Sub': '${Missing.Arn}' }, composite(unknown('Fn::GetAtt to Missing, which is not in stack Shop'))],
    ['a list parameter', { 'Fn::Sub': '${Zones}' }, composite(unknown('${Zones} is not a string'))],
    ['the AWS::NoValue pseudo parameter', { 'Fn::Sub': 'a${AWS::NoValue}' }, composite('a', unknown('${AWS::NoValue} is not a string'))],
    ['pseudo parameters of an environment-agnostic stack', { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}' }, composite('arn:', pseudo('AWS::Partition'), ':logs:', pseudo('AWS::Region')), 'Agnostic'],
    ['[template, vars]: a literal variable', { 'Fn::Sub': ['${Name}-logs', { Name: 'shop' }] }, 'shop-logs'],
    ['[template, vars]: a variable wins over a parameter', { 'Fn::Sub': ['${Env}', { Env: 'override' }] }, 'override'],
    ['[template, vars]: a variable wins over a resource', { 'Fn::Sub': ['${Bucket}', { Bucket: 'literal' }] }, 'literal'],
    ['[template, vars]: a Ref variable', { 'Fn::Sub': ['${Name}', { Name: { Ref: 'Bucket' } }] }, composite(ref('Bucket'))],
    ['[template, vars]: variables and names mixed', { 'Fn::Sub': ['${Name}/${Bucket}:${Env}', { Name: { 'Fn::GetAtt': ['Key', 'Arn'] } }] }, composite(ref('Key', 'Arn'), '/', ref('Bucket'), ':prod')],
    ['[template, vars]: a nested Fn::Sub variable', { 'Fn::Sub': ['${Name}', { Name: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' } }] }, composite('arn:aws:s3:::', ref('Bucket'))],
    ['[template, vars]: a number variable', { 'Fn::Sub': ['${N}', { N: 7 }] }, '7'],
    ['[template, vars]: a list variable', { 'Fn::Sub': ['${Name}', { Name: ['a'] }] }, composite(unknown('${Name} is not a string'))],
    ['[template, vars]: an Unknown variable', { 'Fn::Sub': ['${Name}!', { Name: { Ref: 'Owner' } }] }, composite(unknown('parameter Owner has no value and no default'), '!')],
    ['[template, vars]: an escape', { 'Fn::Sub': ['${!Name}', { Name: 'x' }] }, '${Name}'],
    ['[template] without vars', { 'Fn::Sub': ['${Env}'] }, 'prod'],
    ['[template, not an object]', { 'Fn::Sub': ['${Env}', 'vars'] }, 'prod'],
    ['a number', { 'Fn::Sub': 42 }, unknown('malformed Fn::Sub')],
    ['[a number, vars]', { 'Fn::Sub': [42, {}] }, unknown('malformed Fn::Sub')],
  ])('%s', (_what, input, expected, stack = 'Shop') => {
    expect(graph.resolveIn(stack, input)).toStrictEqual(expected);
  });

  // A variable named like a member of Object.prototype is a name like any other.
  test('${toString} is a name, not a member of Object.prototype', () => {
    expect(shop({ 'Fn::Sub': '${toString}' })).toStrictEqual(composite(unknown('Ref to toString, which is not in stack Shop')));
  });
});

describe('Fn::Join', () => {
  test.each([
    ['literals', { 'Fn::Join': [',', ['a', 'b']] }, 'a,b'],
    ['numbers and booleans', { 'Fn::Join': ['-', ['x', 1, true]] }, 'x-1-true'],
    ['an empty list', { 'Fn::Join': [',', []] }, ''],
    ['around a Ref', { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Bucket' }, '/*']] }, composite('arn:aws:s3:::', ref('Bucket'), '/*')],
    ['pseudo parameters resolve to literals', { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 's3']] }, 'arn:aws:s3'],
    ['a Composite item is flattened', { 'Fn::Join': ['/', [{ 'Fn::Sub': '${Bucket}-x' }, 'y']] }, composite(ref('Bucket'), '-x/y')],
    ['a list parameter', { 'Fn::Join': ['+', { Ref: 'Zones' }] }, 'a+b+c'],
    ['an AWS::NoValue item goes', { 'Fn::Join': [',', ['a', { Ref: 'AWS::NoValue' }, 'b']] }, 'a,b'],
    ['an Unknown item', { 'Fn::Join': [',', ['a', { Ref: 'Owner' }]] }, composite('a,', unknown('parameter Owner has no value and no default'))],
    ['a list item', { 'Fn::Join': [',', ['a', ['b']]] }, composite('a,', unknown('Fn::Join item 1 is not a string'))],
    ['a Choice item', { 'Fn::Join': [',', ['a', { 'Fn::If': ['OwnerIsTeam', 'x', 'y'] }]] }, composite('a,', unknown('Fn::Join item 1 is not a string'))],
    ['a list that is Unknown keeps its reason', { 'Fn::Join': [',', { Ref: 'Missing' }] }, unknown('Ref to Missing, which is not in stack Shop')],
    ['a list computed at deploy time', { 'Fn::Join': [',', { 'Fn::GetAZs': '' }] }, unknown('Fn::GetAZs is computed at deploy time')],
    ['a string instead of a list', { 'Fn::Join': [',', { Ref: 'Env' }] }, unknown('Fn::Join over a list that cannot be resolved')],
    ['a delimiter that is not a string', { 'Fn::Join': [{ Ref: 'Env' }, ['a']] }, unknown('Fn::Join over a list that cannot be resolved')],
  ])('%s', (_what, input, expected) => {
    expect(shop(input)).toStrictEqual(expected);
  });
});

describe('Fn::Select', () => {
  test.each([
    ['a number index', { 'Fn::Select': [1, ['a', 'b']] }, 'b'],
    ['a string index', { 'Fn::Select': ['0', ['a', 'b']] }, 'a'],
    ['an index from an intrinsic', { 'Fn::Select': [{ 'Fn::Length': ['x'] }, ['a', 'b']] }, 'b'],
    ['a resolved item', { 'Fn::Select': [0, [{ Ref: 'Bucket' }]] }, ref('Bucket')],
    ['of a list parameter', { 'Fn::Select': [2, { Ref: 'Zones' }] }, 'c'],
    ['of Fn::Split', { 'Fn::Select': [1, { 'Fn::Split': [',', 'x,y'] }] }, 'y'],
    ['past the end', { 'Fn::Select': [2, ['a', 'b']] }, unknown('Fn::Select index 2 out of range')],
    ['negative', { 'Fn::Select': [-1, ['a', 'b']] }, unknown('Fn::Select index -1 out of range')],
    ['a text index', { 'Fn::Select': ['x', ['a']] }, unknown('Fn::Select index "x" is not a whole number')],
    ['an index that cannot be resolved keeps its reason', { 'Fn::Select': [{ Ref: 'Owner' }, ['a']] }, unknown('parameter Owner has no value and no default')],
    ['a list computed at deploy time keeps its reason', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, unknown('Fn::GetAZs is computed at deploy time')],
    ['a string instead of a list', { 'Fn::Select': [0, 'abc'] }, unknown('Fn::Select over a list that cannot be resolved')],
  ])('%s', (_what, input, expected) => {
    expect(shop(input)).toStrictEqual(expected);
  });

  // CloudFormation rejects both.
  test.each([[''], [1.5]])('index %j is not an item', (index) => {
    expect(shop({ 'Fn::Select': [index, ['a', 'b']] })).toBeInstanceOf(Unknown);
  });
});

describe('Fn::Split', () => {
  test.each([
    ['a literal', { 'Fn::Split': [',', 'a,b'] }, ['a', 'b']],
    ['no delimiter inside', { 'Fn::Split': [',', 'ab'] }, ['ab']],
    ['of Fn::Join', { 'Fn::Split': ['|', { 'Fn::Join': ['|', ['x', 'y']] }] }, ['x', 'y']],
    ['of a parameter', { 'Fn::Split': ['-', { 'Fn::Sub': '${Env}-${AWS::Region}' }] }, ['prod', 'eu', 'west', '1']],
    ['of a Composite', { 'Fn::Split': [',', { 'Fn::Sub': '${Bucket}' }] }, unknown('Fn::Split of a value that cannot be resolved')],
    ['a delimiter that is not a string', { 'Fn::Split': [{ Ref: 'Env' }, 'a'] }, unknown('Fn::Split of a value that cannot be resolved')],
  ])('%s', (_what, input, expected) => {
    expect(shop(input)).toStrictEqual(expected);
  });

  // Like Fn::Join and Fn::Select, Fn::Split passes an Unknown source on with its reason.
  test('an Unknown source keeps its reason', () => {
    expect(shop({ 'Fn::Split': [',', { 'Fn::ImportValue': 'nope' }] })).toStrictEqual(unknown('Fn::ImportValue nope: no stack in this run exports it'));
  });
});

describe('Fn::If', () => {
  test.each([
    ['a true condition', { 'Fn::If': ['IsProd', 'a', 'b'] }, 'a'],
    ['a false condition', { 'Fn::If': ['IsDev', 'a', 'b'] }, 'b'],
    ['a condition on a user value', { 'Fn::If': ['IsGamma', 'a', 'b'] }, 'a'],
    ['the branch taken is resolved', { 'Fn::If': ['IsProd', { Ref: 'Bucket' }, { Ref: 'Missing' }] }, ref('Bucket')],
    ['undecidable: both branches, resolved', { 'Fn::If': ['OwnerIsTeam', { Ref: 'Bucket' }, { 'Fn::GetAtt': ['Key', 'Arn'] }] }, new Choice('OwnerIsTeam', [ref('Bucket'), ref('Key', 'Arn')])],
    ['undecidable, with an AWS::NoValue branch', { 'Fn::If': ['OwnerIsTeam', 'a', { Ref: 'AWS::NoValue' }] }, new Choice('OwnerIsTeam', ['a', undefined])],
    ['an undefined condition', { 'Fn::If': ['Missing', 'a', 'b'] }, new Choice('Missing', ['a', 'b'])],
    ['a condition on a resource', { 'Fn::If': ['BucketIsX', 'a', 'b'] }, new Choice('BucketIsX', ['a', 'b'])],
    ['a pseudo parameter of a known Region', { 'Fn::If': ['InIreland', 'a', 'b'] }, 'a'],
  ])('%s', (_what, input, expected) => {
    expect(shop(input)).toStrictEqual(expected);
  });
});

describe('conditions', () => {
  test.each([
    ['IsProd', true],
    ['IsGamma', true],
    ['IsDev', false],
    ['InIreland', true],
    ['SameLists', false],
    ['ProdAndGamma', true],
    ['ProdAndDev', false],
    ['DevAndOwner', false],
    ['DevOrProd', true],
    ['DevOrDev', false],
    ['OwnerOrProd', true],
    ['NotDev', true],
    ['NotProd', false],
    ['NestedInline', true],
    ['OwnerIsTeam', unknown('Fn::Equals of values not known at synth (<unknown: parameter Owner has no value and no default>, team)')],
    ['BucketIsX', unknown('Fn::Equals of values not known at synth (<Bucket>, x)')],
    ['ProdAndOwner', unknown('Fn::Equals of values not known at synth (<unknown: parameter Owner has no value and no default>, team)')],
    ['OwnerOrDev', unknown('Fn::Equals of values not known at synth (<unknown: parameter Owner has no value and no default>, team)')],
    ['NotOwner', unknown('Fn::Equals of values not known at synth (<unknown: parameter Owner has no value and no default>, team)')],
    ['ProdAndText', unknown('Fn::And cannot be evaluated')],
    ['DevOrText', unknown('Fn::Or cannot be evaluated')],
    ['NotText', unknown('Fn::Not cannot be evaluated')],
    ['UsesMissing', unknown('condition Missing is not defined')],
    ['Missing', unknown('condition Missing is not defined')],
    ['Text', unknown('condition Text cannot be evaluated')],
    ['Loop', unknown('reference chain too deep (a cycle?)')],
  ])('%s', (name, expected) => {
    expect(condition(name)).toStrictEqual(expected);
  });

  test('a pseudo parameter of an environment-agnostic stack is undecidable', () => {
    const g = new ResourceGraph([{ stack: { name: 'Agnostic' }, resources: [], conditions: { InIreland: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] } } }]);
    expect(g.conditionOf({ ...bucket, stack: { name: 'Agnostic' }, condition: 'InIreland' })).toStrictEqual(unknown('Fn::Equals of values not known at synth (${AWS::Region}, eu-west-1)'));
  });

  test('every resource is kept, whatever its condition; those not certainly deployed say when they are', () => {
    const g = new ResourceGraph([
      {
        ...SHOP,
        resources: [
          { ...thing('Dev', 'AWS::S3::Bucket'), condition: 'IsDev' },
          { ...thing('Prod', 'AWS::S3::Bucket'), condition: 'IsProd' },
          { ...thing('Maybe', 'AWS::S3::Bucket'), condition: 'OwnerIsTeam' },
        ],
      },
    ]);
    expect(g.resources.map((r) => [r.logicalId, g.deployment(r)])).toEqual([
      ['Dev', 'deployed only when condition IsDev is true, which it is not under the parameter values given or their defaults'],
      ['Prod', undefined],
      ['Maybe', expect.stringMatching(/^deployed only when condition OwnerIsTeam is true, which cannot be known here: /)],
    ]);
  });

  test('a resource under a false condition is read as deployed: its own Fn::If on that condition takes the true branch', () => {
    const g = new ResourceGraph([
      { ...SHOP, resources: [{ ...thing('Dev', 'AWS::S3::Bucket'), condition: 'IsDev', properties: { BucketName: { 'Fn::If': ['IsDev', 'dev-logs', 'other'] }, Other: { 'Fn::If': ['IsProd', 'p', 'q'] } } }] },
    ]);
    expect(g.props(g.get('Shop', 'Dev')!)).toEqual({ BucketName: 'dev-logs', Other: 'p' });
  });

  test('{ Condition } is a condition only where a condition is expected, elsewhere a literal object', () => {
    const input = { Condition: 'IsProd' };
    expect(shop(input)).toBe(input);
  });

  test('conditions are evaluated once per stack and cached', () => {
    const scope: StackScope = {
      stack: { name: 'Hand' },
      resources: new Map(),
      parameters: { Env: { Default: 'prod' } },
      parameterValues: {},
      conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      mappings: {},
      exportLookup: () => undefined,
      conditionCache: new Map(),
    };
    expect(resolveIntrinsics({ Condition: 'IsProd' }, scope, 0, true)).toBe(true);
    expect(scope.conditionCache.get('IsProd')).toBe(true);
    scope.conditionCache.set('IsProd', false);
    expect(resolveIntrinsics({ 'Fn::If': ['IsProd', 'a', 'b'] }, scope)).toBe('b');
  });

  test('a malformed Condition', () => {
    const scope: StackScope = {
      stack: { name: 'Hand' },
      resources: new Map(),
      parameters: {},
      parameterValues: {},
      conditions: {},
      mappings: {},
      exportLookup: () => undefined,
      conditionCache: new Map(),
    };
    expect(resolveIntrinsics({ Condition: ['IsProd'] }, scope, 0, true)).toStrictEqual(unknown('malformed Condition ["IsProd"]'));
  });

  // CloudFormation compares parameter values as strings: `!Equals [!Ref Count, "3"]` is true for a Number parameter of 3.
  test('a parameter "true" equals YAML\'s true', () => {
    expect(graph.resolveIn('Shop', { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] })).toBe(true);
    expect(graph.resolveIn('Shop', { 'Fn::Equals': ['true', true] })).toBe(true);
    expect(graph.resolveIn('Shop', { 'Fn::Equals': [3, '3'] })).toBe(true);
    expect(graph.resolveIn('Shop', { 'Fn::Equals': ['false', true] })).toBe(false);
  });

  test('a Number parameter equals its text', () => {
    expect(condition('CountIsThree')).toBe(true);
  });

  test('a condition named like a member of Object.prototype is not defined', () => {
    expect(condition('constructor')).toStrictEqual(unknown('condition constructor is not defined'));
  });
});

describe('Fn::FindInMap', () => {
  test.each([
    ['literal keys', { 'Fn::FindInMap': ['Regions', 'us-east-1', 'Ami'] }, 'ami-us'],
    ['a key from a pseudo parameter', { 'Fn::FindInMap': ['Regions', { Ref: 'AWS::Region' }, 'Ami'] }, 'ami-eu'],
    ['a list value', { 'Fn::FindInMap': ['Regions', 'eu-west-1', 'Zones'] }, ['a', 'b']],
    ['the value is resolved', { 'Fn::FindInMap': ['Targets', { Ref: 'Env' }, 'Bucket'] }, ref('Bucket')],
    ['a missing top-level key', { 'Fn::FindInMap': ['Regions', 'ap-south-1', 'Ami'] }, unknown('Fn::FindInMap Regions.ap-south-1.Ami is not defined')],
    ['a missing second-level key', { 'Fn::FindInMap': ['Regions', 'us-east-1', 'Zones'] }, unknown('Fn::FindInMap Regions.us-east-1.Zones is not defined')],
    ['a missing map', { 'Fn::FindInMap': ['Nope', 'a', 'b'] }, unknown('Fn::FindInMap Nope.a.b is not defined')],
    ['a key that cannot be resolved', { 'Fn::FindInMap': ['Regions', { Ref: 'Owner' }, 'Ami'] }, unknown('Fn::FindInMap with keys that cannot be resolved')],
    ['a key that is a list', { 'Fn::FindInMap': ['Regions', ['eu-west-1'], 'Ami'] }, unknown('Fn::FindInMap with keys that cannot be resolved')],
    ['a Region not known here', { 'Fn::FindInMap': ['Regions', { Ref: 'AWS::Region' }, 'Ami'] }, unknown('Fn::FindInMap with keys that cannot be resolved'), 'Agnostic'],
  ])('%s', (_what, input, expected, stack = 'Shop') => {
    expect(graph.resolveIn(stack, input)).toStrictEqual(expected);
  });

  // Keys naming Object.prototype's members are keys like any other.
  test.each([
    [['__proto__', 'constructor', 'name'], 'Fn::FindInMap __proto__.constructor.name is not defined'],
    [['Regions', 'eu-west-1', 'toString'], 'Fn::FindInMap Regions.eu-west-1.toString is not defined'],
  ])('%j is not defined', (keys, reason) => {
    expect(shop({ 'Fn::FindInMap': keys })).toStrictEqual(unknown(reason));
  });
});

describe('Fn::ImportValue', () => {
  test.each([
    ['an export of another stack: a Reference to its resource', { 'Fn::ImportValue': 'shared-log-bucket-arn' }, ref('LogBucket', 'Arn', 'Shared')],
    ['an export whose name is a Fn::Sub', { 'Fn::ImportValue': 'Shared-key' }, ref('LogKey', 'Ref', 'Shared')],
    ['the name is resolved', { 'Fn::ImportValue': { 'Fn::Join': ['-', ['Shared', 'key']] } }, ref('LogKey', 'Ref', 'Shared')],
    ['a literal export', { 'Fn::ImportValue': 'shared-plain' }, 'literal value'],
    ['resolved in the exporting stack', { 'Fn::ImportValue': 'shared-env' }, 'the exporting stack'],
    ['an output without Export is not an export', { 'Fn::ImportValue': 'NotExported' }, unknown('Fn::ImportValue NotExported: no stack in this run exports it')],
    ['an export whose name cannot be resolved is not an export', { 'Fn::ImportValue': 'lost' }, unknown('Fn::ImportValue lost: no stack in this run exports it')],
    ['an unknown export', { 'Fn::ImportValue': 'nope' }, unknown('Fn::ImportValue nope: no stack in this run exports it')],
    ['a name that cannot be resolved', { 'Fn::ImportValue': { Ref: 'Owner' } }, unknown('Fn::ImportValue of a name that cannot be resolved (<unknown: parameter Owner has no value and no default>)')],
    ['a name built on an unknown Region', { 'Fn::ImportValue': { 'Fn::Sub': '${AWS::Region}-key' } }, unknown('Fn::ImportValue of a name that cannot be resolved (${AWS::Region}-key)'), 'Agnostic'],
    ['a cycle of imports', { 'Fn::ImportValue': 'cycle-a' }, unknown('Fn::ImportValue of a name that cannot be resolved (<unknown: reference chain too deep (a cycle?)>)')],
  ])('%s', (_what, input, expected, stack = 'Shop') => {
    expect(graph.resolveIn(stack, input)).toStrictEqual(expected);
  });
});

describe('other intrinsics', () => {
  test.each([
    ['Fn::Base64', { 'Fn::Base64': 'hello' }, unknown('Fn::Base64 is computed at deploy time')],
    ['Fn::GetAZs', { 'Fn::GetAZs': '' }, unknown('Fn::GetAZs is computed at deploy time')],
    ['Fn::Cidr', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }, unknown('Fn::Cidr is computed at deploy time')],
    ['Fn::Transform', { 'Fn::Transform': { Name: 'AWS::Include' } }, unknown('Fn::Transform is computed at deploy time')],
    ['an unknown Fn::', { 'Fn::Whatever': [1] }, unknown('Fn::Whatever is computed at deploy time')],
    ['Fn::ToJsonString of literals', { 'Fn::ToJsonString': { A: [1, { Ref: 'Env' }] } }, '{"A":[1,"prod"]}'],
    ['Fn::ToJsonString of a Reference', { 'Fn::ToJsonString': { A: { Ref: 'Bucket' } } }, unknown('Fn::ToJsonString of values not known at synth')],
    ['Fn::Length of a list', { 'Fn::Length': ['a', 'b', 'c'] }, 3],
    ['Fn::Length of a list parameter', { 'Fn::Length': { Ref: 'Zones' } }, 3],
    ['Fn::Length of a string', { 'Fn::Length': { Ref: 'Env' } }, unknown('Fn::Length of a list that cannot be resolved')],
    ['Fn::Equals in a property', { A: { 'Fn::Equals': ['a', 'a'] } }, { A: true }],
  ])('%s', (_what, input, expected) => {
    expect(shop(input)).toStrictEqual(expected);
  });

  // A `{{resolve:…}}` dynamic reference is replaced by CloudFormation at deploy time: never a literal.
  test.each([['{{resolve:ssm:/app/bucket-name}}'], ['{{resolve:secretsmanager:app/db:SecretString:password}}']])('%s is not a literal', (text) => {
    expect(shop({ A: text })).toStrictEqual({ A: unknown(`${text} is a dynamic reference, resolved by CloudFormation at deploy time`) });
  });

  test('a dynamic reference inside a string makes that part unknown', () => {
    const ref = '{{resolve:ssm:/app/key-id}}';
    expect(shop({ A: `arn:aws:kms:eu-west-1:123456789012:key/${ref}` })).toStrictEqual({
      A: composite('arn:aws:kms:eu-west-1:123456789012:key/', unknown(`${ref} is a dynamic reference, resolved by CloudFormation at deploy time`)),
    });
    expect(shop({ 'Fn::Sub': `\${Env}-${ref}` })).toStrictEqual(composite('prod-', unknown(`${ref} is a dynamic reference, resolved by CloudFormation at deploy time`)));
  });
});

describe('trees', () => {
  test.each([
    ['a plain object', { A: 1, B: { C: [true, null, 'x'] } }],
    ['a plain list', [1, 'a', { B: null }]],
    ['an object with Ref and another key is not a Ref', { Ref: 'Bucket', Other: 1 }],
    ['an object with Fn:: and another key is not an intrinsic', { 'Fn::Sub': '${Bucket}', Other: 1 }],
    ['a single key that is not an intrinsic', { Name: 'Bucket' }],
  ])('a literal tree is returned as it is: %s', (_what, input) => {
    expect(shop(input)).toBe(input);
  });

  test.each([
    ['null', null],
    ['a string', '${Bucket}'],
    ['a number', 0],
    ['a boolean', false],
    ['undefined', undefined],
  ])('a scalar is returned as it is: %s', (_what, input) => {
    expect(shop(input)).toBe(input);
  });

  test('a tree with an intrinsic is copied, its literal parts shared, the input untouched', () => {
    const literal = { Keep: ['x'] };
    const input = { Literal: literal, Name: { Ref: 'Env' }, List: ['a', { Ref: 'Bucket' }] };
    const out = shop(input) as Record<string, unknown>;
    expect(out).toStrictEqual({ Literal: { Keep: ['x'] }, Name: 'prod', List: ['a', ref('Bucket')] });
    expect(out.Literal).toBe(literal);
    expect(input).toStrictEqual({ Literal: { Keep: ['x'] }, Name: { Ref: 'Env' }, List: ['a', { Ref: 'Bucket' }] });
  });

  test('an object that is not plain is copied into a plain one', () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, { A: 1 });
    const out = shop(input);
    expect(out).toStrictEqual({ A: 1 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  test.each([
    ['Unknown', unknown('x')],
    ['Reference', ref('Bucket')],
    ['Pseudo', pseudo('AWS::Region')],
    ['Composite', composite('a', ref('Bucket'))],
    ['Choice', new Choice('C', ['a', 'b'])],
  ])('an already resolved %s is returned as it is', (_what, value) => {
    expect(shop(value)).toBe(value);
  });

  // Only reference chains count against the depth limit, not the nesting of literals.
  test('a deep literal tree stays literal', () => {
    let input: unknown = 'leaf';
    for (let i = 0; i < 70; i++) input = [input];
    expect(shop(input)).toBe(input);
  });

  // An own `__proto__` key (JSON.parse makes one) stays a key when the object is copied.
  test('an own __proto__ key stays a key', () => {
    const input = JSON.parse('{"__proto__": {"Ref": "Bucket"}, "B": {"Ref": "Env"}}') as Record<string, unknown>;
    const out = shop(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'B']);
  });
});

describe('values', () => {
  test.each([
    ['Unknown', unknown('parameter Owner has no value'), '<unknown: parameter Owner has no value>'],
    ['Reference by Ref', ref('Bucket'), '<Bucket>'],
    ['Reference by Fn::GetAtt', ref('Bucket', 'Arn'), '<Bucket.Arn>'],
    ['Pseudo', pseudo('AWS::AccountId'), '${AWS::AccountId}'],
    ['Composite', composite('arn:aws:s3:::', ref('Bucket'), '/*'), 'arn:aws:s3:::<Bucket>/*'],
    ['Composite of every kind of part', composite('arn:', pseudo('AWS::Partition'), ':kms:', unknown('no Region'), ':key/', ref('Key')), 'arn:${AWS::Partition}:kms:<unknown: no Region>:key/<Key>'],
    ['Choice', new Choice('IsProd', ['a', ref('Bucket', 'Arn')]), '<if IsProd: a | <Bucket.Arn>>'],
    ['Choice with a missing branch', new Choice('IsProd', [composite('x-', ref('Key')), undefined]), '<if IsProd: x-<Key> | undefined>'],
  ])('%s.toString()', (_what, value, expected) => {
    expect(String(value)).toBe(expected);
  });

  test('Composite lists its references and unknowns, in order', () => {
    const a = unknown('a');
    const b = unknown('b');
    const value = composite(a, ref('Bucket'), '-', pseudo('AWS::Region'), b, ref('Key', 'Arn'));
    expect(value.references).toStrictEqual([ref('Bucket'), ref('Key', 'Arn')]);
    expect(value.unknowns).toEqual([a, b]);
    expect(value.unknowns[0]).toBe(a);
    expect(composite('literal').references).toEqual([]);
  });

  test.each([
    ['a string, as it is', 'a "quoted" text', 'a "quoted" text'],
    ['a number', 3, '3'],
    ['a boolean', true, 'true'],
    ['null', null, 'null'],
    ['a list', ['a', 1], '["a",1]'],
    ['an object', { A: { B: [null] } }, '{"A":{"B":[null]}}'],
    ['an Unknown', unknown('why'), '<unknown: why>'],
    ['a Reference', ref('Bucket', 'Arn'), '<Bucket.Arn>'],
    ['a Pseudo', pseudo('AWS::Region'), '${AWS::Region}'],
    ['a Composite', composite('a-', ref('Bucket')), 'a-<Bucket>'],
    ['a Choice', new Choice('C', ['a', 'b']), '<if C: a | b>'],
    ['nodes inside an object', { Key: ref('Key'), Arn: composite('arn:', pseudo('AWS::Partition')), Why: unknown('x') }, '{"Key":"<Key>","Arn":"arn:${AWS::Partition}","Why":"<unknown: x>"}'],
    ['nodes inside a list', [ref('Bucket'), new Choice('C', [1, 2])], '["<Bucket>","<if C: 1 | 2>"]'],
  ])('render(%s)', (_what, value, expected) => {
    expect(render(value)).toBe(expected);
  });

  test('render(undefined) is a string', () => {
    expect(typeof render(undefined)).toBe('string');
  });
});
