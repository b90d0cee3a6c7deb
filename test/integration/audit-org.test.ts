import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../lib/report/report';
import { startFaultProxy, type FaultProxy, type FaultRule } from './fault-proxy';
import { ACCOUNT, REGION, forbiddenCommands, useMoto } from './moto';
import { createOrganization, ORG_ROLE, seedBot, type ClientFactory, type Organization, type SeededBot } from './organization';

const moto = useMoto();
const dir = mkdtempSync(join(tmpdir(), 'lexscribe-org-'));
let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(moto.url);
});
afterAll(() => proxy.stop());

const factory: ClientFactory = (ctor, credentials) => moto.client(ctor, REGION, credentials);

interface World {
  org: Organization;
  payments: SeededBot;
  support: SeededBot;
  /** Member ids by name. */
  id: Record<'Payments' | 'Support' | 'Locked', string>;
}

/** An organization of three members: Payments and Support hold a bot each, Locked holds nothing (and, in most tests, refuses the role). */
async function world(): Promise<World> {
  const org = await createOrganization(factory, ['Payments', 'Support', 'Locked']);
  const id = Object.fromEntries(org.members.map((m) => [m.name, m.id])) as World['id'];
  const member = (name: string) => org.members.find((m) => m.name === name)!;
  const payments = await seedBot(factory, id.Payments, member('Payments').credentials, 'PaymentsBot', { publicPolicy: true });
  const support = await seedBot(factory, id.Support, member('Support').credentials, 'SupportBot');
  return { org, payments, support, id };
}

const lockedRole = (w: World): FaultRule => ({ service: 'sts', operation: 'AssumeRole', body: new RegExp(w.id.Locked), fault: 'deny' });

/** `lexscribe audit` through the fault proxy, JSON on standard output unless the arguments say otherwise. */
async function audit(rules: FaultRule[], ...args: string[]) {
  proxy.setRules(rules);
  const result = await moto.cli(['audit', '--endpoint-url', proxy.url, '--region', REGION, '--max-attempts', '1', ...args]);
  return { ...result, report: () => JSON.parse(result.stdout) as Report };
}

const org = (...args: string[]) => ['--org', '--org-role', ORG_ROLE, ...args];
const ofAccount = (r: Report, account: string) => r.findings.filter((f) => f.resource.account === account);

/** A report without what differs between two runs of the same audit: when it ran and what it was merged from. */
function comparable(r: Report): unknown {
  const copy = JSON.parse(JSON.stringify(r)) as Report;
  delete (copy as Partial<Report>).startedAt;
  if (copy.scope) delete copy.scope.merged;
  return copy;
}

