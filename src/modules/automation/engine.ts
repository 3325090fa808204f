/**
 * The rule engine: an event subscriber that runs the active rules of the event's
 * trigger, in position order, inside the change's transaction.
 *
 * Loop prevention — the rule, in two parts:
 * 1. Rules react only to changes made by people, timers and other subscribers,
 *    never to changes made by rules. A rule's actions run with ctx.rule set; every
 *    event written meanwhile (by the action's command and by anything reacting to
 *    it) inherits that ctx, and this subscriber returns at once for such a ctx.
 *    So no chain rule → event → rule can start, whatever the rules say.
 * 2. Within one transaction a rule runs at most once per work order (`ranIn`), even
 *    if the same change happened to record two events of the rule's trigger.
 * Chaining is still possible on purpose, through order: each rule is evaluated
 * against the order as the earlier rules left it.
 *
 * Failures: each action runs in its own savepoint. An action a command refuses
 * (e.g. a transition the workflow does not allow) is skipped, one that errors is
 * marked failed; either way it is undone whole and the user's change stands.
 * (Other modules react to a rule's change after the rules, as events are
 * dispatched in the order they happened — see events/dispatch.ts — so their
 * reactions are not inside the action's savepoint.)
 * Every evaluated rule leaves a row in automation_rule_runs; a rule that changed
 * something also leaves an 'automation.ruleRan' event in the order's timeline.
 */
import type { Ctx } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventSubscriber, RecordedEvent } from '../events/dispatch.ts';
import { recordEvent } from '../events/record.ts';
import { SYSTEM_ACTOR } from '../identity/authenticate.ts';
import { runAction } from './actions.ts';
import { evaluate } from './conditions.ts';
import { loadFacts, type OrderFacts } from './facts.ts';
import { inSavepoint } from './savepoint.ts';
import type { ActionSpec, ConditionSpec } from './schema.ts';
import type { ActionOutcome } from './tables.ts';
import { TRIGGER_EVENT_TYPES, triggerOf } from './triggers.ts';

export interface RuleToRun {
  id: string;
  name: string;
  conditions: ConditionSpec[];
  actions: ActionSpec[];
}

/** Rules already run per transaction, as `ruleId:workOrderId` (part 2 above). */
const ranIn = new WeakMap<object, Set<string>>();

function alreadyRan(ctx: Ctx, ruleId: string, workOrderId: string): boolean {
  let seen = ranIn.get(ctx.tx);
  if (!seen) {
    seen = new Set();
    ranIn.set(ctx.tx, seen);
  }
  const key = `${ruleId}:${workOrderId}`;
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}

/** The context a rule's actions run in: the system, permission-free, marked with the rule. */
export function ruleContext(ctx: Ctx, rule: { id: string; name: string }): Ctx {
  return { ...ctx, actor: SYSTEM_ACTOR, rule: { id: rule.id, name: rule.name } };
}

/** Runs the actions one by one, each in a savepoint; re-reads the order after each change. */
export async function runActions(
  ctx: Ctx,
  actions: readonly ActionSpec[],
  facts: OrderFacts,
): Promise<{ outcomes: ActionOutcome[]; facts: OrderFacts }> {
  const outcomes: ActionOutcome[] = [];
  let o = facts;
  for (const action of actions) {
    try {
      const result = await inSavepoint(ctx, () => runAction(ctx, action, o));
      outcomes.push({ type: action.type, ...result });
      if (result.status === 'done') o = (await loadFacts(ctx.tx, o.id)) ?? o;
    } catch (error) {
      if (error instanceof AppError) outcomes.push({ type: action.type, status: 'skipped', reason: error.code });
      else outcomes.push({ type: action.type, status: 'failed', reason: error instanceof Error ? error.message.slice(0, 500) : String(error) });
    }
  }
  return { outcomes, facts: o };
}

async function handle(ctx: Ctx, event: RecordedEvent): Promise<void> {
  if (ctx.rule) return; // part 1: changes made by rules never trigger rules
  const trigger = triggerOf(ctx, event);
  if (!trigger) return;
  const load = () =>
    ctx.tx
      .selectFrom('automation_rules')
      .select(['id', 'name', 'conditions', 'actions'])
      .where('active', '=', true)
      .where('trigger', '=', trigger)
      .orderBy('position')
      .orderBy('created_at')
      .execute();
  // Rule changes are configuration events, which drop the cache (lib/configCache.ts).
  const rules = ctx.configCache ? await ctx.configCache.get(`automation.rules.${trigger}`, load) : await load();
  if (!rules.length) return;
  let facts = await loadFacts(ctx.tx, event.subjectId);
  if (!facts) return;

  const log = [];
  for (const rule of rules) {
    if (alreadyRan(ctx, rule.id, facts.id)) continue;
    const { results, matched } = evaluate(rule.conditions, facts);
    let outcomes: ActionOutcome[] = [];
    if (matched) {
      const rctx = ruleContext(ctx, rule);
      ({ outcomes, facts } = await runActions(rctx, rule.actions, facts));
      if (outcomes.some((a) => a.status === 'done')) {
        await recordEvent(rctx, {
          subjectType: 'work_order',
          subjectId: facts.id,
          type: 'automation.ruleRan',
          data: { ruleName: rule.name, trigger, actions: outcomes },
        });
      }
    }
    const failed = outcomes.find((a) => a.status === 'failed');
    log.push({
      rule_id: rule.id,
      rule_name: rule.name,
      work_order_id: facts.id,
      event_id: event.id,
      event_type: event.type,
      trigger,
      matched,
      conditions: JSON.stringify(results),
      actions: JSON.stringify(outcomes),
      error: failed?.reason ?? null,
    });
  }
  if (log.length) await ctx.tx.insertInto('automation_rule_runs').values(log).execute();
}

export const automationSubscriber: EventSubscriber = {
  name: 'automation.rules',
  types: TRIGGER_EVENT_TYPES,
  handle,
};
