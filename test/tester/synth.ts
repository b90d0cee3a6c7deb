import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { scanLoaded } from '../../lib/cli/scan';
import type { LexscribeConfig } from '../../lib/config/types';
import type { Check } from '../../lib/engine/check';
import type { Finding } from '../../lib/model/finding';
import { loadTemplates, type LoadedTemplates } from '../../lib/sources/template/load';
import { emptyParameters } from '../../lib/sources/template/parameters';
import { ENV } from '../helpers/synth';
import type { CdkCase, TemplateCase } from './types';

/** The stack every synth case builds or scans. */
export const STACK = 'Test';

function inTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'lexscribe-tester-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(paths: string[]): LoadedTemplates {
  const loaded = loadTemplates(paths, { parameters: emptyParameters(), stdin: () => Buffer.alloc(0) });
  if (loaded.errors.length > 0) throw new Error(`the tester's input could not be read: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded;
}

const ofCheck = (check: Check, findings: readonly Finding[]) => findings.filter((f) => f.checkId === check.id);

/** What a CDK case gave: the aspect's findings at synth, and the scan of the cloud assembly it wrote. */
export interface CdkRun {
  synth: Finding[];
  scan: Finding[];
}

/**
 * Synthesize the case's app with the aspect (only this check, CDK's built-in validator off) into a
 * temporary cloud assembly, then scan that assembly as `lexscribe scan cdk.out` would.
 */
export function runCdk(check: Check, c: CdkCase, config: LexscribeConfig): CdkRun {
  return inTempDir((dir) => {
    const app = new App({ outdir: dir, builtinCloudFormationValidation: false } as never);
    c.cdk(new Stack(app, STACK, c.stack ?? { env: ENV }));
    const aspect = new LexscribeChecks({ reports: false, verbose: true, checks: [check], config });
    Aspects.of(app).add(aspect);
    app.synth();
    const synth = [...aspect.results.values()].flatMap((r) => ofCheck(check, r.findings));
    const scan = ofCheck(check, scanLoaded(load([dir]), config, { verbose: true }).findings);
    return { synth, scan };
  });
}

/** Scan the case's template (JSON object, or YAML text) as a file named after stack `Test`. */
export function runTemplate(check: Check, c: TemplateCase, config: LexscribeConfig): Finding[] {
  return inTempDir((dir) => {
    const yaml = typeof c.template === 'string';
    const file = join(dir, yaml ? `${STACK}.yaml` : `${STACK}.template.json`);
    writeFileSync(file, yaml ? (c.template as string) : JSON.stringify(c.template, null, 2));
    return ofCheck(check, scanLoaded(load([file]), config, { verbose: true }).findings);
  });
}

/** What per-check parity compares: check id, stack, logical id, finding key and status of each finding. */
export function parityKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => [f.checkId, f.resource.stack ?? '', f.resource.logicalId ?? '', f.findingKey ?? '', f.status].join(' | ')).sort();
}
