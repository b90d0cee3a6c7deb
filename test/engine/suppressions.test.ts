import type { ConfigSuppression } from '../../lib/config/types';
import { defineCheck, type Check, type Verdict } from '../../lib/engine/check';
import { runPipeline, type PipelineOptions } from '../../lib/engine/pipeline';
import { metadataSuppressions } from '../../lib/engine/suppressions';
import type { Finding } from '../../lib/model/finding';
import type { StackInput } from '../../lib/model/resource';
import { statusesBy } from '../helpers/statuses';

/**
 * Suppression matching, through the pipeline (`runPipeline`) with a tiny check. The graph has, in stack `Prod`, `Alias`
 * (construct path `Prod/Bot/Alias`), `Other` (`Prod/Other`) and `Ignored` (no construct path, of a type
 * no check evaluates); in the live scope `123456789012/us-east-1`, `LiveAlias` with an ARN.
 */

const ACCOUNT = '123456789012';
const LIVE = `${ACCOUNT}/us-east-1`;
const LIVE_ARN = `arn:aws:lex:us-east-1:${ACCOUNT}:bot-alias/BOTID/ALIASID`;
const NOW = '2026-06-15T12:00:00Z';
const REASON = 'accepted by the security team';
const ON_RESOURCE = 'written on the resource itself';
const ON_STACK = 'written on the whole stack';
const IN_CONFIG = 'written in the configuration file';

/** One app of these stacks through the pipeline, as every front end runs it. */
const runOver = (inputs: StackInput[], opts: PipelineOptions) => runPipeline([{ stacks: inputs }], opts);

const check = (id: string, evaluate: (logicalId: string) => Verdict[]): Check =>
  defineCheck({
    id,
    title: 'A test check',
    service: 'lex',
    topic: 'iam',
    severity: 'HIGH',
    rationale: 'Only for tests.',
    remediation: 'Nothing to do.',
    docs: 'https://example.com/docs',
    modes: ['synth', 'live'],
    resourceTypes: ['Test::Thing'],
    evaluate: (r) => evaluate(r.logicalId),
  });

const FAIL: Verdict = { status: 'FAIL', reason: 'bad' };
const failWith = (...keys: Array<string | undefined>): Verdict[] => keys.map((findingKey) => ({ status: 'FAIL', reason: 'bad', findingKey }));

interface Case {
  /** Suppressions in the metadata of Prod/Alias, Prod/Other, Prod/Ignored; in the template metadata of Prod. */
  alias?: unknown[];
  other?: unknown[];
  ignored?: unknown[];
  stack?: unknown[];
  config?: ConfigSuppression[];
  extra?: ConfigSuppression[];
  /** Verdicts of LEX-T-1 for every resource it evaluates (default: one FAIL without finding key). */
  verdicts?: Verdict[];
  /** LEX-T-1 throws instead. */
  throws?: boolean;
  now?: string;
  /** Metadata rules written by the CDK helper say so (`origin: 'cdk'`), and are reported as `cdk` suppressions. */
  byCdk?: boolean;
}

const suppressible = (suppressions: unknown[] | undefined, byCdk = false) =>
  suppressions ? { lexscribe: { suppressions: byCdk ? suppressions.map((r) => ({ ...(r as object), origin: 'cdk' })) : suppressions } } : {};

function run(c: Case) {
  const thing = (logicalId: string, suppressions: unknown[] | undefined, constructPath?: string, type = 'Test::Thing') => ({
    logicalId,
    type,
    properties: {},
    metadata: suppressible(suppressions, c.byCdk),
    provenance: constructPath ? { constructPath } : {},
  });
  const inputs: StackInput[] = [
    {
      stack: { name: 'Prod', account: ACCOUNT, region: 'us-east-1', file: 'Prod.template.json' },
      metadata: c.stack ? suppressible(c.stack, c.byCdk) : undefined,
      resources: [thing('Alias', c.alias, 'Prod/Bot/Alias'), thing('Other', c.other, 'Prod/Other'), thing('Ignored', c.ignored, undefined, 'Test::Ignored')],
    },
    {
      stack: { name: LIVE, account: ACCOUNT, region: 'us-east-1' },
      resources: [{ logicalId: 'LiveAlias', type: 'Test::Thing', properties: {}, metadata: {}, provenance: { arn: LIVE_ARN } }],
    },
  ];
  const t1 = check('LEX-T-1', () => {
    if (c.throws) throw new Error('boom');
    return c.verdicts ?? [FAIL];
  });
  return runOver(inputs, {
    checks: [t1],
    mode: 'synth',
    config: c.config ? { suppressions: c.config } : undefined,
    extraSuppressions: c.extra,
    now: new Date(c.now ?? NOW),
  });
}

