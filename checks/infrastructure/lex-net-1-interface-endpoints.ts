import { option } from '../../lib/engine/options';
import { defineCheck, notApplicable } from '../../lib/engine/check';
import { endpointVerdicts } from '../shared/endpoints';
import { LEX_ENDPOINT_SERVICES, LEX_RUNTIME_ENDPOINT } from './lex-endpoint-services';
import { ENDPOINT, VPC } from '../../lib/model/types/ec2';
import { BOT, BOT_ALIAS } from '../../lib/model/types/lex';
import { sameScope } from '../shared/app-level';

export default defineCheck({
  id: 'LEX-NET-1',
  title: 'VPCs reach Lex through interface endpoints with private DNS',
  severity: 'MEDIUM',
  rationale:
    'Without an interface endpoint, calls from a VPC to Lex leave through a NAT or internet gateway, and conversation text and audio travel a path you do not control or restrict with an endpoint policy.',
  remediation:
    'Add an Interface VPC endpoint for com.amazonaws.<region>.runtime-v2-lex (and models-v2-lex for build tooling) with PrivateDnsEnabled: true in each VPC that calls Lex.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/vpc-interface-endpoints.html',
  options: {
    requiredEndpoints: option.strings([LEX_RUNTIME_ENDPOINT], `Lex endpoint services every VPC of the app needs (${LEX_ENDPOINT_SERVICES.join(', ')})`),
  },
  // VPCs defined next to a bot are taken to call it.
  synth: {
    reads: [ENDPOINT, VPC, BOT, BOT_ALIAS],
    evaluateGraph: ({ graph, options }) =>
      endpointVerdicts(graph, { anchor: graph.anchor(BOT, BOT_ALIAS), services: LEX_ENDPOINT_SERVICES, required: options.requiredEndpoints, label: 'Lex' }),
  },
  // An account's VPCs are not all Lex callers: only the Lex endpoints that exist are judged.
  live: {
    reads: [ENDPOINT, VPC, BOT, BOT_ALIAS],
    evaluateGraph({ graph, options }) {
      const anchor = graph.anchor(BOT, BOT_ALIAS);
      const verdicts = endpointVerdicts(graph, { services: LEX_ENDPOINT_SERVICES, required: options.requiredEndpoints, label: 'Lex' });
      // Endpoints that could not be listed are UNKNOWN already (the pipeline reports the gap): their absence is not seen.
      const unread = anchor !== undefined && graph.gaps.some((g) => g.types.includes(ENDPOINT) && sameScope(g.stack, anchor.stack));
      return verdicts.length === 0 && anchor && !unread ? [notApplicable('no Lex interface endpoint in this Region', { resource: anchor })] : verdicts;
    },
  },
});
