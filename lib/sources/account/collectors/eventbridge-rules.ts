import { failed, type Collector } from '../collector';
import { listAll, mapLimit, op, orUnknown } from './support/calls';
import { live, policyDocument } from './support/shape';
import { EVENT_RULE } from '../../../model/types/events';

const EVENTS = {
  ListRules: op('events', 'ListRules'),
  ListTargetsByRule: op('events', 'ListTargetsByRule'),
};

/**
 * Event-pattern rules of the default event bus (where AWS services such as Transcribe publish their
 * state changes), as `AWS::Events::Rule` {Name, EventBusName, State, Description, EventPattern
 * (parsed), Targets: [{Id, Arn}]}. Schedule-only rules match no service event and are left out.
 */
export const eventBridgeRules: Collector = {
  name: 'eventbridge-rules',
  operations: Object.values(EVENTS),
  emits: [EVENT_RULE],
  async collect(ctx) {
    const events = await import('@aws-sdk/client-eventbridge');
    const client = ctx.client(events.EventBridgeClient);
    const rules = await listAll(
      ctx,
      EVENTS.ListRules,
      (NextToken) => client.send(new events.ListRulesCommand({ NextToken })),
      (page) => ({ items: page.Rules, next: page.NextToken }),
    );
    if (failed(rules)) {
      ctx.gap([EVENT_RULE], rules.reason);
      return;
    }
    await mapLimit(
      rules.filter((r) => r.Name && r.EventPattern),
      4,
      async (rule) => {
        const targets = await listAll(
          ctx,
          EVENTS.ListTargetsByRule,
          (NextToken) => client.send(new events.ListTargetsByRuleCommand({ Rule: rule.Name, EventBusName: rule.EventBusName, NextToken })),
          (page) => ({ items: page.Targets, next: page.NextToken }),
        );
        ctx.emit(
          live(EVENT_RULE, `rule/${rule.EventBusName ?? 'default'}/${rule.Name}`, rule.Arn, 'events:ListRules', {
            Name: rule.Name,
            EventBusName: rule.EventBusName,
            State: rule.State,
            Description: rule.Description,
            EventPattern: policyDocument(rule.EventPattern),
            Targets: orUnknown(targets, (list) => list.map((t) => ({ Id: t.Id, Arn: t.Arn }))),
          }),
        );
      },
    );
  },
};
