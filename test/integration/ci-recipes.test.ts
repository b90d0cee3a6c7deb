import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Report } from '../../lib/report/report';
import { REGION, ROOT, runShell, useMoto } from './moto';
import { createOrganization, seedBot, type ClientFactory } from './organization';

/**
 * The organization-audit pipelines the README shows (docs/ci/), run as written against moto: each
 * shard's command with its matrix value, then the merge, in the directory layout the CI service
 * gives them. Only `npx lexscribe` is the built CLI, and the endpoint and retries come from the
 * environment (AWS_ENDPOINT_URL, AWS_MAX_ATTEMPTS), as they would for an emulator.
 */
const moto = useMoto();
const recipe = (name: string) => parse(readFileSync(join(ROOT, 'docs', 'ci', name), 'utf8'));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

async function organization(): Promise<string[]> {
  const factory: ClientFactory = (ctor, credentials) => moto.client(ctor, REGION, credentials);
  const org = await createOrganization(factory, ['Payments', 'Support', 'Sandbox']);
  for (const m of org.members.slice(0, 2)) await seedBot(factory, m.id, m.credentials, `${m.name}Bot`, { publicPolicy: m.name === 'Payments' });
  return [org.management, ...org.members.map((m) => m.id)].sort();
}

/** What a CI runner adds: moto as the endpoint, one attempt per call, and only us-east-1 (moto answers every Region alike). */
const ciEnv = (extra: Record<string, string>) => ({ ...moto.cliEnv(), AWS_ENDPOINT_URL: moto.url, AWS_MAX_ATTEMPTS: '1', AWS_REGION: REGION, ...extra, REGIONS: REGION });

function merged(path: string, accounts: string[]): Report {
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  expect(report.accounts!.map((a) => [a.id, a.status === 'unreadable'])).toEqual(accounts.map((id) => [id, false]));
  expect(report.scope?.merged?.map((m) => m.shard).sort()).toEqual(['1/4', '2/4', '3/4', '4/4']);
  return report;
}

describe('the documented CI pipelines of an organization audit', () => {
  it.each(['github-actions-org-audit.yml', 'codebuild-org-audit.buildspec.yml', 'codebuild-org-merge.buildspec.yml'])('the README shows %s as it is tested', (file) => {
    expect(README).toContain(readFileSync(join(ROOT, 'docs', 'ci', file), 'utf8').trim());
  });

  it('GitHub Actions: a 4-shard matrix, then a merge job that applies the gate', async () => {
    const accounts = await organization();
    const wf = recipe('github-actions-org-audit.yml');
    const shards = Number(wf.env.SHARDS);
    expect(wf.jobs.audit.strategy.matrix.shard).toEqual(Array.from({ length: shards }, (_, k) => k + 1));
    expect(wf.jobs.merge.needs).toBe('audit');
    const auditRun: string = wf.jobs.audit.steps.find((s: { run?: string }) => s.run?.includes('lexscribe audit')).run;
    const mergeRun: string = wf.jobs.merge.steps.find((s: { run?: string }) => s.run?.includes('lexscribe merge')).run;
    const work = mkdtempSync(join(tmpdir(), 'lexscribe-gha-'));
    mkdirSync(join(work, 'shards'));
    for (const shard of wf.jobs.audit.strategy.matrix.shard as number[]) {
      const job = mkdtempSync(join(work, `job-${shard}-`));
      const cmd = auditRun.replaceAll('${{ matrix.shard }}', String(shard));
      const { code, stderr } = await runShell(cmd, job, ciEnv({ SHARDS: String(wf.env.SHARDS) }));
      expect([code, stderr.split('\n').filter((l) => l.startsWith('lexscribe: ') && !/^lexscribe: (account \d|gate failed|shard \d+\/\d+ holds none)/.test(l))]).toEqual([0, []]);
      // upload-artifact / download-artifact with merge-multiple: every shard's file in shards/.
      renameSync(join(job, `shard-${shard}.json`), join(work, 'shards', `shard-${shard}.json`));
    }
    const merge = await runShell(mergeRun, work, ciEnv({}));
    expect(merge.code).toBe(1);
    expect(merge.stderr).toMatch(/lexscribe: gate failed: \d+ findings? at or above HIGH/);
    expect(merge.stdout).toMatch(/By account \(4\):/);
    for (const f of ['lexscribe-org.json', 'lexscribe-org.html', 'lexscribe-org.sarif']) expect(existsSync(join(work, f))).toBe(true);
    merged(join(work, 'lexscribe-org.json'), accounts);
  });

  it('CodeBuild: a batch build-matrix, one build per shard, then the merge buildspec over the combined artifacts', async () => {
    const accounts = await organization();
    const audit = recipe('codebuild-org-audit.buildspec.yml');
    const merge = recipe('codebuild-org-merge.buildspec.yml');
    const values: string[] = audit.batch['build-matrix'].dynamic.env.variables.SHARD;
    expect(values).toEqual(Array.from({ length: Number(audit.env.variables.SHARDS) }, (_, k) => String(k + 1)));
    expect(audit.batch['combine-artifacts']).toBe(true);
    const combined = mkdtempSync(join(tmpdir(), 'lexscribe-codebuild-shards-'));
    for (const shard of values) {
      const src = mkdtempSync(join(tmpdir(), `lexscribe-codebuild-${shard}-`));
      for (const cmd of audit.phases.build.commands as string[]) {
        const { code } = await runShell(cmd, src, ciEnv({ ...audit.env.variables, SHARD: shard }));
        expect(code).toBe(0);
      }
      // combine-artifacts: each build's artifact files (discard-paths) in a folder named after the build.
      const build = join(combined, `lexscribe-org-audit-${shard}`);
      mkdirSync(build);
      renameSync(join(src, 'reports', `shard-${shard}.json`), join(build, `shard-${shard}.json`));
    }
    const src = mkdtempSync(join(tmpdir(), 'lexscribe-codebuild-merge-'));
    const results = [];
    for (const cmd of merge.phases.build.commands as string[]) results.push(await runShell(cmd, src, ciEnv({ CODEBUILD_SRC_DIR_shards: combined })));
    expect(results.map((r) => r.code)).toEqual([1]);
    expect(readFileSync(join(src, merge.reports['lexscribe-org'].files[0]), 'utf8')).toContain('<testsuites name="lexscribe"');
    merged(join(src, 'reports', 'lexscribe-org.json'), accounts);
  });
});
