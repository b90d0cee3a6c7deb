import { App, Stack, type StackProps } from 'aws-cdk-lib';
import { LexscribeChecks, type LexscribeChecksProps } from '../../lib/cdk/aspect';
import type { AppResult } from '../../lib/engine/pipeline';
import type { Finding } from '../../lib/model/finding';
import { Aspects } from 'aws-cdk-lib';
import { tempDir } from './temp';

export const ENV = { account: '123456789012', region: 'us-east-1' };

export interface Synthesized {
  app: App;
  aspect: LexscribeChecks;
  result: AppResult;
  /** Findings of one check (NOT_APPLICABLE included). */
  of(checkId: string): Finding[];
  /** Statuses of one check, keyed by logical id (several verdicts per resource are joined with `,`). */
  statuses(checkId: string): Record<string, string>;
}

/**
 * Synthesize a real CDK app with the aspect (CDK's built-in CloudFormation validation off, as the
 * toolchain notes advise for tests) and return its findings.
 */
export function synth(build: (app: App) => void, props: LexscribeChecksProps = {}): Synthesized {
  const app = new App({ outdir: tempDir('lexscribe-synth-'), builtinCloudFormationValidation: false } as never);
  build(app);
  const aspect = new LexscribeChecks({ reports: false, verbose: true, ...props });
  Aspects.of(app).add(aspect);
  app.synth();
  const result = aspect.results.get(app.node.path)!;
  const of = (id: string) => result.findings.filter((f) => f.checkId === id);
  return {
    app,
    aspect,
    result,
    of,
    statuses(id) {
      const out: Record<string, string> = {};
      for (const f of of(id)) {
        const k = f.resource.logicalId ?? f.resource.arn ?? '?';
        out[k] = out[k] ? `${out[k]},${f.status}` : f.status;
      }
      return out;
    },
  };
}

/** Synthesize one stack built by `build`, in a known account and Region unless `env` says otherwise. */
export function synthStack(build: (stack: Stack) => void, props: LexscribeChecksProps = {}, stackProps: StackProps = { env: ENV }): Synthesized {
  return synth((app) => build(new Stack(app, 'Test', stackProps)), props);
}