const label = (f: Finding) => `${f.resource.logicalId}${f.findingKey ? ` ${f.findingKey}` : ''}`;
/** Each finding as `STATUS`, or `SUPPRESSED:<source>`. */
const statuses = (findings: Finding[]) => statusesBy(findings, label);
const outcome = (f: Finding) => (f.suppression ? `${f.status}:${f.suppression.source}` : f.status);
function summary(c: Case) {
  const result = run(c);
  const out: Record<string, string> = {};
  for (const f of result.findings) out[label(f)] = outcome(f);
  return { findings: out, warnings: result.warnings.map((w) => `${w.kind}: ${w.message}`) };
}
const rule = (extra: Record<string, unknown> = {}) => ({ id: 'LEX-T-1', reason: REASON, ...extra });
const ALL_FAIL = { Alias: 'FAIL', Other: 'FAIL', LiveAlias: 'FAIL' };
const unused = (where: string, id = 'LEX-T-1', keys = '') => `suppression-unused: Suppression of ${id}${keys} on ${where} matched no finding; remove it.`;

describe('where a suppression comes from, and what it covers', () => {
  test.each<[string, Case, Record<string, string>, string[]]>([
    ['none', {}, {}, []],
    ['resource metadata: that resource', { alias: [rule()] }, { Alias: 'SUPPRESSED:metadata' }, []],
    ['resource metadata of another resource', { other: [rule()] }, { Other: 'SUPPRESSED:metadata' }, []],
    ['resource metadata written by the CDK helper', { alias: [rule()], byCdk: true }, { Alias: 'SUPPRESSED:cdk' }, []],
    ['template metadata: every resource of the stack', { stack: [rule()] }, { Alias: 'SUPPRESSED:metadata', Other: 'SUPPRESSED:metadata' }, []],
    ['template metadata written by the CDK helper', { stack: [rule()], byCdk: true }, { Alias: 'SUPPRESSED:cdk', Other: 'SUPPRESSED:cdk' }, []],
    ['configuration without resource: every resource', { config: [rule()] }, { Alias: 'SUPPRESSED:config', Other: 'SUPPRESSED:config', LiveAlias: 'SUPPRESSED:config' }, []],
    ['suppressions given outside the file (CLI) are configuration', { extra: [rule({ resource: 'Other' })] }, { Other: 'SUPPRESSED:config' }, []],
    ['configuration: a logical id', { config: [rule({ resource: 'Alias' })] }, { Alias: 'SUPPRESSED:config' }, []],
    ['configuration: a logical id glob', { config: [rule({ resource: 'Al*' })] }, { Alias: 'SUPPRESSED:config' }, []],
    ['configuration: a live logical id', { config: [rule({ resource: 'LiveAlias' })] }, { LiveAlias: 'SUPPRESSED:config' }, []],
    ['configuration: stack/logicalId', { config: [rule({ resource: 'Prod/Alias' })] }, { Alias: 'SUPPRESSED:config' }, []],
    ['configuration: stack/*', { config: [rule({ resource: 'Prod/*' })] }, { Alias: 'SUPPRESSED:config', Other: 'SUPPRESSED:config' }, []],
    ['configuration: live scope/logicalId', { config: [rule({ resource: `${LIVE}/LiveAlias` })] }, { LiveAlias: 'SUPPRESSED:config' }, []],
    ['configuration: a construct path', { config: [rule({ resource: 'Prod/Bot/Alias' })] }, { Alias: 'SUPPRESSED:config' }, []],
    ['configuration: a construct path glob', { config: [rule({ resource: 'Prod/Bot/**' })] }, { Alias: 'SUPPRESSED:config' }, []],
    ['configuration: ** over construct paths', { config: [rule({ resource: 'Prod/**' })] }, { Alias: 'SUPPRESSED:config', Other: 'SUPPRESSED:config' }, []],
    ['configuration: in a path glob `*` stops at `/`', { config: [rule({ resource: 'Prod/B*' })] }, {}, [unused('resources matching Prod/B*')]],
    ['configuration: a construct path without its stack', { config: [rule({ resource: 'Bot/Alias' })] }, {}, [unused('resources matching Bot/Alias')]],
    ['configuration: an ARN', { config: [rule({ resource: LIVE_ARN })] }, { LiveAlias: 'SUPPRESSED:config' }, []],
    ['configuration: an ARN glob', { config: [rule({ resource: `arn:aws:lex:*:${ACCOUNT}:bot-alias/*/*` })] }, { LiveAlias: 'SUPPRESSED:config' }, []],
    ['configuration: in an ARN glob `*` stops at `/`', { config: [rule({ resource: `arn:aws:lex:*:${ACCOUNT}:bot-alias/*` })] }, {}, [unused(`resources matching arn:aws:lex:*:${ACCOUNT}:bot-alias/*`)]],
    ['configuration: globs are case-sensitive', { config: [rule({ resource: 'alias' })] }, {}, [unused('resources matching alias')]],
    ['another check', { alias: [rule({ id: 'LEX-T-2' })] }, {}, [unused('Prod/Bot/Alias', 'LEX-T-2')]],
    ['check ids are exact', { config: [rule({ id: 'lex-t-1' })] }, {}, [unused('all resources', 'lex-t-1')]],
  ])('%s', (_what, c, changed, warnings) => {
    expect(summary(c)).toEqual({ findings: { ...ALL_FAIL, ...changed }, warnings });
  });

  test('a suppressed finding carries the reason, the expiry and the source', () => {
    const [alias] = run({ alias: [rule({ expires: '2027-03-01' })] }).findings;
    expect(alias).toMatchObject({ status: 'SUPPRESSED', reason: 'bad', suppression: { reason: REASON, expires: '2027-03-01', source: 'metadata' } });
  });

  test('app-level findings on the stack are covered by the template metadata and by a configuration glob over the stack name', () => {
    const graphCheck = defineCheck({
      id: 'LEX-T-3',
      title: 'An app-level test check',
      service: 'lex',
      topic: 'monitoring',
      severity: 'LOW',
      rationale: 'Only for tests.',
      remediation: 'Nothing to do.',
      docs: 'https://example.com/docs',
      modes: ['synth'],
      evaluateGraph: (ctx) => ctx.graph.stacks.map((s) => ({ status: 'FAIL', reason: 'no trail', resource: ctx.graph.stackResource(s) }) as Verdict),
    });
    const stacks: StackInput[] = [
      { stack: { name: 'Prod' }, resources: [], metadata: suppressible([{ id: 'LEX-T-3', reason: ON_STACK }]) },
      { stack: { name: 'Dev' }, resources: [] },
      { stack: { name: 'Test' }, resources: [] },
    ];
    const result = runOver(stacks, { checks: [graphCheck], mode: 'synth', config: { suppressions: [{ id: 'LEX-T-3', resource: 'Dev', reason: IN_CONFIG }] } });
    expect(result.findings.map((f) => `${f.resource.logicalId}: ${f.status} ${f.suppression?.reason ?? ''}`)).toEqual([`Prod: SUPPRESSED ${ON_STACK}`, `Dev: SUPPRESSED ${IN_CONFIG}`, 'Test: FAIL ']);
    expect(result.warnings).toEqual([]);
  });
});

