import { Pair, Scalar, YAMLMap, type CollectionTag, type ScalarTag, type YAMLSeq } from 'yaml';

/** Intrinsic functions with a YAML short form (`!Sub`, `!If`, …), by their long name without `Fn::`. */
const FUNCTIONS = [
  'And',
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'ForEach',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Length',
  'Not',
  'Or',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
];

/** `!GetAtt Bucket.Arn` is the short form of `['Bucket', 'Arn']`; the attribute itself may contain dots. */
function scalarArgument(fn: string, text: string): unknown {
  if (fn !== 'GetAtt') return text;
  const dot = text.indexOf('.');
  return dot < 0 ? text : [text.slice(0, dot), text.slice(dot + 1)];
}

/** A tagged collection becomes `{ "Fn::X": collection }`, kept as a node so positions inside it survive. */
function wrap(key: string, value: YAMLMap | YAMLSeq): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), value));
  return map;
}

function tagsFor(fn: string): Array<ScalarTag | CollectionTag> {
  const key = `Fn::${fn}`;
  return [
    { tag: `!${fn}`, resolve: (text: string) => ({ [key]: scalarArgument(fn, text) }) },
    { tag: `!${fn}`, collection: 'seq', resolve: (seq) => wrap(key, seq) },
    { tag: `!${fn}`, collection: 'map', resolve: (map) => wrap(key, map) },
  ];
}

/** CloudFormation's short-form tags for the `yaml` package (`customTags`). */
export const CFN_TAGS: Array<ScalarTag | CollectionTag> = [
  { tag: '!Ref', resolve: (text: string) => ({ Ref: text }) },
  { tag: '!Condition', resolve: (text: string) => ({ Condition: text }) },
  ...FUNCTIONS.flatMap(tagsFor),
];
