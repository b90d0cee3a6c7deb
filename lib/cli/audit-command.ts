import { InvalidArgumentError, Option, type Command } from 'commander';
import { addReportOptions, type ReportFlags } from './report-options';
import { loadCommands } from './load';

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
  /** Audit every active account of the organization. */
  org?: boolean;
  /** Role assumed in each account (`NAME` or `path/NAME`). */
  orgRole?: string;
  accounts?: string[];
  excludeAccounts?: string[];
  accountsFile?: string;
  /** Accounts audited at once. */
  accountConcurrency?: number;
  /** `K/N`. */
  shard?: string;
  /** No notes on standard error (a report flag, read here for the notes of account selection). */
  quiet?: boolean;
  /** Import the findings into the account's Security Hub: the audit's one write. */
  securityHub?: boolean;
}

/** Accounts audited at once by default: each keeps its own `--concurrency`, so this multiplies the requests in flight. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 4;

/** The credential and organization flags, shared by `audit` and `drift`. */
export function addAccountOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'named profile from the shared AWS config (SSO profiles included)')
    .option('--region <regions>', 'Region to audit; repeat it or give a comma list (default: the SDK default Region)', collect, [])
    .option('--all-regions', 'every Region where Lex V2 or Transcribe exist and the account has enabled')
    .option('--role-arn <arn>', 'audit through this role, assumed with the base credentials (with --org: the role that lists the organization and assumes --org-role)')
    .option('--external-id <id>', 'external id for every role assumed (--role-arn, --org-role)')
    .option('--org', 'audit every active account of the AWS Organizations organization (run from the management account or a delegated administrator); needs --org-role')
    .option('--org-role <name>', 'role assumed in each account (NAME or path/NAME), e.g. OrganizationAccountAccessRole; the caller\'s own account is read with its own credentials')
    .option('--accounts <ids>', 'with --org: only these accounts; without: audit these accounts through --org-role (repeat it or give a comma list)', collect, [])
    .option('--exclude-accounts <ids>', 'leave these accounts out (repeat it or give a comma list)', collect, [])
    .option('--accounts-file <file>', 'accounts to audit, one id per line (with an optional name), or JSON such as the output of aws organizations list-accounts; as --accounts')
    .option('--account-concurrency <n>', `accounts audited at once, each within its own --concurrency (default ${DEFAULT_ACCOUNT_CONCURRENCY})`, positiveInt)
    .option('--shard <K/N>', 'audit only the K-th of N shards of the accounts (a stable hash of the account id); join the reports with lexscribe merge')
    .addOption(new Option('--endpoint-url <url>', 'send every request to this endpoint (an emulator such as moto)').env('AWS_ENDPOINT_URL'))
    .option('--concurrency <n>', 'requests in flight at once, per account', positiveInt, 8)
    .addOption(new Option('--max-attempts <n>', 'attempts per request, throttling retries included (adaptive retry mode)').argParser(positiveInt).default(5).env('AWS_MAX_ATTEMPTS'))
    .option('--timeout <seconds>', 'timeout of one request', positiveInt, 30)
    .option('--since <days>', 'look back this many days for Transcribe jobs and CloudTrail events (default: 90, their retention)', positiveInt);
}

const EXAMPLES = `
Examples:
  $ lexscribe audit --region us-east-1
  $ lexscribe audit --profile security-audit --all-regions -f sarif -o audit.sarif
  $ lexscribe audit --role-arn arn:aws:iam::111122223333:role/LexscribeAuditor --external-id ci --region eu-west-1,eu-west-2
  $ lexscribe audit --endpoint-url http://127.0.0.1:5000 --region us-east-1     # an emulator (moto)
  $ lexscribe audit --org --org-role OrganizationAccountAccessRole --all-regions -f json -o org.json
  $ lexscribe audit --org --org-role LexscribeAuditor --external-id ci --shard 2/8 -f json -o shard-2.json
  $ lexscribe audit --accounts 111122223333,444455556666 --org-role LexscribeAuditor --region eu-west-1
  $ lexscribe audit --region us-east-1 --security-hub -q                         # findings into Security Hub

Credentials come from the SDK default chain (environment, shared config and SSO profiles, container
and instance roles). \`lexscribe policy\` prints the read-only IAM policy the audit needs.

Exit codes: 0 nothing at or above the threshold, 1 the gate failed, 2 bad usage, no credentials, or an
organization that cannot be listed (an account whose role cannot be assumed is a warning, not an exit),
3 some findings could not be imported into Security Hub (--security-hub).`;

/** `lexscribe audit`: read a live account (read-only) and run the checks against it. */
export function registerAuditCommand(program: Command): void {
  const command = addAccountOptions(
    program.command('audit').description('audit live AWS accounts, read-only but for --security-hub: one, or an organization (see `lexscribe policy` for the permissions it needs)'),
  ).option('--security-hub', "import the findings into the audited account's AWS Security Hub (BatchImportFindings: the audit's only write, and only with this flag)");
  const targets = addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(async (flags: AuditFlags & ReportFlags) => {
    const { runAudit } = loadCommands();
    process.exitCode = await runAudit(flags, targets());
  });
}
