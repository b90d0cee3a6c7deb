import { defineCheck } from '../../lib/engine/check';
import { findOrReportAbsent } from '../shared/app-level';
import { transcribeWorkloadTypes } from '../shared/transcribe';

const HUB = 'AWS::SecurityHub::Hub';
const STANDARD = 'AWS::SecurityHub::Standard';
const CONFIG_RULE = 'AWS::Config::ConfigRule';
const BASELINE = '(often in a baseline stack)';

export default defineCheck({
  id: 'TR-COMP-2',
  title: 'Security Hub (with a standard) and AWS Config rules are enabled in Transcribe Regions',
  service: 'transcribe',
  topic: 'compliance',
  severity: 'LOW',
  rationale:
    'Transcribe is in scope for HIPAA, PCI, SOC and ISO; Security Hub standards and Config rules continuously evaluate the buckets, keys and roles behind its jobs, instead of point-in-time reviews.',
  remediation: 'Enable Security Hub with at least one standard and deploy AWS Config rules in every Region that runs Transcribe jobs, usually from an account baseline.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/transcribe-compliance.html',
  modes: ['synth', 'live'],
  reads: [HUB, STANDARD, CONFIG_RULE],
  evaluateGraph(ctx) {
    const anchorTypes = transcribeWorkloadTypes(ctx.graph);
    const part = (types: string[], key: string, synth: string, live: string) =>
      findOrReportAbsent(ctx, { types, anchorTypes, scope: 'region', absent: { reason: `${synth} is not defined in this app ${BASELINE}`, liveReason: live, findingKey: key } });
    return [
      ...part([HUB], 'SecurityHub::Hub', 'no Security Hub hub (AWS::SecurityHub::Hub)', 'Security Hub is not enabled in this Region'),
      ...part([STANDARD], 'SecurityHub::Standard', 'no Security Hub standard (AWS::SecurityHub::Standard)', 'no Security Hub standard is enabled in this Region'),
      ...part([CONFIG_RULE], 'Config::ConfigRule', 'no AWS Config rule (AWS::Config::ConfigRule)', 'no AWS Config rule is deployed in this Region'),
    ];
  },
});
