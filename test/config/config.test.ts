import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, findConfigFile, readConfigFile } from '../../lib/config/file';
import { validateConfig } from '../../lib/config/validate';
import { option } from '../../lib/engine/options';
import Ajv2020 from 'ajv/dist/2020';
import schema from '../../schema/lexscribe.config.schema.json';

const CHECKS = [
  { id: 'LEX-DP-2', options: { sensitiveTags: option.strings(['phi'], 'd'), maxTtl: option.integer(300, 'd', { min: 60 }), level: option.oneOf(['low', 'high'], 'low', 'd') } },
  { id: 'LEX-IAM-1' },
];

describe('validateConfig', () => {
  test('a complete configuration is valid', () => {
    expect(
      validateConfig(
        {
          $schema: './schema/lexscribe.config.schema.json',
          failOn: 'medium',
          failOnUnknown: true,
          checks: { 'lex-dp-2': { severity: 'high', options: { maxTtl: 600, sensitiveTags: ['pci'] } }, 'LEX-IAM-1': { enabled: false } },
          suppressions: [{ id: 'LEX-DP-2', resource: 'Prod/*', reason: 'accepted by the security team', expires: '2027-03-01', appliesTo: ['Key::*'] }],
        },
        CHECKS,
      ),
    ).toEqual([]);
  });

  test.each([
    [[], 'the configuration must be an object'],
    [{ failOn: 'severe' }, 'failOn must be one of info, low, medium, high, critical'],
    [{ failOnUnknown: 'yes' }, 'failOnUnknown must be true or false'],
    [{ extra: 1 }, 'unknown key "extra" in the configuration (allowed: $schema, failOn, failOnUnknown, classification, checks, suppressions)'],
    [{ checks: [] }, 'checks must be an object keyed by check id'],
    [{ checks: { 'LEX-XX-1': {} } }, 'checks.LEX-XX-1: no such check (see `lexscribe checks`)'],
    [{ checks: { 'LEX-DP-2': { disabled: true } } }, 'unknown key "disabled" in checks.LEX-DP-2 (allowed: enabled, severity, options)'],
    [{ checks: { 'LEX-DP-2': { options: { maxTTL: 1 } } } }, 'checks.LEX-DP-2.options.maxTTL: LEX-DP-2 has no such option (its options: sensitiveTags, maxTtl, level)'],
    [{ checks: { 'LEX-IAM-1': { options: { x: 1 } } } }, 'checks.LEX-IAM-1.options.x: LEX-IAM-1 has no options'],
    [{ checks: { 'LEX-DP-2': { options: { maxTtl: '600' } } } }, 'checks.LEX-DP-2.options.maxTtl must be an integer ≥ 60'],
    [{ checks: { 'LEX-DP-2': { options: { maxTtl: 30 } } } }, 'checks.LEX-DP-2.options.maxTtl must be an integer ≥ 60 (got 30)'],
    [{ checks: { 'LEX-DP-2': { options: { maxTtl: 60.5 } } } }, 'checks.LEX-DP-2.options.maxTtl must be an integer ≥ 60'],
    [{ checks: { 'LEX-DP-2': { options: { sensitiveTags: 'pci' } } } }, 'checks.LEX-DP-2.options.sensitiveTags must be a list of strings'],
    [{ checks: { 'LEX-DP-2': { options: { sensitiveTags: ['pci', 1] } } } }, 'checks.LEX-DP-2.options.sensitiveTags must be a list of strings'],
    [{ checks: { 'LEX-DP-2': { options: { level: 'medium' } } } }, 'checks.LEX-DP-2.options.level must be one of low, high (got "medium")'],
    [{ checks: { 'LEX-DP-2': { options: { classificationTagKey: '' } } } }, 'checks.LEX-DP-2.options.classificationTagKey must be a tag key (a non-empty string)'],
    [{ classification: [] }, 'classification must be an object with tagKey and sensitiveValues'],
    [{ classification: { tagKey: 1 } }, 'classification.tagKey must be a tag key (a non-empty string)'],
    [{ classification: { sensitiveValues: 'phi' } }, 'classification.sensitiveValues must be a list of classification values'],
    [{ classification: { tag: 'x' } }, 'unknown key "tag" in classification (allowed: tagKey, sensitiveValues)'],
    [{ suppressions: {} }, 'suppressions must be a list'],
    [{ suppressions: [{ reason: 'a long enough reason' }] }, 'suppressions[0].id (the check id) is required'],
    [{ suppressions: [{ id: 'LEX-NO-1', reason: 'a long enough reason' }] }, 'suppressions[0].id: no such check LEX-NO-1'],
    [{ suppressions: [{ id: 'LEX-DP-2', reason: 'because' }] }, 'suppressions[0].reason must say why the finding is accepted, in at least 10 characters'],
    [{ suppressions: [{ id: 'LEX-DP-2', reason: 'a long enough reason', expires: 'next year' }] }, 'suppressions[0].expires must be a date like 2027-03-01'],
    [{ suppressions: [{ id: 'LEX-DP-2', reason: 'a long enough reason', appliesTo: 'Key::*' }] }, 'suppressions[0].appliesTo must be a non-empty list of finding keys (leave it out to suppress every finding of the check)'],
    [{ suppressions: [{ id: 'LEX-DP-2', reason: 'a long enough reason', appliesTo: [] }] }, 'suppressions[0].appliesTo must be a non-empty list of finding keys (leave it out to suppress every finding of the check)'],
    [{ suppressions: [{ id: 'LEX-DP-2', reason: 'a long enough reason', expires: '2027-02-30' }] }, 'suppressions[0].expires must be a date like 2027-03-01'],
  ])('%j: %s', (config, problem) => {
    expect(validateConfig(config, CHECKS)).toContain(problem);
  });
});

