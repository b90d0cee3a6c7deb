import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFIG_FILES } from '../config/file';
import { EXIT } from './exit';

export const CONFIG_FILE = 'lexscribe.config.yml';

/** What `lexscribe init` writes: every key of the configuration, commented, with the defaults a new project starts from. */
export const CONFIG_TEMPLATE = `# yaml-language-server: $schema=./node_modules/lexscribe/schema/lexscribe.config.schema.json
# lexscribe configuration: read by \`lexscribe scan\`, \`lexscribe audit\` and the CDK aspect (cdk synth),
# from the working directory. Every key is optional. \`lexscribe checks\` lists the checks,
# \`lexscribe explain <ID>\` prints one in full, with its options.

# FAIL findings at or above this severity fail the run (info, low, medium, high, critical).
# The command line (--fail-on) and the aspect's failOn prop win over it.
failOn: high

# UNKNOWN findings (a value that cannot be known: a parameter, a token, a denied API call) fail the run too.
failOnUnknown: false

# The tag that says what data a bot or alias handles; these values raise data-protection findings to HIGH.
classification:
  tagKey: data-classification
  sensitiveValues: [phi, pci, pii]

# Per check: a severity of your own, options (thresholds), or off.
checks: {}
#  LEX-DP-8:
#    options:
#      maxIdleSessionTtlSeconds: 300
#  LEX-IAM-9:
#    options:
#      requiredTagKeys: [data-classification, owner]
#  LEX-DP-2:
#    severity: high
#  LEX-RES-2:
#    enabled: false

# Findings you accept, each with a reason (10 characters or more); an expired or unused one is reported.
suppressions: []
#  - id: LEX-DP-2
#    resource: "Prod-*/LegacyAlias"      # logical id, stack/logicalId, construct path or ARN; globs allowed
#    reason: Legacy alias is retired with the Q1 migration; audio is deleted after 7 days.
#    expires: 2027-03-31                 # the finding comes back the day after
#  - id: LEX-IAM-3
#    resource: "arn:aws:iam::123456789012:role/contact-centre-*"
#    appliesTo: ["Action::lex:*"]        # only these finding keys of the check
#    reason: The deploy role needs lex:* until the bot import is automated.
`;

/** Context keys `LexscribeChecks.fromContext(app)` reads, as `init` adds them. */
export const CONTEXT_KEYS: Readonly<Record<string, unknown>> = { 'lexscribe:failOn': 'HIGH', 'lexscribe:config': CONFIG_FILE };

/** The two lines that turn the aspect on in a CDK app's entry point. */
export const ENABLE_LINES = ["import { LexscribeChecks } from 'lexscribe';", 'LexscribeChecks.fromContext(app);  // after the stacks and stages are created'];

function fail(message: string): number {
  console.error(`lexscribe: ${message}`);
  return EXIT.USAGE;
}

/**
 * Write the configuration (never over an existing one without `force`), add the context keys cdk.json
 * lacks (keys already there are kept as they are), and print the lines that enable the aspect.
 */
export function runInit(dir: string, opts: { force: boolean }): number {
  const shown = (file: string) => relative(process.cwd(), file) || '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return fail(`${dir} is not a directory`);
  const configPath = join(dir, CONFIG_FILE);
  const other = CONFIG_FILES.filter((name) => name !== CONFIG_FILE && existsSync(join(dir, name)));
  if (other.length > 0) return fail(`${shown(join(dir, other[0]))} is already this project's configuration; a second one would be refused`);
  if (existsSync(configPath) && !opts.force) return fail(`${shown(configPath)} exists; keep it, or overwrite it with --force`);

  const cdkJson = join(dir, 'cdk.json');
  let cdk: { context?: Record<string, unknown> } & Record<string, unknown> | undefined;
  if (existsSync(cdkJson)) {
    try {
      cdk = JSON.parse(readFileSync(cdkJson, 'utf8'));
    } catch (e) {
      return fail(`${shown(cdkJson)} is not valid JSON (${(e as Error).message}); fix it, then run init again`);
    }
    if (!cdk || typeof cdk !== 'object' || Array.isArray(cdk)) return fail(`${shown(cdkJson)} is not a JSON object`);
  }

  writeFileSync(configPath, CONFIG_TEMPLATE);
  const lines = [`wrote ${shown(configPath)}`];
  if (cdk) {
    const context = { ...(cdk.context ?? {}) };
    const added = Object.keys(CONTEXT_KEYS).filter((k) => !(k in context));
    const kept = Object.keys(CONTEXT_KEYS).filter((k) => k in context);
    for (const k of added) context[k] = CONTEXT_KEYS[k];
    if (added.length > 0) writeFileSync(cdkJson, JSON.stringify({ ...cdk, context }, null, 2) + '\n');
    if (added.length > 0) lines.push(`added ${added.join(', ')} to the context of ${shown(cdkJson)}`);
    if (kept.length > 0) lines.push(`kept ${kept.map((k) => `${k} (${JSON.stringify(context[k])})`).join(', ')} in ${shown(cdkJson)}`);
  } else {
    lines.push(`no cdk.json in ${shown(dir)}: with one, the aspect reads these context keys: ${Object.entries(CONTEXT_KEYS).map(([k, v]) => `"${k}": ${JSON.stringify(v)}`).join(', ')}`);
  }
  lines.push('', 'To check the app at every cdk synth, add these two lines to its entry point (bin/*.ts), after the stacks:', '', ...ENABLE_LINES.map((l) => `  ${l}`), '');
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT.OK;
}
