import { App, Stack, type AppProps } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { defineCheck, type Verdict } from '../../lib/engine/check';
import type { Severity } from '../../lib/model/finding';
import { Unknown } from '../../lib/model/values';
import { tempDir } from '../helpers/temp';

export const ENV = { account: '123456789012', region: 'us-east-1' };

/**
 * A check on SNS topics whose verdict each topic declares in its DisplayName (`FAIL`, `PASS`,
 * `UNKNOWN`, or `KEYS` for two keyed failures), so the aspect's behaviour is tested apart from
 * what the real checks decide.
 */
export function topicCheck(id: string, severity: Severity) {
  return defineCheck({
    id,
    title: 'Topics say they are fine',
    service: 'lex',
    topic: 'monitoring',
    severity,
    rationale: 'Test check.',
    remediation: 'Set DisplayName to PASS.',
    docs: 'https://docs.aws.amazon.com/sns/latest/dg/welcome.html',
    modes: ['synth'],
    resourceTypes: ['AWS::SNS::Topic'],
    evaluate(resource, { graph }): Verdict | Verdict[] {
      const name = graph.props(resource).DisplayName;
      if (name instanceof Unknown) return { status: 'UNKNOWN', reason: `display name cannot be known: ${name.reason}` };
      if (name === 'KEYS') {
        return [
          { status: 'FAIL', reason: 'first part is wrong', findingKey: 'Part::one' },
          { status: 'FAIL', reason: 'second part is wrong', findingKey: 'Part::two' },
        ];
      }
      if (name === 'FAIL') return { status: 'FAIL', reason: 'the topic says it fails', path: 'DisplayName' };
      if (name === 'PASS') return { status: 'PASS', reason: 'the topic says it passes' };
      return { status: 'NOT_APPLICABLE', reason: 'no verdict declared' };
    },
  });
}

export const HIGH = topicCheck('TEST-HIGH-1', 'HIGH');
export const MEDIUM = topicCheck('TEST-MED-1', 'MEDIUM');

export function topic(scope: Stack, id: string, verdict: string): sns.Topic {
  return new sns.Topic(scope, id, { displayName: verdict });
}

export function tempOutdir(): string {
  return tempDir('lexscribe-cdk-test-');
}

/** CDK's built-in CloudFormation validation off, as in every synth test (toolchain notes). */
export function newApp(props: AppProps = {}): App {
  return new App({ outdir: tempOutdir(), ...props, builtinCloudFormationValidation: false } as AppProps);
}
