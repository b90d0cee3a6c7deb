import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { loadTemplates } from '../../lib/sources/template/load';
import { emptyParameters } from '../../lib/sources/template/parameters';
import type { Provenance } from '../../lib/model/resource';

/** An app's source, compiled as `tsc` would (with a source map), so traces can name the JavaScript. */
const SOURCE = [
  "import { Stack } from 'aws-cdk-lib';", // 1
  "import * as lex from 'aws-cdk-lib/aws-lex';", // 2
  '', // 3
  'export class BotStack extends Stack {', // 4
  '  constructor(scope: never, id: string) {', // 5
  '    super(scope, id);', // 6
  "    new lex.CfnBot(this, 'Bot', { name: 'Support' } as never);", // 7
  '  }', // 8
  '}', // 9
].join('\n');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lexscribe-creation-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `lib/bot-stack.ts` and its compiled `dist/lib/bot-stack.js`, with the map beside it or inline; the JavaScript line of `new lex.CfnBot`. */
function compiled(sub: string, map: 'file' | 'inline' | 'none'): { ts: string; js: string; line: number; column: number } {
  const root = join(dir, sub);
  mkdirSync(join(root, 'lib'), { recursive: true });
  mkdirSync(join(root, 'dist', 'lib'), { recursive: true });
  const tsFile = join(root, 'lib', 'bot-stack.ts');
  const jsFile = join(root, 'dist', 'lib', 'bot-stack.js');
  writeFileSync(tsFile, SOURCE);
  const out = ts.transpileModule(SOURCE, {
    fileName: tsFile,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: map === 'file', inlineSourceMap: map === 'inline', outDir: join(root, 'dist', 'lib'), rootDir: join(root, 'lib') },
  });
  const text = map === 'file' ? out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, '//# sourceMappingURL=bot-stack.js.map') : out.outputText;
  writeFileSync(jsFile, text);
  if (map === 'file') {
    const sm = JSON.parse(out.sourceMapText!);
    writeFileSync(`${jsFile}.map`, JSON.stringify({ ...sm, sources: ['../../lib/bot-stack.ts'] }));
  }
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('new lex.CfnBot')) + 1;
  return { ts: tsFile, js: jsFile, line, column: lines[line - 1].indexOf('new') + 1 };
}

/** A one-stack cloud assembly whose metadata records the given entries per construct path. */
function assembly(sub: string, metadata: Record<string, unknown[]>, displayName = 'Bots'): string {
  const out = join(dir, sub, 'cdk.out');
  mkdirSync(out, { recursive: true });
  const template = {
    Resources: {
      Bot: { Type: 'AWS::Lex::Bot', Properties: { Name: 'Support' }, Metadata: { 'aws:cdk:path': `${displayName}/Bot` } },
      Role: { Type: 'AWS::IAM::Role', Properties: {}, Metadata: { 'aws:cdk:path': `${displayName}/BotRole/Resource` } },
      Policy: { Type: 'AWS::IAM::Policy', Properties: {}, Metadata: { 'aws:cdk:path': `${displayName}/BotRole/DefaultPolicy/Resource` } },
      Orphan: { Type: 'AWS::SNS::Topic', Properties: {}, Metadata: { 'aws:cdk:path': `${displayName}/Orphan` } },
    },
  };
  writeFileSync(join(out, 'Bots.template.json'), JSON.stringify(template, null, 1));
  writeFileSync(join(out, 'Bots.metadata.json'), JSON.stringify(metadata));
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify({ version: '55.0.0', artifacts: { Bots: { type: 'aws:cloudformation:stack', environment: 'aws://123456789012/us-east-1', properties: { templateFile: 'Bots.template.json' }, additionalMetadataFile: 'Bots.metadata.json', displayName } } }),
  );
  return out;
}

