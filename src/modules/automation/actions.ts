/**
 * One rule action, done through the same work order commands a person uses, so
 * every change writes its normal event (marked with the rule, see engine.ts).
 * Returns what it did; throws when a command refuses (the engine records that).
 */
import type { Ctx } from '../../lib/context.ts';
import { notify } from '../notifications/notify.ts';
import { assignWorkOrder } from '../workOrders/commands/assignWorkOrder.ts';
import { replyToWorkOrder } from '../workOrders/commands/replies.ts';
import { transitionWorkOrder } from '../workOrders/commands/transitionWorkOrder.ts';
import { updateWorkOrder } from '../workOrders/commands/updateWorkOrder.ts';
import type { OrderFacts } from './facts.ts';
import type { ActionSpec } from './schema.ts';

export type ActionResult = { status: 'done' } | { status: 'skipped'; reason: string };

const done: ActionResult = { status: 'done' };
const unchanged: ActionResult = { status: 'skipped', reason: 'unchanged' };

/** Fills {number}, {subject}, {priority}, {status}, {rule}; other braces stay as written. */
export function fillPlaceholders(text: string, o: OrderFacts, ruleName: string): string {
  const values: Record<string, string> = { number: o.number, subject: o.subject, priority: o.priority, status: o.status, rule: ruleName };
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

async function recipients(ctx: Ctx, action: Extract<ActionSpec, { type: 'notify' }>, o: OrderFacts): Promise<string[]> {
  const ids = [...action.userIds];
  if (action.assignee && o.assigneeId) ids.push(o.assigneeId);
  if (action.teamLeads && o.teamId) {
    const leads = await ctx.tx.selectFrom('team_members').select('user_id').where('team_id', '=', o.teamId).where('is_lead', '=', true).execute();
    ids.push(...leads.map((l) => l.user_id));
  }
  return [...new Set(ids)];
}

/** `ctx` is the rule's context (system actor, ctx.rule set); `o` is the order as it is now. */
export async function runAction(ctx: Ctx, action: ActionSpec, o: OrderFacts): Promise<ActionResult> {
  const ruleName = ctx.rule?.name ?? '';
  switch (action.type) {
    case 'setPriority':
      if (o.priority === action.priority) return unchanged;
      await updateWorkOrder(ctx, o.id, { priority: action.priority });
      return done;
    case 'setStatus':
      if (o.status === action.status) return unchanged;
      await transitionWorkOrder(ctx, o.id, { to: action.status });
      return done;
    case 'setTeam':
      if (o.teamId === action.teamId) return unchanged;
      await assignWorkOrder(ctx, o.id, { teamId: action.teamId, reason: ruleName });
      return done;
    case 'setAssignee':
      if (o.assigneeId === action.assigneeId) return unchanged;
      await assignWorkOrder(ctx, o.id, { assigneeId: action.assigneeId, reason: ruleName });
      return done;
    case 'addTag':
      if (o.tags.includes(action.tag)) return unchanged;
      await updateWorkOrder(ctx, o.id, { tags: [...o.tags, action.tag] });
      return done;
    case 'removeTag':
      if (!o.tags.includes(action.tag)) return unchanged;
      await updateWorkOrder(ctx, o.id, { tags: o.tags.filter((t) => t !== action.tag) });
      return done;
    case 'addNote':
      await replyToWorkOrder(ctx, o.id, { body: fillPlaceholders(action.body, o, ruleName), internal: true });
      return done;
    case 'notify': {
      const userIds = await recipients(ctx, action, o);
      if (!userIds.length) return { status: 'skipped', reason: 'noRecipients' };
      const message = fillPlaceholders(action.message, o, ruleName);
      await notify(ctx, { userIds, kind: 'rule', workOrderId: o.id, data: { ruleName, ...(message ? { message } : {}) } });
      return done;
    }
  }
}
