import { defineCheck, fail, pass, unknown, type CheckContext, type Verdict } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { findOrReportAbsent } from '../shared/app-level';
import { TRANSCRIBE_TYPES, transcribeWorkload } from '../shared/transcribe';
import { AUDIT_MANAGER_ACCOUNT, type AuditManagerAccountProps } from '../../lib/model/types/auditmanager';
import { HUB, STANDARD } from '../../lib/model/types/securityhub';
import { CONFIG_RULE } from '../../lib/model/types/config';

const BASELINE = '(often in a baseline stack)';

export default defineCheck({
  id: 'TR-COMP-2',
  title: 'Security Hub (with a standard), AWS Config rules and Audit Manager are enabled in Transcribe Regions',
  severity: 'LOW',
  rationale:
    'Transcribe is in scope for HIPAA, PCI, SOC and ISO; Security Hub standards and Config rules continuously evaluate the buckets, keys and roles behind its jobs, instead of point-in-time reviews.',
  remediation:
    'Enable Security Hub with at least one standard, deploy AWS Config rules and enable Audit Manager in every Region that runs Transcribe jobs, usually from an account baseline.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/transcribe-compliance.html',
  synth: {
    reads: [HUB, STANDARD, CONFIG_RULE, ...TRANSCRIBE_TYPES],
    evaluateGraph: (ctx) => baselineParts(ctx),
  },
  // Audit Manager has no CloudFormation switch: its part of the control is judged live only.
  live: {
    reads: [HUB, STANDARD, CONFIG_RULE, AUDIT_MANAGER_ACCOUNT, ...TRANSCRIBE_TYPES],
    evaluateGraph: (ctx) => [
      ...baselineParts(ctx),
      ...findOrReportAbsent(ctx, {
        types: [AUDIT_MANAGER_ACCOUNT],
        workload: transcribeWorkload(ctx.graph),
        scope: 'region',
        absent: { reason: 'Audit Manager status was not read', findingKey: 'AuditManager' },
        evaluate: (r) => {
          const status = str(ctx.graph.props<AuditManagerAccountProps>(r).Status);
          if (status instanceof Unknown) return unknown(`Audit Manager status cannot be known: ${status.reason}`, { findingKey: 'AuditManager' });
          return status === 'ACTIVE'
            ? pass('Audit Manager is enabled in this Region', { findingKey: 'AuditManager' })
            : fail(`Audit Manager is ${status ?? 'not enabled'} in this Region`, { findingKey: 'AuditManager' });
        },
      }),
    ],
  },
});

/** Security Hub with a standard, and Config rules: the parts of the control both modes can see. */
function baselineParts(ctx: CheckContext): Verdict[] {
  const workload = transcribeWorkload(ctx.graph);
  const part = (types: string[], key: string, synth: string, live: string) =>
    findOrReportAbsent(ctx, { types, workload, scope: 'region', absent: { reason: `${synth} is not defined in this app ${BASELINE}`, liveReason: live, findingKey: key, severity: 'INFO' } });
  return [
    ...part([HUB], 'SecurityHub::Hub', 'a Security Hub hub (AWS::SecurityHub::Hub)', 'Security Hub is not enabled in this Region'),
    ...part([STANDARD], 'SecurityHub::Standard', 'a Security Hub standard (AWS::SecurityHub::Standard)', 'no Security Hub standard is enabled in this Region'),
    ...part([CONFIG_RULE], 'Config::ConfigRule', 'an AWS Config rule (AWS::Config::ConfigRule)', 'no AWS Config rule is deployed in this Region'),
  ];
}
