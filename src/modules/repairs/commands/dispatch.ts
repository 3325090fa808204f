/**
 * Dispatch (派工): a dispatcher picks a technician of the order's team and an
 * appointment window agreed with the customer. The order is assigned to the
 * technician through the work order assignment command (so transfers still
 * need a reason), and the first visit is scheduled — or, if a visit is still
 * only scheduled, it is moved to the new technician and window.
 */
import type { Ctx } from '../../../lib/context.ts';
import { invalid } from '../../../lib/errors.ts';
import { assignWorkOrder } from '../../workOrders/commands/assignWorkOrder.ts';
import { authorize } from '../../workOrders/commands/checks.ts';
import { repairEvent } from '../events.ts';
import { loadRepair, requireStaff } from '../policy.ts';
import type { DispatchBody, RepairView } from '../schema.ts';
import { getRepair } from './getRepair.ts';

export function checkWindow(start: string, end: string): { start: Date; end: Date } {
  const s = new Date(start);
  const e = new Date(end);
  if (e <= s) throw invalid({ field: 'appointmentEnd' }, 'REPAIR_APPOINTMENT_INVALID');
  return { start: s, end: e };
}

export async function dispatchRepair(ctx: Ctx, id: string, input: DispatchBody): Promise<RepairView> {
  requireStaff(ctx.actor);
  const window = checkWindow(input.appointmentStart, input.appointmentEnd);
  const { order } = await loadRepair(ctx, id);
  authorize(ctx, 'assign', order);

  const technician = order.team_id
    ? await ctx.tx
        .selectFrom('users')
        .innerJoin('team_members as tm', 'tm.user_id', 'users.id')
        .select(['users.id', 'users.display_name'])
        .where('users.id', '=', input.technicianId)
        .where('users.role', '=', 'technician')
        .where('users.disabled_at', 'is', null)
        .where('tm.team_id', '=', order.team_id)
        .executeTakeFirst()
    : undefined;
  if (!technician) throw invalid({ field: 'technicianId' }, 'REPAIR_TECHNICIAN_NOT_IN_TEAM');

  if (order.assignee_id !== technician.id) await assignWorkOrder(ctx, id, { assigneeId: technician.id, reason: input.note });

  await ctx.tx
    .insertInto('repair_orders')
    .values({ work_order_id: id, dispatcher_id: ctx.actor.id, technician_id: technician.id })
    .onConflict((oc) =>
      oc.column('work_order_id').doUpdateSet({ dispatcher_id: ctx.actor.id, technician_id: technician.id, dispatched_at: new Date(), updated_at: new Date() }),
    )
    .execute();

  const scheduled = await ctx.tx
    .selectFrom('repair_visits')
    .select('id')
    .where('work_order_id', '=', id)
    .where('status', '=', 'scheduled')
    .forUpdate()
    .executeTakeFirst();
  const visit = { technician_id: technician.id, appointment_start: window.start, appointment_end: window.end };
  if (scheduled) await ctx.tx.updateTable('repair_visits').set(visit).where('id', '=', scheduled.id).execute();
  else await ctx.tx.insertInto('repair_visits').values({ work_order_id: id, ...visit }).execute();

  await repairEvent(
    ctx,
    id,
    'dispatched',
    { technicianName: technician.display_name, appointmentStart: input.appointmentStart, appointmentEnd: input.appointmentEnd },
    true,
  );
  if (input.note) await repairEvent(ctx, id, 'dispatchNote', { technicianId: technician.id, note: input.note });
  return getRepair(ctx, id);
}
