import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lexscribe, tempDir, TEMPLATES } from './cli';

/** Run the CLI with a preloaded hook that writes every module it loaded, at exit. */
function loadedModules(args: string[]): string[] {
  const dir = tempDir();
  const hook = join(dir, 'record-modules.js');
  const out = join(dir, 'modules.json');
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));`);
  const run = lexscribe(args, { env: { NODE_OPTIONS: `--require ${hook}` } });
  expect(run.code).not.toBeNull();
  const modules = JSON.parse(readFileSync(out, 'utf8')) as string[];
  rmSync(dir, { recursive: true, force: true });
  return modules;
}

/** Every format but json, which goes to standard output. */
const REPORTS = ['sarif', 'junit', 'html', 'text', 'asff', 'ocsf'];

const CLI_BUNDLE = 'lexscribe-cli.js';

const heavy = (modules: string[]) => modules.filter((m) => /node_modules[\\/](aws-cdk-lib|@aws-sdk|@smithy)[\\/]/.test(m));

describe('start-up', () => {
  test.each([
    ['--help', ['--help']],
    ['scan --help', ['scan', '--help']],
    [
      'scan of a template, with every report format',
      ['scan', join(TEMPLATES, 'contact-centre.yaml'), '--asff-account', '111122223333', '--asff-region', 'eu-west-2', '-f', 'json', ...REPORTS.flatMap((f) => ['-f', f, '-o', join(tmpdir(), `lexscribe-startup-${process.pid}.${f}`)])],
    ],
  ])('%s loads neither aws-cdk-lib nor AWS SDK clients', (_, args) => {
    const modules = loadedModules(args as string[]);
    for (const f of REPORTS) rmSync(join(tmpdir(), `lexscribe-startup-${process.pid}.${f}`), { force: true });
    expect(modules.some((m) => m.endsWith('lexscribe.js'))).toBe(true);
    expect(heavy(modules)).toEqual([]);
  });

  test('--help loads no check, no engine and no renderer', () => {
    const modules = loadedModules(['--help']);
    const ours = modules.filter((m) => !/node_modules/.test(m)).map((m) => m.split(/[\\/]dist[\\/]/)[1] ?? m);
    expect(ours).toContain('lib/cli/scan-command.js');
    expect(ours.filter((m) => /^(checks|lib[\\/](engine|model|report|sources))[\\/]/.test(m))).toEqual([]);
    expect(modules.filter((m) => /node_modules[\\/](yaml|xmlbuilder2)[\\/]/.test(m))).toEqual([]);
    expect(modules.filter((m) => m.endsWith(CLI_BUNDLE))).toEqual([]);
  });

  test('a scan of a JSON template loads the commands bundle, and neither yaml nor fflate', () => {
    const out = join(tmpdir(), `lexscribe-startup-${process.pid}.json`);
    const modules = loadedModules(['scan', join(TEMPLATES, 'contact-centre.template.json'), '-f', 'json', '-o', out]);
    rmSync(out, { force: true });
    expect(modules.filter((m) => m.endsWith(CLI_BUNDLE))).toHaveLength(1);
    expect(modules.filter((m) => /node_modules[\\/](yaml|fflate)[\\/]/.test(m))).toEqual([]);
  });

  // The bundle runs each of its modules when it is first required, as the modules it is made of do;
  // which of those a scan requires is seen in the compiled-from-source tree, in this process.
  test('a scan of a JSON template requires neither the YAML parser nor the SAM expanders', async () => {
    const required: string[] = [];
    const lazy = ['../../lib/sources/template/yaml-parse', '../../lib/sources/template/sam'];
    const out = join(tempDir(), 'report.json');
    await jest.isolateModulesAsync(async () => {
      for (const m of lazy) jest.doMock(m, () => (required.push(m), jest.requireActual(m)));
      const { runCli } = await import('../../lib/cli/program');
      const { code } = await runCli(['node', 'lexscribe', 'scan', join(TEMPLATES, 'contact-centre.template.json'), '-f', 'json', '-o', out, '--quiet']);
      expect(code).toBe(0);
    });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('findings');
    expect(required).toEqual([]);
  });
});
