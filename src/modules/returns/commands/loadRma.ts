/** Loads the RMA form of a visible work order (404 when there is none). */
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { loadVisibleWorkOrder } from '../../workOrders/policy.ts';
import type { WorkOrdersTable } from '../../workOrders/tables.ts';
import type { RmaFormsTable, RmaItemsTable } from '../tables.ts';
import '../messages.ts';

export interface Loaded {
  order: Selectable<WorkOrdersTable>;
  form: Selectable<RmaFormsTable>;
  items: Selectable<RmaItemsTable>[];
}

export async function loadRma(ctx: Ctx, workOrderId: string, options: { forUpdate?: boolean } = {}): Promise<Loaded> {
  const order = await loadVisibleWorkOrder(ctx, workOrderId, options);
  let q = ctx.tx.selectFrom('rma_forms').selectAll().where('work_order_id', '=', order.id);
  if (options.forUpdate) q = q.forUpdate();
  const form = await q.executeTakeFirst();
  if (!form) throw notFound('RMA_NOT_FOUND');
  const items = await ctx.tx.selectFrom('rma_items').selectAll().where('work_order_id', '=', order.id).orderBy('position').execute();
  return { order, form, items };
}
