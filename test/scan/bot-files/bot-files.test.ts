import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { scanLoaded } from '../../../lib/cli/scan';
import type { Finding } from '../../../lib/model/finding';
import { loadTemplates } from '../../../lib/sources/template/load';
import { emptyParameters } from '../../../lib/sources/template/parameters';
import { lexscribe, tempDir } from '../cli';

const TEMPLATE = join(__dirname, 'bot-from-file.yaml');
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/** A Lex V2 export as `CreateExport` writes it: a `Pin` slot with obfuscation off, an `Email` slot that keeps it. */
const EXPORT: Record<string, Uint8Array> = {
  'manifest.json': json({ metadata: { schemaVersion: '1.0', fileFormat: 'LexJson', resourceType: 'Bot' } }),
  'PizzaBot/Bot.json': json({ name: 'PizzaBot', version: 'DRAFT', identifier: 'ABCDEFGHIJ', dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }),
  'PizzaBot/BotLocales/en_US/BotLocale.json': json({ name: 'English (US)', identifier: 'en_US', version: null, nluConfidenceThreshold: 0.4, voiceSettings: { voiceId: 'Ivy' } }),
  'PizzaBot/BotLocales/en_US/Intents/OrderPizza/Intent.json': json({
    name: 'OrderPizza',
    identifier: 'KLMNOPQRST',
    sampleUtterances: [{ utterance: 'I want a pizza' }],
    slotPriorities: [
      { priority: 1, slotName: 'Pin' },
      { priority: 2, slotName: 'Email' },
    ],
  }),
  'PizzaBot/BotLocales/en_US/Intents/OrderPizza/Slots/Pin/Slot.json': json({ name: 'Pin', identifier: 'UVWXYZ0123', slotTypeName: 'AMAZON.Number', obfuscationSetting: { obfuscationSettingType: 'None' } }),
  'PizzaBot/BotLocales/en_US/Intents/OrderPizza/Slots/Email/Slot.json': json({ name: 'Email', identifier: '4567890ABC', slotTypeName: 'AMAZON.EmailAddress', obfuscationSetting: { obfuscationSettingType: 'DefaultObfuscation' } }),
  'PizzaBot/BotLocales/en_US/SlotTypes/Crust/SlotType.json': json({ name: 'Crust', identifier: 'DEFGHIJKLM', slotTypeValues: [{ sampleValue: { value: 'thin' } }] }),
};

const load = (paths: string[], botFiles?: string[]) => loadTemplates(paths, { parameters: emptyParameters(), stdin: () => Buffer.alloc(0), botFiles });
const dp6 = (findings: Finding[]) => findings.filter((f) => f.checkId === 'LEX-DP-6').map((f) => [f.status, f.findingKey ?? '', f.property?.line]);

/** The template in a new folder, with the zip beside it when `zip` is given. */
function place(zip?: Uint8Array): string {
  const dir = tempDir();
  copyFileSync(TEMPLATE, join(dir, 'bot-from-file.yaml'));
  if (zip) writeFileSync(join(dir, 'pizza-bot.zip'), zip);
  return join(dir, 'bot-from-file.yaml');
}

