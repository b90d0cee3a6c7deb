/**
 * Compliance mapping, kept apart from the checks (framework → check ids), so checks stay
 * framework-agnostic. A check is mapped only where AWS's documentation supports it; `basis` says which
 * page and what it says. Topics are not here: each check's `topic` is its AWS documentation topic.
 */
export interface FrameworkMapping {
  id: string;
  title: string;
  description: string;
  controls: Array<{ checkId: string; basis: string }>;
}

/**
 * Lex V2 compliance.md: Lex is HIPAA eligible and in scope of PCI DSS, and the customer configures the
 * safeguards; LEX-COMP-1 names the controls a PHI- or PCI-classified bot must pass at escalated
 * severity. Both frameworks map those same controls.
 */
function lexClassifiedBotControls(classification: 'PHI' | 'PCI'): FrameworkMapping['controls'] {
  const composite = `and LEX-COMP-1 names it among the controls a ${classification}-classified bot must pass at escalated severity`;
  return [
    { checkId: 'LEX-COMP-1', basis: `Lex V2 compliance.md: Lex is in scope of ${classification === 'PHI' ? 'HIPAA' : 'PCI DSS'}; ${classification}-classified bots need the data-protection controls at escalated severity` },
    { checkId: 'LEX-DP-2', basis: `conversation-logs-encrypting.md: audio logs hold raw voice; ${composite}` },
    { checkId: 'LEX-DP-4', basis: `conversation-logs-encrypting.md: text logs are encrypted on the log group; ${composite}` },
    { checkId: 'LEX-DP-5', basis: `conversation-logs-configure.md: the audio-log bucket holds recordings; ${composite}` },
    { checkId: 'LEX-DP-6', basis: `monitoring-obfuscate.md: slot values (health details, card numbers) appear in text logs unless obfuscated; ${composite}` },
    { checkId: 'LEX-MON-2', basis: `monitoring-logs.md: conversation logs are the record of what a bot received; ${composite}` },
  ];
}

export const FRAMEWORKS: readonly FrameworkMapping[] = [
  {
    id: 'hipaa',
    title: 'HIPAA (customer safeguards for PHI)',
    description: 'Controls that AWS documentation ties to protected health information handled by Lex and Transcribe.',
    controls: [
      ...lexClassifiedBotControls('PHI'),
      { checkId: 'TR-DP-1', basis: 'transcribe-compliance.md / how-input.md: PHI workloads keep transcripts in a customer bucket under customer control' },
      { checkId: 'TR-DP-2', basis: 'what-is.md (HIPAA): BAA customers must encrypt PHI at rest; data-encryption.md: OutputEncryptionKMSKeyId' },
      { checkId: 'TR-DP-5', basis: 'what-is.md (HIPAA): PHI must be encrypted at rest, input media included; data-protection.md: TLS' },
      { checkId: 'TR-DP-8', basis: 'phi-id.md: medical jobs identify PHI with ContentIdentificationType=PHI' },
      { checkId: 'TR-DP-12', basis: 'phi-id.md, data-encryption.md: medical jobs the application starts set PHI identification and a KMS key' },
      { checkId: 'TR-COMP-1', basis: 'transcribe-compliance.md, pii-redaction.md: PHI workloads combine customer bucket, CMK and PHI identification; redaction is not de-identification' },
    ],
  },
  {
    id: 'pci-dss',
    title: 'PCI DSS (payment card data in conversations)',
    description: 'Controls that AWS documentation ties to payment card data handled by Lex and Transcribe.',
    controls: [
      ...lexClassifiedBotControls('PCI'),
      { checkId: 'TR-DP-6', basis: 'pii-redaction.md: redaction entity types include CREDIT_DEBIT_NUMBER, CREDIT_DEBIT_CVV, CREDIT_DEBIT_EXPIRY, PIN' },
      { checkId: 'TR-DP-7', basis: 'pii-redaction.md: redacted_and_unredacted keeps the unredacted transcript (card data included) beside the redacted one' },
    ],
  },
  {
    id: 'transcribe-best-practices',
    title: 'Amazon Transcribe security best practices',
    description: 'The recommendations of the Transcribe "Security best practices" page, each covered by an existing check.',
    controls: [
      { checkId: 'TR-DP-4', basis: 'security-best-practices.md: use KMS encryption context' },
      { checkId: 'TR-IAM-5', basis: 'security-best-practices.md: encryption context gating key policies' },
      { checkId: 'TR-IAM-7', basis: 'security-best-practices.md: prefer temporary credentials; rotate keys' },
      { checkId: 'TR-IAM-1', basis: 'security-best-practices.md: use IAM roles for applications and services' },
      { checkId: 'TR-IAM-2', basis: 'security-best-practices.md: use IAM roles for applications and services' },
      { checkId: 'TR-IAM-6', basis: 'security-best-practices.md: tag-based access control' },
      { checkId: 'TR-MON-1', basis: 'security-best-practices.md: monitor with CloudTrail' },
      { checkId: 'TR-MON-4', basis: 'security-best-practices.md: enable AWS Config' },
    ],
  },
];

export function findFramework(id: string): FrameworkMapping | undefined {
  return FRAMEWORKS.find((f) => f.id === id.toLowerCase());
}

/** Frameworks a check is mapped to (ids). */
export function frameworksOf(checkId: string): string[] {
  return FRAMEWORKS.filter((f) => f.controls.some((c) => c.checkId === checkId)).map((f) => f.id);
}