describe('lexscribe audit --org (moto Organizations, one member whose role cannot be assumed)', () => {
  it('reports every member in one report, by account; the locked member is a warning and UNKNOWN; AssumeRole is the only non-read call', async () => {
    const w = await world();
    const before = moto.commandsSent().length;
    const { code, stderr, report } = await audit([lockedRole(w)], ...org('-f', 'json'));
    const r = report();
    expect(code).toBe(1);

    expect(r.accounts!.map((a) => [a.id, a.name, a.status, a.role])).toEqual(
      [
        [ACCOUNT, 'master', 'partial', undefined],
        [w.id.Payments, 'Payments', 'partial', `arn:aws:iam::${w.id.Payments}:role/${ORG_ROLE}`],
        [w.id.Support, 'Support', 'partial', `arn:aws:iam::${w.id.Support}:role/${ORG_ROLE}`],
        [w.id.Locked, 'Locked', 'unreadable', `arn:aws:iam::${w.id.Locked}:role/${ORG_ROLE}`],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(r.scope).toMatchObject({ organization: w.org.id, selected: [ACCOUNT, w.id.Payments, w.id.Support, w.id.Locked].sort(), regions: [REGION] });

    // Each member's bots, with their own account ids.
    expect(r.findings.find((f) => f.checkId === 'LEX-DP-2' && f.resource.arn === w.payments.aliasArn)).toMatchObject({ status: 'FAIL', resource: { account: w.id.Payments, region: REGION } });
    expect(r.findings.find((f) => f.checkId === 'LEX-DP-2' && f.resource.arn === w.support.aliasArn)).toMatchObject({ status: 'FAIL', resource: { account: w.id.Support, region: REGION } });
    expect(r.findings.find((f) => f.checkId === 'LEX-IAM-1' && f.status === 'FAIL')?.resource.account).toBe(w.id.Payments);
    expect(r.findings.filter((f) => !f.resource.account || !f.resource.region)).toEqual([]);

    // The locked member: every check that reads the account is UNKNOWN there, with the reason; nothing passes or fails.
    const locked = ofAccount(r, w.id.Locked);
    expect(locked.length).toBeGreaterThan(20);
    expect(locked.filter((f) => f.status !== 'UNKNOWN')).toEqual([]);
    expect(locked.every((f) => f.reason?.includes(`cannot assume arn:aws:iam::${w.id.Locked}:role/${ORG_ROLE} (AccessDenied)`))).toBe(true);
    const lockedRow = r.accounts!.find((a) => a.id === w.id.Locked)!;
    expect(lockedRow.reason).toMatch(/^cannot assume arn:aws:iam::\d{12}:role\/OrganizationAccountAccessRole \(AccessDenied\): check that the role exists/);
    expect(lockedRow.byStatus.UNKNOWN).toBe(locked.length);
    expect(r.warnings).toContainEqual({
      kind: 'coverage',
      message: expect.stringMatching(new RegExp(`^account ${w.id.Locked} \\(Locked\\): cannot assume .*; nothing in it was read, and every check is UNKNOWN there$`)),
      resource: { type: 'AWS::Region', account: w.id.Locked },
    });
    // The others completed: their own failures (moto's gaps) name them.
    expect(r.warnings.filter((w2) => w2.kind === 'coverage' && w2.resource?.account === w.id.Payments).every((x) => x.message.includes(w.id.Payments))).toBe(true);

    // Progress without a terminal: one line per account, done / total.
    expect(stderr.split('\n').filter((l) => /^lexscribe: account \d\/4 /.test(l))).toHaveLength(4);
    expect(stderr).toContain(`(Locked): unreadable: cannot assume`);

    const sent = moto.commandsSent().slice(before);
    expect(sent).toContain('organizations:ListAccounts');
    expect(sent.filter((c) => c === 'sts:AssumeRole')).toHaveLength(3);
    expect([...new Set(sent)].filter((c) => !/^[a-z0-9-]+:(List|Describe|Get|Head)[A-Z]|^cloudtrail:LookupEvents$/.test(c))).toEqual(['sts:AssumeRole']);
    expect(forbiddenCommands(sent)).toEqual([]);
  });

  it('a member that denies a service: that service is UNKNOWN in that member only, the others are evaluated', async () => {
    const w = await world();
    const r = (await audit([{ service: 'lex', account: w.id.Support, fault: 'deny' }], ...org('-f', 'json'))).report();
    expect(r.accounts!.find((a) => a.id === w.id.Support)?.status).toBe('partial');
    const supportLex = ofAccount(r, w.id.Support).filter((f) => f.checkId.startsWith('LEX-DP-2'));
    expect(supportLex.map((f) => [f.status, f.reason])).toEqual([['UNKNOWN', expect.stringContaining('lex:ListBots was denied (AccessDeniedException)')]]);
    expect(r.findings.find((f) => f.checkId === 'LEX-DP-2' && f.resource.arn === w.payments.aliasArn)?.status).toBe('FAIL');
    expect(r.warnings.map((x) => x.message)).toContainEqual(expect.stringMatching(new RegExp(`not evaluated in ${w.id.Support}/us-east-1: lex:ListBots was denied`)));
  });

  it('3 shards merged equal the unsharded report, in every format; a missing or doubled shard is named', async () => {
    const w = await world();
    const shards = [1, 2, 3].map((k) => join(dir, `shard-${k}.json`));
    for (const [k, file] of shards.entries()) expect((await audit([lockedRole(w)], ...org('--shard', `${k + 1}/3`, '-f', 'json', '-o', file, '-q'))).code).toBeLessThan(2);
    const parts = shards.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Report);
    expect(parts.map((p) => p.scope?.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    expect(parts.flatMap((p) => p.accounts!.map((a) => a.id)).sort()).toEqual([ACCOUNT, ...w.org.members.map((m) => m.id)].sort());

    const whole = (await audit([lockedRole(w)], ...org('-f', 'json'))).report();
    const out = { json: join(dir, 'org.json'), html: join(dir, 'org.html'), sarif: join(dir, 'org.sarif'), junit: join(dir, 'org.xml'), text: join(dir, 'org.txt') };
    const merged = await moto.cli(['merge', ...shards, '-f', 'json', '-o', out.json, '-f', 'html', '-o', out.html, '-f', 'sarif', '-o', out.sarif, '-f', 'junit', '-o', out.junit, '-f', 'text', '-o', out.text]);
    expect(merged.code).toBe(1);
    expect(merged.stderr.trim()).toMatch(/^lexscribe: gate failed: \d+ findings? at or above HIGH \(\d+ high\)$/);
    const m = JSON.parse(readFileSync(out.json, 'utf8')) as Report;
    expect(comparable(m)).toEqual(comparable(whole));
    expect(m.scope?.merged?.map((x) => x.shard)).toEqual(['1/3', '2/3', '3/3']);
    expect(readFileSync(out.html, 'utf8')).toContain('<h2>By account <span class="muted">(4 · organization');
    expect(readFileSync(out.text, 'utf8')).toMatch(new RegExp(`By account \\(4\\): .*\\n.*\\n(.*\\n)*  ${w.id.Locked}  Locked +unreadable`));
    expect(readFileSync(out.junit, 'utf8')).toContain(`<testcase name="${w.payments.aliasArn}"`);
    expect(JSON.parse(readFileSync(out.sarif, 'utf8')).runs[0].results.length).toBeGreaterThan(0);

    const missing = await moto.cli(['merge', shards[0], shards[2], '-f', 'json', '-o', join(dir, 'partial.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('lexscribe: shard 2/3 is missing: the merge does not cover its accounts');
    const partial = JSON.parse(readFileSync(join(dir, 'partial.json'), 'utf8')) as Report;
    const lost = parts[1].accounts!.map((a) => a.id);
    expect(partial.accounts!.filter((a) => a.status === 'not-audited').map((a) => [a.id, a.reason])).toEqual(lost.map((id) => [id, 'its shard 2/3 is missing']));

    const twice = await moto.cli(['merge', shards[0], shards[0], shards[1], shards[2], '-f', 'json', '-o', join(dir, 'twice.json')]);
    expect([twice.code, twice.stderr.trim()]).toEqual([2, `lexscribe: shard 1/3 is given twice: ${shards[0]} and ${shards[0]}`]);
  });

  it('--accounts with --org-role works outside Organizations; --exclude-accounts and --accounts-file narrow the list', async () => {
    const w = await world();
    const listed = (await audit([], '--accounts', `${w.id.Payments},${w.id.Support}`, '--org-role', ORG_ROLE, '-f', 'json')).report();
    expect(listed.accounts!.map((a) => a.id)).toEqual([w.id.Payments, w.id.Support].sort());
    expect(listed.scope?.organization).toBeUndefined();

    const file = join(dir, 'accounts.txt');
    writeFileSync(file, `# audited nightly\n${w.id.Payments} Payments prod\n${w.id.Locked}\n`);
    const fromFile = (await audit([], ...org('--accounts-file', file, '--exclude-accounts', w.id.Locked, '-f', 'json'))).report();
    expect(fromFile.accounts!.map((a) => [a.id, a.name])).toEqual([[w.id.Payments, 'Payments']]);
  });

  it('suppressions by account id and ARN glob, decided once over the organization; baselines keep the account', async () => {
    const w = await world();
    const config = join(dir, 'lexscribe.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        suppressions: [
          { id: 'LEX-DP-2', resource: w.id.Payments, reason: 'Payments records synthetic calls only until go-live' },
          { id: 'LEX-DP-2', resource: `arn:aws:lex:*:${w.id.Support}:bot-alias/*/*`, reason: 'Support keeps audio for a week only, reviewed SEC-12' },
          // Resource policies have no ARN of their own: they are named <account>/<region>/bot/<name>/policy.
          { id: 'LEX-IAM-1', resource: `${w.id.Payments}/*/bot/*/policy`, reason: 'the public bot is the demo storefront, reviewed SEC-9' },
          { id: 'LEX-DP-2', resource: '999999999999', reason: 'an account that left the organization' },
        ],
      }),
    );
    const shards = [1, 2, 3].map((k) => join(dir, `s-${k}.json`));
    for (const [k, file] of shards.entries()) await audit([lockedRole(w)], ...org('--shard', `${k + 1}/3`, '-c', config, '-f', 'json', '-o', file, '-q'));
    const merged = join(dir, 'merged.json');
    await moto.cli(['merge', ...shards, '-f', 'json', '-o', merged, '-q']);
    const m = JSON.parse(readFileSync(merged, 'utf8')) as Report;
    expect(m.findings.filter((f) => f.checkId === 'LEX-DP-2' && f.resource.account === w.id.Payments).map((f) => f.status)).toEqual(['SUPPRESSED']);
    expect(m.findings.find((f) => f.checkId === 'LEX-DP-2' && f.resource.arn === w.support.aliasArn)?.suppression?.reason).toBe('Support keeps audio for a week only, reviewed SEC-12');
    expect(m.findings.filter((f) => f.checkId === 'LEX-IAM-1' && f.resource.account === w.id.Payments && f.status === 'SUPPRESSED')).toHaveLength(1);
    expect(m.findings.filter((f) => f.checkId === 'LEX-IAM-1' && f.status === 'FAIL')).toEqual([]);
    // Each shard but the one holding Payments finds the Payments suppressions unused; over the organization only the last one is.
    const unused = m.warnings.filter((x) => x.kind === 'suppression-unused').map((x) => x.message);
    expect(unused).toEqual(['Suppression of LEX-DP-2 on resources matching 999999999999/** matched no finding; remove it.']);

    const baseline = join(dir, 'org-baseline.json');
    expect((await audit([lockedRole(w)], ...org('--write-baseline', baseline, '-q'))).code).toBe(0);
    const entries = (JSON.parse(readFileSync(baseline, 'utf8')) as { entries: Array<{ resource: string; account?: string }> }).entries;
    expect(entries.find((e) => e.resource === w.payments.aliasArn)?.account).toBe(w.id.Payments);
    expect((await audit([lockedRole(w)], ...org('--baseline', baseline, '-q'))).code).toBe(0);

    // Written by hand: accept everything in Payments (an account id), and Support's missing trail (an ARN glob).
    const byHand = join(dir, 'by-hand.json');
    const entries2 = [
      { checkId: '*', account: w.id.Payments, reason: 'demo storefront, rebuilt before go-live' },
      { checkId: 'LEX-MON-*', resource: `arn:aws:iam::${w.id.Support}:*`, reason: 'the organization trail covers Support' },
    ];
    writeFileSync(byHand, JSON.stringify({ tool: 'lexscribe', baselineVersion: 1, entries: entries2 }));
    expect((await audit([lockedRole(w)], ...org('--baseline', byHand, '-q'))).code).toBe(0);
    writeFileSync(byHand, JSON.stringify({ tool: 'lexscribe', baselineVersion: 1, entries: [{ checkId: 'LEX-IAM-1', resource: `arn:aws:lex:*:${w.id.Support}:bot/*` }] }));
    const still = await audit([lockedRole(w)], ...org('--baseline', byHand));
    expect(still.code).toBe(1);
    expect(still.stderr).toContain(`lexscribe: baseline entry no longer occurs: LEX-IAM-1 on arn:aws:lex:*:${w.id.Support}:bot/*; remove it`);
  });

  it('flags that cannot work together are usage errors, before any call', async () => {
    const before = moto.commandsSent().length;
    const cases: Array<[string[], string]> = [
      [['--org'], 'lexscribe: --org needs --org-role NAME, the role to assume in each account (e.g. OrganizationAccountAccessRole)'],
      [['--org-role', ORG_ROLE], 'lexscribe: --org-role needs --org, --accounts or --accounts-file'],
      [[...org('--shard', '4/3')], 'lexscribe: --shard: "4/3" is not a shard: K/N with 1 <= K <= N (e.g. 2/8)'],
      [['--accounts', '12345', '--org-role', ORG_ROLE], 'lexscribe: --accounts: "12345" is not an account id (twelve digits)'],
      [[...org('--accounts-file', join(dir, 'nope.txt'))], `lexscribe: --accounts-file: cannot read ${join(dir, 'nope.txt')}: no such file`],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = await audit([], ...args);
      expect([code, stdout, stderr.trim()]).toEqual([2, '', message]);
    }
    expect(moto.commandsSent().length).toBe(before);
  });
});
