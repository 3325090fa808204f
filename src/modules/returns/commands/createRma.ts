/** Opens the RMA form of a work order with its items; one form per order. */
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden } from '../../../lib/errors.ts';
import { recordEvent } from '../../events/record.ts';
import { loadVisibleWorkOrder } from '../../workOrders/policy.ts';
import { can } from '../policy.ts';
import { presentRma } from '../present.ts';
import type { CreateRmaBody, RmaView } from '../schema.ts';
import { checkAssets } from './editItems.ts';
import { loadRma } from './loadRma.ts';

export async function createRma(ctx: Ctx, workOrderId: string, input: CreateRmaBody): Promise<RmaView> {
  const order = await loadVisibleWorkOrder(ctx, workOrderId, { forUpdate: true });
  if (!can(ctx.actor, 'edit', order)) throw forbidden();
  const existing = await ctx.tx.selectFrom('rma_forms').select('work_order_id').where('work_order_id', '=', order.id).executeTakeFirst();
  if (existing) throw conflict('RMA_EXISTS');
  await checkAssets(
    ctx,
    order,
    input.items.flatMap((i) => (i.assetId ? [i.assetId] : [])),
  );
  await ctx.tx
    .insertInto('rma_forms')
    .values({ work_order_id: order.id, requested_action: input.requestedAction, notes: input.notes, created_by: ctx.actor.id })
    .execute();
  await ctx.tx
    .insertInto('rma_items')
    .values(
      input.items.map((item, index) => ({
        work_order_id: order.id,
        position: index + 1,
        asset_id: item.assetId ?? null,
        product: item.product,
        serial: item.serial,
        quantity: item.quantity,
        fault_description: item.faultDescription,
      })),
    )
    .execute();
  await recordEvent(ctx, {
    subjectType: 'work_order',
    subjectId: order.id,
    type: 'rma.created',
    public: true,
    data: {
      requestedAction: input.requestedAction,
      items: input.items.map((i) => ({ product: i.product, serial: i.serial, quantity: i.quantity })),
    },
  });
  return presentRma(ctx, await loadRma(ctx, order.id));
}