describe('the resource a finding is about decides', () => {
  test('a verdict about another resource is covered by that resource, not by the one evaluated', () => {
    const stacks: StackInput[] = [
      {
        stack: { name: 'Prod' },
        resources: [
          { logicalId: 'Alias', type: 'Test::Thing', properties: {}, metadata: suppressible([rule({ reason: ON_RESOURCE })]), provenance: {} },
          { logicalId: 'Role', type: 'Test::Role', properties: {}, metadata: suppressible([rule({ reason: 'on the role it blames' })]), provenance: {} },
        ],
      },
    ];
    const blamesRole = defineCheck({
      id: 'LEX-T-1',
      title: 'A test check',
      service: 'lex',
      topic: 'iam',
      severity: 'HIGH',
      rationale: 'Only for tests.',
      remediation: 'Nothing to do.',
      docs: 'https://example.com/docs',
      modes: ['synth'],
      resourceTypes: ['Test::Thing'],
      evaluate: (_r, { graph }) => [{ status: 'FAIL', reason: 'the role is too broad', resource: graph.get('Prod', 'Role') }],
    });
    const result = runOver(stacks, { checks: [blamesRole], mode: 'synth', now: new Date(NOW) });
    expect(result.findings.map((f) => `${f.resource.logicalId}: ${f.status} (${f.suppression?.reason})`)).toEqual(['Role: SUPPRESSED (on the role it blames)']);
    expect(result.warnings.map((w) => w.message)).toEqual(['Suppression of LEX-T-1 on Prod/Alias matched no finding; remove it.']);
  });

  test('an UNKNOWN for data a source could not read is covered by a configuration glob over the live scope', () => {
    const stacks: StackInput[] = [{ stack: { name: LIVE, account: ACCOUNT, region: 'us-east-1' }, resources: [], gaps: [{ types: ['Test::Thing'], reason: 'lex:ListBots was denied' }] }];
    const result = runOver(stacks, {
      checks: [check('LEX-T-1', () => [FAIL])],
      mode: 'live',
      config: { suppressions: [{ id: 'LEX-T-1', resource: `arn:aws:iam::${ACCOUNT}:root`, reason: IN_CONFIG }] },
      now: new Date(NOW),
    });
    expect(result.findings.map((f) => [f.resource.arn, f.status, f.reason])).toEqual([[`arn:aws:iam::${ACCOUNT}:root`, 'SUPPRESSED', 'Test::Thing could not be read: lex:ListBots was denied']]);
  });
});

