import { CreateBotAliasCommand, CreateBotCommand, CreateResourcePolicyCommand, DescribeBotAliasCommand, DescribeBotCommand, DescribeResourcePolicyCommand, LexModelsV2Client, ListBotAliasesCommand, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import { useMoto, ACCOUNT, REGION } from './moto';

const moto = useMoto();

/** The fixtures every Lex integration test builds on: the real SDK, through the test adapter, reads moto. */
describe('moto adapter (test-only)', () => {
  it('lets the SDK create and read bots, aliases and resource policies', async () => {
    const lex = moto.client(LexModelsV2Client);
    const bot = await lex.send(
      new CreateBotCommand({ botName: 'Support', roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }),
    );
    const botId = bot.botId!;
    const alias = await lex.send(new CreateBotAliasCommand({ botId, botAliasName: 'Prod', botVersion: 'DRAFT' }));
    const botArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${botId}`;
    await lex.send(
      new CreateResourcePolicyCommand({
        resourceArn: botArn,
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lex:RecognizeText', Resource: botArn }] }),
      }),
    );

    const bots = await lex.send(new ListBotsCommand({}));
    const described = await lex.send(new DescribeBotCommand({ botId }));
    const aliases = await lex.send(new ListBotAliasesCommand({ botId }));
    const aliasDetail = await lex.send(new DescribeBotAliasCommand({ botId, botAliasId: alias.botAliasId! }));
    const policy = await lex.send(new DescribeResourcePolicyCommand({ resourceArn: botArn }));

    expect(bots.botSummaries?.map((b) => b.botName)).toEqual(['Support']);
    expect(described.creationDateTime).toBeInstanceOf(Date);
    expect(aliases.botAliasSummaries?.map((a) => a.botAliasName)).toContain('Prod');
    expect(aliasDetail.botVersion).toBe('DRAFT');
    expect(JSON.parse(policy.policy!).Statement[0].Principal).toBe('*');
  });

  it('lists only the aliases of the bot asked for, and answers a missing policy as AWS does', async () => {
    const lex = moto.client(LexModelsV2Client);
    const ids: string[] = [];
    for (const botName of ['A', 'B']) {
      const { botId } = await lex.send(new CreateBotCommand({ botName, roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
      await lex.send(new CreateBotAliasCommand({ botId, botAliasName: `${botName}-live`, botVersion: 'DRAFT' }));
      ids.push(botId!);
    }
    const names = await Promise.all(ids.map(async (botId) => (await lex.send(new ListBotAliasesCommand({ botId }))).botAliasSummaries?.map((a) => a.botAliasName)));
    expect(names).toEqual([['A-live'], ['B-live']]);
    await expect(lex.send(new DescribeResourcePolicyCommand({ resourceArn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${ids[0]}` }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('answers each bot with its own id and aliases from one kept list, and lists anew once the account changes', async () => {
    const lex = moto.client(LexModelsV2Client);
    const create = async (botName: string) => (await lex.send(new CreateBotCommand({ botName, roleArn: `arn:aws:iam::${ACCOUNT}:role/LexRole`, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }))).botId!;
    const [a, b] = [await create('A'), await create('B')];
    await lex.send(new CreateBotAliasCommand({ botId: a, botAliasName: 'A-live', botVersion: 'DRAFT' }));
    const list = async (botId: string) => {
      const out = await lex.send(new ListBotAliasesCommand({ botId }));
      return { botId: out.botId, names: out.botAliasSummaries?.map((s) => s.botAliasName), dated: out.botAliasSummaries?.every((s) => s.creationDateTime instanceof Date) };
    };
    expect(await list(a)).toEqual({ botId: a, names: ['A-live'], dated: true });
    expect(await list(b)).toEqual({ botId: b, names: [], dated: true });
    await lex.send(new CreateBotAliasCommand({ botId: b, botAliasName: 'B-live', botVersion: 'DRAFT' }));
    expect(await list(b)).toEqual({ botId: b, names: ['B-live'], dated: true });
    expect(await list(a)).toEqual({ botId: a, names: ['A-live'], dated: true });
  });
});
