import { Option, type Command } from 'commander';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
    return n;
  };
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
  quiet?: boolean;
}

/** `lexscribe audit`: read a live account (read-only) and run the checks against it. */
export function registerAuditCommand(program: Command): void {
  const command = program
    .command('audit')
    .description('audit a live AWS account, read-only (see `lexscribe policy` for the permissions it needs)')
    .option('--profile <name>', 'named profile from the shared AWS config (SSO profiles included)')
    .option('--region <regions>', 'Region to audit; repeat it or give a comma list (default: the SDK default Region)', collect, [])
    .option('--all-regions', 'every Region where Lex V2 or Transcribe exist and the account has enabled')
    .option('--role-arn <arn>', 'audit through this role, assumed with the base credentials')
    .option('--external-id <id>', 'external id for --role-arn')
    .addOption(new Option('--endpoint-url <url>', 'send every request to this endpoint (an emulator such as moto)').env('AWS_ENDPOINT_URL'))
    .option('--concurrency <n>', 'requests in flight at once', positiveInt('--concurrency'), 8)
    .option('--max-attempts <n>', 'attempts per request, throttling retries included (adaptive retry mode)', positiveInt('--max-attempts'), 5)
    .option('--timeout <seconds>', 'timeout of one request', positiveInt('--timeout'), 30)
    .option('-q, --quiet', 'no progress display, only the report');
  command.option('--format <format>', 'text, json, sarif, junit or html', 'text').option('-o, --output <file>', 'write the report to a file').option('-c, --config <file>', 'configuration file').option('--verbose', 'also list PASS (and NOT_APPLICABLE) findings');
  command.action(async (flags: AuditFlags & { format: string; output?: string; config?: string; verbose?: boolean }) => {
    const { runAudit } = await import('./audit');
    process.exitCode = await runAudit(flags);
  });
}
