import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanLoaded } from '../../../lib/cli/scan';
import { ResourceGraph } from '../../../lib/model/graph';
import { Reference } from '../../../lib/model/values';
import { loadTemplates } from '../../../lib/sources/template/load';
import { emptyParameters } from '../../../lib/sources/template/parameters';
import { tempDir } from '../cli';

const load = (...paths: string[]) => loadTemplates(paths, { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) });

describe('nested stacks of plain templates', () => {
  test('a local TemplateURL is a nested stack: parameters passed down, outputs read back, a remote one a coverage warning', () => {
    // The directory holds the nested template too: it is read once, as the nested stack of its parent.
    const loaded = load(__dirname);
    expect(loaded.errors).toEqual([]);
    expect(loaded.inputs.map((i) => i.stack.name)).toEqual(['root', 'root/Transcription']);
    expect(loaded.apps).toHaveLength(1);
    expect(loaded.warnings.map((w) => [w.kind, w.message])).toEqual([
      ['coverage', `${join(__dirname, 'root.yaml')}: nested stack Reporting has a remote TemplateURL (https://example-bucket.s3.amazonaws.com/reporting.yaml); its resources are not checked`],
    ]);

    const graph = new ResourceGraph(loaded.inputs);
    const bucket = graph.get('root/Transcription', 'TranscriptBucket')!;
    // A literal passed through a parent parameter, and a reference to the parent's key.
    expect(graph.props(bucket).BucketName).toBe('transcripts-prod');
    const key = (graph.props(bucket).BucketEncryption as { ServerSideEncryptionConfiguration: Array<{ ServerSideEncryptionByDefault: { KMSMasterKeyID: unknown } }> }).ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID;
    expect(key).toBeInstanceOf(Reference);
    expect((key as Reference).target).toBe(graph.get('root', 'TranscriptKey'));
    // The parent's `${Transcription.Outputs.TranscriptBucketArn}` is the nested stack's bucket.
    const policy = graph.props(graph.get('root', 'ReaderPolicy')!) as { PolicyDocument: { Statement: Array<{ Resource: unknown }> } };
    expect(String(policy.PolicyDocument.Statement[0].Resource)).toBe('<TranscriptBucket.Arn>/*');

    const findings = scanLoaded(loaded, {}, { verbose: true }).findings;
    const output = findings.filter((f) => f.checkId === 'TR-DP-2' && f.resource.logicalId === 'TranscriptBucket');
    expect(output.map((f) => [f.status, f.resource.stack, f.resource.file])).toEqual([['PASS', 'root/Transcription', join(__dirname, 'stacks', 'transcription.yaml')]]);
    expect(output[0].reason).toMatch(/customer-managed key <TranscriptKey.Arn>/);
  });

  test('a SAM application with a local Location is a nested stack too; a missing template, a cycle and a computed URL are coverage warnings', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'apps'));
    writeFileSync(
      join(dir, 'root.yaml'),
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Analytics:',
        '    Type: AWS::Serverless::Application',
        '    Properties:',
        '      Location: apps/analytics.yaml',
        '      Parameters: { Stage: dev }',
        '  Gone:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties: { TemplateURL: apps/gone.yaml }',
        '  Computed:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties: { TemplateURL: !Sub "https://${AWS::Region}.example.com/t.yaml" }',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'apps', 'analytics.yaml'),
      ['Parameters: { Stage: { Type: String } }', 'Resources:', '  Back:', '    Type: AWS::CloudFormation::Stack', '    Properties: { TemplateURL: ../root.yaml }', '  Queue:', '    Type: AWS::SQS::Queue', '    Properties: { QueueName: !Sub "calls-${Stage}" }', ''].join('\n'),
    );
    const loaded = load(join(dir, 'root.yaml'));
    expect(loaded.errors).toEqual([]);
    expect(loaded.inputs.map((i) => i.stack.name)).toEqual(['root', 'root/Analytics']);
    const graph = new ResourceGraph(loaded.inputs);
    expect(graph.props(graph.get('root/Analytics', 'Queue')!).QueueName).toBe('calls-dev');
    expect(loaded.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/root\.yaml: nested stack Gone: its template .*apps\/gone\.yaml: no such file or directory \(listed in .*root\.yaml\); its resources are not checked$/),
      `${join(dir, 'root.yaml')}: nested stack Computed has a TemplateURL computed at deploy time ({"Fn::Sub":"https://\${AWS::Region}.example.com/t.yaml"}); its resources are not checked`,
      `${join(dir, 'apps', 'analytics.yaml')}: nested stack Back names ${join(dir, 'root.yaml')}, a template it is nested in (a cycle); not read again`,
    ]);
  });
});
