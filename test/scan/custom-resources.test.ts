import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplates } from '../../lib/sources/template/load';
import { emptyParameters } from '../../lib/sources/template/parameters';
import { tempDir } from './cli';

const load = (path: string) => loadTemplates([path], { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) });

describe('custom resources that stand for Lex or Transcribe resources', () => {
  test('are named in one coverage warning per service, since nothing can check what their function makes', () => {
    const file = join(tempDir(), 'bot.yaml');
    writeFileSync(
      file,
      [
        'Resources:',
        '  Bot: {Type: Custom::LexBot, Properties: {ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:f}}',
        '  BotAlias: {Type: Custom::LexV2BotAlias, Properties: {ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:f}}',
        '  Vocabulary: {Type: Custom::TranscribeVocabulary, Properties: {ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:f}}',
        '  Shape: {Type: Custom::Complex, Properties: {ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:f}}',
        '  Words: {Type: Custom::Lexicon, Properties: {ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:f}}',
        '  Logs: {Type: AWS::Logs::LogGroup}',
      ].join('\n'),
    );
    const loaded = load(file);
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings.filter((w) => w.kind === 'coverage').map((w) => w.message)).toEqual([
      `${file}: 2 Lex resources defined by a custom resource are not checked: Bot (Custom::LexBot), BotAlias (Custom::LexV2BotAlias); what the function behind ServiceToken makes of them is not known to lexscribe`,
      `${file}: 1 Transcribe resource defined by a custom resource is not checked: Vocabulary (Custom::TranscribeVocabulary); what the function behind ServiceToken makes of it is not known to lexscribe`,
    ]);
  });

  test('a template without such custom resources gets no such warning', () => {
    const file = join(tempDir(), 'plain.yaml');
    writeFileSync(file, 'Resources:\n  Setup: {Type: Custom::Setup, Properties: {ServiceToken: x}}\n');
    expect(load(file).warnings).toEqual([]);
  });
});
