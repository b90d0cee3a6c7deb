import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { get, items, str } from '../../lib/engine/read';
import { Unknown, render } from '../../lib/model/values';
import { bucketEncryption } from '../shared/bucket';
import { resolveTarget } from '../shared/target';
import { S3_BUCKET } from '../../lib/model/types/s3';
import { atLeast } from '../../lib/model/types/encryption';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { BOT, type BotProps } from '../../lib/model/types/lex';

const name = (node: unknown, key: string, fallback: number) => {
  const v = str(get(node, key));
  return typeof v === 'string' ? v : String(fallback);
};

export default defineCheck({
  id: 'LEX-DP-14',
  title: 'S3 artifacts Lex reads are KMS-protected (grammar files, bot import files)',
  severity: 'LOW',
  rationale: 'Grammar files and bot definitions describe what callers say and how the bot handles it; KMS puts reading them under a key policy.',
  remediation: 'Set GrammarSlotTypeSetting.Source.KmsKeyArn on grammar slot types, and give the bucket in BotFileS3Location aws:kms default encryption.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/APIReference/API_GrammarSlotTypeSource.html',
  modes: ['synth', 'live'],
  resourceTypes: [BOT],
  reads: [S3_BUCKET, KMS_KEY, KMS_ALIAS],
  evaluate(bot, ctx) {
    const props = ctx.graph.props<BotProps>(bot);
    const verdicts: Verdict[] = [];
    const locales = items(props.BotLocales);
    if (locales instanceof Unknown) verdicts.push(unknown(`BotLocales cannot be known: ${locales.reason}`, { path: 'BotLocales' }));
    else {
      for (const [l, locale] of locales.entries()) {
        const slotTypes = items(get(locale, 'SlotTypes'));
        if (slotTypes instanceof Unknown) {
          verdicts.push(unknown(`slot types of locale ${l}: ${slotTypes.reason}`, { path: `BotLocales.${l}.SlotTypes` }));
          continue;
        }
        for (const [t, slotType] of slotTypes.entries()) {
          const source = get(slotType, 'ExternalSourceSetting.GrammarSlotTypeSetting.Source');
          if (source === undefined) continue;
          const where = `${name(locale, 'LocaleId', l)}/${name(slotType, 'Name', t)}`;
          const at = { findingKey: `Grammar::${where}`, path: `BotLocales.${l}.SlotTypes.${t}.ExternalSourceSetting.GrammarSlotTypeSetting.Source.KmsKeyArn` };
          const key = get(source, 'KmsKeyArn');
          if (key === undefined) verdicts.push(fail(`the grammar file of slot type ${where} is read without a KMS key`, at));
          else if (key instanceof Unknown) verdicts.push(unknown(`KMS key of the grammar file of ${where} cannot be known: ${key.reason}`, at));
          else verdicts.push(pass(`the grammar file of slot type ${where} is protected by ${render(key)}`, at));
        }
      }
    }
    const fileBucket = get(props, 'BotFileS3Location.S3Bucket');
    const bucket = resolveTarget(ctx, fileBucket, [S3_BUCKET], 'bucket');
    const at = { findingKey: 'BotFile', path: 'BotFileS3Location.S3Bucket' };
    if (bucket instanceof Unknown) verdicts.push(unknown(`the bot import file bucket: ${bucket.reason}`, at));
    else if (bucket) {
      const enc = bucketEncryption(ctx.graph, bucket);
      if (enc instanceof Unknown) verdicts.push(unknown(enc.reason, at));
      else if (atLeast(enc.level, 'aws-managed-kms')) verdicts.push(pass(`the bot import file is in a KMS-encrypted bucket: ${enc.detail}`, at));
      else verdicts.push(fail(`the bot import file is in a bucket without KMS encryption: ${enc.detail}`, at));
    }
    return verdicts.length > 0 ? verdicts : notApplicable('the bot reads no grammar file and no import file from S3');
  },
});
