import { defineAiOptOutCheck } from '../shared/ai-opt-out';
import { ALIAS_HOLDERS } from '../../lib/model/types/lex';

export default defineAiOptOutCheck({
  id: 'LEX-DP-9',
  title: "The organization's AI-services opt-out policy opts Lex out of content use",
  severity: 'MEDIUM',
  rationale: 'Unless opted out, AWS may store and use Lex utterances and recordings to develop and improve its services, outside the controls you set on your own logs.',
  remediation: 'Attach an AISERVICES_OPT_OUT_POLICY whose content sets services.lex (or services.default) opt_out_policy "@@assign": "optOut", from the organization\'s management account.',
  docs: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_ai-opt-out.html',
  modes: ['synth', 'live'],
  aiService: 'lex',
  anchorTypes: ALIAS_HOLDERS,
});