describe('precedence: the resource, then its stack, then the configuration', () => {
  const reasons = (c: Case) => {
    const result = run(c);
    return {
      findings: Object.fromEntries(result.findings.map((f) => [label(f), f.suppression ? `${f.suppression.source}: ${f.suppression.reason}` : f.status])),
      warnings: result.warnings.map((w) => `${w.kind}: ${w.message}`),
    };
  };
  test.each<[string, Case, Record<string, string>, string[]]>([
    [
      'each resource takes the nearest',
      { alias: [rule({ reason: ON_RESOURCE })], stack: [rule({ reason: ON_STACK })], config: [rule({ reason: IN_CONFIG })] },
      { Alias: `metadata: ${ON_RESOURCE}`, Other: `metadata: ${ON_STACK}`, LiveAlias: `config: ${IN_CONFIG}` },
      [],
    ],
    ['the stack over the configuration', { stack: [rule({ reason: ON_STACK })], config: [rule({ reason: IN_CONFIG })] }, { Alias: `metadata: ${ON_STACK}`, Other: `metadata: ${ON_STACK}`, LiveAlias: `config: ${IN_CONFIG}` }, []],
    [
      'the resource over the configuration: the one shadowed is reported unused',
      { alias: [rule({ reason: ON_RESOURCE })], config: [rule({ reason: IN_CONFIG, resource: 'Alias' })] },
      { Alias: `metadata: ${ON_RESOURCE}`, Other: 'FAIL', LiveAlias: 'FAIL' },
      [unused('resources matching Alias')],
    ],
    [
      'the resource over the stack: the stack one is unused when it covers nothing else',
      { alias: [rule({ reason: ON_RESOURCE })], other: [rule({ reason: ON_RESOURCE })], stack: [rule({ reason: ON_STACK })] },
      { Alias: `metadata: ${ON_RESOURCE}`, Other: `metadata: ${ON_RESOURCE}`, LiveAlias: 'FAIL' },
      [unused('stack Prod')],
    ],
    [
      "the first of a resource's own suppressions",
      { alias: [rule({ reason: 'the first of two' }), rule({ reason: 'the second of two' })] },
      { Alias: 'metadata: the first of two', Other: 'FAIL', LiveAlias: 'FAIL' },
      [unused('Prod/Bot/Alias')],
    ],
    [
      'a suppression limited to other finding keys gives way to the next that applies',
      { alias: [rule({ reason: ON_RESOURCE, appliesTo: ['Key::b'] })], stack: [rule({ reason: ON_STACK })], verdicts: failWith('Key::a') },
      { 'Alias Key::a': `metadata: ${ON_STACK}`, 'Other Key::a': `metadata: ${ON_STACK}`, 'LiveAlias Key::a': 'FAIL' },
      [unused('Prod/Bot/Alias', 'LEX-T-1', ' (Key::b)')],
    ],
    [
      'an expired suppression gives way to the next that applies',
      { alias: [rule({ reason: ON_RESOURCE, expires: '2026-01-01' })], config: [rule({ reason: IN_CONFIG, resource: 'Alias' })] },
      { Alias: `config: ${IN_CONFIG}`, Other: 'FAIL', LiveAlias: 'FAIL' },
      ['suppression-expired: Suppression of LEX-T-1 on Prod/Bot/Alias expired on 2026-01-01; the finding is reported again.'],
    ],
  ])('%s', (_what, c, findings, warnings) => {
    expect(reasons(c)).toEqual({ findings, warnings });
  });
});

