import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvironment } from '../../lib/sources/template/assembly';
import { loadTemplates } from '../../lib/sources/template/load';
import { addParameterArgs, emptyParameters, ParameterSyntaxError, readParametersFile } from '../../lib/sources/template/parameters';
import { tempDir } from './cli';

const template = (resources: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ Resources: resources, ...extra });
const load = (paths: string[]) => loadTemplates(paths, { parameters: emptyParameters(), stdin: () => Buffer.from(template({ S: { Type: 'AWS::S3::Bucket' } })) });

describe('loading inputs', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a directory: templates found recursively, other JSON and YAML files left alone, each file read once', () => {
    mkdirSync(join(dir, 'nested'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'a.template.json'), template({ A: { Type: 'AWS::S3::Bucket' } }));
    writeFileSync(join(dir, 'nested', 'b.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n');
    writeFileSync(join(dir, 'nested', 'a.json'), template({ C: { Type: 'AWS::S3::Bucket' } }));
    writeFileSync(join(dir, 'package.json'), '{"name": "app"}');
    writeFileSync(join(dir, 'node_modules', 'x.json'), template({ X: { Type: 'AWS::S3::Bucket' } }));
    const loaded = load([dir, join(dir, 'a.template.json')]);
    expect(loaded.errors).toEqual([]);
    // Two templates named `a`: the second is known by its path.
    expect(loaded.inputs.map((i) => i.stack.name)).toEqual(['a', expect.stringMatching(/nested\/a\.json$/), 'b']);
    expect(loaded.apps).toHaveLength(1);
  });

  test('a file named explicitly must be a template', () => {
    writeFileSync(join(dir, 'package.json'), '{"name": "app"}');
    expect(load([join(dir, 'package.json')]).errors.map((e) => e.message)).toEqual([`${join(dir, 'package.json')}: is not a CloudFormation template (no Resources section)`]);
  });

  test('standard input', () => {
    expect(load(['-']).inputs.map((i) => [i.stack.name, i.stack.file])).toEqual([['stdin', '<stdin>']]);
  });

  test('an assembly: environment, parameters from the manifest, a nested stack without its template is a coverage warning', () => {
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        version: '55.0.0',
        artifacts: {
          App: { type: 'aws:cloudformation:stack', environment: 'aws://123456789012/eu-west-1', properties: { templateFile: 'App.template.json', stackName: 'app-prod', parameters: { Env: 'prod' } } },
          Agnostic: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'Agnostic.template.json' } },
        },
      }),
    );
    writeFileSync(join(dir, 'App.template.json'), template({ Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/x.json' } } }, { Parameters: { Env: { Type: 'String' } } }));
    writeFileSync(join(dir, 'Agnostic.template.json'), template({}));
    const loaded = load([dir]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.inputs.map((i) => ({ ...i.stack, parameterValues: i.parameterValues }))).toEqual([
      { name: 'app-prod', account: '123456789012', region: 'eu-west-1', file: join(dir, 'App.template.json'), parameterValues: { Env: 'prod' } },
      { name: 'Agnostic', account: undefined, region: undefined, file: join(dir, 'Agnostic.template.json'), parameterValues: {} },
    ]);
    expect(loaded.warnings.map((w) => w.kind)).toEqual(['coverage']);
  });

  test('a manifest that is not one', () => {
    writeFileSync(join(dir, 'manifest.json'), '{"version": "55.0.0"}');
    expect(load([dir]).errors.map((e) => e.message)).toEqual([`${join(dir, 'manifest.json')}: is not a cloud assembly manifest (no artifacts)`]);
  });
});

describe('parameters', () => {
  test('Key=Value for every stack, Stack:Key=Value for one; values may hold "=" and ":"', () => {
    expect(addParameterArgs(emptyParameters(), ['Env=prod', 'Data:KeyArn=arn:aws:kms:us-east-1:1:key/a=b'])).toEqual({ all: { Env: 'prod' }, byStack: { Data: { KeyArn: 'arn:aws:kms:us-east-1:1:key/a=b' } } });
  });
  test.each(['novalue', '=x', 'bad-name=x', ':Key=x'])('%s is refused', (arg) => {
    expect(() => addParameterArgs(emptyParameters(), [arg])).toThrow(ParameterSyntaxError);
  });
  test.each([
    ['CloudFormation list', [{ ParameterKey: 'Env', ParameterValue: 'prod' }, { ParameterKey: 'Size', ParameterValue: 3 }]],
    ['plain object', { Env: 'prod', Size: 3 }],
    ['CodePipeline template configuration', { Parameters: { Env: 'prod', Size: '3' } }],
  ])('parameters file: %s', (_, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.json'), JSON.stringify(content));
    expect(readParametersFile(join(dir, 'p.json'))).toEqual({ Env: 'prod', Size: '3' });
    rmSync(dir, { recursive: true, force: true });
  });
  test('manifest environments', () => {
    expect(parseEnvironment('aws://123456789012/us-east-1')).toEqual({ account: '123456789012', region: 'us-east-1' });
    expect(parseEnvironment('aws://unknown-account/unknown-region')).toEqual({ account: undefined, region: undefined });
  });
});
