import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigFile } from '../../lib/config/file';
import { CONFIG_TEMPLATE } from '../../lib/cli/init';
import { lexscribe, tempDir } from '../scan/cli';

describe('lexscribe init', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes a commented configuration that lexscribe reads as it is, adds the context keys to cdk.json, prints the two lines', () => {
    writeFileSync(join(dir, 'cdk.json'), JSON.stringify({ app: 'npx ts-node bin/app.ts', context: { '@aws-cdk/core:stackRelativeExports': true } }));
    const run = lexscribe(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const written = readFileSync(join(dir, 'lexscribe.config.yml'), 'utf8');
    expect(written).toBe(CONFIG_TEMPLATE);
    expect(written.split('\n').filter((l) => l.startsWith('#')).length).toBeGreaterThan(15);
    expect(readConfigFile(join(dir, 'lexscribe.config.yml'))).toMatchObject({ failOn: 'HIGH', failOnUnknown: false, classification: { tagKey: 'data-classification' } });
    expect(JSON.parse(readFileSync(join(dir, 'cdk.json'), 'utf8'))).toEqual({
      app: 'npx ts-node bin/app.ts',
      context: { '@aws-cdk/core:stackRelativeExports': true, 'lexscribe:failOn': 'HIGH', 'lexscribe:config': 'lexscribe.config.yml' },
    });
    expect(run.stdout).toContain("  import { LexscribeChecks } from 'lexscribe';\n  LexscribeChecks.fromContext(app);");
    expect(run.stdout).toMatch(/^wrote lexscribe\.config\.yml\nadded lexscribe:failOn, lexscribe:config to the context of cdk\.json\n/);
    // The configuration it wrote is the one scan picks up.
    expect(lexscribe(['scan', join(__dirname, '..', 'fixtures', 'templates', 'contact-centre.yaml'), '-f', 'json', '-q'], { cwd: dir }).code).toBe(0);
  });

  test('refuses to overwrite a configuration without --force, and keeps context keys already in cdk.json', () => {
    writeFileSync(join(dir, 'lexscribe.config.yml'), 'failOn: low\n');
    writeFileSync(join(dir, 'cdk.json'), JSON.stringify({ app: 'x', context: { 'lexscribe:failOn': 'MEDIUM' } }));
    const refused = lexscribe(['init'], { cwd: dir });
    expect(refused).toMatchObject({ code: 2, stdout: '', stderr: 'lexscribe: lexscribe.config.yml exists; keep it, or overwrite it with --force\n' });
    expect(readFileSync(join(dir, 'lexscribe.config.yml'), 'utf8')).toBe('failOn: low\n');
    const forced = lexscribe(['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'lexscribe.config.yml'), 'utf8')).toBe(CONFIG_TEMPLATE);
    expect(JSON.parse(readFileSync(join(dir, 'cdk.json'), 'utf8')).context).toEqual({ 'lexscribe:failOn': 'MEDIUM', 'lexscribe:config': 'lexscribe.config.yml' });
    expect(forced.stdout).toContain('kept lexscribe:failOn ("MEDIUM") in cdk.json');
  });

  test('without cdk.json it says which keys to add; a second configuration file or a broken cdk.json is refused', () => {
    const bare = lexscribe(['init'], { cwd: dir });
    expect(bare.code).toBe(0);
    expect(existsSync(join(dir, 'cdk.json'))).toBe(false);
    expect(bare.stdout).toContain('no cdk.json in .: with one, the aspect reads these context keys: ');
    expect(bare.stdout).toContain('"lexscribe:failOn": "HIGH", "lexscribe:config": "lexscribe.config.yml"');
    rmSync(join(dir, 'lexscribe.config.yml'));
    writeFileSync(join(dir, 'lexscribe.config.json'), '{}');
    expect(lexscribe(['init'], { cwd: dir })).toMatchObject({ code: 2, stderr: "lexscribe: lexscribe.config.json is already this project's configuration; a second one would be refused\n" });
    rmSync(join(dir, 'lexscribe.config.json'));
    writeFileSync(join(dir, 'cdk.json'), '{ "app": ');
    expect(lexscribe(['init'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^lexscribe: cdk\.json is not valid JSON/) });
    expect(existsSync(join(dir, 'lexscribe.config.yml'))).toBe(false);
  });
});