describe('appliesTo: finding keys', () => {
  const KEYS = ['Action::lex:*', 'Action::lex:PostText', 'Action::s3:GetObject', 'Resource::<LogBucket.Arn>/*', 'Resource::arn:aws:s3:::logs/[legacy]', undefined];
  /** Keys of Prod/Alias findings suppressed by a suppression on Prod/Alias with `appliesTo`. */
  const suppressedKeys = (appliesTo: unknown) => {
    const findings = run({ alias: [rule(appliesTo === undefined ? {} : { appliesTo })], verdicts: failWith(...KEYS) }).findings.filter((f) => f.resource.logicalId === 'Alias');
    return findings.filter((f) => f.status === 'SUPPRESSED').map((f) => f.findingKey ?? '(no key)');
  };
  test.each<[unknown, string[]]>([
    [undefined, ['Action::lex:*', 'Action::lex:PostText', 'Action::s3:GetObject', 'Resource::<LogBucket.Arn>/*', 'Resource::arn:aws:s3:::logs/[legacy]', '(no key)']],
    [['Action::lex:*'], ['Action::lex:*', 'Action::lex:PostText']],
    [['Action::lex:PostText'], ['Action::lex:PostText']],
    [['Action::lex:Post*'], ['Action::lex:PostText']],
    [['Action::s3:GetObject', 'Action::lex:PostText'], ['Action::lex:PostText', 'Action::s3:GetObject']],
    [['Action::*'], ['Action::lex:*', 'Action::lex:PostText', 'Action::s3:GetObject']],
    [['*'], ['Action::lex:*', 'Action::lex:PostText', 'Action::s3:GetObject', 'Resource::<LogBucket.Arn>/*', 'Resource::arn:aws:s3:::logs/[legacy]']],
    [['Resource::*'], ['Resource::<LogBucket.Arn>/*', 'Resource::arn:aws:s3:::logs/[legacy]']],
    [['Resource::<LogBucket.Arn>/*'], ['Resource::<LogBucket.Arn>/*']],
    [['Resource::arn:aws:s3:::logs/[legacy]'], ['Resource::arn:aws:s3:::logs/[legacy]']],
    [['action::lex:*'], []],
    [['Action::lex'], []],
    [['Action::lex:PostText '], []],
  ])('%j suppresses %j', (appliesTo, expected) => {
    expect(suppressedKeys(appliesTo)).toEqual(expected);
  });

  test('a finding without a key is suppressed only by a suppression without appliesTo', () => {
    expect(summary({ stack: [rule({ appliesTo: ['*'] })], config: [rule({ resource: 'Other', reason: IN_CONFIG })] })).toEqual({
      findings: { Alias: 'FAIL', Other: 'SUPPRESSED:config', LiveAlias: 'FAIL' },
      warnings: [unused('stack Prod', 'LEX-T-1', ' (*)')],
    });
  });

  // An empty list names no key: it suppresses nothing (the configuration and the CDK helper refuse it as a mistake).
  test('an empty appliesTo suppresses nothing', () => {
    expect(suppressedKeys([])).toEqual([]);
  });
});

