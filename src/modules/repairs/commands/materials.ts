/**
 * Materials used on a repair. Taking a part from stock decrements it in the
 * same transaction (row lock, never below zero: 409 STOCK_INSUFFICIENT and
 * nothing written); a part the customer supplies leaves stock untouched and is
 * recorded as such. Removing a line puts taken stock back.
 */
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { moveStock } from '../../stock/move.ts';
import { repairEvent } from '../events.ts';
import { loadForWork } from '../policy.ts';
import type { MaterialBody, RepairView } from '../schema.ts';
import { getRepair } from './getRepair.ts';

export async function addMaterial(ctx: Ctx, id: string, input: MaterialBody): Promise<RepairView> {
  await loadForWork(ctx, id);
  const item = await ctx.tx
    .selectFrom('stock_items')
    .select(['id', 'code', 'name'])
    .where('id', '=', input.stockItemId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!item) throw notFound('STOCK_ITEM_NOT_FOUND');
  const customerSupplied = input.customerSupplied ?? false;
  if (!customerSupplied) {
    await moveStock(ctx, { stockItemId: item.id, delta: -input.quantity, reason: 'material_used', workOrderId: id });
  }
  const line = await ctx.tx
    .insertInto('repair_materials')
    .values({ work_order_id: id, stock_item_id: item.id, quantity: input.quantity, customer_supplied: customerSupplied, created_by: ctx.actor.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repairEvent(ctx, id, 'materialUsed', { materialId: line.id, stockItemId: item.id, code: item.code, name: item.name, quantity: input.quantity, customerSupplied });
  return getRepair(ctx, id);
}

export async function removeMaterial(ctx: Ctx, id: string, materialId: string): Promise<RepairView> {
  await loadForWork(ctx, id);
  const line = await ctx.tx
    .deleteFrom('repair_materials')
    .where('id', '=', materialId)
    .where('work_order_id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!line) throw notFound('REPAIR_MATERIAL_NOT_FOUND');
  if (!line.customer_supplied) {
    await moveStock(ctx, { stockItemId: line.stock_item_id, delta: line.quantity, reason: 'material_returned', workOrderId: id });
  }
  await repairEvent(ctx, id, 'materialReturned', { materialId, stockItemId: line.stock_item_id, quantity: line.quantity, customerSupplied: line.customer_supplied });
  return getRepair(ctx, id);
}
