import { Unknown } from '../../lib/model/values';

/**
 * Data classification and audience tags, shared by the checks that escalate or cross-check on them
 * (LEX-COMP-1, LEX-DP-1/2, TR-COMP-1, TR-DP-2). Keys and values are compared case-insensitively.
 */
export const CLASSIFICATION_OPTIONS = {
  classificationTagKey: { default: 'data-classification', description: 'Tag key that carries the data classification' },
  sensitiveClassifications: { default: ['phi', 'pci', 'pii'], description: 'Classification values that escalate severity to HIGH' },
};

export function tagValue(tags: Map<string, string> | Unknown, key: string): string | undefined | Unknown {
  if (tags instanceof Unknown) return tags;
  for (const [k, v] of tags) if (k.toLowerCase() === key.toLowerCase()) return v;
  return undefined;
}

/** True when the tags classify the resource as sensitive (PHI/PCI/PII by default). */
export function isSensitive(tags: Map<string, string> | Unknown, options: Record<string, unknown>): boolean | Unknown {
  const value = tagValue(tags, String(options.classificationTagKey ?? CLASSIFICATION_OPTIONS.classificationTagKey.default));
  if (value instanceof Unknown) return value;
  const sensitive = (options.sensitiveClassifications as string[] | undefined) ?? CLASSIFICATION_OPTIONS.sensitiveClassifications.default;
  return value !== undefined && sensitive.some((s) => s.toLowerCase() === value.toLowerCase());
}
