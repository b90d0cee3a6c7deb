import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Modules a fresh Node process has loaded after requiring `modules` from the build. */
function loadedBy(...modules: string[]): string[] {
  const script = `${modules.map((m) => `require(${JSON.stringify(join(ROOT, 'dist', m))});`).join('')} console.log(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
}

describe('the audit loads only the SDK clients it uses', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'lib', 'cli', 'audit.js'))) throw new Error('dist is missing: run `npx tsc -p tsconfig.build.json` (npm test builds first)');
  });

  it('loading the collectors, the runner and the audit command loads no SDK client and no aws-cdk-lib', () => {
    const loaded = loadedBy('lib/sources/account/collectors/index.js', 'lib/cli/audit.js', 'lib/cli/policy.js');
    expect(loaded.filter((m) => /@aws-sdk[\\/]client-|aws-cdk-lib/.test(m))).toEqual([]);
  });
});
