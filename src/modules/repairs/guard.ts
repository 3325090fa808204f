/**
 * A repair-process order cannot reach a "resolved" status without the
 * customer's acceptance — unless a supervisor (admin, manager, lead of the
 * order's team) gives an override reason, which the status event records.
 * Closing (e.g. a cancelled repair) is not guarded.
 */
import { conflict } from '../../lib/errors.ts';
import type { TransitionGuard } from '../workOrders/transitionGuards.ts';
import { repairEvent } from './events.ts';
import { isRepairType, isSupervisor } from './policy.ts';

export const acceptanceGuard: TransitionGuard = async (ctx, order, to, input) => {
  if (!isRepairType(order.type_key) || to.category !== 'resolved' || order.status_category === 'resolved') return;
  const repair = await ctx.tx.selectFrom('repair_orders').select('accepted_at').where('work_order_id', '=', order.id).executeTakeFirst();
  if (repair?.accepted_at) return;
  if (input.overrideReason && isSupervisor(ctx.actor, order)) {
    await repairEvent(ctx, order.id, 'acceptanceOverridden', { reason: input.overrideReason });
    return;
  }
  throw conflict('REPAIR_ACCEPTANCE_REQUIRED');
};