describe('bot definition files (BotFileS3Location)', () => {
  test('a zip beside the template is read: LEX-DP-6 sees the Pin slot with obfuscation off, located at BotFileS3Location', () => {
    const loaded = load([place(zipSync(EXPORT))]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    const bot = loaded.inputs[0].resources.find((r) => r.logicalId === 'PizzaBot')!;
    expect(bot.properties.BotLocales).toEqual([
      {
        LocaleId: 'en_US',
        NluConfidenceThreshold: 0.4,
        VoiceSettings: { VoiceId: 'Ivy' },
        Intents: [
          {
            Name: 'OrderPizza',
            SampleUtterances: [{ Utterance: 'I want a pizza' }],
            SlotPriorities: [
              { Priority: 1, SlotName: 'Pin' },
              { Priority: 2, SlotName: 'Email' },
            ],
            Slots: [
              { Name: 'Email', SlotTypeName: 'AMAZON.EmailAddress', ObfuscationSetting: { ObfuscationSettingType: 'DefaultObfuscation' } },
              { Name: 'Pin', SlotTypeName: 'AMAZON.Number', ObfuscationSetting: { ObfuscationSettingType: 'None' } },
            ],
          },
        ],
        SlotTypes: [{ Name: 'Crust', SlotTypeValues: [{ SampleValue: { Value: 'thin' } }] }],
      },
    ]);
    expect(dp6(scanLoaded(loaded, {}, { verbose: true }).findings)).toEqual([['FAIL', 'Slot::en_US/OrderPizza/Pin', 22]]);
  });

  test('not found: UNKNOWN for the checks that read the locales, with the reason, and a coverage warning; never "not applicable"', () => {
    const file = place();
    const loaded = load([file]);
    expect(loaded.warnings.map((w) => [w.kind, w.message])).toEqual([
      ['coverage', `${file}: bot PizzaBot: the bot definition s3://<computed>/bots/pizza-bot.zip is not beside the template (name its folder with --bot-files DIR); the checks that read its locales report UNKNOWN`],
    ]);
    const findings = scanLoaded(loaded, {}, { verbose: true }).findings.filter((f) => f.checkId === 'LEX-DP-6');
    expect(findings.map((f) => [f.status, f.reason])).toEqual([['UNKNOWN', 'BotLocales cannot be known: the bot definition s3://<computed>/bots/pizza-bot.zip is not beside the template (name its folder with --bot-files DIR)']]);
  });

  test('--bot-files DIR names where the zips are (the CLI)', () => {
    const file = place();
    const zips = tempDir();
    writeFileSync(join(zips, 'pizza-bot.zip'), zipSync(EXPORT));
    const run = lexscribe(['scan', file, '--bot-files', zips, '-f', 'json', '--verbose', '--fail-on', 'critical']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(dp6(JSON.parse(run.stdout).findings)).toEqual([['FAIL', 'Slot::en_US/OrderPizza/Pin', 22]]);
    const missing = lexscribe(['scan', file, '--bot-files', join(zips, 'nope')]);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `lexscribe: --bot-files ${join(zips, 'nope')}: no such folder`]);
  });

  test('a zip bomb, a broken zip and a zip that is no bot export are refused with the reason (UNKNOWN, an input warning)', () => {
    const bomb = zipSync({ ...EXPORT, 'PizzaBot/BotLocales/en_US/Huge.json': new Uint8Array(17 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const cases: Array<[Uint8Array, RegExp]> = [
      [bomb, /pizza-bot\.zip: entry PizzaBot\/BotLocales\/en_US\/Huge\.json is 17 MiB uncompressed, over the 16 MiB limit$/],
      [new TextEncoder().encode('not a zip at all'), /pizza-bot\.zip: is not a readable zip archive/],
      [zipSync({ 'readme.json': json({}) }), /pizza-bot\.zip holds no BotLocales\/<locale>\/BotLocale\.json: it is not a Lex V2 bot export$/],
    ];
    for (const [zip, reason] of cases) {
      const loaded = load([place(zip)]);
      expect(loaded.warnings.map((w) => w.kind)).toEqual(['input']);
      expect(loaded.warnings[0].message).toMatch(reason);
      const findings = scanLoaded(loaded, {}, { verbose: true }).findings.filter((f) => f.checkId === 'LEX-DP-6');
      expect(findings.map((f) => f.status)).toEqual(['UNKNOWN']);
    }
  });

  test('in a cloud assembly, the definition is the asset whose hash the key names (a folder CDK zips on publish)', () => {
    const dir = tempDir();
    const hash = 'a'.repeat(64);
    mkdirSync(join(dir, `asset.${hash}`));
    for (const [name, data] of Object.entries(EXPORT)) {
      mkdirSync(join(dir, `asset.${hash}`, name, '..'), { recursive: true });
      writeFileSync(join(dir, `asset.${hash}`, name), data);
    }
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        version: '55.0.0',
        artifacts: {
          'Bots.assets': { type: 'cdk:asset-manifest', properties: { file: 'Bots.assets.json' } },
          Bots: { type: 'aws:cloudformation:stack', environment: 'aws://123456789012/us-east-1', properties: { templateFile: 'Bots.template.json' } },
        },
      }),
    );
    writeFileSync(join(dir, 'Bots.assets.json'), JSON.stringify({ version: '55.0.0', files: { [hash]: { source: { path: `asset.${hash}`, packaging: 'zip' }, destinations: {} } } }));
    writeFileSync(
      join(dir, 'Bots.template.json'),
      JSON.stringify({
        Resources: {
          Bot: {
            Type: 'AWS::Lex::Bot',
            Properties: { Name: 'PizzaBot', RoleArn: 'arn:aws:iam::123456789012:role/bot', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300, BotFileS3Location: { S3Bucket: 'cdk-assets', S3ObjectKey: `${hash}.zip` } },
          },
        },
      }),
    );
    const loaded = load([dir]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    expect(dp6(scanLoaded(loaded, {}, { verbose: true }).findings).map(([status, key]) => [status, key])).toEqual([['FAIL', 'Slot::en_US/OrderPizza/Pin']]);
  });
});