describe('statuses', () => {
  test.each<[string, Case, string, string[]]>([
    ['FAIL is suppressed', { verdicts: [{ status: 'FAIL', reason: 'bad' }] }, 'SUPPRESSED', []],
    ['UNKNOWN is suppressed', { verdicts: [{ status: 'UNKNOWN', reason: 'cannot tell' }] }, 'SUPPRESSED', []],
    ['PASS is not', { verdicts: [{ status: 'PASS' }] }, 'PASS', [unused('resources matching Alias')]],
    ['NOT_APPLICABLE is not', { verdicts: [{ status: 'NOT_APPLICABLE' }] }, 'NOT_APPLICABLE', [unused('resources matching Alias')]],
    ['ERROR (the check threw) is not', { throws: true }, 'ERROR', [unused('resources matching Alias')]],
  ])('%s', (_what, c, status, warnings) => {
    const result = run({ ...c, config: [rule({ resource: 'Alias' })] });
    expect(statuses(result.findings).Alias).toBe(status);
    expect(result.warnings.map((w) => `${w.kind}: ${w.message}`)).toEqual(warnings);
  });

  test('a suppression covers FAIL and UNKNOWN findings alike, and PASS findings of the same check stay', () => {
    const verdicts: Verdict[] = [
      { status: 'PASS', findingKey: 'Key::a' },
      { status: 'FAIL', reason: 'bad', findingKey: 'Key::b' },
      { status: 'UNKNOWN', reason: 'cannot tell', findingKey: 'Key::c' },
    ];
    expect(statuses(run({ alias: [rule()], verdicts }).findings)).toEqual({
      'Alias Key::a': 'PASS',
      'Alias Key::b': 'SUPPRESSED',
      'Alias Key::c': 'SUPPRESSED',
      'Other Key::a': 'PASS',
      'Other Key::b': 'FAIL',
      'Other Key::c': 'UNKNOWN',
      'LiveAlias Key::a': 'PASS',
      'LiveAlias Key::b': 'FAIL',
      'LiveAlias Key::c': 'UNKNOWN',
    });
  });
});

describe('expiry', () => {
  const where = {
    resource: (r: Record<string, unknown>): Case => ({ alias: [r] }),
    stack: (r: Record<string, unknown>): Case => ({ stack: [r] }),
    config: (r: Record<string, unknown>): Case => ({ config: [r as unknown as ConfigSuppression] }),
    'config for one resource': (r: Record<string, unknown>): Case => ({ config: [{ ...r, resource: 'Alias' } as unknown as ConfigSuppression] }),
  };
  const LABELS = { resource: 'Prod/Bot/Alias', stack: 'stack Prod', config: 'all resources', 'config for one resource': 'resources matching Alias' };
  test.each<[string, string, string, 'SUPPRESSED' | 'FAIL']>([
    ['a later day', '2026-06-16', '2026-06-15T12:00:00.000Z', 'SUPPRESSED'],
    ['a later year', '2027-01-01', '2026-06-15T12:00:00.000Z', 'SUPPRESSED'],
    ['its day, first millisecond', '2026-06-15', '2026-06-15T00:00:00.000Z', 'SUPPRESSED'],
    ['its day, noon', '2026-06-15', '2026-06-15T12:00:00.000Z', 'SUPPRESSED'],
    ['its day, last millisecond (UTC)', '2026-06-15', '2026-06-15T23:59:59.999Z', 'SUPPRESSED'],
    ['the next day, first millisecond', '2026-06-15', '2026-06-16T00:00:00.000Z', 'FAIL'],
    ['a year later', '2025-06-15', '2026-06-15T12:00:00.000Z', 'FAIL'],
  ])('expires %s (%s), now %s: %s', (_what, expires, now, expected) => {
    for (const [kind, build] of Object.entries(where)) {
      const result = run({ ...build(rule({ expires })), now });
      const alias = result.findings.find((f) => f.resource.logicalId === 'Alias')!;
      expect(alias.status).toBe(expected);
      const expired = `suppression-expired: Suppression of LEX-T-1 on ${LABELS[kind as keyof typeof LABELS]} expired on ${expires}; the finding is reported again.`;
      expect(result.warnings.map((w) => `${w.kind}: ${w.message}`)).toEqual(expected === 'FAIL' ? [expired] : []);
      if (expected === 'SUPPRESSED') expect(alias.suppression?.expires).toBe(expires);
    }
  });
});