describe('configuration files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lexscribe-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('YAML is normalised: lower-case severities and check ids', () => {
    const file = join(dir, 'lexscribe.config.yaml');
    writeFileSync(file, 'failOn: medium\nchecks:\n  lex-dp-2:\n    severity: low\nsuppressions:\n  - id: lex-iam-1\n    reason: reviewed with the security team\n');
    expect(findConfigFile(dir)).toBe(file);
    expect(readConfigFile(file, CHECKS)).toEqual({
      failOn: 'MEDIUM',
      checks: { 'LEX-DP-2': { severity: 'LOW' } },
      suppressions: [{ id: 'LEX-IAM-1', reason: 'reviewed with the security team' }],
    });
  });

  test('a YAML error names the file and line', () => {
    const file = join(dir, 'lexscribe.config.yml');
    writeFileSync(file, 'failOn: high\nchecks:\n  - [unclosed\n');
    expect(() => readConfigFile(file, CHECKS)).toThrow(new RegExp(`^${file}:\\d: not valid YAML`));
  });

  test('no file, or two of them', () => {
    expect(findConfigFile(dir)).toBeUndefined();
    writeFileSync(join(dir, 'lexscribe.config.json'), '{}');
    writeFileSync(join(dir, 'lexscribe.config.yml'), '{}');
    expect(() => findConfigFile(dir)).toThrow(ConfigError);
  });

  test('the real catalog is the default for check ids', () => {
    const file = join(dir, 'lexscribe.config.json');
    writeFileSync(file, JSON.stringify({ checks: { 'LEX-DP-2': { enabled: false }, 'LEX-NOPE-9': {} } }));
    expect(() => readConfigFile(file)).toThrow('checks.LEX-NOPE-9: no such check');
  });
});

describe('schema/lexscribe.config.schema.json', () => {
  const validate = new Ajv2020({ allErrors: true }).compile(schema);

  test('accepts what validateConfig accepts, for editors', () => {
    expect(
      validate({
        $schema: './node_modules/lexscribe/schema/lexscribe.config.schema.json',
        failOn: 'medium',
        checks: { 'lex-dp-2': { severity: 'HIGH', options: { sensitiveClassifications: ['phi'] } }, 'TR-DP-12': { enabled: false } },
        suppressions: [{ id: 'LEX-DP-2', resource: 'Prod/*', reason: 'accepted by the security team', expires: '2027-03-01' }],
      }),
    ).toBe(true);
  });
  test.each([{ failOn: 'severe' }, { extra: 1 }, { checks: { 'LEX-DP-2': { disabled: true } } }, { suppressions: [{ id: 'LEX-DP-2', reason: 'short' }] }])('refuses %j', (config) => {
    expect(validate(config)).toBe(false);
  });
});
