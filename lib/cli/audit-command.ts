import { InvalidArgumentError, Option, type Command } from 'commander';
import { addReportOptions, type ReportFlags } from './report-options';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number is expected');
  return n;
}

export interface AuditFlags {
  profile?: string;
  region: string[];
  allRegions?: boolean;
  roleArn?: string;
  externalId?: string;
  endpointUrl?: string;
  concurrency: number;
  maxAttempts: number;
  timeout: number;
  /** Look-back window in days (Transcribe jobs, CloudTrail events); the runner's default when absent. */
  since?: number;
  /** Import the findings into the account's Security Hub: the audit's one write. */
  securityHub?: boolean;
}

const EXAMPLES = `
Examples:
  $ lexscribe audit --region us-east-1
  $ lexscribe audit --profile security-audit --all-regions -f sarif -o audit.sarif
  $ lexscribe audit --role-arn arn:aws:iam::111122223333:role/LexscribeAuditor --external-id ci --region eu-west-1,eu-west-2
  $ lexscribe audit --endpoint-url http://127.0.0.1:5000 --region us-east-1     # an emulator (moto)
  $ lexscribe audit --region us-east-1 --security-hub -q                         # findings into Security Hub

Credentials come from the SDK default chain (environment, shared config and SSO profiles, container
and instance roles). \`lexscribe policy\` prints the read-only IAM policy the audit needs
(\`lexscribe policy --security-hub\` adds what --security-hub needs).

Exit codes: 0 nothing at or above the threshold, 1 the gate failed, 2 bad usage or no credentials,
3 some findings could not be imported into Security Hub (--security-hub).`;

/** `lexscribe audit`: read a live account (read-only) and run the checks against it. */
export function registerAuditCommand(program: Command): void {
  const command = program
    .command('audit')
    .description('audit a live AWS account, read-only but for --security-hub (see `lexscribe policy` for the permissions it needs)')
    .option('--profile <name>', 'named profile from the shared AWS config (SSO profiles included)')
    .option('--region <regions>', 'Region to audit; repeat it or give a comma list (default: the SDK default Region)', collect, [])
    .option('--all-regions', 'every Region where Lex V2 or Transcribe exist and the account has enabled')
    .option('--role-arn <arn>', 'audit through this role, assumed with the base credentials')
    .option('--external-id <id>', 'external id for --role-arn')
    .addOption(new Option('--endpoint-url <url>', 'send every request to this endpoint (an emulator such as moto)').env('AWS_ENDPOINT_URL'))
    .option('--concurrency <n>', 'requests in flight at once', positiveInt, 8)
    .option('--max-attempts <n>', 'attempts per request, throttling retries included (adaptive retry mode)', positiveInt, 5)
    .option('--timeout <seconds>', 'timeout of one request', positiveInt, 30)
    .option('--since <days>', 'look back this many days for Transcribe jobs and CloudTrail events (default: 90, their retention)', positiveInt)
    .option('--security-hub', "import the findings into the audited account's AWS Security Hub (BatchImportFindings: the audit's only write, and only with this flag)");
  const targets = addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(async (flags: AuditFlags & ReportFlags) => {
    const { runAudit } = await import('./audit');
    process.exitCode = await runAudit(flags, targets());
  });
}