describe('invalid suppressions are reported and not applied', () => {
  const invalid = (where: string, id: string, problem: string) => `suppression-invalid: Suppression of ${id} on ${where} ${problem}; it is not applied.`;
  const SHORT = 'needs a reason of at least 10 characters';
  test.each<[string, unknown, string]>([
    ['a reason of 9 characters', rule({ reason: 'too short' }), invalid('Prod/Bot/Alias', 'LEX-T-1', SHORT)],
    ['a reason padded with spaces (5 characters once trimmed)', rule({ reason: '    short     ' }), invalid('Prod/Bot/Alias', 'LEX-T-1', SHORT)],
    ['no reason', { id: 'LEX-T-1' }, invalid('Prod/Bot/Alias', 'LEX-T-1', SHORT)],
    ['a reason that is not text', rule({ reason: 12345678901 }), invalid('Prod/Bot/Alias', 'LEX-T-1', SHORT)],
    ['no id', { reason: REASON }, invalid('Prod/Bot/Alias', '?', 'has no check id')],
    ['an id that is not text', rule({ id: 7 }), invalid('Prod/Bot/Alias', '7', 'has no check id')],
    ['no id and no reason: the id first', {}, invalid('Prod/Bot/Alias', '?', 'has no check id')],
    ['a string instead of an object', 'LEX-T-1', invalid('Prod/Bot/Alias', '?', 'has no check id')],
    ['null', null, invalid('Prod/Bot/Alias', '?', 'has no check id')],
    ['an expiry that is not a date', rule({ expires: 'next year' }), invalid('Prod/Bot/Alias', 'LEX-T-1', 'has an expiry that is not a date (next year)')],
    ['a short reason and a bad date: the reason first', rule({ reason: 'short', expires: 'never' }), invalid('Prod/Bot/Alias', 'LEX-T-1', SHORT)],
  ])('%s', (_what, r, warning) => {
    const result = run({ alias: [r] });
    expect(statuses(result.findings)).toEqual(ALL_FAIL);
    expect(result.warnings.map((w) => `${w.kind}: ${w.message}`)).toEqual([warning]);
  });

  test.each<[string, Case, string]>([
    ['in template metadata', { stack: [rule({ reason: 'short' })] }, invalid('stack Prod', 'LEX-T-1', SHORT)],
    ['in the configuration', { config: [rule({ reason: 'short' }) as ConfigSuppression] }, invalid('all resources', 'LEX-T-1', SHORT)],
    ['in the configuration, for some resources', { config: [rule({ reason: 'short', resource: 'Prod/*' }) as ConfigSuppression] }, invalid('resources matching Prod/*', 'LEX-T-1', SHORT)],
  ])('%s', (_what, c, warning) => {
    const result = run(c);
    expect(statuses(result.findings)).toEqual(ALL_FAIL);
    expect(result.warnings.map((w) => `${w.kind}: ${w.message}`)).toEqual([warning]);
  });

  test.each([['0123456789'], ['  0123456789  '], ['ten chars!']])('a reason of 10 characters (%j) is enough', (reason) => {
    expect(statuses(run({ alias: [rule({ reason })] }).findings).Alias).toBe('SUPPRESSED');
  });

  test('the warning names the resource for metadata suppressions, the stack for template metadata, none for configuration', () => {
    const result = run({ alias: [rule({ reason: 'short' })], stack: [rule({ reason: 'short' })], config: [rule({ reason: 'short' }) as ConfigSuppression] });
    expect(result.warnings.map((w) => w.resource)).toEqual([
      { type: 'Test::Thing', logicalId: 'Alias', stack: 'Prod', constructPath: 'Prod/Bot/Alias' },
      { type: 'AWS::CloudFormation::Stack', logicalId: 'Prod', stack: 'Prod', constructPath: 'Prod' },
      undefined,
    ]);
    expect(result.warnings.map((w) => w.checkId)).toEqual(['LEX-T-1', 'LEX-T-1', 'LEX-T-1']);
  });

  // `rule?.id ?? '?'` keeps an empty id: the message reads "Suppression of  on …".
  test('an empty id is shown as ?', () => {
    expect(run({ alias: [rule({ id: '' })] }).warnings.map((w) => w.message)).toEqual(['Suppression of ? on Prod/Bot/Alias has no check id; it is not applied.']);
  });

  // Only ISO calendar dates, as the configuration and the CDK helper take them.
  test.each([['2027-02-30'], ['03/01/2027'], ['1']])('expires %j is not a date', (expires) => {
    expect(run({ alias: [rule({ expires })] }).warnings.map((w) => w.message)).toEqual([`Suppression of LEX-T-1 on Prod/Bot/Alias has an expiry that is not a date (${expires}); it is not applied.`]);
  });

  // A template can carry any `appliesTo`: what is not a list of keys is reported, never thrown.
  test('an appliesTo that is not a list is reported, not thrown', () => {
    const result = run({ alias: [rule({ appliesTo: 'Action::lex:*' })], verdicts: failWith('Action::lex:*') });
    expect(statuses(result.findings).Alias).not.toBe('SUPPRESSED');
    expect(result.warnings.map((w) => w.kind)).toEqual(['suppression-invalid']);
  });
});

