import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_COLLECTORS } from '../../lib/sources/account/collectors';
import { declaredOperations, isCredentialOperation, isReadOnly, operationName, ORGANIZATION_OPERATIONS, SECURITY_HUB_IMPORT, SECURITY_HUB_WRITES } from '../../lib/sources/account/operations';
import { MotoRequestHandler } from './moto-adapter';
import { startMoto, type MotoServer } from './moto-server';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'bin', 'lexscribe.js');
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Credentials moto accepts; deliberately recognisable so a test can prove they never leak. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIATESTLEXSCRIBE0001', secretAccessKey: 'lexscribe-test-secret-do-not-print' };

/**
 * The adapter as JavaScript, for the CLI child process: transpiled from the TypeScript source next to
 * this file (no type check; jest does that work for the tests themselves), and rebuilt when it changes.
 */
function adapterModule(): string {
  const source = join(__dirname, 'moto-adapter.ts');
  const dir = join(ROOT, 'node_modules', '.cache', 'lexscribe-test');
  const out = join(dir, 'moto-adapter.js');
  if (!existsSync(out) || statSync(out).mtimeMs < statSync(source).mtimeMs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require('typescript') as typeof import('typescript');
    const js = ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    mkdirSync(dir, { recursive: true });
    // Test files run in parallel workers: write aside, then rename, so no worker reads half a file.
    const tmp = `${out}.${process.pid}`;
    writeFileSync(tmp, js);
    renameSync(tmp, out);
  }
  return out;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MotoHarness {
  readonly url: string;
  readonly server: MotoServer;
  /**
   * SDK client against moto (test adapter, dummy credentials unless given, one attempt: moto's 500s are
   * not worth retrying). Credentials of an assumed role make moto serve that role's account.
   */
  client<T>(ctor: new (config: Record<string, unknown>) => T, region?: string, credentials?: AwsCredentials): T;
  /** `node dist/bin/lexscribe.js <args>` with dummy credentials and the test hook; commands sent are logged. */
  cli(args: string[], env?: Record<string, string | undefined>): Promise<CliResult>;
  /** Every `service:Operation` the CLI runs of this file have sent. */
  commandsSent(): string[];
  /** The environment `cli` runs the CLI with (dummy credentials, the test hook, the command log). */
  cliEnv(): Record<string, string>;
}

/**
 * Commands the CLI sent that it must not have: anything undeclared (by the collectors, the runner, or
 * the organization audit), and anything that is not a read, but for sts:AssumeRole (the organization
 * audit's one non-read call).
 */
export function forbiddenCommands(sent: readonly string[]): string[] {
  // Reads the collectors declare, the organization audit's calls, and the Security Hub import's two (its
  // write only ever sent by runs given --security-hub: the clients refuse it otherwise, see test/audit/read-only.test.ts).
  const declared = new Set([...declaredOperations(ALL_COLLECTORS), ...ORGANIZATION_OPERATIONS, ...Object.values(SECURITY_HUB_IMPORT)].map(operationName));
  const writes = new Set(SECURITY_HUB_WRITES.map(operationName));
  return [...new Set(sent)].filter((name) => {
    const [service, action] = name.split(':');
    const op = { service, action };
    return !(isReadOnly(op) || isCredentialOperation(op) || writes.has(name)) || !declared.has(name);
  });
}

/**
 * One moto per test FILE: started before the first test, reset between tests, stopped after the last.
 * Every command the CLI sent is checked against the declarations and the read-only rule (AssumeRole
 * aside) when the file ends.
 */
export function useMoto(env: Record<string, string> = {}): MotoHarness {
  let server: MotoServer | undefined;
  const logDir = join(tmpdir(), `lexscribe-commands-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const log = join(logDir, 'commands.log');
  const clients: Array<{ destroy(): void }> = [];
  beforeAll(async () => {
    server = await startMoto(env);
    mkdirSync(logDir, { recursive: true });
  });
  beforeEach(async () => {
    await server?.reset();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    const sent = harness.commandsSent();
    rmSync(logDir, { recursive: true, force: true });
    expect(forbiddenCommands(sent)).toEqual([]);
  });
  const harness: MotoHarness = {
    get url() {
      if (!server) throw new Error('moto is not running (useMoto() must be called at the top of the test file)');
      return server.url;
    },
    get server() {
      if (!server) throw new Error('moto is not running');
      return server;
    },
    client(ctor, region = REGION, credentials = DUMMY_CREDENTIALS) {
      const c = new ctor({
        region,
        endpoint: harness.url,
        credentials,
        forcePathStyle: true,
        maxAttempts: 1,
        requestHandler: new MotoRequestHandler({}),
      });
      clients.push(c as unknown as { destroy(): void });
      return c;
    },
    cli(args, extra = {}) {
      return runCli(args, { ...harness.cliEnv(), ...extra });
    },
    cliEnv() {
      return {
        AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
        LEXSCRIBE_TEST_REQUEST_HANDLER: adapterModule(),
        LEXSCRIBE_TEST_COMMAND_LOG: log,
      };
    },
    commandsSent() {
      return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    },
  };
  return harness;
}

/** A child's environment: the test's, less anything AWS or CI of the developer's own, plus `env`. */
function childEnvironment(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'CI'));
  const childEnv: Record<string, string | undefined> = { ...base, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true', ...env };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  return childEnv as NodeJS.ProcessEnv;
}

/** Run the built CLI with a clean AWS environment (nothing from the developer's own profile leaks in). */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -p tsconfig.build.json\` (npm test builds first)`);
  return run(process.execPath, [CLI, ...args], env, ROOT);
}

/**
 * Run a shell command line as a CI job would (bash), in `cwd`, where `npx lexscribe` runs the built CLI:
 * the commands of the documented pipelines are tested as written.
 */
export function runShell(command: string, cwd: string, env: Record<string, string | undefined>): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -p tsconfig.build.json\` (npm test builds first)`);
  const bin = join(cwd, '.lexscribe-bin');
  mkdirSync(bin, { recursive: true });
  const npx = join(bin, 'npx');
  writeFileSync(npx, `#!/bin/sh\nif [ "$1" = lexscribe ]; then shift; exec "${process.execPath}" "${CLI}" "$@"; fi\necho "npx $1: only npx lexscribe is available here" >&2\nexit 127\n`, { mode: 0o755 });
  return run('bash', ['-c', command], { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` }, cwd);
}

function run(file: string, args: string[], env: Record<string, string | undefined>, cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: childEnvironment(env), cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
