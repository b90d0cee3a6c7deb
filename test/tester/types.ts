import type { Stack, StackProps } from 'aws-cdk-lib';
import type { LexscribeConfig } from '../../lib/config/types';
import type { Finding, Severity } from '../../lib/model/finding';
import type { StackInput } from '../../lib/model/resource';
import type { Collector } from '../../lib/sources/account/collector';
import type { TranscribeEchoes } from '../collectors/transcribe-moto';

/**
 * The tables of the check tester (`checkTester.run(check, table)`), in the spirit of ESLint's
 * RuleTester: per mode of the check, cases where it passes, fails and cannot know. A table is a data
 * module beside the check's tests (`test/checks/<topic>/<check-file>.cases.ts`, default export), so
 * that the coverage meta-test can read it without running it.
 */

/** The statuses every mode of every check must show. */
export const TABLE_STATUSES = ['PASS', 'FAIL', 'UNKNOWN'] as const;
export type TableStatus = (typeof TABLE_STATUSES)[number] | 'NOT_APPLICABLE';

/** What a case asserts beyond its status. */
export interface Expectation {
  /**
   * The resource expected with the case's status: a construct path fragment (`Bot/ProdAlias`), a
   * logical id, or for live cases a fragment of the collector's id (`alias/Prod`) or the ARN.
   */
  readonly resource?: string;
  /** The finding key of that finding (`Rotation`, `Action::lex:*`). */
  readonly findingKey?: string;
  /** A finding with the status (on `resource`, with `findingKey`) has a reason matching this. */
  readonly reason?: string | RegExp;
  /** …and this severity (escalation for PHI/PCI, INFO for "not in this app"). */
  readonly severity?: Severity;
  /**
   * Every finding of the check, exactly: `label` or `label[findingKey]` → statuses in finding order,
   * joined with `,`. Labels are construct paths inside the stack (`Logs`, not `Test/Logs/Resource`),
   * logical ids of templates, or live collector ids (`bot/Support/alias/Prod`).
   */
  readonly statuses?: Readonly<Record<string, string>>;
  /**
   * A PASS case asserts that nothing of the check FAILs or is UNKNOWN. Where the check cannot pass
   * without failing something else (the user of an inactive key still fails), say why here: the
   * rule then holds for `resource` only.
   */
  readonly othersMayFail?: string;
  /** Anything else, on the check's findings (kept for the odd assertion a field above cannot say). */
  readonly then?: (findings: Finding[]) => void;
}

interface CaseBase extends Expectation {
  /** What the case shows, as the test's title. */
  readonly name: string;
  /** Options of the check (`checks.<ID>.options`). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** More configuration (a `classification` block); `options` are merged into it. */
  readonly config?: LexscribeConfig;
}

/** A real CDK app: one stack `Test` (in 123456789012/us-east-1 unless `stack` says otherwise). */
export interface CdkCase extends CaseBase {
  readonly cdk: (stack: Stack) => void;
  readonly stack?: StackProps;
}

/** A CloudFormation template (an object, or YAML text with short-form tags), scanned as stack `Test`. */
export interface TemplateCase extends CaseBase {
  readonly template: Readonly<Record<string, unknown>> | string;
}

export type SynthCase = CdkCase | TemplateCase;

/** What a moto seeding function gets: SDK clients against moto, and what moto cannot echo. */
export interface Seed {
  readonly account: string;
  readonly region: string;
  /** An SDK v3 client against the file's moto_server (test adapter, dummy credentials, one attempt). */
  client<T>(ctor: new (config: Record<string, unknown>) => T, region?: string): T;
  /**
   * Members moto drops from Transcribe answers (job redaction, tags…), echoed back by the test
   * bridge as AWS would answer: a case that uses it must say why in `bridged`.
   */
  readonly echoes: TranscribeEchoes;
}

/**
 * Real resources in moto_server through the real SDK, then the real collectors and the live side
 * of the check through the pipeline.
 */
export interface MotoCase extends CaseBase {
  readonly moto: (aws: Seed) => Promise<void>;
  /** Collectors to run (default: those that emit a type the check's live side reads). */
  readonly collectors?: readonly Collector[];
  /** Operations (`kms:DescribeKey`) refused with AccessDenied, as AWS refuses an auditor without them. */
  readonly deny?: readonly string[];
  /** Why the case needs `aws.echoes` (what moto drops from its answers). */
  readonly bridged?: string;
  /**
   * The case attaches AWS managed policies (`arn:aws:iam::aws:policy/…`), which moto holds only when
   * started with MOTO_IAM_LOAD_MANAGED_POLICIES (about 2 s on the first IAM call after every reset):
   * such cases run in their folder's `managed-policies.tables.test.ts`, with a moto of their own.
   */
  readonly awsManagedPolicies?: true;
}

/** A live case moto cannot hold: it must say why (`emulated`). */
interface EmulatedBase extends CaseBase {
  /** Why moto cannot hold this case (an API it lacks, a fact it cannot produce). */
  readonly emulated: string;
}

/** Hand-built live resources, as the collectors would emit them. */
export interface ResourcesCase extends EmulatedBase {
  /** Live scopes (`account/region`, `account/global`); see `scope()` and `liveResource()`. */
  readonly stacks: readonly StackInput[];
}

/**
 * The real collectors over SDK clients mocked with aws-sdk-client-mock: `sdk` sets the mocks up
 * (`mockClient(LexModelsV2Client).on(…)`) and returns them, for the tester to restore afterwards.
 */
export interface MockedCase extends EmulatedBase {
  readonly sdk: () => ReadonlyArray<{ restore(): void }>;
  readonly collectors: readonly Collector[];
}

export type LiveCase = MotoCase | ResourcesCase | MockedCase;

export interface StatusCases<C> {
  readonly PASS: readonly C[];
  readonly FAIL: readonly C[];
  readonly UNKNOWN: readonly C[];
  /** Optional: where the check does not apply (every finding NOT_APPLICABLE). */
  readonly NOT_APPLICABLE?: readonly C[];
}

export interface CheckTable {
  readonly synth?: StatusCases<SynthCase>;
  readonly live?: StatusCases<LiveCase>;
}

export function isCdkCase(c: SynthCase): c is CdkCase {
  return 'cdk' in c;
}

export function isMotoCase(c: LiveCase): c is MotoCase {
  return 'moto' in c;
}

export function isMockedCase(c: LiveCase): c is MockedCase {
  return 'sdk' in c;
}
