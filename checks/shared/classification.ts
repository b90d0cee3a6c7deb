import type { Classification } from '../../lib/config/types';
import { Unknown } from '../../lib/model/values';

/**
 * Data classification tags, read by the checks that escalate or cross-check on them (LEX-COMP-1,
 * LEX-DP-2/4/5/6, LEX-MON-2, TR-COMP-1, TR-DP-2): which tag and values, the configuration's
 * `classification` block says. Keys and values are compared case-insensitively.
 */
export function tagValue(tags: Map<string, string> | Unknown, key: string): string | undefined | Unknown {
  if (tags instanceof Unknown) return tags;
  const wanted = key.toLowerCase();
  for (const [k, v] of tags) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/** True when the tags classify the resource as sensitive (PHI/PCI/PII by default). */
export function isSensitive(tags: Map<string, string> | Unknown, classification: Classification): boolean | Unknown {
  const value = tagValue(tags, classification.tagKey);
  if (value instanceof Unknown) return value;
  return value !== undefined && classification.sensitiveValues.some((s) => s.toLowerCase() === value.toLowerCase());
}
