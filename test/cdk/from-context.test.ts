import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { SynthesisMessage } from 'aws-cdk-lib/cx-api';
import { LexscribeChecks } from '../../lib/cdk/aspect';
import { REPORT_FILE } from '../../lib/report/report';
import { ENV, HIGH, MEDIUM, newApp, tempOutdir, topic } from './fixtures';

/** An app whose context is what `cdk synth -c key=value` or cdk.json would give it. */
function synth(context: Record<string, unknown>) {
  const app = newApp({ context });
  const stack = new Stack(app, 'Api', { env: ENV });
  topic(stack, 'Failing', 'FAIL');
  LexscribeChecks.fromContext(app, { checks: [HIGH, MEDIUM] });
  const assembly = app.synth();
  const ids = (entries: SynthesisMessage[]) => entries.map((e) => String(e.entry.data).split(' ')[0]).sort();
  const a = Annotations.fromStack(stack);
  return { errors: ids(a.findError('*', Match.anyValue())), warnings: ids(a.findWarning('*', Match.anyValue())), dir: assembly.directory };
}

function configFile(content: unknown, name = 'lexscribe.config.json'): string {
  const file = join(tempOutdir(), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('LexscribeChecks.fromContext', () => {
  test.each([
    ['no context: failOn HIGH', {}, ['TEST-HIGH-1'], ['TEST-MED-1']],
    ['-c lexscribe:failOn=MEDIUM', { 'lexscribe:failOn': 'MEDIUM' }, ['TEST-HIGH-1', 'TEST-MED-1'], []],
    ['-c lexscribe:config=<file> (a check disabled)', { 'lexscribe:config': configFile({ checks: { 'TEST-MED-1': { enabled: false } } }) }, ['TEST-HIGH-1'], []],
    ['a YAML config file with failOn', { 'lexscribe:config': configFile('failOn: CRITICAL\n', 'lexscribe.config.yml') }, [], ['TEST-HIGH-1', 'TEST-MED-1']],
    ['an inline config object (cdk.json)', { 'lexscribe:config': { checks: { 'TEST-HIGH-1': { severity: 'LOW' } } } }, [], ['TEST-HIGH-1', 'TEST-MED-1']],
    ['context failOn wins over the config file', { 'lexscribe:failOn': 'MEDIUM', 'lexscribe:config': { failOn: 'CRITICAL' } }, ['TEST-HIGH-1', 'TEST-MED-1'], []],
    ['-c lexscribe:failOnUnknown=true keeps FAIL as it is', { 'lexscribe:failOnUnknown': 'true' }, ['TEST-HIGH-1'], ['TEST-MED-1']],
  ])('%s', (_what, context, errors, warnings) => {
    const out = synth(context);
    expect(out.errors).toEqual(errors);
    expect(out.warnings).toEqual(warnings);
  });

  test('-c lexscribe:reports=false writes no report; by default there is one', () => {
    expect(existsSync(join(synth({ 'lexscribe:reports': 'false' }).dir, REPORT_FILE))).toBe(false);
    expect(existsSync(join(synth({}).dir, REPORT_FILE))).toBe(true);
  });

  test.each([
    ['a severity that does not exist', { 'lexscribe:failOn': 'URGENT' }, 'lexscribe: failOn must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL (got "URGENT")'],
    ['a flag that is not a boolean', { 'lexscribe:reports': 'no' }, 'context lexscribe:reports must be true or false (got "no")'],
    ['a config file that is missing', { 'lexscribe:config': '/nonexistent/lexscribe.json' }, 'cannot read configuration /nonexistent/lexscribe.json: ENOENT'],
    ['an inline config with an unknown key', { 'lexscribe:config': { failon: 'HIGH' } }, 'lexscribe configuration: unknown key "failon" in the configuration'],
  ])('refuses %s with a message that says what to fix', (_what, context, message) => {
    expect(() => synth(context)).toThrow(message);
  });
});
