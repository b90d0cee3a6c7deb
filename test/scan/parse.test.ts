import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate } from '../../lib/sources/template/parse';
import { TEMPLATES } from './cli';

const yaml = (text: string) => parseTemplate(Buffer.from(text), 'template.yaml');
const json = (text: string) => parseTemplate(Buffer.from(text), 'template.json');
const props = (text: string) => yaml(`Resources:\n  R:\n    Type: X\n    Properties:\n      P: ${text}\n`).template.Resources!.R.Properties!.P;

describe('YAML short-form tags', () => {
  test.each([
    ['!Ref Bucket', { Ref: 'Bucket' }],
    ['!GetAtt Bucket.Arn', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Bucket, Arn]', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['!Sub "arn:${AWS::Partition}:s3:::${Bucket}"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' }],
    ['!Sub ["${A}-x", {A: !Ref B}]', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'B' } }] }],
    ['!Join ["", [a, !Ref B]]', { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ['!If [IsProd, !ImportValue KeyArn, !Ref "AWS::NoValue"]', { 'Fn::If': ['IsProd', { 'Fn::ImportValue': 'KeyArn' }, { Ref: 'AWS::NoValue' }] }],
    ['!Select [0, !Split [",", !Ref List]]', { 'Fn::Select': [0, { 'Fn::Split': [',', { Ref: 'List' }] }] }],
    ['!FindInMap [Map, !Ref "AWS::Region", Key]', { 'Fn::FindInMap': ['Map', { Ref: 'AWS::Region' }, 'Key'] }],
    ['!Not [!Equals [!Ref Env, prod]]', { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }] }],
    ['!And [!Condition A, !Or [!Condition B, !Condition C]]', { 'Fn::And': [{ Condition: 'A' }, { 'Fn::Or': [{ Condition: 'B' }, { Condition: 'C' }] }] }],
    ['!Base64 {"Fn::Sub": "x"}', { 'Fn::Base64': { 'Fn::Sub': 'x' } }],
    ['!Cidr [!GetAtt Vpc.CidrBlock, 6, 8]', { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 6, 8] }],
    ["!GetAZs ''", { 'Fn::GetAZs': '' }],
  ])('%s', (text, value) => {
    expect(props(text)).toEqual(value);
  });
});

describe('positions', () => {
  test('JSON and YAML templates locate the same resources and properties', () => {
    const fromJson = parseTemplate(readFileSync(join(TEMPLATES, 'contact-centre.template.json')), 'a.json').positions;
    const fromYaml = parseTemplate(readFileSync(join(TEMPLATES, 'contact-centre.yaml')), 'a.yaml').positions;
    expect([...fromJson.keys()]).toEqual([...fromYaml.keys()]);
    for (const [id, at] of fromJson) {
      // The YAML uses a short-form tag here and there: its paths are those of the JSON, minus what is inside an intrinsic.
      expect(Object.keys(at.properties).filter((p) => !p.includes('Fn::') && !p.includes('.Ref'))).toEqual(
        Object.keys(fromYaml.get(id)!.properties).filter((p) => !p.includes('Fn::') && !p.includes('.Ref')),
      );
    }
  });

  test.each([
    ['JSON', json('{\n  "Resources": {\n    "A\\"b": {\n      "Type": "X",\n      "Properties": { "List": [ {"k": 1}, {"k": [1, {"Deep": true}]} ] }\n    }\n  }\n}'), { line: 3, column: 5 }, { line: 5, column: 44 }],
    ['YAML', yaml('Resources:\n  A"b:\n    Type: X\n    Properties:\n      List:\n        - k: 1\n        - k: [1, {Deep: true}]\n'), { line: 2, column: 3 }, { line: 7, column: 11 }],
  ])('%s: resources by logical id, properties by path with list indexes', (_, parsed, resource, secondK) => {
    const at = parsed.positions.get('A"b')!;
    expect(at.at).toEqual(resource);
    expect(Object.keys(at.properties)).toEqual(['List', 'List.0.k', 'List.1.k', 'List.1.k.1.Deep']);
    expect(at.properties['List.1.k']).toEqual(secondK);
  });

  test('a large JSON template is located in the time of a few JSON.parse calls', () => {
    const resources = Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`Alias${i}`, { Type: 'AWS::Lex::BotAlias', Properties: { BotId: { Ref: 'Bot' }, ConversationLogSettings: { AudioLogSettings: [{ Enabled: true, Destination: { S3Bucket: { S3BucketArn: 'arn:aws:s3:::b', LogPrefix: 'a/' } } }] } } }]),
    );
    const data = Buffer.from(JSON.stringify({ Resources: resources }, null, 1));
    const time = (f: () => unknown) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 5; i++) f();
      return Number(process.hrtime.bigint() - start);
    };
    time(() => parseTemplate(data, 'big.json'));
    const ratio = time(() => parseTemplate(data, 'big.json')) / time(() => JSON.parse(data.toString('utf8')));
    expect(parseTemplate(data, 'big.json').positions.get('Alias1999')!.properties['ConversationLogSettings.AudioLogSettings.0.Destination.S3Bucket.LogPrefix']).toBeDefined();
    expect(ratio).toBeLessThan(25);
  });
});

