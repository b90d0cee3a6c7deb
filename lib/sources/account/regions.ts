/**
 * Regions where Lex V2 model building or Transcribe batch jobs have an endpoint, from the AWS General
 * Reference pages "Amazon Lex endpoints and quotas" and "Amazon Transcribe endpoints and quotas"
 * (read 2026-11-22). `--all-regions` audits these, less the ones the account has not enabled.
 * A Region added later is audited when named with `--region`.
 */
export const SERVICE_REGIONS_AS_OF = '2026-11-22';

export const LEX_V2_REGIONS = [
  'us-east-1', 'us-west-2', 'af-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2',
  'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'us-gov-west-1',
];

export const TRANSCRIBE_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1', 'ap-northeast-1',
  'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'eu-central-1', 'eu-north-1', 'eu-west-1',
  'eu-west-2', 'eu-west-3', 'me-south-1', 'sa-east-1', 'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
];

export const SERVICE_REGIONS: readonly string[] = [...new Set([...LEX_V2_REGIONS, ...TRANSCRIBE_REGIONS])];

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** `--region us-east-1 --region eu-west-1,eu-west-2` → the distinct Regions in order; throws on a malformed name. */
export function parseRegions(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const raw of value.split(',')) {
      const region = raw.trim();
      if (!region) continue;
      if (!REGION.test(region)) throw new Error(`"${region}" is not a Region name (e.g. us-east-1)`);
      if (!out.includes(region)) out.push(region);
    }
  }
  return out;
}

/** The partition a Region belongs to, for ARNs and the global services' home Region. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Service Regions the account has enabled (an opt-in Region not enabled would only fail every call). */
export function auditableRegions(enabled: readonly string[]): string[] {
  const on = new Set(enabled);
  return SERVICE_REGIONS.filter((r) => on.has(r));
}