describe('unused suppressions are reported', () => {
  test.each<[string, Case, string[]]>([
    ['on a resource', { alias: [rule({ id: 'LEX-T-9' })] }, [unused('Prod/Bot/Alias', 'LEX-T-9')]],
    ['with its finding keys', { alias: [rule({ appliesTo: ['Key::b', 'Key::c'] })], verdicts: failWith('Key::a') }, [unused('Prod/Bot/Alias', 'LEX-T-1', ' (Key::b, Key::c)')]],
    ['on a resource no check evaluates, named by its key without construct path', { ignored: [rule()] }, [unused('Prod/Ignored')]],
    ['on a stack', { stack: [rule({ id: 'LEX-T-9' })] }, [unused('stack Prod', 'LEX-T-9')]],
    ['in the configuration', { config: [rule({ resource: 'Nope*' })] }, [unused('resources matching Nope*')]],
    ['in the configuration, for every resource', { config: [rule({ id: 'LEX-T-9' })] }, [unused('all resources', 'LEX-T-9')]],
    ['every one of them, resources first, then stacks, then the configuration', { config: [rule({ id: 'LEX-T-7' })], stack: [rule({ id: 'LEX-T-8' })], other: [rule({ id: 'LEX-T-9' })] }, [unused('Prod/Other', 'LEX-T-9'), unused('stack Prod', 'LEX-T-8'), unused('all resources', 'LEX-T-7')]],
    ['not when it matched several findings', { stack: [rule()], verdicts: failWith('Key::a', 'Key::b') }, []],
  ])('%s', (_what, c, warnings) => {
    expect(run(c).warnings.map((w) => `${w.kind}: ${w.message}`)).toEqual(warnings);
  });

  test('the warning names the resource it sits on', () => {
    expect(run({ ignored: [rule()] }).warnings.map((w) => w.resource)).toEqual([{ type: 'Test::Ignored', logicalId: 'Ignored', stack: 'Prod', constructPath: undefined }]);
  });

  const referenceOnly = (metadata: Record<string, unknown>, resourceMetadata: Record<string, unknown>): StackInput => ({
    stack: { name: 'Shared' },
    evaluate: false,
    metadata,
    resources: [{ logicalId: 'SharedThing', type: 'Test::Thing', properties: {}, metadata: resourceMetadata, provenance: {} }],
  });
  const referenceRun = (...inputs: StackInput[]) => runOver(inputs, { checks: [check('LEX-T-1', () => [FAIL])], mode: 'synth', now: new Date(NOW) });

  test('a resource of a stack loaded only to resolve imports is not evaluated, nor are its suppressions reported', () => {
    const result = referenceRun(referenceOnly({}, suppressible([rule()])));
    expect(result.findings).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test('the template metadata of a stack loaded only to resolve imports is not reported', () => {
    expect(referenceRun(referenceOnly(suppressible([rule()]), {})).warnings).toEqual([]);
  });
});

describe('metadataSuppressions', () => {
  const r = rule();
  test.each<[string, Record<string, unknown> | undefined, unknown[]]>([
    ['no metadata', undefined, []],
    ['empty metadata', {}, []],
    ['other metadata', { 'aws:cdk:path': 'Prod/Bot/Alias', cdk_nag: { rules_to_suppress: [r] } }, []],
    ['lexscribe without suppressions', { lexscribe: {} }, []],
    ['lexscribe null', { lexscribe: null }, []],
    ['lexscribe a string', { lexscribe: 'suppressions' }, []],
    ['suppressions not a list', { lexscribe: { suppressions: r } }, []],
    ['a list', { lexscribe: { suppressions: [r, { id: 'x' }] } }, [r, { id: 'x' }]],
    ['an empty list', { lexscribe: { suppressions: [] } }, []],
  ])('%s', (_what, metadata, expected) => {
    expect(metadataSuppressions(metadata)).toEqual(expected);
  });

  test('the rules are returned as they are, for the engine to validate', () => {
    const list = [r, 'junk', null];
    expect(metadataSuppressions({ lexscribe: { suppressions: list } })).toBe(list);
  });
});
