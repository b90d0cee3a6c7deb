import fc from 'fast-check';

/**
 * Names that JavaScript objects already have: valid CloudFormation logical ids (or close to them), and
 * each one a way for a plain `table[name]` lookup to find the language's member instead of the template's.
 */
export const PROTOTYPE_NAMES = ['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', 'propertyIsEnumerable'] as const;

const PSEUDO = ['AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::StackName', 'AWS::StackId', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Nope'];

/** A logical id: ordinary, or one of the prototype's names. */
export const logicalId: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,10}$/) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) });

/** Long strings built to stress text scanning (backtracking regular expressions) and report writers. */
const BIG = [
  'a'.repeat(100_000),
  '${'.repeat(30_000),
  '{{resolve:'.repeat(10_000),
  `arn:aws:${':'.repeat(50_000)}`,
  `${'john.smith@example.com '.repeat(2_000)}`,
  `${'1234 5678 9012 3456 '.repeat(3_000)}`,
  ' '.repeat(100_000) + 'x',
];
export const bigString: fc.Arbitrary<string> = fc.constantFrom(...BIG);

/** Strings that mean something to lexscribe or CloudFormation, and some that mean nothing. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '*',
    'lex:*',
    'transcribe:*',
    'kms:*',
    'iam:PassRole',
    's3:*',
    'arn:aws:iam::aws:policy/AmazonLexFullAccess',
    'arn:aws:iam::aws:policy/AmazonTranscribeFullAccess',
    'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    'alias/aws/s3',
    'arn:aws:lex:us-east-1:123456789012:bot-alias/*',
    'arn:aws:iam::123456789012:root',
    'lexv2.amazonaws.com',
    'transcribe.amazonaws.com',
    '{{resolve:ssm:/lexscribe/key}}',
    '{{resolve:ssm-secure:/lexscribe/secret:1}}',
    '{{resolve:secretsmanager:MySecret:SecretString:password}}',
    '{{resolve:',
    '',
    ' ',
    '\uFEFF',
    'NaN',
    '-1',
    '1e400',
    'true',
    'null',
    '${AWS::AccountId}',
    '${Missing.Arn}',
    'Allow',
    'Deny',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 60, 300, 86400, 86401, 2 ** 31, Number.MAX_SAFE_INTEGER, 0.5, -0.0, 1e21),
  fc.integer({ min: -1000, max: 100_000 }),
);

/** The names a template defines, for intrinsics that point at them (or at nothing). */
export interface Names {
  parameters: readonly string[];
  conditions: readonly string[];
  resources: readonly string[];
  mappings: readonly string[];
}

const pick = (names: readonly string[], extra: readonly string[] = []) => fc.constantFrom(...(names.length + extra.length > 0 ? [...names, ...extra] : ['Missing']));

/**
 * Any CloudFormation value: literals of every type, and intrinsic functions (well-formed and not)
 * over the template's names, prototype names and names that exist nowhere.
 */
export function cfnValue(names: Names, maxDepth = 3): fc.Arbitrary<unknown> {
  const ref = pick([...names.parameters, ...names.resources], [...PSEUDO, ...PROTOTYPE_NAMES, 'Missing']);
  const cond = pick(names.conditions, ['NoSuchCondition', 'constructor']);
  const resource = pick(names.resources, ['Missing', 'toString']);
  const leaf = fc.oneof(
    { weight: 4, arbitrary: oddString },
    { weight: 2, arbitrary: oddNumber },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: ref.map((r) => ({ Ref: r })) },
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { maxDepth, depthIdentifier: 'cfn' },
      { weight: 6, arbitrary: leaf },
      { weight: 1, arbitrary: fc.tuple(resource, fc.constantFrom('Arn', 'Id', 'BotId', 'Nope', 'Arn.Deeper')).map(([r, a]) => ({ 'Fn::GetAtt': [r, a] })) },
      { weight: 1, arbitrary: fc.tuple(resource, fc.constantFrom('Arn', 'Id')).map(([r, a]) => ({ 'Fn::GetAtt': `${r}.${a}` })) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/', '${', 'x-${Missing}', '${!Literal}', ''), ref).map(([s, r]) => ({ 'Fn::Sub': `${s}\${${r}}` })) },
      { weight: 1, arbitrary: fc.tuple(fc.constant('${V}'), tie('value')).map(([s, v]) => ({ 'Fn::Sub': [s, { V: v }] })) },
      { weight: 1, arbitrary: fc.tuple(cond, tie('value'), tie('value')).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })) },
      { weight: 1, arbitrary: fc.tuple(cond, tie('value')).map(([c, a]) => ({ 'Fn::If': [c, a, { Ref: 'AWS::NoValue' }] })) },
      { weight: 1, arbitrary: tie('value').map((v) => ({ 'Fn::ImportValue': v })) },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -1, max: 3 }), tie('value')), fc.oneof(fc.array(tie('value'), { maxLength: 3 }), tie('value'))).map(([i, l]) => ({ 'Fn::Select': [i, l] })) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', ',', ':'), fc.array(tie('value'), { maxLength: 3 })).map(([d, l]) => ({ 'Fn::Join': [d, l] })) },
      { weight: 1, arbitrary: tie('value').map((v) => ({ 'Fn::Split': [',', v] })) },
      { weight: 1, arbitrary: fc.tuple(pick(names.mappings, ['NoMap']), tie('value'), oddString).map(([m, k, k2]) => ({ 'Fn::FindInMap': [m, k, k2] })) },
      { weight: 1, arbitrary: tie('value').map((v) => ({ 'Fn::Base64': v })) },
      { weight: 1, arbitrary: fc.constantFrom({ 'Fn::GetAZs': '' }, { 'Fn::Nope': [] }, { Ref: ['not', 'a', 'string'] }, { Ref: null }, { 'Fn::If': 'x' }, { 'Fn::Sub': 42 }, { 'Fn::GetAtt': [] }, { Condition: 'x' }) },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
      { weight: 2, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_NAMES)), tie('value'), { maxKeys: 3 }) },
    ),
  }));
  return value;
}

/** Mostly a plausible value, sometimes anything at all (a wrong type, an unresolvable intrinsic). */
export function usually<T>(plausible: fc.Arbitrary<T>, names: Names): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 1, arbitrary: cfnValue(names, 2) }, { weight: 1, arbitrary: fc.constant(undefined) });
}
