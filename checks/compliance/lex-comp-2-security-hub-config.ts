import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { findOrReportAbsent } from '../shared/app-level';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';
import { HUB, STANDARD, type StandardProps } from '../../lib/model/types/securityhub';
import { CONFIG_RULE, type ConfigRuleProps } from '../../lib/model/types/config';

const BASELINE = '(often in a baseline stack)';

/**
 * A standard or rule read from an account carries its live-only state (`StandardsStatus`,
 * `ConfigRuleState`): one being deleted or that failed to enable does not count. Templates have none.
 */
function live(graph: ResourceGraph, r: Resource, property: 'StandardsStatus' | 'ConfigRuleState', broken: string[]): Verdict {
  // A standard's or a rule's properties: `property` names the state of its own type.
  const state = str(graph.props<StandardProps & ConfigRuleProps>(r)[property]);
  if (state instanceof Unknown) return unknown(`${property} of ${r.logicalId} cannot be known: ${state.reason}`);
  if (state !== undefined && broken.includes(state)) return fail(`${r.type} ${r.logicalId} is ${state}`, { path: property });
  return pass(`${r.type} ${r.logicalId} is ${state ?? 'defined'}`);
}

export default defineCheck({
  id: 'LEX-COMP-2',
  title: 'Security Hub (with a standard) and AWS Config rules are enabled in bot Regions',
  severity: 'LOW',
  rationale:
    'Security Hub standards and Config rules continuously evaluate the bot, its logs and its keys against the frameworks Lex is in scope for (HIPAA, PCI, SOC, ISO); without them compliance rests on point-in-time reviews.',
  remediation:
    'Enable Security Hub with at least one standard (e.g. AWS Foundational Security Best Practices) and deploy AWS Config rules in every Region that hosts bots, usually from an account baseline.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/compliance.html',
  modes: ['synth', 'live'],
  reads: [HUB, STANDARD, CONFIG_RULE, ...ALIAS_HOLDERS],
  evaluateGraph(ctx) {
    const part = (types: string[], key: string, synth: string, liveReason: string, evaluate?: (r: Resource) => Verdict) =>
      findOrReportAbsent(ctx, {
        types,
        workload: ctx.graph.ofType(...ALIAS_HOLDERS),
        scope: 'region',
        evaluate,
        // Absent from an app means only "not in this app" (a baseline stack has it): INFO, as LEX-MON-1 and LEX-MON-7 say it.
        absent: { reason: `${synth} is not defined in this app ${BASELINE}`, liveReason, findingKey: key, severity: 'INFO' },
      });
    return [
      ...part([HUB], 'SecurityHub::Hub', 'a Security Hub hub (AWS::SecurityHub::Hub)', 'Security Hub is not enabled in this Region'),
      ...part([STANDARD], 'SecurityHub::Standard', 'a Security Hub standard (AWS::SecurityHub::Standard)', 'no Security Hub standard is enabled in this Region', (r) =>
        live(ctx.graph, r, 'StandardsStatus', ['FAILED', 'DELETING', 'INCOMPLETE']),
      ),
      ...part([CONFIG_RULE], 'Config::ConfigRule', 'an AWS Config rule (AWS::Config::ConfigRule)', 'no AWS Config rule is deployed in this Region', (r) =>
        live(ctx.graph, r, 'ConfigRuleState', ['DELETING', 'DELETING_RESULTS']),
      ),
    ];
  },
});
