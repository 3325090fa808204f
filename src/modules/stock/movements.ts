/**
 * The movements of one stock item, newest first and paged: counted
 * adjustments with their reason, materials used on or returned from a work
 * order, who and when. A work order the reader may not see is not named (its
 * number and id are left out), so the stock page leaks no orders.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { offsetOf, type PageQuery } from '../../lib/pagination.ts';
import { visibleTo } from '../workOrders/policy.ts';
import { authorizeStockRead } from './policy.ts';
import type { StockMovementView } from './schema.ts';

export async function listStockMovements(ctx: Ctx, stockItemId: string, page: PageQuery): Promise<{ items: StockMovementView[]; total: number }> {
  authorizeStockRead(ctx.actor);
  const item = await ctx.tx.selectFrom('stock_items').select('id').where('id', '=', stockItemId).executeTakeFirst();
  if (!item) throw notFound('STOCK_ITEM_NOT_FOUND');
  const { count } = await ctx.tx
    .selectFrom('stock_movements')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('stock_item_id', '=', stockItemId)
    .executeTakeFirstOrThrow();
  const rows = await ctx.tx
    .selectFrom('stock_movements as sm')
    .leftJoin('work_orders', 'work_orders.id', 'sm.work_order_id')
    .leftJoin('users as u', 'u.id', 'sm.actor_id')
    .selectAll('sm')
    .select(['work_orders.number', 'u.display_name'])
    // A left-joined order that is not there makes this null, not true.
    .select((eb) => sql<boolean | null>`${visibleTo(ctx.actor)(eb as never)}`.as('order_visible'))
    .where('sm.stock_item_id', '=', stockItemId)
    .orderBy('sm.id', 'desc')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute();
  return {
    total: Number(count),
    items: rows.map((m) => {
      const visible = m.work_order_id !== null && m.order_visible === true;
      return {
        id: Number(m.id),
        delta: m.delta,
        quantityAfter: m.quantity_after,
        reason: m.reason,
        note: m.note,
        workOrderId: visible ? m.work_order_id : null,
        workOrder: visible && m.number ? { id: m.work_order_id as string, number: m.number } : null,
        hiddenWorkOrder: m.work_order_id !== null && !visible,
        actorId: m.actor_id,
        actor: m.actor_id ? { id: m.actor_id, name: m.display_name ?? '' } : null,
        createdAt: m.created_at,
      };
    }),
  };
}
