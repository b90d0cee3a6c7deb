import { option } from '../../lib/engine/options';
import { defineCheck, notApplicable } from '../../lib/engine/check';
import { endpointVerdicts } from '../shared/endpoints';
import { TRANSCRIBE_TYPES, transcribeAnchor } from '../shared/transcribe';
import { TRANSCRIBE_BATCH_ENDPOINT, TRANSCRIBE_ENDPOINT_SERVICES } from './tr-endpoint-services';
import { ENDPOINT, VPC } from '../../lib/model/types/ec2';
import { sameScope } from '../shared/app-level';

export default defineCheck({
  id: 'TR-NET-1',
  title: 'VPCs reach Transcribe through interface endpoints with private DNS',
  severity: 'MEDIUM',
  rationale:
    'Without an interface endpoint, calls from a VPC to Transcribe (and streamed audio) leave through a NAT or internet gateway, on a path you neither control nor restrict with an endpoint policy.',
  remediation:
    'Add Interface VPC endpoints for com.amazonaws.<region>.transcribe (batch and Medical) and com.amazonaws.<region>.transcribestreaming (streaming) with PrivateDnsEnabled: true in each VPC that calls Transcribe.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/vpc-interface-endpoints.html',
  options: {
    requiredEndpoints: option.strings(
      [TRANSCRIBE_BATCH_ENDPOINT],
      `Transcribe endpoint services every VPC of the app needs (${TRANSCRIBE_ENDPOINT_SERVICES.join(', ')}); China Regions use the .cn names`,
    ),
  },
  // As for Lex: VPCs defined next to a Transcribe workload are taken to call it.
  synth: {
    reads: [ENDPOINT, VPC, ...TRANSCRIBE_TYPES],
    evaluateGraph: ({ graph, options }) =>
      endpointVerdicts(graph, { anchor: transcribeAnchor(graph), services: TRANSCRIBE_ENDPOINT_SERVICES, required: options.requiredEndpoints, label: 'Transcribe' }),
  },
  // Live, only the Transcribe endpoints that exist are judged.
  live: {
    reads: [ENDPOINT, VPC, ...TRANSCRIBE_TYPES],
    evaluateGraph({ graph, options }) {
      const anchor = transcribeAnchor(graph);
      const verdicts = endpointVerdicts(graph, { services: TRANSCRIBE_ENDPOINT_SERVICES, required: options.requiredEndpoints, label: 'Transcribe' });
      // Endpoints that could not be listed are UNKNOWN already (the pipeline reports the gap): their absence is not seen.
      const unread = anchor !== undefined && graph.gaps.some((g) => g.types.includes(ENDPOINT) && sameScope(g.stack, anchor.stack));
      return verdicts.length === 0 && anchor && !unread ? [notApplicable('no Transcribe interface endpoint in this Region', { resource: anchor })] : verdicts;
    },
  },
});
