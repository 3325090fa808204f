import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { loadVisibleWorkOrder } from '../workOrders/policy.ts';
import { presentOutbound } from './present.ts';
import type { OutboundMessageView } from './schema.ts';

/** The messages sent (or not) for a work order, oldest first: staff who see the order, never customers. */
export async function listWorkOrderMessages(ctx: Ctx, workOrderId: string): Promise<OutboundMessageView[]> {
  if (ctx.actor.role === 'customer') throw forbidden();
  await loadVisibleWorkOrder(ctx, workOrderId);
  const rows = await ctx.tx
    .selectFrom('outbound_messages')
    .selectAll()
    .where('work_order_id', '=', workOrderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentOutbound);
}
