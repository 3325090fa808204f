/**
 * Escalation actions of a reached step, run as the system actor through the
 * normal commands (assignment and field edits write their own events, which
 * routing, rules and notifications see like any other change).
 */
import type { Ctx } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { notify } from '../notifications/notify.ts';
import { assignWorkOrder } from '../workOrders/commands/assignWorkOrder.ts';
import { updateWorkOrder } from '../workOrders/commands/updateWorkOrder.ts';
import type { Priority } from '../workOrders/tables.ts';
import type { ClockRow } from './clockMath.ts';
import type { ActionType } from './tables.ts';

const RAISED: Record<Priority, Priority | null> = { low: 'normal', normal: 'high', high: 'urgent', urgent: null };

async function teamLeads(ctx: Ctx, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const rows = await ctx.tx
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select('users.id')
    .where('team_members.team_id', '=', teamId)
    .where('team_members.is_lead', '=', true)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.created_at')
    .execute();
  return rows.map((r) => r.id);
}

/** Runs each action once; returns what was done, for the timeline and the event log. */
export async function runActions(ctx: Ctx, clock: ClockRow, percent: number, actions: ActionType[]): Promise<Array<{ type: ActionType; done: boolean; detail?: unknown }>> {
  const kind = percent >= 100 ? 'slaBreach' : 'slaWarning';
  const data = { clock: clock.clock, clockLabel: clock.clock, percent, dueAt: clock.due_at?.toISOString() ?? null };
  const results: Array<{ type: ActionType; done: boolean; detail?: unknown }> = [];
  for (const type of actions) {
    // Earlier actions change the order (assignee, priority): read it afresh each time.
    const order = await ctx.tx
      .selectFrom('work_orders')
      .select(['id', 'team_id', 'assignee_id', 'first_contact_id', 'priority', 'status_category'])
      .where('id', '=', clock.work_order_id)
      .executeTakeFirstOrThrow();
    try {
      results.push(await runAction(ctx, type, order, kind, data));
    } catch (error) {
      // A refused command (e.g. the lead left the team) skips that action, not the escalation.
      if (!(error instanceof AppError)) throw error;
      results.push({ type, done: false, detail: error.code });
    }
  }
  return results;
}

type Order = { id: string; team_id: string | null; assignee_id: string | null; first_contact_id: string | null; priority: Priority };

async function runAction(ctx: Ctx, type: ActionType, order: Order, kind: 'slaWarning' | 'slaBreach', data: Record<string, unknown>) {
  const tell = async (userIds: string[]) => {
    if (userIds.length) await notify(ctx, { userIds, kind, workOrderId: order.id, data });
    return { type, done: userIds.length > 0, detail: userIds };
  };
  switch (type) {
    case 'notifyAssignee':
      return tell(order.assignee_id ? [order.assignee_id] : []);
    case 'notifyFirstContact':
      return tell(order.first_contact_id ? [order.first_contact_id] : []);
    case 'notifyTeamLead':
      return tell(await teamLeads(ctx, order.team_id));
    case 'reassignToTeamLead': {
      const lead = (await teamLeads(ctx, order.team_id))[0];
      if (!lead || lead === order.assignee_id) return { type, done: false };
      await assignWorkOrder(ctx, order.id, { assigneeId: lead, reason: 'SLA escalation / SLA 超时升级' });
      return { type, done: true, detail: lead };
    }
    case 'raisePriority': {
      const next = RAISED[order.priority];
      if (!next) return { type, done: false };
      await updateWorkOrder(ctx, order.id, { priority: next });
      return { type, done: true, detail: { from: order.priority, to: next } };
    }
  }
}
