import { defineCheck } from '../../lib/engine/check';
import { get, items } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { piiVerdicts } from '../shared/pii';
import { TRANSCRIBE_TYPES } from '../shared/transcribe';
import { NAME_PROPERTY } from '../../lib/model/types/transcribe';

export default defineCheck({
  id: 'TR-DP-11',
  title: 'No personal data in Transcribe job, vocabulary, filter, category or model names and tags',
  severity: 'LOW',
  rationale: 'Names and tags are not protected as customer content: they appear in job lists, CloudTrail, billing and consoles, to everyone with read access to the account.',
  remediation: "Name jobs and artifacts with opaque identifiers (a ticket or call id), never a caller's email, phone, social security or card number; keep such data in the protected transcript only.",
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/data-protection.html',
  modes: ['synth', 'live'],
  resourceTypes: TRANSCRIBE_TYPES,
  evaluate(resource, { graph }) {
    const props = graph.props(resource);
    const fields: Array<{ path: string; value: unknown }> = [{ path: NAME_PROPERTY[resource.type], value: props[NAME_PROPERTY[resource.type]] }];
    const list = items(props.Tags);
    if (list instanceof Unknown) fields.push({ path: 'Tags', value: list });
    else list.forEach((tag, i) => fields.push({ path: `Tags.${i}.Key`, value: get(tag, 'Key') }, { path: `Tags.${i}.Value`, value: get(tag, 'Value') }));
    return piiVerdicts(fields, 'name and tag');
  },
});