describe('bad templates are one InputError with the file and line', () => {
  test.each([
    ['malformed JSON', 'x.json', '{\n  "Resources": {\n    "A": {}\n    "B": {}\n  }\n}', 'x.json:4: malformed JSON: '],
    ['malformed YAML', 'x.yaml', 'Resources:\n  A:\n    Type: [a\n  B: 1\n', 'x.yaml:4: malformed YAML: '],
    ['binary', 'x.template', '\u0000\u0001\u0002', 'x.template: is a binary file, not a template'],
    ['not UTF-8', 'x.json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'x.json: is not UTF-8 text'],
    ['empty', 'x.yaml', ' \n\n', 'x.yaml: is empty'],
    ['a list', 'x.yaml', '- a\n- b\n', 'x.yaml: is not a CloudFormation template (the document is not a mapping)'],
    ['Resources not a mapping', 'x.json', '{"Resources": [1]}', 'x.json: is not a CloudFormation template (Resources is not a mapping)'],
    ['nested too deep (JSON)', 'x.json', `{"Resources": {"A": {"Type": "X", "Properties": {"P":\n${'['.repeat(100)}${']'.repeat(100)}}}}}`, 'x.json:2: nested deeper than 64 levels'],
    ['nested too deep (YAML)', 'x.yaml', `Resources:\n  A:\n    Properties:\n      P: ${'['.repeat(100)}${']'.repeat(100)}\n`, 'x.yaml:4: nested deeper than 64 levels'],
  ])('%s', (_, file, text, message) => {
    expect(() => parseTemplate(typeof text === 'string' ? Buffer.from(text) : text, file)).toThrow(message);
  });
});

describe('duplicate keys: the last is read, each duplicate named (CloudFormation calls them undefined behaviour)', () => {
  test.each([
    ['YAML logical ids', 'x.yaml', 'Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n', 'x.yaml:4: key A of Resources is given twice; the last one is read (CloudFormation calls duplicate keys undefined behaviour: remove one)', 'Y'],
    ['YAML properties', 'x.yaml', 'Resources:\n  A:\n    Type: Y\n    Properties:\n      P: 1\n      P: 2\n', 'x.yaml:6: key P of Resources.A.Properties is given twice; the last one is read (CloudFormation calls duplicate keys undefined behaviour: remove one)', 'Y'],
    ['JSON logical ids', 'x.json', '{"Resources": {\n"A": {"Type": "X"},\n"A": {"Type": "Y"}}}', 'x.json:3: key A of Resources is given twice; the last one is read (CloudFormation calls duplicate keys undefined behaviour: remove one)', 'Y'],
    ['JSON sections', 'x.json', '{"Resources": {"A": {"Type": "X"}},\n"Resources": {"A": {"Type": "Y"}}}', 'x.json:2: key Resources is given twice; the last one is read (CloudFormation calls duplicate keys undefined behaviour: remove one)', 'Y'],
  ])('%s', (_what, file, text, warning, type) => {
    const parsed = parseTemplate(Buffer.from(text), file);
    expect(parsed.warnings.map((w) => w.message)).toEqual([warning]);
    expect(parsed.template.Resources?.A?.Type).toBe(type);
  });
});

test('a JSON template with a trailing comma is read as YAML, as the AWS CLI reads it, with a warning', () => {
  const parsed = parseTemplate(Buffer.from('{\n  "Resources": {\n    "A": {"Type": "X",},\n  },\n}\n'), 'x.json');
  expect(parsed.template.Resources?.A?.Type).toBe('X');
  expect(parsed.warnings.map((w) => w.message)).toEqual(['x.json: not valid JSON (malformed JSON: Expected double-quoted property name at line 3); read as YAML, as the AWS CLI and SAM CLI do']);
});