function sources(cdkOut: string): Record<string, Provenance['source']> {
  const loaded = loadTemplates([cdkOut], { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) });
  expect(loaded.errors).toEqual([]);
  return Object.fromEntries(loaded.inputs[0].resources.map((r) => [r.logicalId, r.provenance.source]));
}

describe('creation locations from the cloud assembly', () => {
  test('the first frame of app code, mapped from the JavaScript to the TypeScript line through the source map beside it', () => {
    const app = compiled('mapped', 'file');
    const out = assembly('mapped', {
      '/Bots': [{ type: 'aws:cdk:creationStack', data: [`<anonymous> (${join(dir, 'mapped', 'dist', 'bin', 'app.js')}:5:1)`] }],
      '/Bots/Bot': [
        { type: 'aws:cdk:logicalId', data: 'Bot' },
        { type: 'aws:cdk:creationStack', data: [`new BotStack (${app.js}:${app.line}:${app.column})`, `<anonymous> (${join(dir, 'mapped', 'dist', 'bin', 'app.js')}:5:1)`, '...node internals...'] },
      ],
      '/Bots/BotRole/Resource': [
        { type: 'aws:cdk:logicalId', data: 'Role' },
        // aws-cdk-lib's own frames and node_modules come first for an L2: the app's line is the one that matters.
        { type: 'aws:cdk:creationStack', data: ['...new Role2 in aws-cdk-lib...', `new Role (${join(dir, 'node_modules', 'some-lib', 'index.js')}:3:9)`, `new BotStack (${app.ts}:6:5)`] },
      ],
      '/Bots/BotRole/DefaultPolicy/Resource': [{ type: 'aws:cdk:logicalId', data: 'Policy' }],
      '/Bots/Orphan': [{ type: 'aws:cdk:logicalId', data: 'Orphan' }, { type: 'aws:cdk:creationStack', data: ['...aws-cdk-lib...', '(no user code in 10 frames, use --stack-trace-limit to capture more)'] }],
    });
    expect(sources(out)).toEqual({
      Bot: { file: app.ts, line: 7, column: 5 },
      Role: { file: app.ts, line: 6, column: 5 },
      // No trace of its own: its parent's (the role that made it), never the stack's.
      Policy: { file: app.ts, line: 6, column: 5 },
      Orphan: undefined,
    });
  });

  test('an inline source map; older assemblies that keep the trace on the aws:cdk:logicalId entry; a Stage stack', () => {
    const app = compiled('inline', 'inline');
    const out = assembly(
      'inline',
      {
        '/Prod/Bots': [{ type: 'aws:cdk:creationStack', data: [`f (${app.js}:1:1)`] }],
        '/Prod/Bots/Bot': [{ type: 'aws:cdk:logicalId', data: 'Bot', trace: [`new BotStack (${app.js}:${app.line}:${app.column})`] }],
        '/Prod/Bots/Orphan': [{ type: 'aws:cdk:logicalId', data: 'Orphan' }],
      },
      'Prod/Bots',
    );
    expect(sources(out)).toMatchObject({ Bot: { file: app.ts, line: 7 }, Orphan: undefined });
  });

  test('without a source map, or when the TypeScript it names is not there, the JavaScript line as recorded', () => {
    const bare = compiled('bare', 'none');
    const withMap = compiled('moved', 'file');
    rmSync(withMap.ts);
    const out = assembly('bare', {
      '/Bots/Bot': [{ type: 'aws:cdk:logicalId', data: 'Bot' }, { type: 'aws:cdk:creationStack', data: [`new BotStack (${bare.js}:${bare.line}:${bare.column})`] }],
      '/Bots/BotRole/Resource': [{ type: 'aws:cdk:logicalId', data: 'Role' }, { type: 'aws:cdk:creationStack', data: [`${withMap.js}:${withMap.line}:${withMap.column}`] }],
    });
    expect(sources(out)).toMatchObject({ Bot: { file: bare.js, line: bare.line, column: bare.column }, Role: { file: withMap.js, line: withMap.line } });
  });
});
