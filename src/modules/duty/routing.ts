/**
 * Duty routing (值班分派): a new, unassigned work order of a team that routes its
 * type goes to a member on duty now, by round robin or by fewest open orders,
 * assigned as the system through the normal assignment (same events, status move)
 * and pushed to the assignee as a 'dutyNewOrder' notification. With nobody on duty
 * the order stays in the team queue and its timeline says why.
 *
 * Runs first among the 'workOrder.created' subscribers. Without routing for the
 * order's team and type it costs one primary-key read; with routing that read
 * locks the team's row, so concurrent creates of one team take turns and the
 * round-robin pointer and open counts are always current.
 */
import { sql } from 'kysely';
import type { ConfigCache } from '../../lib/configCache.ts';
import type { Ctx } from '../../lib/context.ts';
import type { EventSubscriber, RecordedEvent } from '../events/dispatch.ts';
import { recordEvent } from '../events/record.ts';
import { SYSTEM_ACTOR } from '../identity/authenticate.ts';
import { notify } from '../notifications/notify.ts';
import { applyAssignment } from '../workOrders/commands/assignWorkOrder.ts';
import { activeMembers, loadRoster } from './load.ts';
import { localDay, onDutyUserIds } from './roster.ts';
import type { RoutingMode } from './tables.ts';

/** The assignment reason written on routed orders (shown in the timeline as it is). */
export const DUTY_REASON = '值班分派';
const OPEN_CATEGORIES = ['new', 'open', 'pending'] as const;

export const dutyRoutingSubscriber: EventSubscriber = {
  name: 'duty.routing',
  types: ['workOrder.created'],
  handle: routeNewOrder,
};

/** Which types each team routes (routing on): most creates need no routing and so no locked read. */
function routedTypes(ctx: Ctx, cache: ConfigCache): Promise<Map<string, Set<string>>> {
  return cache.get('duty.routedTypes', async () => {
    const rows = await ctx.tx.selectFrom('duty_teams').select(['team_id', 'routed_type_keys']).where('routing_mode', '<>', 'off').execute();
    return new Map(rows.map((r) => [r.team_id, new Set(r.routed_type_keys)]));
  });
}

async function routeNewOrder(ctx: Ctx, event: RecordedEvent): Promise<void> {
  const data = event.data ?? {};
  const teamId = typeof data.teamId === 'string' ? data.teamId : null;
  const typeKey = typeof data.typeKey === 'string' ? data.typeKey : null;
  if (event.subjectType !== 'work_order' || !teamId || !typeKey || data.assigneeId) return;
  if (ctx.configCache && !(await routedTypes(ctx, ctx.configCache)).get(teamId)?.has(typeKey)) return;

  const setting = await ctx.tx
    .selectFrom('duty_teams')
    .select(['time_zone', 'routing_mode', 'last_routed_user_id'])
    .where('team_id', '=', teamId)
    .where('routing_mode', '<>', 'off')
    .where(sql<boolean>`${typeKey} = any(routed_type_keys)`)
    .forUpdate()
    .executeTakeFirst();
  if (!setting) return;

  const system: Ctx = { ...ctx, actor: SYSTEM_ACTOR };
  const now = Date.now();
  const today = localDay(setting.time_zone, now);
  const roster = await loadRoster(ctx.tx, teamId, setting.time_zone, today - 1, today);
  const candidates = (await activeMembers(ctx.tx, teamId, onDutyUserIds(roster, now))).map((m) => m.id);
  if (!candidates.length) {
    await recordEvent(system, {
      subjectType: 'work_order',
      subjectId: event.subjectId,
      type: 'duty.unrouted',
      data: { reason: 'nobodyOnDuty', teamId },
    });
    return;
  }

  const order = await ctx.tx.selectFrom('work_orders').selectAll().where('id', '=', event.subjectId).forUpdate().executeTakeFirst();
  if (!order || order.assignee_id || order.team_id !== teamId) return;
  const assigneeId = await pick(ctx, setting.routing_mode, candidates, setting.last_routed_user_id);

  await applyAssignment(system, order, { assigneeId, reason: DUTY_REASON });
  await ctx.tx.updateTable('duty_teams').set({ last_routed_user_id: assigneeId }).where('team_id', '=', teamId).execute();
  await notify(system, {
    userIds: [assigneeId],
    kind: 'dutyNewOrder',
    workOrderId: order.id,
    data: { number: order.number, subject: order.subject, typeKey },
  });
}

/** Candidates are sorted by id: round robin takes the next id after the last routed one. */
async function pick(ctx: Ctx, mode: RoutingMode, candidates: string[], lastUserId: string | null): Promise<string> {
  if (mode === 'leastOpen') {
    const counts = await ctx.tx
      .selectFrom('work_orders')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('open')])
      .where('assignee_id', 'in', candidates)
      .where('status_category', 'in', OPEN_CATEGORIES)
      .groupBy('assignee_id')
      .execute();
    const open = new Map(counts.map((c) => [c.assignee_id, Number(c.open)]));
    // Fewest open orders; a tie goes to the lowest id, so the choice is repeatable.
    return candidates.reduce((best, id) => ((open.get(id) ?? 0) < (open.get(best) ?? 0) ? id : best));
  }
  return candidates.find((id) => lastUserId !== null && id > lastUserId) ?? candidates[0]!;
}
