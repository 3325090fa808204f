/**
 * The one way stock quantities change: lock the item row, refuse to go below
 * zero, write the new quantity and its movement row in the caller's transaction.
 * The repairs module calls this when materials are used or returned.
 */
import type { Ctx } from '../../lib/context.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import type { StockReason } from './tables.ts';
import './messages.ts';

export interface StockMove {
  stockItemId: string;
  delta: number;
  reason: StockReason;
  note?: string;
  workOrderId?: string | null;
}

export async function moveStock(ctx: Ctx, move: StockMove): Promise<number> {
  const item = await ctx.tx
    .selectFrom('stock_items')
    .select(['id', 'name', 'quantity_on_hand'])
    .where('id', '=', move.stockItemId)
    .forUpdate()
    .executeTakeFirst();
  if (!item) throw notFound('STOCK_ITEM_NOT_FOUND');
  const after = item.quantity_on_hand + move.delta;
  if (after < 0) {
    const params = { name: item.name, onHand: item.quantity_on_hand, needed: -move.delta };
    throw conflict('STOCK_INSUFFICIENT', params, { stockItemId: item.id, onHand: item.quantity_on_hand, needed: -move.delta });
  }
  await ctx.tx.updateTable('stock_items').set({ quantity_on_hand: after, updated_at: new Date() }).where('id', '=', item.id).execute();
  await ctx.tx
    .insertInto('stock_movements')
    .values({
      stock_item_id: item.id,
      delta: move.delta,
      quantity_after: after,
      reason: move.reason,
      note: move.note ?? '',
      work_order_id: move.workOrderId ?? null,
      actor_id: ctx.actor.via === 'system' ? null : ctx.actor.id,
    })
    .execute();
  return after;
}
