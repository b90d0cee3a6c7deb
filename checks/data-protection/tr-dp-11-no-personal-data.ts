import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { get, items } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { PII_LABELS, piiInValue } from '../shared/pii';
import { TRANSCRIBE_TYPES } from '../shared/transcribe';
import { NAME_PROPERTY } from '../shared/transcribe-live';

export default defineCheck({
  id: 'TR-DP-11',
  title: 'No personal data in Transcribe job, vocabulary, filter, category or model names and tags',
  service: 'transcribe',
  topic: 'data-protection',
  severity: 'LOW',
  rationale: 'Names and tags are not protected as customer content: they appear in job lists, CloudTrail, billing and consoles, to everyone with read access to the account.',
  remediation: 'Name jobs and artifacts with opaque identifiers (a ticket or call id), never a caller’s email, phone, social security or card number; keep such data in the protected transcript only.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/data-protection.html',
  modes: ['synth', 'live'],
  resourceTypes: TRANSCRIBE_TYPES,
  evaluate(resource, { graph }) {
    const props = graph.props(resource);
    const fields: Array<{ path: string; value: unknown }> = [{ path: NAME_PROPERTY[resource.type], value: props[NAME_PROPERTY[resource.type]] }];
    const list = items(props.Tags);
    if (list instanceof Unknown) fields.push({ path: 'Tags', value: list });
    else list.forEach((tag, i) => fields.push({ path: `Tags.${i}.Key`, value: get(tag, 'Key') }, { path: `Tags.${i}.Value`, value: get(tag, 'Value') }));
    const verdicts: Verdict[] = [];
    let scanned = 0;
    for (const { path, value } of fields) {
      if (value === undefined) continue;
      const found = piiInValue(value);
      if (found instanceof Unknown) verdicts.push(unknown(`${path} cannot be scanned: ${found.reason}`, { path, findingKey: path }));
      else {
        scanned++;
        for (const kind of found) verdicts.push(fail(`${path} contains what looks like ${PII_LABELS[kind]}`, { path, findingKey: `${path}::${kind}` }));
      }
    }
    return verdicts.length > 0 ? verdicts : pass(`no personal data found in ${scanned} name and tag field(s)`);
  },
});
